//! Custom integration keys: create, list, get and delete the keys of a custom integration.

use crate::v2::V2;
use crate::v2::models::{
    IntegrationApiKeyCreate, IntegrationApiKeyListResponse, IntegrationApiKeyResponse,
};
use crate::{Result, endpoint};

/// A custom integration's API keys (`int_…`, the sheet's `CustomIntegrationApiKeys`): at most
/// 10 per integration, and only `custom` integrations have them (another type answers 400).
/// App or account scope.
///
/// Such a key acts with the `integration` scope: it can call what an integration may (users,
/// conversations, messages, attachments, its own webhooks). Use it with basic auth
/// ([`ClientBuilder::basic_auth`](crate::ClientBuilder::basic_auth) with its id and secret).
/// The API says it can also sign JWTs, but not which `scope` claim such a JWT carries
/// (unconfirmed), so this crate does not guess one.
///
/// ```no_run
/// use smooch_client::Client;
/// use smooch_client::v2::{CustomIntegrationKeysApi, models::IntegrationApiKeyCreate};
///
/// # async fn demo(client: Client) -> smooch_client::Result<()> {
/// let (app_id, integration_id) = ("5963c0d619a30a2e00de36b8", "5e4af71a81966c000f7f8cd4");
/// let created = client
///     .v2()
///     .create_custom_integration_key(app_id, integration_id, &IntegrationApiKeyCreate::new("bot"))
///     .await?;
/// if let Some(key) = created.key {
///     if let (Some(id), Some(secret)) = (key.id, key.secret) {
///         // A client acting as the integration.
///         let bot = Client::builder().basic_auth(id, secret).build()?;
///         # let _ = bot;
///     }
/// }
/// # Ok(()) }
/// ```
pub trait CustomIntegrationKeysApi {
    /// Creates a key for the custom integration (201); the answer carries its secret.
    #[endpoint(POST, "/v2/apps/<app_id>/integrations/<integration_id>/keys", body = key)]
    async fn create_custom_integration_key(
        &self,
        app_id: &str,
        integration_id: &str,
        key: &IntegrationApiKeyCreate,
    ) -> Result<IntegrationApiKeyResponse>;

    /// Lists every key of the custom integration (no paging).
    #[endpoint(GET, "/v2/apps/<app_id>/integrations/<integration_id>/keys")]
    async fn list_custom_integration_keys(
        &self,
        app_id: &str,
        integration_id: &str,
    ) -> Result<IntegrationApiKeyListResponse>;

    /// Gets one key of the custom integration.
    #[endpoint(GET, "/v2/apps/<app_id>/integrations/<integration_id>/keys/<key_id>")]
    async fn get_custom_integration_key(
        &self,
        app_id: &str,
        integration_id: &str,
        key_id: &str,
    ) -> Result<IntegrationApiKeyResponse>;

    /// Deletes a key of the custom integration (answers `{}`): it stops authenticating.
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/integrations/<integration_id>/keys/<key_id>"
    )]
    async fn delete_custom_integration_key(
        &self,
        app_id: &str,
        integration_id: &str,
        key_id: &str,
    ) -> Result<()>;
}

impl CustomIntegrationKeysApi for V2 {}
