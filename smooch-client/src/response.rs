//! Reading an answer: a success body decoded into the result type, or what an error answer
//! says.

use std::borrow::Cow;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::Error;
use crate::Result;
use crate::context::Context;
use crate::error::{ApiError, ApiErrorEntry, DecodeError, capped_text};

/// A success answer, read in full.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// Attempts made, this one included.
    pub(crate) attempts: u32,
}

/// What an error answer's body says: v1.1's `{"error": {"code", "description"}}`, v2's
/// `{"errors": [{"code", "title"}, ..]}` (the first entry gives the code and description), or
/// (an HTML page from a proxy, say) the start of the raw body.
pub(crate) struct SmoochError {
    pub(crate) code: Option<String>,
    pub(crate) description: Option<String>,
    /// Every entry of a v2 error answer that says something.
    pub(crate) errors: Vec<ApiErrorEntry>,
    /// At most [`ApiError::BODY_LIMIT`] bytes of a body that is not Smooch's error JSON.
    pub(crate) body: Option<String>,
}

impl SmoochError {
    pub(crate) fn read(body: &[u8]) -> Self {
        let parsed = serde_json::from_slice::<ErrorBody>(body).ok();
        let errors: Vec<ApiErrorEntry> = parsed
            .as_ref()
            .and_then(|b| b.errors.as_ref())
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e.code.is_some() || e.title.is_some())
                    .map(|e| {
                        let mut entry = ApiErrorEntry::default();
                        entry.code.clone_from(&e.code);
                        entry.title.clone_from(&e.title);
                        entry
                    })
                    .collect()
            })
            .unwrap_or_default();
        let v1 = parsed
            .and_then(|b| b.error)
            .filter(|e| e.code.is_some() || e.description.is_some());
        let (code, description, body) = match (v1, errors.first()) {
            (Some(ErrorDetail { code, description }), _) => (code, description, None),
            (None, Some(first)) => (first.code.clone(), first.title.clone(), None),
            (None, None) => (None, None, Some(capped_text(body, ApiError::BODY_LIMIT))),
        };
        SmoochError {
            code,
            description,
            errors,
            body,
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    error: Option<ErrorDetail>,
    #[serde(default)]
    errors: Option<Vec<ErrorEntry>>,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

#[derive(Deserialize)]
struct ErrorEntry {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Decodes the body as JSON; when that fails, where is found from the text (`codec::json_path`).
///
/// An empty success body (some operations answer 200 without one, and 202 with one) decodes as
/// JSON `null`: an `Option<T>` result is then `None`, any other a decode error.
pub(crate) fn decode_json<T: DeserializeOwned>(context: &Context, answer: Answer) -> Result<T> {
    match parse(&answer.body) {
        Ok(value) => Ok(value),
        Err(error) => Err(decode_error(context, answer, error)),
    }
}

/// Parses a success body (empty means `null`). The body is checked to be UTF-8 once, as a whole,
/// so the parser reads its strings without checking each again (about 15 % of a page's cost).
/// A body that is not UTF-8 is read with each invalid sequence replaced by U+FFFD, through the
/// same parser: a response type's decoders are compiled for that one parser only.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> serde_json::Result<T> {
    serde_json::from_str(&text_of(body))
}

/// The JSON text of a body: the body, `null` when it is empty (or only whitespace), and with
/// U+FFFD for each sequence that is not UTF-8.
fn text_of(body: &[u8]) -> Cow<'_, str> {
    let json = json_of(body);
    match std::str::from_utf8(json) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(json),
    }
}

/// The body, or `null` when it is empty (or only whitespace).
fn json_of(body: &[u8]) -> &[u8] {
    if is_blank(body) { b"null" } else { body }
}

