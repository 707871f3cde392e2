//! Apps: [`App`] and its [`AppSettings`], the bodies [`AppCreate`] and [`AppUpdate`], and the
//! responses [`AppResponse`], [`ListAppsResponse`] and [`GetSdkIdsResponse`].

use smooch_macros::model;

use super::Metadata;

/// An app, as the API returns it (response).
#[model]
pub struct App {
    /// The app id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// The public token the Web, iOS and Android SDKs initialize with.
    #[model(required)]
    pub app_token: String,
    /// The app's name.
    #[model(required)]
    pub name: String,
    /// The app's settings.
    pub settings: Option<AppSettings>,
    /// Flat custom data (string, number and boolean values).
    pub metadata: Option<Metadata>,
}

/// Settings of an app (request and response); every field is optional, and a field left out of
/// an update keeps its value.
///
/// ```rust
/// use smooch_client::models::AppSettings;
///
/// let settings = AppSettings::new()
///     .with_mask_credit_card_numbers(true)
///     .with_conversation_retention_seconds(30 * 24 * 3600);
/// assert_eq!(
///     serde_json::to_string(&settings)?,
///     r#"{"maskCreditCardNumbers":true,"conversationRetentionSeconds":2592000}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct AppSettings {
    /// Whether credit card numbers in messages are masked.
    pub mask_credit_card_numbers: Option<bool>,
    /// Whether anonymous users get animal names (`Red Panda`) instead of `Anonymous`.
    pub use_animal_names: Option<bool>,
    /// After how many seconds without activity a conversation's messages are deleted.
    pub conversation_retention_seconds: Option<u64>,
    /// Whether a message is added to the conversation when a user taps a postback button.
    pub echo_postback: Option<bool>,
    /// Whether channel events that are not messages (e.g. a Messenger referral) do not start
    /// a conversation.
    pub ignore_auto_conversation_start: Option<bool>,
}

impl AppSettings {
    /// No setting given.
    pub fn new() -> Self {
        Self::default()
    }
}

/// The body of *create app* (request).
///
/// ```rust
/// use smooch_client::models::{AppCreate, AppSettings};
///
/// let app = AppCreate::new("My App").with_settings(AppSettings::new().with_echo_postback(true));
/// assert_eq!(
///     serde_json::to_string(&app)?,
///     r#"{"name":"My App","settings":{"echoPostback":true}}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppCreate {
    /// The app's name.
    #[model(required)]
    pub name: String,
    /// The app's settings.
    pub settings: Option<AppSettings>,
    /// Flat custom data (string, number and boolean values).
    pub metadata: Option<Metadata>,
}

impl AppCreate {
    /// An app named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// The body of *update app* (request): only what is set is sent, and changed.
///
/// ```rust
/// use smooch_client::models::AppUpdate;
///
/// let update = AppUpdate::new().with_name("Renamed");
/// assert_eq!(serde_json::to_string(&update)?, r#"{"name":"Renamed"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppUpdate {
    /// The new name.
    pub name: Option<String>,
    /// The settings to change.
    pub settings: Option<AppSettings>,
    /// The new custom data.
    pub metadata: Option<Metadata>,
}

impl AppUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Response of *create*, *get* and *update app*.
#[model]
pub struct AppResponse {
    /// The app.
    #[model(key)]
    pub app: App,
}

/// Response of *list apps*: one page.
#[model]
pub struct ListAppsResponse {
    /// The apps of this page.
    pub apps: Vec<App>,
    /// Whether more apps follow (absent means no).
    pub has_more: Option<bool>,
    /// The offset of this page.
    pub offset: Option<u64>,
}

impl crate::Page for ListAppsResponse {
    type Item = App;

    fn has_more(&self) -> bool {
        self.has_more.unwrap_or(false)
    }

    fn into_items(self) -> Vec<App> {
        self.apps
    }

    fn item_id(item: &App) -> &str {
        &item.id
    }
}

/// Response of *get SDK ids*: the ids of the app's Android, iOS and Web integrations, which the
/// SDKs initialize with.
#[model]
pub struct GetSdkIdsResponse {
    /// The Android SDK's integration id.
    pub android_integration_id: Option<String>,
    /// The iOS SDK's integration id.
    pub ios_integration_id: Option<String>,
    /// The Web Messenger's integration id.
    pub web_integration_id: Option<String>,
}
