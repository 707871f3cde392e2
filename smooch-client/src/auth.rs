//! Credentials, kept out of `Debug`, `Display` and error text.

use std::fmt;

use base64::Engine as _;
use reqwest::header::HeaderValue;

use crate::Error;

/// A secret string: its `Debug` prints `<redacted>`, and it has no `Display`.
///
/// ```
/// let secret = smooch_client::Secret::new("s3cr3t");
/// assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
/// assert_eq!(secret.expose(), "s3cr3t");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Secret(secret.into())
    }

    /// The secret itself; use it only where it is sent.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<String> for Secret {
    fn from(secret: String) -> Self {
        Secret(secret)
    }
}

impl From<&str> for Secret {
    fn from(secret: &str) -> Self {
        Secret(secret.to_owned())
    }
}

/// How the client authenticates; see [`ClientBuilder::basic_auth`](crate::ClientBuilder::basic_auth)
/// and [`ClientBuilder::jwt`](crate::ClientBuilder::jwt).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// HTTP basic: the API key id as user name, the key secret as password (Smooch's recommended
    /// way).
    Basic {
        /// The API key id, e.g. `app_5963ceb97cde542d000dbdb1`.
        key_id: String,
        /// The API key secret.
        secret: Secret,
    },
    /// `Authorization: Bearer <JWT>` with a JWT you signed.
    Bearer(Secret),
}

impl Auth {
    /// The `Authorization` header value, marked sensitive so the HTTP stack never logs it.
    pub(crate) fn header_value(&self) -> Result<HeaderValue, Error> {
        let text = match self {
            Auth::Basic { key_id, secret } => {
                if key_id.is_empty() {
                    return Err(Error::Config("the API key id is empty".into()));
                }
                let pair = format!("{key_id}:{}", secret.expose());
                format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair)
                )
            }
            Auth::Bearer(token) => {
                if token.expose().is_empty() {
                    return Err(Error::Config("the JWT is empty".into()));
                }
                format!("Bearer {}", token.expose())
            }
        };
        let mut value = HeaderValue::try_from(text).map_err(|_| {
            Error::Config(
                "the credentials contain characters that cannot be sent in an HTTP header".into(),
            )
        })?;
        value.set_sensitive(true);
        Ok(value)
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Basic { key_id, .. } => f
                .debug_struct("Basic")
                .field("key_id", key_id)
                .field("secret", &"<redacted>")
                .finish(),
            Auth::Bearer(_) => f.debug_tuple("Bearer").field(&"<redacted>").finish(),
        }
    }
}
