//! Webhooks: the five operations on the wire (`me` as the integration), the 26 triggers, and
//! how webhooks are read (secrets never shown).

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::models::{
    Webhook, WebhookCreate, WebhookListResponse, WebhookResponse, WebhookTrigger, WebhookUpdate,
};
use smooch_client::v2::{V2, WebhooksApi};

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, assert_api_error, expect_call, expect_error, v2};

const HOOKS: &str = "/v2/apps/<app_id>/integrations/<integration_id>/webhooks";
const ONE_HOOK: &str = "/v2/apps/<app_id>/integrations/<integration_id>/webhooks/<webhook_id>";

pub const ROWS: &[Row] = &[
    row("Webhooks", "CreateWebhook", "POST", HOOKS, 201),
    row("Webhooks", "ListWebhooks", "GET", HOOKS, 200),
    row("Webhooks", "GetWebhook", "GET", ONE_HOOK, 200),
    row("Webhooks", "UpdateWebhook", "PATCH", ONE_HOOK, 200),
    row("Webhooks", "DeleteWebhook", "DELETE", ONE_HOOK, 200),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateWebhook" => boxed(v2.create_webhook(
            ID,
            ID,
            &WebhookCreate::new("https://x", [WebhookTrigger::ConversationMessage]),
        )),
        "ListWebhooks" => boxed(v2.list_webhooks(ID, ID)),
        "GetWebhook" => boxed(v2.get_webhook(ID, ID, ID)),
        "UpdateWebhook" => boxed(v2.update_webhook(ID, ID, ID, &WebhookUpdate::default())),
        "DeleteWebhook" => boxed(v2.delete_webhook(ID, ID, ID)),
        _ => None,
    }
}

const INTEGRATION: &str = "5e4af71a81966c000f7f8cd4";
const HOOK: &str = "12e86689789a887e759880a0";
const SECRET: &str = "b1cec6162f09a5343463409953bf66e7";
const TARGET: &str = "https://hooks.example.org/sunco/v2";

fn hooks_path(integration: &str) -> String {
    format!("/v2/apps/{APP}/integrations/{integration}/webhooks")
}

/// A webhook as the sheet's example answers it.
fn webhook_json() -> serde_json::Value {
    json!({
        "id": HOOK,
        "version": "v2",
        "target": TARGET,
        "triggers": ["conversation:message", "conversation:postback",
                     "conversation:message:delivery:failure", "user:merge"],
        "secret": SECRET,
        "includeFullUser": false,
        "includeFullSource": true
    })
}

fn check_webhook(webhook: &Webhook) {
    assert_eq!(webhook.id.as_deref(), Some(HOOK));
    assert_eq!(webhook.version.as_deref(), Some("v2"));
    assert_eq!(webhook.target.as_deref(), Some(TARGET));
    assert_eq!(
        webhook.triggers,
        [
            WebhookTrigger::ConversationMessage,
            WebhookTrigger::ConversationPostback,
            WebhookTrigger::ConversationMessageDeliveryFailure,
            WebhookTrigger::UserMerge,
        ]
    );
    assert_eq!(webhook.secret.as_ref().unwrap().expose(), SECRET);
    assert_eq!(webhook.include_full_user, Some(false));
    assert_eq!(webhook.include_full_source, Some(true));
}

#[tokio::test]
async fn create_webhook_posts_target_and_triggers_and_reads_the_secret() {
    let server = MockServer::start_async().await;
    let body = json!({
        "target": TARGET,
        "triggers": ["conversation:message", "conversation:postback",
                     "conversation:message:delivery:failure", "user:merge"],
        "includeFullUser": false,
        "includeFullSource": true
    });
    let answer = json!({"webhook": webhook_json()});
    let mock = expect_call(
        &server,
        POST,
        hooks_path(INTEGRATION),
        Some(body),
        201,
        answer,
    )
    .await;
    let hook = WebhookCreate::new(
        TARGET,
        [
            WebhookTrigger::ConversationMessage,
            WebhookTrigger::ConversationPostback,
        ],
    )
    .with_trigger(WebhookTrigger::ConversationMessageDeliveryFailure)
    .with_trigger("user:merge")
    .with_include_full_user(false)
    .with_include_full_source(true);
    let created = v2(&server)
        .create_webhook(APP, INTEGRATION, &hook)
        .await
        .unwrap();
    mock.assert_async().await;
    check_webhook(&created.webhook.unwrap());
}

