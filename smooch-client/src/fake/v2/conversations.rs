//! Conversations and their participants: `POST`/`GET .../conversations`, `GET`/`PATCH`/`DELETE
//! .../conversations/<conversation_id>`, `POST .../join`, `POST .../leave` and `GET
//! .../participants`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::paging::{answer, list_url};
use super::store::{App, Thread, id_of};
use super::{
    PERSONAL, bad_request, events, no_conversation, not_found, nulls_remove, ok, parse, parse_raw,
    patch,
};
use crate::fake::reply::json;
use crate::fake::state::Shared;
use crate::fake::store::Ids;
use crate::v2::models::{
    Conversation, ConversationCreate, ConversationListResponse, ConversationResponse,
    ConversationType, ConversationUpdate, DateTime, Participant, ParticipantJoin, ParticipantLeave,
    ParticipantListResponse, ParticipantResponse, ParticipantUser, User,
};

/// Participants of an `sdkGroup` conversation, at most.
pub(crate) const MAX_PARTICIPANTS: usize = 10;

fn no_user() -> Response {
    not_found("user_not_found", "User not found")
}

fn conversation_response(conversation: Conversation) -> ConversationResponse {
    ConversationResponse {
        conversation: Some(conversation),
        ..ConversationResponse::default()
    }
}

/// A name or description of 1 to 100 characters.
fn text_field(name: &str, value: Option<&String>) -> Result<(), String> {
    match value {
        Some(text) if text.is_empty() || text.chars().count() > 100 => {
            Err(format!("`{name}` must have 1 to 100 characters"))
        }
        _ => Ok(()),
    }
}

/// The user a participant entry names.
fn named<'a>(app: &'a App, who: &ParticipantUser) -> Option<&'a User> {
    match who {
        ParticipantUser::Id(id) => app.users.iter().find(|u| id_of(&u.id) == id),
        ParticipantUser::ExternalId(external) => app
            .users
            .iter()
            .find(|u| u.external_id.as_deref() == Some(external.as_str())),
    }
}

fn participant(ids: &mut Ids, user: &User) -> Participant {
    Participant {
        id: Some(ids.next().into()),
        user_id: user.id.clone(),
        user_external_id: user.external_id.clone(),
        unread_count: Some(0),
        ..Participant::default()
    }
}

/// `POST .../conversations`: a `personal` conversation has exactly one participant, an
/// `sdkGroup` up to 10; each must be a user of the app (404). The user's first personal
/// conversation is their default one. `conversation:create` goes to the subscribed webhooks.
pub(crate) async fn create_conversation(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let create: ConversationCreate = match parse(body) {
        Ok(create) => create,
        Err(response) => return *response,
    };
    let checks = [
        text_field("displayName", create.display_name.as_ref()),
        text_field("description", create.description.as_ref()),
    ];
    if let Some(Err(text)) = checks.into_iter().find(Result::is_err) {
        return bad_request(&text);
    }
    let count = create.participants.len();
    match &create.r#type {
        ConversationType::Personal if count != 1 => {
            return bad_request("A `personal` conversation needs exactly one participant");
        }
        ConversationType::SdkGroup if count > MAX_PARTICIPANTS => {
            return bad_request("An `sdkGroup` conversation has at most 10 participants");
        }
        ConversationType::Personal | ConversationType::SdkGroup => {}
        other => {
            return bad_request(&format!(
                "`type` must be `personal` or `sdkGroup`, not `{other}`"
            ));
        }
    }
    let (conversation, personal_user) = {
        let mut store = shared.store();
        let store = &mut *store;
        let app = store.v2.app(&app_id);
        let mut users = Vec::new();
        for join in &create.participants {
            match named(app, &join.user) {
                Some(user) if users.iter().any(|u: &User| u.id == user.id) => {
                    return bad_request("A user can take part only once");
                }
                Some(user) => users.push(user.clone()),
                None => return no_user(),
            }
        }
        let personal = create.r#type == PERSONAL;
        let is_default = personal
            && !app.conversations.iter().any(|t| {
                t.conversation.r#type == Some(PERSONAL) && t.has_participant(id_of(&users[0].id))
            });
        let now = DateTime::now();
        let conversation = Conversation {
            id: Some(store.ids.next().into()),
            r#type: Some(create.r#type.clone()),
            metadata: create.metadata,
            is_default: Some(is_default),
            display_name: create.display_name,
            description: create.description,
            icon_url: create.icon_url,
            created_at: Some(now.clone()),
            last_updated_at: Some(now),
            ..Conversation::default()
        };
        let participants = users
            .iter()
            .map(|u| participant(&mut store.ids, u))
            .collect();
        app.conversations
            .push(Thread::new(conversation.clone(), participants));
        (conversation, personal.then(|| users.remove(0)))
    };
    events::emit(
        &shared,
        &app_id,
        events::created(&conversation, personal_user.as_ref()),
    );
    json(StatusCode::CREATED, &conversation_response(conversation))
}

