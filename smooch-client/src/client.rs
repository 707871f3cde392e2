//! [`Client`]: one connection pool, base URL, credentials and retry budget, shared by every call
//! and every clone; and the settings of its calls (timeouts, retry policy), which a clone may
//! change for the calls made through it.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::auth::AuthHeader;
use crate::retry::Budget;
use crate::{ClientBuilder, RetryPolicy};

/// The Smooch API client. Every endpoint trait (such as [`ConversationApi`](crate::ConversationApi))
/// is implemented for it.
///
/// Cloning is cheap (one reference count) and clones share one connection pool; the client is
/// `Send + Sync`, so one instance can serve a whole program. A clone may set other timeouts or
/// another retry policy for the calls made through it ([`with_retry`](Self::with_retry),
/// [`with_call_timeout`](Self::with_call_timeout), [`with_timeout`](Self::with_timeout),
/// [`for_webhook`](Self::for_webhook)), still sharing the pool, credentials and retry budget.
///
/// ```no_run
/// use smooch_client::{Client, ConversationApi, models::{MessagePost, Role}};
///
/// # async fn demo() -> smooch_client::Result<()> {
/// let client = Client::builder().basic_auth("app_5963ceb97cde542d000dbdb1", "secret").build()?;
/// let sent = client
///     .post_message("app_id", "user_id", &MessagePost::text(Role::AppMaker, "Hello!"))
///     .await?;
/// println!("sent {}", sent.message.id);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    /// The settings a clone made with `with_*` has for its calls, in place of the client's own
    /// (`inner.settings`): `None` for the client as built, whose calls then clone one pointer.
    overrides: Option<Arc<Settings>>,
}

/// Aligned to its own cache lines: every call clones the `Arc` (its counts change on every
/// thread), and every call reads these fields. Sharing a line with the counts made each read a
/// miss under concurrency (about 3 % of throughput at 32 calls in flight).
#[repr(align(128))]
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// The base URL, parsed once; each call only replaces its path and query.
    pub(crate) base_url: Url,
    /// The base URL of API v2's OAuth operations ([`Host::OAuth`](crate::request::Host)).
    pub(crate) oauth_base_url: Url,
    /// Authorization, fixed or signed.
    pub(crate) auth: AuthHeader,
    /// The tokens of the retry budget, shared by every call of every clone.
    pub(crate) budget: Budget,
    /// The settings the client was built with.
    pub(crate) settings: Settings,
}

/// How a client's calls are timed and retried.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// The time each attempt may take.
    pub(crate) timeout: Duration,
    /// The time a whole call may take, attempts and waits included.
    pub(crate) call_timeout: Option<Duration>,
    pub(crate) retry: RetryPolicy,
}

impl Settings {
    /// The setting that leaves a call no time, and why it is refused: a zero timeout, which the
    /// builder refuses and a clone's setter cannot.
    pub(crate) fn check(&self) -> Result<(), (&'static str, String)> {
        let zero = |setter: &str| {
            format!(
                "must be longer than zero (set with `Client::{setter}`): a call with no time cannot be sent"
            )
        };
        if self.timeout.is_zero() {
            return Err(("timeout", zero("with_timeout")));
        }
        if self.call_timeout.is_some_and(|timeout| timeout.is_zero()) {
            return Err(("call_timeout", zero("with_call_timeout")));
        }
        Ok(())
    }
}

/// [`Client::for_webhook`]'s attempt timeout.
const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(4);

/// [`Client::for_webhook`]'s call deadline.
const WEBHOOK_CALL_TIMEOUT: Duration = Duration::from_secs(8);

impl Client {
    /// A client as built: `inner` and its settings.
    pub(crate) fn new(inner: Inner) -> Self {
        Client {
            inner: Arc::new(inner),
            overrides: None,
        }
    }

    /// The settings of this client's calls.
    pub(crate) fn settings(&self) -> &Settings {
        self.overrides.as_deref().unwrap_or(&self.inner.settings)
    }

    /// Starts configuring a client; see [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL requests are sent to, e.g. `https://api.smooch.io/`.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// The base URL of API v2's OAuth operations, by default
    /// [`OAUTH_BASE_URL`](crate::OAUTH_BASE_URL).
    pub fn oauth_base_url(&self) -> &Url {
        &self.inner.oauth_base_url
    }

    /// The timeout for each attempt of a call (connect, send, receive the full body).
    pub fn timeout(&self) -> Duration {
        self.settings().timeout
    }

    /// The time a whole call may take, its attempts and the waits between them included
    /// (`None`: only each attempt is bounded).
    pub fn call_timeout(&self) -> Option<Duration> {
        self.settings().call_timeout
    }

