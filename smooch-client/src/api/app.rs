//! The eleven App endpoints (apps, their API keys and JWTs), and [`apps`](Self::apps).

use futures_core::Stream;

use crate::models::{
    App, AppCreate, AppResponse, AppUpdate, GetSdkIdsResponse, JwtResponse, ListAppsOptions,
    ListAppsResponse, ListSecretKeysResponse, SecretKeyCreate, SecretKeyResponse,
};
use crate::paging::{PAGE_LIMIT, paged};
use crate::{AsClient, Client, Result, endpoint};

/// Apps of an account, their API keys and app JWTs (Smooch's `AppApi`).
///
/// # Account scope
///
/// Every operation here manages the account's apps, so it needs an **account-scoped**
/// credential: an account key (`act_...`) or a service account key (`svc_...`), with
/// [`basic_auth`](crate::ClientBuilder::basic_auth) or with a JWT signed for
/// [`JwtScope::Account`](crate::JwtScope::Account); an app key (`app_...`) is refused. (The
/// spec declares no per-operation scopes; this follows Smooch's documentation of its account
/// provisioning API.)
///
/// The four key operations are named `*_app_key(s)` here and `*_service_account_key(s)` on
/// [`ServiceAccountApi`](crate::ServiceAccountApi), where the spec gives both the same names.
///
/// ```no_run
/// use smooch_client::{AppApi, Client, JwtScope, models::{AppCreate, SecretKeyCreate}};
///
/// # async fn demo() -> smooch_client::Result<()> {
/// let account = Client::builder()
///     .sign_jwt("act_5963ceb97cde542d000dbdb1", "account-key-secret", JwtScope::Account)
///     .build()?;
/// let app = account.create_app(&AppCreate::new("Support")).await?.app;
/// let key = account.create_app_key(&app.id, &SecretKeyCreate::new("server")).await?.key;
/// // An app-scoped client for everything else.
/// let client = Client::builder()
///     .basic_auth(&key.id, key.secret.expect("a new key has its secret"))
///     .build()?;
/// # Ok(()) }
/// ```
pub trait AppApi {
    /// Creates an app.
    #[endpoint(POST, "/v1.1/apps", body = app_create_body)]
    async fn create_app(&self, app_create_body: &AppCreate) -> Result<AppResponse>;

    /// Lists one page of the account's apps: `limit` apps (the API's default is 25) from
    /// `offset`; with `service_account_id`, only the apps that service account may access
    /// (see [`ListAppsOptions`]). [`apps`](Self::apps) streams every page.
    #[endpoint(GET, "/v1.1/apps?<options..>")]
    async fn list_apps(&self, options: &ListAppsOptions) -> Result<ListAppsResponse>;

    /// Gets an app.
    #[endpoint(GET, "/v1.1/apps/<app_id>")]
    async fn get_app(&self, app_id: &str) -> Result<AppResponse>;

    /// Changes an app's name, settings or metadata.
    #[endpoint(PUT, "/v1.1/apps/<app_id>", body = app_update_body)]
    async fn update_app(&self, app_id: &str, app_update_body: &AppUpdate) -> Result<AppResponse>;

    /// Deletes an app, with its users, conversations and integrations.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>")]
    async fn delete_app(&self, app_id: &str) -> Result<()>;

    /// Gets the integration ids the Android, iOS and Web SDKs initialize with.
    #[endpoint(GET, "/v1.1/apps/<app_id>/sdks")]
    async fn get_sdk_ids(&self, app_id: &str) -> Result<GetSdkIdsResponse>;

    /// Creates an API key for an app (answers 200). The
    /// response holds the key's secret.
    #[endpoint(POST, "/v1.1/apps/<app_id>/keys", body = secret_key_create_body)]
    async fn create_app_key(
        &self,
        app_id: &str,
        secret_key_create_body: &SecretKeyCreate,
    ) -> Result<SecretKeyResponse>;

    /// Lists every API key of an app (not paged).
    #[endpoint(GET, "/v1.1/apps/<app_id>/keys")]
    async fn list_app_keys(&self, app_id: &str) -> Result<ListSecretKeysResponse>;

    /// Gets an API key of an app.
    #[endpoint(GET, "/v1.1/apps/<app_id>/keys/<key_id>")]
    async fn get_app_key(&self, app_id: &str, key_id: &str) -> Result<SecretKeyResponse>;

    /// Deletes an API key of an app.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/keys/<key_id>")]
    async fn delete_app_key(&self, app_id: &str, key_id: &str) -> Result<()>;

    /// Gets an app-scoped JWT signed with an app key.
    #[endpoint(GET, "/v1.1/apps/<app_id>/keys/<key_id>/jwt")]
    async fn get_app_jwt(&self, app_id: &str, key_id: &str) -> Result<JwtResponse>;
    /// Every app of the account (with `service_account_id`, every app that service account may
    /// access), fetched a page ([`PAGE_LIMIT`] apps) at a time with
    /// [`list_apps`](AppApi::list_apps) as the stream is read. Needs account scope.
    ///
    /// Each page starts where the previous one ended (its `offset` plus its length) while the
    /// API says more follow (`hasMore`). An error is yielded once and ends the stream. Against
    /// a server whose pages lie, no app comes twice and the stream ends
    /// ([`DEDUP_WINDOW`](crate::DEDUP_WINDOW)).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use smooch_client::AppApi;
    /// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
    /// let mut apps = std::pin::pin!(client.apps(None));
    /// while let Some(app) = apps.try_next().await? {
    ///     println!("{}: {}", app.id, app.name);
    /// }
    /// # Ok(()) }
    /// ```
    fn apps(
        &self,
        service_account_id: Option<&str>,
    ) -> impl Stream<Item = Result<App>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let client = self.as_client().clone();
        let service_account_id = service_account_id.map(str::to_owned);
        paged("apps", PAGE_LIMIT, move |offset, limit| {
            let options = ListAppsOptions {
                limit: Some(limit),
                offset: Some(offset),
                service_account_id: service_account_id.clone(),
            };
            client.list_apps(&options)
        })
    }
}

impl AppApi for Client {}