#[tokio::test]
async fn list_webhooks_takes_me_as_the_integration_and_an_account_key_gets_a_403() {
    let server = MockServer::start_async().await;
    let answer = json!({"webhooks": [webhook_json()]});
    let mock = expect_call(&server, GET, hooks_path("me"), None, 200, answer).await;
    let refused = expect_error(&server, GET, hooks_path(INTEGRATION), 403, "forbidden").await;
    let list = v2(&server).list_webhooks(APP, "me").await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.webhooks.len(), 1);
    check_webhook(&list.webhooks[0]);

    let error = v2(&server)
        .list_webhooks(APP, INTEGRATION)
        .await
        .unwrap_err();
    refused.assert_async().await;
    assert_api_error(&error, 403, "forbidden");
}

#[tokio::test]
async fn get_webhook_encodes_its_ids() {
    let server = MockServer::start_async().await;
    let path = format!("{}/hook%2F1%3F", hooks_path("int%20a"));
    let answer = json!({"webhook": webhook_json()});
    let mock = expect_call(&server, GET, path, None, 200, answer).await;
    let got = v2(&server)
        .get_webhook(APP, "int a", "hook/1?")
        .await
        .unwrap();
    mock.assert_async().await;
    check_webhook(&got.webhook.unwrap());
}

#[tokio::test]
async fn update_webhook_patches_only_what_is_set() {
    let server = MockServer::start_async().await;
    let path = format!("{}/{HOOK}", hooks_path(INTEGRATION));
    let body = json!({"triggers": ["user:remove", "switchboard:passControl"]});
    let answer = json!({"webhook": webhook_json()});
    let mock = expect_call(&server, PATCH, path, Some(body), 200, answer).await;
    let change = WebhookUpdate::default().with_triggers([
        WebhookTrigger::UserRemove,
        WebhookTrigger::SwitchboardPassControl,
    ]);
    let updated = v2(&server)
        .update_webhook(APP, INTEGRATION, HOOK, &change)
        .await
        .unwrap();
    mock.assert_async().await;
    check_webhook(&updated.webhook.unwrap());
}

#[tokio::test]
async fn delete_webhook_accepts_an_empty_object_and_a_404_says_not_found() {
    let server = MockServer::start_async().await;
    let path = format!("{}/{HOOK}", hooks_path(INTEGRATION));
    let deleted = expect_call(&server, DELETE, path, None, 200, json!({})).await;
    let gone = format!("{}/gone", hooks_path(INTEGRATION));
    let missing = expect_error(&server, DELETE, gone, 404, "not_found").await;
    v2(&server)
        .delete_webhook(APP, INTEGRATION, HOOK)
        .await
        .unwrap();
    deleted.assert_async().await;
    let error = v2(&server)
        .delete_webhook(APP, INTEGRATION, "gone")
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found(), "{error}");
    assert_api_error(&error, 404, "not_found");
}

// ---------------------------------------------------------------------------
// Triggers and decoding
// ---------------------------------------------------------------------------

/// The 26 trigger names of the v2 webhook sheet, written out.
const TRIGGERS: [&str; 26] = [
    "client:add",
    "client:remove",
    "client:update",
    "conversation:create",
    "conversation:join",
    "conversation:leave",
    "conversation:remove",
    "conversation:message",
    "conversation:message:delivery:channel",
    "conversation:message:delivery:failure",
    "conversation:message:delivery:user",
    "conversation:postback",
    "conversation:read",
    "conversation:referral",
    "passthrough:messaging",
    "conversation:typing",
    "switchboard:acceptControl",
    "switchboard:acceptControl:failure",
    "switchboard:offerControl",
    "switchboard:offerControl:failure",
    "switchboard:passControl",
    "switchboard:passControl:failure",
    "switchboard:releaseControl",
    "user:merge",
    "user:update",
    "user:remove",
];

