//! [`ClientBuilder`]: base URL or region, credentials, HTTP client and timeout.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::auth::AuthHeader;
use crate::client::{Inner, Settings};
use crate::retry::Budget;
use crate::{Auth, Client, Error, JwtScope, Result, RetryPolicy, Secret};

/// The `User-Agent` sent with every request: this crate's name and version.
pub const USER_AGENT_VALUE: &str = concat!("smooch-client/", env!("CARGO_PKG_VERSION"));

/// The time each attempt of a call may take unless [`ClientBuilder::timeout`] sets another.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// The time a whole call may take unless [`ClientBuilder::call_timeout`] sets another: two full
/// attempts, so that the default retry policy cannot hold a call for three.
pub const DEFAULT_CALL_TIMEOUT: Duration = Duration::from_secs(60);

/// The time connecting may take unless [`ClientBuilder::connect_timeout`] sets another.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Changes to the `reqwest::ClientBuilder` a client is built from.
type ConfigureHttp = Arc<dyn Fn(reqwest::ClientBuilder) -> reqwest::ClientBuilder + Send + Sync>;

/// A Smooch region: each has its own API host.
///
/// ```
/// use smooch_client::{Client, Region};
///
/// let region: Region = "eu".parse()?;
/// assert_eq!(region, Region::Eu1);
/// let client = Client::builder()
///     .basic_auth("app_5963ceb97cde542d000dbdb1", "secret")
///     .region(region)
///     .build()?;
/// assert_eq!(client.base_url().as_str(), "https://api.eu-1.smooch.io/");
/// # Ok::<(), smooch_client::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// The United States, `https://api.smooch.io` (the default).
    #[default]
    Us,
    /// The European Union, `https://api.eu-1.smooch.io` (needs an account on the EU platform).
    Eu1,
}

impl std::str::FromStr for Region {
    type Err = Error;

    /// `us`, or `eu` / `eu-1` (any case).
    fn from_str(name: &str) -> Result<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "us" => Ok(Region::Us),
            "eu" | "eu-1" | "eu1" => Ok(Region::Eu1),
            other => Err(Error::Config(format!(
                "unknown region `{other}`: expected `us` or `eu`"
            ))),
        }
    }
}

/// Where API v2's OAuth operations are served (`GetTokenInfo`, `Authorize`, `GetToken`,
/// `RevokeAccess`): Zendesk's OAuth bridge, whatever host the rest of the API is on. Change it
/// with [`ClientBuilder::oauth_base_url`].
pub const OAUTH_BASE_URL: &str = "https://oauth-bridge.zendesk.com/sc";

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
#[derive(Clone)]
pub struct ClientBuilder {
    base_url: Option<String>,
    oauth_base_url: Option<String>,
    /// A setting refused when it was given, reported by `build`.
    refused: Option<String>,
    auth: Option<Auth>,
    configure_http: Option<ConfigureHttp>,
    timeout: Duration,
    call_timeout: Option<Duration>,
    connect_timeout: Duration,
    retry: RetryPolicy,
    jwt_lifetime: Option<Duration>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: None,
            oauth_base_url: None,
            refused: None,
            auth: None,
            configure_http: None,
            timeout: DEFAULT_TIMEOUT,
            call_timeout: Some(DEFAULT_CALL_TIMEOUT),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            jwt_lifetime: None,
        }
    }
}

