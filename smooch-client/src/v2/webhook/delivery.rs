//! [`Delivery`]: what one v2 webhook call carries (the app, the webhook, the events).

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::event::Event;
use super::parts::{AppRef, WebhookRef};
use crate::webhook::{Incoming, Receiver, Verifier, WebhookError};

/// What one v2 webhook call carries: the app, the webhook, and one or more [`Event`]s, which
/// may concern different users and conversations.
///
/// The body is read as JSON once, then each event on its own: an event of a type this crate
/// does not know, or one it cannot read, is kept in its place (as
/// [`Payload::Unknown`](super::Payload::Unknown) or
/// [`Payload::Malformed`](super::Payload::Malformed)) and never fails the others. The
/// envelope is read as tolerantly as the response models: a missing `webhook.version`, `null`s
/// and unknown keys (kept in [`extra`](Self::extra)) are fine. What is refused
/// ([`WebhookError::Invalid`], answered 400) is a body that is not a delivery at all: not a
/// JSON object, without an `events` list (a v1.1 body, say), or with an `app` or `webhook`
/// that is not an object.
///
/// ```
/// use smooch_client::v2::webhook::{Delivery, Payload};
///
/// let delivery = Delivery::from_slice(br#"{
///     "app": {"id": "becc19241bb7606be1a69d67"},
///     "webhook": {"id": "12e86689789a887e759880a0", "version": "v2"},
///     "events": [
///         {"id": "a79eb94810241743e245863d", "type": "conversation:pin", "payload": {}},
///         {"id": "e1a04c6b2f9d83a57c01be46", "type": "conversation:remove",
///          "createdAt": "2026-03-14T14:00:10.002Z",
///          "payload": {"conversation": {"id": "b43f78b34a82721ed479f8d6", "type": "personal"}}}
///     ]
/// }"#)?;
/// assert_eq!(delivery.app_id(), Some("becc19241bb7606be1a69d67"));
/// assert!(delivery.events[0].is_unknown(), "a type this crate does not know");
/// assert!(matches!(delivery.events[1].payload, Payload::ConversationRemove(_)));
/// # Ok::<(), smooch_client::webhook::WebhookError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The app the events belong to (`app`).
    pub app: Option<AppRef>,
    /// The webhook that delivered them (`webhook`).
    pub webhook: Option<WebhookRef>,
    /// The events, in the order received.
    pub events: Vec<Event>,
    /// The envelope's other keys, as received.
    pub extra: Map<String, Value>,
}

/// What [`WebhookError::Invalid`] names for an error of the envelope.
const DELIVERY: &str = "v2 delivery";

impl Delivery {
    /// Reads a webhook body (see [`Delivery`]).
    #[inline]
    pub fn from_slice(body: &[u8]) -> Result<Delivery, WebhookError> {
        Delivery::from_value(crate::webhook::json(body)?)
    }

    /// Reads a body already parsed as JSON (see [`Delivery`]).
    #[inline]
    pub fn from_value(value: Value) -> Result<Delivery, WebhookError> {
        let Value::Object(mut object) = value else {
            return Err(WebhookError::invalid(DELIVERY, "not a JSON object"));
        };
        let part = |key: &str| object.get(key).unwrap_or(&Value::Null);
        let app: Option<AppRef> = crate::webhook::decode(DELIVERY, "app", part("app"))?;
        let webhook: Option<WebhookRef> =
            crate::webhook::decode(DELIVERY, "webhook", part("webhook"))?;
        let events = match object.remove("events") {
            Some(Value::Array(events)) => events,
            Some(Value::Null) | None => {
                return Err(WebhookError::invalid(DELIVERY, "no `events`"));
            }
            Some(_) => return Err(WebhookError::invalid(DELIVERY, "`events` is not a list")),
        };
        object.remove("app");
        object.remove("webhook");
        let app_id = app.as_ref().and_then(|app| app.id.clone());
        let events = events
            .into_iter()
            .map(|event| Event::read(event, app_id.clone()))
            .collect();
        Ok(Delivery {
            app,
            webhook,
            events,
            extra: object,
        })
    }

    /// The app's id (`app.id`).
    pub fn app_id(&self) -> Option<&str> {
        self.app.as_ref()?.id.as_deref()
    }

    /// The payload version (`webhook.version`: `v2`), when sent.
    pub fn version(&self) -> Option<&str> {
        self.webhook.as_ref()?.version.as_deref()
    }
}

impl Serialize for Delivery {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(app) = &self.app {
            map.serialize_entry("app", app)?;
        }
        if let Some(webhook) = &self.webhook {
            map.serialize_entry("webhook", webhook)?;
        }
        map.serialize_entry("events", &self.events)?;
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Delivery {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Delivery::from_value(value).map_err(serde::de::Error::custom)
    }
}

impl crate::webhook::Sealed for Delivery {}

impl Incoming for Delivery {
    type Event = Event;

    #[inline]
    fn from_body(body: &[u8]) -> Result<Self, WebhookError> {
        Delivery::from_slice(body)
    }

    fn app_id(&self) -> Option<&str> {
        Delivery::app_id(self)
    }

    fn into_events(self) -> Vec<Event> {
        self.events
    }

    fn kind(event: &Event) -> &str {
        event.r#type.as_str()
    }
}

impl Receiver<Delivery> {
    /// A receiver of v2 deliveries accepting what `verifier` accepts (the same [`Verifier`]
    /// as for v1.1: the secret comes in `X-API-Key`), with bodies up to
    /// [`DEFAULT_BODY_LIMIT`](crate::webhook::DEFAULT_BODY_LIMIT). A secret tied to an app
    /// accepts only deliveries whose `app.id` is that app.
    ///
    /// ```
    /// use smooch_client::webhook::{Receiver, Verifier, WebhookError};
    ///
    /// let receiver = Receiver::v2(Verifier::for_app("becc19241bb7606be1a69d67", "b1cec6162f09a534"));
    /// let body = br#"{"app": {"id": "becc19241bb7606be1a69d67"}, "webhook": {"id": "w1"},
    ///     "events": [{"id": "e1", "type": "conversation:remove", "payload": {}}]}"#;
    /// let delivery = receiver.receive_key(Some(b"b1cec6162f09a534"), body)?;
    /// assert_eq!(delivery.events.len(), 1);
    ///
    /// let elsewhere = br#"{"app": {"id": "another"}, "events": []}"#;
    /// let refused = receiver.receive_key(Some(b"b1cec6162f09a534"), elsewhere).unwrap_err();
    /// assert_eq!(refused, WebhookError::WrongApp);
    /// # Ok::<(), WebhookError>(())
    /// ```
    pub fn v2(verifier: Verifier) -> Self {
        Receiver::decoding(verifier)
    }
}