/// Whether a body is empty or only whitespace.
fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// An empty body where the result type needs JSON says so (the `null` it was read as is no
/// part of what came), with an empty snippet; any other says where it went wrong.
#[cold]
fn decode_error(context: &Context, answer: Answer, error: serde_json::Error) -> Error {
    let body = &answer.body;
    let (path, source, snippet) = if is_blank(body) {
        let empty = <serde_json::Error as serde::de::Error>::custom("the body is empty");
        (".".to_owned(), empty, String::new())
    } else {
        let path = crate::codec::json_path::of(&text_of(body), &error);
        (path, error, capped_text(body, DecodeError::SNIPPET_LIMIT))
    };
    context.decode(answer, path, snippet, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Endpoint, Spec};
    use crate::retry::{Attempts, Stop};
    use reqwest::Method;
    use std::borrow::Cow;

    static GET: Endpoint = Endpoint {
        method: Method::GET,
        operation: Cow::Borrowed("op"),
        route: Cow::Borrowed("/r"),
        idempotent: true,
        removes: false,
        host: crate::Host::Api,
        redirect: false,
    };

    fn context() -> Context {
        Context::new(Spec::Declared(&GET), tracing::Span::none())
    }

    fn once() -> Attempts {
        Attempts::once(Stop::NotRetryable)
    }

    fn api_error(
        status: StatusCode,
        headers: HeaderMap,
        body: &[u8],
        retry_after: Option<std::time::Duration>,
        attempts: Attempts,
    ) -> Error {
        context().api(status, headers, body, retry_after, attempts)
    }

    fn decode_json<T: DeserializeOwned>(answer: Answer) -> Result<T> {
        super::decode_json(&context(), answer)
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Page {
        messages: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Item {
        received: f64,
    }

    fn answer(body: &[u8]) -> Answer {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "req-1".parse().unwrap());
        Answer {
            attempts: 1,
            status: StatusCode::OK,
            headers,
            body: Bytes::copy_from_slice(body),
        }
    }

    #[test]
    fn decode_errors_name_the_json_path_and_keep_the_headers() {
        let body = br#"{"messages":[{"received":1},{"received":"soon"}]}"#;
        let Err(error) = decode_json::<Page>(answer(body)) else {
            panic!()
        };
        assert_eq!(error.request_id(), Some("req-1"));
        assert!(error.may_have_been_delivered());
        let Error::Decode(e) = error else { panic!() };
        assert_eq!(e.path, "messages[1].received");
        assert_eq!(e.snippet.as_bytes(), body);
        assert!(e.to_string().starts_with("op /r: could not decode"), "{e}");
        assert!(e.to_string().contains("at `messages[1].received`"), "{e}");
    }

    #[test]
    fn a_body_that_is_not_utf8_is_read_with_replacement_characters() {
        #[derive(Debug, Deserialize)]
        struct Named {
            name: String,
        }
        let named = decode_json::<Named>(answer(b"{\"name\":\"a\xffb\"}")).unwrap();
        assert_eq!(named.name, "a\u{fffd}b");

        let body = b"{\"messages\":[{\"received\":\"\xff\xfe\"}]}";
        let Err(Error::Decode(e)) = decode_json::<Page>(answer(body)) else {
            panic!()
        };
        assert_eq!(e.path, "messages[0].received");
        assert_eq!(e.snippet, String::from_utf8_lossy(body));
    }

    #[test]
    fn trailing_garbage_and_truncation_are_decode_errors() {
        let Err(Error::Decode(e)) = decode_json::<Page>(answer(br#"{"messages":[]} x"#)) else {
            panic!()
        };
        assert_eq!(e.path, ".");
        let Err(Error::Decode(e)) = decode_json::<Page>(answer(br#"{"messages":[{"rec"#)) else {
            panic!()
        };
        assert!(e.source.is_eof(), "{e}");
    }

    #[test]
    fn an_empty_body_is_null() {
        assert_eq!(
            decode_json::<Option<Page>>(answer(b""))
                .unwrap()
                .map(|p| p.messages.len()),
            None
        );
        assert_eq!(
            decode_json::<Option<Page>>(answer(b" \r\n"))
                .unwrap()
                .map(|p| p.messages.len()),
            None
        );
        let page = decode_json::<Option<Page>>(answer(br#"{"messages":[]}"#)).unwrap();
        assert_eq!(page.map(|p| p.messages.len()), Some(0));
        for empty in [&b""[..], b" \r\n"] {
            let Err(Error::Decode(e)) = decode_json::<Page>(answer(empty)) else {
                panic!()
            };
            assert_eq!((e.path.as_str(), e.snippet.as_str()), (".", ""));
            assert!(e.body_is_empty());
            // What came is said, not the `null` it was read as.
            assert_eq!(
                e.to_string(),
                "op /r: the HTTP 200 OK response has an empty body, where JSON was expected"
            );
            assert_eq!(e.source.to_string(), "the body is empty");
        }
        let Err(Error::Decode(e)) = decode_json::<Page>(answer(b"null")) else {
            panic!()
        };
        assert!(
            !e.body_is_empty(),
            "a `null` that came is not an empty body"
        );
        assert!(e.to_string().contains("invalid type: null"), "{e}");
    }

    #[test]
    fn api_errors_keep_smooch_fields_or_the_raw_body() {
        let body =
            br#"{"error":{"code":"unauthorized","description":"Authorization is required"}}"#;
        let Error::Api(e) = api_error(
            StatusCode::UNAUTHORIZED,
            HeaderMap::new(),
            body,
            None,
            once(),
        ) else {
            panic!()
        };
        assert_eq!(e.code.as_deref(), Some("unauthorized"));
        assert_eq!(e.description.as_deref(), Some("Authorization is required"));
        assert_eq!(e.body, None);

        let html = "<html>".repeat(1000);
        let Error::Api(e) = api_error(
            StatusCode::BAD_GATEWAY,
            HeaderMap::new(),
            html.as_bytes(),
            None,
            once(),
        ) else {
            panic!()
        };
        assert_eq!(e.code, None);
        assert_eq!(e.body.as_ref().map(String::len), Some(ApiError::BODY_LIMIT));

        let Error::Api(e) = api_error(
            StatusCode::NOT_FOUND,
            HeaderMap::new(),
            br#"{"error":{}}"#,
            None,
            once(),
        ) else {
            panic!()
        };
        assert_eq!(e.body.as_deref(), Some(r#"{"error":{}}"#));
    }

    #[test]
    fn v2_errors_keep_every_entry_and_the_first_is_the_code() {
        let body = br#"{"errors":[{"code":"bad_request","title":"Invalid page size"},{"code":"bad_request","title":"Unknown filter"},{}]}"#;
        let Error::Api(e) = api_error(
            StatusCode::BAD_REQUEST,
            HeaderMap::new(),
            body,
            None,
            once(),
        ) else {
            panic!()
        };
        assert_eq!(e.code.as_deref(), Some("bad_request"));
        assert_eq!(e.description.as_deref(), Some("Invalid page size"));
        let titles: Vec<_> = e.errors.iter().map(|e| e.title.as_deref()).collect();
        assert_eq!(titles, [Some("Invalid page size"), Some("Unknown filter")]);
        assert_eq!(e.body, None);
        assert!(
            e.to_string().contains("bad_request: Invalid page size"),
            "{e}"
        );

        let Error::Api(e) = api_error(
            StatusCode::LOCKED,
            HeaderMap::new(),
            br#"{"errors":[]}"#,
            None,
            once(),
        ) else {
            panic!()
        };
        assert_eq!(
            (e.code, e.body.as_deref()),
            (None, Some(r#"{"errors":[]}"#))
        );
    }
}
