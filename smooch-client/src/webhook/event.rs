//! [`Event`]: one variant per trigger, decoded by dispatching on `trigger`.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::error::{WebhookError, describe_error};
use super::payloads::{
    AppUserEvent, ConversationEvent, DeliveryEvent, Envelope, LinkEvent, MergeEvent,
    MessageDeliveryEvent, MessageEvent, NotificationDeliveryEvent, PaymentEvent, PostbackEvent,
    TypingEvent,
};
use crate::models::{AppUser, Message, Timestamp, WebhookTrigger};

macro_rules! events {
    ($( $(#[$doc:meta])* $variant:ident($payload:ident), )+) => {
        /// A webhook event: one variant per trigger, each with a typed payload.
        ///
        /// Decode one with [`Event::from_slice`] (or serde), or receive a verified one with a
        /// [`Receiver`](super::Receiver). A trigger this crate does not know yet is
        /// [`Event::Unknown`], never an error. Serializing an event gives its JSON back (unknown
        /// keys included).
        ///
        /// ```
        /// use smooch_client::webhook::Event;
        ///
        /// let body = br#"{"trigger": "message:appUser", "app": {"_id": "app_1"}, "version": "v1.1",
        ///     "messages": [{"_id": "m1", "type": "text", "text": "hi", "role": "appUser",
        ///                   "authorId": "u1", "received": 1562843311.275}],
        ///     "appUser": {"_id": "u1"}, "conversation": {"_id": "c1"}}"#;
        /// match Event::from_slice(body)? {
        ///     Event::MessageAppUser(event) => {
        ///         for message in &event.messages {
        ///             println!("{} says {:?}", message.author_id, message.text);
        ///         }
        ///     }
        ///     Event::Unknown { trigger, .. } => println!("not handled yet: {trigger}"),
        ///     other => println!("ignored: {}", other.trigger()),
        /// }
        /// # Ok::<(), smooch_client::webhook::WebhookError>(())
        /// ```
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Event {
            $( $(#[$doc])* $variant($payload), )+
            /// A trigger this crate does not know (or a subscription-only value such as
            /// `message`), with the whole payload as received.
            Unknown {
                /// The `trigger` as received.
                trigger: String,
                /// The whole payload.
                raw: Value,
            },
        }

        impl Event {
            /// The typed event of a known trigger; `None` for the others.
            #[inline]
            fn typed(trigger: &WebhookTrigger, text: &str) -> Option<Result<Event, WebhookError>> {
                Some(match trigger {
                    $( WebhookTrigger::$variant => decode_text::<$payload>(trigger.as_str(), "", text).map(Event::$variant), )+
                    _ => return None,
                })
            }

            /// What every known event carries: its trigger, app, and the user, conversation and
            /// time when it has them; `None` for [`Event::Unknown`].
            pub fn envelope(&self) -> Option<&Envelope> {
                match self {
                    $( Event::$variant(payload) => Some(&payload.envelope), )+
                    Event::Unknown { .. } => None,
                }
            }
        }

        impl Serialize for Event {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Event::$variant(payload) => payload.serialize(serializer), )+
                    Event::Unknown { raw, .. } => raw.serialize(serializer),
                }
            }
        }
    };
}

events! {
    /// `message:appUser`: the user sent messages.
    MessageAppUser(MessageEvent),
    /// `message:appMaker`: the business (or an agent's whisper) sent messages.
    MessageAppMaker(MessageEvent),
    /// `postback`: the user tapped postback buttons.
    Postback(PostbackEvent),
    /// `conversation:start`: the user opted in to receive messages.
    ConversationStart(ConversationEvent),
    /// `conversation:read`: the user read the conversation.
    ConversationRead(ConversationEvent),
    /// `conversation:referral`: a user with a conversation came through a referral.
    ConversationReferral(ConversationEvent),
    /// `typing:appUser`: the user started or stopped typing.
    TypingAppUser(TypingEvent),
    /// `merge:appUser`: users were merged.
    MergeAppUser(MergeEvent),
    /// `delivery:success` (API v1): business messages reached the channel.
    DeliverySuccess(DeliveryEvent),
    /// `delivery:failure` (API v1): business messages could not be delivered.
    DeliveryFailure(DeliveryEvent),
    /// `message:delivery:channel`: the channel accepted a business message.
    MessageDeliveryChannel(MessageDeliveryEvent),
    /// `message:delivery:user`: the channel confirmed delivery to the user.
    MessageDeliveryUser(MessageDeliveryEvent),
    /// `message:delivery:failure`: a business message could not be delivered.
    MessageDeliveryFailure(MessageDeliveryEvent),
    /// `notification:delivery:channel`: the channel accepted a notification.
    NotificationDeliveryChannel(NotificationDeliveryEvent),
    /// `notification:delivery:user`: the channel confirmed a notification's delivery.
    NotificationDeliveryUser(NotificationDeliveryEvent),
    /// `notification:delivery:failure`: a notification could not be delivered.
    NotificationDeliveryFailure(NotificationDeliveryEvent),
    /// `payment:success`: `buy` actions were paid.
    PaymentSuccess(PaymentEvent),
    /// `link:success`: a channel was linked to the user.
    LinkSuccess(LinkEvent),
    /// `link:match`: the user was matched on the channel being linked.
    LinkMatch(LinkEvent),
    /// `link:failure`: linking failed.
    LinkFailure(LinkEvent),
    /// `client:add`: a client was added to the user (payload undocumented: see [`AppUserEvent`]).
    ClientAdd(AppUserEvent),
    /// `client:remove`: a client was removed (payload undocumented: see [`AppUserEvent`]).
    ClientRemove(AppUserEvent),
    /// `appUser:delete`: the user was deleted (payload undocumented: see [`AppUserEvent`]).
    AppUserDelete(AppUserEvent),
}

/// Decodes a known trigger's payload; an error names the JSON path (under `prefix`, when not
/// empty), never the value. (API v2's events are read from a parsed delivery.)
#[cfg(feature = "v2")]
pub(crate) fn decode<T: DeserializeOwned>(
    trigger: &str,
    prefix: &str,
    value: &Value,
) -> Result<T, WebhookError> {
    decode_text(trigger, prefix, &value.to_string())
}

/// Decodes a known trigger's payload from its JSON text, as [`decode`] does.
///
/// Payloads are read from text, by the parser that reads every response body (a v1.1 event
/// from the body itself, a v2 event's parts from their [`Value`] written back as text): each
/// payload type's decoders are compiled for that one parser only.
pub(crate) fn decode_text<T: DeserializeOwned>(
    trigger: &str,
    prefix: &str,
    text: &str,
) -> Result<T, WebhookError> {
    serde_json::from_str(text).map_err(|error| {
        let path = match (prefix, crate::codec::json_path::of(text, &error)) {
            ("", path) => path,
            (prefix, path) if path == "." => prefix.to_owned(),
            (prefix, path) => format!("{prefix}.{path}"),
        };
        let problem = describe_error(&error);
        WebhookError::invalid(trigger, format!("{path}: {problem}"))
    })
}

impl Event {
    /// Decodes a webhook body: JSON with a string `trigger` and, for a known trigger, an
    /// `app._id`.
    ///
    /// Decoding is as tolerant as the response models: unknown keys are kept, unknown enum
    /// values are `Unknown(..)`, `null` is absent, integer timestamps are read as seconds, and a
    /// missing `version` is `None`. A trigger this crate does not know is [`Event::Unknown`].
    #[inline]
    pub fn from_slice(body: &[u8]) -> Result<Event, WebhookError> {
        let value = super::incoming::json(body)?;
        // A body read as JSON is UTF-8; the fallback writes the value out again.
        match std::str::from_utf8(body) {
            Ok(text) => Event::read(value, text),
            Err(_) => Event::from_value(value),
        }
    }

    /// Decodes a payload already parsed as JSON (see [`Event::from_slice`]).
    #[inline]
    pub fn from_value(value: Value) -> Result<Event, WebhookError> {
        let text = value.to_string();
        Event::read(value, &text)
    }

    /// Decodes a payload parsed as `value` from `text`.
    #[inline]
    fn read(value: Value, text: &str) -> Result<Event, WebhookError> {
        let trigger = match value.get("trigger") {
            Some(Value::String(trigger)) => WebhookTrigger::from(trigger.as_str()),
            Some(_) => return Err(WebhookError::invalid("<none>", "`trigger` is not a string")),
            None if value.is_object() => {
                return Err(WebhookError::invalid("<none>", "no `trigger`"));
            }
            None => return Err(WebhookError::invalid("<none>", "not a JSON object")),
        };
        match Event::typed(&trigger, text) {
            Some(typed) => typed,
            None => Ok(Event::Unknown {
                trigger: trigger.as_str().to_owned(),
                raw: value,
            }),
        }
    }

    /// The `trigger`, as received.
    pub fn trigger(&self) -> &str {
        match self {
            Event::Unknown { trigger, .. } => trigger,
            known => known.envelope().map_or("", |e| e.trigger.as_str()),
        }
    }

    /// The app's id (`app._id`), if the payload has one (every known event does).
    pub fn app_id(&self) -> Option<&str> {
        match self {
            Event::Unknown { raw, .. } => raw.get("app")?.get("_id")?.as_str(),
            known => known.envelope().map(|e| e.app.id.as_str()),
        }
    }

    /// The payload version (`v1.1`); `None` in API v1 payloads.
    pub fn version(&self) -> Option<&str> {
        match self {
            Event::Unknown { raw, .. } => raw.get("version")?.as_str(),
            known => known.envelope()?.version.as_deref(),
        }
    }

    /// The user the event is about: `appUser`, the `surviving` user of a merge, or the matched
    /// user of a notification.
    pub fn app_user(&self) -> Option<&AppUser> {
        match self {
            Event::MergeAppUser(event) => event.surviving.as_ref(),
            Event::NotificationDeliveryChannel(event)
            | Event::NotificationDeliveryUser(event)
            | Event::NotificationDeliveryFailure(event) => {
                event.match_result.as_ref()?.app_user.as_ref()
            }
            _ => self.envelope()?.app_user.as_ref(),
        }
    }

    /// The conversation's id, when the payload names it.
    pub fn conversation_id(&self) -> Option<&str> {
        let conversation = match self {
            Event::NotificationDeliveryChannel(event)
            | Event::NotificationDeliveryUser(event)
            | Event::NotificationDeliveryFailure(event) => {
                event.match_result.as_ref()?.conversation.as_ref()
            }
            _ => self.envelope()?.conversation.as_ref(),
        };
        conversation.map(|c| c.id.as_str())
    }

    /// When Smooch received the event, when the payload says.
    pub fn timestamp(&self) -> Option<Timestamp> {
        self.envelope()?.timestamp
    }

    /// The messages of `message:*` and v1 `delivery:*` events (empty for the others).
    pub fn messages(&self) -> &[Message] {
        match self {
            Event::MessageAppUser(event) | Event::MessageAppMaker(event) => &event.messages,
            Event::DeliverySuccess(event) | Event::DeliveryFailure(event) => &event.messages,
            _ => &[],
        }
    }

    /// Whether this is [`Event::Unknown`].
    pub fn is_unknown(&self) -> bool {
        matches!(self, Event::Unknown { .. })
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Event::from_value(value).map_err(serde::de::Error::custom)
    }
}