impl ClientBuilder {
    /// A builder configured from the environment, the variables the quickstart reads:
    ///
    /// | variable | meaning |
    /// |---|---|
    /// | `SMOOCH_KEY_ID` and `SMOOCH_SECRET` | basic auth with this API key |
    /// | `SMOOCH_JWT` | `Authorization: Bearer` with this JWT (instead of a key) |
    /// | `SMOOCH_REGION` | `us` (default) or `eu` |
    /// | `SMOOCH_BASE_URL` | any other base URL (wins over the region) |
    ///
    /// Empty variables count as unset. Fails with [`Error::Config`] naming what is missing
    /// (a key id without its secret, say) or what is ambiguous (both a key and a JWT); the
    /// builder can still be changed before [`build`](Self::build).
    ///
    /// ```no_run
    /// let client = smooch_client::ClientBuilder::from_env()?
    ///     .timeout(std::time::Duration::from_secs(10))
    ///     .build()?;
    /// # Ok::<(), smooch_client::Error>(())
    /// ```
    pub fn from_env() -> Result<Self> {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`from_env`](Self::from_env) with the variables read by `var`.
    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let var = |name: &str| var(name).filter(|value| !value.trim().is_empty());
        let (key_id, secret, jwt) = (
            var("SMOOCH_KEY_ID"),
            var("SMOOCH_SECRET"),
            var("SMOOCH_JWT"),
        );
        let builder = match (key_id, secret, jwt) {
            (Some(key_id), Some(secret), None) => {
                ClientBuilder::default().basic_auth(key_id, secret)
            }
            (None, None, Some(jwt)) => ClientBuilder::default().jwt(jwt),
            (None, None, None) => {
                return Err(Error::Config(
                    "no credentials in the environment: set SMOOCH_KEY_ID and SMOOCH_SECRET, or SMOOCH_JWT"
                        .into(),
                ));
            }
            (Some(_), None, None) => {
                return Err(Error::Config(
                    "SMOOCH_KEY_ID is set without SMOOCH_SECRET: set both".into(),
                ));
            }
            (None, Some(_), None) => {
                return Err(Error::Config(
                    "SMOOCH_SECRET is set without SMOOCH_KEY_ID: set both".into(),
                ));
            }
            (_, _, Some(_)) => {
                return Err(Error::Config(
                    "both an API key (SMOOCH_KEY_ID, SMOOCH_SECRET) and SMOOCH_JWT are set: keep one"
                        .into(),
                ));
            }
        };
        let builder = match var("SMOOCH_REGION") {
            Some(region) => builder.region(region.parse()?),
            None => builder,
        };
        Ok(match var("SMOOCH_BASE_URL") {
            Some(url) => builder.base_url(url),
            None => builder,
        })
    }

    /// Sends requests to `url` instead of `https://api.smooch.io`: another region, a proxy that
    /// serves the API under a path prefix, or a local test server such as
    /// `http://127.0.0.1:8080`. Checked by [`build`](Self::build).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sends requests to a Zendesk account's Sunshine Conversations host,
    /// `https://{subdomain}.zendesk.com/sc` (the API's paths go after the `/sc` prefix): the
    /// host of Zendesk-licensed accounts. [`build`](Self::build) refuses a subdomain that is
    /// not letters, digits and inner hyphens.
    ///
    /// ```
    /// use smooch_client::Client;
    ///
    /// let client = Client::builder()
    ///     .basic_auth("app_5963ceb97cde542d000dbdb1", "secret")
    ///     .zendesk_subdomain("acme")
    ///     .build()?;
    /// assert_eq!(client.base_url().as_str(), "https://acme.zendesk.com/sc");
    /// assert!(Client::builder().basic_auth("k", "s").zendesk_subdomain("acme.evil.com/x").build().is_err());
    /// # Ok::<(), smooch_client::Error>(())
    /// ```
    pub fn zendesk_subdomain(self, subdomain: &str) -> Self {
        let valid = !subdomain.is_empty()
            && subdomain.len() <= 63
            && subdomain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !subdomain.starts_with('-')
            && !subdomain.ends_with('-');
        if !valid {
            let mut builder = self;
            builder.refused = Some(format!(
                "`{}` is not a Zendesk subdomain: it is letters, digits and inner hyphens",
                subdomain.escape_debug()
            ));
            return builder;
        }
        self.base_url(format!("https://{subdomain}.zendesk.com/sc"))
    }

    /// Sends API v2's OAuth operations (`get_token_info`, `authorize`, `get_token`,
    /// `revoke_access`) to `url` instead of [`OAUTH_BASE_URL`]: a local test server, say. The
    /// client's own credentials are never sent there (see
    /// [`OAuthApi`](crate::v2::OAuthApi)). Checked by [`build`](Self::build) as the base URL
    /// is.
    pub fn oauth_base_url(mut self, url: impl Into<String>) -> Self {
        self.oauth_base_url = Some(url.into());
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
        });
        self
    }

    /// With [`sign_jwt`](Self::sign_jwt) (or [`Auth::SignedJwt`]): each JWT expires after
    /// `lifetime` and is re-signed before it does, a fifth of its lifetime early (at most a
    /// minute). This is the one place a JWT's lifetime is set; without it, one JWT without
    /// expiry is signed and reused. [`build`](Self::build) refuses a lifetime under 2 seconds,
    /// and one with credentials this client does not sign.
    ///
    /// ```
    /// use std::time::Duration;
    /// use smooch_client::{Client, JwtScope};
    ///
    /// let client = Client::builder()
    ///     .sign_jwt("app_5963ceb97cde542d000dbdb1", "secret", JwtScope::App)
    ///     .jwt_lifetime(Duration::from_secs(3600))
    ///     .build()?;
    /// # Ok::<(), smooch_client::Error>(())
    /// ```
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

    /// Configures the underlying `reqwest` client: proxies, TLS roots, pool settings, local
    /// address. `configure` receives the builder this crate starts from (connect timeout set) and
    /// returns it changed; redirects stay off whatever it sets, because an API call never follows
    /// a redirect (a 3xx is an [`Error::Api`] carrying the status and `Location`: following it
    /// could send a message body to another host, or turn a POST into a GET that "succeeds").
    ///
    /// ```
    /// let client = smooch_client::Client::builder()
    ///     .basic_auth("app_5963ceb97cde542d000dbdb1", "secret")
    ///     .configure_http(|http| http.pool_max_idle_per_host(4).tcp_nodelay(true))
    ///     .build()?;
    /// # Ok::<(), smooch_client::Error>(())
    /// ```
    pub fn configure_http(
        mut self,
        configure: impl Fn(reqwest::ClientBuilder) -> reqwest::ClientBuilder + Send + Sync + 'static,
    ) -> Self {
        self.configure_http = Some(Arc::new(configure));
        self
    }

    /// The time each attempt of a call may take, from connecting to the last byte of the body
    /// (default [`DEFAULT_TIMEOUT`]).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time a whole call may take, its attempts and the waits between them included
    /// (default [`DEFAULT_CALL_TIMEOUT`]; `None`: only each attempt is bounded). An attempt
    /// still running at the deadline is cut short ([`Error::Timeout`], stop
    /// [`Stop::Deadline`](crate::Stop::Deadline)), and no retry starts that would wait past it.
    ///
    /// Dropping a call's future stops it as well, at once; but a request already sent may have
    /// been delivered: a dropped `post_message` may have posted its message.
    pub fn call_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.call_timeout = timeout.into();
        self
    }

    /// The time connecting may take (default [`DEFAULT_CONNECT_TIMEOUT`]), capped at half the
    /// attempt [`timeout`](Self::timeout): a connection that is never made is then always
    /// reported as such, and retried even for `post_message`, since nothing was sent.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`Error::Config`] when no credentials are set, the base URL is not an
    /// `http(s)` URL without user info, query or fragment, or a credential cannot be sent in a
    /// header.
    pub fn build(self) -> Result<Client> {
        if let Some(refused) = self.refused {
            return Err(Error::Config(refused));
        }
        let auth = self.auth.ok_or_else(|| {
            Error::Config("no credentials: call basic_auth(key_id, secret) or jwt(token)".into())
        })?;
        let base_url = parse_base_url(self.base_url.as_deref())?;
        let oauth_base_url = parse_base_url(Some(
            self.oauth_base_url.as_deref().unwrap_or(OAUTH_BASE_URL),
        ))?;

        let auth = AuthHeader::new(auth, self.jwt_lifetime)?;
        if self.timeout.is_zero() || self.call_timeout.is_some_and(|t| t.is_zero()) {
            return Err(Error::Config("timeouts must be longer than zero".into()));
        }

        let mut http =
            reqwest::Client::builder().connect_timeout(self.connect_timeout.min(self.timeout / 2));
        if let Some(configure) = &self.configure_http {
            http = configure(http);
        }
        let http = http
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(format!("the HTTP client could not be built: {e}")))?;
        Ok(Client::new(Inner {
            http,
            base_url,
            oauth_base_url,
            auth,
            budget: Budget::new(self.retry.budget),
            settings: Settings {
                timeout: self.timeout,
                call_timeout: self.call_timeout,
                retry: self.retry,
            },
        }))
    }
}

