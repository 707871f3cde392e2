//! Reading an answer: a success body decoded into the result type, or an error status turned
//! into [`Error::Api`].

use bytes::Bytes;
use reqwest::StatusCode;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::Error;
use crate::Result;
use crate::error::{ApiError, DecodeError, capped_text};
use crate::retry::{Attempts, Stop};

/// A success answer, read in full.
pub(crate) struct Answer {
    /// The endpoint method, e.g. `post_message`.
    pub(crate) operation: &'static str,
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    /// Attempts made, this one included.
    pub(crate) attempts: u32,
}

/// Smooch's error body: `{"error": {"code": "...", "description": "..."}}`.
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

pub(crate) fn api_error(
    operation: &'static str,
    status: StatusCode,
    body: &[u8],
    attempts: Attempts,
) -> Error {
    let error = match serde_json::from_slice::<ErrorBody>(body) {
        Ok(ErrorBody {
            error: ErrorDetail { code, description },
        }) if code.is_some() || description.is_some() => ApiError {
            operation,
            status,
            code,
            description,
            body: None,
            attempts,
        },
        _ => ApiError {
            operation,
            status,
            code: None,
            description: None,
            body: Some(capped_text(body, ApiError::BODY_LIMIT)),
            attempts,
        },
    };
    Error::Api(Box::new(error))
}

/// Decodes the body as JSON; only when that fails is it decoded again to find where.
pub(crate) fn decode_json<T: DeserializeOwned>(answer: &Answer) -> Result<T> {
    serde_json::from_slice(&answer.body).map_err(|error| decode_error::<T>(answer, error))
}

#[cold]
fn decode_error<T: DeserializeOwned>(answer: &Answer, error: serde_json::Error) -> Error {
    let body = &answer.body;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let (path, source) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(located) => (located.path().to_string(), located.into_inner()),
        // Only the end of the input was wrong (trailing characters): the first error says so.
        Ok(_) => (".".to_owned(), error),
    };
    Error::Decode(Box::new(DecodeError {
        attempts: Attempts {
            count: answer.attempts,
            stop: Stop::Answered,
        },
        operation: answer.operation,
        status: answer.status,
        path,
        snippet: capped_text(body, DecodeError::SNIPPET_LIMIT),
        source,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn once() -> Attempts {
        Attempts::once(Stop::NotRetryable)
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
        Answer {
            attempts: 1,
            operation: "op",
            status: StatusCode::OK,
            body: Bytes::copy_from_slice(body),
        }
    }

    #[test]
    fn decode_errors_name_the_json_path() {
        let body = br#"{"messages":[{"received":1},{"received":"soon"}]}"#;
        let Err(Error::Decode(e)) = decode_json::<Page>(&answer(body)) else {
            panic!()
        };
        assert_eq!(e.path, "messages[1].received");
        assert_eq!(e.snippet.as_bytes(), body);
        assert!(e.to_string().contains("at `messages[1].received`"), "{e}");
    }

    #[test]
    fn trailing_garbage_and_truncation_are_decode_errors() {
        let Err(Error::Decode(e)) = decode_json::<Page>(&answer(br#"{"messages":[]} x"#)) else {
            panic!()
        };
        assert_eq!(e.path, ".");
        let Err(Error::Decode(e)) = decode_json::<Page>(&answer(br#"{"messages":[{"rec"#)) else {
            panic!()
        };
        assert!(e.source.is_eof(), "{e}");
    }

    #[test]
    fn api_errors_keep_smooch_fields_or_the_raw_body() {
        let body =
            br#"{"error":{"code":"unauthorized","description":"Authorization is required"}}"#;
        let Error::Api(e) = api_error("op", StatusCode::UNAUTHORIZED, body, once()) else {
            panic!()
        };
        assert_eq!(e.code.as_deref(), Some("unauthorized"));
        assert_eq!(e.description.as_deref(), Some("Authorization is required"));
        assert_eq!(e.body, None);

        let html = "<html>".repeat(1000);
        let Error::Api(e) = api_error("op", StatusCode::BAD_GATEWAY, html.as_bytes(), once())
        else {
            panic!()
        };
        assert_eq!(e.code, None);
        assert_eq!(e.body.as_ref().map(String::len), Some(ApiError::BODY_LIMIT));

        let Error::Api(e) = api_error("op", StatusCode::NOT_FOUND, br#"{"error":{}}"#, once())
        else {
            panic!()
        };
        assert_eq!(e.body.as_deref(), Some(r#"{"error":{}}"#));
    }
}
