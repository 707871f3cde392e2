//! The six ConversationApi endpoints, with the real API's semantics, and what every route uses
//! to read bodies (the other groups' routes are in `app_user_routes`, `attachment_routes`,
//! `menu_routes`, `notification_routes` and `webhook_routes`).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::de::DeserializeOwned;
use serde_json::json;

use super::reply::{Api, error, error_in, json};
use super::state::Shared;
use super::store::Thread;
use super::{enrich, events, validate};
use crate::models::{
    ActivityResponse, ActivityType, ConversationActivity, GetMessagesResponse, MessagePost,
    MessageResponse, Role, Source,
};

fn no_conversation() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "conversation_not_found",
        "Conversation not found",
    )
}

pub(crate) fn bad_request(description: &str) -> Response {
    error(StatusCode::BAD_REQUEST, "bad_request", description)
}

/// The body, or the error answer in the shape of `api` (413 for a body over the limit, 400 for
/// one that cannot be read).
pub(crate) fn bytes_in(
    api: Api,
    body: Result<Bytes, BytesRejection>,
) -> Result<Bytes, Box<Response>> {
    body.map_err(|rejection| {
        let status = rejection.status();
        let code = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "payload_too_large"
        } else {
            "bad_request"
        };
        Box::new(error_in(api, status, code, &rejection.body_text()))
    })
}

/// The JSON body, or the error answer (400 for bad JSON, 413 for a body over the limit).
pub(crate) fn parse<T: DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Box<Response>> {
    parse_in(Api::V1, body)
}

/// [`parse`], answering errors in the shape of `api`.
pub(crate) fn parse_in<T: DeserializeOwned>(
    api: Api,
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Box<Response>> {
    let body = bytes_in(api, body)?;
    serde_json::from_slice(&body).map_err(|e| {
        let text = format!("Invalid JSON body: {e}");
        Box::new(error_in(api, StatusCode::BAD_REQUEST, "bad_request", &text))
    })
}

/// `POST .../messages`: validates, stores, answers 201; creates the conversation on first use.
pub(crate) async fn post_message(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let post: MessagePost = match parse(body) {
        Ok(post) => post,
        Err(response) => return *response,
    };
    match add_message(&shared, &app_id, &user_id, post, None) {
        Ok(response) => json(StatusCode::CREATED, &response),
        Err(description) => bad_request(&description),
    }
}

/// Validates and stores a message as the real server does (the conversation is created on first
/// use), then sends the `message:appUser` or `message:appMaker` event to the app's webhooks.
/// `source` replaces the `{"type": "api"}` of messages posted through the API.
pub(crate) fn add_message(
    shared: &Shared,
    app_id: &str,
    user_id: &str,
    post: MessagePost,
    source: Option<Source>,
) -> Result<MessageResponse, String> {
    validate::message(&post)?;
    let mut store = shared.store();
    let (thread, ids, user) = store.open(app_id, user_id);
    let user = user.clone();
    let author_id = match post.role {
        Role::AppUser => user.id.clone(),
        _ => format!("appmaker_{app_id}"),
    };
    let received = thread.next_received();
    let mut message = enrich::message(post, author_id.into(), received, &mut || ids.next().into());
    if source.is_some() {
        message.source = source;
    }
    match message.role {
        Role::AppMaker => {
            thread.conversation.unread_count += 1;
            thread.conversation.app_maker_last_read = Some(received);
        }
        _ => thread.conversation.app_user_last_read = Some(received),
    }
    thread.insert(message.clone());
    let conversation = thread.conversation.clone();
    drop(store);
    events::emit(
        shared,
        app_id,
        events::message(app_id, &user, &conversation.id, &message),
    );
    Ok(MessageResponse {
        message,
        extra_messages: Vec::new(),
        conversation,
        ..MessageResponse::default()
    })
}

/// `GET .../messages?before=|after=`: one page, oldest first; 404 before the conversation exists.
pub(crate) async fn get_messages(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let time = |name: &str| -> Result<Option<f64>, String> {
        match query.get(name) {
            None => Ok(None),
            Some(text) => match text.parse::<f64>() {
                Ok(time) if time.is_finite() => Ok(Some(time)),
                _ => Err(format!(
                    "`{name}` must be a Unix timestamp in seconds, e.g. 1471995721.123"
                )),
            },
        }
    };
    let (before, after) = match (time("before"), time("after")) {
        (Ok(Some(_)), Ok(Some(_))) => {
            return bad_request("The `before` and `after` parameters are mutually exclusive");
        }
        (Ok(before), Ok(after)) => (before, after),
        (Err(description), _) | (_, Err(description)) => return bad_request(&description),
    };
    let store = shared.store();
    let Some(thread) = store.thread(&app_id, &user_id) else {
        return no_conversation();
    };
    let page = thread.page(before, after);
    let link = |bound: &str, time: f64| {
        let encode = |s: &str| utf8_percent_encode(s, NON_ALPHANUMERIC).to_string();
        format!(
            "{}/v1.1/apps/{}/appusers/{}/messages?{bound}={time}",
            shared.base_url,
            encode(&app_id),
            encode(&user_id)
        )
    };
    let response = GetMessagesResponse {
        conversation: Some(thread.conversation.clone()),
        next: page
            .newer
            .then(|| {
                page.messages
                    .last()
                    .map(|m| link("after", m.received.as_unix_seconds()))
            })
            .flatten(),
        previous: page
            .older
            .then(|| {
                page.messages
                    .first()
                    .map(|m| link("before", m.received.as_unix_seconds()))
            })
            .flatten(),
        messages: page.messages.to_vec(),
        ..GetMessagesResponse::default()
    };
    json(StatusCode::OK, &response)
}

/// `DELETE .../messages`: clears the messages, keeps the conversation.
pub(crate) async fn delete_messages(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    with_thread(&shared, &app_id, &user_id, |thread| {
        thread.messages.clear();
        json(StatusCode::OK, &json!({}))
    })
}

/// `DELETE .../messages/<message_id>`: `{}`, or 404 for an unknown id.
pub(crate) async fn delete_message(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id, message_id)): Path<(String, String, String)>,
) -> Response {
    with_thread(&shared, &app_id, &user_id, |thread| {
        match thread.messages.iter().position(|m| m.id == message_id) {
            Some(at) => {
                thread.messages.remove(at);
                json(StatusCode::OK, &json!({}))
            }
            None => error(
                StatusCode::NOT_FOUND,
                "message_not_found",
                "Message not found",
            ),
        }
    })
}

