//! [`RawRequest`]: a call to an endpoint this crate does not declare, sent through the same
//! client and the same machinery as a declared one.

use std::borrow::Cow;
use std::future::Future;

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::context::Context;
use crate::request::{Endpoint, PathValue, QueryValue, Request, Spec};
use crate::response::{decode_json, parse};
use crate::transport::{Reply, drive};
use crate::{Client, Result};

impl Client {
    /// Starts a request for an endpoint this crate does not declare: `method` and `route`, a
    /// path template written as in [`#[endpoint]`](crate::endpoint) (`/v2/apps/<app_id>/conversations`),
    /// its placeholders filled with [`param`](RawRequest::param).
    ///
    /// The call goes through this client as a declared endpoint's does: the same credentials,
    /// timeouts, deadline, retries (see [`idempotent`](RawRequest::idempotent)), body limits,
    /// tracing span (named `request`, with the operation, method and route) and [`Error`](crate::Error),
    /// which names the call by its [`operation`](RawRequest::operation) (the method unless
    /// named) and route template, never the filled path. The answer is decoded into any
    /// `DeserializeOwned` type: a model, or `serde_json::Value` for the JSON as it came.
    ///
    /// ```
    /// use smooch_client::{Client, Method};
    ///
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// # use smooch_client::ConversationApi;
    /// # client.post_message("app", "steve", &smooch_client::models::MessagePost::text(
    /// #     smooch_client::models::Role::AppUser, "Hi")).await?;
    /// let page: serde_json::Value = client
    ///     .request(Method::GET, "/v1.1/apps/<app_id>/appusers/<user_id>/messages")
    ///     .operation("recent_messages")
    ///     .param("app_id", "app")
    ///     .param("user_id", "steve")
    ///     .query("before", &1_900_000_000u64)
    ///     .send()
    ///     .await?;
    /// assert_eq!(page["messages"][0]["text"], "Hi");
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    pub fn request(&self, method: Method, route: impl Into<Cow<'static, str>>) -> RawRequest<'_> {
        let endpoint = Endpoint {
            operation: method_name(&method),
            route: route.into(),
            idempotent: idempotent_by_default(&method),
            removes: method == Method::DELETE,
            host: crate::Host::Api,
            redirect: false,
            method,
        };
        let context = Context::new(Spec::Raw(Box::new(endpoint)), tracing::Span::none());
        RawRequest {
            request: Request::with(self, context),
            params: Vec::new(),
        }
    }
}

/// A request for an endpoint this crate does not declare; start one with [`Client::request`],
/// then [`send`](Self::send) it.
///
/// Values are checked as a declared endpoint's are: the first one that cannot be sent refuses
/// the call before anything is sent ([`Error::InvalidInput`](crate::Error::InvalidInput)
/// naming it), and so does a route that is not a path template, a placeholder without a value
/// and a value without a placeholder.
#[derive(Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct RawRequest<'c> {
    request: Request<'c>,
    /// The path's values, by placeholder name, in the order given.
    params: Vec<(&'static str, String)>,
}

impl RawRequest<'_> {
    /// Names the call in errors and traces (`list_conversations`); by default it is named by
    /// its method (`GET`).
    pub fn operation(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        if let Some(endpoint) = self.request.context_mut().raw_endpoint() {
            endpoint.operation = name.into();
        }
        self
    }

    /// Says whether sending the request twice has the same effect as sending it once, which
    /// decides what is retried: a request that may have reached Smooch (a 5xx, a timeout, a
    /// lost connection) is sent again only when it is idempotent. By default GET, HEAD, PUT,
    /// DELETE and OPTIONS are, and POST and PATCH are not, so a POST that posts a message is
    /// never sent twice unless you say it may be. A request that surely did not reach Smooch
    /// (a refused connection, a 429) is retried either way.
    ///
    /// A DELETE is a removal, as a declared one: when an attempt may have removed the thing
    /// and the retry is answered 404, the call succeeds as if the answer was empty (`null`:
    /// `()`, `None` or `Value::Null`).
    pub fn idempotent(mut self, idempotent: bool) -> Self {
        if let Some(endpoint) = self.request.context_mut().raw_endpoint() {
            endpoint.idempotent = idempotent;
        }
        self
    }

    /// Fills the route's placeholder `<name>` with `value`, percent-encoded as one path segment
    /// (empty values, `.` and `..` and values over [`MAX_VALUE_LEN`](crate::MAX_VALUE_LEN) bytes
    /// are refused, as for a declared endpoint).
    pub fn param<S: PathValue + ?Sized>(mut self, name: &'static str, value: &S) -> Self {
        self.params.push((name, value.as_text().to_owned()));
        self
    }