#[test]
fn each_of_the_26_triggers_is_known_and_written_as_received() {
    let mut seen = Vec::new();
    for name in TRIGGERS {
        let trigger: WebhookTrigger = serde_json::from_value(json!(name)).unwrap();
        assert!(!trigger.is_unknown(), "{name} is not known");
        assert_eq!(trigger.as_str(), name);
        assert_eq!(serde_json::to_value(&trigger).unwrap(), json!(name));
        assert!(!seen.contains(&trigger), "{name}: two names, one variant");
        seen.push(trigger);
    }
    // Case-sensitive, as the API is.
    assert!(WebhookTrigger::from("Conversation:Message").is_unknown());
}

#[test]
fn a_webhook_keeps_unknown_triggers_and_keys_and_never_shows_its_secret() {
    let mut original = webhook_json();
    original["triggers"] = json!(["conversation:message", "conversation:archive"]);
    original["createdBy"] = json!("oauth");
    let read: WebhookResponse =
        serde_json::from_value(json!({"webhook": original.clone()})).unwrap();
    let webhook = read.webhook.as_ref().unwrap();
    assert_eq!(
        webhook.triggers[1],
        WebhookTrigger::Unknown("conversation:archive".into())
    );
    assert_eq!(webhook.extra["createdBy"], "oauth");
    assert_eq!(
        serde_json::to_value(webhook).unwrap(),
        original,
        "written back as read"
    );
    let shown = format!("{read:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains(HOOK), "{shown}");
}

#[test]
fn a_webhook_without_its_required_fields_reads_and_nulls_are_absent() {
    // `target` and `triggers` are required by the schema; a response without them still reads.
    let bare: Webhook = serde_json::from_str(r#"{"id":"w1"}"#).unwrap();
    assert_eq!(bare.target, None);
    assert!(bare.triggers.is_empty());
    let nulls: Webhook = serde_json::from_str(
        r#"{"id":null,"target":null,"triggers":null,"secret":null,"includeFullUser":null}"#,
    )
    .unwrap();
    assert_eq!(nulls, Webhook::default());
    let list: WebhookListResponse = serde_json::from_str("{}").unwrap();
    assert!(list.webhooks.is_empty());
}

#[test]
fn a_repeated_key_keeps_its_last_value() {
    let webhook: Webhook = serde_json::from_str(
        r#"{"target":"https://a","triggers":["user:merge"],"target":"https://b","triggers":["user:remove"]}"#,
    )
    .unwrap();
    assert_eq!(webhook.target.as_deref(), Some("https://b"));
    assert_eq!(webhook.triggers, [WebhookTrigger::UserRemove]);
}

#[test]
fn the_create_body_requires_target_and_triggers_and_sends_empty_triggers() {
    for (text, missing) in [
        (r#"{"triggers":["user:merge"]}"#, "target"),
        (r#"{"target":"https://a"}"#, "triggers"),
        (r#"{"target":"https://a","triggers":null}"#, "triggers"),
    ] {
        let error = serde_json::from_str::<WebhookCreate>(text).unwrap_err();
        assert!(error.to_string().contains(missing), "{text}: {error}");
    }
    let read: WebhookCreate =
        serde_json::from_str(r#"{"target":"https://a","triggers":["user:merge","x:y"]}"#).unwrap();
    assert_eq!(
        read,
        WebhookCreate::new("https://a", [WebhookTrigger::UserMerge, "x:y".into()])
    );
    // Required, so sent even when empty (the API then says what is wrong, not this crate).
    let none = WebhookCreate::new("https://a", Vec::<WebhookTrigger>::new());
    assert_eq!(
        serde_json::to_value(&none).unwrap(),
        json!({"target": "https://a", "triggers": []})
    );
}

#[test]
fn the_update_body_sends_an_empty_trigger_list_when_asked() {
    let none = WebhookUpdate::default().with_triggers(Vec::<WebhookTrigger>::new());
    assert_eq!(
        serde_json::to_value(&none).unwrap(),
        json!({"triggers": []})
    );
    assert_eq!(
        serde_json::to_value(WebhookUpdate::default()).unwrap(),
        json!({})
    );
}
