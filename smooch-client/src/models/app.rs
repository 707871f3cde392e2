//! Apps: [`App`] and its [`AppSettings`], the bodies [`AppCreate`] and [`AppUpdate`], and the
//! responses [`AppResponse`], [`ListAppsResponse`] and [`GetSdkIdsResponse`].

use serde::Serialize;
use smooch_macros::Decode;

use super::{Extra, Metadata};

/// An app, as the API returns it (response).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct App {
    /// The app id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// The public token the Web, iOS and Android SDKs initialize with.
    #[decode(required)]
    pub app_token: String,
    /// The app's name.
    #[decode(required)]
    pub name: String,
    /// The app's settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<AppSettings>,
    /// Flat custom data (string, number and boolean values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppSettings {
    /// Whether credit card numbers in messages are masked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mask_credit_card_numbers: Option<bool>,
    /// Whether anonymous users get animal names (`Red Panda`) instead of `Anonymous`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_animal_names: Option<bool>,
    /// After how many seconds without activity a conversation's messages are deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_retention_seconds: Option<u64>,
    /// Whether a message is added to the conversation when a user taps a postback button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub echo_postback: Option<bool>,
    /// Whether channel events that are not messages (e.g. a Messenger referral) do not start
    /// a conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_auto_conversation_start: Option<bool>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppSettings {
    /// No setting given.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether credit card numbers are masked.
    pub fn with_mask_credit_card_numbers(mut self, mask: bool) -> Self {
        self.mask_credit_card_numbers = Some(mask);
        self
    }

    /// Sets whether anonymous users get animal names.
    pub fn with_use_animal_names(mut self, use_animal_names: bool) -> Self {
        self.use_animal_names = Some(use_animal_names);
        self
    }

    /// Sets after how many seconds of inactivity messages are deleted.
    pub fn with_conversation_retention_seconds(mut self, seconds: u64) -> Self {
        self.conversation_retention_seconds = Some(seconds);
        self
    }

    /// Sets whether tapped postbacks are echoed as messages.
    pub fn with_echo_postback(mut self, echo: bool) -> Self {
        self.echo_postback = Some(echo);
        self
    }

    /// Sets whether non-message channel events do not start a conversation.
    pub fn with_ignore_auto_conversation_start(mut self, ignore: bool) -> Self {
        self.ignore_auto_conversation_start = Some(ignore);
        self
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AppCreate {
    /// The app's name.
    #[decode(required)]
    pub name: String,
    /// The app's settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<AppSettings>,
    /// Flat custom data (string, number and boolean values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppCreate {
    /// An app named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// Sets the settings.
    pub fn with_settings(mut self, settings: AppSettings) -> Self {
        self.settings = Some(settings);
        self
    }

    /// Sets the custom data.
    pub fn with_metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.metadata = Some(metadata.into());
        self
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AppUpdate {
    /// The new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The settings to change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<AppSettings>,
    /// The new custom data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the app.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the settings that are set in `settings`.
    pub fn with_settings(mut self, settings: AppSettings) -> Self {
        self.settings = Some(settings);
        self
    }

    /// Replaces the custom data.
    pub fn with_metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.metadata = Some(metadata.into());
        self
    }
}

/// Response of *create*, *get* and *update app*.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppResponse {
    /// The app.
    #[decode(key)]
    pub app: App,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *list apps*: one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListAppsResponse {
    /// The apps of this page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub apps: Vec<App>,
    /// Whether more apps follow (absent means no).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
    /// The offset of this page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetSdkIdsResponse {
    /// The Android SDK's integration id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub android_integration_id: Option<String>,
    /// The iOS SDK's integration id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ios_integration_id: Option<String>,
    /// The Web Messenger's integration id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web_integration_id: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}
