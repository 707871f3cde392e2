//! The Webhook API's models: [`Webhook`], [`WebhookCreate`], [`WebhookUpdate`] and their
//! responses.

use smooch_macros::model;

use super::enums::WebhookTrigger;
use crate::Secret;

/// A webhook as the API returns it (response).
///
/// Its [`secret`](Self::secret) is what Smooch sends in the `X-API-Key` header of every call to
/// [`target`](Self::target): give it to a [`webhook::Verifier`](crate::webhook::Verifier). It
/// never shows in `Debug`; serializing the model writes it (see [`Secret`]).
#[model]
pub struct Webhook {
    /// The webhook id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// The URL Smooch POSTs events to.
    #[model(required)]
    pub target: String,
    /// What the webhook subscribes to.
    #[model(required, always)]
    pub triggers: Vec<WebhookTrigger>,
    /// The shared secret sent as `X-API-Key` with every event. Smooch generates it; it cannot be
    /// changed (to rotate it, create a new webhook and delete the old one).
    #[model(required)]
    pub secret: Secret,
    /// The payload version of the events, e.g. `v1.1` (that of the API the webhook was created
    /// with).
    pub version: Option<String>,
    /// Whether events carry the conversation's `client`.
    pub include_client: Option<bool>,
    /// Whether events carry the complete `appUser` instead of its id.
    pub include_full_app_user: Option<bool>,
}

/// A webhook to create (request body of *create webhook*).
///
/// ```rust
/// use smooch_client::models::{WebhookCreate, WebhookTrigger};
///
/// let hook = WebhookCreate::new("https://bots.example.net/smooch")
///     .with_triggers([WebhookTrigger::MessageAppUser, WebhookTrigger::Postback])
///     .with_include_client(true);
/// assert_eq!(
///     serde_json::to_string(&hook).unwrap(),
///     r#"{"target":"https://bots.example.net/smooch","triggers":["message:appUser","postback"],"includeClient":true}"#,
/// );
/// ```
#[model(request, setters)]
pub struct WebhookCreate {
    /// The URL Smooch will POST events to (use `https`).
    #[model(required)]
    pub target: String,
    /// What to subscribe to; left out when empty (Smooch then picks its default).
    pub triggers: Vec<WebhookTrigger>,
    /// Whether events should carry the conversation's `client`.
    pub include_client: Option<bool>,
    /// Whether events should carry the complete `appUser`.
    pub include_full_app_user: Option<bool>,
}

impl WebhookCreate {
    /// A webhook calling `target`, with Smooch's default triggers.
    pub fn new(target: impl Into<String>) -> Self {
        Self {
            target: target.into(),
            ..Self::default()
        }
    }
}

/// Changes to a webhook (request body of *update webhook*): only what is set is sent, and only
/// that changes. The secret cannot be changed.
///
/// ```rust
/// use smooch_client::models::{WebhookTrigger, WebhookUpdate};
///
/// let change = WebhookUpdate::new().with_triggers([WebhookTrigger::MessageAppUser]);
/// assert_eq!(serde_json::to_string(&change).unwrap(), r#"{"triggers":["message:appUser"]}"#);
/// ```
#[model(request, setters)]
pub struct WebhookUpdate {
    /// A new target URL.
    pub target: Option<String>,
    /// New triggers, replacing the old ones.
    pub triggers: Option<Vec<WebhookTrigger>>,
    /// Whether events carry the conversation's `client`.
    pub include_client: Option<bool>,
    /// Whether events carry the complete `appUser`.
    pub include_full_app_user: Option<bool>,
}

impl WebhookUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Response of *create*, *get* and *update webhook*.
#[model]
pub struct WebhookResponse {
    /// The webhook.
    #[model(key)]
    pub webhook: Webhook,
}

/// Response of *list webhooks*: every webhook of the app (at most 10; no paging).
#[model]
pub struct ListWebhooksResponse {
    /// The webhooks.
    #[model(required, always)]
    pub webhooks: Vec<Webhook>,
}
