//! The ten ServiceAccount endpoints (service accounts, their API keys and JWTs), and
//! [`service_accounts`](Self::service_accounts).

use futures_core::Stream;

use crate::models::{
    JwtResponse, ListSecretKeysResponse, ListServiceAccountsResponse, SecretKeyCreate,
    SecretKeyResponse, ServiceAccount, ServiceAccountCreate, ServiceAccountResponse,
    ServiceAccountUpdate,
};
use crate::paging::{PAGE_LIMIT, paged};
use crate::{AsClient, Client, Result, endpoint};

/// Service accounts of an account, their API keys and account JWTs (Smooch's
/// `ServiceAccountApi`).
///
/// # Account scope
///
/// Every operation here needs an **account-scoped** credential: an account key (`act_...`) or
/// a service account key (`svc_...`), with [`basic_auth`](crate::ClientBuilder::basic_auth) or
/// with a JWT signed for [`JwtScope::Account`](crate::JwtScope::Account). (The spec declares no
/// per-operation scopes; this follows Smooch's documentation of its account provisioning API.)
///
/// The four key operations are named `*_service_account_key(s)` here and `*_app_key(s)` on
/// [`AppApi`](crate::AppApi), where the spec gives both the same names.
///
/// ```no_run
/// use smooch_client::{Client, ServiceAccountApi, models::{SecretKeyCreate, ServiceAccountCreate}};
///
/// # async fn demo(account: Client) -> smooch_client::Result<()> {
/// let bot = account.create_service_account(&ServiceAccountCreate::new("Deploy bot")).await?;
/// let id = &bot.service_account.id;
/// let key = account.create_service_account_key(id, &SecretKeyCreate::new("ci")).await?.key;
/// let jwt = account.get_service_account_jwt(id, &key.id).await?.jwt;
/// # Ok(()) }
/// ```
pub trait ServiceAccountApi {
    /// Creates a service account.
    #[endpoint(POST, "/v1.1/serviceaccounts", body = service_account_create_body)]
    async fn create_service_account(
        &self,
        service_account_create_body: &ServiceAccountCreate,
    ) -> Result<ServiceAccountResponse>;

    /// Lists one page of the account's service accounts: `limit`
    /// of them (the API's default is 25) from `offset`. [`service_accounts`](Self::service_accounts) streams
    /// every page.
    #[endpoint(GET, "/v1.1/serviceaccounts?<limit>&<offset>")]
    async fn list_service_accounts(
        &self,
        limit: Option<u32>,
        offset: Option<u32>,
    ) -> Result<ListServiceAccountsResponse>;

    /// Gets a service account.
    #[endpoint(GET, "/v1.1/serviceaccounts/<service_account_id>")]
    async fn get_service_account(&self, service_account_id: &str)
    -> Result<ServiceAccountResponse>;

    /// Renames a service account.
    #[endpoint(
        PUT,
        "/v1.1/serviceaccounts/<service_account_id>",
        body = service_account_update_body
    )]
    async fn update_service_account(
        &self,
        service_account_id: &str,
        service_account_update_body: &ServiceAccountUpdate,
    ) -> Result<ServiceAccountResponse>;

    /// Deletes a service account and its keys.
    #[endpoint(DELETE, "/v1.1/serviceaccounts/<service_account_id>")]
    async fn delete_service_account(&self, service_account_id: &str) -> Result<()>;

    /// Creates an API key for a service account
    /// (answers 200). The response
    /// holds the key's secret.
    #[endpoint(
        POST,
        "/v1.1/serviceaccounts/<service_account_id>/keys",
        body = secret_key_create_body
    )]
    async fn create_service_account_key(
        &self,
        service_account_id: &str,
        secret_key_create_body: &SecretKeyCreate,
    ) -> Result<SecretKeyResponse>;

    /// Lists every API key of a service account
    /// (not paged).
    #[endpoint(GET, "/v1.1/serviceaccounts/<service_account_id>/keys")]
    async fn list_service_account_keys(
        &self,
        service_account_id: &str,
    ) -> Result<ListSecretKeysResponse>;

    /// Gets an API key of a service account.
    #[endpoint(GET, "/v1.1/serviceaccounts/<service_account_id>/keys/<key_id>")]
    async fn get_service_account_key(
        &self,
        service_account_id: &str,
        key_id: &str,
    ) -> Result<SecretKeyResponse>;

    /// Deletes an API key of a service account.
    #[endpoint(DELETE, "/v1.1/serviceaccounts/<service_account_id>/keys/<key_id>")]
    async fn delete_service_account_key(
        &self,
        service_account_id: &str,
        key_id: &str,
    ) -> Result<()>;

    /// Gets an account-scoped JWT signed with a service account key
    /// (the spec's
    /// `getJwt`).
    #[endpoint(GET, "/v1.1/serviceaccounts/<service_account_id>/keys/<key_id>/jwt")]
    async fn get_service_account_jwt(
        &self,
        service_account_id: &str,
        key_id: &str,
    ) -> Result<JwtResponse>;
    /// Every service account of the account, fetched a page ([`PAGE_LIMIT`]) at a time with
    /// [`list_service_accounts`](ServiceAccountApi::list_service_accounts) as the stream is
    /// read. Needs account scope. An error is yielded once and ends the stream. Against a
    /// server whose pages lie, no account comes twice and the stream ends
    /// ([`DEDUP_WINDOW`](crate::DEDUP_WINDOW)).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use smooch_client::ServiceAccountApi;
    /// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
    /// let all: Vec<_> = client.service_accounts().try_collect().await?;
    /// # Ok(()) }
    /// ```
    fn service_accounts(
        &self,
    ) -> impl Stream<Item = Result<ServiceAccount>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let client = self.as_client().clone();
        paged("service_accounts", PAGE_LIMIT, move |offset, limit| {
            client.list_service_accounts(Some(limit), Some(offset))
        })
    }
}

impl ServiceAccountApi for Client {}
