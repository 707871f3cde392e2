//! [`Request`]: what a generated endpoint method builds, and [`Call`]: the one value it is
//! finished into before anything is sent.
//!
//! Generated code starts a [`Request`] from its [`Endpoint`], calls the builder methods in
//! template order, and hands it to the transport, which [`finish`](Request::finish)es it: the
//! first invalid value refuses the call there, before any I/O, as
//! [`Error::InvalidInput`](crate::Error::InvalidInput) naming the parameter.

use std::borrow::Cow;

use bytes::Bytes;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::HeaderValue;
use reqwest::{Method, Url};
use serde::Serialize;

use crate::context::Context;
use crate::{Client, Error, Secret, Upload};

/// Everything but the unreserved characters `A-Z a-z 0-9 - . _ ~` is percent-encoded, as the
/// official Python SDK does (`quote(value, safe='')`).
pub(crate) const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The longest id or query value sent, in bytes before encoding. Smooch's ids are 24 characters
/// and user ids are typically email addresses; a longer value is refused before sending, because
/// URLs that long are refused by HTTP servers and stacks (Smooch's front servers answer 414 past
/// 8 KiB) and nothing would be sent.
pub const MAX_VALUE_LEN: usize = 1024;

/// The longest URL sent, in bytes: what HTTP servers commonly accept (nginx's default).
const MAX_URL_LEN: usize = 8 * 1024;

/// What the macro knows of an endpoint, fixed for every call of it; a raw request
/// ([`Client::request`]) builds its own at run time.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The method name, e.g. `post_message`: names the call in errors and traces.
    pub operation: Cow<'static, str>,
    /// The path template as declared, e.g. `/v1.1/apps/<app_id>/appusers/<user_id>/messages`:
    /// errors and traces show it, never the filled path (ids are personal data).
    pub route: Cow<'static, str>,
    /// Whether sending it twice has the same effect as once (retries depend on it).
    pub idempotent: bool,
    /// Whether it deletes something (a DELETE, or declared `removes`): retried after it may
    /// have taken effect, a 404 means it did.
    pub removes: bool,
    /// Where it is sent, and with which credentials.
    pub host: Host,
    /// Whether a redirect (3xx) is its answer, returned and never followed (declared
    /// `redirect`); for any other endpoint a redirect is an error.
    pub redirect: bool,
}

/// The host an endpoint is served on, which decides the base URL and the credentials sent.
///
/// ```
/// use smooch_client::{Client, Host};
///
/// let client = Client::builder().basic_auth("app_5963ceb97cde542d000dbdb1", "secret").build()?;
/// assert_eq!(Host::Api.base_url(&client).as_str(), "https://api.smooch.io/");
/// assert_eq!(Host::OAuth.base_url(&client).as_str(), "https://oauth-bridge.zendesk.com/sc");
/// # Ok::<(), smooch_client::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Host {
    /// The API's host ([`ClientBuilder::base_url`](crate::ClientBuilder::base_url), a
    /// region or a Zendesk subdomain), with the client's credentials.
    #[default]
    Api,
    /// API v2's OAuth operations, on
    /// [`ClientBuilder::oauth_base_url`](crate::ClientBuilder::oauth_base_url): the client's
    /// credentials (API keys) are never sent there; an operation that needs an OAuth access
    /// token takes it as a parameter (declared `bearer = <parameter>`).
    OAuth,
}

impl Host {
    /// The base URL `client` sends this host's requests to.
    pub fn base_url(self, client: &Client) -> &Url {
        match self {
            Host::Api => &client.inner.base_url,
            Host::OAuth => &client.inner.oauth_base_url,
        }
    }
}

impl Endpoint {
    /// Whether a request of this method carries a body (and says `Content-Length: 0` without
    /// one).
    pub(crate) fn has_body(&self) -> bool {
        matches!(self.method, Method::POST | Method::PUT | Method::PATCH)
    }
}

/// The endpoint a call is for: a declared endpoint's `static` descriptor, or the one a raw
/// request built (boxed: a call moves it, and a declared call pays one pointer for it).
#[derive(Debug)]
pub(crate) enum Spec {
    Declared(&'static Endpoint),
    Raw(Box<Endpoint>),
}

impl std::ops::Deref for Spec {
    type Target = Endpoint;

