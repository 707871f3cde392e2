//! AppApi: the eleven operations, the `apps` stream, and account-scoped JWTs.

use std::sync::{Arc, Mutex};

use futures_util::TryStreamExt;
use httpmock::prelude::*;
use serde_json::json;
use smooch_client::models::{
    AppCreate, AppSettings, AppUpdate, ListAppsOptions, Metadata, SecretKeyCreate,
};
use smooch_client::{AppApi, Client, JwtScope};

use super::{APP, Expect, ODD_ID, ODD_ID_ENCODED, app_path, assert_redacted, client};

const APP_BODY: &str = r#"{"app":{"_id":"5963c0d619a30a2e00de36b8","appToken":"3s58wwlgx8xqbidgyyvzunoyw","name":"Support",
    "settings":{"maskCreditCardNumbers":true,"useAnimalNames":false,"echoPostback":true,
                "ignoreAutoConversationStart":false,"conversationRetentionSeconds":2592000},
    "metadata":{"tier":"gold","seats":12}}}"#;

fn metadata() -> Metadata {
    Metadata::new().with("tier", "gold")
}

#[tokio::test]
async fn create_app_posts_the_app_and_decodes_it() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, "/v1.1/apps")
        .body(json!({
            "name": "Support",
            "settings": {"maskCreditCardNumbers": true, "conversationRetentionSeconds": 2592000},
            "metadata": {"tier": "gold"}
        }))
        .answer(&server, 201, APP_BODY)
        .await;
    let body = AppCreate::new("Support")
        .with_settings(
            AppSettings::new()
                .with_mask_credit_card_numbers(true)
                .with_conversation_retention_seconds(2_592_000),
        )
        .with_metadata(metadata());

    let result = client(&server).create_app(&body).await;

    mock.assert_async().await;
    let app = result.unwrap().app;
    assert_eq!(app.id, APP);
    assert_eq!(app.app_token, "3s58wwlgx8xqbidgyyvzunoyw");
    assert_eq!(app.name, "Support");
    let settings = app.settings.unwrap();
    assert_eq!(settings.mask_credit_card_numbers, Some(true));
    assert_eq!(settings.use_animal_names, Some(false));
    assert_eq!(settings.echo_postback, Some(true));
    assert_eq!(settings.ignore_auto_conversation_start, Some(false));
    assert_eq!(settings.conversation_retention_seconds, Some(2_592_000));
    assert_eq!(app.metadata.unwrap()["seats"], 12);
}

#[tokio::test]
async fn list_apps_sends_paging_and_the_renamed_service_account_key() {
    let server = MockServer::start_async().await;
    let page = r#"{"apps":[
        {"_id":"5963c0d619a30a2e00de36b8","appToken":"3s58wwlgx8xqbidgyyvzunoyw","name":"Support"},
        {"_id":"5a4e8b1e3f0c5b0022cd7b21","appToken":"9fmw4cqg8z2rhtzq1mpqm62vj","name":"Sales"}
    ],"hasMore":true,"offset":20}"#;
    let filtered = Expect::new(GET, "/v1.1/apps")
        .query("limit=10&offset=20&serviceAccountId=key%2Fwith%20space%3F%23")
        .answer(&server, 200, page)
        .await;
    let bare = Expect::new(GET, "/v1.1/apps")
        .answer(&server, 200, r#"{"apps":[]}"#)
        .await;
    let client = client(&server);

    let result = client
        .list_apps(
            &ListAppsOptions::default()
                .with_service_account_id(ODD_ID)
                .with_limit(10)
                .with_offset(20),
        )
        .await;
    filtered.assert_async().await;
    let list = result.unwrap();
    assert_eq!(list.apps.len(), 2);
    assert_eq!(list.apps[1].name, "Sales");
    assert_eq!(list.apps[1].app_token, "9fmw4cqg8z2rhtzq1mpqm62vj");
    assert_eq!((list.has_more, list.offset), (Some(true), Some(20)));

    // Nothing given: no query at all, and a page without paging fields.
    let result = client.list_apps(&ListAppsOptions::default()).await;
    bare.assert_async().await;
    let list = result.unwrap();
    assert!(list.apps.is_empty());
    assert_eq!((list.has_more, list.offset), (None, None));
}

