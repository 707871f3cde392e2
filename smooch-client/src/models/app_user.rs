//! [`AppUser`] (a user of an app, complete or truncated) and its clients ([`AppUserClient`]).

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppUser {
    /// The user's Smooch id (`_id`, the "smoochId").
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// The id the business gave the user, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Whether the user has a conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_started: Option<bool>,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Surname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When the user signed up, as ISO-8601 text (e.g. `2019-07-11T10:41:52.271Z`), kept as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_up_at: Option<String>,
    /// Custom properties (any JSON values).
    #[serde(skip_serializing_if = "JsonObject::is_empty")]
    pub properties: JsonObject,
    /// Whether the user must authenticate (JWT) to use the SDKs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential_required: Option<bool>,
    /// The user's channels and devices.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub clients: Vec<AppUserClient>,
    /// Channels waiting for the user to confirm a link.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pending_clients: Vec<AppUserClient>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppUser {
    /// A user known only by its Smooch id (what a truncated user carries at least).
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }

    /// Sets the id the business gave the user.
    pub fn with_user_id(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }

    /// Sets whether the user has a conversation.
    pub fn with_conversation_started(mut self, conversation_started: bool) -> Self {
        self.conversation_started = Some(conversation_started);
        self
    }

    /// Sets the given name.
    pub fn with_given_name(mut self, given_name: impl Into<String>) -> Self {
        self.given_name = Some(given_name.into());
        self
    }

    /// Sets the surname.
    pub fn with_surname(mut self, surname: impl Into<String>) -> Self {
        self.surname = Some(surname.into());
        self
    }

    /// Sets the email address.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets the custom properties, replacing any set before.
    pub fn with_properties(mut self, properties: JsonObject) -> Self {
        self.properties = properties;
        self
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

    /// Sets whether the user must authenticate (JWT) to use the SDKs.
    pub fn with_credential_required(mut self, credential_required: bool) -> Self {
        self.credential_required = Some(credential_required);
        self
    }

    /// Adds one of the user's channels or devices.
    pub fn with_client(mut self, client: AppUserClient) -> Self {
        self.clients.push(client);
        self
    }

    /// Adds a channel waiting for the user to confirm a link.
    pub fn with_pending_client(mut self, client: AppUserClient) -> Self {
        self.pending_clients.push(client);
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppUserClient {
    /// The client's id (a device id, or the user's id on the channel).
    #[decode(required)]
    pub id: String,
    /// The channel or SDK: `web`, `ios`, `messenger`, `whatsapp`, ... (open set, including
    /// `other`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<IntegrationType>,
    /// Whether the client can receive messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ClientStatus>,
    /// Whether the client is active (deprecated in favour of `status`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Whether this is the user's primary client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
    /// The integration the client belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// The user's id on the external channel (channels other than the SDKs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Name shown for the user on this channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Avatar of the user on this channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// When the client was last seen, as ISO-8601 text, kept as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// When the client was linked, as ISO-8601 text, kept as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked_at: Option<String>,
    /// Version of the app embedding an SDK.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
    /// Push notification token (Android, iOS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub push_notification_token: Option<String>,
    /// Device and channel details (`os`, `locale`, `phoneNumber`, ...), as sent: the set and its
    /// value types vary by channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<JsonObject>,
    /// Channel-specific raw data, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<JsonObject>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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

    /// Sets the channel or SDK.
    pub fn with_platform(mut self, platform: IntegrationType) -> Self {
        self.platform = Some(platform);
        self
    }

    /// Sets whether the client can receive messages.
    pub fn with_status(mut self, status: ClientStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets whether this is the user's primary client.
    pub fn with_primary(mut self, primary: bool) -> Self {
        self.primary = Some(primary);
        self
    }

    /// Sets the integration the client belongs to.
    pub fn with_integration_id(mut self, integration_id: impl Into<String>) -> Self {
        self.integration_id = Some(integration_id.into());
        self
    }

    /// Sets the user's id on the external channel.
    pub fn with_external_id(mut self, external_id: impl Into<String>) -> Self {
        self.external_id = Some(external_id.into());
        self
    }

    /// Sets the name shown for the user on this channel.
    pub fn with_display_name(mut self, display_name: impl Into<String>) -> Self {
        self.display_name = Some(display_name.into());
        self
    }

    /// Sets the avatar of the user on this channel.
    pub fn with_avatar_url(mut self, avatar_url: impl Into<String>) -> Self {
        self.avatar_url = Some(avatar_url.into());
        self
    }

    /// Sets the device and channel details.
    pub fn with_info(mut self, info: JsonObject) -> Self {
        self.info = Some(info);
        self
    }
}
