//! The Web Messenger: [`Web`], its create and update bodies, the fields all three share
//! ([`WebSettings`]), and its prechat form ([`PrechatCapture`]).

use smooch_macros::model;

use super::{ConversationListSettings, IntegrationUpdateBase, Responder, ResponderSettings};
use crate::models::WebDisplayStyle;

/// A `web` integration: the Web Messenger (response).
#[model]
pub struct Web {
    /// Its look and behaviour.
    #[serde(flatten)]
    pub settings: WebSettings,
    /// The icon of the launcher button.
    pub button_icon_url: Option<String>,
    /// The integration ids offered to users, in order (absent: all).
    pub integration_order: Option<Vec<String>>,
    /// The origins (`scheme://host[:port]`) allowed to load the Web Messenger (absent: all).
    pub origin_whitelist: Option<Vec<String>>,
    /// Whether users may send attachments (set in Admin Center only; read-only).
    pub attachments_enabled: Option<bool>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `web` integration (request): none is required.
///
/// ```
/// use smooch_client::v2::models::{IntegrationCreate, WebCreate, WebSettings};
/// use smooch_client::models::WebDisplayStyle;
///
/// let web = WebCreate::default()
///     .with_settings(
///         WebSettings::default()
///             .with_brand_color("65a4e0")
///             .with_display_style(WebDisplayStyle::Tab),
///     )
///     .with_origin_whitelist(["https://example.org"]);
/// assert_eq!(
///     serde_json::to_string(&IntegrationCreate::new(web))?,
///     r#"{"type":"web","brandColor":"65a4e0","displayStyle":"tab","originWhitelist":["https://example.org"]}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct WebCreate {
    /// Its look and behaviour.
    #[serde(flatten)]
    pub settings: WebSettings,
    /// The icon of the launcher button (at least 200×200 pixels, JPG, PNG or GIF).
    pub button_icon_url: Option<String>,
    /// The integration ids offered to users, in order; unset means all.
    pub integration_order: Option<Vec<String>>,
    /// The origins (`scheme://host[:port]`) allowed to load the Web Messenger; unset means all.
    pub origin_whitelist: Option<Vec<String>>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// The changes to a `web` integration (request): only what is set is sent; `Some(None)` sends
/// `null`, which removes the value.
#[model(request, setters)]
pub struct WebUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// Its look and behaviour.
    #[serde(flatten)]
    pub settings: WebSettings,
    /// A new launcher icon.
    pub button_icon_url: Option<Option<String>>,
    /// The integration ids offered to users, in order.
    pub integration_order: Option<Option<Vec<String>>>,
    /// The origins allowed to load the Web Messenger.
    pub origin_whitelist: Option<Option<Vec<String>>>,
}

/// The look and behaviour of the Web Messenger, the same when it is created, read and updated.
#[model(setters)]
pub struct WebSettings {
    /// The colour of the header and the launcher, 3 or 6 hex digits without `#` (default
    /// `65758e`).
    pub brand_color: Option<String>,
    /// Whether the intro pane stays at the top instead of scrolling away (default `false`).
    pub fixed_intro_pane: Option<bool>,
    /// The colour of the user's messages and the footer's actions, hex (default `0099ff`).
    pub conversation_color: Option<String>,
    /// The colour of call-to-action buttons, hex (default `0099ff`).
    pub action_color: Option<String>,
    /// How the launcher is shown (default `button`).
    pub display_style: Option<WebDisplayStyle>,
    /// The width of the launcher button, as text (default `58`).
    pub button_width: Option<String>,
    /// The height of the launcher button, as text (default `58`).
    pub button_height: Option<String>,
    /// The business name shown in the Web Messenger.
    pub business_name: Option<String>,
    /// The business icon (at least 200×200 pixels).
    pub business_icon_url: Option<String>,
    /// The image tiled behind the conversation.
    pub background_image_url: Option<String>,
    /// The prechat form.
    pub prechat_capture: Option<PrechatCapture>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
}

/// The Web Messenger's prechat form: what it asks before the first message.
#[model(setters)]
pub struct PrechatCapture {
    /// Whether the form is shown (default `false`).
    pub enabled: Option<bool>,
    /// The avatar of the automatic reply to the form (the API's declared default is the text
    /// `undefined`).
    pub avatar_url: Option<String>,
    /// Whether submitted e-mails are linked to the user through Mailgun, when it is integrated
    /// (default `false`).
    pub enable_email_linking: Option<bool>,
    /// The fields that replace the default ones.
    #[model(add = with_field)]
    pub fields: Vec<PrechatField>,
}

/// A field of the prechat form (the form field of a `form` message, with the `placeholder` the
/// API's example gives it): its kind, key and label are required when sent.
///
/// ```
/// use smooch_client::v2::models::{PrechatCapture, PrechatField};
///
/// let form = PrechatCapture::default()
///     .with_enabled(true)
///     .with_field(PrechatField::new("email", "email", "Your e-mail").with_placeholder("you@example.org"));
/// assert_eq!(
///     serde_json::to_value(&form)?["fields"][0],
///     serde_json::json!({"type": "email", "name": "email", "label": "Your e-mail",
///                        "placeholder": "you@example.org"}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct PrechatField {
    /// The kind of field: `email`, `select` or `text`.
    #[model(required)]
    pub r#type: String,
    /// The field's key, unique within the form (1 to 128 characters).
    #[model(required)]
    pub name: String,
    /// The label shown to the user (1 to 128 characters).
    #[model(required)]
    pub label: String,
    /// The hint shown in the empty field.
    pub placeholder: Option<String>,
}

impl PrechatField {
    /// A field of kind `type` (`email`, `select` or `text`), key `name`, labelled `label`.
    pub fn new(
        r#type: impl Into<String>,
        name: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Self::default()
            .with_type(r#type)
            .with_name(name)
            .with_label(label)
    }
}
