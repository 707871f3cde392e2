//! Webhooks: create, list, get, update and delete the webhooks of an integration.

use crate::v2::V2;
use crate::v2::models::{WebhookCreate, WebhookListResponse, WebhookResponse, WebhookUpdate};
use crate::{Result, endpoint};

/// The webhooks of an integration: where its events are POSTed, and which (at most 10 per
/// app). A webhook hangs off a `custom` integration or an OAuth ("Sunshine Conversations
/// Connect") integration.
///
/// Integration or app scope, **not** account: an account key is refused (403). Called with an
/// OAuth access token (integration scope), `integration_id` may be the literal `"me"`, the
/// calling integration; webhooks created that way are visible only to it.
///
/// Each webhook's secret comes with every answer that carries it; every delivery sends it as
/// `X-API-Key`, and it cannot be changed (to rotate it, create a webhook and delete the old
/// one).
///
/// ```no_run
/// use smooch_client::v2::WebhooksApi;
/// use smooch_client::v2::models::{WebhookCreate, WebhookTrigger};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let hook = WebhookCreate::new(
///     "https://bots.example.net/sunco",
///     [WebhookTrigger::ConversationMessage, WebhookTrigger::ConversationPostback],
/// );
/// // With an OAuth token, "me" is the calling integration.
/// let created = client.v2().create_webhook("5963c0d619a30a2e00de36b8", "me", &hook).await?;
/// let secret = created.webhook.and_then(|webhook| webhook.secret);
/// # let _ = secret;
/// # Ok(()) }
/// ```
pub trait WebhooksApi {
    /// Creates a webhook (201); the answer carries its generated secret.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/integrations/<integration_id>/webhooks",
        body = webhook
    )]
    async fn create_webhook(
        &self,
        app_id: &str,
        integration_id: &str,
        webhook: &WebhookCreate,
    ) -> Result<WebhookResponse>;

    /// Lists the integration's webhooks (no paging).
    #[endpoint(GET, "/v2/apps/<app_id>/integrations/<integration_id>/webhooks")]
    async fn list_webhooks(
        &self,
        app_id: &str,
        integration_id: &str,
    ) -> Result<WebhookListResponse>;

    /// Gets one webhook.
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/integrations/<integration_id>/webhooks/<webhook_id>"
    )]
    async fn get_webhook(
        &self,
        app_id: &str,
        integration_id: &str,
        webhook_id: &str,
    ) -> Result<WebhookResponse>;

    /// Changes a webhook: only what the body sets.
    #[endpoint(
        PATCH,
        "/v2/apps/<app_id>/integrations/<integration_id>/webhooks/<webhook_id>",
        body = webhook
    )]
    async fn update_webhook(
        &self,
        app_id: &str,
        integration_id: &str,
        webhook_id: &str,
        webhook: &WebhookUpdate,
    ) -> Result<WebhookResponse>;

    /// Deletes a webhook (answers `{}`); its events stop.
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/integrations/<integration_id>/webhooks/<webhook_id>"
    )]
    async fn delete_webhook(
        &self,
        app_id: &str,
        integration_id: &str,
        webhook_id: &str,
    ) -> Result<()>;
}

impl WebhooksApi for V2 {}
