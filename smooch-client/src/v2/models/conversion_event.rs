//! Conversion events for Meta's Conversions API: the body [`ConversionEventsBody`] of
//! *post conversion events*, and its answer [`ConversionEventsResponse`].

use serde::Deserializer;
use serde_json::Value;
use smooch_macros::model;

use super::one_of::key_presence;
use crate::codec::{Decode, Mode};

/// The body of *post conversion events*: conversion events for one Meta channel (the key
/// present says which; the API takes exactly one).
///
/// ```
/// use serde_json::json;
/// use smooch_client::v2::models::ConversionEventsBody;
///
/// let purchase = ConversionEventsBody::messenger([json!({
///     "event_name": "Purchase", "event_time": 1_700_000_000, "action_source": "chat",
///     "custom_data": {"currency": "usd", "value": 129.95}
/// })]);
/// assert_eq!(
///     serde_json::to_value(&purchase)?["messenger"]["payload"]["data"][0]["event_name"],
///     "Purchase",
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ConversionEventsBody {
    /// Events of a Messenger conversation (`messenger`).
    Messenger(MetaConversionEvent),
    /// Events of an Instagram conversation (`instagram`).
    Instagram(MetaConversionEvent),
    /// Events of a WhatsApp conversation (`whatsapp`).
    Whatsapp(MetaConversionEvent),
}

impl ConversionEventsBody {
    /// Messenger events: each an object of Meta's Conversions API.
    pub fn messenger(data: impl IntoIterator<Item = Value>) -> Self {
        ConversionEventsBody::Messenger(MetaConversionEvent::new(data))
    }

    /// Instagram events: each an object of Meta's Conversions API.
    pub fn instagram(data: impl IntoIterator<Item = Value>) -> Self {
        ConversionEventsBody::Instagram(MetaConversionEvent::new(data))
    }

    /// WhatsApp events: each an object of Meta's Conversions API.
    pub fn whatsapp(data: impl IntoIterator<Item = Value>) -> Self {
        ConversionEventsBody::Whatsapp(MetaConversionEvent::new(data))
    }
}

key_presence!(ConversionEventsBody, "a conversion events body", {
    Messenger = "messenger",
    Instagram = "instagram",
    Whatsapp = "whatsapp",
});

/// Conversion events for Meta (`metaConversionEvent`).
#[model(request, setters)]
pub struct MetaConversionEvent {
    /// The body for Meta's Conversions API, without `user_data` and `messaging_channel`
    /// (Zendesk adds them).
    #[model(required)]
    pub payload: MetaConversionPayload,
}

impl MetaConversionEvent {
    /// These events (each an object of Meta's Conversions API).
    pub fn new(data: impl IntoIterator<Item = Value>) -> Self {
        MetaConversionEvent::default()
            .with_payload(MetaConversionPayload::default().with_data(data))
    }
}

/// The body of conversion events for Meta's Conversions API.
#[model(request, setters)]
pub struct MetaConversionPayload {
    /// The events: objects as Meta's Conversions API defines them.
    #[model(required, add = with_event)]
    pub data: Vec<Value>,
}

/// The answer of *post conversion events*.
#[model(setters)]
pub struct ConversionEventsResponse {
    /// What Meta took.
    pub conversion_events: Option<ConversionEvents>,
}

/// What Meta took of the conversion events posted.
#[model(setters)]
pub struct ConversionEvents {
    /// The Meta dataset that received them (the API's example sends a number: read as its
    /// text).
    #[model(with = text_or_number)]
    pub dataset_id: Option<String>,
    /// How many events were taken.
    pub events_received: Option<u64>,
}

/// Reads a string, or a number as its text (the API writes some ids as JSON numbers).
fn text_or_number<'de, D: Deserializer<'de>>(
    deserializer: D,
    mode: Mode,
) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::decode(deserializer, mode)? {
        Some(Value::String(text)) => Some(text),
        Some(Value::Number(number)) => Some(number.to_string()),
        None => None,
        Some(other) => {
            return Err(serde::de::Error::custom(format_args!(
                "expected a string or a number, found {other}"
            )));
        }
    })
}
