//! Who answers on a channel by default, the setting 15 of the 16 types share (all but
//! `custom`): as read ([`Responder`], with the [`DefaultResponder`] in effect) and as sent
//! ([`ResponderSettings`]).

use smooch_macros::model;

use crate::models::Id;

/// The default responder of an integration and its AI disclaimer switch, as read (response):
/// flattened into each type's model (`web.responder.default_responder`).
#[model]
pub struct Responder {
    /// The switchboard integration that answers on this channel by default (read-only).
    pub default_responder: Option<DefaultResponder>,
    /// Whether end users see a disclaimer on AI-generated messages (absent: they do).
    #[serde(rename = "showAIDisclaimer")]
    pub show_ai_disclaimer: Option<bool>,
}

/// The switchboard integration that answers on a channel by default (response).
#[model]
pub struct DefaultResponder {
    /// The switchboard integration's name.
    pub name: Option<String>,
    /// The integration behind it.
    pub integration_id: Option<Id>,
    /// That integration's type.
    pub integration_type: Option<String>,
    /// Whether it receives events while another integration has control.
    pub deliver_standby_events: Option<bool>,
    /// The switchboard integration control passes to next.
    pub next_switchboard_integration_id: Option<Id>,
    /// How many messages of history it gets when it takes control (a number here, an integer
    /// elsewhere: read as a number).
    pub message_history_count: Option<f64>,
    /// `true` when it is the switchboard's default, `false` when this channel overrides it.
    pub inherited: Option<bool>,
}

/// The default responder of an integration and its AI disclaimer switch, as sent when creating
/// one (request): flattened into each type's create body.
///
/// ```
/// use smooch_client::v2::models::{IntegrationCreate, ResponderSettings, WebCreate};
///
/// let web = WebCreate::default().with_responder(
///     ResponderSettings::default()
///         .with_default_responder_id("5ef21b86e933b7355c11c604")
///         .with_show_ai_disclaimer(false),
/// );
/// assert_eq!(
///     serde_json::to_string(&IntegrationCreate::new(web))?,
///     r#"{"type":"web","defaultResponderId":"5ef21b86e933b7355c11c604","showAIDisclaimer":false}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct ResponderSettings {
    /// The switchboard integration that answers on this channel by default (write-only: read
    /// back as [`Responder::default_responder`]).
    pub default_responder_id: Option<String>,
    /// Whether end users see a disclaimer on AI-generated messages (default `true`).
    #[serde(rename = "showAIDisclaimer")]
    pub show_ai_disclaimer: Option<bool>,
}
