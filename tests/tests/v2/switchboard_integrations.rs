//! Switchboard Integrations: the four operations on the wire, the integration linked by id or
//! by type, nullable fields cleared with `null`, and how they are read.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::models::{
    LinkedIntegration, SwitchboardIntegration, SwitchboardIntegrationCreate,
    SwitchboardIntegrationListResponse, SwitchboardIntegrationUpdate,
};
use smooch_client::v2::{SwitchboardIntegrationsApi, V2};

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, assert_api_error, expect_call, v2};

const TAG: &str = "Switchboard Integrations";
const ALL: &str = "/v2/apps/<app_id>/switchboards/<switchboard_id>/switchboardIntegrations";
const ONE: &str = "/v2/apps/<app_id>/switchboards/<switchboard_id>/switchboardIntegrations/<switchboard_integration_id>";

pub const ROWS: &[Row] = &[
    row(TAG, "CreateSwitchboardIntegration", "POST", ALL, 201),
    row(TAG, "ListSwitchboardIntegrations", "GET", ALL, 200),
    row(TAG, "UpdateSwitchboardIntegration", "PATCH", ONE, 200),
    row(TAG, "DeleteSwitchboardIntegration", "DELETE", ONE, 200),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateSwitchboardIntegration" => boxed(v2.create_switchboard_integration(
            ID,
            ID,
            &SwitchboardIntegrationCreate::new("x", LinkedIntegration::id("y")),
        )),
        "ListSwitchboardIntegrations" => boxed(v2.list_switchboard_integrations(ID, ID)),
        "UpdateSwitchboardIntegration" => boxed(v2.update_switchboard_integration(
            ID,
            ID,
            ID,
            &SwitchboardIntegrationUpdate::default(),
        )),
        "DeleteSwitchboardIntegration" => boxed(v2.delete_switchboard_integration(ID, ID, ID)),
        _ => None,
    }
}

const SWITCHBOARD: &str = "5ef21b86e933b7355c11c603";
const BOT: &str = "5ef21b86e933b7355c11c605";
const AGENTS: &str = "5ef21b86e933b7355c11c606";
const INTEGRATION: &str = "5e4af71a81966c000f7f8cd4";

fn all_path() -> String {
    format!("/v2/apps/{APP}/switchboards/{SWITCHBOARD}/switchboardIntegrations")
}

/// A switchboard integration as the sheet describes it.
fn bot_json() -> serde_json::Value {
    json!({
        "id": BOT,
        "name": "bot",
        "integrationId": INTEGRATION,
        "integrationType": "custom",
        "deliverStandbyEvents": false,
        "nextSwitchboardIntegrationId": AGENTS,
        "messageHistoryCount": 5
    })
}

fn check_bot(bot: &SwitchboardIntegration) {
    assert_eq!(bot.id.as_deref(), Some(BOT));
    assert_eq!(bot.name.as_deref(), Some("bot"));
    assert_eq!(bot.integration_id.as_deref(), Some(INTEGRATION));
    assert_eq!(bot.integration_type.as_deref(), Some("custom"));
    assert_eq!(bot.deliver_standby_events, Some(false));
    assert_eq!(bot.next_switchboard_integration_id.as_deref(), Some(AGENTS));
    assert_eq!(bot.message_history_count, Some(5));
}

#[tokio::test]
async fn create_switchboard_integration_links_an_integration_by_id() {
    let server = MockServer::start_async().await;
    let body = json!({
        "name": "bot",
        "integrationId": INTEGRATION,
        "deliverStandbyEvents": false,
        "nextSwitchboardIntegrationId": AGENTS,
        "messageHistoryCount": 5
    });
    let answer = json!({"switchboardIntegration": bot_json()});
    let mock = expect_call(&server, POST, all_path(), Some(body), 201, answer).await;
    let body = SwitchboardIntegrationCreate::new("bot", LinkedIntegration::id(INTEGRATION))
        .with_deliver_standby_events(false)
        .with_next_switchboard_integration_id(AGENTS)
        .with_message_history_count(5);
    let created = v2(&server)
        .create_switchboard_integration(APP, SWITCHBOARD, &body)
        .await
        .unwrap();
    mock.assert_async().await;
    check_bot(&created.switchboard_integration.unwrap());
}

#[tokio::test]
async fn create_switchboard_integration_links_an_integration_by_type_and_an_eleventh_is_refused() {
    let server = MockServer::start_async().await;
    let body = json!({"name": "agents", "integrationType": "zd:agentWorkspace"});
    let too_many = json!({"errors": [{
        "code": "too_many_switchboard_integrations",
        "title": "too_many_switchboard_integrations: title"
    }]});
    let mock = expect_call(&server, POST, all_path(), Some(body), 400, too_many).await;
    let body = SwitchboardIntegrationCreate::new(
        "agents",
        LinkedIntegration::of_type("zd:agentWorkspace"),
    );
    let error = v2(&server)
        .create_switchboard_integration(APP, SWITCHBOARD, &body)
        .await
        .unwrap_err();
    mock.assert_async().await;
    assert_api_error(&error, 400, "too_many_switchboard_integrations");
}

