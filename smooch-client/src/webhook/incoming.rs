//! [`Incoming`]: what a [`Receiver`](super::Receiver) decodes a webhook call into, and what the
//! axum handler hands to your function.

use serde_json::Value;

use super::error::WebhookError;
use super::event::Event;

/// What a [`Receiver`](super::Receiver) decodes a verified webhook body into: a v1.1 (or v1)
/// [`Event`], one per call, or (feature `v2`) a v2 `v2::webhook::Delivery`, several events per
/// call.
///
/// The receiver, [`axum::handler`](crate::webhook) and [`Dedup`](super::Dedup) are the same for
/// both: the receiver verifies the key, the size and the JSON, then checks the app the body
/// names ([`app_id`](Self::app_id)) against the secret's; the handler hands
/// [`into_events`](Self::into_events) to your function one by one, in order. Implemented by
/// this crate's types only.
pub trait Incoming: sealed::Sealed + Sized + Send + 'static {
    /// What your function is handed: the event itself for v1.1, each event of the delivery for
    /// v2.
    type Event: Send + 'static;

    /// Decodes a whole body (see [`Event::from_slice`] and `Delivery::from_slice`).
    fn from_body(body: &[u8]) -> Result<Self, WebhookError>;

    /// The app the body says it is from (`app._id` in v1.1, `app.id` in v2).
    fn app_id(&self) -> Option<&str>;

    /// The events, in the order received.
    fn into_events(self) -> Vec<Self::Event>;

    /// What an event is, for logs (its trigger or type).
    fn kind(event: &Self::Event) -> &str;
}

pub(crate) mod sealed {
    /// Keeps [`Incoming`](super::Incoming) to this crate's types.
    pub trait Sealed {}
}

impl sealed::Sealed for Event {}

impl Incoming for Event {
    type Event = Event;

    #[inline]
    fn from_body(body: &[u8]) -> Result<Self, WebhookError> {
        Event::from_slice(body)
    }

    fn app_id(&self) -> Option<&str> {
        Event::app_id(self)
    }

    fn into_events(self) -> Vec<Event> {
        vec![self]
    }

    fn kind(event: &Event) -> &str {
        event.trigger()
    }
}

/// A body read as JSON: [`NotJson`](WebhookError::NotJson) when it is not, and
/// [`Invalid`](WebhookError::Invalid) for valid JSON serde_json does not read (a number out of
/// range).
pub(crate) fn json(body: &[u8]) -> Result<Value, WebhookError> {
    serde_json::from_slice(body).map_err(|error| {
        if error.is_data() {
            WebhookError::invalid("<none>", "a number out of range")
        } else {
            WebhookError::NotJson {
                line: error.line(),
                column: error.column(),
            }
        }
    })
}