/// `POST .../conversation/activity`: typing indicators and the business read receipt.
pub(crate) async fn conversation_activity(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let activity: ConversationActivity = match parse(body) {
        Ok(activity) => activity,
        Err(response) => return *response,
    };
    if let Err(description) = validate::activity(&activity) {
        return bad_request(&description);
    }
    // Typing can come before the first message: the conversation is created on first use.
    let mut store = shared.store();
    let (thread, _) = store.thread_or_create(&app_id, &user_id);
    if activity.r#type == ActivityType::ConversationRead {
        let now = thread.next_received();
        thread.conversation.app_maker_last_read = Some(now);
    }
    json(
        StatusCode::OK,
        &ActivityResponse {
            conversation: thread.conversation.clone(),
            ..ActivityResponse::default()
        },
    )
}

/// `POST .../conversation/read`: the user has read everything; unread count back to 0.
pub(crate) async fn reset_unread_count(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    with_thread(&shared, &app_id, &user_id, |thread| {
        thread.conversation.unread_count = 0;
        thread.conversation.app_user_last_read = Some(thread.next_received());
        json(StatusCode::OK, &json!({}))
    })
}

/// Runs `f` on the user's conversation, or answers 404 when there is none yet.
fn with_thread(
    shared: &Shared,
    app_id: &str,
    user_id: &str,
    f: impl FnOnce(&mut Thread) -> Response,
) -> Response {
    match shared.store().thread_mut(app_id, user_id) {
        Some(thread) => f(thread),
        None => no_conversation(),
    }
}
