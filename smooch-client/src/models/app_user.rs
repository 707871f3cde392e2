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
}

/// One of a user's channels or devices: the API's `Client` schema (response), named so that it
/// is not taken for the HTTP [`Client`](crate::Client).
///
/// API v1.1 events also send an `_id` beside `id`; it is kept in [`extra`](Self::extra).
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