    fn deref(&self) -> &Endpoint {
        match self {
            Spec::Declared(endpoint) => endpoint,
            Spec::Raw(endpoint) => endpoint,
        }
    }
}

/// A request being built by a generated endpoint method.
#[derive(Debug)]
pub struct Request<'c> {
    client: &'c Client,
    /// What the call is (endpoint, span): built here, once, for every error and log line.
    context: Context,
    /// The base URL's path followed by the encoded path.
    path: String,
    /// Encoded `name=value` pairs joined by `&`.
    query: String,
    body: Payload,
    /// The credentials a [`Host::OAuth`] call sends (`bearer = <parameter>`).
    bearer: Option<Box<HeaderValue>>,
    /// The first value refused while building.
    error: Option<Error>,
}

/// What a request sends as its body.
#[derive(Debug, Clone, Default)]
pub(crate) enum Payload {
    /// No body.
    #[default]
    None,
    /// JSON.
    Json(Bytes),
    /// `multipart/form-data`: its parts, in order.
    Multipart(Vec<Part>),
}

/// One part of a multipart body.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) name: &'static str,
    pub(crate) content: PartContent,
}

/// A text field or a file.
#[derive(Debug, Clone)]
pub enum PartContent {
    /// A text field.
    Text(String),
    /// A file.
    File(Upload),
}

/// A finished request: what the call is, the client (with its settings), the URL (parsed
/// once), the body. Each attempt sends a copy.
#[derive(Debug)]
pub(crate) struct Call {
    pub(crate) context: Context,
    pub(crate) client: Client,
    pub(crate) url: Url,
    pub(crate) body: Payload,
    /// `Authorization` for a [`Host::OAuth`] call, when it sends one.
    pub(crate) bearer: Option<Box<HeaderValue>>,
}

/// A request refused before anything was sent: what the call is, and why.
#[derive(Debug)]
pub(crate) struct Refused {
    pub(crate) context: Context,
    pub(crate) error: Error,
}

impl<'c> Request<'c> {
    /// Starts a request for `endpoint` on `client`, traced in a span opened at `callsite`.
    pub fn new(
        client: &'c Client,
        endpoint: &'static Endpoint,
        callsite: &'static tracing::callsite::DefaultCallsite,
    ) -> Self {
        let span = crate::trace::span(callsite, endpoint);
        Self::with(client, Context::new(Spec::Declared(endpoint), span))
    }

    /// Starts a request for the call `context` describes.
    pub(crate) fn with(client: &'c Client, context: Context) -> Self {
        let base = context
            .endpoint()
            .host
            .base_url(client)
            .path()
            .trim_end_matches('/');
        let mut path = String::with_capacity(base.len() + context.endpoint().route.len() + 32);
        path.push_str(base);
        Request {
            client,
            context,
            path,
            query: String::new(),
            body: Payload::None,
            bearer: None,
            error: None,
        }
    }

    /// The call's context.
    pub(crate) fn context(&self) -> &Context {
        &self.context
    }

    /// The call's context, for a raw request to finish describing itself.
    pub(crate) fn context_mut(&mut self) -> &mut Context {
        &mut self.context
    }

    /// Sends `token` as `Authorization: Bearer <token>` (an OAuth access token, for a
    /// [`Host::OAuth`] endpoint declared `bearer = <parameter>`). A token that cannot be sent
    /// in a header refuses the call, naming the parameter and not the token.
    pub fn bearer(&mut self, name: &'static str, token: &Secret) {
        match HeaderValue::try_from(format!("Bearer {}", token.expose())) {
            Ok(mut value) => {
                value.set_sensitive(true);
                self.bearer = Some(Box::new(value));
            }
            Err(_) => self.fail(
                name,
                "cannot be sent in a header: it holds a control character or a line break".into(),
            ),
        }
    }

    /// Appends fixed text (already valid in a path).
    pub fn literal(&mut self, text: &str) {
        self.path.push_str(text);
    }

    /// Appends `value` percent-encoded as exactly one path segment.
    ///
    /// Empty values and `.`/`..` cannot be carried by a URL path (the segment disappears or is
    /// collapsed, even when percent-encoded), and values over [`MAX_VALUE_LEN`] bytes make a URL
    /// no server accepts, so they are refused.
    pub fn segment<S: PathValue + ?Sized>(&mut self, name: &'static str, value: &S) {
        if let Err(reason) = self.push_segment(value.as_text()) {
            self.fail(name, reason);
        }
    }

