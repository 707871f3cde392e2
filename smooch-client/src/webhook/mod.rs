//! Receiving what Smooch POSTs to your webhooks: verified, decoded into one typed [`Event`] per
//! trigger, and (cargo feature `axum`) served by a ready handler.
//!
//! This module serves both webhook versions. v1.1 (and v1) webhooks send one event per call,
//! decoded into an [`Event`] by a [`Receiver::new`]. v2 webhooks (feature `v2`) send a
//! delivery of several events per call, decoded into a `v2::webhook::Delivery` by a
//! `Receiver::v2`; its events and their payloads are in `v2::webhook`. The [`Verifier`], the
//! [`Receiver`] (generic over what it decodes: [`Incoming`]), the axum handler, the
//! [`Dedup`] and the statuses answered are the same for both.
//!
//! A bot is two halves: it receives what users say (Smooch calls its webhook) and answers
//! through the API ([`ConversationApi`](crate::ConversationApi)). Create the webhook with
//! [`WebhookApi`](crate::WebhookApi) (or the dashboard) and keep its secret.
//!
//! - [`Event`] decodes a payload: a variant per trigger (`message:appUser`, `postback`,
//!   `conversation:read`, the delivery events, ...) with a typed payload reusing the API's
//!   models ([`Message`](crate::models::Message), [`Action`](crate::models::Action),
//!   [`AppUser`](crate::models::AppUser), ...). A trigger this crate does not know is
//!   [`Event::Unknown`] with the raw JSON, never an error. Decoding is as tolerant as the
//!   response models: unknown keys and enum values are kept, `null` is absent, integer
//!   timestamps are seconds, `version` may be missing, arrays may hold several items.
//! - [`Verifier`] checks the `X-API-Key` header against one secret or a set of secrets, each
//!   tied to its app if you like, in constant time.
//! - [`Receiver`] is the framework-agnostic entry point: headers and body bytes in, a verified
//!   [`Event`] or a [`WebhookError`] (with the [status](WebhookError::status) to answer) out.
//! - `axum::handler` (feature `axum`) is a ready axum route: it verifies, reads the body with a
//!   limit, decodes, awaits your async function and answers.
//! - [`Dedup`] remembers the events handled (bounded in count and age) so that an event Smooch
//!   delivers again is handled once: [`Dedup::guard`] wraps your function in one line. Events
//!   are recognised by their [`DeliveryKey`] ([`DedupKey`]), per trigger.
//!
//! ```
//! use smooch_client::HeaderMap;
//! use smooch_client::webhook::{Event, Receiver, Verifier};
//!
//! let receiver = Receiver::new(Verifier::new("secret-of-the-webhook"));
//! # let mut headers = HeaderMap::new();
//! # headers.insert("x-api-key", "secret-of-the-webhook".parse().unwrap());
//! # let body = br#"{"trigger": "postback", "app": {"_id": "a1"}, "appUser": {"_id": "u1"},
//! #   "postbacks": [{"action": {"_id": "b1", "type": "postback", "text": "Morning", "payload": "SLOT_AM"}}]}"#;
//! // headers and body: whatever your HTTP server received
//! match receiver.receive(&headers, body) {
//!     Ok(Event::Postback(event)) => {
//!         for postback in &event.postbacks {
//!             println!("tapped {:?}", postback.action.payload);
//!         }
//!     }
//!     Ok(other) => println!("{} ignored", other.trigger()),
//!     Err(refused) => println!("answer {}: {refused}", refused.status()),
//! }
//! ```
//!
//! # How Smooch delivers
//!
//! Each event is one `POST` with a JSON body and the webhook's secret in `X-API-Key` (no
//! signature, no timestamp: the secret is the only proof, so serve the webhook over `https`).
//! Smooch waits **20 seconds** for an answer. A **2xx** is success. **400, 401, 403, 404 and
//! 406** tell Smooch to give up at once; anything else, or no answer in time, is retried **up to
//! 5 times**, at growing intervals. So the same event can arrive more than once (after a lost
//! or late answer): handle each once with a [`Dedup`]. What tells events apart depends on the
//! trigger: messages have ids, v1.1 postbacks have none of their own (see
//! [the keys per trigger](DedupKey#impl-DedupKey-for-Event), and what cannot be told apart).
//!
//! # What to answer
//!
//! | outcome | status | why |
//! |---|---|---|
//! | event handled | 200 | |
//! | no `X-API-Key` ([`MissingKey`](WebhookError::MissingKey)) or a wrong one ([`WrongKey`](WebhookError::WrongKey)) | 401 | Smooch's own meaning of 401; a retry would carry the same secret |
//! | the secret's app is not the event's ([`WrongApp`](WebhookError::WrongApp)) | 403 | |
//! | body not JSON ([`NotJson`](WebhookError::NotJson)) or not an event ([`Invalid`](WebhookError::Invalid)) | 400 | "cannot process the payload": a retry would send the same bytes |
//! | body over the limit ([`TooLarge`](WebhookError::TooLarge)) | 413 | the honest status; Smooch retries it (at most 5 times), which gives a raised limit a chance to get the event |
//! | your function failed (axum handler) | 500 | so that Smooch retries later (v2: the whole delivery; see `axum::handler`) |
//!
//! Errors and `Debug` output never contain a secret or any part of the body.

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
mod dedup;
mod error;
mod event;
mod incoming;
mod key;
mod parts;
mod payloads;
mod receive;
mod verify;

pub use dedup::{
    Ambiguous, BYTES_PER_EVENT, Claim, DEFAULT_CAPACITY, DEFAULT_MAX_AGE, Dedup, DedupError,
    Guarded, Ticket,
};
pub use error::WebhookError;
pub use event::Event;
#[cfg(feature = "v2")]
pub(crate) use event::decode;
pub use incoming::Incoming;
#[cfg(feature = "v2")]
pub(crate) use incoming::{json, sealed::Sealed};
pub use key::{DedupKey, DeliveryKey};
pub use parts::{
    AppRef, Charge, ConversationRef, Destination, ErrorDetail, ExternalMessage, MatchResult,
    MessageRef, NotificationRef, Payment, Postback, Referral, ReferralDetails, UserActivity,
};
pub use payloads::{
    AppUserEvent, ConversationEvent, DeliveryEvent, Envelope, LinkEvent, MergeEvent,
    MessageDeliveryEvent, MessageEvent, NotificationDeliveryEvent, PaymentEvent, PostbackEvent,
    TypingEvent,
};
pub use receive::{DEFAULT_BODY_LIMIT, Receiver};
pub use verify::{API_KEY_HEADER, Verified, Verifier};
