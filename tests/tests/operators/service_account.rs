//! ServiceAccountApi: the ten operations and the `service_accounts` stream.

use futures_util::TryStreamExt;
use httpmock::prelude::*;
use serde_json::json;
use smooch_client::ServiceAccountApi;
use smooch_client::models::{SecretKeyCreate, ServiceAccountCreate, ServiceAccountUpdate};

use super::{Expect, ODD_ID, ODD_ID_ENCODED, assert_redacted, client};

const ACCOUNT: &str = "5b1f4e5c8a2d3f0022a1b2c3";
const ACCOUNT_BODY: &str =
    r#"{"serviceAccount":{"_id":"5b1f4e5c8a2d3f0022a1b2c3","name":"Deploy bot"}}"#;
const KEY_BODY: &str = r#"{"key":{"_id":"svc_5b1f4e5c8a2d3f0022a1b2d4","name":"ci","secret":"Qm9vLXN2Yy1zZWNyZXQtMTIz"}}"#;

fn path(rest: &str) -> String {
    format!("/v1.1/serviceaccounts/{ACCOUNT}{rest}")
}

#[tokio::test]
async fn create_service_account_posts_its_name() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, "/v1.1/serviceaccounts")
        .body(json!({"name": "Deploy bot"}))
        .answer(&server, 201, ACCOUNT_BODY)
        .await;
    let result = client(&server)
        .create_service_account(&ServiceAccountCreate::new("Deploy bot"))
        .await;
    mock.assert_async().await;
    let account = result.unwrap().service_account;
    assert_eq!(
        (account.id.as_str(), account.name.as_str()),
        (ACCOUNT, "Deploy bot")
    );
}

#[tokio::test]
async fn list_service_accounts_sends_paging() {
    let server = MockServer::start_async().await;
    let paged = Expect::new(GET, "/v1.1/serviceaccounts")
        .query("limit=2&offset=4")
        .answer(
            &server,
            200,
            r#"{"serviceAccounts":[{"_id":"sa1","name":"One"},{"_id":"sa2","name":"Two"}],"hasMore":false,"offset":4}"#,
        )
        .await;
    let bare = Expect::new(GET, "/v1.1/serviceaccounts")
        .answer(&server, 200, r#"{"serviceAccounts":[]}"#)
        .await;
    let client = client(&server);

    let result = client.list_service_accounts(Some(2), Some(4)).await;
    paged.assert_async().await;
    let list = result.unwrap();
    let names: Vec<&str> = list
        .service_accounts
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["One", "Two"]);
    assert_eq!((list.has_more, list.offset), (Some(false), Some(4)));

    let result = client.list_service_accounts(None, None).await;
    bare.assert_async().await;
    assert!(result.unwrap().service_accounts.is_empty());
}

#[tokio::test]
async fn get_service_account_encodes_the_id() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, format!("/v1.1/serviceaccounts/{ODD_ID_ENCODED}"))
        .answer(&server, 200, ACCOUNT_BODY)
        .await;
    let result = client(&server).get_service_account(ODD_ID).await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().service_account.name, "Deploy bot");
}

#[tokio::test]
async fn update_service_account_puts_the_new_name() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(PUT, path(""))
        .body(json!({"name": "Release bot"}))
        .answer(
            &server,
            200,
            r#"{"serviceAccount":{"_id":"5b1f4e5c8a2d3f0022a1b2c3","name":"Release bot"}}"#,
        )
        .await;
    let result = client(&server)
        .update_service_account(ACCOUNT, &ServiceAccountUpdate::new("Release bot"))
        .await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().service_account.name, "Release bot");
}

#[tokio::test]
async fn delete_service_account_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(DELETE, path(""))
        .answer(&server, 200, "{}")
        .await;
    let result = client(&server).delete_service_account(ACCOUNT).await;
    mock.assert_async().await;
    result.unwrap();
}

