//! Notifications: `POST /v1/apps/<app_id>/notifications`, the only endpoint under `/v1/`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::SentNotification;
use super::reply::json;
use super::routes::{bad_request, parse};
use super::state::Shared;
use super::validate;
use crate::models::{NotificationPost, NotificationRef, NotificationResponse};

/// `POST /v1/apps/<app_id>/notifications`: checks the notification, records it (see
/// [`FakeSmooch::notifications`](super::FakeSmooch::notifications)) and answers 201 with its
/// id (a UUID). Nothing is delivered: the fake has no channels.
pub(crate) async fn post_notification(
    State(shared): State<Arc<Shared>>,
    Path(app_id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let post: NotificationPost = match parse(body) {
        Ok(post) => post,
        Err(response) => return *response,
    };
    if let Err(description) = validate::notification(&post) {
        return bad_request(&description);
    }
    let mut store = shared.store();
    let id = uuid(&store.ids.next());
    store.notifications.push((
        app_id,
        SentNotification {
            id: id.clone(),
            notification: post,
        },
    ));
    json(
        StatusCode::CREATED,
        &NotificationResponse {
            notification: NotificationRef {
                id,
                ..NotificationRef::default()
            },
            ..NotificationResponse::default()
        },
    )
}

/// A version-4-shaped UUID made of a 24-hex-digit fake id.
fn uuid(id: &str) -> String {
    let hex = format!("{id:0>32}");
    format!(
        "{}-{}-4{}-8{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_shaped_like_uuids() {
        let id = uuid("5f0000000000000000000001");
        assert_eq!(id, "00000000-5f00-4000-8000-000000000001");
        assert_eq!(id.len(), 36);
    }
}
