//! The one error type of this crate, and what it carries.
//!
//! Errors name the operation (`post_message`) and its route template
//! (`/v1.1/apps/<app_id>/appusers/<user_id>/messages`), never the filled path or URL: ids are
//! personal data (user ids are often email addresses) and errors end up in logs.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, LOCATION};

use crate::models::Cursor;
use crate::retry::{Attempts, Stop};

/// `Result<T, smooch_client::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong with a call.
///
/// Match on the variant to tell apart what the server said ([`Error::Api`]), what never got an
/// answer ([`Error::Transport`], [`Error::Timeout`]), an answer this crate could not read
/// ([`Error::Decode`]) and a call refused before anything was sent ([`Error::InvalidInput`]); or
/// ask the helpers, which need no order of matching:
///
/// ```
/// # async fn demo(client: smooch_client::Client) {
/// use smooch_client::{ConversationApi, models::Cursor};
///
/// match client.get_messages("app_1", "user_1", Cursor::Latest).await {
///     Ok(page) => println!("{} messages", page.messages.len()),
///     Err(e) if e.is_not_found() => println!("no conversation yet"),
///     Err(e) if e.is_rate_limited() => println!("slow down; Smooch asks for {:?}", e.retry_after()),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error status (4xx, 5xx), or a redirect (3xx), which is never
    /// followed.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// No usable answer: connecting, sending or reading the response failed.
    #[error(
        "{operation} {route}: could not complete the HTTP exchange with Smooch ({attempts}): {}",
        RootCause(source)
    )]
    Transport {
        /// The endpoint method that failed, e.g. `post_message`.
        operation: Cow<'static, str>,
        /// Its route template, e.g. `/v1.1/apps/<app_id>/appusers/<user_id>/messages`.
        route: Cow<'static, str>,
        /// How many attempts were made and why there was no other.
        attempts: Attempts,
        /// The underlying error (without the URL).
        #[source]
        source: reqwest::Error,
    },

    /// No complete answer within the time an attempt may take, or within the call's deadline.
    #[error(
        "{operation} {route}: no complete response from Smooch within {timeout:?} ({attempts}): {}",
        RootCause(source)
    )]
    Timeout {
        /// The endpoint method that failed, e.g. `post_message`.
        operation: Cow<'static, str>,
        /// Its route template.
        route: Cow<'static, str>,
        /// How many attempts were made and why there was no other.
        attempts: Attempts,
        /// The time the last attempt had.
        timeout: Duration,
        /// The underlying error (without the URL).
        #[source]
        source: reqwest::Error,
    },

    /// The server answered with success, but the body is not what the endpoint returns.
    #[error(transparent)]
    Decode(Box<DecodeError>),

    /// The server answered with success, but the body is larger than this crate reads
    /// ([`TooLarge::limit`](Error::TooLarge)); the request took effect.
    #[error(
        "{operation} {route}: the HTTP {status} response is larger than {limit} bytes ({attempts})"
    )]
    TooLarge {
        /// The endpoint method that failed, e.g. `post_message`.
        operation: Cow<'static, str>,
        /// Its route template.
        route: Cow<'static, str>,
        /// The HTTP status of the response.
        status: StatusCode,
        /// The largest body read, in bytes.
        limit: usize,
        /// How many attempts were made and why there was no other.
        attempts: Attempts,
    },

    /// The call was refused before anything was sent: nothing left the process, so it was
    /// neither retried nor delivered.
    #[error("{operation}: invalid `{parameter}`: {reason}")]
    InvalidInput {
        /// The endpoint method called, e.g. `get_messages`.
        operation: Cow<'static, str>,
        /// The parameter at fault, as named in the method signature (a raw request's path
        /// placeholder or query key; `route` for a raw request's route; `url` or `request` when
        /// the request as a whole cannot be sent; `timeout` or `call_timeout` for a setting that
        /// leaves no time).
        parameter: &'static str,
        /// What is wrong with it.
        reason: String,
    },

    /// A stream could not go on without looping or skipping items: a page said more follow but
    /// brought nothing new, or could not move the stream past it. [`PaginationError`] names the
    /// stream and says why. The items yielded before it are each yielded once.
    #[error(transparent)]
    Pagination(PaginationError),

    /// The client could not be built from its configuration.
    #[error("invalid client configuration: {0}")]
    Config(String),
}