/// `GET .../conversations?filter[userId]=|filter[userExternalId]=`: the user's conversations,
/// oldest first, paged; exactly one filter, naming a user of the app.
pub(crate) async fn list_conversations(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let (key, value) = match (
        query.get("filter[userId]"),
        query.get("filter[userExternalId]"),
    ) {
        (Some(id), None) => ("filter[userId]", id),
        (None, Some(external)) => ("filter[userExternalId]", external),
        _ => {
            return bad_request(
                "Give exactly one of `filter[userId]` and `filter[userExternalId]`",
            );
        }
    };
    let store = shared.store();
    let user = store.v2.get(&app_id).and_then(|app| {
        app.users.iter().find(|u| match key {
            "filter[userId]" => id_of(&u.id) == value,
            _ => u.external_id.as_deref() == Some(value.as_str()),
        })
    });
    let (Some(app), Some(user)) = (store.v2.get(&app_id), user) else {
        return no_user();
    };
    let theirs: Vec<&Thread> = app
        .conversations
        .iter()
        .filter(|t| t.has_participant(id_of(&user.id)))
        .collect();
    let url = format!(
        "{}?{key}={}",
        list_url(&shared.base_url, &["v2", "apps", &app_id, "conversations"]),
        utf8_percent_encode(value, NON_ALPHANUMERIC)
    );
    answer(
        &query,
        None,
        false,
        &theirs,
        |t: &&Thread| id_of(&t.conversation.id),
        &url,
        |threads, meta, links| ConversationListResponse {
            conversations: threads.iter().map(|t| t.conversation.clone()).collect(),
            meta: Some(meta),
            links: Some(links),
            ..ConversationListResponse::default()
        },
    )
}

/// `GET .../conversations/<conversation_id>`.
pub(crate) async fn get_conversation(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
) -> Response {
    let store = shared.store();
    match store
        .v2
        .get(&app_id)
        .and_then(|app| app.thread(&conversation_id))
    {
        Some(thread) => json(
            StatusCode::OK,
            &conversation_response(thread.conversation.clone()),
        ),
        None => no_conversation(),
    }
}

/// `PATCH .../conversations/<conversation_id>`: sets what the body carries; `null` removes.
pub(crate) async fn update_conversation(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (mut update, raw): (ConversationUpdate, _) = match parse_raw(body) {
        Ok(parsed) => parsed,
        Err(response) => return *response,
    };
    let texts = [
        ("displayName", &mut update.display_name),
        ("description", &mut update.description),
        ("iconUrl", &mut update.icon_url),
    ];
    nulls_remove(&raw, &[], texts);
    nulls_remove(&raw, &[], [("metadata", &mut update.metadata)]);
    let checks = [
        text_field(
            "displayName",
            update.display_name.as_ref().and_then(Option::as_ref),
        ),
        text_field(
            "description",
            update.description.as_ref().and_then(Option::as_ref),
        ),
    ];
    if let Some(Err(text)) = checks.into_iter().find(Result::is_err) {
        return bad_request(&text);
    }
    let mut store = shared.store();
    let Some(thread) = store.v2.app(&app_id).thread_mut(&conversation_id) else {
        return no_conversation();
    };
    let conversation = &mut thread.conversation;
    patch([
        (&mut conversation.display_name, update.display_name),
        (&mut conversation.description, update.description),
        (&mut conversation.icon_url, update.icon_url),
    ]);
    patch([(&mut conversation.metadata, update.metadata)]);
    json(StatusCode::OK, &conversation_response(conversation.clone()))
}

