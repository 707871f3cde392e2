//! Switchboards: the four operations on the wire (create sends no body), and how a switchboard
//! is read.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::models::{
    Switchboard, SwitchboardListResponse, SwitchboardResponse, SwitchboardUpdate,
};
use smooch_client::v2::{SwitchboardsApi, V2};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, assert_api_error, expect_call, expect_error, sent_exactly, v2};

const ONE: &str = "/v2/apps/<app_id>/switchboards/<switchboard_id>";

pub const ROWS: &[Row] = &[
    row(
        "Switchboards",
        "CreateSwitchboard",
        "POST",
        "/v2/apps/<app_id>/switchboards",
        201,
    ),
    row(
        "Switchboards",
        "ListSwitchboards",
        "GET",
        "/v2/apps/<app_id>/switchboards",
        200,
    ),
    row("Switchboards", "UpdateSwitchboard", "PATCH", ONE, 200),
    row("Switchboards", "DeleteSwitchboard", "DELETE", ONE, 200),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateSwitchboard" => boxed(v2.create_switchboard(ID)),
        "ListSwitchboards" => boxed(v2.list_switchboards(ID)),
        "UpdateSwitchboard" => boxed(v2.update_switchboard(ID, ID, &SwitchboardUpdate::default())),
        "DeleteSwitchboard" => boxed(v2.delete_switchboard(ID, ID)),
        _ => None,
    }
}

const SWITCHBOARD: &str = "5ef21b86e933b7355c11c603";
const DEFAULT: &str = "5ef21b86e933b7355c11c604";

fn switchboards_path() -> String {
    format!("/v2/apps/{APP}/switchboards")
}

fn switchboard_json(enabled: bool) -> serde_json::Value {
    json!({"id": SWITCHBOARD, "enabled": enabled, "defaultSwitchboardIntegrationId": DEFAULT})
}

#[tokio::test]
async fn create_switchboard_sends_no_body() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .is_true(sent_exactly(switchboards_path()))
                .header("authorization", BASIC)
                .header("content-length", "0")
                .header_missing("content-type")
                .body("");
            then.status(201)
                .json_body(json!({"switchboard": {"id": SWITCHBOARD, "enabled": false}}));
        })
        .await;
    let created = v2(&server).create_switchboard(APP).await.unwrap();
    mock.assert_async().await;
    let switchboard = created.switchboard.unwrap();
    assert_eq!(switchboard.id.as_deref(), Some(SWITCHBOARD));
    assert_eq!(switchboard.enabled, Some(false));
    assert_eq!(switchboard.default_switchboard_integration_id, None);
}

#[tokio::test]
async fn create_switchboard_a_second_time_is_a_400() {
    let server = MockServer::start_async().await;
    let mock = expect_error(&server, POST, switchboards_path(), 400, "bad_request").await;
    let error = v2(&server).create_switchboard(APP).await.unwrap_err();
    mock.assert_async().await;
    assert_api_error(&error, 400, "bad_request");
}

#[tokio::test]
async fn list_switchboards_reads_them() {
    let server = MockServer::start_async().await;
    let answer = json!({"switchboards": [switchboard_json(true)]});
    let mock = expect_call(&server, GET, switchboards_path(), None, 200, answer).await;
    let list = v2(&server).list_switchboards(APP).await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.switchboards.len(), 1);
    let switchboard = &list.switchboards[0];
    assert_eq!(switchboard.id.as_deref(), Some(SWITCHBOARD));
    assert_eq!(switchboard.enabled, Some(true));
    assert_eq!(
        switchboard.default_switchboard_integration_id.as_deref(),
        Some(DEFAULT)
    );
}

#[tokio::test]
async fn update_switchboard_patches_what_is_set() {
    let server = MockServer::start_async().await;
    let path = format!("{}/sb%2F1", switchboards_path());
    let body = json!({"enabled": true, "defaultSwitchboardIntegrationId": DEFAULT});
    let answer = json!({"switchboard": switchboard_json(true)});
    let mock = expect_call(&server, PATCH, path, Some(body), 200, answer).await;
    let update = SwitchboardUpdate::default()
        .with_enabled(true)
        .with_default_switchboard_integration_id(DEFAULT);
    let updated = v2(&server)
        .update_switchboard(APP, "sb/1", &update)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(updated.switchboard.unwrap().enabled, Some(true));
}

#[tokio::test]
async fn delete_switchboard_accepts_an_empty_object_and_a_404_says_not_found() {
    let server = MockServer::start_async().await;
    let path = format!("{}/{SWITCHBOARD}", switchboards_path());
    let deleted = expect_call(&server, DELETE, path, None, 200, json!({})).await;
    let gone = format!("{}/gone", switchboards_path());
    let missing = expect_error(&server, DELETE, gone, 404, "switchboard_not_found").await;
    v2(&server)
        .delete_switchboard(APP, SWITCHBOARD)
        .await
        .unwrap();
    deleted.assert_async().await;
    let error = v2(&server)
        .delete_switchboard(APP, "gone")
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found(), "{error}");
    assert_api_error(&error, 404, "switchboard_not_found");
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

#[test]
fn a_switchboard_without_its_required_fields_reads_and_keeps_unknown_keys() {
    // `id` and `enabled` are required by the schema; the answer is read without them.
    let bare: SwitchboardResponse =
        serde_json::from_str(r#"{"switchboard":{"defaultSwitchboardIntegrationId":"d1"}}"#)
            .unwrap();
    let switchboard = bare.switchboard.unwrap();
    assert_eq!(switchboard.id, None);
    assert_eq!(switchboard.enabled, None);

    let original = json!({"id": "s1", "enabled": true, "routing": {"mode": "strict"}});
    let read: Switchboard = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(read.extra["routing"]["mode"], "strict");
    assert_eq!(serde_json::to_value(&read).unwrap(), original);
}

#[test]
fn switchboards_read_nulls_as_absent_and_the_last_of_a_repeated_key() {
    let read: Switchboard = serde_json::from_str(
        r#"{"id":"s1","enabled":null,"defaultSwitchboardIntegrationId":null,"id":"s2"}"#,
    )
    .unwrap();
    assert_eq!(read.id.as_deref(), Some("s2"));
    assert_eq!(read.enabled, None);
    assert_eq!(read.default_switchboard_integration_id, None);
    let list: SwitchboardListResponse = serde_json::from_str(r#"{"switchboards":null}"#).unwrap();
    assert!(list.switchboards.is_empty());
}
