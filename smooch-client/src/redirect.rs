//! [`Redirect`]: the answer of an endpoint whose success is a redirect.

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// A redirect an endpoint answers with (API v2's
/// [`authorize`](crate::v2::OAuthApi::authorize)): returned to the caller, never followed.
///
/// ```
/// use smooch_client::Redirect;
/// # fn show(redirect: Redirect) {
/// if let Some(to) = redirect.location() {
///     println!("{} to {to}", redirect.status());
/// }
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Redirect {
    status: StatusCode,
    headers: HeaderMap,
}

impl Redirect {
    pub(crate) fn new(status: StatusCode, headers: HeaderMap) -> Self {
        Redirect { status, headers }
    }

    /// The status: a redirect (3xx), or a success when the server answered one instead.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// Where it points (`Location`), when it says, as sent.
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(reqwest::header::LOCATION)
            .and_then(|value| value.to_str().ok())
    }

    /// Every header of the answer.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }
}