/// `DELETE .../conversations/<conversation_id>`: not the user's default conversation (400);
/// `conversation:remove` goes to the subscribed webhooks.
pub(crate) async fn delete_conversation(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
) -> Response {
    let removed = {
        let mut store = shared.store();
        let app = store.v2.app(&app_id);
        let Some(at) = app
            .conversations
            .iter()
            .position(|t| id_of(&t.conversation.id) == conversation_id)
        else {
            return no_conversation();
        };
        if app.conversations[at].conversation.is_default == Some(true) {
            return bad_request("The default conversation of a user cannot be deleted");
        }
        app.conversations.remove(at).conversation
    };
    events::emit(&shared, &app_id, events::removed(&removed));
    ok()
}

/// `POST .../join`: a user of the app joins an `sdkGroup` conversation (201);
/// `conversation:join` goes to the subscribed webhooks.
pub(crate) async fn join_conversation(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let join: ParticipantJoin = match parse(body) {
        Ok(join) => join,
        Err(response) => return *response,
    };
    let (conversation, user, joined) = {
        let mut store = shared.store();
        let store = &mut *store;
        let app = store.v2.app(&app_id);
        let Some(thread) = app.thread(&conversation_id) else {
            return no_conversation();
        };
        if thread.conversation.r#type == Some(PERSONAL) {
            return bad_request("Only `sdkGroup` conversations accept participants");
        }
        let Some(user) = named(app, &join.user).cloned() else {
            return no_user();
        };
        let Some(thread) = app.thread_mut(&conversation_id) else {
            return no_conversation();
        };
        if thread.has_participant(id_of(&user.id)) {
            return bad_request("The user already takes part in the conversation");
        }
        if thread.participants.len() >= MAX_PARTICIPANTS {
            return bad_request("The conversation has too many participants");
        }
        let joined = participant(&mut store.ids, &user);
        thread.participants.push(joined.clone());
        (thread.conversation.clone(), user, joined)
    };
    events::emit(
        &shared,
        &app_id,
        events::membership(&conversation, &user, true),
    );
    json(
        StatusCode::CREATED,
        &ParticipantResponse {
            participant: Some(joined),
            ..ParticipantResponse::default()
        },
    )
}

/// `POST .../leave`: by `userId`, `userExternalId` or `participantId`; 404 `not_found` when
/// that is no participant. `conversation:leave` goes to the subscribed webhooks.
pub(crate) async fn leave_conversation(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let leave: ParticipantLeave = match parse(body) {
        Ok(leave) => leave,
        Err(response) => return *response,
    };
    let (conversation, user) = {
        let mut store = shared.store();
        let app = store.v2.app(&app_id);
        let user_of = |p: &Participant| {
            app.users
                .iter()
                .find(|u| u.id == p.user_id)
                .cloned()
                .unwrap_or_default()
        };
        let Some(thread) = app.thread(&conversation_id) else {
            return no_conversation();
        };
        if thread.conversation.r#type == Some(PERSONAL) {
            return bad_request("Only `sdkGroup` conversations can be left");
        }
        let at = thread.participants.iter().position(|p| match &leave {
            ParticipantLeave::UserId(id) => id_of(&p.user_id) == id,
            ParticipantLeave::UserExternalId(e) => p.user_external_id.as_deref() == Some(e),
            ParticipantLeave::ParticipantId(id) => id_of(&p.id) == id,
        });
        let Some(at) = at else {
            return not_found(
                "not_found",
                "The user is not a participant of the conversation",
            );
        };
        let user = user_of(&thread.participants[at]);
        let Some(thread) = app.thread_mut(&conversation_id) else {
            return no_conversation();
        };
        thread.participants.remove(at);
        (thread.conversation.clone(), user)
    };
    events::emit(
        &shared,
        &app_id,
        events::membership(&conversation, &user, false),
    );
    ok()
}

/// `GET .../participants`: paged, in the order they joined.
pub(crate) async fn list_participants(
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
        return no_conversation();
    };
    let url = list_url(
        &shared.base_url,
        &[
            "v2",
            "apps",
            &app_id,
            "conversations",
            &conversation_id,
            "participants",
        ],
    );
    answer(
        &query,
        None,
        false,
        &thread.participants,
        |p: &Participant| id_of(&p.id),
        &url,
        |participants, meta, links| ParticipantListResponse {
            participants,
            meta: Some(meta),
            links: Some(links),
            ..ParticipantListResponse::default()
        },
    )
}