    /// How failed calls are retried.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.settings().retry
    }

    /// A clone whose calls are retried as `policy` says; this client's calls are not affected.
    /// The clone shares the connection pool, the credentials and the retry budget (its tokens
    /// and costs are the ones the client was built with: the policy's
    /// [`budget`](RetryPolicy::budget) only says whether the clone's retries draw on it,
    /// `None` for not at all).
    ///
    /// ```
    /// use smooch_client::{Client, ConversationApi, RetryPolicy};
    /// use smooch_client::models::{MessagePost, Role};
    ///
    /// # async fn demo(client: Client) -> smooch_client::Result<()> {
    /// // This one message is attempted once: better lost than late.
    /// let hello = MessagePost::text(Role::AppMaker, "Your code is 4711");
    /// client.with_retry(RetryPolicy::disabled()).post_message("app", "user", &hello).await?;
    /// # Ok(()) }
    /// ```
    #[must_use]
    pub fn with_retry(&self, policy: RetryPolicy) -> Client {
        self.with_settings(|settings| settings.retry = policy)
    }

    /// A clone whose calls each end within `timeout`, attempts and waits included (`None`: only
    /// each attempt is bounded); see [`ClientBuilder::call_timeout`](crate::ClientBuilder::call_timeout).
    /// A zero timeout refuses every call ([`Error::InvalidInput`](crate::Error::InvalidInput)
    /// naming `call_timeout`): nothing could be sent in no time.
    #[must_use]
    pub fn with_call_timeout(&self, timeout: impl Into<Option<Duration>>) -> Client {
        let timeout = timeout.into();
        self.with_settings(|settings| settings.call_timeout = timeout)
    }

    /// A clone whose calls give each attempt `timeout`; see
    /// [`ClientBuilder::timeout`](crate::ClientBuilder::timeout). A zero timeout refuses every
    /// call ([`Error::InvalidInput`](crate::Error::InvalidInput) naming `timeout`).
    #[must_use]
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        self.with_settings(|settings| settings.timeout = timeout)
    }

    /// A clone for the calls a webhook handler makes before it answers Smooch, which waits 20
    /// seconds for the answer and delivers the event again after that: each call is done, or
    /// has given up, within 8 seconds (4 s per attempt), and is retried as
    /// [`RetryPolicy::webhook`] says (a `Retry-After` over 2 s is not waited for: the call stops
    /// at once, not sent, saying how long Smooch asked to wait). Two such calls in a row still
    /// leave the handler time to answer.
    ///
    /// ```
    /// use std::time::Duration;
    /// use smooch_client::{Client, ConversationApi, RetryPolicy};
    /// use smooch_client::models::{MessagePost, Role};
    ///
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use smooch_client::fake::{FakeSmooch, Fault};
    /// # let fake = FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// let replies = client.for_webhook();
    /// assert_eq!(replies.call_timeout(), Some(Duration::from_secs(8)));
    /// assert_eq!(replies.retry_policy(), RetryPolicy::webhook());
    ///
    /// // Smooch rate limits the reply for 30 s: the handler learns it at once, nothing was sent.
    /// fake.inject(1, Fault::rate_limited(Some(Duration::from_secs(30))));
    /// let reply = MessagePost::text(Role::AppMaker, "On it!");
    /// let error = replies.post_message("app", "user", &reply).await.unwrap_err();
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    /// assert!(!error.may_have_been_delivered());
    /// assert!(error.to_string().contains("not sent"), "{error}");
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    #[must_use]
    pub fn for_webhook(&self) -> Client {
        self.with_settings(|settings| {
            *settings = Settings {
                timeout: WEBHOOK_TIMEOUT,
                call_timeout: Some(WEBHOOK_CALL_TIMEOUT),
                retry: RetryPolicy::webhook(),
            }
        })
    }

    /// A clone (sharing the pool, credentials and retry budget) with `change`d settings.
    fn with_settings(&self, change: impl FnOnce(&mut Settings)) -> Client {
        let mut settings = *self.settings();
        change(&mut settings);
        Client {
            inner: self.inner.clone(),
            overrides: Some(Arc::new(settings)),
        }
    }

    /// The tokens left in the client's [retry budget](crate::RetryBudget) (shared by its
    /// clones), or `None` without a budget: a gauge of how widespread failures are. It is full
    /// when calls succeed, and falls as retries spend it.
    pub fn retry_budget_left(&self) -> Option<u32> {
        self.inner.budget.left()
    }
}

impl AsRef<Client> for Client {
    fn as_ref(&self) -> &Client {
        self
    }
}

/// What endpoint methods are called on: anything that gives a [`Client`]. Implemented for every
/// type that is `AsRef<Client>`, so a wrapper of yours (a bot state holding its client, say) can
/// implement an endpoint trait too.
///
/// ```
/// use smooch_client::{Client, ConversationApi};
///
/// struct Bot {
///     client: Client,
/// }
///
/// impl AsRef<Client> for Bot {
///     fn as_ref(&self) -> &Client {
///         &self.client
///     }
/// }
///
/// impl ConversationApi for Bot {}
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Smooch client: endpoint methods are called on a `smooch_client::Client`",
    label = "endpoint traits are implemented for `Client`, or for types that give one",
    note = "implement `AsRef<smooch_client::Client>` for `{Self}` to call endpoint methods on it"
)]
pub trait AsClient {
    /// The client the call goes through.
    fn as_client(&self) -> &Client;
}

impl<T: AsRef<Client> + ?Sized> AsClient for T {
    fn as_client(&self) -> &Client {
        self.as_ref()
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url.as_str())
            .field("auth", &"<redacted>")
            .field("timeout", &self.settings().timeout)
            .field("call_timeout", &self.settings().call_timeout)
            .field("retry", &self.settings().retry)
            .finish_non_exhaustive()
    }
}
