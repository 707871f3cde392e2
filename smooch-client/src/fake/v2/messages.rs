//! Messages and activities: `POST`/`GET`/`DELETE .../conversations/<conversation_id>/messages`,
//! `DELETE .../messages/<message_id>` and `POST .../activity`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

use super::paging::{MESSAGE_PAGE, answer, list_url};
use super::store::{App, id_of};
use super::{Refusal, bad_request, events, no_conversation, not_found, ok, parse, validate};
use crate::fake::reply::json;
use crate::fake::state::Shared;
use crate::v2::models::{
    ActivityPost, ActivityType, Author, AuthorType, Content, DateTime, Message,
    MessageListResponse, MessagePost, MessagePostResponse, Source, User,
};

/// Messages a conversation holds at most; then posting is refused (423 `locked`).
pub(crate) const MAX_MESSAGES: usize = 30_000;

/// The user an author names (`userId` or `userExternalId`), who must take part in the
/// conversation.
fn author_user(app: &App, conversation_id: &str, author: &Author) -> Result<User, Refusal> {
    let user = match (&author.user_id, &author.user_external_id) {
        (Some(id), _) => app.users.iter().find(|u| u.id.as_ref() == Some(id)),
        (None, Some(external)) => app
            .users
            .iter()
            .find(|u| u.external_id.as_deref() == Some(external.as_str())),
        (None, None) => None,
    }
    .ok_or_else(|| Refusal::not_found("user_not_found", "User not found"))?;
    let takes_part = app
        .thread(conversation_id)
        .is_some_and(|t| t.has_participant(id_of(&user.id)));
    if takes_part {
        Ok(user.clone())
    } else {
        Err(Refusal::bad_request(
            "The author is not a participant of the conversation",
        ))
    }
}

/// The name a user's messages show.
fn display_name(user: &User) -> Option<String> {
    let profile = user.profile.as_ref()?;
    let names: Vec<&str> = [&profile.given_name, &profile.surname]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!names.is_empty()).then(|| names.join(" "))
}

/// The media type the platform reads from a file name, roughly.
fn media_type(url: &str) -> Option<String> {
    let extension = url.rsplit('.').next()?.to_ascii_lowercase();
    let media = match extension.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        _ => return None,
    };
    Some(media.to_owned())
}

/// `markdownText` is only sent: the platform answers it as `htmlText`. The fake does not render
/// Markdown; it carries the text over, escaped.
fn markdown_to_html(markdown: &mut Option<String>, html: &mut Option<String>) {
    if let Some(markdown) = markdown.take() {
        let escaped = markdown
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        *html = Some(escaped);
    }
}

/// What the platform adds to posted content: `mediaType` of images and files, the text of
/// carousels and locations, `htmlText` for `markdownText`.
fn enrich(content: Content) -> Content {
    match content {
        Content::Text(mut text) => {
            markdown_to_html(&mut text.markdown_text, &mut text.html_text);
            Content::Text(text)
        }
        Content::Image(mut image) => {
            markdown_to_html(&mut image.markdown_text, &mut image.html_text);
            image.media_type = image.media_type.or_else(|| media_type(&image.media_url));
            Content::Image(image)
        }
        Content::File(mut file) => {
            markdown_to_html(&mut file.markdown_text, &mut file.html_text);
            file.media_type = file.media_type.or_else(|| media_type(&file.media_url));
            Content::File(file)
        }
        Content::Carousel(mut carousel) => {
            if carousel.text.is_none() {
                let titles: Vec<&str> = carousel.items.iter().map(|i| i.title.as_str()).collect();
                carousel.text = Some(titles.join("\n"));
            }
            Content::Carousel(carousel)
        }
        Content::Location(mut location) => {
            if location.text.is_none() {
                let c = &location.coordinates;
                location.text = Some(format!("Location shared:\n{}, {}", c.lat, c.long));
            }
            Content::Location(location)
        }
        other => other,
    }
}

/// Checks and stores a message as the platform does, then sends `conversation:message` to the
/// subscribed webhooks. `source` replaces the `{"type": "api"}` of messages posted through the
/// API (the user hooks send from the Web Messenger).
pub(crate) fn add_message(
    shared: &Shared,
    app_id: &str,
    conversation_id: &str,
    post: MessagePost,
    source: Option<Source>,
) -> Result<Message, Refusal> {
    validate::message(&post).map_err(|text| Refusal::bad_request(&text))?;
    let (conversation, message, user) = {
        let mut store = shared.store();
        let store = &mut *store;
        let app = store.v2.app(app_id);
        if app.thread(conversation_id).is_none() {
            return Err(Refusal::not_found(
                "conversation_not_found",
                "Conversation not found",
            ));
        }
        let user = match post.author.r#type {
            AuthorType::User => Some(author_user(app, conversation_id, &post.author)?),
            _ => None,
        };
        let Some(thread) = app.thread_mut(conversation_id) else {
            return Err(Refusal::not_found(
                "conversation_not_found",
                "Conversation not found",
            ));
        };
        if thread.messages.len() >= MAX_MESSAGES {
            return Err(Refusal {
                status: StatusCode::LOCKED,
                code: "locked",
                title: format!("A conversation holds at most {MAX_MESSAGES} messages"),
            });
        }
        let received = DateTime::from_unix_millis(thread.next_received_ms());
        let author = match &user {
            Some(user) => Author {
                user_id: user.id.clone(),
                user_external_id: None,
                brand_id: None,
                display_name: post
                    .author
                    .display_name
                    .clone()
                    .or_else(|| display_name(user)),
                ..post.author.clone()
            },
            None => post.author.clone(),
        };
        let message = Message {
            id: Some(store.ids.next().into()),
            received: Some(received.clone()),
            author: Some(author),
            content: Some(enrich(post.content)),
            source: Some(source.unwrap_or_else(|| Source::new("api"))),
            metadata: post.metadata,
            ..Message::default()
        };
        thread.messages.push(message.clone());
        thread.conversation.last_updated_at = Some(received);
        if user.is_none() {
            for participant in &mut thread.participants {
                participant.unread_count = Some(participant.unread_count.unwrap_or(0) + 1);
            }
        }
        (thread.conversation.clone(), message, user)
    };
    events::emit(
        shared,
        app_id,
        events::message(&conversation, &message, user.as_ref()),
    );
    Ok(message)
}

