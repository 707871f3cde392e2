//! App Keys: the four operations on the wire, and how keys are read (secrets never shown).

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::AppKeysApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{AppKey, AppKeyCreate, AppKeyListResponse, AppKeyResponse};

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, assert_api_error, expect_call, expect_error, v2};

pub const ROWS: &[Row] = &[
    row(
        "App Keys",
        "CreateAppKey",
        "POST",
        "/v2/apps/<app_id>/keys",
        201,
    ),
    row(
        "App Keys",
        "ListAppKeys",
        "GET",
        "/v2/apps/<app_id>/keys",
        200,
    ),
    row(
        "App Keys",
        "GetAppKey",
        "GET",
        "/v2/apps/<app_id>/keys/<key_id>",
        200,
    ),
    row(
        "App Keys",
        "DeleteAppKey",
        "DELETE",
        "/v2/apps/<app_id>/keys/<key_id>",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateAppKey" => boxed(v2.create_app_key(ID, &AppKeyCreate::new("x"))),
        "ListAppKeys" => boxed(v2.list_app_keys(ID)),
        "GetAppKey" => boxed(v2.get_app_key(ID, ID)),
        "DeleteAppKey" => boxed(v2.delete_app_key(ID, ID)),
        _ => None,
    }
}

const KEY: &str = "app_5723a347f82ba0516cb4ea34";
const SECRET: &str = "5XJ85yjUtRcaQu_pDINblPZb";

/// An app key as the sheet describes it (`appKey`).
fn key_json(id: &str, name: &str, secret: &str) -> serde_json::Value {
    json!({"id": id, "displayName": name, "secret": secret})
}

fn check_key(key: &AppKey, id: &str, name: &str, secret: &str) {
    assert_eq!(key.id.as_deref(), Some(id));
    assert_eq!(key.display_name.as_deref(), Some(name));
    assert_eq!(key.secret.as_ref().map(|s| s.expose()), Some(secret));
}

#[tokio::test]
async fn create_app_key_posts_the_name_and_reads_the_secret() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        POST,
        format!("/v2/apps/{APP}/keys"),
        Some(json!({"displayName": "Ops dashboard"})),
        201,
        json!({"key": key_json(KEY, "Ops dashboard", SECRET)}),
    )
    .await;
    let created = v2(&server)
        .create_app_key(APP, &AppKeyCreate::new("Ops dashboard"))
        .await
        .unwrap();
    mock.assert_async().await;
    check_key(&created.key.unwrap(), KEY, "Ops dashboard", SECRET);
}

#[tokio::test]
async fn list_app_keys_reads_every_key() {
    let server = MockServer::start_async().await;
    let other = "app_5723a347f82ba0516cb4ea35";
    let mock = expect_call(
        &server,
        GET,
        format!("/v2/apps/{APP}/keys"),
        None,
        200,
        json!({"keys": [key_json(KEY, "Ops dashboard", SECRET), key_json(other, "Billing", "b-secret")]}),
    )
    .await;
    let list = v2(&server).list_app_keys(APP).await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.keys.len(), 2);
    check_key(&list.keys[0], KEY, "Ops dashboard", SECRET);
    check_key(&list.keys[1], other, "Billing", "b-secret");
}

#[tokio::test]
async fn get_app_key_encodes_the_key_id_as_one_segment_and_a_404_says_not_found() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        GET,
        format!("/v2/apps/{APP}/keys/app_a%2Fb%20c"),
        None,
        200,
        json!({"key": key_json("app_a/b c", "Odd", SECRET)}),
    )
    .await;
    let missing = expect_error(
        &server,
        GET,
        format!("/v2/apps/{APP}/keys/gone"),
        404,
        "not_found",
    )
    .await;
    let got = v2(&server).get_app_key(APP, "app_a/b c").await.unwrap();
    mock.assert_async().await;
    check_key(&got.key.unwrap(), "app_a/b c", "Odd", SECRET);
    let error = v2(&server).get_app_key(APP, "gone").await.unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found(), "{error}");
    assert_api_error(&error, 404, "not_found");
}

#[tokio::test]
async fn delete_app_key_sends_no_body_and_accepts_an_empty_object() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/keys/{KEY}");
    let mock = expect_call(&server, DELETE, path, None, 200, json!({})).await;
    v2(&server).delete_app_key(APP, KEY).await.unwrap();
    mock.assert_async().await;
}

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

#[test]
fn a_key_never_shows_its_secret_and_writes_back_what_it_read() {
    let text = r#"{"key":{"id":"app_1","displayName":"Ops","secret":"s3cr3t-value","scopes":["app"]},"requestId":"r1"}"#;
    let answer: AppKeyResponse = serde_json::from_str(text).unwrap();
    let key = answer.key.as_ref().unwrap();
    assert_eq!(key.extra["scopes"], json!(["app"]), "unknown keys are kept");
    assert_eq!(answer.extra["requestId"], "r1");
    for shown in [format!("{answer:?}"), format!("{key:?}")] {
        assert!(!shown.contains("s3cr3t-value"), "{shown}");
        assert!(shown.contains("app_1"), "{shown}");
    }
    // Encoded back, the same keys and values (the secret included: it is data).
    let back: serde_json::Value = serde_json::to_value(&answer).unwrap();
    assert_eq!(
        back,
        serde_json::from_str::<serde_json::Value>(text).unwrap()
    );
}

#[test]
fn keys_read_nulls_as_absent_missing_fields_as_none_and_the_last_of_a_repeated_key() {
    let answer: AppKeyResponse = serde_json::from_str(
        r#"{"key":{"id":null,"displayName":"a","displayName":"b","secret":null}}"#,
    )
    .unwrap();
    let key = answer.key.unwrap();
    assert_eq!(key.id, None);
    assert_eq!(key.secret, None);
    assert_eq!(key.display_name.as_deref(), Some("b"));

    let empty: AppKeyResponse = serde_json::from_str("{}").unwrap();
    assert!(empty.key.is_none());
    let list: AppKeyListResponse = serde_json::from_str(r#"{"keys":null}"#).unwrap();
    assert!(list.keys.is_empty());
    let list: AppKeyListResponse = serde_json::from_str(r#"{"keys":[{}]}"#).unwrap();
    assert_eq!(list.keys.len(), 1);
    assert_eq!(list.keys[0], AppKey::default());
}

#[test]
fn the_create_body_requires_its_name() {
    let error = serde_json::from_str::<AppKeyCreate>("{}").unwrap_err();
    assert!(error.to_string().contains("displayName"), "{error}");
    let error = serde_json::from_str::<AppKeyCreate>(r#"{"displayName":null}"#).unwrap_err();
    assert!(error.to_string().contains("must not be null"), "{error}");
    let read: AppKeyCreate = serde_json::from_str(r#"{"displayName":"Ops"}"#).unwrap();
    assert_eq!(read, AppKeyCreate::new("Ops"));
}
