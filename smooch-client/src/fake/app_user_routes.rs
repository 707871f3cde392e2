//! The AppUser endpoints a bot uses: get, update, pre-create and delete a user, their channels,
//! and deleting their profile. A user is found by Smooch `_id` or by `userId` (see `users`).
//! Image messages are in `attachment_routes`.

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
use super::users::{self, now_iso8601};
use super::validate;
use crate::models::{AppUser, AppUserPreCreate, AppUserResponse, AppUserUpdate};

/// 404 for a user the app does not have.
pub(crate) fn no_user() -> Response {
    error(StatusCode::NOT_FOUND, "user_not_found", "User not found")
}

fn one(status: StatusCode, app_user: AppUser) -> Response {
    json(
        status,
        &AppUserResponse {
            app_user,
            ..AppUserResponse::default()
        },
    )
}

/// `GET .../appusers/<user_id>`: the user, or 404.
pub(crate) async fn get_app_user(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    match shared.store().users.get(&app_id, &user_id) {
        Some(user) => one(StatusCode::OK, user.clone()),
        None => no_user(),
    }
}

/// `PUT .../appusers/<user_id>`: sets what the update carries (`properties` are merged into
/// the user's); 404 for an unknown user.
pub(crate) async fn update_app_user(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let update: AppUserUpdate = match parse(body) {
        Ok(update) => update,
        Err(response) => return *response,
    };
    if let Err(description) = validate::app_user_update(&update) {
        return bad_request(&description);
    }
    let mut store = shared.store();
    let Some(user) = store.users.get_mut(&app_id, &user_id) else {
        return no_user();
    };
    let AppUserUpdate {
        given_name,
        surname,
        email,
        signed_up_at,
        properties,
        ..
    } = update;
    user.given_name = given_name.or(user.given_name.take());
    user.surname = surname.or(user.surname.take());
    user.email = email.or(user.email.take());
    user.signed_up_at = signed_up_at.or(user.signed_up_at.take());
    user.properties.extend(properties);
    one(StatusCode::OK, user.clone())
}

/// `DELETE .../appusers/<user_id>`: the user and their conversation are gone (`{}`); 404 for an
/// unknown user.
pub(crate) async fn delete_app_user(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    if shared.store().delete_user(&app_id, &user_id) {
        json(StatusCode::OK, &json!({}))
    } else {
        no_user()
    }
}

/// `POST .../appusers`: 201 with the new user (a generated `_id`, no conversation yet); 409 when
/// the `userId` already names a user.
pub(crate) async fn pre_create_app_user(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let create: AppUserPreCreate = match parse(body) {
        Ok(create) => create,
        Err(response) => return *response,
    };
    if let Err(description) = validate::app_user_pre_create(&create) {
        return bad_request(&description);
    }
    let mut store = shared.store();
    if store.users.resolve(&app_id, &create.user_id).is_some() {
        return error(
            StatusCode::CONFLICT,
            "conflict",
            &format!("A user with userId `{}` already exists", create.user_id),
        );
    }
    let user = AppUser {
        user_id: Some(create.user_id),
        given_name: create.given_name,
        surname: create.surname,
        email: create.email,
        signed_up_at: Some(create.signed_up_at.unwrap_or_else(now_iso8601)),
        properties: create.properties,
        conversation_started: Some(false),
        credential_required: Some(false),
        ..AppUser::new(store.ids.next())
    };
    store.users.insert(&app_id, user.clone());
    one(StatusCode::CREATED, user)
}

/// `GET .../appusers/<user_id>/channels`: the user's ids on their channels (the SDKs are not
/// channels); 404 for an unknown user.
pub(crate) async fn get_app_user_channels(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    match shared.store().users.get(&app_id, &user_id) {
        // `channels` is required: an empty list is sent, not left out.
        Some(user) => json(
            StatusCode::OK,
            &json!({ "channels": users::channels(user) }),
        ),
        None => no_user(),
    }
}

/// `DELETE .../appusers/<user_id>/profile`: names, email and properties cleared (and each
/// client's display name, avatar and details), the user and conversation kept.
pub(crate) async fn delete_app_user_profile(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user_id)): Path<(String, String)>,
) -> Response {
    let mut store = shared.store();
    match store.users.get_mut(&app_id, &user_id) {
        Some(user) => {
            users::clear_profile(user);
            one(StatusCode::OK, user.clone())
        }
        None => no_user(),
    }
}
