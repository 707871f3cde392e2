//! The Webhook API endpoints against a local mock server: exact method, path, headers and JSON
//! body, and decoding of the answers.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::WebhookApi;
use smooch_client::models::{WebhookCreate, WebhookTrigger, WebhookUpdate};
use smooch_tests::{APP, BASIC, client};

const JSON: &str = "application/json";
const HOOK: &str = "5e0d8c1b7a6f4e3d2c1b0a99";
const HOOK_SECRET: &str = "c0ffee0123456789abcdef0123456789abcdef01";

fn webhooks_path(rest: &str) -> String {
    format!("/v1.1/apps/{APP}/webhooks{rest}")
}

/// A webhook as Smooch answers it, with values of its own.
fn webhook_json() -> serde_json::Value {
    json!({
        "_id": HOOK,
        "target": "https://bots.example.org/smooch/events",
        "triggers": ["message:appUser", "postback", "message:delivery:failure"],
        "secret": HOOK_SECRET,
        "version": "v1.1",
        "includeClient": true,
        "includeFullAppUser": false
    })
}

#[tokio::test]
async fn create_webhook_posts_the_definition_and_decodes_the_secret() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(webhooks_path(""))
                .header("authorization", BASIC)
                .header("accept", JSON)
                .header("content-type", JSON)
                .json_body(json!({
                    "target": "https://bots.example.org/smooch/events",
                    "triggers": ["message:appUser", "postback", "message:delivery:failure"],
                    "includeClient": true
                }));
            then.status(201)
                .json_body(json!({"webhook": webhook_json()}));
        })
        .await;

    let create = WebhookCreate::new("https://bots.example.org/smooch/events")
        .with_triggers([
            WebhookTrigger::MessageAppUser,
            WebhookTrigger::Postback,
            WebhookTrigger::MessageDeliveryFailure,
        ])
        .with_include_client(true);
    let webhook = client(&server)
        .create_webhook(APP, &create)
        .await
        .unwrap()
        .webhook;

    mock.assert_async().await;
    assert_eq!(webhook.id, HOOK);
    assert_eq!(webhook.target, "https://bots.example.org/smooch/events");
    assert_eq!(
        webhook.triggers,
        [
            WebhookTrigger::MessageAppUser,
            WebhookTrigger::Postback,
            WebhookTrigger::MessageDeliveryFailure
        ]
    );
    assert_eq!(webhook.secret.expose(), HOOK_SECRET);
    assert_eq!(webhook.version.as_deref(), Some("v1.1"));
    assert_eq!(webhook.include_client, Some(true));
    assert_eq!(webhook.include_full_app_user, Some(false));
    let debug = format!("{webhook:?}");
    assert!(!debug.contains(HOOK_SECRET), "{debug}");
    assert_eq!(
        serde_json::to_value(&webhook).unwrap(),
        webhook_json(),
        "re-encoded as received, secret included"
    );
}

#[tokio::test]
async fn list_webhooks_gets_every_webhook_of_the_app() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(webhooks_path(""))
                .header("authorization", BASIC)
                .header_missing("content-type")
                .is_true(|request| request.body_ref().is_empty());
            then.status(200).json_body(json!({"webhooks": [
                webhook_json(),
                {"_id": "5e0d8c1b7a6f4e3d2c1b0a98", "target": "https://old.example.org/hook",
                 "triggers": ["message", "*", "future:trigger"], "secret": "abc"}
            ]}));
        })
        .await;

    let list = client(&server).list_webhooks(APP).await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.webhooks.len(), 2);
    let old = &list.webhooks[1];
    assert_eq!(
        old.triggers,
        [
            WebhookTrigger::Message,
            WebhookTrigger::All,
            WebhookTrigger::Unknown("future:trigger".into())
        ]
    );
    assert_eq!(old.version, None);
    assert_eq!(old.include_client, None);
}

#[tokio::test]
async fn get_webhook_gets_one_by_id() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(webhooks_path(&format!("/{HOOK}")))
                .header("authorization", BASIC)
                .header_missing("content-type");
            then.status(200)
                .json_body(json!({"webhook": webhook_json()}));
        })
        .await;
    let webhook = client(&server)
        .get_webhook(APP, HOOK)
        .await
        .unwrap()
        .webhook;
    mock.assert_async().await;
    assert_eq!(webhook.secret.expose(), HOOK_SECRET);
}

#[tokio::test]
async fn update_webhook_puts_only_what_changes() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path(webhooks_path(&format!("/{HOOK}")))
                .header("authorization", BASIC)
                .header("content-type", JSON)
                .json_body(json!({"triggers": ["typing:appUser"], "includeFullAppUser": true}));
            then.status(200).json_body(json!({"webhook": {
                "_id": HOOK, "target": "https://bots.example.org/smooch/events",
                "triggers": ["typing:appUser"], "secret": HOOK_SECRET, "includeFullAppUser": true
            }}));
        })
        .await;
    let update = WebhookUpdate::new()
        .with_triggers([WebhookTrigger::TypingAppUser])
        .with_include_full_app_user(true);
    let webhook = client(&server)
        .update_webhook(APP, HOOK, &update)
        .await
        .unwrap()
        .webhook;
    mock.assert_async().await;
    assert_eq!(webhook.triggers, [WebhookTrigger::TypingAppUser]);
    assert_eq!(webhook.include_full_app_user, Some(true));
}

#[tokio::test]
async fn delete_webhook_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(webhooks_path("/id%2Fwith%20slash"))
                .header("authorization", BASIC)
                .header_missing("content-type")
                .body("");
            then.status(200).body("{}");
        })
        .await;
    client(&server)
        .delete_webhook(APP, "id/with slash")
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn a_missing_webhook_is_not_found() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method(GET).path(webhooks_path("/nope"));
            then.status(404).json_body(
                json!({"error": {"code": "webhook_not_found", "description": "Webhook not found"}}),
            );
        })
        .await;
    let error = client(&server).get_webhook(APP, "nope").await.unwrap_err();
    assert!(error.is_not_found(), "{error}");
}
