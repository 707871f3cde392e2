//! Custom integrations and their webhooks: `POST .../integrations` (type `custom` with one
//! webhook), `GET`/`DELETE .../integrations/<integration_id>`, and the Webhooks API
//! (`.../integrations/<integration_id>/webhooks[/<webhook_id>]`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::store::{Integration, id_of};
use super::{bad_request, not_found, ok, parse};
use crate::fake::hooks::{MAX_PER_APP, check_target, new_secret};
use crate::fake::reply::json;
use crate::fake::state::Shared;
use crate::v2::models::{
    CustomWebhook, Webhook, WebhookCreate, WebhookListResponse, WebhookResponse, WebhookTrigger,
    WebhookUpdate,
};

fn no_integration() -> Response {
    not_found("integration_not_found", "Integration not found")
}

fn no_webhook() -> Response {
    not_found("not_found", "Webhook not found")
}

fn check_triggers(triggers: &[WebhookTrigger]) -> Result<(), String> {
    if triggers.is_empty() {
        return Err("`triggers` must not be empty".to_owned());
    }
    match triggers.iter().find(|t| t.is_unknown()) {
        Some(unknown) => Err(format!("`{unknown}` is not a valid trigger")),
        None => Ok(()),
    }
}

/// A new webhook with an id, `version: v2` and a fresh secret, or what is wrong with it.
fn webhook(
    id: String,
    target: String,
    triggers: Vec<WebhookTrigger>,
    include_full_user: Option<bool>,
    include_full_source: Option<bool>,
) -> Result<Webhook, String> {
    check_target(&target)?;
    check_triggers(&triggers)?;
    Ok(Webhook {
        id: Some(id.into()),
        version: Some("v2".to_owned()),
        target: Some(target),
        triggers,
        secret: Some(new_secret()),
        include_full_user: Some(include_full_user.unwrap_or(false)),
        include_full_source: Some(include_full_source.unwrap_or(false)),
        ..Webhook::default()
    })
}

/// The integration as the API answers it.
fn integration_json(integration: &Integration) -> Value {
    let mut body = json!({
        "id": integration.id,
        "type": "custom",
        "status": "active",
        "webhooks": integration.webhooks,
    });
    if let (Value::Object(map), Some(name)) = (&mut body, &integration.display_name) {
        map.insert("displayName".to_owned(), Value::from(name.as_str()));
    }
    json!({"integration": body})
}

/// `POST .../integrations`: a `custom` integration with exactly one webhook (other types are
/// not served: 400); 201 with the webhook's secret.
pub(crate) async fn create_integration(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let body: Value = match parse(body) {
        Ok(body) => body,
        Err(response) => return *response,
    };
    match body.get("type").and_then(Value::as_str) {
        Some("custom") => {}
        Some(other) => {
            return bad_request(&format!(
                "The fake serves only `custom` integrations, not `{other}`"
            ));
        }
        None => return bad_request("`type` is required"),
    }
    let display_name = match body.get("displayName") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) if (1..=100).contains(&name.chars().count()) => {
            Some(name.clone())
        }
        Some(_) => return bad_request("`displayName` must have 1 to 100 characters"),
    };
    let webhooks: Vec<CustomWebhook> =
        match body.get("webhooks").cloned().map(serde_json::from_value) {
            Some(Ok(webhooks)) => webhooks,
            Some(Err(e)) => return bad_request(&format!("Invalid `webhooks`: {e}")),
            None => return bad_request("`webhooks` is required"),
        };
    let [asked] = webhooks.as_slice() else {
        return bad_request("A custom integration has exactly one webhook");
    };
    let mut store = shared.store();
    let store = &mut *store;
    let app = store.v2.app(&app_id);
    if app.webhooks().count() >= MAX_PER_APP {
        return bad_request(&format!("An app can have at most {MAX_PER_APP} webhooks"));
    }
    let triggers = asked
        .triggers
        .iter()
        .map(|t| WebhookTrigger::from(t.as_str()))
        .collect();
    let made = webhook(
        store.ids.next(),
        asked.target.clone(),
        triggers,
        asked.include_full_user,
        asked.include_full_source,
    );
    let webhook = match made {
        Ok(webhook) => webhook,
        Err(text) => return bad_request(&text),
    };
    let integration = Integration {
        id: store.ids.next(),
        display_name,
        webhooks: vec![webhook],
    };
    app.integrations.push(integration.clone());
    json(StatusCode::CREATED, &integration_json(&integration))
}

/// `GET .../integrations/<integration_id>`.
pub(crate) async fn get_integration(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id)): Path<(String, String)>,
) -> Response {
    let mut store = shared.store();
    match store.v2.app(&app_id).integration_mut(&integration_id) {
        Some(integration) => json(StatusCode::OK, &integration_json(integration)),
        None => no_integration(),
    }
}

