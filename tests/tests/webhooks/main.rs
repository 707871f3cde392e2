//! Webhooks, one file per concern: decoding every trigger's payload (`events`) and what
//! decoding tolerates (`tolerance`), verification and serving (`receive`), handling each event
//! once (`dedup`), the Webhook API endpoints (`api`), the fake's webhooks and deliveries
//! (`fake`), and the echo bot end to end (`echo_bot`); v2 events and deliveries decoded
//! (`v2_events`), and verified, served and de-duplicated (`v2_receive`).

mod api;
mod dedup;
mod echo_bot;
mod echo_bot_v2;
mod events;
mod fake;
mod receive;
mod tolerance;
mod v2_events;
mod v2_receive;

use serde_json::Value;
use smooch_client::webhook::{Event, WebhookError};
use smooch_tests::at;

/// `value` decoded as an event.
fn event(value: Value) -> Event {
    let bytes = serde_json::to_vec(&value).unwrap();
    Event::from_slice(&bytes).unwrap_or_else(|e| panic!("does not decode: {e}\n{value}"))
}

/// `value` refused, with the error.
fn refused(value: Value) -> WebhookError {
    Event::from_slice(&serde_json::to_vec(&value).unwrap()).expect_err("should not decode")
}
