//! The app and its users: `GET /v2/apps/<app_id>`, and `POST .../users`, `GET`/`PATCH`/`DELETE
//! .../users/<user_id_or_external_id>`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;

use super::store::id_of;
use super::{
    bad_request, events, fail, not_found, nulls_remove, ok, parse, parse_raw, patch, validate,
};
use crate::fake::reply::json;
use crate::fake::state::Shared;
use crate::v2::models::{DateTime, User, UserCreate, UserResponse, UserUpdate};

/// `GET /v2/apps/<app_id>`: every app exists.
pub(crate) async fn get_app(Path(app_id): Path<String>) -> Response {
    json(
        StatusCode::OK,
        &json!({"app": {"id": app_id, "displayName": "Fake app", "metadata": {}}}),
    )
}

/// `POST .../users`: 201 with a generated `id`; an `externalId` already taken is a 409.
pub(crate) async fn create_user(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let create: UserCreate = match parse(body) {
        Ok(create) => create,
        Err(response) => return *response,
    };
    if let Some(profile) = &create.profile
        && let Err(text) = validate::profile(profile)
    {
        return bad_request(&text);
    }
    if create
        .external_id
        .as_ref()
        .is_some_and(|e| e.is_empty() || e.chars().count() > 1024)
    {
        return bad_request("`externalId` must have 1 to 1024 characters");
    }
    let mut store = shared.store();
    let store = &mut *store;
    let app = store.v2.app(&app_id);
    if let Some(external_id) = &create.external_id
        && app.user(external_id).is_some()
    {
        return fail(StatusCode::CONFLICT, "conflict", "User already exists");
    }
    let user = User {
        id: Some(store.ids.next().into()),
        authenticated: Some(false),
        external_id: create.external_id,
        brand_id: create.brand_id,
        signed_up_at: Some(create.signed_up_at.unwrap_or_else(DateTime::now)),
        to_be_retained: create.to_be_retained,
        profile: create.profile,
        metadata: create.metadata,
        ..User::default()
    };
    app.users.push(user.clone());
    json(StatusCode::CREATED, &user_response(user))
}

fn user_response(user: User) -> UserResponse {
    UserResponse {
        user: Some(user),
        ..UserResponse::default()
    }
}

fn no_user() -> Response {
    not_found("user_not_found", "User not found")
}

/// `GET .../users/<user>`: by `id` or `externalId`.
pub(crate) async fn get_user(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    let store = shared.store();
    match store.v2.get(&app_id).and_then(|app| app.user(&user_id)) {
        Some(user) => json(StatusCode::OK, &user_response(user.clone())),
        None => no_user(),
    }
}

/// `PATCH .../users/<user>`: sets what the body carries; a profile field or the metadata sent
/// as `null` is removed (the sheet says `null` clears; it does not say whether `metadata`
/// merges: it is replaced).
pub(crate) async fn update_user(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let (mut update, raw): (UserUpdate, _) = match parse_raw(body) {
        Ok(parsed) => parsed,
        Err(response) => return *response,
    };
    nulls_remove(&raw, &[], [("metadata", &mut update.metadata)]);
    if let Some(profile) = &mut update.profile {
        let texts = [
            ("givenName", &mut profile.given_name),
            ("surname", &mut profile.surname),
            ("email", &mut profile.email),
            ("avatarUrl", &mut profile.avatar_url),
            ("locale", &mut profile.locale),
        ];
        nulls_remove(&raw, &["profile"], texts);
    }
    if let Some(profile) = &update.profile
        && let Err(text) = validate::profile_update(profile)
    {
        return bad_request(&text);
    }
    let mut store = shared.store();
    let Some(user) = store.v2.app(&app_id).user_mut(&user_id) else {
        return no_user();
    };
    if let Some(signed_up_at) = update.signed_up_at {
        user.signed_up_at = Some(signed_up_at);
    }
    if let Some(retained) = update.to_be_retained {
        user.to_be_retained = Some(retained);
    }
    if let Some(changes) = update.profile {
        let profile = user.profile.get_or_insert_with(Default::default);
        patch([
            (&mut profile.given_name, changes.given_name),
            (&mut profile.surname, changes.surname),
            (&mut profile.email, changes.email),
            (&mut profile.avatar_url, changes.avatar_url),
            (&mut profile.locale, changes.locale),
        ]);
    }
    patch([(&mut user.metadata, update.metadata)]);
    json(StatusCode::OK, &user_response(user.clone()))
}

/// `DELETE .../users/<user>`: the user, their personal conversations and their place in the
/// others go; `user:remove` goes to the subscribed webhooks.
pub(crate) async fn delete_user(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    let removed = {
        let mut store = shared.store();
        let app = store.v2.app(&app_id);
        let Some(at) = app.users.iter().position(|u| {
            id_of(&u.id) == user_id || u.external_id.as_deref() == Some(user_id.as_str())
        }) else {
            return no_user();
        };
        let user = app.users.remove(at);
        let id = id_of(&user.id).to_owned();
        app.clients.remove(&id);
        app.conversations.retain(|t| {
            !(t.has_participant(&id) && t.conversation.r#type == Some(super::PERSONAL))
        });
        for thread in &mut app.conversations {
            thread.participants.retain(|p| id_of(&p.user_id) != id);
        }
        user
    };
    events::emit(&shared, &app_id, events::user_removed(&removed));
    ok()
}