impl Error {
    /// The HTTP status of the response, when there was one.
    ///
    /// ```
    /// # fn demo(error: smooch_client::Error) {
    /// use smooch_client::StatusCode;
    /// if error.status() == Some(StatusCode::CONFLICT) {
    ///     // already done
    /// }
    /// # }
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::TooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The response's headers, for errors that came with a response.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Api(e) => Some(&e.headers),
            Error::Decode(e) => Some(&e.headers),
            _ => None,
        }
    }

    /// How long Smooch asked to wait (`Retry-After`, as seconds or a date), as it said it, not
    /// capped by the retry policy: the wait a caller should honour after a final 429 or 503.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api(e) => e.retry_after,
            _ => None,
        }
    }

    /// The request id the response carried, if any, to quote to Smooch's support.
    pub fn request_id(&self) -> Option<&str> {
        self.headers().and_then(request_id)
    }

    /// How many attempts the call made and why it stopped, for errors that came from the server
    /// or the network.
    pub fn attempts(&self) -> Option<Attempts> {
        match self {
            Error::Api(e) => Some(e.attempts),
            Error::Decode(e) => Some(e.attempts),
            Error::Transport { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::TooLarge { attempts, .. } => Some(*attempts),
            _ => None,
        }
    }

    /// `true` when the request may have taken effect although the call failed, so sending it
    /// again could repeat it: a `post_message` that timed out, lost its connection or got a 5xx,
    /// or any call whose success answer could not be read. Never `true` for a request that
    /// surely did not reach Smooch (refused connection, refused before sending). Check before
    /// sending a message again.
    pub fn may_have_been_delivered(&self) -> bool {
        self.attempts().is_some_and(|a| a.may_have_been_delivered)
    }

    /// Smooch answered 404 Not Found (no such app, user, message or conversation).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(StatusCode::NOT_FOUND)
    }

    /// Smooch answered 401 Unauthorized or 403 Forbidden: the credentials are wrong, or lack the
    /// scope for this call.
    pub fn is_unauthorized(&self) -> bool {
        matches!(
            self.status(),
            Some(StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN)
        )
    }

    /// Smooch answered 429 Too Many Requests (after the retries the policy allows); see
    /// [`retry_after`](Self::retry_after).
    pub fn is_rate_limited(&self) -> bool {
        self.status() == Some(StatusCode::TOO_MANY_REQUESTS)
    }

    /// Smooch answered 409 Conflict (v2: a user with this `externalId` exists already).
    pub fn is_conflict(&self) -> bool {
        self.status() == Some(StatusCode::CONFLICT)
    }

    /// Smooch answered 423 Locked (v2: the conversation holds 30,000 messages, the most it
    /// holds; delete messages to make room, the message was not posted).
    pub fn is_conversation_full(&self) -> bool {
        self.status() == Some(StatusCode::LOCKED)
    }

    /// No complete answer in time (an attempt's timeout or the call's deadline).
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }
}

/// Request-id headers that API gateways commonly send (Smooch documents none).
const REQUEST_ID_HEADERS: [&str; 3] = ["x-request-id", "x-zendesk-request-id", "request-id"];

fn request_id(headers: &HeaderMap) -> Option<&str> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}

