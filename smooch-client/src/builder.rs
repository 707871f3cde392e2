//! [`ClientBuilder`]: base URL or region, credentials, HTTP client and timeout.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{ACCEPT, HeaderMap, HeaderValue, USER_AGENT};

use crate::auth::AuthHeader;
use crate::client::Inner;
use crate::{Auth, Client, Error, JwtScope, Result, RetryPolicy, Secret};

/// The `User-Agent` sent with every request: this crate's name and version.
pub const USER_AGENT_VALUE: &str = concat!("smooch-client/", env!("CARGO_PKG_VERSION"));

/// The timeout applied to each call unless [`ClientBuilder::timeout`] sets another.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A Smooch region: each has its own API host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// The United States, `https://api.smooch.io` (the default).
    #[default]
    Us,
    /// The European Union, `https://api.eu-1.smooch.io` (needs an account on the EU platform).
    Eu1,
}

impl Region {
    /// The API's base URL in this region.
    pub fn base_url(self) -> &'static str {
        match self {
            Region::Us => "https://api.smooch.io",
            Region::Eu1 => "https://api.eu-1.smooch.io",
        }
    }
}

/// Configures a [`Client`]. Only credentials are required.
///
/// ```
/// use std::time::Duration;
/// use smooch_client::{Client, Region};
///
/// let client = Client::builder()
///     .basic_auth("app_5963ceb97cde542d000dbdb1", "secret")
///     .region(Region::Eu1)
///     .timeout(Duration::from_secs(10))
///     .build()?;
/// assert_eq!(client.base_url().as_str(), "https://api.eu-1.smooch.io/");
/// # Ok::<(), smooch_client::Error>(())
/// ```
#[derive(Clone, Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    auth: Option<Auth>,
    http: Option<reqwest::Client>,
    timeout: Option<Duration>,
    retry: RetryPolicy,
    jwt_lifetime: Option<Duration>,
}

impl ClientBuilder {
    /// Sends requests to `url` instead of `https://api.smooch.io`: another region, a proxy that
    /// serves the API under a path prefix, or a local test server such as
    /// `http://127.0.0.1:8080`. Checked by [`build`](Self::build).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sends requests to `region`'s API host.
    pub fn region(self, region: Region) -> Self {
        self.base_url(region.base_url())
    }

    /// Authenticates with HTTP basic auth: the API key id and its secret.
    pub fn basic_auth(mut self, key_id: impl Into<String>, secret: impl Into<Secret>) -> Self {
        self.auth = Some(Auth::Basic {
            key_id: key_id.into(),
            secret: secret.into(),
        });
        self
    }

    /// Authenticates with `Authorization: Bearer <jwt>`.
    pub fn jwt(mut self, jwt: impl Into<Secret>) -> Self {
        self.auth = Some(Auth::Bearer(jwt.into()));
        self
    }

    /// Authenticates with JWTs this client signs from an API key: HS256, the key id as `kid`,
    /// `scope` as given. Each JWT is signed once and reused; call
    /// [`jwt_lifetime`](Self::jwt_lifetime) to give it an expiry and have it re-signed in time.
    ///
    /// ```
    /// use smooch_client::{Client, JwtScope};
    ///
    /// let client = Client::builder()
    ///     .sign_jwt("app_5963ceb97cde542d000dbdb1", "secret", JwtScope::App)
    ///     .build()?;
    /// # Ok::<(), smooch_client::Error>(())
    /// ```
    pub fn sign_jwt(
        mut self,
        key_id: impl Into<String>,
        secret: impl Into<Secret>,
        scope: JwtScope,
    ) -> Self {
        self.auth = Some(Auth::SignedJwt {
            key_id: key_id.into(),
            secret: secret.into(),
            scope,
            lifetime: None,
        });
        self
    }

    /// With [`sign_jwt`](Self::sign_jwt): each JWT expires after `lifetime` and is re-signed
    /// before it does.
    pub fn jwt_lifetime(mut self, lifetime: Duration) -> Self {
        self.jwt_lifetime = Some(lifetime);
        self
    }

    /// How failed calls are retried (default: [`RetryPolicy::default`]; turn retries off with
    /// [`RetryPolicy::disabled`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Authenticates with `auth`.
    pub fn auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }

    /// Uses your own `reqwest::Client` (proxies, TLS roots, connection pool settings). The
    /// client's timeout still applies per call. Without one, a client is built with a 10 s
    /// connect timeout.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The time each attempt of a call may take, from connecting to the last byte of the body
    /// (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`Error::Config`] when no credentials are set, the base URL is not an
    /// `http(s)` URL without user info, query or fragment, or a credential cannot be sent in a
    /// header.
    pub fn build(self) -> Result<Client> {
        let mut auth = self.auth.ok_or_else(|| {
            Error::Config("no credentials: call basic_auth(key_id, secret) or jwt(token)".into())
        })?;
        match (&mut auth, self.jwt_lifetime) {
            (Auth::SignedJwt { lifetime, .. }, Some(set)) => *lifetime = Some(set),
            (_, Some(_)) => {
                return Err(Error::Config(
                    "jwt_lifetime applies to JWTs this client signs: call sign_jwt".into(),
                ));
            }
            (_, None) => {}
        }
        let (base_url, base_path) = parse_base_url(self.base_url.as_deref())?;

        let auth = AuthHeader::new(auth)?;
        let mut headers = HeaderMap::with_capacity(3);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));

        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                .build()
                .map_err(|e| Error::Config(format!("the HTTP client could not be built: {e}")))?,
        };
        let timeout = self.timeout.unwrap_or(DEFAULT_TIMEOUT);
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                base_path,
                headers,
                auth,
                timeout,
                retry: self.retry,
            }),
        })
    }
}

fn parse_base_url(url: Option<&str>) -> Result<(Url, String)> {
    let text = url.unwrap_or(Region::Us.base_url());
    let url =
        Url::parse(text).map_err(|e| Error::Config(format!("the base URL is not a URL: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::Config(format!(
            "the base URL must be http or https, not `{}`",
            url.scheme()
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Config(
            "the base URL must not carry credentials: use basic_auth(key_id, secret)".into(),
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::Config(
            "the base URL must not have a query or fragment".into(),
        ));
    }
    let base_path = url.path().trim_end_matches('/').to_owned();
    Ok((url, base_path))
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A base URL with user info would show a password: it is refused by `build`, and hidden here.
        let base_url = self
            .base_url
            .as_deref()
            .map(|url| if url.contains('@') { "<redacted>" } else { url });
        f.debug_struct("ClientBuilder")
            .field("base_url", &base_url)
            .field("auth", &self.auth)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_checked_once() {
        let (url, path) = parse_base_url(None).unwrap();
        assert_eq!(
            (url.as_str(), path.as_str()),
            ("https://api.smooch.io/", "")
        );
        let (_, path) = parse_base_url(Some("https://example.com/sc/")).unwrap();
        assert_eq!(path, "/sc");
        for bad in [
            "ftp://x",
            "not a url",
            "https://u:p@host",
            "https://h/?q=1",
            "https://h/#f",
        ] {
            assert!(
                matches!(parse_base_url(Some(bad)), Err(Error::Config(_))),
                "{bad}"
            );
        }
        let Err(e) = parse_base_url(Some("https://key:hunter2@host")) else {
            panic!()
        };
        assert!(!e.to_string().contains("hunter2"));
    }
}