/// `DELETE .../integrations/<integration_id>`: its webhooks go with it.
pub(crate) async fn delete_integration(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id)): Path<(String, String)>,
) -> Response {
    let mut store = shared.store();
    let app = store.v2.app(&app_id);
    let before = app.integrations.len();
    app.integrations.retain(|i| i.id != integration_id);
    if app.integrations.len() == before {
        no_integration()
    } else {
        ok()
    }
}

fn webhook_response(webhook: Webhook) -> WebhookResponse {
    WebhookResponse {
        webhook: Some(webhook),
        ..WebhookResponse::default()
    }
}

/// `POST .../webhooks`: 201 with the new webhook and its secret; at most 10 per app.
pub(crate) async fn create_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let create: WebhookCreate = match parse(body) {
        Ok(create) => create,
        Err(response) => return *response,
    };
    let mut store = shared.store();
    let store = &mut *store;
    let app = store.v2.app(&app_id);
    let count = app.webhooks().count();
    let Some(integration) = app.integration_mut(&integration_id) else {
        return no_integration();
    };
    if count >= MAX_PER_APP {
        return bad_request(&format!("An app can have at most {MAX_PER_APP} webhooks"));
    }
    let made = webhook(
        store.ids.next(),
        create.target,
        create.triggers,
        create.include_full_user,
        create.include_full_source,
    );
    match made {
        Ok(webhook) => {
            integration.webhooks.push(webhook.clone());
            json(StatusCode::CREATED, &webhook_response(webhook))
        }
        Err(text) => bad_request(&text),
    }
}

/// `GET .../webhooks`: the integration's webhooks, secrets included.
pub(crate) async fn list_webhooks(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id)): Path<(String, String)>,
) -> Response {
    let mut store = shared.store();
    match store.v2.app(&app_id).integration_mut(&integration_id) {
        Some(integration) => json(
            StatusCode::OK,
            &WebhookListResponse {
                webhooks: integration.webhooks.clone(),
                ..WebhookListResponse::default()
            },
        ),
        None => no_integration(),
    }
}

/// The integration's webhook, or the 404 to answer.
fn find<'a>(
    integration: Option<&'a mut Integration>,
    webhook_id: &str,
) -> Result<&'a mut Webhook, Box<Response>> {
    integration
        .ok_or_else(|| Box::new(no_integration()))?
        .webhooks
        .iter_mut()
        .find(|w| id_of(&w.id) == webhook_id)
        .ok_or_else(|| Box::new(no_webhook()))
}

/// `GET .../webhooks/<webhook_id>`.
pub(crate) async fn get_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id, webhook_id)): Path<(String, String, String)>,
) -> Response {
    let mut store = shared.store();
    match find(
        store.v2.app(&app_id).integration_mut(&integration_id),
        &webhook_id,
    ) {
        Ok(webhook) => json(StatusCode::OK, &webhook_response(webhook.clone())),
        Err(response) => *response,
    }
}

/// `PATCH .../webhooks/<webhook_id>`: sets what the body carries; the secret stays.
pub(crate) async fn update_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id, webhook_id)): Path<(String, String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let update: WebhookUpdate = match parse(body) {
        Ok(update) => update,
        Err(response) => return *response,
    };
    let checks = [
        update.target.as_deref().map_or(Ok(()), check_target),
        update.triggers.as_deref().map_or(Ok(()), check_triggers),
    ];
    if let Some(Err(text)) = checks.into_iter().find(Result::is_err) {
        return bad_request(&text);
    }
    let mut store = shared.store();
    let webhook = match find(
        store.v2.app(&app_id).integration_mut(&integration_id),
        &webhook_id,
    ) {
        Ok(webhook) => webhook,
        Err(response) => return *response,
    };
    if let Some(target) = update.target {
        webhook.target = Some(target);
    }
    if let Some(triggers) = update.triggers {
        webhook.triggers = triggers;
    }
    if let Some(full) = update.include_full_user {
        webhook.include_full_user = Some(full);
    }
    if let Some(full) = update.include_full_source {
        webhook.include_full_source = Some(full);
    }
    json(StatusCode::OK, &webhook_response(webhook.clone()))
}

/// `DELETE .../webhooks/<webhook_id>`.
pub(crate) async fn delete_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, integration_id, webhook_id)): Path<(String, String, String)>,
) -> Response {
    let mut store = shared.store();
    let Some(integration) = store.v2.app(&app_id).integration_mut(&integration_id) else {
        return no_integration();
    };
    let before = integration.webhooks.len();
    integration.webhooks.retain(|w| id_of(&w.id) != webhook_id);
    if integration.webhooks.len() == before {
        no_webhook()
    } else {
        ok()
    }
}
