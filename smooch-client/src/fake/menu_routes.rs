//! The app menu: get, set (`PUT`), and delete.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::reply::json;
use super::routes::{bad_request, parse};
use super::state::Shared;
use super::validate;
use crate::models::{Menu, MenuResponse};

fn one(menu: Menu) -> Response {
    json(
        StatusCode::OK,
        &MenuResponse {
            menu,
            ..MenuResponse::default()
        },
    )
}

/// `GET .../menu`: the app's menu (`{"menu": {"items": []}}` when it has none).
pub(crate) async fn get_menu(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
) -> Response {
    let menu = shared.store().menus.get(&app_id).cloned();
    one(menu.unwrap_or_default())
}

/// `PUT .../menu`: replaces the menu with a valid one and answers it.
pub(crate) async fn update_menu(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let menu: Menu = match parse(body) {
        Ok(menu) => menu,
        Err(response) => return *response,
    };
    if let Err(description) = validate::menu(&menu) {
        return bad_request(&description);
    }
    shared.store().menus.insert(app_id, menu.clone());
    one(menu)
}

/// `DELETE .../menu`: removes the menu and answers the empty one.
pub(crate) async fn delete_menu(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
) -> Response {
    shared.store().menus.remove(&app_id);
    one(Menu::default())
}