    /// Appends `value` as one path segment, or says why it cannot be one.
    pub(crate) fn push_segment(&mut self, value: &str) -> Result<(), String> {
        let problem = match value {
            "" => Some("must not be empty".to_owned()),
            "." | ".." => Some(
                "cannot be sent as a path segment: URL parsers collapse `.` and `..`, even percent-encoded"
                    .to_owned(),
            ),
            _ => too_long(value),
        };
        match problem {
            Some(reason) => Err(reason),
            None => {
                encode_into(&mut self.path, value);
                Ok(())
            }
        }
    }

    /// Appends `key=value` to the query, unless the value (the parameter `name`) is absent
    /// (`None`).
    pub fn query<V: QueryValue + ?Sized>(
        &mut self,
        name: &'static str,
        key: &'static str,
        value: &V,
    ) {
        if let Err(reason) = self.push_query(key, value) {
            self.fail(name, reason);
        }
    }

    /// Appends `key=value` (both encoded) to the query unless the value is absent, or says why
    /// the value cannot be sent (and appends nothing).
    pub(crate) fn push_query<V: QueryValue + ?Sized>(
        &mut self,
        key: &str,
        value: &V,
    ) -> Result<(), String> {
        if !value.is_set() {
            return Ok(());
        }
        let at = self.query.len();
        if at > 0 {
            self.query.push('&');
        }
        encode_into(&mut self.query, key);
        self.query.push('=');
        value
            .write(&mut self.query)
            .inspect_err(|_| self.query.truncate(at))
    }

    /// Appends the query parameters a query-options value writes (`<options..>` in a
    /// template).
    pub fn query_params<Q: QueryParams + ?Sized>(&mut self, params: &Q) {
        params.write_query(self);
    }

    /// Refuses the call when more than one of the named query values is set.
    pub fn exclusive(&mut self, values: &[(&'static str, bool)]) {
        let mut set = values.iter().filter(|(_, set)| *set).map(|(name, _)| *name);
        if let (Some(first), Some(_)) = (set.next(), set.next()) {
            let all: Vec<String> = values.iter().map(|(name, _)| format!("`{name}`")).collect();
            let reason = format!(
                "{} are mutually exclusive: set at most one",
                all.join(" and ")
            );
            self.fail(first, reason);
        }
    }

    /// Serializes `body` (the parameter `name`) as the JSON body.
    pub fn json<B: Serialize + ?Sized>(&mut self, name: &'static str, body: &B) {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Payload::Json(Bytes::from(bytes)),
            Err(e) => self.fail(name, format!("cannot be serialized as JSON: {e}")),
        }
    }

    /// Adds a value as the multipart part `part` (a file or a text field; `None` leaves it out).
    pub fn part<V: PartValue + ?Sized>(&mut self, part: &'static str, value: &V) {
        let Some(content) = value.content() else {
            return;
        };
        let part = Part {
            name: part,
            content,
        };
        match &mut self.body {
            Payload::Multipart(parts) => parts.push(part),
            body => *body = Payload::Multipart(vec![part]),
        }
    }

    /// Refuses the call because of `parameter`, unless a value was refused already (the first
    /// is the one reported).
    pub(crate) fn fail(&mut self, parameter: &'static str, reason: String) {
        if self.error.is_none() {
            self.error = Some(self.context.invalid(parameter, reason));
        }
    }

    /// The finished request, or the first value refused while it was built (boxed: a refusal
    /// is rare, and the result of every call stays the size of the call).
    pub(crate) fn finish(self) -> Result<Call, Box<Refused>> {
        let Request {
            client,
            context,
            path,
            query,
            body,
            bearer,
            error,
        } = self;
        if let Some(error) = error {
            return Err(Box::new(Refused { context, error }));
        }
        let base = context.endpoint().host.base_url(client);
        match url(client, base, &path, &query) {
            Ok(url) => Ok(Call {
                context,
                client: client.clone(),
                url,
                body,
                bearer,
            }),
            Err((parameter, reason)) => {
                let error = context.invalid(parameter, reason);
                Err(Box::new(Refused { context, error }))
            }
        }
    }

    #[cfg(test)]
    fn path_and_query(&self) -> (&str, &str) {
        (&self.path, &self.query)
    }
}

/// The URL to send: the base URL with `path` and `query`; or the setting or part that cannot be
/// sent, and why.
fn url(
    client: &Client,
    base: &Url,
    path: &str,
    query: &str,
) -> Result<Url, (&'static str, String)> {
    client.settings().check()?;
    let url = join(base, path, query);
    if url.as_str().len() > MAX_URL_LEN {
        let reason = format!(
            "the URL would be {} bytes; HTTP servers refuse URLs over {MAX_URL_LEN}",
            url.as_str().len()
        );
        return Err(("url", reason));
    }
    Ok(url)
}

/// The base URL with `path` (the base's own path included) and `query` (encoded; may be empty).
fn join(base: &Url, path: &str, query: &str) -> Url {
    let mut url = base.clone();
    url.set_path(path);
    url.set_query((!query.is_empty()).then_some(query));
    url
}

/// `Some(reason)` when `value` is longer than [`MAX_VALUE_LEN`].
fn too_long(value: &str) -> Option<String> {
    (value.len() > MAX_VALUE_LEN).then(|| {
        format!(
            "is {} bytes long; values longer than {MAX_VALUE_LEN} bytes are refused",
            value.len()
        )
    })
}

/// Appends `value` with everything but the unreserved characters percent-encoded; a value that
/// needs no escaping (most ids) is copied as it is.
fn encode_into(out: &mut String, value: &str) {
    let plain = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    if plain {
        out.push_str(value);
    } else {
        out.extend(utf8_percent_encode(value, COMPONENT));
    }
}

/// A value that can be a path segment: text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a path parameter",
    label = "path parameters are text: `&str`, `String`, or anything `AsRef<str>`",
    note = "ids are sent as text, percent-encoded as one path segment; convert other values with `.to_string()`"
)]
pub trait PathValue {
    /// The text sent (encoded) as the segment.
    fn as_text(&self) -> &str;
}

