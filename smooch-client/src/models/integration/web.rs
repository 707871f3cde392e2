//! [`Web`]: the Web Messenger, every field of which can be updated.

use smooch_macros::model;

use crate::models::WebDisplayStyle;

/// A `web` integration: the Web Messenger. Every field is optional
/// ([`IntegrationCreate::web`](super::IntegrationCreate::web) creates one with none set), and
/// every field can be updated ([`IntegrationUpdate::web`](super::IntegrationUpdate::web)).
///
/// A list set to `Some(vec![])` is sent as `[]`; `None` is left out.
#[model(setters)]
pub struct Web {
    /// The business name shown in the Web Messenger.
    pub business_name: Option<String>,
    /// The header colour, hex without `#`.
    pub brand_color: Option<String>,
    /// Whether the intro pane stays at the top of the conversation (default `false`).
    pub fixed_intro_pane: Option<bool>,
    /// The colour of the user's messages, hex without `#`.
    pub conversation_color: Option<String>,
    /// The colour of buttons and links, hex without `#`.
    pub action_color: Option<String>,
    /// How the launcher is shown.
    pub display_style: Option<WebDisplayStyle>,
    /// The icon of the launcher button.
    pub button_icon_url: Option<String>,
    /// The width of the launcher button, as text.
    pub button_width: Option<String>,
    /// The height of the launcher button, as text.
    pub button_height: Option<String>,
    /// The integration ids offered to users, in order; unset means all.
    pub integration_order: Option<Vec<String>>,
    /// The business icon shown in the Web Messenger.
    pub business_icon_url: Option<String>,
    /// The background image of the conversation.
    pub background_image_url: Option<String>,
    /// The origins (`scheme://host[:port]`) allowed to load the Web Messenger; unset means all.
    pub origin_whitelist: Option<Vec<String>>,
}