#[tokio::test]
async fn get_app_encodes_the_id_as_one_segment() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, format!("/v1.1/apps/{ODD_ID_ENCODED}"))
        .answer(&server, 200, APP_BODY)
        .await;
    let result = client(&server).get_app(ODD_ID).await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().app.app_token, "3s58wwlgx8xqbidgyyvzunoyw");
}

#[tokio::test]
async fn update_app_puts_only_what_changes() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(PUT, app_path(""))
        .body(json!({"name": "Support", "settings": {"echoPostback": true}}))
        .answer(&server, 200, APP_BODY)
        .await;
    let update = AppUpdate::new()
        .with_name("Support")
        .with_settings(AppSettings::new().with_echo_postback(true));
    let result = client(&server).update_app(APP, &update).await;
    mock.assert_async().await;
    assert_eq!(
        result.unwrap().app.settings.unwrap().echo_postback,
        Some(true)
    );
}

#[tokio::test]
async fn delete_app_accepts_no_body_and_an_empty_object() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    for answer in ["", "{}"] {
        let mock = Expect::new(DELETE, app_path(""))
            .answer(&server, 200, answer)
            .await;
        let result = client.delete_app(APP).await;
        mock.assert_async().await;
        result.unwrap();
        mock.delete_async().await;
    }
}

#[tokio::test]
async fn get_sdk_ids_decodes_the_three_ids() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, app_path("/sdks"))
        .answer(
            &server,
            200,
            r#"{"androidIntegrationId":"5e4af71a81966c000f7f8cd2","iosIntegrationId":"5e4af71a81966c000f7f8cd3","webIntegrationId":"5e4af71a81966c000f7f8cd4"}"#,
        )
        .await;
    let result = client(&server).get_sdk_ids(APP).await;
    mock.assert_async().await;
    let ids = result.unwrap();
    assert_eq!(
        ids.android_integration_id.as_deref(),
        Some("5e4af71a81966c000f7f8cd2")
    );
    assert_eq!(
        ids.ios_integration_id.as_deref(),
        Some("5e4af71a81966c000f7f8cd3")
    );
    assert_eq!(
        ids.web_integration_id.as_deref(),
        Some("5e4af71a81966c000f7f8cd4")
    );
}

const KEY_BODY: &str = r#"{"key":{"_id":"app_5723a347f82ba0516cb4ea34","name":"server","secret":"5XJ85yjUtRcaQu_pDINblPZb"}}"#;

#[tokio::test]
async fn create_app_key_answers_200_with_a_secret_that_debug_hides() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, app_path("/keys"))
        .body(json!({"name": "server"}))
        .answer(&server, 200, KEY_BODY)
        .await;
    let result = client(&server)
        .create_app_key(APP, &SecretKeyCreate::new("server"))
        .await;
    mock.assert_async().await;
    let response = result.unwrap();
    assert_redacted(&response, &["5XJ85yjUtRcaQu_pDINblPZb"]);
    let key = response.key;
    assert_eq!(key.id, "app_5723a347f82ba0516cb4ea34");
    assert_eq!(key.name, "server");
    assert_eq!(key.secret.unwrap().expose(), "5XJ85yjUtRcaQu_pDINblPZb");
}

