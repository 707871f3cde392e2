//! The five Webhook API endpoints.

use crate::models::{ListWebhooksResponse, WebhookCreate, WebhookResponse, WebhookUpdate};
use crate::{Client, Result, endpoint};

/// Creating, reading, changing and deleting an app's webhooks (Smooch's `WebhookApi`).
///
/// An app has at most 10 webhooks; each has its own secret, which Smooch sends in the
/// `X-API-Key` header of every event: receive them with [`webhook`](crate::webhook). Needs an
/// app- or account-scoped key.
///
/// ```
/// use smooch_client::{Client, WebhookApi};
/// use smooch_client::models::{WebhookCreate, WebhookTrigger};
/// use smooch_client::webhook::Verifier;
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// let hook = WebhookCreate::new("https://bots.example.net/smooch")
///     .with_triggers([WebhookTrigger::MessageAppUser, WebhookTrigger::Postback]);
/// let created = client.create_webhook("app_id", &hook).await?.webhook;
/// // Keep the secret where the receiver finds it; it checks every event against it.
/// let verifier = Verifier::for_app("app_id", created.secret);
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
pub trait WebhookApi {
    /// Lists the app's webhooks.
    #[endpoint(GET, "/v1.1/apps/<app_id>/webhooks")]
    async fn list_webhooks(&self, app_id: &str) -> Result<ListWebhooksResponse>;

    /// Creates a webhook; the response carries its
    /// generated secret. Not retried after it may have reached Smooch (a retry could create a
    /// second webhook).
    #[endpoint(POST, "/v1.1/apps/<app_id>/webhooks", body = webhook_create_body)]
    async fn create_webhook(
        &self,
        app_id: &str,
        webhook_create_body: &WebhookCreate,
    ) -> Result<WebhookResponse>;

    /// Gets one webhook.
    #[endpoint(GET, "/v1.1/apps/<app_id>/webhooks/<webhook_id>")]
    async fn get_webhook(&self, app_id: &str, webhook_id: &str) -> Result<WebhookResponse>;

    /// Changes what is set in `webhook_update_body`.
    #[endpoint(PUT, "/v1.1/apps/<app_id>/webhooks/<webhook_id>", body = webhook_update_body)]
    async fn update_webhook(
        &self,
        app_id: &str,
        webhook_id: &str,
        webhook_update_body: &WebhookUpdate,
    ) -> Result<WebhookResponse>;

    /// Deletes a webhook; its secret stops
    /// being sent.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/webhooks/<webhook_id>")]
    async fn delete_webhook(&self, app_id: &str, webhook_id: &str) -> Result<()>;
}

impl WebhookApi for Client {}
