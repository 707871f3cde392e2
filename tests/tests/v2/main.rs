//! API v2: every operation on the wire (httpmock: method, path, query keys as sent, headers,
//! body, and an answer written from the sheet, decoded and checked), and the conformance table
//! of all 68 checked against a recording server and the README.
//!
//! One file per group of the API; each also lists its rows of the conformance table
//! ([`conformance::Row`]) and how to call each of them ([`conformance::Call`]).

mod activities;
mod app_keys;
mod apps;
mod attachments;
mod clients;
mod conformance;
mod conversations;
mod custom_integration_keys;
mod devices;
mod integrations;
mod messages;
mod oauth;
mod participants;
mod switchboard_actions;
mod switchboard_integrations;
mod switchboards;
mod users;
mod webhooks;

use httpmock::{HttpMockRequest, Method, Mock, MockServer};
use serde_json::{Value, json};
use smooch_client::Client;
use smooch_client::v2::V2;

/// The app id used in paths.
pub const APP: &str = "5963c0d619a30a2e00de36b8";

/// A v2 handle on a client with basic auth pointed at `server`.
pub fn v2(server: &MockServer) -> V2 {
    smooch_tests::client(server).v2()
}

/// A client pointed at `base_url`, for the recorder.
pub fn v2_at(base_url: &str) -> V2 {
    Client::builder()
        .basic_auth(smooch_tests::KEY_ID, smooch_tests::SECRET)
        .base_url(base_url)
        .oauth_base_url(base_url)
        .build()
        .unwrap()
        .v2()
}

/// A request matcher: the path is exactly `path` as sent (percent-encoding included; httpmock's
/// `path` compares the decoded one), and there is no query string.
pub fn sent_exactly(path: String) -> impl Fn(&HttpMockRequest) -> bool + Send + Sync + 'static {
    move |request| request.uri().path() == path && request.uri().query().is_none()
}

/// Mounts a mock of `method` on exactly `path` (as sent: see [`sent_exactly`]) with the test
/// client's basic auth, and `body` as its JSON body (`None`: no body and no content type); it
/// answers `status` with `answer`.
pub async fn expect_call<'a>(
    server: &'a MockServer,
    method: Method,
    path: String,
    body: Option<Value>,
    status: u16,
    answer: Value,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            let when = when
                .method(method)
                .is_true(sent_exactly(path))
                .header("authorization", smooch_tests::BASIC);
            match body {
                Some(body) => {
                    when.header("content-type", "application/json")
                        .json_body(body);
                }
                None => {
                    when.header_missing("content-type")
                        .is_true(|request| request.body_ref().is_empty());
                }
            }
            then.status(status).json_body(answer);
        })
        .await
}

/// Mounts a mock of `method` on exactly `path` that answers the API error `status` with
/// `code` (and the title `"<code>: title"`), whatever the body.
pub async fn expect_error<'a>(
    server: &'a MockServer,
    method: Method,
    path: String,
    status: u16,
    code: &str,
) -> Mock<'a> {
    let answer = json!({"errors": [{"code": code, "title": format!("{code}: title")}]});
    server
        .mock_async(|when, then| {
            when.method(method).is_true(sent_exactly(path));
            then.status(status).json_body(answer);
        })
        .await
}

/// Checks that `error` is the API error [`expect_error`] answers: `status`, `code`, its title.
pub fn assert_api_error(error: &smooch_client::Error, status: u16, code: &str) {
    let smooch_client::Error::Api(api) = error else {
        panic!("not an API error: {error}")
    };
    assert_eq!(api.status, status, "{error}");
    assert_eq!(api.code.as_deref(), Some(code), "{error}");
    assert_eq!(api.errors.len(), 1, "{error}");
    assert_eq!(
        api.errors[0].title.as_deref(),
        Some(format!("{code}: title").as_str())
    );
}
