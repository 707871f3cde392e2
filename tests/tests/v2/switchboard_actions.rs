//! Switchboard Actions: the four operations on the wire (release with an empty body), and
//! their bodies.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::models::Metadata;
use smooch_client::v2::models::{AcceptControl, OfferControl, PassControl, ReleaseControl};
use smooch_client::v2::{SwitchboardActionsApi, V2};

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, assert_api_error, expect_call, expect_error, v2};

const TAG: &str = "Switchboard Actions";

pub const ROWS: &[Row] = &[
    row(
        TAG,
        "PassControl",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/passControl",
        200,
    ),
    row(
        TAG,
        "ReleaseControl",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/releaseControl",
        200,
    ),
    row(
        TAG,
        "OfferControl",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/offerControl",
        200,
    ),
    row(
        TAG,
        "AcceptControl",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/acceptControl",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "PassControl" => boxed(v2.pass_control(ID, ID, &PassControl::new("x"))),
        "ReleaseControl" => boxed(v2.release_control(ID, ID, &ReleaseControl::default())),
        "OfferControl" => boxed(v2.offer_control(ID, ID, &OfferControl::next())),
        "AcceptControl" => boxed(v2.accept_control(ID, ID, &AcceptControl::default())),
        _ => None,
    }
}

const CONVERSATION: &str = "029c31f25a21b47effd7be90";

fn action_path(action: &str) -> String {
    format!("/v2/apps/{APP}/conversations/{CONVERSATION}/{action}")
}

/// A mock of `action` that expects `body` and answers `{}`.
async fn expect_action<'a>(
    server: &'a MockServer,
    action: &str,
    body: serde_json::Value,
) -> httpmock::Mock<'a> {
    expect_call(
        server,
        POST,
        action_path(action),
        Some(body),
        200,
        json!({}),
    )
    .await
}

#[tokio::test]
async fn pass_control_names_the_target_and_forwards_metadata() {
    let server = MockServer::start_async().await;
    let body = json!({
        "switchboardIntegration": "agents",
        "metadata": {"reason": "asked for a human", "priority": 2}
    });
    let mock = expect_action(&server, "passControl", body).await;
    let metadata = Metadata::new()
        .with("reason", "asked for a human")
        .with("priority", 2);
    let body = PassControl::new("agents").with_metadata(metadata);
    v2(&server)
        .pass_control(APP, CONVERSATION, &body)
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn pass_control_on_a_missing_conversation_says_not_found() {
    let server = MockServer::start_async().await;
    let path = action_path("passControl");
    let mock = expect_error(&server, POST, path, 404, "conversation_not_found").await;
    let error = v2(&server)
        .pass_control(APP, CONVERSATION, &PassControl::next())
        .await
        .unwrap_err();
    mock.assert_async().await;
    assert!(error.is_not_found(), "{error}");
    assert_api_error(&error, 404, "conversation_not_found");
}

#[tokio::test]
async fn release_control_sends_an_empty_object_and_a_403_is_kept() {
    let server = MockServer::start_async().await;
    let mock = expect_action(&server, "releaseControl", json!({})).await;
    v2(&server)
        .release_control(APP, CONVERSATION, &ReleaseControl::default())
        .await
        .unwrap();
    mock.assert_async().await;
    mock.delete_async().await;

    // Called by an integration that is not in control.
    let path = action_path("releaseControl");
    let refused = expect_error(&server, POST, path, 403, "forbidden").await;
    let error = v2(&server)
        .release_control(APP, CONVERSATION, &ReleaseControl::default())
        .await
        .unwrap_err();
    refused.assert_async().await;
    assert_api_error(&error, 403, "forbidden");
}

#[tokio::test]
async fn offer_control_to_next() {
    let server = MockServer::start_async().await;
    let body = json!({"switchboardIntegration": "next"});
    let mock = expect_action(&server, "offerControl", body).await;
    v2(&server)
        .offer_control(APP, CONVERSATION, &OfferControl::next())
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn accept_control_forwards_metadata_and_encodes_the_conversation_id() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/conversations/c%2F1%20x/acceptControl");
    let body = json!({"metadata": {"agent": "ann"}});
    let mock = expect_call(&server, POST, path, Some(body), 200, json!({})).await;
    let body = AcceptControl::default().with_metadata(Metadata::new().with("agent", "ann"));
    v2(&server)
        .accept_control(APP, "c/1 x", &body)
        .await
        .unwrap();
    mock.assert_async().await;
}

#[test]
fn pass_and_offer_bodies_require_their_target() {
    for text in ["{}", r#"{"switchboardIntegration":null,"metadata":{}}"#] {
        let error = serde_json::from_str::<OfferControl>(text).unwrap_err();
        assert!(
            error.to_string().contains("switchboardIntegration"),
            "{text}: {error}"
        );
    }
    let read: PassControl =
        serde_json::from_str(r#"{"switchboardIntegration":"bot","metadata":{"a":1}}"#).unwrap();
    assert_eq!(read.switchboard_integration, "bot");
    assert_eq!(read.metadata.unwrap()["a"], 1);
    let release: ReleaseControl = serde_json::from_str(r#"{"metadata":null}"#).unwrap();
    assert_eq!(release, ReleaseControl::default());
}