/// An error answer from the Smooch API.
///
/// Smooch sends `{"error": {"code": "...", "description": "..."}}` with error statuses; when the
/// body has that shape, [`code`](Self::code) and [`description`](Self::description) are set.
/// Otherwise (an HTML page from a proxy, say) the start of the raw body is kept in
/// [`body`](Self::body).
///
/// ```
/// # fn demo(error: smooch_client::Error) {
/// if let smooch_client::Error::Api(api) = &error {
///     eprintln!("{} answered {}: {:?}", api.operation, api.status, api.code);
///     if let Some(id) = api.request_id() {
///         eprintln!("request id {id}");
///     }
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The endpoint method that failed, e.g. `post_message`.
    pub operation: Cow<'static, str>,
    /// Its route template, e.g. `/v1.1/apps/<app_id>/appusers/<user_id>/messages`.
    pub route: Cow<'static, str>,
    /// The HTTP status.
    pub status: StatusCode,
    /// Smooch's error code, e.g. `unauthorized`: v1.1's `error.code`, or the first of v2's
    /// `errors[].code`.
    pub code: Option<String>,
    /// Smooch's explanation, e.g. `Authorization is required`: v1.1's `error.description`, or
    /// the first of v2's `errors[].title`.
    pub description: Option<String>,
    /// Every error of a v2 answer (`{"errors": [{"code", "title"}, ..]}`; a 400 may list
    /// several), in order; empty for a v1.1 answer, whose one error is `code` and
    /// `description`.
    pub errors: Vec<ApiErrorEntry>,
    /// The body, at most [`ApiError::BODY_LIMIT`] bytes, when it was not Smooch's error JSON.
    pub body: Option<String>,
    /// The response's headers.
    pub headers: HeaderMap,
    /// `Retry-After` as the server sent it (seconds or a date, as a wait), uncapped.
    pub retry_after: Option<Duration>,
    /// How many attempts were made and why there was no other.
    pub attempts: Attempts,
}

/// One error of a v2 error answer (`errors[]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiErrorEntry {
    /// The machine-readable class, e.g. `conversation_not_found` (an open set: kept as text).
    pub code: Option<String>,
    /// The human-readable explanation.
    pub title: Option<String>,
}

impl ApiError {
    /// How much of a body that is not Smooch's error JSON is kept.
    pub const BODY_LIMIT: usize = 2048;

    /// The request id the response carried, if any.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// Where a redirect (3xx) pointed (`Location`); redirects are never followed.
    pub fn location(&self) -> Option<&str> {
        self.headers.get(LOCATION)?.to_str().ok()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: Smooch answered HTTP {}",
            self.operation, self.route, self.status
        )?;
        if self.status.is_redirection() {
            // The origin only: the rest of a URL may carry ids.
            let to = self
                .location()
                .map_or_else(|| "a location it did not give".to_owned(), origin);
            write!(f, ", a redirect to {to}, which is not followed")?;
        }
        match (&self.code, &self.description, &self.body) {
            (Some(code), Some(description), _) => write!(f, ": {code}: {description}")?,
            (Some(text), None, _) | (None, Some(text), _) => write!(f, ": {text}")?,
            (None, None, Some(body)) if !body.trim().is_empty() => write!(
                f,
                " with a body that is not Smooch's error JSON: {}",
                Snippet(body)
            )?,
            _ => {}
        }
        let Some(wait) = self.retry_after else {
            return write!(f, " ({})", self.attempts);
        };
        if self.attempts.stop == Stop::RetryAfter {
            let s = if self.attempts.count == 1 { "" } else { "s" };
            // A 429 was refused before it was processed.
            let what = if self.status == StatusCode::TOO_MANY_REQUESTS {
                "not sent"
            } else {
                "not retried"
            };
            write!(
                f,
                " ({} attempt{s}; {what}: Smooch asked to wait {wait:?} before another attempt, longer than the retry policy's cap or the call's deadline allows",
                self.attempts.count
            )?;
            if self.attempts.may_have_been_delivered {
                f.write_str("; the request may have been delivered")?;
            }
            return f.write_str(")");
        }
        write!(f, " ({}; Smooch asked to wait {wait:?})", self.attempts)
    }
}

impl std::error::Error for ApiError {}

/// `https://host:port` of a URL, without user info (or `the same host` for a relative one).
fn origin(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
            let host = authority
                .rsplit_once('@')
                .map_or(authority, |(_, host)| host);
            format!("{scheme}://{host}")
        }
        None => "the same host".to_owned(),
    }
}