    /// Appends `key=value` to the query, both percent-encoded as RFC 3986 asks (`page[after]`
    /// goes out as `page%5Bafter%5D`); `None` leaves the key out, and a list is sent
    /// comma-joined, as for a declared endpoint.
    pub fn query<V: QueryValue + ?Sized>(mut self, key: &'static str, value: &V) -> Self {
        if let Err(reason) = self.request.push_query(key, value) {
            self.request.fail(key, reason);
        }
        self
    }

    /// Sends `body` serialized as JSON.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.request.json("body", body);
        self
    }

    /// Sends the request and decodes the success body as JSON into `T`: a model, a
    /// `serde_json::Value` for the JSON as it came, or `serde::de::IgnoredAny` to accept any
    /// body. An empty body reads as `null` (`Option<T>` is then `None`).
    ///
    /// The request is checked and finished now; the returned future owns everything it needs.
    pub fn send<T: DeserializeOwned>(self) -> impl Future<Output = Result<T>> + Send + use<T> {
        let RawRequest {
            mut request,
            params,
        } = self;
        let route = request.context().endpoint().route.clone();
        if let Err((parameter, reason)) = fill(&mut request, &route, &params) {
            request.fail(parameter, reason);
        }
        let endpoint = request.context().endpoint();
        let span = tracing::info_span!(
            "request",
            operation = endpoint.operation.as_ref(),
            method = endpoint.method.as_str(),
            route = endpoint.route.as_ref(),
            status = tracing::field::Empty,
            attempts = tracing::field::Empty,
        );
        request.context_mut().set_span(span);
        drive(request, |context, reply| match reply {
            Reply::Answered(answer) => decode_json(context, answer),
            // A removal found gone: no body came, which reads as `null`; a result type that
            // cannot be `null` gets the 404.
            Reply::Gone(not_found) => parse(b"null").map_err(|_| not_found),
        })
    }
}

/// Appends the path of `route` to `request`, its placeholders filled from `params`; or the
/// parameter at fault and why.
fn fill(
    request: &mut Request<'_>,
    route: &str,
    params: &[(&'static str, String)],
) -> Result<(), (&'static str, String)> {
    let refuse = |reason: String| Err(("route", reason));
    if route.contains(['?', '#']) {
        return refuse(format!(
            "`{route}` is not a path: give query parameters with `.query(key, value)`"
        ));
    }
    let Some(path) = route.strip_prefix('/') else {
        return refuse(format!("`{route}` must start with `/`"));
    };
    let mut used = vec![false; params.len()];
    for piece in path.split('/').filter(|_| !path.is_empty()) {
        request.literal("/");
        match piece.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
            Some(name) => {
                let Some(at) = params.iter().position(|(given, _)| *given == name) else {
                    return refuse(format!(
                        "the placeholder `<{name}>` has no value: give it with `.param(\"{name}\", value)`"
                    ));
                };
                used[at] = true;
                request
                    .push_segment(&params[at].1)
                    .map_err(|reason| (params[at].0, reason))?;
            }
            None => {
                if let Some(problem) = literal_problem(piece) {
                    return refuse(format!("`{route}`: {problem}"));
                }
                request.literal(piece);
            }
        }
    }
    match params.iter().zip(&used).find(|(_, used)| !**used) {
        Some(((name, _), _)) => Err((
            *name,
            format!("is not a placeholder of `{route}` (or is given twice)"),
        )),
        None => Ok(()),
    }
}

/// What is wrong with a literal path segment of a raw request's route, as `#[endpoint]` checks
/// its templates: sent as written, so it must be valid in a path as it is.
fn literal_problem(piece: &str) -> Option<String> {
    if piece.is_empty() {
        return Some("empty path segment (`//`, or a `/` at the end)".to_owned());
    }
    if piece == "." || piece == ".." {
        return Some(format!(
            "`{piece}` is a dot segment: URL parsers remove it from the path"
        ));
    }
    if piece.contains(['<', '>']) {
        return Some(format!(
            "`{piece}`: a placeholder is a whole segment, `<name>`"
        ));
    }
    let bad = piece
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(*c)))?;
    Some(format!(
        "character `{}` is not allowed in the path segment `{piece}`: literal text is sent as written; give values with `.param`, which encodes them",
        bad.escape_default()
    ))
}

/// GET, HEAD, PUT, DELETE, OPTIONS and TRACE are idempotent (RFC 9110 §9.2.2), as
/// `#[endpoint]` takes the GET, PUT and DELETE it declares.
fn idempotent_by_default(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS | Method::TRACE
    )
}

/// The method's name, without allocating for the standard ones.
fn method_name(method: &Method) -> Cow<'static, str> {
    const STANDARD: [&str; 9] = [
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT",
    ];
    match STANDARD.iter().find(|name| **name == method.as_str()) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(method.as_str().to_owned()),
    }
}
