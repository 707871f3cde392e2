//! [`AppUser`] (a user of an app, complete or truncated) and its clients ([`AppUserClient`]).

use smooch_macros::model;

use super::enums::{ClientStatus, IntegrationType};

/// Free-form JSON object (`properties`, `criteria`, a client's `info` and `raw`).
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

/// A user of an app (response).
///
/// Webhook events carry a *truncated* user (`_id`, and `userId` and `conversationStarted` when
/// known) unless the webhook was created with `includeFullAppUser`; everything but the id is
/// therefore optional or empty when absent.
///
/// ```rust
/// use smooch_client::models::{AppUser, AppUserClient, ClientStatus, IntegrationType};
///
/// let user = AppUser::new("5963c0d619a30a2e00de36b8")
///     .with_user_id("steve@example.com")
///     .with_given_name("Steve")
///     .with_property("plan", "gold")
///     .with_client(
///         AppUserClient::new("d1")
///             .with_platform(IntegrationType::Web)
///             .with_status(ClientStatus::Active),
///     );
/// assert_eq!(user.properties["plan"], "gold");
/// assert_eq!(user.clients[0].platform, Some(IntegrationType::Web));
/// ```
#[model(setters)]
pub struct AppUser {
    /// The user's Smooch id (`_id`, the "smoochId").
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// The id the business gave the user, if any.
    pub user_id: Option<String>,
    /// Whether the user has a conversation.
    pub conversation_started: Option<bool>,
    /// Given name.
    pub given_name: Option<String>,
    /// Surname.
    pub surname: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// When the user signed up, as ISO-8601 text (e.g. `2019-07-11T10:41:52.271Z`), kept as sent.
    pub signed_up_at: Option<String>,
    /// Custom properties (any JSON values).
    pub properties: JsonObject,
    /// Whether the user must authenticate (JWT) to use the SDKs.
    pub credential_required: Option<bool>,
    /// The user's channels and devices.
    #[model(add = with_client)]
    pub clients: Vec<AppUserClient>,
    /// Channels waiting for the user to confirm a link.
    #[model(add = with_pending_client)]
    pub pending_clients: Vec<AppUserClient>,
}

impl AppUser {
    /// A user known only by its Smooch id (what a truncated user carries at least).
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }

    /// Sets one custom property (any JSON value), replacing its earlier value.
    pub fn with_property(
        mut self,
        key: impl Into<String>,
        value: impl Into<serde_json::Value>,
    ) -> Self {
        self.properties.insert(key.into(), value.into());
        self
    }
}

/// One of a user's channels or devices: the API's `Client` schema (response), named so that it
/// is not taken for the HTTP [`Client`](crate::Client).
///
/// API v1.1 events also send an `_id` beside `id`; it is kept in [`extra`](Self::extra).
///
/// ```rust
/// use smooch_client::models::{AppUserClient, ClientStatus, IntegrationType};
///
/// let client = AppUserClient::new("15145551234")
///     .with_platform(IntegrationType::Twilio)
///     .with_status(ClientStatus::Active)
///     .with_display_name("+1 514-555-1234");
/// assert_eq!(client.platform, Some(IntegrationType::Twilio));
/// ```
#[model(setters)]
pub struct AppUserClient {
    /// The client's id (a device id, or the user's id on the channel).
    #[model(required)]
    pub id: String,
    /// The channel or SDK: `web`, `ios`, `messenger`, `whatsapp`, ... (open set, including
    /// `other`).
    pub platform: Option<IntegrationType>,
    /// Whether the client can receive messages.
    pub status: Option<ClientStatus>,
    /// Whether the client is active (deprecated in favour of `status`).
    pub active: Option<bool>,
    /// Whether this is the user's primary client.
    pub primary: Option<bool>,
    /// The integration the client belongs to.
    pub integration_id: Option<String>,
    /// The user's id on the external channel (channels other than the SDKs).
    pub external_id: Option<String>,
    /// Name shown for the user on this channel.
    pub display_name: Option<String>,
    /// Avatar of the user on this channel.
    pub avatar_url: Option<String>,
    /// When the client was last seen, as ISO-8601 text, kept as sent.
    pub last_seen: Option<String>,
    /// When the client was linked, as ISO-8601 text, kept as sent.
    pub linked_at: Option<String>,
    /// Version of the app embedding an SDK.
    pub app_version: Option<String>,
    /// Push notification token (Android, iOS).
    pub push_notification_token: Option<String>,
    /// Device and channel details (`os`, `locale`, `phoneNumber`, ...), as sent: the set and its
    /// value types vary by channel.
    pub info: Option<JsonObject>,
    /// Channel-specific raw data, as sent.
    pub raw: Option<JsonObject>,
}

impl AppUserClient {
    /// A client with this id (a device id, or the user's id on the channel) and nothing else
    /// set.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }
}