/// A success answer whose body could not be decoded into the endpoint's result type.
///
/// The request took effect (the server answered with success), so the call is not retried;
/// [`path`](Self::path) says where the JSON did not fit and [`snippet`](Self::snippet) shows the
/// start of the body.
///
/// ```
/// use smooch_client::{ConversationApi, Error};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # use smooch_client::fake::{FakeSmooch, Fault};
/// # let fake = FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// # client.post_message("app", "user", &smooch_client::models::MessagePost::text(
/// #     smooch_client::models::Role::AppUser, "Hi")).await?;
/// # fake.inject(1, Fault::MalformedBody);
/// // The server answered 200 with a body that is not JSON.
/// use smooch_client::models::Cursor;
/// match client.get_messages("app", "user", Cursor::Latest).await {
///     Err(Error::Decode(error)) => {
///         eprintln!("{} answered {}: {} (body: {:?})", error.operation, error.status, error.source, error.snippet);
///         assert_eq!(error.operation, "get_messages");
///         assert!(error.attempts.may_have_been_delivered);
///     }
///     other => panic!("expected a decode error, got {other:?}"),
/// }
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// The endpoint method that failed, e.g. `post_message`.
    pub operation: Cow<'static, str>,
    /// Its route template.
    pub route: Cow<'static, str>,
    /// How many attempts were made; the stop is always [`Stop::Answered`](crate::Stop::Answered).
    pub attempts: Attempts,
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// The response's headers.
    pub headers: HeaderMap,
    /// Where in the JSON decoding failed, e.g. `messages[3].received` (`.` for the top level):
    /// the value at the decoder's position, read from the body's text. (Where an array was
    /// refused whose first element is itself an array, the text cannot tell which of the two
    /// was: the path names the outer one.)
    pub path: String,
    /// The start of the body, at most [`DecodeError::SNIPPET_LIMIT`] bytes; empty when the body
    /// was ([`body_is_empty`](Self::body_is_empty)).
    pub snippet: String,
    /// The decoder's own error.
    pub source: serde_json::Error,
}

impl DecodeError {
    /// How much of the body is kept.
    pub const SNIPPET_LIMIT: usize = 512;

    /// Whether the body was empty (or only whitespace) where the result type needs JSON, such
    /// as a 201 without the created object; the [`snippet`](Self::snippet) is then empty.
    pub fn body_is_empty(&self) -> bool {
        self.snippet.is_empty()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.body_is_empty() {
            return write!(
                f,
                "{} {}: the HTTP {} response has an empty body, where JSON was expected",
                self.operation, self.route, self.status
            );
        }
        write!(
            f,
            "{} {}: could not decode the HTTP {} response at `{}`: {}",
            self.operation, self.route, self.status, self.path, self.source
        )
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Why a stream stopped before the end of what it walks: the server's pages could not take it
/// further without looping or skipping items ([`Error::Pagination`]).
///
/// ```
/// use smooch_client::{AppApi, Error, PaginationError, Stall};
///
/// # async fn demo(client: smooch_client::Client) {
/// use futures_util::TryStreamExt;
/// match client.apps(None).try_collect::<Vec<_>>().await {
///     Err(Error::Pagination(PaginationError { stream, stall: Stall::StuckOffset { offset }, .. })) => {
///         eprintln!("{stream}: the server repeats the page at offset {offset}");
///     }
///     other => println!("{other:?}"),
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
#[error("{stream}: {stall}")]
pub struct PaginationError {
    /// The stream, by the name of the method that made it: `apps`, `service_accounts`,
    /// `integrations`, `templates`, `history` or `forward` (v1.1); `apps`, `integrations`,
    /// `clients`, `conversations`, `participants`, `messages` or `messages_after` (v2).
    pub stream: &'static str,
    /// What the pages did.
    pub stall: Stall,
}

/// How the pages of a stream failed to take it further; see [`PaginationError`].
///
/// ```
/// use smooch_client::Stall;
///
/// let stall = Stall::StuckOffset { offset: 200 };
/// assert!(stall.to_string().starts_with("the page at offset 200 says more items follow"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Stall {
    /// A list page said more items follow (`hasMore`) but brought none that was not yielded
    /// already: the server repeats a page, ignores `offset`, or answers an empty page.
    #[error(
        "the page at offset {offset} says more items follow, but brings none that was not yielded already"
    )]
    StuckOffset {
        /// The offset the page was asked for.
        offset: u32,
    },
    /// A list page said more items follow, but the next page's offset is past what the API's
    /// `offset` holds (`u32::MAX`).
    #[error("the page at offset {offset} says more items follow, past the largest offset")]
    OffsetOverflow {
        /// The offset the page was asked for.
        offset: u32,
    },
    /// A full page of messages brought none that was not yielded already, or could not move
    /// the bound past it: more than a page of messages share one timestamp (the API's `before`
    /// and `after` bounds are exclusive, so no page reaches the rest of them), or the server
    /// ignores the bound.
    #[error(
        "a full page of messages {} brings none that was not yielded already, or cannot move past them: more than a page of messages share one timestamp, which the API cannot page past, or the server ignores the bound",
        PageAt(cursor)
    )]
    StuckCursor {
        /// The page that was asked for.
        cursor: Cursor,
    },
    /// A page of a cursor-paged list (API v2) said more records follow, but brought none that
    /// was not yielded already, or pointed to a page read already: the server repeats a page
    /// or its cursors go round in a circle.
    #[error(
        "the page {} says more records follow, but brings none that was not yielded already or points back to a page read already",
        cursor.as_deref().map_or_else(|| "first".to_owned(), |c| format!("after cursor `{c}`"))
    )]
    StuckPage {
        /// The cursor the page was asked for (`None`: the first page).
        cursor: Option<String>,
    },
}

