//! The pieces events are made of: references by id (`{"_id": ...}`), where a message went, why
//! it failed, referrals, postbacks, payments.

use smooch_macros::model;

use crate::models::{Action, ActivityType, AppUser, Id, Message, Source};

/// The app an event belongs to (a truncated app: its id).
#[model]
pub struct AppRef {
    /// The app id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
}

/// A conversation named by its id (API v1.1 events). Not a
/// [`Conversation`](crate::models::Conversation): events carry only the id, and that model's
/// `unreadCount` would read 0 where nothing was said.
#[model]
pub struct ConversationRef {
    /// The conversation id (`_id`).
    #[serde(rename = "_id")]
    #[model(required)]
    pub id: Id,
}

/// A message named by its id (the `message` of `message:delivery:*` events).
#[model]
pub struct MessageRef {
    /// The message id (`_id`).
    #[serde(rename = "_id")]
    #[model(required)]
    pub id: Id,
}

/// A notification named by its id (the `notification` of `notification:delivery:*` events).
#[model]
pub struct NotificationRef {
    /// The notification id (`_id`, a UUID).
    #[serde(rename = "_id")]
    #[model(required)]
    pub id: String,
}

/// Where a message or notification was delivered (or not).
#[model]
pub struct Destination {
    /// The channel: `whatsapp`, `messenger`, `telegram`, ... (an open set).
    pub r#type: Option<String>,
    /// Identifier of the destination client (for internal purposes).
    pub id: Option<String>,
    /// The integration used.
    pub integration_id: Option<String>,
    /// The user's address on the channel, e.g. a phone number (notifications).
    pub destination_id: Option<String>,
}

/// Why a delivery or a link failed.
#[model]
pub struct ErrorDetail {
    /// Smooch's code: `unauthorized`, `bad_request`, `uncategorized_error`, ...
    pub code: Option<String>,
    /// A description.
    pub message: Option<String>,
    /// The error as the channel returned it (any JSON).
    pub underlying_error: Option<serde_json::Value>,
}

/// A message's id on the channel (`externalMessages` of delivery events).
#[model]
pub struct ExternalMessage {
    /// The channel's id for the message, e.g. `wamid.…`.
    pub id: Option<String>,
}

/// How a user came to the conversation: a Messenger code or ad, a WeChat QR code.
#[model]
pub struct Referral {
    /// The referral code.
    pub code: Option<String>,
    /// Messenger's details.
    pub details: Option<ReferralDetails>,
}

/// Messenger's details of a [`Referral`].
#[model]
pub struct ReferralDetails {
    /// Where the referral came from: `MESSENGER_CODE`, `ADS`, `SHORTLINK`, ...
    pub source: Option<String>,
    /// What it did, typically `OPEN_THREAD`.
    pub r#type: Option<String>,
    /// The ad's id, for referrals from an ad.
    pub ad_id: Option<String>,
}

/// One tap on a postback button.
#[model]
pub struct Postback {
    /// The message whose button was tapped; absent for a persistent-menu postback.
    pub message: Option<Message>,
    /// The button, with its `payload`. Its label may differ from the matching action of
    /// `message` (Smooch sends them separately).
    #[model(required)]
    pub action: Action,
}

/// One payment of a `buy` action.
#[model]
pub struct Payment {
    /// Where the user paid.
    pub source: Option<Source>,
    /// The message carrying the `buy` action.
    pub message: Option<Message>,
    /// The `buy` action, now in state `paid`.
    pub action: Option<Action>,
    /// The charge.
    pub charge: Option<Charge>,
}

/// The payment processor's charge.
#[model]
pub struct Charge {
    /// The charge id (Stripe's `ch_…`).
    pub id: Option<String>,
}

/// What the user is doing (`typing:appUser` events).
#[model]
pub struct UserActivity {
    /// `typing:start` or `typing:stop`.
    #[model(required)]
    pub r#type: ActivityType,
}

/// Whom a notification reached (`notification:delivery:*` events).
#[model]
pub struct MatchResult {
    /// The user the notification's destination matched.
    pub app_user: Option<AppUser>,
    /// Their conversation.
    pub conversation: Option<ConversationRef>,
}
