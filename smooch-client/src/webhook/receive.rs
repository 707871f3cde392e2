//! [`Receiver`]: the framework-agnostic entry point (headers and body in, verified event out).

use std::fmt;
use std::marker::PhantomData;

use reqwest::header::HeaderMap;

use super::error::WebhookError;
use super::event::Event;
use super::incoming::Incoming;
use super::verify::Verifier;

/// The largest body a [`Receiver`] accepts by default: 1 MiB. Smooch's payloads are a few KiB
/// (a message's text is at most 4096 characters; a carousel has at most 10 items).
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// Receives webhook calls: checks the secret, the body's size, and decodes the event.
///
/// Use it from any HTTP framework: give it the request's headers (or the `X-API-Key` value) and
/// body, answer [`WebhookError::status`] on an error and 200 on success. With the `axum`
/// feature, [`webhook::axum::handler`](crate::webhook) does all of it.
///
/// What it decodes is its type parameter ([`Incoming`]): a `Receiver` (made with
/// [`Receiver::new`]) decodes v1.1 (and v1) webhook calls into one [`Event`] each; a
/// `Receiver<Delivery>` (made with `Receiver::v2`, feature `v2`: see `v2::webhook`) decodes v2 deliveries of several events. Everything else (the [`Verifier`],
/// the limit, the errors and their statuses) is the same for both.
///
/// ```
/// use smooch_client::HeaderMap;
/// use smooch_client::webhook::{Event, Receiver, Verifier, WebhookError};
///
/// let receiver = Receiver::new(Verifier::for_app("app_1", "0f6c2e0a9d3b47e1"));
///
/// let mut headers = HeaderMap::new();
/// headers.insert("x-api-key", "0f6c2e0a9d3b47e1".parse().unwrap());
/// let body = br#"{"trigger": "conversation:read", "app": {"_id": "app_1"},
///                 "appUser": {"_id": "u1"}, "timestamp": 1562844100.52}"#;
/// let event = receiver.receive(&headers, body)?;
/// assert!(matches!(event, Event::ConversationRead(_)));
///
/// headers.insert("x-api-key", "a guess".parse().unwrap());
/// let refused = receiver.receive(&headers, body).unwrap_err();
/// assert_eq!(refused, WebhookError::WrongKey);
/// assert_eq!(refused.status().as_u16(), 401);
/// # Ok::<(), WebhookError>(())
/// ```
pub struct Receiver<T = Event> {
    verifier: Verifier,
    body_limit: usize,
    decodes: PhantomData<fn() -> T>,
}

impl<T> Clone for Receiver<T> {
    fn clone(&self) -> Self {
        Receiver {
            verifier: self.verifier.clone(),
            body_limit: self.body_limit,
            decodes: PhantomData,
        }
    }
}

impl<T> fmt::Debug for Receiver<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("verifier", &self.verifier)
            .field("body_limit", &self.body_limit)
            .field("decodes", &std::any::type_name::<T>())
            .finish()
    }
}

impl Receiver {
    /// A receiver of v1.1 (and v1) webhook calls accepting what `verifier` accepts, with bodies
    /// up to [`DEFAULT_BODY_LIMIT`].
    pub fn new(verifier: Verifier) -> Self {
        Receiver::decoding(verifier)
    }
}

impl<T: Incoming> Receiver<T> {
    /// A receiver decoding `T` ([`Receiver::new`] for v1.1 events, `Receiver::v2` for v2
    /// deliveries),
    /// accepting what `verifier` accepts, with bodies up to [`DEFAULT_BODY_LIMIT`].
    pub fn decoding(verifier: Verifier) -> Self {
        Receiver {
            verifier,
            body_limit: DEFAULT_BODY_LIMIT,
            decodes: PhantomData,
        }
    }

    /// Sets the largest body accepted, in bytes.
    pub fn with_body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// The largest body accepted, in bytes.
    pub fn body_limit(&self) -> usize {
        self.body_limit
    }

    /// The verifier.
    pub fn verifier(&self) -> &Verifier {
        &self.verifier
    }

    /// Verifies and decodes one webhook call from its headers and body.
    ///
    /// In order: the `X-API-Key` header ([`MissingKey`](WebhookError::MissingKey),
    /// [`WrongKey`](WebhookError::WrongKey)), the size ([`TooLarge`](WebhookError::TooLarge)),
    /// the JSON ([`NotJson`](WebhookError::NotJson), [`Invalid`](WebhookError::Invalid)), and the
    /// app of a secret tied to one ([`WrongApp`](WebhookError::WrongApp)). Nothing of the body
    /// is read before the secret matched.
    pub fn receive(&self, headers: &HeaderMap, body: &[u8]) -> Result<T, WebhookError> {
        let verified = self.verifier.verify_headers(headers)?;
        self.decode(verified, body)
    }

    /// As [`receive`](Self::receive), with the value of the `X-API-Key` header (`None` when
    /// absent), for frameworks with their own header types.
    pub fn receive_key(&self, api_key: Option<&[u8]>, body: &[u8]) -> Result<T, WebhookError> {
        let verified = self.verifier.verify(api_key)?;
        self.decode(verified, body)
    }

    /// The size, the JSON and the app, once the key matched.
    pub(super) fn decode(
        &self,
        verified: super::verify::Verified<'_>,
        body: &[u8],
    ) -> Result<T, WebhookError> {
        if body.len() > self.body_limit {
            return Err(WebhookError::TooLarge {
                limit: self.body_limit,
            });
        }
        let decoded = T::from_body(body)?;
        verified.check_app(decoded.app_id())?;
        Ok(decoded)
    }
}