fn parse_base_url(url: Option<&str>) -> Result<Url> {
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
    Ok(url)
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
            .field("call_timeout", &self.call_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_checked_once() {
        let url = parse_base_url(None).unwrap();
        assert_eq!(url.as_str(), "https://api.smooch.io/");
        let url = parse_base_url(Some("https://example.com/sc/")).unwrap();
        assert_eq!(url.path(), "/sc/");
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

    #[test]
    fn a_call_is_bounded_by_default_and_the_bound_can_be_lifted() {
        let client = env(&[("SMOOCH_KEY_ID", "app_1"), ("SMOOCH_SECRET", "s")]).unwrap();
        assert_eq!(client.timeout(), DEFAULT_TIMEOUT);
        assert_eq!(client.call_timeout(), Some(DEFAULT_CALL_TIMEOUT));
        // The default deadline is what bounds a call's worst case: less than the attempts the
        // default retry policy allows, each at the default attempt timeout.
        let attempts = client.retry_policy().max_attempts;
        assert!(DEFAULT_CALL_TIMEOUT < DEFAULT_TIMEOUT * attempts);
        let builder =
            ClientBuilder::from_vars(|name| (name == "SMOOCH_JWT").then(|| "a.b.c".to_owned()))
                .unwrap();
        let unbounded = builder.call_timeout(None).build().unwrap();
        assert_eq!(unbounded.call_timeout(), None);
    }

    /// The claims of the JWT `client` sends now.
    fn claims(client: &Client) -> serde_json::Value {
        use base64::Engine as _;
        let mut headers = reqwest::header::HeaderMap::new();
        client.inner.auth.insert_into(&mut headers).unwrap();
        let value = headers[reqwest::header::AUTHORIZATION].to_str().unwrap();
        let payload = value.split('.').nth(1).unwrap();
        let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap();
        serde_json::from_slice(&json).unwrap()
    }

    #[test]
    fn the_jwt_lifetime_is_set_once_whichever_way_the_jwt_is_signed() {
        let signed = |auth: ClientBuilder| {
            let client = auth.jwt_lifetime(Duration::from_secs(600)).build().unwrap();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs();
            let exp = claims(&client)["exp"].as_u64().expect("an expiry");
            assert!((now + 599..=now + 601).contains(&exp), "{exp} at {now}");
        };
        signed(Client::builder().sign_jwt("app_1", "s", JwtScope::App));
        signed(Client::builder().auth(Auth::SignedJwt {
            key_id: "app_1".into(),
            secret: "s".into(),
            scope: JwtScope::App,
        }));
        // Without a lifetime: no expiry.
        let forever = Client::builder()
            .sign_jwt("app_1", "s", JwtScope::App)
            .build()
            .unwrap();
        assert_eq!(claims(&forever).get("exp"), None);
        // A lifetime for credentials this client does not sign is refused.
        for fixed in [
            Client::builder().basic_auth("app_1", "s"),
            Client::builder().jwt("a.b.c"),
        ] {
            let message = config_error(fixed.jwt_lifetime(Duration::from_secs(60)).build());
            assert!(message.contains("call sign_jwt"), "{message}");
        }
    }

    fn env(vars: &[(&str, &str)]) -> Result<Client> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ClientBuilder::from_vars(|name| {
            vars.iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        })?
        .build()
    }

    fn config_error(result: Result<Client>) -> String {
        match result {
            Err(Error::Config(message)) => message,
            other => panic!("not a config error: {other:?}"),
        }
    }

    #[test]
    fn the_environment_configures_credentials_region_and_base_url() {
        let client = env(&[("SMOOCH_KEY_ID", "app_1"), ("SMOOCH_SECRET", "s")]).unwrap();
        assert_eq!(client.base_url().as_str(), "https://api.smooch.io/");
        assert!(matches!(client.inner.auth, AuthHeader::Fixed(_)));
        let client = env(&[("SMOOCH_JWT", "a.b.c"), ("SMOOCH_REGION", "EU")]).unwrap();
        assert_eq!(client.base_url().as_str(), "https://api.eu-1.smooch.io/");
        let client = env(&[
            ("SMOOCH_JWT", "a.b.c"),
            ("SMOOCH_REGION", "eu"),
            ("SMOOCH_BASE_URL", "http://127.0.0.1:9/sc"),
        ])
        .unwrap();
        assert_eq!(client.base_url().as_str(), "http://127.0.0.1:9/sc");
    }

    #[test]
    fn what_is_missing_or_ambiguous_in_the_environment_is_named() {
        assert!(config_error(env(&[])).contains("SMOOCH_KEY_ID and SMOOCH_SECRET, or SMOOCH_JWT"));
        assert!(config_error(env(&[("SMOOCH_SECRET", "   ")])).contains("no credentials"));
        assert!(config_error(env(&[("SMOOCH_KEY_ID", "k")])).contains("without SMOOCH_SECRET"));
        assert!(config_error(env(&[("SMOOCH_SECRET", "s")])).contains("without SMOOCH_KEY_ID"));
        let both = env(&[
            ("SMOOCH_KEY_ID", "k"),
            ("SMOOCH_SECRET", "hunter2"),
            ("SMOOCH_JWT", "j"),
        ]);
        let message = config_error(both);
        assert!(
            message.contains("keep one") && !message.contains("hunter2"),
            "{message}"
        );
        let region = env(&[("SMOOCH_JWT", "j"), ("SMOOCH_REGION", "mars")]);
        assert!(config_error(region).contains("unknown region `mars`"));
    }
}
