//! [`Request`]: what a generated endpoint method builds before anything is sent.
//!
//! Generated code calls these methods in template order; the first invalid value is kept and
//! returned when the request is sent, so a bad call fails before any I/O.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use serde::Serialize;

use crate::{Client, Error};

/// Everything but the unreserved characters `A-Z a-z 0-9 - . _ ~` is percent-encoded, as the
/// official Python SDK does (`quote(value, safe='')`).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A request being built by a generated endpoint method.
#[derive(Debug)]
pub struct Request {
    pub(crate) method: Method,
    /// The operation (method name), e.g. `post_message`.
    pub(crate) operation: &'static str,
    /// Whether sending it twice has the same effect as once (retries depend on it).
    pub(crate) idempotent: bool,
    /// The call's tracing span, named after the operation.
    pub(crate) span: tracing::Span,
    /// The base path followed by the encoded path.
    pub(crate) path: String,
    /// Encoded `name=value` pairs joined by `&`.
    pub(crate) query: String,
    pub(crate) body: Option<Vec<u8>>,
    pub(crate) error: Option<Error>,
}

impl Request {
    /// Starts a request for `client`'s base URL.
    pub fn new(
        client: &Client,
        method: Method,
        operation: &'static str,
        idempotent: bool,
        span: tracing::Span,
    ) -> Self {
        let base = &client.inner.base_path;
        let mut path = String::with_capacity(base.len() + 96);
        path.push_str(base);
        Request {
            method,
            operation,
            idempotent,
            span,
            path,
            query: String::new(),
            body: None,
            error: None,
        }
    }

    /// Appends fixed text (already valid in a path).
    pub fn literal(&mut self, text: &str) {
        self.path.push_str(text);
    }

    /// Appends `value` percent-encoded as exactly one path segment.
    ///
    /// Empty values and `.`/`..` cannot be carried by a URL path (the segment disappears or is
    /// collapsed, even when percent-encoded), so they are refused.
    pub fn segment<S: AsRef<str> + ?Sized>(&mut self, name: &'static str, value: &S) {
        let value = value.as_ref();
        let problem = match value {
            "" => Some("must not be empty"),
            "." | ".." => Some(
                "cannot be sent as a path segment: URL parsers collapse `.` and `..`, even percent-encoded",
            ),
            _ => None,
        };
        match problem {
            Some(reason) => self.fail(Error::invalid(name, reason)),
            None => self.path.extend(utf8_percent_encode(value, COMPONENT)),
        }
    }

    /// Appends `name=value` to the query, unless the value is absent (`None`).
    pub fn query<V: QueryValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        if !value.is_set() {
            return;
        }
        let at = self.query.len();
        if at > 0 {
            self.query.push('&');
        }
        self.query.extend(utf8_percent_encode(name, COMPONENT));
        self.query.push('=');
        if let Err(reason) = value.write(&mut self.query) {
            self.query.truncate(at);
            self.fail(Error::invalid(name, reason));
        }
    }

    /// Refuses the call when more than one of the named query values is set.
    pub fn exclusive(&mut self, values: &[(&'static str, bool)]) {
        let set: Vec<&str> = values
            .iter()
            .filter(|(_, set)| *set)
            .map(|(name, _)| *name)
            .collect();
        if set.len() > 1 {
            let all: Vec<String> = values.iter().map(|(name, _)| format!("`{name}`")).collect();
            self.fail(Error::invalid(
                set[0],
                format!(
                    "{} are mutually exclusive: set at most one",
                    all.join(" and ")
                ),
            ));
        }
    }

    /// Serializes `body` (the parameter `name`) as the JSON body.
    pub fn json<B: Serialize + ?Sized>(&mut self, name: &'static str, body: &B) {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(bytes),
            Err(e) => self.fail(Error::invalid(
                name,
                format!("cannot be serialized as JSON: {e}"),
            )),
        }
    }

    fn fail(&mut self, error: Error) {
        self.error.get_or_insert(error);
    }
}

/// A value that can be sent as a query parameter; `None` leaves the parameter out.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a query parameter",
    label = "query parameters are strings, numbers, booleans, or an `Option` of one"
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
        out.extend(utf8_percent_encode(self, COMPONENT));
        Ok(())
    }
}

impl QueryValue for String {
    fn write(&self, out: &mut String) -> Result<(), String> {
        self.as_str().write(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::builder()
            .basic_auth("id", "secret")
            .base_url("http://127.0.0.1:1/base/")
            .build()
            .unwrap()
    }

    fn request() -> Request {
        Request::new(&client(), Method::GET, "op", true, tracing::Span::none())
    }

    #[test]
    fn segments_encode_everything_but_unreserved() {
        let mut r = request();
        r.literal("/u/");
        r.segment("id", "bob+1@example.com/x y?#%~._-");
        assert_eq!(r.path, "/base/u/bob%2B1%40example.com%2Fx%20y%3F%23%25~._-");
        r.literal("/");
        r.segment("id", "ü-ñ;日");
        assert!(r.path.ends_with("/%C3%BC-%C3%B1%3B%E6%97%A5"), "{}", r.path);
        assert!(r.error.is_none());
    }

    #[test]
    fn empty_and_dot_segments_are_refused_first_error_kept() {
        for bad in ["", ".", ".."] {
            let mut r = request();
            r.segment("user_id", bad);
            r.segment("app_id", "");
            let Some(Error::InvalidInput { parameter, .. }) = r.error else {
                panic!("{bad:?}")
            };
            assert_eq!(parameter, "user_id");
        }
        let mut r = request();
        r.segment("id", "...");
        assert!(r.error.is_none(), "three dots are an ordinary segment");
    }

    #[test]
    fn query_values_skip_none_and_refuse_non_finite() {
        let mut r = request();
        r.query("before", &Some(1529600550.492f64));
        r.query("after", &None::<f64>);
        r.query("q", "a b&c");
        assert_eq!(r.query, "before=1529600550.492&q=a%20b%26c");
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut r = request();
            r.query("before", &Some(bad));
            assert!(matches!(
                r.error,
                Some(Error::InvalidInput {
                    parameter: "before",
                    ..
                })
            ));
            assert_eq!(r.query, "");
        }
    }

    #[test]
    fn exclusive_values_are_refused_together() {
        let mut r = request();
        r.exclusive(&[("before", true), ("after", false)]);
        assert!(r.error.is_none());
        r.exclusive(&[("before", true), ("after", true)]);
        let e = r.error.unwrap().to_string();
        assert_eq!(
            e,
            "invalid `before`: `before` and `after` are mutually exclusive: set at most one"
        );
    }
}
