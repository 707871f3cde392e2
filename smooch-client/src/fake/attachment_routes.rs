//! Files: uploading and removing attachments, serving them at their media URL, and image
//! messages (a file uploaded and posted as an `image` message in one call).
//!
//! A file is stored with its content type and served by the fake itself at
//! `<base_url>/media/apps/<app_id>/<media_id>/<file_name>`, outside the API's gate (as Smooch
//! serves media from its own host): no faults, not counted, and no credentials needed unless the
//! attachment is `private`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::utf8_percent_encode;
use serde_json::json;

use super::app_user_routes::no_user;
use super::multipart::{self, Part, Parts};
use super::reply::{Api, error, error_in, json};
use super::routes::{add_message, bad_request, bytes_in, parse};
use super::state::Shared;
use super::store::Media;
use super::{enrich, validate};
use crate::models::{AttachmentRemove, AttachmentResponse, MessagePost, Role};

/// The largest file the API takes (a larger one is a 413).
pub(crate) const MAX_FILE: usize = 10 * 1024 * 1024;
/// The body limit of the multipart routes: the largest file, and room for the other parts and
/// the part headers.
pub(crate) const MAX_MULTIPART_BODY: usize = MAX_FILE + 64 * 1024;
/// Where media URLs start, after the base URL.
pub(crate) const MEDIA_PREFIX: &str = "/media/apps";

fn no_attachment() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "attachment_not_found",
        "Attachment not found",
    )
}

/// A path segment of a media URL, encoded as the client encodes ids.
fn encode(segment: &str) -> String {
    utf8_percent_encode(segment, crate::request::COMPONENT).to_string()
}

