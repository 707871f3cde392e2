//! Fault injection: the next requests answer an error status, answer late, or lose their
//! connection mid-response.

use std::time::Duration;

/// What goes wrong with an upcoming request; queue it with
/// [`FakeSmooch::inject`](super::FakeSmooch::inject).
///
/// ```
/// use std::time::Duration;
/// use smooch_client::ConversationApi;
/// use smooch_client::fake::{FakeSmooch, Fault};
/// use smooch_client::models::{MessagePost, Role};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let fake = FakeSmooch::start().await?;
/// let client = fake.client()?;
/// // Rate limited once: the client waits the second Smooch asks for, then succeeds.
/// fake.inject(1, Fault::rate_limited(Some(Duration::from_secs(1))));
/// client.post_message("app", "user", &MessagePost::text(Role::AppMaker, "Hi")).await?;
///
/// // The connection drops after the message was stored: a POST is not sent again.
/// fake.inject(1, Fault::DropConnection);
/// let error = client
///     .post_message("app", "user", &MessagePost::text(Role::AppMaker, "Still there?"))
///     .await
///     .unwrap_err();
/// assert!(error.may_have_been_delivered());
/// assert_eq!(fake.conversation("app", "user").map(|c| c.messages.len()), Some(2));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer `status` with a Smooch error body, without handling the request (nothing is
    /// stored), and with `Retry-After: <retry_after>` when set (seconds or an HTTP date).
    Status {
        /// The HTTP status, e.g. 429, 500 or 503.
        status: u16,
        /// The `Retry-After` header's value, if any.
        retry_after: Option<String>,
    },
    /// Handle the request, then answer after `delay` (a client with a shorter timeout gives up,
    /// although the request took effect).
    Delay(Duration),
    /// Handle the request, then cut the connection in the middle of the response body (the
    /// request took effect, but the client never learns how).
    DropConnection,
    /// Answer `status` with an HTML page, as a proxy in front of the API does, without handling
    /// the request.
    HtmlError(u16),
    /// Handle the request, then send only the first half of the JSON body (as a complete HTTP
    /// response: the JSON is cut short, the connection is not).
    TruncatedBody,
    /// Handle the request, then answer its status with a body that is not JSON.
    MalformedBody,
    /// Handle the request, then answer its status with an empty body (a 201 without the
    /// created object, say).
    EmptyBody,
    /// Answer `status` with `body` (as JSON), without handling the request: a server that
    /// lies, such as one that sends the same list page whatever the `offset`.
    Answer {
        /// The HTTP status.
        status: u16,
        /// The body, sent as it is with `content-type: application/json`.
        body: String,
    },
    /// Answer `status` (a redirect: 301, 302, 303, 307 or 308) with `Location: <location>`,
    /// without handling the request.
    Redirect {
        /// The HTTP status.
        status: u16,
        /// Where the redirect points.
        location: String,
    },
}

impl Fault {
    /// `status` with a Smooch error body and no `Retry-After`.
    pub fn status(status: u16) -> Self {
        Fault::Status {
            status,
            retry_after: None,
        }
    }

    /// `429 Too Many Requests`, with `Retry-After: <seconds>` when given.
    pub fn rate_limited(retry_after: Option<Duration>) -> Self {
        Fault::Status {
            status: 429,
            retry_after: retry_after.map(|d| d.as_secs().to_string()),
        }
    }

    /// `status` with `body` as the answer, in place of the fake's own.
    ///
    /// ```
    /// use smooch_client::fake::Fault;
    ///
    /// // A list page that says more follow, whatever the offset asked for.
    /// let stuck = Fault::answer(200, r#"{"apps": [{"_id": "a1", "name": "One"}], "hasMore": true}"#);
    /// assert!(matches!(stuck, Fault::Answer { status: 200, .. }));
    /// ```
    pub fn answer(status: u16, body: impl Into<String>) -> Self {
        Fault::Answer {
            status,
            body: body.into(),
        }
    }

    /// A redirect with `status` to `location`.
    pub fn redirect(status: u16, location: impl Into<String>) -> Self {
        Fault::Redirect {
            status,
            location: location.into(),
        }
    }

    /// The Smooch error `code` answered for an injected status.
    pub(crate) fn code(status: u16) -> &'static str {
        match status {
            400 => "bad_request",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "not_found",
            409 => "conflict",
            429 => "too_many_requests",
            503 => "service_unavailable",
            500..=599 => "internal_error",
            _ => "error",
        }
    }
}
