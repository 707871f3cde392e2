//! The pieces events are made of: references by id (`{"_id": ...}`), where a message went, why
//! it failed, referrals, postbacks, payments.

use serde::Serialize;
use smooch_macros::Decode;

use crate::models::{Action, ActivityType, AppUser, Extra, Id, Message, Source};

/// The app an event belongs to (a truncated app: its id).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppRef {
    /// The app id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A conversation named by its id (API v1.1 events). Not a
/// [`Conversation`](crate::models::Conversation): events carry only the id, and that model's
/// `unreadCount` would read 0 where nothing was said.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationRef {
    /// The conversation id (`_id`).
    #[serde(rename = "_id")]
    #[decode(required)]
    pub id: Id,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A message named by its id (the `message` of `message:delivery:*` events).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageRef {
    /// The message id (`_id`).
    #[serde(rename = "_id")]
    #[decode(required)]
    pub id: Id,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A notification named by its id (the `notification` of `notification:delivery:*` events).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationRef {
    /// The notification id (`_id`, a UUID).
    #[serde(rename = "_id")]
    #[decode(required)]
    pub id: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where a message or notification was delivered (or not).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Destination {
    /// The channel: `whatsapp`, `messenger`, `telegram`, ... (an open set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Identifier of the destination client (for internal purposes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The integration used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// The user's address on the channel, e.g. a phone number (notifications).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_id: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Why a delivery or a link failed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErrorDetail {
    /// Smooch's code: `unauthorized`, `bad_request`, `uncategorized_error`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The error as the channel returned it (any JSON).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub underlying_error: Option<serde_json::Value>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A message's id on the channel (`externalMessages` of delivery events).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExternalMessage {
    /// The channel's id for the message, e.g. `wamid.…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// How a user came to the conversation: a Messenger code or ad, a WeChat QR code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Referral {
    /// The referral code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Messenger's details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<ReferralDetails>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Messenger's details of a [`Referral`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReferralDetails {
    /// Where the referral came from: `MESSENGER_CODE`, `ADS`, `SHORTLINK`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What it did, typically `OPEN_THREAD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The ad's id, for referrals from an ad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ad_id: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// One tap on a postback button.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Postback {
    /// The message whose button was tapped; absent for a persistent-menu postback.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// The button, with its `payload`. Its label may differ from the matching action of
    /// `message` (Smooch sends them separately).
    #[decode(required)]
    pub action: Action,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// One payment of a `buy` action.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Payment {
    /// Where the user paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The message carrying the `buy` action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
    /// The `buy` action, now in state `paid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// The charge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charge: Option<Charge>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The payment processor's charge.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Charge {
    /// The charge id (Stripe's `ch_…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// What the user is doing (`typing:appUser` events).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserActivity {
    /// `typing:start` or `typing:stop`.
    #[decode(required)]
    pub r#type: ActivityType,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Whom a notification reached (`notification:delivery:*` events).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MatchResult {
    /// The user the notification's destination matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// Their conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}
