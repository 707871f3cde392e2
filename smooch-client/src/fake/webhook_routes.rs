//! The five Webhook API endpoints.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::reply::{error, json};
use super::routes::{bad_request, parse};
use super::state::Shared;
use crate::models::{ListWebhooksResponse, Webhook, WebhookCreate, WebhookResponse, WebhookUpdate};

fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "webhook_not_found",
        "Webhook not found",
    )
}

fn one(status: StatusCode, webhook: Webhook) -> Response {
    json(
        status,
        &WebhookResponse {
            webhook,
            ..WebhookResponse::default()
        },
    )
}

/// `GET .../webhooks`: every webhook of the app (none is `{"webhooks": []}`).
pub(crate) async fn list_webhooks(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
) -> Response {
    let webhooks = shared.hooks().list(&app_id);
    json(
        StatusCode::OK,
        &ListWebhooksResponse {
            webhooks,
            ..ListWebhooksResponse::default()
        },
    )
}

/// `POST .../webhooks`: 201 with the webhook and its new secret.
pub(crate) async fn create_webhook(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let create: WebhookCreate = match parse(body) {
        Ok(create) => create,
        Err(response) => return *response,
    };
    match shared.hooks().create(&app_id, create) {
        Ok(webhook) => one(StatusCode::CREATED, webhook),
        Err(description) => bad_request(&description),
    }
}

/// `GET .../webhooks/<webhook_id>`.
pub(crate) async fn get_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, webhook_id)): Path<(String, String)>,
) -> Response {
    match shared.hooks().get(&app_id, &webhook_id) {
        Some(webhook) => one(StatusCode::OK, webhook.clone()),
        None => not_found(),
    }
}

/// `PUT .../webhooks/<webhook_id>`: changes what is set.
pub(crate) async fn update_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, webhook_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let update: WebhookUpdate = match parse(body) {
        Ok(update) => update,
        Err(response) => return *response,
    };
    match shared.hooks().update(&app_id, &webhook_id, update) {
        Ok(Some(webhook)) => one(StatusCode::OK, webhook),
        Ok(None) => not_found(),
        Err(description) => bad_request(&description),
    }
}

/// `DELETE .../webhooks/<webhook_id>`: `{}`.
pub(crate) async fn delete_webhook(
    State(shared): State<Arc<Shared>>,
    Path((app_id, webhook_id)): Path<(String, String)>,
) -> Response {
    if shared.hooks().delete(&app_id, &webhook_id) {
        json(StatusCode::OK, &json!({}))
    } else {
        not_found()
    }
}