#[tokio::test]
async fn list_switchboard_integrations_reads_them() {
    let server = MockServer::start_async().await;
    let answer = json!({"switchboardIntegrations": [
        bot_json(),
        {"id": AGENTS, "name": "agents", "integrationId": "5e4af71a81966c000f7f8cd7",
         "integrationType": "zd:agentWorkspace", "deliverStandbyEvents": true,
         "nextSwitchboardIntegrationId": null, "messageHistoryCount": null}
    ]});
    let mock = expect_call(&server, GET, all_path(), None, 200, answer).await;
    let list = v2(&server)
        .list_switchboard_integrations(APP, SWITCHBOARD)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.switchboard_integrations.len(), 2);
    check_bot(&list.switchboard_integrations[0]);
    let agents = &list.switchboard_integrations[1];
    assert_eq!(
        agents.integration_type.as_deref(),
        Some("zd:agentWorkspace")
    );
    assert_eq!(agents.next_switchboard_integration_id, None);
    assert_eq!(agents.message_history_count, None);
}

#[tokio::test]
async fn update_switchboard_integration_sends_null_to_clear_and_encodes_its_ids() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/switchboards/sb%201/switchboardIntegrations/si%2F2");
    let body = json!({
        "integrationType": "zd:agentWorkspace",
        "nextSwitchboardIntegrationId": null,
        "messageHistoryCount": null
    });
    let answer = json!({"switchboardIntegration": bot_json()});
    let mock = expect_call(&server, PATCH, path, Some(body), 200, answer).await;
    let update = SwitchboardIntegrationUpdate::default()
        .with_integration(LinkedIntegration::of_type("zd:agentWorkspace"))
        .without_next_switchboard_integration_id()
        .without_message_history_count();
    let updated = v2(&server)
        .update_switchboard_integration(APP, "sb 1", "si/2", &update)
        .await
        .unwrap();
    mock.assert_async().await;
    check_bot(&updated.switchboard_integration.unwrap());
}

#[tokio::test]
async fn delete_switchboard_integration_accepts_an_empty_object() {
    let server = MockServer::start_async().await;
    let path = format!("{}/{BOT}", all_path());
    let mock = expect_call(&server, DELETE, path, None, 200, json!({})).await;
    v2(&server)
        .delete_switchboard_integration(APP, SWITCHBOARD, BOT)
        .await
        .unwrap();
    mock.assert_async().await;
}

// ---------------------------------------------------------------------------
// Bodies and decoding
// ---------------------------------------------------------------------------

#[test]
fn the_linked_integration_is_one_key_and_an_update_can_leave_it_out() {
    let by_id = SwitchboardIntegrationCreate::new("bot", LinkedIntegration::id("i1"));
    assert_eq!(
        serde_json::to_value(&by_id).unwrap(),
        json!({"name": "bot", "integrationId": "i1"})
    );
    // Changing it replaces the other key.
    let by_type = by_id.with_integration(LinkedIntegration::of_type("custom"));
    assert_eq!(
        serde_json::to_value(&by_type).unwrap(),
        json!({"name": "bot", "integrationType": "custom"})
    );
    assert_eq!(by_type.integration.integration_id(), None);
    assert_eq!(by_type.integration.integration_type(), Some("custom"));
    assert_eq!(
        serde_json::to_value(SwitchboardIntegrationUpdate::default()).unwrap(),
        json!({})
    );
    let set = SwitchboardIntegrationUpdate::default()
        .with_next_switchboard_integration_id("n1")
        .with_message_history_count(3);
    assert_eq!(
        serde_json::to_value(&set).unwrap(),
        json!({"nextSwitchboardIntegrationId": "n1", "messageHistoryCount": 3})
    );
}

#[test]
fn the_create_body_is_read_strictly_and_keeps_both_keys_when_sent_both() {
    let error = serde_json::from_str::<SwitchboardIntegrationCreate>(r#"{"integrationId":"i1"}"#)
        .unwrap_err();
    assert!(error.to_string().contains("name"), "{error}");
    // Both keys (which the API refuses) are read as sent, so a server can say so.
    let both: SwitchboardIntegrationCreate = serde_json::from_str(
        r#"{"name":"bot","integrationId":"i1","integrationType":"custom","priority":1}"#,
    )
    .unwrap();
    assert_eq!(both.integration.integration_id(), Some("i1"));
    assert_eq!(both.integration.integration_type(), Some("custom"));
    assert_eq!(both.extra["priority"], 1);
}

#[test]
fn a_switchboard_integration_without_its_required_fields_reads() {
    // `id`, `name`, `integrationId`, `integrationType` and `deliverStandbyEvents` are
    // required by the schema.
    let bare: SwitchboardIntegration =
        serde_json::from_str(r#"{"messageHistoryCount":2}"#).unwrap();
    assert_eq!(bare.id, None);
    assert_eq!(bare.name, None);
    assert_eq!(bare.deliver_standby_events, None);
    assert_eq!(bare.message_history_count, Some(2));
}

#[test]
fn switchboard_integrations_keep_unknown_keys_and_the_last_of_a_repeated_key() {
    let mut original = bot_json();
    original["priority"] = json!({"weight": 3});
    let read: SwitchboardIntegration = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(read.extra["priority"]["weight"], 3);
    assert_eq!(serde_json::to_value(&read).unwrap(), original);

    let repeated: SwitchboardIntegration = serde_json::from_str(
        r#"{"name":"a","messageHistoryCount":1,"name":"b","messageHistoryCount":null}"#,
    )
    .unwrap();
    assert_eq!(repeated.name.as_deref(), Some("b"));
    assert_eq!(repeated.message_history_count, None);
    let list: SwitchboardIntegrationListResponse =
        serde_json::from_str(r#"{"switchboardIntegrations":[{}]}"#).unwrap();
    assert_eq!(
        list.switchboard_integrations,
        [SwitchboardIntegration::default()]
    );
}
