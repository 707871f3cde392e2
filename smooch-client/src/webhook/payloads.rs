//! One payload struct per kind of event, each embedding the [`Envelope`] every event shares and
//! keeping its unknown keys, so serializing it gives the event's JSON back.

use smooch_macros::model;

use super::parts::{
    AppRef, ConversationRef, Destination, ErrorDetail, ExternalMessage, MatchResult, MessageRef,
    NotificationRef, Payment, Postback, Referral, UserActivity,
};
use crate::models::{
    AppUser, AppUserClient, JsonObject, Message, Source, Timestamp, WebhookTrigger,
};

/// What every webhook event carries, read in the same pass as the rest of its payload: the
/// trigger and the app always, the payload version and the user, conversation, client and
/// time when the event has them (`merge:appUser` names its users otherwise, and notification
/// events carry theirs in `matchResult`: [`Event::app_user`](super::Event::app_user) looks
/// there).
#[model]
pub struct Envelope {
    /// The trigger the payload was sent for.
    #[model(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[model(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`); absent in API v1 payloads.
    pub version: Option<String>,
    /// The user concerned (truncated unless the webhook includes the full user).
    pub app_user: Option<AppUser>,
    /// The conversation, when sent.
    pub conversation: Option<ConversationRef>,
    /// The client the conversation runs on (webhooks with `includeClient`).
    pub client: Option<AppUserClient>,
    /// When Smooch received the event, in Unix seconds with a millisecond fraction, when sent.
    pub timestamp: Option<Timestamp>,
}

/// `message:appUser` and `message:appMaker`: messages were added to a conversation.
///
/// `messages` holds one message in every payload seen so far, but it is an array and may hold
/// more: handle them all.
#[model]
pub struct MessageEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The messages, oldest first.
    #[model(required, always)]
    pub messages: Vec<Message>,
}

/// `postback`: the user tapped postback buttons.
#[model]
pub struct PostbackEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The taps (one or more).
    #[model(required, always)]
    pub postbacks: Vec<Postback>,
}

/// `conversation:start`, `conversation:read` and `conversation:referral`: the user opted in,
/// read the conversation, or came back through a referral.
#[model]
pub struct ConversationEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The channel it happened on.
    pub source: Option<Source>,
    /// The referral (always on `conversation:referral`, sometimes on `conversation:start`).
    pub referral: Option<Referral>,
}

/// `typing:appUser`: the user started or stopped typing.
#[model]
pub struct TypingEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// `typing:start` or `typing:stop`.
    pub activity: Option<UserActivity>,
    /// The channel, when sent.
    pub source: Option<Source>,
}

/// `merge:appUser`: users were merged into one.
#[model]
pub struct MergeEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The user that remains.
    pub surviving: Option<AppUser>,
    /// The users merged into it (they no longer exist).
    pub discarded: Vec<AppUser>,
}

/// `delivery:success` and `delivery:failure` (API v1 webhooks): business messages were (not)
/// delivered to a channel.
#[model]
pub struct DeliveryEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The channel delivered to.
    pub destination: Option<Destination>,
    /// The messages concerned.
    #[model(required, always)]
    pub messages: Vec<Message>,
    /// Why delivery failed (`delivery:failure`).
    pub error: Option<ErrorDetail>,
}

/// `message:delivery:channel`, `message:delivery:user` and `message:delivery:failure` (API
/// v1.1): a business message reached the channel, reached the user, or failed.
///
/// A message may see several of these; [`is_final_event`](Self::is_final_event) marks the last
/// one for a message and destination.
#[model]
pub struct MessageDeliveryEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The channel delivered to.
    pub destination: Option<Destination>,
    /// The message concerned (its id only).
    pub message: Option<MessageRef>,
    /// Whether no more delivery events will come for this message and destination.
    pub is_final_event: Option<bool>,
    /// The channel's ids for the message (may be empty).
    pub external_messages: Vec<ExternalMessage>,
    /// Why delivery failed (`message:delivery:failure`).
    pub error: Option<ErrorDetail>,
}

/// `notification:delivery:channel`, `notification:delivery:user` and
/// `notification:delivery:failure`: progress of a notification sent with the Notification API.
/// The user is in [`match_result`](Self::match_result), not at the top.
#[model]
pub struct NotificationDeliveryEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The notification.
    pub notification: Option<NotificationRef>,
    /// The channel and address delivered to.
    pub destination: Option<Destination>,
    /// The user and conversation the destination matched.
    pub match_result: Option<MatchResult>,
    /// Whether no more delivery events will come for this notification and destination.
    pub is_final_event: Option<bool>,
    /// The channel's ids for the notification (may be empty).
    pub external_messages: Vec<ExternalMessage>,
    /// Why delivery failed (`notification:delivery:failure`).
    pub error: Option<ErrorDetail>,
}

/// `payment:success`: `buy` actions were paid.
#[model]
pub struct PaymentEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The payments (one or more).
    #[model(required, always)]
    pub payments: Vec<Payment>,
}

/// `link:success`, `link:match` and `link:failure`: progress of linking a user to a channel.
#[model]
pub struct LinkEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
    /// The channel: `messenger`, `twilio`, `mailgun`, ...
    pub channel: Option<String>,
    /// What the link request matched on (`phoneNumber`, `givenName`, `email`, ...), as sent.
    pub criteria: Option<JsonObject>,
    /// Why linking failed (`link:failure`).
    pub error: Option<ErrorDetail>,
}

/// `client:add`, `client:remove` and `appUser:delete`: triggers of API v1.1 whose payloads
/// Smooch never documented. The user is read when sent; everything else stays, as received, in
/// [`extra`](Self::extra).
#[model]
pub struct AppUserEvent {
    /// What every event carries.
    #[serde(flatten)]
    pub envelope: Envelope,
}
