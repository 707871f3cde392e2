//! [`Verifier`]: is `X-API-Key` the secret of a webhook we know?

use std::fmt;
use std::sync::Arc;

use reqwest::header::HeaderMap;
use subtle::{ConditionallySelectable, ConstantTimeEq};

use super::error::WebhookError;
use crate::Secret;

/// The header Smooch sends each webhook's secret in.
pub const API_KEY_HEADER: &str = "x-api-key";

/// Checks that a webhook call carries the secret of a webhook you know.
///
/// Smooch sends the webhook's secret verbatim in the `X-API-Key` header; there is no signature
/// over the body. A `Verifier` holds one secret or several (one receiver may serve several
/// webhooks, of one app or of many), each optionally tied to the app it belongs to, and compares
/// in constant time against all of them. A secret tied to an app only accepts events of that app,
/// so the payload's `app._id` is authenticated too.
///
/// ```
/// use smooch_client::webhook::Verifier;
///
/// // One webhook:
/// let one = Verifier::new("0f6c2e0a9d3b47e1a8f25c6d7b9e1f03");
/// // A receiver shared by two apps (say, staging and production):
/// let shared = Verifier::for_app("app_staging", "secret-of-the-staging-webhook")
///     .with_app_secret("app_production", "secret-of-the-production-webhook");
/// assert!(shared.verify(Some(b"secret-of-the-staging-webhook")).is_ok());
/// assert!(shared.verify(Some(b"guess")).is_err());
/// ```
///
/// Empty secrets are ignored (an empty header never matches). `Debug` shows how many secrets
/// there are and their apps, never a secret.
#[derive(Clone, Default)]
pub struct Verifier {
    keys: Arc<[Key]>,
}

#[derive(Clone)]
struct Key {
    secret: Secret,
    app_id: Option<String>,
}

/// Which of the verifier's secrets matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verified<'a> {
    app_id: Option<&'a str>,
}

impl<'a> Verified<'a> {
    /// The app the matching secret is tied to; `None` for a secret added without one.
    pub fn app_id(&self) -> Option<&'a str> {
        self.app_id
    }

    /// Checks the app a body names (a v1.1 event's `app._id`, a v2 delivery's `app.id`) against
    /// the secret's app (any app passes a secret without one; a body naming no app passes only
    /// those).
    pub fn check_app(&self, event_app_id: Option<&str>) -> Result<(), WebhookError> {
        match self.app_id {
            Some(expected) if event_app_id != Some(expected) => Err(WebhookError::WrongApp),
            _ => Ok(()),
        }
    }
}

impl Verifier {
    /// A verifier of one webhook's secret, accepting events of any app.
    pub fn new(secret: impl Into<Secret>) -> Self {
        Self::default().with_secret(secret)
    }

    /// A verifier of one webhook's secret, accepting only events of `app_id`.
    pub fn for_app(app_id: impl Into<String>, secret: impl Into<Secret>) -> Self {
        Self::default().with_app_secret(app_id, secret)
    }

    /// Also accepts `secret`, for events of any app (e.g. the new secret while rotating).
    pub fn with_secret(self, secret: impl Into<Secret>) -> Self {
        self.with(Key {
            secret: secret.into(),
            app_id: None,
        })
    }

    /// Also accepts `secret`, for events of `app_id` only.
    pub fn with_app_secret(self, app_id: impl Into<String>, secret: impl Into<Secret>) -> Self {
        self.with(Key {
            secret: secret.into(),
            app_id: Some(app_id.into()),
        })
    }

    fn with(self, key: Key) -> Self {
        if key.secret.expose().is_empty() {
            return self;
        }
        let mut keys = self.keys.to_vec();
        keys.push(key);
        Verifier { keys: keys.into() }
    }

    /// How many secrets are accepted.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no secret is accepted (every call is refused).
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Checks the value of `X-API-Key` (`None` when the header is absent).
    ///
    /// Every secret is compared, in constant time, whatever matches: the time taken does not
    /// tell which secret, or how much of one, was guessed (only, as always, the lengths).
    pub fn verify(&self, api_key: Option<&[u8]>) -> Result<Verified<'_>, WebhookError> {
        let api_key = match api_key {
            Some(key) if !key.is_empty() => key,
            _ => return Err(WebhookError::MissingKey),
        };
        let mut found = subtle::Choice::from(0);
        let mut index = 0u32;
        for (i, key) in self.keys.iter().enumerate() {
            let matches = api_key.ct_eq(key.secret.expose().as_bytes());
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            index = u32::conditional_select(&index, &i, matches);
            found |= matches;
        }
        if !bool::from(found) {
            return Err(WebhookError::WrongKey);
        }
        let app_id = self
            .keys
            .get(index as usize)
            .and_then(|key| key.app_id.as_deref());
        Ok(Verified { app_id })
    }

    /// Checks the `X-API-Key` header of a request (one header, visible ASCII).
    pub fn verify_headers(&self, headers: &HeaderMap) -> Result<Verified<'_>, WebhookError> {
        let mut values = headers.get_all(API_KEY_HEADER).iter();
        let key = match (values.next(), values.next()) {
            (None, _) => None,
            (Some(_), Some(_)) => return Err(WebhookError::WrongKey),
            (Some(value), None) => Some(value.to_str().map_err(|_| WebhookError::WrongKey)?),
        };
        self.verify(key.map(str::as_bytes))
    }
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let apps: Vec<&str> = self
            .keys
            .iter()
            .map(|key| key.app_id.as_deref().unwrap_or("<any app>"))
            .collect();
        f.debug_struct("Verifier")
            .field("secrets", &"<redacted>")
            .field("apps", &apps)
            .finish()
    }
}

impl<A: Into<String>, S: Into<Secret>> FromIterator<(A, S)> for Verifier {
    /// A verifier of `(app_id, secret)` pairs.
    fn from_iter<I: IntoIterator<Item = (A, S)>>(pairs: I) -> Self {
        pairs
            .into_iter()
            .fold(Verifier::default(), |verifier, (app_id, secret)| {
                verifier.with_app_secret(app_id, secret)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matching_secret_tells_its_app() {
        let verifier: Verifier = [("a", "sa"), ("b", "sb")].into_iter().collect();
        let verifier = verifier.with_secret("any");
        assert_eq!(verifier.verify(Some(b"sb")).unwrap().app_id(), Some("b"));
        assert_eq!(verifier.verify(Some(b"sa")).unwrap().app_id(), Some("a"));
        assert_eq!(verifier.verify(Some(b"any")).unwrap().app_id(), None);
        assert_eq!(verifier.verify(Some(b"s")), Err(WebhookError::WrongKey));
        assert_eq!(verifier.verify(Some(b"sbb")), Err(WebhookError::WrongKey));
        assert_eq!(verifier.verify(None), Err(WebhookError::MissingKey));
        assert_eq!(verifier.verify(Some(b"")), Err(WebhookError::MissingKey));
    }

    #[test]
    fn empty_secrets_are_ignored() {
        let verifier = Verifier::new("");
        assert!(verifier.is_empty());
        assert_eq!(verifier.verify(Some(b"x")), Err(WebhookError::WrongKey));
    }

    #[test]
    fn debug_shows_no_secret() {
        let verifier = Verifier::for_app("app_1", "hunter2").with_secret("swordfish");
        let debug = format!("{verifier:?}");
        assert!(
            !debug.contains("hunter2") && !debug.contains("swordfish"),
            "{debug}"
        );
        assert!(debug.contains("app_1"), "{debug}");
    }
}
