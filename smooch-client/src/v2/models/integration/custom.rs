//! Your own integration: [`Custom`], which receives the app's events at its webhook
//! ([`CustomWebhook`]), and [`CustomUpdate`].

use smooch_macros::model;

use crate::Secret;
use crate::models::Id;

/// A `custom` integration: your own code, called at its webhook with the app's events. The
/// same model is read and sent: created with exactly one webhook ([`Custom::new`]), which
/// comes back with its id, payload version and secret. More webhooks are managed with the
/// webhook endpoints of the integration.
///
/// ```
/// use smooch_client::v2::models::{Custom, CustomWebhook, IntegrationCreate};
///
/// let hook = CustomWebhook::new("https://example.org/hook", ["conversation:message"])
///     .with_include_full_user(true);
/// let body = IntegrationCreate::new(Custom::new(hook)).with_display_name("Bot");
/// assert_eq!(
///     serde_json::to_string(&body)?,
///     r#"{"displayName":"Bot","type":"custom","webhooks":[{"target":"https://example.org/hook","triggers":["conversation:message"],"includeFullUser":true}]}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct Custom {
    /// The integration's webhooks: exactly one when it is created.
    #[model(required, no_setter)]
    pub webhooks: Vec<CustomWebhook>,
}

impl Custom {
    /// A custom integration that calls `webhook`.
    pub fn new(webhook: CustomWebhook) -> Self {
        Custom {
            webhooks: vec![webhook],
            ..Self::default()
        }
    }
}

/// The webhook of a [`Custom`] integration: where the events go, which, and what they carry.
/// Its id, payload version and secret are set by the server (read-only).
///
/// (The webhook endpoints of an integration have their own webhook model; this one holds the
/// same fields.)
#[model(setters)]
pub struct CustomWebhook {
    /// The webhook's id (read-only).
    #[model(no_setter)]
    pub id: Option<Id>,
    /// The version of the payloads it receives: `v1`, `v1.1` or `v2` (read-only; that of the
    /// API the integration was created with).
    #[model(no_setter)]
    pub version: Option<String>,
    /// The URL the events are posted to.
    #[model(required)]
    pub target: String,
    /// The events it receives (`conversation:message`, ...; case-sensitive).
    #[model(required)]
    pub triggers: Vec<String>,
    /// The secret every delivery carries as `X-API-Key` (read-only).
    #[model(no_setter)]
    pub secret: Option<Secret>,
    /// Whether events carry the whole user, profile included (default `false`).
    pub include_full_user: Option<bool>,
    /// Whether events carry the source's client and device (default `false`).
    pub include_full_source: Option<bool>,
}

impl CustomWebhook {
    /// A webhook at `target` that receives `triggers`.
    pub fn new(
        target: impl Into<String>,
        triggers: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self::default().with_target(target).with_triggers(triggers)
    }
}

/// The changes to a `custom` integration (request): its name only.
#[model(request, setters)]
pub struct CustomUpdate {
    /// The new name; `Some(None)` sends `null`, which removes it.
    pub display_name: Option<Option<String>>,
}
