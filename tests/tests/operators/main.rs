//! The operator endpoints (apps, service accounts, integrations, templates, WhatsApp
//! deployments) against a local mock server, one module per group: exact method, path (ids
//! percent-encoded), query, headers and JSON body of every operation, decoding of a response
//! written from the spec, the paged streams, account-scoped JWTs; and how the new models decode
//! what a server may send (`tolerance`).
//!
//! One binary for all of them: every file directly in `tests/tests/` links a binary of its own.

mod app;
mod deployment;
mod integration;
mod integration_kinds;
mod service_account;
mod template;
mod tolerance;

use httpmock::prelude::*;
use httpmock::{Method, Mock};
use serde_json::Value;
use smooch_tests::BASIC;

pub use smooch_tests::{APP, client};

const JSON: &str = "application/json";
const USER_AGENT: &str = concat!("smooch-client/", env!("CARGO_PKG_VERSION"));

/// An id that must be percent-encoded to stay one path segment, and how it must arrive.
pub const ODD_ID: &str = "key/with space?#";
pub const ODD_ID_ENCODED: &str = "key%2Fwith%20space%3F%23";

/// What one operation must send.
pub struct Expect {
    pub method: Method,
    /// The path exactly as it must arrive (percent-encoded).
    pub path: String,
    /// The query string exactly as it must arrive (`None`: no `?` at all).
    pub query: Option<&'static str>,
    /// The exact JSON body (`None`: no body and no `Content-Type`).
    pub body: Option<Value>,
}

impl Expect {
    pub fn new(method: Method, path: impl Into<String>) -> Self {
        Expect {
            method,
            path: path.into(),
            query: None,
            body: None,
        }
    }

    pub fn query(mut self, query: &'static str) -> Self {
        self.query = Some(query);
        self
    }

    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// A mock that answers `status` with `response` (JSON) to exactly this request, with basic
    /// auth, `Accept: application/json`, and a `Content-Type` only with a body.
    pub async fn answer<'a>(self, server: &'a MockServer, status: u16, response: &str) -> Mock<'a> {
        let Expect {
            method,
            path,
            query,
            body,
        } = self;
        server
            .mock_async(|when, then| {
                let when = when
                    .method(method)
                    .is_true(move |request| {
                        let uri = request.uri();
                        uri.path() == path && uri.query() == query
                    })
                    .header("authorization", BASIC)
                    .header("accept", JSON)
                    .header("user-agent", USER_AGENT);
                match body {
                    Some(body) => {
                        when.header("content-type", JSON).json_body(body);
                    }
                    None => {
                        when.header_missing("content-type")
                            .is_true(|request| request.body_ref().is_empty());
                    }
                }
                then.status(status)
                    .header("content-type", "application/json; charset=utf-8")
                    .body(response);
            })
            .await
    }
}

/// `/v1.1/apps/APP` followed by `rest`.
pub fn app_path(rest: &str) -> String {
    format!("/v1.1/apps/{APP}{rest}")
}

/// The `Debug` text of `value` shows none of `secrets`.
#[track_caller]
pub fn assert_redacted<T: std::fmt::Debug>(value: &T, secrets: &[&str]) {
    let shown = format!("{value:?} {value:#?}");
    for secret in secrets {
        assert!(!shown.contains(secret), "{secret} shown in {shown}");
    }
    assert!(shown.contains("<redacted>"), "{shown}");
}