/// The parts of a multipart body and its `source` file, or the error answer (in `api`'s
/// shape): 413 for a body or a file over `max_file` bytes, 400 for a body that is not
/// multipart or has no `source`.
pub(crate) fn source_file(
    api: Api,
    max_file: usize,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(Parts, Part), Box<Response>> {
    let refuse = |text: &str| Box::new(error_in(api, StatusCode::BAD_REQUEST, "bad_request", text));
    let body = bytes_in(api, body)?;
    let parts = multipart::parse(headers, &body).map_err(|e| refuse(&e))?;
    let source = parts
        .get("source")
        .cloned()
        .ok_or_else(|| refuse("The file part `source` is required"))?;
    if source.bytes.len() > max_file {
        return Err(Box::new(error_in(
            api,
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            &format!(
                "The file is {} bytes; at most {max_file} ({} MB) are allowed",
                source.bytes.len(),
                max_file / (1024 * 1024)
            ),
        )));
    }
    Ok((parts, source))
}

/// The content type of an uploaded file: the part's, else guessed from its file name.
fn content_type(part: &Part) -> String {
    match part.content_type.as_deref() {
        Some(given) if !given.is_empty() => given.to_owned(),
        _ => enrich::media_type_of(part.file_name.as_deref().unwrap_or_default()).to_owned(),
    }
}

/// A media id for a new file, and the URL it will be served at.
pub(crate) fn new_media_url(shared: &Shared, app_id: &str, part: &Part) -> (String, String) {
    let media_id = shared.store().ids.next();
    let file_name = part
        .file_name
        .as_deref()
        .filter(|name| !name.is_empty())
        .unwrap_or("file");
    let url = format!(
        "{}{MEDIA_PREFIX}/{}/{media_id}/{}",
        shared.base_url,
        encode(app_id),
        encode(file_name)
    );
    (media_id, url)
}

/// Stores an uploaded file (served only with the app's credentials when `private`): the URL it
/// is now served at, and its content type.
pub(crate) fn store_upload(
    shared: &Shared,
    app_id: &str,
    source: Part,
    private: bool,
) -> (String, String) {
    let media_type = content_type(&source);
    let (media_id, media_url) = new_media_url(shared, app_id, &source);
    shared.store().media.insert(
        media_id,
        Media {
            app_id: app_id.to_owned(),
            content_type: media_type.clone(),
            private,
            bytes: source.bytes,
        },
    );
    (media_url, media_type)
}

/// `POST .../attachments?access=&for=&appUserId=&userId=` (multipart `source`): 201 with the
/// URL the file is now served at. `access` is `public` or `private`; `for` can only be
/// `message`; `appUserId` and `userId` are optional (with `for` or without), and a user named
/// must exist (404).
pub(crate) async fn upload_attachment(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (_, source) = match source_file(Api::V1, MAX_FILE, &headers, body) {
        Ok(file) => file,
        Err(response) => return *response,
    };
    let private = match query.get("access").map(String::as_str) {
        Some("public") => false,
        Some("private") => true,
        Some(other) => {
            return bad_request(&format!(
                "`access` must be `public` or `private` (got `{other}`)"
            ));
        }
        None => return bad_request("The query parameter `access` is required"),
    };
    let users = [query.get("appUserId"), query.get("userId")];
    match query.get("for").map(String::as_str) {
        None | Some("message") => {}
        Some(other) => return bad_request(&format!("`for` must be `message` (got `{other}`)")),
    }
    {
        let store = shared.store();
        if users
            .iter()
            .flatten()
            .any(|user| store.users.get(&app_id, user).is_none())
        {
            return no_user();
        }
    }
    let (media_url, media_type) = store_upload(&shared, &app_id, source, private);
    json(
        StatusCode::CREATED,
        &AttachmentResponse {
            media_url,
            media_type,
            ..AttachmentResponse::default()
        },
    )
}

/// `POST .../attachments/remove` (`{"mediaUrl": ...}`): `{}`, after which the URL answers 404;
/// 404 for a URL that is not (or no longer) one of the app's attachments.
pub(crate) async fn remove_attachment(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let remove: AttachmentRemove = match parse(body) {
        Ok(remove) => remove,
        Err(response) => return *response,
    };
    remove_media(Api::V1, &shared, &app_id, &remove.media_url)
}

/// Removes the app's file served at `media_url` and answers (in `api`'s shape) `{}`, 400 for
/// an empty URL, or 404 for a URL that is not (or no longer) one of the app's files.
pub(crate) fn remove_media(api: Api, shared: &Shared, app_id: &str, media_url: &str) -> Response {
    if media_url.is_empty() {
        return error_in(
            api,
            StatusCode::BAD_REQUEST,
            "bad_request",
            "`mediaUrl` must not be empty",
        );
    }
    if forget_media(shared, app_id, media_url) {
        json(StatusCode::OK, &json!({}))
    } else {
        match api {
            Api::V1 => no_attachment(),
            Api::V2 => error_in(
                api,
                StatusCode::NOT_FOUND,
                "not_found",
                "Attachment not found",
            ),
        }
    }
}

/// Forgets the app's file served at `media_url`; `false` when that is not (or no longer) one
/// of the app's files.
fn forget_media(shared: &Shared, app_id: &str, media_url: &str) -> bool {
    let prefix = format!("{}{MEDIA_PREFIX}/{}/", shared.base_url, encode(app_id));
    let media_id = media_url
        .strip_prefix(&prefix)
        .and_then(|rest| rest.split('/').next());
    let mut store = shared.store();
    let removed = media_id.and_then(|id| match store.media.get(id) {
        Some(media) if media.app_id == app_id => store.media.remove(id),
        _ => None,
    });
    removed.is_some()
}

/// `GET /media/apps/<app_id>/<media_id>/<file_name>`: the file with its content type; a
/// `private` one only with the app's credentials (401 otherwise); 404 once removed.
pub(crate) async fn serve_media(
    State(shared): State<Arc<Shared>>,
    Path((app_id, media_id, _file_name)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Response {
    let media = match shared.store().media.get(&media_id) {
        Some(media) if media.app_id == app_id => media.clone(),
        _ => return no_attachment(),
    };
    if media.private {
        let authorization = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok());
        if let Err(description) = shared.key.check(authorization, None) {
            return error(StatusCode::UNAUTHORIZED, "unauthorized", &description);
        }
    }
    let mut response = (StatusCode::OK, media.bytes).into_response();
    if let Ok(value) = HeaderValue::from_str(&media.content_type) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

/// `POST .../appusers/<user_id>/images` (multipart: the image as `source`, the author's
/// `role`): stores the file, posts it as an `image` message like `POST .../messages` (same
/// checks, events and conversation creation), and answers 201. A `source` that is not an image
/// is a 400.
pub(crate) async fn post_image_message(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (parts, source) = match source_file(Api::V1, MAX_FILE, &headers, body) {
        Ok(file) => file,
        Err(response) => return *response,
    };
    let media_type = content_type(&source);
    if !media_type.starts_with("image/") {
        return bad_request(&format!(
            "`source` must be an image (its type is `{media_type}`)"
        ));
    }
    let role = Role::from(parts.text("role").unwrap_or_default());
    let (media_id, media_url) = new_media_url(&shared, &app_id, &source);
    let mut post = MessagePost::image(role, media_url);
    post.media_type = Some(media_type.clone());
    if let Err(description) = validate::message(&post) {
        return bad_request(&description);
    }
    shared.store().media.insert(
        media_id.clone(),
        Media {
            app_id: app_id.clone(),
            content_type: media_type,
            private: false,
            bytes: source.bytes,
        },
    );
    match add_message(&shared, &app_id, &user_id, post, None) {
        Ok(response) => json(StatusCode::CREATED, &response),
        Err(description) => {
            shared.store().media.remove(&media_id);
            bad_request(&description)
        }
    }
}