/// `POST .../messages`: 201 `{"messages": [...]}`.
pub(crate) async fn post_message(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let post: MessagePost = match parse(body) {
        Ok(post) => post,
        Err(response) => return *response,
    };
    match add_message(&shared, &app_id, &conversation_id, post, None) {
        Ok(message) => json(
            StatusCode::CREATED,
            &MessagePostResponse {
                messages: vec![message],
                ..MessagePostResponse::default()
            },
        ),
        Err(refusal) => refusal.into_response(),
    }
}

/// `GET .../messages`: the latest 100 messages (oldest first in the page), or the 100 before
/// `page[before]` / after `page[after]`; `page[size]` is ignored.
pub(crate) async fn list_messages(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let store = shared.store();
    let Some(thread) = store
        .v2
        .get(&app_id)
        .and_then(|app| app.thread(&conversation_id))
    else {
        return not_found("not_found", "Conversation not found");
    };
    let url = list_url(
        &shared.base_url,
        &[
            "v2",
            "apps",
            &app_id,
            "conversations",
            &conversation_id,
            "messages",
        ],
    );
    let fixed = Some(MESSAGE_PAGE);
    answer(
        &query,
        fixed,
        true,
        &thread.messages,
        |m: &Message| id_of(&m.id),
        &url,
        |messages, meta, links| MessageListResponse {
            messages,
            meta: Some(meta),
            links: Some(links),
            ..MessageListResponse::default()
        },
    )
}

/// `DELETE .../messages`: every message goes; the conversation stays.
pub(crate) async fn delete_all_messages(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
) -> Response {
    let mut store = shared.store();
    match store.v2.app(&app_id).thread_mut(&conversation_id) {
        Some(thread) => {
            thread.messages.clear();
            ok()
        }
        None => no_conversation(),
    }
}

/// `DELETE .../messages/<message_id>`: 404 `not_found` for an unknown message.
pub(crate) async fn delete_message(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id, message_id)): Path<(String, String, String)>,
) -> Response {
    let mut store = shared.store();
    let Some(thread) = store.v2.app(&app_id).thread_mut(&conversation_id) else {
        return no_conversation();
    };
    match thread
        .messages
        .iter()
        .position(|m| id_of(&m.id) == message_id)
    {
        Some(at) => {
            thread.messages.remove(at);
            ok()
        }
        None => not_found("not_found", "Message not found"),
    }
}

/// Stores a user's or the business's activity (a read moves `lastRead` or `businessLastRead`)
/// and sends `conversation:read` / `conversation:typing` for a user's. Through the API a user
/// may only read; the user hooks also type.
pub(crate) fn add_activity(
    shared: &Shared,
    app_id: &str,
    conversation_id: &str,
    activity: &ActivityPost,
    source: Value,
) -> Result<(), Refusal> {
    let known = matches!(
        activity.r#type,
        ActivityType::ConversationRead | ActivityType::TypingStart | ActivityType::TypingStop
    );
    if !known {
        return Err(Refusal::bad_request(&format!(
            "`type` must be `conversation:read`, `typing:start` or `typing:stop`, not `{}`",
            activity.r#type
        )));
    }
    let read = activity.r#type == ActivityType::ConversationRead;
    let event = {
        let mut store = shared.store();
        let app = store.v2.app(app_id);
        if app.thread(conversation_id).is_none() {
            return Err(Refusal::not_found(
                "conversation_not_found",
                "Conversation not found",
            ));
        }
        let user = match activity.author.r#type {
            AuthorType::User => Some(author_user(app, conversation_id, &activity.author)?),
            AuthorType::Business => None,
            _ => {
                return Err(Refusal::bad_request(
                    "`author.type` must be `user` or `business`",
                ));
            }
        };
        let Some(thread) = app.thread_mut(conversation_id) else {
            return Err(Refusal::not_found(
                "conversation_not_found",
                "Conversation not found",
            ));
        };
        let now = DateTime::from_unix_millis(thread.next_received_ms());
        match &user {
            Some(user) => {
                if let Some(p) = thread
                    .participants
                    .iter_mut()
                    .find(|p| read && p.user_id == user.id)
                {
                    p.unread_count = Some(0);
                    p.last_read = Some(now);
                }
                Some(events::activity(
                    &thread.conversation,
                    user,
                    activity.r#type.as_str(),
                    source,
                ))
            }
            None => {
                if read {
                    thread.conversation.business_last_read = Some(now);
                }
                None
            }
        }
    };
    if let Some(event) = event {
        events::emit(shared, app_id, event);
    }
    Ok(())
}

/// `POST .../activity`: typing indicators and read receipts; 200 `{}`.
pub(crate) async fn post_activity(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let activity: ActivityPost = match parse(body) {
        Ok(activity) => activity,
        Err(response) => return *response,
    };
    if activity.author.r#type == AuthorType::User
        && activity.r#type != ActivityType::ConversationRead
    {
        return bad_request("A `user` author may only send `conversation:read`");
    }
    let source = serde_json::json!({"type": "api"});
    match add_activity(&shared, &app_id, &conversation_id, &activity, source) {
        Ok(()) => ok(),
        Err(refusal) => refusal.into_response(),
    }
}