#[tokio::test]
async fn list_app_keys_decodes_every_key() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, app_path("/keys"))
        .answer(
            &server,
            200,
            r#"{"keys":[
                {"_id":"app_5723a347f82ba0516cb4ea34","name":"server","secret":"5XJ85yjUtRcaQu_pDINblPZb"},
                {"_id":"app_5723a347f82ba0516cb4ea35","name":"ci","secret":"aJ2pnV8rRx0Zk3oFhDy4ws9L"}
            ]}"#,
        )
        .await;
    let result = client(&server).list_app_keys(APP).await;
    mock.assert_async().await;
    let keys = result.unwrap();
    assert_redacted(
        &keys,
        &["5XJ85yjUtRcaQu_pDINblPZb", "aJ2pnV8rRx0Zk3oFhDy4ws9L"],
    );
    let names: Vec<&str> = keys.keys.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["server", "ci"]);
    assert_eq!(
        keys.keys[1].secret.as_ref().unwrap().expose(),
        "aJ2pnV8rRx0Zk3oFhDy4ws9L"
    );
}

#[tokio::test]
async fn get_app_key_encodes_the_key_id() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, app_path(&format!("/keys/{ODD_ID_ENCODED}")))
        .answer(&server, 200, KEY_BODY)
        .await;
    let result = client(&server).get_app_key(APP, ODD_ID).await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().key.id, "app_5723a347f82ba0516cb4ea34");
}

#[tokio::test]
async fn delete_app_key_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(DELETE, app_path("/keys/app_5723a347f82ba0516cb4ea34"))
        .answer(&server, 200, "")
        .await;
    let result = client(&server)
        .delete_app_key(APP, "app_5723a347f82ba0516cb4ea34")
        .await;
    mock.assert_async().await;
    result.unwrap();
}

#[tokio::test]
async fn get_app_jwt_decodes_a_token_that_debug_hides() {
    let server = MockServer::start_async().await;
    let token = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImFwcF81NzIzIn0.eyJzY29wZSI6ImFwcCJ9.sig-of-the-app";
    let mock = Expect::new(GET, app_path("/keys/app_5723a347f82ba0516cb4ea34/jwt"))
        .answer(&server, 200, &format!(r#"{{"jwt":"{token}"}}"#))
        .await;
    let result = client(&server)
        .get_app_jwt(APP, "app_5723a347f82ba0516cb4ea34")
        .await;
    mock.assert_async().await;
    let response = result.unwrap();
    assert_redacted(&response, &[token]);
    assert_eq!(response.jwt.unwrap().expose(), token);
}

/// Three pages (2 + 2 + 1 apps): each asked once at the offset where the previous ended, every
/// app yielded once, in order; the service account filter is sent with each page.
#[tokio::test]
async fn apps_streams_every_page_once() {
    let server = MockServer::start_async().await;
    let app = |n: u32| json!({"_id": format!("app{n}"), "appToken": format!("token{n}"), "name": format!("App {n}")});
    let pages = [
        (
            "limit=100&offset=0&serviceAccountId=svc_1",
            json!({"apps": [app(1), app(2)], "hasMore": true, "offset": 0}),
        ),
        (
            "limit=100&offset=2&serviceAccountId=svc_1",
            json!({"apps": [app(3), app(4)], "hasMore": true, "offset": 2}),
        ),
        (
            "limit=100&offset=4&serviceAccountId=svc_1",
            json!({"apps": [app(5)], "hasMore": false, "offset": 4}),
        ),
    ];
    let mut mocks = Vec::new();
    for (query, body) in pages {
        mocks.push(
            Expect::new(GET, "/v1.1/apps")
                .query(query)
                .answer(&server, 200, &body.to_string())
                .await,
        );
    }

    let apps: Vec<_> = client(&server)
        .apps(Some("svc_1"))
        .try_collect()
        .await
        .unwrap();

    for mock in &mocks {
        assert_eq!(mock.calls_async().await, 1);
    }
    let ids: Vec<&str> = apps.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["app1", "app2", "app3", "app4", "app5"]);
    assert_eq!(apps[4].app_token, "token5");
}

/// A client that signs its JWTs for account scope sends `Authorization: Bearer <jwt>` whose
/// claims are `{"scope": "account"}`, signed HS256 with the key, its id as `kid`.
#[tokio::test]
async fn an_account_scoped_jwt_authorizes_account_operations() {
    let server = MockServer::start_async().await;
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let record = seen.clone();
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v1.1/apps")
                .header_matches("authorization", "^Bearer [^ ]+$")
                .json_body(json!({"name": "Support"}))
                .is_true(move |request| {
                    let headers = request.headers();
                    let value = headers.get("authorization").unwrap().to_str().unwrap();
                    record.lock().unwrap().push(value.to_owned());
                    true
                });
            then.status(201).body(APP_BODY);
        })
        .await;
    let account = Client::builder()
        .sign_jwt(ACCOUNT_KEY, ACCOUNT_SECRET, JwtScope::Account)
        .base_url(server.base_url())
        .build()
        .unwrap();

    let created = account.create_app(&AppCreate::new("Support")).await;

    mock.assert_async().await;
    assert_eq!(created.unwrap().app.id, APP);
    let header = seen.lock().unwrap().pop().unwrap();
    let token = header.strip_prefix("Bearer ").unwrap();
    let decoded = decode_account_jwt(token).expect("signed with the account key's secret");
    assert_eq!(decoded.header.kid.as_deref(), Some(ACCOUNT_KEY));
    assert_eq!(decoded.header.alg, jsonwebtoken::Algorithm::HS256);
    assert_eq!(decoded.claims, json!({"scope": "account"}));
    assert!(!header.contains(ACCOUNT_SECRET));
}

