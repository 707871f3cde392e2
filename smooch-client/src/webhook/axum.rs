//! A ready [axum](https://docs.rs/axum) handler (cargo feature `axum`): verifies, decodes,
//! hands the event to your async function, and answers Smooch.

use std::fmt::Display;
use std::future::Future;

use axum::body::Body;
use axum::http::header::CONTENT_LENGTH;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use futures_util::StreamExt as _;

use super::error::WebhookError;
use super::incoming::Incoming;
use super::receive::Receiver;

/// A `POST` route that receives Smooch's webhook calls and runs `on_event` on each verified
/// event.
///
/// What `on_event` is handed depends on the receiver: a [`Receiver::new`] (v1.1) hands it the
/// call's one [`Event`](super::Event); a `Receiver::v2` (feature `v2`) hands it each event of a
/// v2 delivery (`v2::webhook::Event`), one at a time, in the order of the delivery.
///
/// | what happened | answer | Smooch |
/// |---|---|---|
/// | `on_event` returned `Ok` | 200 | done |
/// | `on_event` returned `Err` | 500 (the error is logged with `tracing`) | retries, up to 5 times |
/// | with [`Dedup::guard`](super::Dedup::guard): the event was handled already | 200 | done |
/// | with [`Dedup::guard`](super::Dedup::guard): the same event is being handled | 500 | retries, up to 5 times |
/// | no or wrong `X-API-Key` | 401 | gives up |
/// | the secret's app is not the event's | 403 | gives up |
/// | body not JSON, or not an event | 400 | gives up |
/// | body over the receiver's limit | 413, before reading it | retries, up to 5 times |
///
/// The answer waits for `on_event`: Smooch gives up on an answer after 20 seconds and sends the
/// event again, so keep `on_event` short (spawn long work and return) — and expect the same
/// event more than once anyway (a retry after a lost answer): wrap `on_event` in
/// [`Dedup::guard`](super::Dedup::guard) to handle each event once. A delivery that comes while
/// the same event is still being handled then answers 500, and Smooch sends it again later.
/// The body is read only after the secret matched.
///
/// **Several events in one call (v2).** The events are handled in order, each after the
/// previous one's `on_event` returned `Ok`. At the first `Err` the handler stops and answers
/// 500: the events after it are not handled, and Smooch delivers the whole call again later
/// (it retries the delivery, not one event). With [`Dedup::guard`](super::Dedup::guard) the
/// events handled before the failure are remembered and answer `Ok` at once when they come
/// again, so each is handled once and the retry resumes at the one that failed. Without a
/// `Dedup`, they run again. The 20 seconds are for the whole call: keep each event's work
/// short. An event the crate cannot read is handed over too (its payload says so), never
/// dropped: answering 400 for it would make Smooch drop the good events with it.
///
/// ```no_run
/// use smooch_client::webhook::{Dedup, Event, Receiver, Verifier, axum::handler};
///
/// # async fn demo() -> std::io::Result<()> {
/// let receiver = Receiver::new(Verifier::new(std::env::var("SMOOCH_WEBHOOK_SECRET").unwrap()));
/// let on_event = |event: Event| async move {
///     for message in event.messages() {
///         println!("{}: {:?}", message.author_id, message.text);
///     }
///     Ok::<(), std::convert::Infallible>(())
/// };
/// let app = axum::Router::new().route("/smooch", handler(receiver, Dedup::new().guard(on_event)));
/// let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
/// axum::serve(listener, app).await
/// # }
/// ```
///
/// A v2 webhook: the same, with `Receiver::v2`; the function gets each event of a delivery.
///
/// ```no_run
/// # #[cfg(feature = "v2")] {
/// use smooch_client::v2::webhook::{Event, Payload};
/// use smooch_client::webhook::{Dedup, Receiver, Verifier, axum::handler};
///
/// let receiver = Receiver::v2(Verifier::new("b1cec6162f09a5343463409953bf66e7"));
/// let on_event = |event: Event| async move {
///     if let Payload::ConversationMessage(payload) = &event.payload {
///         println!("{:?} in {:?}", payload.message, event.conversation());
///     }
///     Ok::<(), std::convert::Infallible>(())
/// };
/// let app: axum::Router =
///     axum::Router::new().route("/sunco", handler(receiver, Dedup::new().guard(on_event)));
/// # }
/// ```
pub fn handler<S, T, F, Fut, E>(receiver: Receiver<T>, on_event: F) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
    T: Incoming,
    F: Fn(T::Event) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Display + Send + 'static,
{
    axum::routing::post(move |headers: HeaderMap, body: Body| {
        let receiver = receiver.clone();
        let on_event = on_event.clone();
        async move {
            let incoming = match read(&receiver, &headers, body).await {
                Ok(incoming) => incoming,
                Err(error) => {
                    tracing::debug!(status = error.status().as_u16(), %error, "webhook refused");
                    return refuse(&error);
                }
            };
            let events = incoming.into_events();
            let count = events.len();
            for (index, event) in events.into_iter().enumerate() {
                let trigger = T::kind(&event).to_owned();
                if let Err(error) = on_event(event).await {
                    tracing::warn!(
                        %trigger, index, count, %error,
                        "webhook function failed; Smooch will retry the call"
                    );
                    return (
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "the event could not be handled",
                    )
                        .into_response();
                }
            }
            StatusCode::OK.into_response()
        }
    })
}

/// Verifies the key, reads at most the receiver's limit of the body, and decodes.
async fn read<T: Incoming>(
    receiver: &Receiver<T>,
    headers: &HeaderMap,
    body: Body,
) -> Result<T, WebhookError> {
    let verified = receiver.verifier().verify_headers(headers)?;
    let limit = receiver.body_limit();
    let too_large = WebhookError::TooLarge { limit };
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(too_large);
    }
    let mut bytes = Vec::new();
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        // The sender went away mid-body: what arrived is not a whole JSON document.
        let chunk = chunk.map_err(|_| WebhookError::NotJson { line: 0, column: 0 })?;
        if bytes.len() + chunk.len() > limit {
            return Err(too_large);
        }
        bytes.extend_from_slice(&chunk);
    }
    receiver.decode(verified, &bytes)
}

fn refuse(error: &WebhookError) -> Response {
    (error.status(), error.to_string()).into_response()
}
