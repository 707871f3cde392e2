//! The answers of the fake: JSON with the content type the real API sends, and Smooch's error
//! body.

use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON answer, with the content type the real API sends.
pub(crate) fn json(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => {
            let mut response = (status, body).into_response();
            response.headers_mut().insert(
                CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            response
        }
        Err(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            &e.to_string(),
        ),
    }
}

/// Smooch's error answer: `{"error": {"code": "...", "description": "..."}}`.
pub(crate) fn error(status: StatusCode, code: &str, description: &str) -> Response {
    #[derive(Serialize)]
    struct Body<'a> {
        error: Detail<'a>,
    }
    #[derive(Serialize)]
    struct Detail<'a> {
        code: &'a str,
        description: &'a str,
    }
    let body = Body {
        error: Detail { code, description },
    };
    let text = serde_json::to_string(&body).unwrap_or_default();
    let mut response = (status, text).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