/// Where a page of messages was asked for, as a phrase.
struct PageAt<'a>(&'a Cursor);

impl fmt::Display for PageAt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Cursor::Before(time) => write!(f, "before {time}"),
            Cursor::After(time) => write!(f, "after {time}"),
            _ => f.write_str("at the latest"),
        }
    }
}

/// Shows the innermost cause of an error ("Connection refused (os error 111)").
struct RootCause<'a>(&'a (dyn std::error::Error + 'static));

impl fmt::Display for RootCause<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut error = self.0;
        while let Some(source) = error.source() {
            error = source;
        }
        write!(f, "{error}")
    }
}

/// Shows a body snippet on one line.
struct Snippet<'a>(&'a str);

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars().take(200) {
            if c.is_control() {
                f.write_str(" ")?
            } else {
                write!(f, "{c}")?
            }
        }
        if self.0.chars().nth(200).is_some() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// At most `limit` bytes of `bytes`, as text, cut on a character boundary.
pub(crate) fn capped_text(bytes: &[u8], limit: usize) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(limit + 3)]);
    let mut end = text.len().min(limit);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retry::Stop;

    #[test]
    fn capped_text_cuts_on_char_boundaries() {
        assert_eq!(capped_text("日本語".as_bytes(), 4), "日");
        assert_eq!(capped_text(b"abc", 10), "abc");
        assert_eq!(capped_text(&[b'a', 0xff, b'b'], 10), "a\u{fffd}b");
    }

    fn api_error(status: u16) -> ApiError {
        ApiError {
            operation: "get_messages".into(),
            route: "/v1.1/apps/<app_id>/appusers/<user_id>/messages".into(),
            status: StatusCode::from_u16(status).unwrap(),
            code: Some("unauthorized".into()),
            description: Some("Authorization is required".into()),
            errors: Vec::new(),
            body: None,
            headers: HeaderMap::new(),
            retry_after: None,
            attempts: Attempts::once(Stop::NotRetryable),
        }
    }

    #[test]
    fn api_error_display_says_what_the_server_said() {
        let mut e = api_error(401);
        assert_eq!(
            e.to_string(),
            "get_messages /v1.1/apps/<app_id>/appusers/<user_id>/messages: Smooch answered HTTP 401 Unauthorized: unauthorized: Authorization is required (1 attempt; not retried: this failure is final)"
        );
        e.code = None;
        e.description = None;
        e.body = Some("<html>\n<h1>502</h1></html>".into());
        assert!(
            e.to_string().ends_with(
                "HTTP 401 Unauthorized with a body that is not Smooch's error JSON: <html> <h1>502</h1></html> (1 attempt; not retried: this failure is final)"
            ),
            "{e}"
        );
    }

    #[test]
    fn a_wait_smooch_asked_for_is_said_with_what_it_means() {
        let wait = Duration::from_secs(30);
        let stopped = |status: u16, stop: Stop, may_have_been_delivered: bool| {
            let mut e = api_error(status);
            (e.code, e.description) = (None, None);
            e.retry_after = Some(wait);
            e.attempts = Attempts {
                count: 1,
                stop,
                may_have_been_delivered,
            };
            e.to_string()
        };
        // A 429 is refused before it is processed: not sent, and how long to wait.
        let text = stopped(429, Stop::RetryAfter, false);
        assert!(
            text.ends_with("(1 attempt; not sent: Smooch asked to wait 30s before another attempt, longer than the retry policy's cap or the call's deadline allows)"),
            "{text}"
        );
        // A 503 of a GET was not retried; nothing says it was not sent.
        let text = stopped(503, Stop::RetryAfter, false);
        assert!(
            text.contains("(1 attempt; not retried: Smooch asked to wait 30s"),
            "{text}"
        );
        assert!(!text.contains("not sent"), "{text}");
        // A 503 of a POST may have been delivered, and Smooch's wait is still said.
        let text = stopped(503, Stop::MayHaveBeenDelivered, true);
        assert!(
            text.contains("may have reached Smooch")
                && text.ends_with("; Smooch asked to wait 30s)"),
            "{text}"
        );
        // Retries run out under the wait: both are said.
        let text = stopped(429, Stop::Exhausted, false);
        assert!(
            text.ends_with("(1 attempt; gave up: no attempts left; Smooch asked to wait 30s)"),
            "{text}"
        );
    }

    #[test]
    fn a_redirect_shows_where_to_but_no_path() {
        let mut e = api_error(307);
        e.code = None;
        e.description = None;
        e.headers.insert(
            LOCATION,
            "https://user:pw@elsewhere.example:8443/v1.1/apps/a/appusers/bob@example.com"
                .parse()
                .unwrap(),
        );
        let text = e.to_string();
        assert!(
            text.contains("HTTP 307 Temporary Redirect, a redirect to https://elsewhere.example:8443, which is not followed"),
            "{text}"
        );
        assert!(!text.contains("bob") && !text.contains("pw"), "{text}");
        assert_eq!(
            e.location(),
            Some("https://user:pw@elsewhere.example:8443/v1.1/apps/a/appusers/bob@example.com")
        );
    }

    #[test]
    fn the_request_id_is_read_from_common_headers() {
        let mut e = api_error(500);
        assert_eq!(e.request_id(), None);
        e.headers
            .insert("x-zendesk-request-id", "abc-123".parse().unwrap());
        assert_eq!(e.request_id(), Some("abc-123"));
        e.headers.insert("x-request-id", "first".parse().unwrap());
        assert_eq!(Error::Api(Box::new(e)).request_id(), Some("first"));
    }

    #[test]
    fn helpers_classify_without_matching() {
        let cases = [
            (404, "not_found"),
            (401, "unauthorized"),
            (403, "unauthorized"),
            (429, "rate_limited"),
        ];
        for (status, kind) in cases {
            let mut api = api_error(status);
            api.retry_after = Some(Duration::from_secs(90));
            let e = Error::Api(Box::new(api));
            assert_eq!(e.is_not_found(), kind == "not_found", "{status}");
            assert_eq!(e.is_unauthorized(), kind == "unauthorized", "{status}");
            assert_eq!(e.is_rate_limited(), kind == "rate_limited", "{status}");
            assert!(!e.is_timeout());
            assert_eq!(e.retry_after(), Some(Duration::from_secs(90)));
            assert!(e.headers().is_some());
        }
        let invalid = Error::InvalidInput {
            operation: "post_message".into(),
            parameter: "user_id",
            reason: "must not be empty".into(),
        };
        assert_eq!(
            invalid.to_string(),
            "post_message: invalid `user_id`: must not be empty"
        );
        assert!(
            !invalid.is_not_found()
                && invalid.status().is_none()
                && invalid.retry_after().is_none()
        );
        assert!(!invalid.may_have_been_delivered());
    }
}
