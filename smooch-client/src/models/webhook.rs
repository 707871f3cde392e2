//! The Webhook API's models: [`Webhook`], [`WebhookCreate`], [`WebhookUpdate`] and their
//! responses.

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
use super::enums::WebhookTrigger;
use crate::Secret;

/// A webhook as the API returns it (response).
///
/// Its [`secret`](Self::secret) is what Smooch sends in the `X-API-Key` header of every call to
/// [`target`](Self::target): give it to a [`webhook::Verifier`](crate::webhook::Verifier). It
/// never shows in `Debug`; serializing the model writes it (see [`Secret`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Webhook {
    /// The webhook id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// The URL Smooch POSTs events to.
    #[decode(required)]
    pub target: String,
    /// What the webhook subscribes to.
    #[decode(required)]
    pub triggers: Vec<WebhookTrigger>,
    /// The shared secret sent as `X-API-Key` with every event. Smooch generates it; it cannot be
    /// changed (to rotate it, create a new webhook and delete the old one).
    #[decode(required)]
    pub secret: Secret,
    /// The payload version of the events, e.g. `v1.1` (that of the API the webhook was created
    /// with).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Whether events carry the conversation's `client`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_client: Option<bool>,
    /// Whether events carry the complete `appUser` instead of its id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_full_app_user: Option<bool>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct WebhookCreate {
    /// The URL Smooch will POST events to (use `https`).
    #[decode(required)]
    pub target: String,
    /// What to subscribe to; left out when empty (Smooch then picks its default).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub triggers: Vec<WebhookTrigger>,
    /// Whether events should carry the conversation's `client`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_client: Option<bool>,
    /// Whether events should carry the complete `appUser`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_full_app_user: Option<bool>,
    /// Keys this crate does not know (sent as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl WebhookCreate {
    /// A webhook calling `target`, with Smooch's default triggers.
    pub fn new(target: impl Into<String>) -> Self {
        Self {
            target: target.into(),
            ..Self::default()
        }
    }

    /// Sets the triggers.
    pub fn with_triggers(mut self, triggers: impl IntoIterator<Item = WebhookTrigger>) -> Self {
        self.triggers = triggers.into_iter().collect();
        self
    }

    /// Sets whether events carry the conversation's `client`.
    pub fn with_include_client(mut self, include_client: bool) -> Self {
        self.include_client = Some(include_client);
        self
    }

    /// Sets whether events carry the complete `appUser`.
    pub fn with_include_full_app_user(mut self, include_full_app_user: bool) -> Self {
        self.include_full_app_user = Some(include_full_app_user);
        self
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct WebhookUpdate {
    /// A new target URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// New triggers, replacing the old ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triggers: Option<Vec<WebhookTrigger>>,
    /// Whether events carry the conversation's `client`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_client: Option<bool>,
    /// Whether events carry the complete `appUser`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_full_app_user: Option<bool>,
    /// Keys this crate does not know (sent as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl WebhookUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Changes the target URL.
    pub fn with_target(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }

    /// Replaces the triggers.
    pub fn with_triggers(mut self, triggers: impl IntoIterator<Item = WebhookTrigger>) -> Self {
        self.triggers = Some(triggers.into_iter().collect());
        self
    }

    /// Changes whether events carry the conversation's `client`.
    pub fn with_include_client(mut self, include_client: bool) -> Self {
        self.include_client = Some(include_client);
        self
    }

    /// Changes whether events carry the complete `appUser`.
    pub fn with_include_full_app_user(mut self, include_full_app_user: bool) -> Self {
        self.include_full_app_user = Some(include_full_app_user);
        self
    }
}

/// Response of *create*, *get* and *update webhook*.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct WebhookResponse {
    /// The webhook.
    #[decode(key)]
    pub webhook: Webhook,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *list webhooks*: every webhook of the app (at most 10; no paging).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListWebhooksResponse {
    /// The webhooks.
    #[decode(required)]
    pub webhooks: Vec<Webhook>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}