const ACCOUNT_KEY: &str = "act_5963ceb97cde542d000dbdb1";
const ACCOUNT_SECRET: &str = "account-secret-do-not-leak";

/// `token` decoded, if it is an HS256 JWT signed with the account key's secret.
fn decode_account_jwt(token: &str) -> Option<jsonwebtoken::TokenData<serde_json::Value>> {
    use jsonwebtoken::{Algorithm, DecodingKey, Validation};

    let mut validation = Validation::new(Algorithm::HS256);
    validation.required_spec_claims.clear();
    let key = DecodingKey::from_secret(ACCOUNT_SECRET.as_bytes());
    jsonwebtoken::decode(token, &key, &validation).ok()
}

#[tokio::test]
async fn every_account_scoped_group_is_called_with_the_account_jwt() {
    use smooch_client::{DeploymentApi, ServiceAccountApi};

    /// Whether `request` carries a JWT signed with the account key, of account scope.
    fn account_jwt(request: &httpmock::HttpMockRequest) -> bool {
        request
            .headers()
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .and_then(decode_account_jwt)
            .is_some_and(|decoded| {
                decoded.header.kid.as_deref() == Some(ACCOUNT_KEY)
                    && decoded.claims == json!({"scope": "account"})
            })
    }
    let server = MockServer::start_async().await;
    let mut mocks = Vec::new();
    for (path, body) in [
        ("/v1.1/apps", r#"{"apps":[],"hasMore":false,"offset":0}"#),
        (
            "/v1.1/serviceaccounts",
            r#"{"serviceAccounts":[],"hasMore":false,"offset":0}"#,
        ),
        ("/v1.1/whatsapp/deployments", r#"{"deployments":[]}"#),
    ] {
        let mock = server
            .mock_async(|when, then| {
                when.method(GET).path(path).is_true(account_jwt);
                then.status(200).body(body);
            })
            .await;
        mocks.push(mock);
    }
    let account = Client::builder()
        .sign_jwt(ACCOUNT_KEY, ACCOUNT_SECRET, JwtScope::Account)
        .base_url(server.base_url())
        .build()
        .unwrap();

    // Apps, service accounts and deployments: the three groups that need account scope.
    let apps = account
        .list_apps(&ListAppsOptions::default())
        .await
        .unwrap();
    let accounts = account.list_service_accounts(None, None).await.unwrap();
    let deployments = account.list_deployments().await.unwrap();

    for mock in &mocks {
        mock.assert_async().await;
    }
    assert!(apps.apps.is_empty() && accounts.service_accounts.is_empty());
    assert!(deployments.deployments.is_empty());
}