impl<T: AsRef<str> + ?Sized> PathValue for T {
    fn as_text(&self) -> &str {
        self.as_ref()
    }
}

/// A value that can be a part of a multipart body: a file ([`Upload`]) or a text field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a multipart part",
    label = "parts are files (`smooch_client::Upload`) or text fields: strings, numbers, booleans, the API's enums, or an `Option` of one"
)]
pub trait PartValue {
    /// The part's content; `None` leaves the part out.
    fn content(&self) -> Option<PartContent>;
}

impl PartValue for Upload {
    fn content(&self) -> Option<PartContent> {
        Some(PartContent::File(self.clone()))
    }
}

impl<T: PartValue + ?Sized> PartValue for &T {
    fn content(&self) -> Option<PartContent> {
        (**self).content()
    }
}

impl<T: PartValue> PartValue for Option<T> {
    fn content(&self) -> Option<PartContent> {
        self.as_ref().and_then(PartValue::content)
    }
}

impl PartValue for str {
    fn content(&self) -> Option<PartContent> {
        Some(PartContent::Text(self.to_owned()))
    }
}

impl PartValue for String {
    fn content(&self) -> Option<PartContent> {
        self.as_str().content()
    }
}

macro_rules! display_part_value {
    ($($ty:ty),*) => {$(
        impl PartValue for $ty {
            fn content(&self) -> Option<PartContent> {
                Some(PartContent::Text(self.to_string()))
            }
        }
    )*};
}
display_part_value!(bool, u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// A value that writes several query parameters: `<options..>` in a template takes one. Declare
/// one with `#[model(query)]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be spread into the query",
    label = "`<name..>` takes query options: a struct declared with `#[model(query)]`"
)]
pub trait QueryParams {
    /// Appends the parameters that are set to `request`'s query.
    fn write_query(&self, request: &mut Request<'_>);
}

impl<T: QueryParams + ?Sized> QueryParams for &T {
    fn write_query(&self, request: &mut Request<'_>) {
        (**self).write_query(request);
    }
}

/// A value that can be sent as a query parameter; `None` leaves the parameter out.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a query parameter",
    label = "query parameters are strings, numbers, booleans, the API's enums, lists of these (sent comma-joined), or an `Option` of one"
)]
pub trait QueryValue {
    /// `false` for an absent value (`None`).
    fn is_set(&self) -> bool {
        true
    }

    /// Appends the encoded value, or says why it cannot be sent.
    fn write(&self, out: &mut String) -> Result<(), String>;
}

impl<T: QueryValue + ?Sized> QueryValue for &T {
    fn is_set(&self) -> bool {
        (**self).is_set()
    }
    fn write(&self, out: &mut String) -> Result<(), String> {
        (**self).write(out)
    }
}

impl<T: QueryValue> QueryValue for Option<T> {
    fn is_set(&self) -> bool {
        self.as_ref().is_some_and(QueryValue::is_set)
    }
    fn write(&self, out: &mut String) -> Result<(), String> {
        match self {
            Some(value) => value.write(out),
            None => Ok(()),
        }
    }
}

