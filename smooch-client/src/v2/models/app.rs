//! Apps: [`App`] and its [`AppSettings`], the bodies [`AppCreate`] and [`AppUpdate`], and the
//! answers [`AppResponse`] and [`AppListResponse`].

use smooch_macros::model;

use super::{PageLinks, PageMeta};
use crate::models::{Id, Metadata};
use crate::v2::models::paged::cursor_page;

/// An app (response).
#[model(setters)]
pub struct App {
    /// The app id, used in every `/v2/apps/<app_id>` path.
    pub id: Option<Id>,
    /// The app's friendly name.
    pub display_name: Option<String>,
    /// The app's behaviour switches.
    pub settings: Option<AppSettings>,
    /// Flat metadata (string, number and boolean values).
    pub metadata: Option<Metadata>,
    /// The Zendesk subdomain the app belongs to (`get_app` and `get_token_info` only).
    pub subdomain: Option<String>,
}

/// An app's behaviour switches; none is required, and only what is set is sent.
///
/// ```
/// use smooch_client::v2::models::AppSettings;
///
/// let settings = AppSettings::default().with_mask_credit_card_numbers(true);
/// assert_eq!(serde_json::to_string(&settings)?, r#"{"maskCreditCardNumbers":true}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct AppSettings {
    /// Seconds of inactivity after which a conversation's messages are deleted.
    pub conversation_retention_seconds: Option<u64>,
    /// Whether card numbers passing through the platform are masked.
    pub mask_credit_card_numbers: Option<bool>,
    /// Whether unnamed users get generated animal names.
    pub use_animal_names: Option<bool>,
    /// Whether a message is stored in the history when a postback button is pressed.
    pub echo_postback: Option<bool>,
    /// Whether channel events other than messages neither start a conversation nor count as a
    /// monthly active user.
    pub ignore_auto_conversation_start: Option<bool>,
    /// Whether users may take part in several conversations (cannot be switched off again).
    pub multi_convo_enabled: Option<bool>,
    /// Whether messages the platform writes itself are localized.
    pub app_localization_enabled: Option<bool>,
    /// Whether SDK users can end their conversation session (needs multi-conversation).
    pub end_session_enabled: Option<bool>,
    /// Whether users cannot reopen an ended conversation (needs multi-conversation).
    pub disable_conversation_reopen: Option<bool>,
}

/// The body of *create app* (request).
///
/// ```
/// use smooch_client::v2::models::AppCreate;
///
/// let app = AppCreate::new("Acme support");
/// assert_eq!(serde_json::to_string(&app)?, r#"{"displayName":"Acme support"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppCreate {
    /// The app's friendly name (1 to 100 characters).
    #[model(required)]
    pub display_name: String,
    /// The app's behaviour switches.
    pub settings: Option<AppSettings>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
}

impl AppCreate {
    /// An app named `display_name`.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self::default().with_display_name(display_name)
    }
}

/// The body of *update app* (request): only what is set is sent, and changed.
///
/// ```
/// use smooch_client::v2::models::AppUpdate;
///
/// let rename = AppUpdate::default().with_display_name("Acme");
/// assert_eq!(serde_json::to_string(&rename)?, r#"{"displayName":"Acme"}"#);
/// let clear = AppUpdate::default().with_metadata(None);
/// assert_eq!(serde_json::to_string(&clear)?, r#"{"metadata":null}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppUpdate {
    /// The new name.
    pub display_name: Option<String>,
    /// The behaviour switches to change.
    pub settings: Option<AppSettings>,
    /// New metadata; `Some(None)` sends `null`, which clears it (whether keys are merged or
    /// replaced is not documented).
    pub metadata: Option<Option<Metadata>>,
}

/// The answer of *create*, *get* and *update app*.
#[model]
pub struct AppResponse {
    /// The app.
    pub app: Option<App>,
}

/// One page of *list apps*.
#[model]
pub struct AppListResponse {
    /// The apps of the page.
    pub apps: Vec<App>,
    /// Whether more follow, and the cursors.
    pub meta: Option<PageMeta>,
    /// The URLs of the pages around.
    pub links: Option<PageLinks>,
}

/// Which apps *list apps* returns (`filter[..]`).
///
/// ```
/// use smooch_client::v2::models::AppListFilter;
///
/// let mine = AppListFilter::default().with_service_account_id("svc_1");
/// # let _ = mine;
/// ```
#[model(query)]
pub struct AppListFilter {
    /// Only the apps this service account may access.
    #[serde(rename = "filter[serviceAccountId]")]
    pub service_account_id: Option<String>,
}

cursor_page!(AppListResponse, apps, App);
