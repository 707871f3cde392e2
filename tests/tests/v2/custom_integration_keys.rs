//! CustomIntegrationApiKeys: the four operations on the wire, and a key used as the
//! integration's credentials.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::Client;
use smooch_client::v2::models::{IntegrationApiKeyCreate, IntegrationApiKeyListResponse};
use smooch_client::v2::{CustomIntegrationKeysApi, V2, WebhooksApi};

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, assert_api_error, expect_call, expect_error, sent_exactly, v2};

const TAG: &str = "CustomIntegrationApiKeys";
const KEYS: &str = "/v2/apps/<app_id>/integrations/<integration_id>/keys";
const ONE_KEY: &str = "/v2/apps/<app_id>/integrations/<integration_id>/keys/<key_id>";

pub const ROWS: &[Row] = &[
    row(TAG, "CreateCustomIntegrationKey", "POST", KEYS, 201),
    row(TAG, "ListCustomIntegrationKeys", "GET", KEYS, 200),
    row(TAG, "GetCustomIntegrationKey", "GET", ONE_KEY, 200),
    row(TAG, "DeleteCustomIntegrationKey", "DELETE", ONE_KEY, 200),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateCustomIntegrationKey" => {
            boxed(v2.create_custom_integration_key(ID, ID, &IntegrationApiKeyCreate::new("x")))
        }
        "ListCustomIntegrationKeys" => boxed(v2.list_custom_integration_keys(ID, ID)),
        "GetCustomIntegrationKey" => boxed(v2.get_custom_integration_key(ID, ID, ID)),
        "DeleteCustomIntegrationKey" => boxed(v2.delete_custom_integration_key(ID, ID, ID)),
        _ => None,
    }
}

const INTEGRATION: &str = "5e4af71a81966c000f7f8cd4";
const KEY: &str = "int_5e4af71a81966c000f7f8cd5";
const SECRET: &str = "vF-xoeiTvVgDZP4_rCbB4ol4";

fn keys_path() -> String {
    format!("/v2/apps/{APP}/integrations/{INTEGRATION}/keys")
}

fn key_json() -> serde_json::Value {
    json!({"id": KEY, "displayName": "Order bot", "secret": SECRET})
}

#[tokio::test]
async fn create_custom_integration_key_posts_the_name_and_reads_the_key() {
    let server = MockServer::start_async().await;
    let mock = expect_call(
        &server,
        POST,
        keys_path(),
        Some(json!({"displayName": "Order bot"})),
        201,
        json!({"key": key_json()}),
    )
    .await;
    let body = IntegrationApiKeyCreate::new("Order bot");
    let created = v2(&server)
        .create_custom_integration_key(APP, INTEGRATION, &body)
        .await
        .unwrap();
    mock.assert_async().await;
    let key = created.key.unwrap();
    assert_eq!(key.id.as_deref(), Some(KEY));
    assert_eq!(key.display_name.as_deref(), Some("Order bot"));
    assert_eq!(key.secret.unwrap().expose(), SECRET);
}

#[tokio::test]
async fn list_custom_integration_keys_reads_them_and_a_400_is_kept() {
    let server = MockServer::start_async().await;
    let answer = json!({"keys": [key_json(), {"id": "int_2"}]});
    let mock = expect_call(&server, GET, keys_path(), None, 200, answer).await;
    let web = format!("/v2/apps/{APP}/integrations/web1/keys");
    let refused = expect_error(&server, GET, web, 400, "bad_request").await;
    let list = v2(&server)
        .list_custom_integration_keys(APP, INTEGRATION)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.keys.len(), 2);
    assert_eq!(list.keys[0].secret.as_ref().unwrap().expose(), SECRET);
    assert_eq!(list.keys[1].id.as_deref(), Some("int_2"));
    assert_eq!(list.keys[1].display_name, None);

    let error = v2(&server)
        .list_custom_integration_keys(APP, "web1")
        .await
        .unwrap_err();
    refused.assert_async().await;
    assert_api_error(&error, 400, "bad_request");
}

#[tokio::test]
async fn get_custom_integration_key_encodes_each_id() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/integrations/int%201/keys/int_a%2Fb");
    let mock = expect_call(&server, GET, path, None, 200, json!({"key": key_json()})).await;
    let got = v2(&server)
        .get_custom_integration_key(APP, "int 1", "int_a/b")
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(got.key.unwrap().id.as_deref(), Some(KEY));
}

#[tokio::test]
async fn delete_custom_integration_key_accepts_an_empty_object() {
    let server = MockServer::start_async().await;
    let path = format!("{}/{KEY}", keys_path());
    let mock = expect_call(&server, DELETE, path, None, 200, json!({})).await;
    v2(&server)
        .delete_custom_integration_key(APP, INTEGRATION, KEY)
        .await
        .unwrap();
    mock.assert_async().await;
}

/// A key read from the API authenticates a client acting as the integration (basic auth with
/// the key's id and secret), as the trait's docs show.
#[tokio::test]
async fn a_custom_integration_key_authenticates_with_basic_auth() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(GET).is_true(sent_exactly(keys_path()));
            then.status(200).json_body(json!({"keys": [key_json()]}));
        })
        .await;
    // base64("int_5e4af71a81966c000f7f8cd5:vF-xoeiTvVgDZP4_rCbB4ol4"), written out.
    let expected = "Basic aW50XzVlNGFmNzFhODE5NjZjMDAwZjdmOGNkNTp2Ri14b2VpVHZWZ0RaUDRfckNiQjRvbDQ=";
    let as_integration = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations/me/webhooks"))
                .header("authorization", expected);
            then.status(200).json_body(json!({"webhooks": []}));
        })
        .await;
    let keys: IntegrationApiKeyListResponse = v2(&server)
        .list_custom_integration_keys(APP, INTEGRATION)
        .await
        .unwrap();
    let key = keys.keys.into_iter().next().unwrap();
    let bot = Client::builder()
        .basic_auth(key.id.unwrap(), key.secret.unwrap())
        .base_url(server.base_url())
        .build()
        .unwrap()
        .v2();
    bot.list_webhooks(APP, "me").await.unwrap();
    as_integration.assert_async().await;
}
