//! The answers of the fake: JSON with the content type the real API sends, and Smooch's error
//! body in the shape of the API version asked (v1.1 `error`, v2 `errors[]`).

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

/// Which API version a request is for, and so the shape of its error answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Api {
    /// `/v1.1/...` (and v1's one route): `{"error": {"code", "description"}}`.
    V1,
    /// `/v2/...`: `{"errors": [{"code", "title"}]}`.
    V2,
}

impl Api {
    /// The version a request path is for.
    pub(crate) fn of(path: &str) -> Api {
        if path.starts_with("/v2/") {
            Api::V2
        } else {
            Api::V1
        }
    }
}

/// Smooch's v1.1 error answer: `{"error": {"code": "...", "description": "..."}}`.
pub(crate) fn error(status: StatusCode, code: &str, description: &str) -> Response {
    error_in(Api::V1, status, code, description)
}

/// Smooch's error answer in the shape of `api`: v1.1's `{"error": {"code", "description"}}` or
/// v2's `{"errors": [{"code", "title"}]}`.
pub(crate) fn error_in(api: Api, status: StatusCode, code: &str, text: &str) -> Response {
    let body = match api {
        Api::V1 => serde_json::json!({"error": {"code": code, "description": text}}),
        Api::V2 => serde_json::json!({"errors": [{"code": code, "title": text}]}),
    };
    let text = body.to_string();
    let mut response = (status, text).into_response();
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