#[tokio::test]
async fn create_service_account_key_answers_200_with_a_hidden_secret() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, path("/keys"))
        .body(json!({"name": "ci"}))
        .answer(&server, 200, KEY_BODY)
        .await;
    let result = client(&server)
        .create_service_account_key(ACCOUNT, &SecretKeyCreate::new("ci"))
        .await;
    mock.assert_async().await;
    let response = result.unwrap();
    assert_redacted(&response, &["Qm9vLXN2Yy1zZWNyZXQtMTIz"]);
    assert_eq!(response.key.id, "svc_5b1f4e5c8a2d3f0022a1b2d4");
    assert_eq!(
        response.key.secret.unwrap().expose(),
        "Qm9vLXN2Yy1zZWNyZXQtMTIz"
    );
}

#[tokio::test]
async fn list_service_account_keys_decodes_every_key() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, path("/keys"))
        .answer(
            &server,
            200,
            r#"{"keys":[{"_id":"svc_1","name":"ci","secret":"first-secret-x1"},{"_id":"svc_2","name":"ops"}]}"#,
        )
        .await;
    let result = client(&server).list_service_account_keys(ACCOUNT).await;
    mock.assert_async().await;
    let keys = result.unwrap();
    assert_redacted(&keys, &["first-secret-x1"]);
    assert_eq!(keys.keys.len(), 2);
    assert_eq!(keys.keys[1].id, "svc_2");
    assert!(
        keys.keys[1].secret.is_none(),
        "a key listed without its secret"
    );
}

#[tokio::test]
async fn get_service_account_key_encodes_both_ids() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(
        GET,
        format!("/v1.1/serviceaccounts/{ODD_ID_ENCODED}/keys/{ODD_ID_ENCODED}"),
    )
    .answer(&server, 200, KEY_BODY)
    .await;
    let result = client(&server)
        .get_service_account_key(ODD_ID, ODD_ID)
        .await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().key.name, "ci");
}

#[tokio::test]
async fn delete_service_account_key_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(DELETE, path("/keys/svc_5b1f4e5c8a2d3f0022a1b2d4"))
        .answer(&server, 200, "")
        .await;
    let result = client(&server)
        .delete_service_account_key(ACCOUNT, "svc_5b1f4e5c8a2d3f0022a1b2d4")
        .await;
    mock.assert_async().await;
    result.unwrap();
}

#[tokio::test]
async fn get_service_account_jwt_decodes_a_hidden_token() {
    let server = MockServer::start_async().await;
    let token = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImFjY291bnQifQ.account-sig";
    let mock = Expect::new(GET, path("/keys/svc_5b1f4e5c8a2d3f0022a1b2d4/jwt"))
        .answer(&server, 200, &format!(r#"{{"jwt":"{token}"}}"#))
        .await;
    let result = client(&server)
        .get_service_account_jwt(ACCOUNT, "svc_5b1f4e5c8a2d3f0022a1b2d4")
        .await;
    mock.assert_async().await;
    let response = result.unwrap();
    assert_redacted(&response, &[token]);
    assert_eq!(response.jwt.unwrap().expose(), token);
}

/// Two pages; the first says more follow without an `offset`, the last has no `hasMore` (no
/// more).
#[tokio::test]
async fn service_accounts_streams_every_page_once() {
    let server = MockServer::start_async().await;
    let first = Expect::new(GET, "/v1.1/serviceaccounts")
        .query("limit=100&offset=0")
        .answer(
            &server,
            200,
            r#"{"serviceAccounts":[{"_id":"sa1","name":"One"},{"_id":"sa2","name":"Two"},{"_id":"sa3","name":"Three"}],"hasMore":true}"#,
        )
        .await;
    let second = Expect::new(GET, "/v1.1/serviceaccounts")
        .query("limit=100&offset=3")
        .answer(
            &server,
            200,
            r#"{"serviceAccounts":[{"_id":"sa4","name":"Four"}]}"#,
        )
        .await;

    let all: Vec<_> = client(&server)
        .service_accounts()
        .try_collect()
        .await
        .unwrap();

    assert_eq!(first.calls_async().await, 1);
    assert_eq!(second.calls_async().await, 1);
    let ids: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["sa1", "sa2", "sa3", "sa4"]);
}
