//! [`Event`]: one event of a v2 delivery, its [`Payload`] decoded by dispatching on `type`.

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::payloads::{
    ActivityPayload, ClientAddPayload, ClientRemovePayload, ClientUpdatePayload,
    ConversationCreatePayload, ConversationMessagePayload, ConversationPostbackPayload,
    ConversationReferralPayload, ConversationRemovePayload, MessageDeliveryPayload,
    ParticipantPayload, SwitchboardPayload, UserMergePayload, UserRemovePayload, UserUpdatePayload,
};
use crate::models::Id;
use crate::v2::models::{ConversationTruncated, DateTime, WebhookTrigger};
use crate::webhook::{DedupKey, DeliveryKey, WebhookError};

macro_rules! payloads {
    ($( $(#[$doc:meta])* $variant:ident($payload:ident), )+) => {
        /// What a v2 event carries: one variant per event type, each with a typed payload
        /// (the variants are named as [`WebhookTrigger`]'s).
        ///
        /// An event type this crate does not know is [`Payload::Unknown`], and an event it
        /// cannot read (a value of the wrong type where a model is expected) is
        /// [`Payload::Malformed`]: neither is an error, and neither keeps the other events of
        /// its delivery from being read.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        // A payload is decoded once per event and handed over by value, a few per delivery:
        // boxing the large ones would cost an allocation each to save bytes that are not moved
        // often.
        #[allow(clippy::large_enum_variant)]
        pub enum Payload {
            $( $(#[$doc])* $variant($payload), )+
            /// `passthrough:messaging`: a message with data to forward unchanged. Its shape is
            /// not documented: the payload as received.
            PassthroughMessaging(Value),
            /// An event type this crate does not know (the event's
            /// [`type`](Event::type)): the payload as received.
            Unknown(Value),
            /// An event that could not be read: not an object, no string `type`, or a value
            /// of the wrong type (an `id` that is a number, a `conversation` that is a list).
            Malformed {
                /// The whole event, as received.
                raw: Value,
                /// What is wrong with it (a JSON path and the kind of value expected, never
                /// the value).
                error: WebhookError,
            },
        }

        impl Payload {
            /// The typed payload of a known type; `None` for the others.
            #[inline]
            fn typed(r#type: &WebhookTrigger, value: &Value) -> Option<Result<Payload, WebhookError>> {
                let name = r#type.as_str();
                Some(match r#type {
                    $( WebhookTrigger::$variant => {
                        crate::webhook::decode(name, "payload", value).map(Payload::$variant)
                    } )+
                    WebhookTrigger::PassthroughMessaging => Ok(Payload::PassthroughMessaging(value.clone())),
                    _ => return None,
                })
            }

            /// Writes the payload (a malformed event has none of its own: its whole event is
            /// written instead).
            fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                match self {
                    $( Payload::$variant(payload) => map.serialize_entry("payload", payload), )+
                    Payload::PassthroughMessaging(raw) | Payload::Unknown(raw) if !raw.is_null() => {
                        map.serialize_entry("payload", raw)
                    }
                    _ => Ok(()),
                }
            }
        }
    };
}

payloads! {
    /// `client:add`.
    ClientAdd(ClientAddPayload),
    /// `client:remove`.
    ClientRemove(ClientRemovePayload),
    /// `client:update`.
    ClientUpdate(ClientUpdatePayload),
    /// `conversation:create`.
    ConversationCreate(ConversationCreatePayload),
    /// `conversation:join`.
    ConversationJoin(ParticipantPayload),
    /// `conversation:leave`.
    ConversationLeave(ParticipantPayload),
    /// `conversation:remove`.
    ConversationRemove(ConversationRemovePayload),
    /// `conversation:message`: a message, from a user or the business.
    ConversationMessage(ConversationMessagePayload),
    /// `conversation:message:delivery:channel`.
    ConversationMessageDeliveryChannel(MessageDeliveryPayload),
    /// `conversation:message:delivery:failure`.
    ConversationMessageDeliveryFailure(MessageDeliveryPayload),
    /// `conversation:message:delivery:user`.
    ConversationMessageDeliveryUser(MessageDeliveryPayload),
    /// `conversation:postback`: the user pressed a postback button.
    ConversationPostback(ConversationPostbackPayload),
    /// `conversation:read`.
    ConversationRead(ActivityPayload),
    /// `conversation:referral`.
    ConversationReferral(ConversationReferralPayload),
    /// `conversation:typing`.
    ConversationTyping(ActivityPayload),
    /// `switchboard:acceptControl`.
    SwitchboardAcceptControl(SwitchboardPayload),
    /// `switchboard:acceptControl:failure`.
    SwitchboardAcceptControlFailure(SwitchboardPayload),
    /// `switchboard:offerControl`.
    SwitchboardOfferControl(SwitchboardPayload),
    /// `switchboard:offerControl:failure`.
    SwitchboardOfferControlFailure(SwitchboardPayload),
    /// `switchboard:passControl`.
    SwitchboardPassControl(SwitchboardPayload),
    /// `switchboard:passControl:failure`.
    SwitchboardPassControlFailure(SwitchboardPayload),
    /// `switchboard:releaseControl`.
    SwitchboardReleaseControl(SwitchboardPayload),
    /// `user:merge`.
    UserMerge(UserMergePayload),
    /// `user:update`.
    UserUpdate(UserUpdatePayload),
    /// `user:remove`.
    UserRemove(UserRemovePayload),
}

/// One event of a v2 [`Delivery`](super::Delivery): its id, type and time, and its typed
/// [`Payload`].
///
/// Reading an event never fails: a type this crate does not know is [`Payload::Unknown`] and an
/// event it cannot read is [`Payload::Malformed`], each with the JSON as received. Decoding is
/// as tolerant as the response models: unknown keys are kept (in each model's `extra`, and the
/// event's own in [`extra`](Self::extra)), `null` is absent, a repeated key keeps its last
/// value, unknown enum values are `Unknown(..)`, a time that is not RFC 3339 is kept as text.
/// Serializing an event gives its JSON back.
///
/// ```
/// use smooch_client::v2::models::{AuthorType, Content};
/// use smooch_client::v2::webhook::{Event, Payload};
///
/// let event = Event::from_value(serde_json::json!({
///     "id": "970b4ceb4059d935b0b442b3",
///     "type": "conversation:message",
///     "createdAt": "2026-03-14T09:26:53.418Z",
///     "payload": {
///         "conversation": {"id": "4cc91364ec094a7fe2195bd9", "type": "personal"},
///         "message": {
///             "id": "626c641c1e3258c6162b438f",
///             "author": {"type": "user", "userId": "633e0da0b028932438f909e2"},
///             "content": {"type": "text", "text": "Is my order on its way?"}
///         }
///     }
/// }));
/// assert_eq!(event.id.as_deref(), Some("970b4ceb4059d935b0b442b3"));
/// if let Payload::ConversationMessage(payload) = &event.payload {
///     let message = payload.message.as_ref().unwrap();
///     if message.author.as_ref().is_some_and(|a| a.r#type == AuthorType::User) {
///         if let Some(Content::Text(text)) = &message.content {
///             assert_eq!(text.text.as_deref(), Some("Is my order on its way?"));
///         }
///     }
/// }
/// assert_eq!(event.conversation().and_then(|c| c.id.as_deref()), Some("4cc91364ec094a7fe2195bd9"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// The event id (`id`): the same in every delivery of this event.
    pub id: Option<Id>,
    /// The event type (`type`), as received: a type this crate does not know is
    /// [`WebhookTrigger::Unknown`] (empty for an event without one).
    pub r#type: WebhookTrigger,
    /// When the event was generated (`createdAt`).
    pub created_at: Option<DateTime>,
    /// What it carries (`payload`).
    pub payload: Payload,
    /// The app of the delivery it came in (`app.id` of the delivery; not a key of the event).
    pub app_id: Option<Id>,
    /// The event's other keys, as received.
    pub extra: Map<String, Value>,
}

impl Event {
    /// Reads one event (see [`Event`]): never an error.
    #[inline]
    pub fn from_value(value: Value) -> Event {
        Event::read(value, None)
    }

    /// Reads one event of a delivery of the app `app_id`.
    #[inline]
    pub(super) fn read(value: Value, app_id: Option<Id>) -> Event {
        let Value::Object(mut object) = value else {
            let error = WebhookError::invalid("<none>", "the event is not a JSON object");
            return Event::malformed(value, error, None, app_id);
        };
        let r#type = match object.get("type") {
            Some(Value::String(name)) => WebhookTrigger::from(name.as_str()),
            Some(Value::Null) | None => {
                let error = WebhookError::invalid("<none>", "no `type`");
                return Event::malformed(Value::Object(object), error, None, app_id);
            }
            Some(_) => {
                let error = WebhookError::invalid("<none>", "`type` is not a string");
                return Event::malformed(Value::Object(object), error, None, app_id);
            }
        };
        let field = |key: &str| object.get(key).unwrap_or(&Value::Null);
        let id = crate::webhook::decode::<Option<Id>>(r#type.as_str(), "id", field("id"));
        let created_at = crate::webhook::decode(r#type.as_str(), "createdAt", field("createdAt"));
        let empty = Value::Object(Map::new());
        let payload = match field("payload") {
            Value::Null => &empty,
            payload => payload,
        };
        let payload = match Payload::typed(&r#type, payload) {
            Some(typed) => typed,
            None => Ok(Payload::Unknown(field("payload").clone())),
        };
        match (id, created_at, payload) {
            (Ok(id), Ok(created_at), Ok(payload)) => {
                for key in ["id", "type", "createdAt", "payload"] {
                    object.remove(key);
                }
                Event {
                    id,
                    r#type,
                    created_at,
                    payload,
                    app_id,
                    extra: object,
                }
            }
            (id, _, Err(error)) | (id, Err(error), _) => {
                let mut event =
                    Event::malformed(Value::Object(object), error, id.ok().flatten(), app_id);
                event.r#type = r#type;
                event
            }
            (Err(error), ..) => {
                let mut event = Event::malformed(Value::Object(object), error, None, app_id);
                event.r#type = r#type;
                event
            }
        }
    }

    fn malformed(raw: Value, error: WebhookError, id: Option<Id>, app_id: Option<Id>) -> Event {
        Event {
            id,
            r#type: WebhookTrigger::default(),
            created_at: None,
            payload: Payload::Malformed { raw, error },
            app_id,
            extra: Map::new(),
        }
    }

    /// The conversation the event is about, when its payload names one (every
    /// `conversation:*` and `switchboard:*` event, and some `client:*` ones; the surviving
    /// conversation of a `user:merge`).
    pub fn conversation(&self) -> Option<&ConversationTruncated> {
        match &self.payload {
            Payload::ClientAdd(p) => p.conversation.as_ref(),
            Payload::ClientRemove(p) => p.conversation.as_ref(),
            Payload::ClientUpdate(p) => p.conversation.as_ref(),
            Payload::ConversationCreate(p) => p.conversation.as_ref(),
            Payload::ConversationJoin(p) | Payload::ConversationLeave(p) => p.conversation.as_ref(),
            Payload::ConversationRemove(p) => p.conversation.as_ref(),
            Payload::ConversationMessage(p) => p.conversation.as_ref(),
            Payload::ConversationMessageDeliveryChannel(p)
            | Payload::ConversationMessageDeliveryFailure(p)
            | Payload::ConversationMessageDeliveryUser(p) => p.conversation.as_ref(),
            Payload::ConversationPostback(p) => p.conversation.as_ref(),
            Payload::ConversationRead(p) | Payload::ConversationTyping(p) => {
                p.conversation.as_ref()
            }
            Payload::ConversationReferral(p) => p.conversation.as_ref(),
            Payload::SwitchboardAcceptControl(p)
            | Payload::SwitchboardAcceptControlFailure(p)
            | Payload::SwitchboardOfferControl(p)
            | Payload::SwitchboardOfferControlFailure(p)
            | Payload::SwitchboardPassControl(p)
            | Payload::SwitchboardPassControlFailure(p)
            | Payload::SwitchboardReleaseControl(p) => p.conversation.as_ref(),
            Payload::UserMerge(p) => p.merged_conversations.as_ref()?.surviving.as_ref(),
            Payload::UserUpdate(_)
            | Payload::UserRemove(_)
            | Payload::PassthroughMessaging(_)
            | Payload::Unknown(_)
            | Payload::Malformed { .. } => None,
        }
    }

    /// Whether the type is one this crate does not know ([`Payload::Unknown`]).
    pub fn is_unknown(&self) -> bool {
        matches!(self.payload, Payload::Unknown(_))
    }

    /// Why the event could not be read, when it could not ([`Payload::Malformed`]).
    pub fn error(&self) -> Option<&WebhookError> {
        match &self.payload {
            Payload::Malformed { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Payload::Malformed { raw, .. } = &self.payload {
            return raw.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        if let Some(id) = &self.id {
            map.serialize_entry("id", id)?;
        }
        map.serialize_entry("type", &self.r#type)?;
        if let Some(created_at) = &self.created_at {
            map.serialize_entry("createdAt", created_at)?;
        }
        self.payload.write(&mut map)?;
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(Event::from_value)
    }
}

/// The key of a v2 event: its id, which every delivery of the event repeats (exact), with
/// the app. An event without an id (none is documented) has an ambiguous key: its type and
/// whole JSON.
///
/// ```
/// use smooch_client::v2::webhook::Event;
/// use smooch_client::webhook::DedupKey;
///
/// let event = |id: &str| Event::from_value(serde_json::json!(
///     {"id": id, "type": "conversation:remove", "payload": {"conversation": {"id": "c1"}}}));
/// let key = event("e1a04c6b2f9d83a57c01be46").dedup_key();
/// assert!(key.is_exact());
/// assert_eq!(key, event("e1a04c6b2f9d83a57c01be46").dedup_key());
/// assert_ne!(key, event("e1a04c6b2f9d83a57c01be47").dedup_key());
/// ```
impl DedupKey for Event {
    #[inline]
    fn dedup_key(&self) -> DeliveryKey {
        let app = self.app_id.as_deref().unwrap_or_default();
        match self.id.as_deref() {
            Some(id) if !id.is_empty() => DeliveryKey::exact(["v2", app, id]),
            _ => {
                let json = serde_json::to_string(self).unwrap_or_default();
                DeliveryKey::ambiguous(["v2", app, self.r#type.as_str(), json.as_str()])
            }
        }
    }
}