impl QueryValue for str {
    fn write(&self, out: &mut String) -> Result<(), String> {
        if let Some(reason) = too_long(self) {
            return Err(reason);
        }
        encode_into(out, self);
        Ok(())
    }
}

impl QueryValue for String {
    fn write(&self, out: &mut String) -> Result<(), String> {
        self.as_str().write(out)
    }
}

/// A list, sent as one value with its items joined by `,` (each item encoded, so a `,` inside
/// an item stays apart); an empty list is refused: leave the parameter out with an `Option`.
impl<T: QueryValue> QueryValue for [T] {
    fn write(&self, out: &mut String) -> Result<(), String> {
        if self.is_empty() {
            return Err("must list at least one value".to_owned());
        }
        for (index, item) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            item.write(out)?;
        }
        Ok(())
    }
}

impl<T: QueryValue> QueryValue for Vec<T> {
    fn write(&self, out: &mut String) -> Result<(), String> {
        self.as_slice().write(out)
    }
}

macro_rules! display_query_value {
    ($($ty:ty),*) => {$(
        impl QueryValue for $ty {
            fn write(&self, out: &mut String) -> Result<(), String> {
                use std::fmt::Write as _;
                write!(out, "{self}").map_err(|e| e.to_string())
            }
        }
    )*};
}
display_query_value!(bool, u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

macro_rules! float_query_value {
    ($($ty:ty),*) => {$(
        /// Written in the shortest form that reads back as the same number (`1529600550.492`);
        /// NaN and infinities are refused.
        impl QueryValue for $ty {
            fn write(&self, out: &mut String) -> Result<(), String> {
                use std::fmt::Write as _;
                if !self.is_finite() {
                    return Err(format!("must be a finite number, not {self}"));
                }
                write!(out, "{self}").map_err(|e| e.to_string())
            }
        }
    )*};
}
float_query_value!(f32, f64);

/// Unix seconds, exactly as the API wrote them (`before=1529600550.492`).
impl QueryValue for crate::models::Timestamp {
    fn write(&self, out: &mut String) -> Result<(), String> {
        self.as_unix_seconds().write(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static GET: Endpoint = Endpoint {
        method: Method::GET,
        operation: Cow::Borrowed("op"),
        route: Cow::Borrowed("/u/<id>"),
        idempotent: true,
        removes: false,
        host: crate::Host::Api,
        redirect: false,
    };

    fn client() -> Client {
        Client::builder()
            .basic_auth("id", "secret")
            .base_url("http://127.0.0.1:1/base/")
            .build()
            .unwrap()
    }

    fn invalid(request: Request<'_>) -> (Cow<'static, str>, &'static str, String) {
        match request.finish().map_err(|refused| refused.error) {
            Err(Error::InvalidInput {
                operation,
                parameter,
                reason,
            }) => (operation, parameter, reason),
            other => panic!("not refused: {other:?}"),
        }
    }

    /// The finished call, which must not be refused.
    fn call(request: Request<'_>) -> Call {
        request
            .finish()
            .map_err(|refused| refused.error)
            .expect("not refused")
    }

    #[test]
    fn segments_encode_everything_but_unreserved() {
        let client = client();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.literal("/u/");
        r.segment("id", "bob+1@example.com/x y?#%~._-");
        assert_eq!(
            r.path_and_query().0,
            "/base/u/bob%2B1%40example.com%2Fx%20y%3F%23%25~._-"
        );
        r.literal("/");
        r.segment("id", "ü-ñ;日");
        r.literal("/");
        r.segment("id", "Plain-id_1.2~3");
        assert!(
            r.path_and_query()
                .0
                .ends_with("/%C3%BC-%C3%B1%3B%E6%97%A5/Plain-id_1.2~3"),
            "{}",
            r.path_and_query().0
        );
        let call = call(r);
        assert_eq!(
            call.url.as_str(),
            "http://127.0.0.1:1/base/u/bob%2B1%40example.com%2Fx%20y%3F%23%25~._-/%C3%BC-%C3%B1%3B%E6%97%A5/Plain-id_1.2~3"
        );
    }

    #[test]
    fn empty_dot_and_over_long_segments_are_refused_first_error_kept() {
        let client = client();
        let long = "x".repeat(MAX_VALUE_LEN + 1);
        for bad in ["", ".", "..", long.as_str()] {
            let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
            r.segment("user_id", bad);
            r.segment("app_id", "");
            let (operation, parameter, _) = invalid(r);
            assert_eq!((&*operation, parameter), ("op", "user_id"), "{bad:?}");
        }
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.segment("id", "...");
        r.segment("id", &"y".repeat(MAX_VALUE_LEN));
        assert!(r.finish().is_ok(), "three dots and the longest id are fine");
    }

    #[test]
    fn query_values_skip_none_and_refuse_non_finite_and_over_long() {
        let client = client();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.query("before", "before", &Some(1529600550.492f64));
        r.query("after", "after", &None::<f64>);
        r.query("q", "q", "a b&c");
        r.query("n", "n", &7u32);
        r.query("b", "b", &false);
        r.query("after", "after", &&None::<f64>);
        assert_eq!(
            r.path_and_query().1,
            "before=1529600550.492&q=a%20b%26c&n=7&b=false"
        );
        assert_eq!(
            call(r).url.query(),
            Some("before=1529600550.492&q=a%20b%26c&n=7&b=false")
        );
        let long = "é".repeat(MAX_VALUE_LEN);
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
            r.query("before", "before", &Some(bad));
            assert_eq!(r.path_and_query().1, "");
            assert_eq!(invalid(r).1, "before");
        }
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.query("ok", "ok", "x");
        r.query("q", "q", long.as_str());
        assert_eq!(
            r.path_and_query().1,
            "ok=x",
            "the refused value is not kept"
        );
        let (_, parameter, reason) = invalid(r);
        assert_eq!(parameter, "q");
        assert!(
            reason.contains("longer than 1024 bytes are refused"),
            "{reason}"
        );
    }

    #[test]
    fn lists_are_joined_by_commas_and_never_empty() {
        let client = client();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.query("ids", "integrationIds", &["a,b", "c d"][..]);
        r.query("types", "types", &Some(vec!["x".to_owned()]));
        r.query("none", "none", &None::<Vec<String>>);
        assert_eq!(r.path_and_query().1, "integrationIds=a%2Cb,c%20d&types=x");
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.query("ids", "integrationIds", &Vec::<String>::new());
        let (_, parameter, reason) = invalid(r);
        assert_eq!(
            (parameter, reason.as_str()),
            ("ids", "must list at least one value")
        );
    }

    #[test]
    fn parts_are_files_or_text_in_order() {
        let client = client();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.part("source", &Upload::new("a.png", &b"png"[..]));
        r.part("role", "appMaker");
        r.part("absent", &None::<String>);
        r.part("count", &3u8);
        r.part("label", &Some("x".to_owned()));
        r.part("name", &"y".to_owned());
        let call = call(r);
        let Payload::Multipart(parts) = &call.body else {
            panic!("{:?}", call.body)
        };
        let shown: Vec<String> = parts
            .iter()
            .map(|part| match &part.content {
                PartContent::Text(text) => format!("{}={text}", part.name),
                PartContent::File(file) => format!("{}:{}", part.name, file.file_name()),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "source:a.png",
                "role=appMaker",
                "count=3",
                "label=x",
                "name=y"
            ]
        );
    }

    #[test]
    fn exclusive_values_are_refused_together() {
        let client = client();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.exclusive(&[("before", true), ("after", false)]);
        assert!(r.error.is_none());
        r.exclusive(&[("before", true), ("after", true)]);
        assert_eq!(
            r.finish()
                .map_err(|refused| refused.error)
                .unwrap_err()
                .to_string(),
            "op: invalid `before`: `before` and `after` are mutually exclusive: set at most one"
        );
    }

    #[test]
    fn a_url_longer_than_servers_accept_is_refused() {
        let client = client();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        for _ in 0..9 {
            r.literal("/");
            r.segment("id", &"é".repeat(MAX_VALUE_LEN / 2));
        }
        let (_, parameter, reason) = invalid(r);
        assert_eq!(parameter, "url");
        assert!(reason.contains("over 8192"), "{reason}");
        // Exactly at the limit is fine.
        let base = "http://127.0.0.1:1/base/u/".len();
        let mut r = Request::new(&client, &GET, crate::__private::callsite!("op"));
        r.literal("/u/");
        let mut left = MAX_URL_LEN - base;
        while left > 0 {
            let take = left.min(MAX_VALUE_LEN);
            r.segment("id", &"x".repeat(take));
            left -= take;
        }
        assert_eq!(call(r).url.as_str().len(), MAX_URL_LEN);
    }
}
