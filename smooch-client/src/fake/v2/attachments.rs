//! Attachments: `POST /v2/apps/<app_id>/attachments?access=public` (multipart `source`) and
//! `POST .../attachments/remove`. The files are kept and served as v1.1's are (at the
//! `mediaUrl` answered, outside the API's gate).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::{bad_request, no_conversation, parse};
use crate::fake::attachment_routes::{remove_media, source_file, store_upload};
use crate::fake::reply::{Api, json};
use crate::fake::state::Shared;
use crate::v2::models::{Attachment, AttachmentDelete, AttachmentResponse};

/// The largest file v2 takes (50 MB; a larger one is a 413).
pub(crate) const MAX_FILE: usize = 50 * 1024 * 1024;
/// The body limit of the upload route: the largest file, and room for the part headers.
pub(crate) const MAX_BODY: usize = MAX_FILE + 64 * 1024;

/// `POST .../attachments?access=public&for=message&conversationId=` (multipart `source`): 201
/// `{"attachment": {"mediaUrl", "mediaType"}}`. `access` is required and only `public` is
/// supported; `for` can only be `message`; a `conversationId` must name a conversation of the
/// app (404).
pub(crate) async fn upload_attachment(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    match query.get("access").map(String::as_str) {
        Some("public") => {}
        Some(other) => {
            return bad_request(&format!(
                "`access` must be `public` (private attachments are not supported; got `{other}`)"
            ));
        }
        None => return bad_request("The query parameter `access` is required"),
    }
    match query.get("for").map(String::as_str) {
        None | Some("message") => {}
        Some(other) => return bad_request(&format!("`for` must be `message` (got `{other}`)")),
    }
    if let Some(conversation_id) = query.get("conversationId") {
        let store = shared.store();
        let known = store
            .v2
            .get(&app_id)
            .is_some_and(|app| app.thread(conversation_id).is_some());
        if !known {
            return no_conversation();
        }
    }
    let (_, source) = match source_file(Api::V2, MAX_FILE, &headers, body) {
        Ok(file) => file,
        Err(response) => return *response,
    };
    let (media_url, media_type) = store_upload(&shared, &app_id, source, false);
    let attachment = Attachment {
        media_url: Some(media_url),
        media_type: Some(media_type),
        ..Attachment::default()
    };
    json(
        StatusCode::CREATED,
        &AttachmentResponse {
            attachment: Some(attachment),
            ..AttachmentResponse::default()
        },
    )
}

/// `POST .../attachments/remove` (`{"mediaUrl"}`): 200 `{}`, after which the URL answers 404;
/// 404 `not_found` for a URL that is not (or no longer) one of the app's files.
pub(crate) async fn delete_attachment(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let delete: AttachmentDelete = match parse(body) {
        Ok(delete) => delete,
        Err(response) => return *response,
    };
    remove_media(Api::V2, &shared, &app_id, &delete.media_url)
}
