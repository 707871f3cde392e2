//! The transport: turns a built [`Request`] into an HTTP exchange and classifies the answer.
//!
//! Everything that is the same for every endpoint lives here, once; generated code only builds
//! the [`Request`] and picks [`send`] or [`send_empty`].

use std::future::Future;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderValue};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, DecodeError, capped_text};
use crate::request::Request;
use crate::{Client, Error, Result};

/// Sends `request` and decodes the success body as JSON into `T`.
///
/// The request is checked and prepared now; the returned future owns everything it needs, so it
/// is `'static` and `Send` whatever borrowed the arguments.
pub fn send<T: DeserializeOwned>(
    client: &Client,
    request: Request,
) -> impl Future<Output = Result<T>> + Send + use<T> {
    let exchange = exchange(client, request);
    async move { decode_json(&exchange?.await?) }
}

/// Sends `request`; any success answer (`{}`, an empty body, anything) is `Ok(())`.
pub fn send_empty(
    client: &Client,
    request: Request,
) -> impl Future<Output = Result<()>> + Send + use<> {
    let exchange = exchange(client, request);
    async move { exchange?.await.map(drop) }
}

/// Prepares the HTTP request (no I/O yet) and returns the exchange: the response's status and
/// full body on success, or the error the answer means.
fn exchange(
    client: &Client,
    request: Request,
) -> Result<impl Future<Output = Result<Answer>> + Send + use<>> {
    if let Some(error) = request.error {
        return Err(error);
    }
    let inner = &client.inner;
    let mut url = inner.base_url.clone();
    url.set_path(&request.path);
    if !request.query.is_empty() {
        url.set_query(Some(&request.query));
    }

    let mut http = reqwest::Request::new(request.method, url);
    *http.headers_mut() = inner.headers.clone();
    if let Some(body) = request.body {
        http.headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        *http.body_mut() = Some(body.into());
    }
    let timeout = inner.timeout;
    *http.timeout_mut() = Some(timeout);
    let operation = request.operation;

    let response = inner.http.execute(http);
    Ok(async move {
        let failed = |source: reqwest::Error| transport_error(operation, timeout, source);
        let response = response.await.map_err(failed)?;
        let status = response.status();
        let body = response.bytes().await.map_err(failed)?;
        if status.is_success() {
            Ok(Answer {
                operation,
                status,
                body,
            })
        } else {
            Err(api_error(operation, status, &body))
        }
    })
}

/// A success answer, read in full.
struct Answer {
    operation: &'static str,
    status: StatusCode,
    body: Bytes,
}

fn transport_error(operation: &'static str, timeout: Duration, source: reqwest::Error) -> Error {
    if source.is_timeout() {
        Error::Timeout {
            operation,
            timeout,
            source,
        }
    } else {
        Error::Transport { operation, source }
    }
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

fn api_error(operation: &'static str, status: StatusCode, body: &[u8]) -> Error {
    let error = match serde_json::from_slice::<ErrorBody>(body) {
        Ok(ErrorBody {
            error: ErrorDetail { code, description },
        }) if code.is_some() || description.is_some() => ApiError {
            operation,
            status,
            code,
            description,
            body: None,
        },
        _ => ApiError {
            operation,
            status,
            code: None,
            description: None,
            body: Some(capped_text(body, ApiError::BODY_LIMIT)),
        },
    };
    Error::Api(Box::new(error))
}

/// Decodes the body as JSON; only when that fails is it decoded again to find where.
fn decode_json<T: DeserializeOwned>(answer: &Answer) -> Result<T> {
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
        let Error::Api(e) = api_error("op", StatusCode::UNAUTHORIZED, body) else {
            panic!()
        };
        assert_eq!(e.code.as_deref(), Some("unauthorized"));
        assert_eq!(e.description.as_deref(), Some("Authorization is required"));
        assert_eq!(e.body, None);

        let html = "<html>".repeat(1000);
        let Error::Api(e) = api_error("op", StatusCode::BAD_GATEWAY, html.as_bytes()) else {
            panic!()
        };
        assert_eq!(e.code, None);
        assert_eq!(e.body.as_ref().map(String::len), Some(ApiError::BODY_LIMIT));

        let Error::Api(e) = api_error("op", StatusCode::NOT_FOUND, br#"{"error":{}}"#) else {
            panic!()
        };
        assert_eq!(e.body.as_deref(), Some(r#"{"error":{}}"#));
    }
}
