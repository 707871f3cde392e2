//! One payload struct per kind of event. Each keeps the whole envelope (`trigger`, `app`,
//! `version`) and its unknown keys, so serializing it gives the event's JSON back.

use serde::Serialize;
use smooch_macros::Decode;

use super::parts::{
    AppRef, ConversationRef, Destination, ErrorDetail, ExternalMessage, MatchResult, MessageRef,
    NotificationRef, Payment, Postback, Referral, UserActivity,
};
use crate::models::{
    AppUser, AppUserClient, Extra, JsonObject, Message, Source, Timestamp, WebhookTrigger,
};

/// `message:appUser` and `message:appMaker`: messages were added to a conversation.
///
/// `messages` holds one message in every payload seen so far, but it is an array and may hold
/// more: handle them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageEvent {
    /// `message:appUser` or `message:appMaker`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`); absent in API v1 payloads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The messages, oldest first.
    #[decode(required)]
    pub messages: Vec<Message>,
    /// The user of the conversation (truncated unless the webhook includes the full user).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation (API v1.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The client the conversation runs on (webhooks with `includeClient`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<AppUserClient>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `postback`: the user tapped postback buttons.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PostbackEvent {
    /// `postback`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`); absent in API v1 payloads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The taps (one or more).
    #[decode(required)]
    pub postbacks: Vec<Postback>,
    /// The user who tapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The client (webhooks with `includeClient`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<AppUserClient>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `conversation:start`, `conversation:read` and `conversation:referral`: the user opted in,
/// read the conversation, or came back through a referral.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationEvent {
    /// `conversation:start`, `conversation:read` or `conversation:referral`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`); absent in API v1 payloads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The channel it happened on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The referral (always on `conversation:referral`, sometimes on `conversation:start`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    /// The client (webhooks with `includeClient`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<AppUserClient>,
    /// When Smooch received the event, in Unix seconds with a millisecond fraction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `typing:appUser`: the user started or stopped typing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TypingEvent {
    /// `typing:appUser`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `typing:start` or `typing:stop`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<UserActivity>,
    /// The user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The channel, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The client (webhooks with `includeClient`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<AppUserClient>,
    /// When Smooch received the event, in Unix seconds with a millisecond fraction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `merge:appUser`: users were merged into one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MergeEvent {
    /// `merge:appUser`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`); absent in API v1 payloads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The user that remains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surviving: Option<AppUser>,
    /// The users merged into it (they no longer exist).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub discarded: Vec<AppUser>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `delivery:success` and `delivery:failure` (API v1 webhooks): business messages were (not)
/// delivered to a channel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeliveryEvent {
    /// `delivery:success` or `delivery:failure`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version, if sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The channel delivered to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<Destination>,
    /// The messages concerned.
    #[decode(required)]
    pub messages: Vec<Message>,
    /// Why delivery failed (`delivery:failure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorDetail>,
    /// When the delivery event occurred, in Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `message:delivery:channel`, `message:delivery:user` and `message:delivery:failure` (API
/// v1.1): a business message reached the channel, reached the user, or failed.
///
/// A message may see several of these; [`is_final_event`](Self::is_final_event) marks the last
/// one for a message and destination.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageDeliveryEvent {
    /// `message:delivery:channel`, `message:delivery:user` or `message:delivery:failure`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The channel delivered to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<Destination>,
    /// The message concerned (its id only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<MessageRef>,
    /// Whether no more delivery events will come for this message and destination.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_final_event: Option<bool>,
    /// The channel's ids for the message (may be empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_messages: Vec<ExternalMessage>,
    /// Why delivery failed (`message:delivery:failure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorDetail>,
    /// The client (webhooks with `includeClient`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<AppUserClient>,
    /// When the delivery event occurred, in Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `notification:delivery:channel`, `notification:delivery:user` and
/// `notification:delivery:failure`: progress of a notification sent with the Notification API.
/// The user is in [`match_result`](Self::match_result), not at the top.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationDeliveryEvent {
    /// `notification:delivery:channel`, `notification:delivery:user` or
    /// `notification:delivery:failure`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The notification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<NotificationRef>,
    /// The channel and address delivered to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<Destination>,
    /// The user and conversation the destination matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub match_result: Option<MatchResult>,
    /// Whether no more delivery events will come for this notification and destination.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_final_event: Option<bool>,
    /// The channel's ids for the notification (may be empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_messages: Vec<ExternalMessage>,
    /// Why delivery failed (`notification:delivery:failure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorDetail>,
    /// When the delivery event occurred, in Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `payment:success`: `buy` actions were paid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PaymentEvent {
    /// `payment:success`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version, if sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The user who paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The conversation, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<ConversationRef>,
    /// The payments (one or more).
    #[decode(required)]
    pub payments: Vec<Payment>,
    /// The client (webhooks with `includeClient`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<AppUserClient>,
    /// When Smooch got the confirmation, in Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `link:success`, `link:match` and `link:failure`: progress of linking a user to a channel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LinkEvent {
    /// `link:success`, `link:match` or `link:failure`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version, if sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The user being linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// The channel: `messenger`, `twilio`, `mailgun`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// What the link request matched on (`phoneNumber`, `givenName`, `email`, ...), as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<JsonObject>,
    /// Why linking failed (`link:failure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorDetail>,
    /// When it happened, in Unix seconds, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `client:add`, `client:remove` and `appUser:delete`: triggers of API v1.1 whose payloads
/// Smooch never documented. The user is read when sent; everything else stays, as received, in
/// [`extra`](Self::extra).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppUserEvent {
    /// `client:add`, `client:remove` or `appUser:delete`.
    #[decode(key)]
    pub trigger: WebhookTrigger,
    /// The app.
    #[decode(key)]
    pub app: AppRef,
    /// The payload version (`v1.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The user concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user: Option<AppUser>,
    /// When it happened, in Unix seconds, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Everything else in the payload, as received (sent back as it is).
    #[serde(flatten)]
    pub extra: Extra,
}
