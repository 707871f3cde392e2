//! Credentials, kept out of `Debug`, `Display` and error text.

use std::fmt;

use std::time::Duration;

use base64::Engine as _;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};

use crate::Error;
use crate::jwt::{JwtScope, Signer};

/// A secret string: its `Debug` prints `<redacted>`, it has no `Display`, and `==` compares in
/// constant time.
///
/// It is (de)serialized as the plain string, so models can hold the secrets the API returns
/// (API keys, JWTs, integration tokens) without showing them in `Debug` output.
///
/// ```
/// let secret = smooch_client::Secret::new("s3cr3t");
/// assert_eq!(format!("{secret:?}"), "Secret(<redacted>)");
/// assert_eq!(secret.expose(), "s3cr3t");
/// let read: smooch_client::Secret = serde_json::from_str(r#""s3cr3t""#)?;
/// assert_eq!(read, secret);
/// assert_eq!(serde_json::to_string(&read)?, r#""s3cr3t""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Serde
///
/// A `Secret` decodes from a JSON string (the API returns a webhook's secret that way) and
/// **serializes as the secret itself**: serializing is something you ask for (to store a
/// [`Webhook`](crate::models::Webhook) you fetched, say), and a model re-encoded must give back
/// what was received. What keeps secrets out of logs is `Debug`, which never shows them; do not
/// log a serialized model that holds one.
///
/// ```
/// use smooch_client::Secret;
///
/// let secret: Secret = serde_json::from_str(r#""0f3a""#)?;
/// assert_eq!(secret, Secret::new("0f3a"));
/// assert_eq!(serde_json::to_string(&secret)?, r#""0f3a""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct Secret(String);

impl PartialEq for Secret {
    /// Constant time in the contents (the lengths may still be told apart).
    fn eq(&self, other: &Self) -> bool {
        use subtle::ConstantTimeEq as _;
        self.0.as_bytes().ct_eq(other.0.as_bytes()).into()
    }
}

impl Eq for Secret {}

impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret)
    }
}

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
///
/// The builder's `basic_auth`, `jwt` and `sign_jwt` each set one of these; build one yourself
/// to choose at run time, and pass it to [`ClientBuilder::auth`](crate::ClientBuilder::auth).
/// `Debug` never shows a secret.
///
/// ```
/// use smooch_client::{Auth, Client, JwtScope};
///
/// fn auth_from_config(jwt: Option<String>) -> Auth {
///     match jwt {
///         Some(jwt) => Auth::Bearer(jwt.into()),
///         None => Auth::SignedJwt {
///             key_id: "app_5963ceb97cde542d000dbdb1".into(),
///             secret: "your-secret".into(),
///             scope: JwtScope::App,
///         },
///     }
/// }
///
/// let auth = auth_from_config(None);
/// assert!(!format!("{auth:?}").contains("your-secret"));
/// let client = Client::builder().auth(auth).build()?;
/// # Ok::<(), smooch_client::Error>(())
/// ```
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
    /// A JWT this crate signs from an API key: HS256, the key id as `kid`, the scope's claims;
    /// signed once and reused, or, with a
    /// [`jwt_lifetime`](crate::ClientBuilder::jwt_lifetime), re-signed before it lapses.
    SignedJwt {
        /// The API key id, sent as the JWT's `kid`.
        key_id: String,
        /// The API key secret, which signs the JWT.
        secret: Secret,
        /// What the JWT grants.
        scope: JwtScope,
    },
}

/// The `Authorization` header of every request: fixed, or signed and renewed.
pub(crate) enum AuthHeader {
    Fixed(HeaderValue),
    Signed(Signer),
}

impl AuthHeader {
    /// Checks the credentials and prepares the header (signing a first JWT if needed, which
    /// expires after `lifetime` when one is given).
    pub(crate) fn new(auth: Auth, lifetime: Option<Duration>) -> Result<Self, Error> {
        match (auth, lifetime) {
            (
                Auth::SignedJwt {
                    key_id,
                    secret,
                    scope,
                },
                lifetime,
            ) => Signer::new(key_id, secret, scope, lifetime).map(AuthHeader::Signed),
            (_, Some(_)) => Err(Error::Config(
                "jwt_lifetime applies to JWTs this client signs: call sign_jwt".into(),
            )),
            (fixed, None) => fixed.header_value().map(AuthHeader::Fixed),
        }
    }

    /// Adds `Authorization` to a request's headers.
    pub(crate) fn insert_into(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        let value = match self {
            AuthHeader::Fixed(value) => value.clone(),
            AuthHeader::Signed(signer) => signer.header()?,
        };
        headers.insert(AUTHORIZATION, value);
        Ok(())
    }
}

impl fmt::Debug for AuthHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthHeader::Fixed(_) => f.write_str("<redacted>"),
            AuthHeader::Signed(signer) => {
                write!(f, "signed JWT for {} <redacted>", signer.key_id())
            }
        }
    }
}

impl Auth {
    /// The `Authorization` header value, marked sensitive so the HTTP stack never logs it.
    fn header_value(&self) -> Result<HeaderValue, Error> {
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
            Auth::SignedJwt { .. } => {
                return Err(Error::Config("a signed JWT has no fixed header".into()));
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
            Auth::SignedJwt { key_id, scope, .. } => f
                .debug_struct("SignedJwt")
                .field("key_id", key_id)
                .field("secret", &"<redacted>")
                .field("scope", scope)
                .finish(),
        }
    }
}
