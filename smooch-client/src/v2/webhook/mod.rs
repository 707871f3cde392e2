//! Receiving what Smooch POSTs to a v2 webhook: a [`Delivery`] of one or more [`Event`]s,
//! each with a typed [`Payload`] (one variant per event type), verified and served by the same
//! [`Verifier`](crate::webhook::Verifier), [`Receiver`](crate::webhook::Receiver), axum handler
//! and [`Dedup`](crate::webhook::Dedup) as v1.1 webhooks.
//!
//! A v2 webhook belongs to a custom integration (create it with
//! [`IntegrationsApi`](crate::v2::IntegrationsApi) or
//! [`WebhooksApi`](crate::v2::WebhooksApi) and keep its secret). Its payloads are v2's: ids
//! are `id`, times are RFC 3339 [`DateTime`](crate::v2::models::DateTime)s, and the payloads
//! reuse the v2 models ([`Message`](crate::v2::models::Message),
//! [`ConversationTruncated`](crate::v2::models::ConversationTruncated),
//! [`User`](crate::v2::models::User), [`Client`](crate::v2::models::Client), ...).
//!
//! ```
//! use smooch_client::HeaderMap;
//! use smooch_client::v2::models::{AuthorType, Content};
//! use smooch_client::v2::webhook::Payload;
//! use smooch_client::webhook::{Receiver, Verifier};
//!
//! let receiver = Receiver::v2(Verifier::new("b1cec6162f09a5343463409953bf66e7"));
//! # let mut headers = HeaderMap::new();
//! # headers.insert("x-api-key", "b1cec6162f09a5343463409953bf66e7".parse().unwrap());
//! # let body = br#"{"app": {"id": "a1"}, "webhook": {"id": "w1", "version": "v2"}, "events": [
//! #   {"id": "e1", "type": "conversation:postback", "createdAt": "2026-03-14T12:08:17.530Z",
//! #    "payload": {"conversation": {"id": "c1"}, "postback": {"payload": "RESCHEDULE"}}}]}"#;
//! // headers and body: whatever your HTTP server received
//! let delivery = match receiver.receive(&headers, body) {
//!     Ok(delivery) => delivery,
//!     Err(refused) => return println!("answer {}: {refused}", refused.status()),
//! };
//! for event in &delivery.events {
//!     match &event.payload {
//!         Payload::ConversationMessage(message) => {
//!             let message = message.message.as_ref();
//!             let by_user = message.and_then(|m| m.author.as_ref()).map(|a| &a.r#type);
//!             if let (Some(AuthorType::User), Some(Content::Text(text))) =
//!                 (by_user, message.and_then(|m| m.content.as_ref()))
//!             {
//!                 println!("the user says {:?}", text.text);
//!             }
//!         }
//!         Payload::ConversationPostback(tap) => {
//!             println!("tapped {:?}", tap.postback.as_ref().and_then(|p| p.payload.as_ref()));
//!         }
//!         _ => println!("{} ignored", event.r#type),
//!     }
//! }
//! ```
//!
//! # A v2 bot
//!
//! With the `axum` feature, the ready handler hands each event to your function, in order; a
//! [`Dedup`](crate::webhook::Dedup) makes each event handled once across Smooch's retries. An
//! echo bot answers users' text messages through the v2 API:
//!
//! ```no_run
//! # #[cfg(feature = "axum")]
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use smooch_client::v2::MessagesApi;
//! use smooch_client::v2::models::{AuthorType, Content, MessagePost};
//! use smooch_client::v2::webhook::{Event, Payload};
//! use smooch_client::webhook::{Dedup, Receiver, Verifier, axum::handler};
//!
//! let client = smooch_client::Client::builder()
//!     .basic_auth(std::env::var("SUNCO_KEY_ID")?, std::env::var("SUNCO_KEY_SECRET")?)
//!     .build()?;
//! let receiver = Receiver::v2(Verifier::new(std::env::var("SUNCO_WEBHOOK_SECRET")?));
//! let on_event = move |event: Event| {
//!     let v2 = client.v2();
//!     async move {
//!         let Payload::ConversationMessage(payload) = &event.payload else {
//!             return Ok(()); // other events: nothing to answer
//!         };
//!         let Some(message) = &payload.message else { return Ok(()) };
//!         let by_user = message.author.as_ref().is_some_and(|a| a.r#type == AuthorType::User);
//!         let (Some(Content::Text(text)), true) = (&message.content, by_user) else {
//!             return Ok(()); // the bot's own messages come back too
//!         };
//!         let (Some(app), Some(conversation)) =
//!             (event.app_id.as_deref(), event.conversation().and_then(|c| c.id.as_deref()))
//!         else {
//!             return Ok(());
//!         };
//!         let echo = format!("You said: {}", text.text.as_deref().unwrap_or_default());
//!         v2.post_message(app, conversation, &MessagePost::business(Content::text(echo))).await?;
//!         Ok::<(), smooch_client::Error>(())
//!     }
//! };
//! let app = axum::Router::new().route("/sunco", handler(receiver, Dedup::new().guard(on_event)));
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```
//!
//! # How Smooch delivers v2 events
//!
//! One `POST` carries a **batch** of events, which may concern different users and
//! conversations, with the webhook's secret in `X-API-Key` (as in v1.1: no signature). Smooch
//! waits 20 seconds; a 2xx is success; 400, 401, 403, 404 and 406 stop it; anything else is
//! retried, at most 5 attempts within 15 minutes. A retry sends the delivery again, so an
//! event can arrive more than once: each event's `id` is the same in every delivery of it, and
//! is what a [`Dedup`](crate::webhook::Dedup) keys it by (see
//! [the implementation](Event#impl-DedupKey-for-Event)). The
//! [statuses answered](crate::webhook#what-to-answer) are v1.1's; what the axum handler does
//! when one event of several fails is on `webhook::axum::handler`: it stops, answers 500 and
//! lets the guarded [`Dedup`](crate::webhook::Dedup) skip the events already handled when the
//! delivery comes again.
//!
//! **Nothing is lost.** An event of a type this crate does not know is [`Payload::Unknown`];
//! one it cannot read is [`Payload::Malformed`] with the JSON and the error; both keep their
//! place among the others, which are read as usual. `passthrough:messaging`, whose payload is
//! not documented, is [`Payload::PassthroughMessaging`] with the JSON. The axum handler hands
//! them to your function like the others: log a malformed event and answer `Ok` (a retry would
//! bring the same bytes), or `Err` to have the delivery sent again.

mod delivery;
mod event;
mod parts;
mod payloads;

pub use delivery::Delivery;
pub use event::{Event, Payload};
pub use parts::{
    Activity, AppRef, ClientAddReason, ClientRemoveReason, ClientUpdateReason, ControlReason,
    CreationReason, DeliveryDestination, EventError, ExternalMessage, MergeReason, MergedClients,
    MergedConversations, MergedUsers, MessageRef, Postback, Referral, ReferralDetails,
    UserUpdateReason, WebhookRef,
};
pub use payloads::{
    ActivityPayload, ClientAddPayload, ClientRemovePayload, ClientUpdatePayload,
    ConversationCreatePayload, ConversationMessagePayload, ConversationPostbackPayload,
    ConversationReferralPayload, ConversationRemovePayload, MessageDeliveryPayload,
    ParticipantPayload, SwitchboardPayload, UserMergePayload, UserRemovePayload, UserUpdatePayload,
};
