//! The one error type of this crate, and what it carries.

use std::fmt;
use std::time::Duration;

use reqwest::StatusCode;

use crate::retry::{Attempts, Stop};

/// `Result<T, smooch_client::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong with a call.
///
/// Match on the variant to tell apart what the server said ([`Error::Api`]), what never got an
/// answer ([`Error::Transport`], [`Error::Timeout`]), an answer this crate could not read
/// ([`Error::Decode`]) and a call refused before anything was sent ([`Error::InvalidInput`]).
///
/// ```
/// # async fn demo(client: smooch_client::Client) {
/// use smooch_client::{ConversationApi, Error};
///
/// match client.get_messages("app_1", "user_1", None, None).await {
///     Ok(page) => println!("{} messages", page.messages.len()),
///     Err(Error::Api(e)) if e.status.as_u16() == 404 => println!("no conversation yet"),
///     Err(e) => eprintln!("{e}"),
/// }
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with an error status (4xx, 5xx).
    #[error(transparent)]
    Api(Box<ApiError>),

    /// No usable answer: connecting, sending or reading the response failed.
    #[error("{operation}: could not complete the HTTP exchange with Smooch ({attempts})")]
    Transport {
        /// The endpoint method that failed, e.g. `post_message`.
        operation: &'static str,
        /// How many attempts were made and why there was no other.
        attempts: Attempts,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// No complete answer within the configured timeout.
    #[error("{operation}: no complete response from Smooch within {timeout:?} ({attempts})")]
    Timeout {
        /// The endpoint method that failed, e.g. `post_message`.
        operation: &'static str,
        /// How many attempts were made and why there was no other.
        attempts: Attempts,
        /// The timeout that elapsed.
        timeout: Duration,
        /// The underlying error.
        #[source]
        source: reqwest::Error,
    },

    /// The server answered with success, but the body is not what the endpoint returns.
    #[error(transparent)]
    Decode(Box<DecodeError>),

    /// The server answered with success, but the body is larger than this crate reads
    /// ([`TooLarge::limit`](Error::TooLarge)); the request took effect.
    #[error("{operation}: the HTTP {status} response is larger than {limit} bytes ({attempts})")]
    TooLarge {
        /// The endpoint method that failed, e.g. `post_message`.
        operation: &'static str,
        /// The HTTP status of the response.
        status: StatusCode,
        /// The largest body read, in bytes.
        limit: usize,
        /// How many attempts were made and why there was no other.
        attempts: Attempts,
    },

    /// The call was refused before anything was sent.
    #[error("invalid `{parameter}`: {reason}")]
    InvalidInput {
        /// The parameter at fault, as named in the method signature.
        parameter: &'static str,
        /// What is wrong with it.
        reason: String,
    },

    /// A history walk could not go on without skipping messages (more than a page of messages
    /// share one timestamp, which the API's exclusive `before` bound cannot page through).
    #[error("history: {0}")]
    Pagination(String),

    /// The client could not be built from its configuration.
    #[error("invalid client configuration: {0}")]
    Config(String),
}

impl Error {
    /// The HTTP status of the response, when there was one.
    ///
    /// ```
    /// # fn demo(error: smooch_client::Error) {
    /// if error.status().is_some_and(|s| s.as_u16() == 429) {
    ///     // slow down
    /// }
    /// # }
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Decode(e) => Some(e.status),
            Error::TooLarge { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status(),
            _ => None,
        }
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
    /// or any call whose success answer could not be read. Check before sending a message again.
    pub fn may_have_been_delivered(&self) -> bool {
        self.attempts()
            .is_some_and(|a| matches!(a.stop, Stop::MayHaveBeenDelivered | Stop::Answered))
    }

    pub(crate) fn invalid(parameter: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            parameter,
            reason: reason.into(),
        }
    }
}

/// An error answer from the Smooch API.
///
/// Smooch sends `{"error": {"code": "...", "description": "..."}}` with error statuses; when the
/// body has that shape, [`code`](Self::code) and [`description`](Self::description) are set.
/// Otherwise (an HTML page from a proxy, say) the start of the raw body is kept in
/// [`body`](Self::body).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The endpoint method that failed, e.g. `post_message`.
    pub operation: &'static str,
    /// The HTTP status.
    pub status: StatusCode,
    /// Smooch's `error.code`, e.g. `unauthorized`.
    pub code: Option<String>,
    /// Smooch's `error.description`, e.g. `Authorization is required`.
    pub description: Option<String>,
    /// The body, at most [`ApiError::BODY_LIMIT`] bytes, when it was not Smooch's error JSON.
    pub body: Option<String>,
    /// How many attempts were made and why there was no other.
    pub attempts: Attempts,
}

impl ApiError {
    /// How much of a body that is not Smooch's error JSON is kept.
    pub const BODY_LIMIT: usize = 2048;
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: Smooch answered HTTP {}",
            self.operation, self.status
        )?;
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
        write!(f, " ({})", self.attempts)
    }
}

impl std::error::Error for ApiError {}

/// A success answer whose body could not be decoded into the endpoint's result type.
#[derive(Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// The endpoint method that failed, e.g. `post_message`.
    pub operation: &'static str,
    /// How many attempts were made; the stop is always [`Stop::Answered`].
    pub attempts: Attempts,
    /// The HTTP status of the response.
    pub status: StatusCode,
    /// Where in the JSON decoding failed, e.g. `messages[3].received` (`.` for the top level).
    pub path: String,
    /// The start of the body, at most [`DecodeError::SNIPPET_LIMIT`] bytes.
    pub snippet: String,
    /// The decoder's own error.
    pub source: serde_json::Error,
}

impl DecodeError {
    /// How much of the body is kept.
    pub const SNIPPET_LIMIT: usize = 512;
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: could not decode the HTTP {} response at `{}`: {}",
            self.operation, self.status, self.path, self.source
        )
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
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

    #[test]
    fn capped_text_cuts_on_char_boundaries() {
        assert_eq!(capped_text("日本語".as_bytes(), 4), "日");
        assert_eq!(capped_text(b"abc", 10), "abc");
        assert_eq!(capped_text(&[b'a', 0xff, b'b'], 10), "a\u{fffd}b");
    }

    #[test]
    fn api_error_display_says_what_the_server_said() {
        let mut e = ApiError {
            operation: "get_messages",
            status: StatusCode::UNAUTHORIZED,
            code: Some("unauthorized".into()),
            description: Some("Authorization is required".into()),
            body: None,
            attempts: Attempts::once(Stop::NotRetryable),
        };
        assert_eq!(
            e.to_string(),
            "get_messages: Smooch answered HTTP 401 Unauthorized: unauthorized: Authorization is required (1 attempt; not retried: this failure is final)"
        );
        e.code = None;
        e.description = None;
        e.body = Some("<html>\n<h1>502</h1></html>".into());
        assert_eq!(
            e.to_string(),
            "get_messages: Smooch answered HTTP 401 Unauthorized with a body that is not Smooch's error JSON: <html> <h1>502</h1></html> (1 attempt; not retried: this failure is final)"
        );
    }
}
