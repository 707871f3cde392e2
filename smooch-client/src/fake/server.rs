//! The HTTP side of the fake: the router, and the gate every API request passes (counting,
//! injected faults, authentication). The routes themselves are in `routes` (conversations),
//! `app_user_routes`, `attachment_routes` (attachments, media, image messages), `menu_routes`,
//! `notification_routes` and `webhook_routes`; the answers' shapes in `reply`, the state they
//! share in `state`. Media URLs are served beside the gate, as Smooch serves them from a host
//! of their own.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use percent_encoding::percent_decode_str;

use super::attachment_routes::{self, MAX_MULTIPART_BODY, MEDIA_PREFIX};
use super::faults::Fault;
use super::reply::error;
use super::state::Shared;
use super::{app_user_routes, menu_routes, notification_routes, routes, webhook_routes};

/// The API routes behind the gate, and the media beside it.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    const APP: &str = "/v1.1/apps/{app_id}";
    const USER: &str = "/v1.1/apps/{app_id}/appusers/{user_id}";
    const WEBHOOKS: &str = "/v1.1/apps/{app_id}/webhooks";
    let files = DefaultBodyLimit::max(MAX_MULTIPART_BODY);
    let api = Router::new()
        .route(
            &format!("{APP}/appusers"),
            post(app_user_routes::pre_create_app_user),
        )
        .route(
            USER,
            get(app_user_routes::get_app_user)
                .put(app_user_routes::update_app_user)
                .delete(app_user_routes::delete_app_user),
        )
        .route(
            &format!("{USER}/channels"),
            get(app_user_routes::get_app_user_channels),
        )
        .route(
            &format!("{USER}/profile"),
            delete(app_user_routes::delete_app_user_profile),
        )
        .route(
            &format!("{USER}/images"),
            post(attachment_routes::post_image_message).layer(files),
        )
        .route(
            &format!("{APP}/attachments"),
            post(attachment_routes::upload_attachment).layer(files),
        )
        .route(
            &format!("{APP}/attachments/remove"),
            post(attachment_routes::remove_attachment),
        )
        .route(
            &format!("{APP}/menu"),
            get(menu_routes::get_menu)
                .put(menu_routes::update_menu)
                .delete(menu_routes::delete_menu),
        )
        .route(
            "/v1/apps/{app_id}/notifications",
            post(notification_routes::post_notification),
        )
        .route(
            WEBHOOKS,
            get(webhook_routes::list_webhooks).post(webhook_routes::create_webhook),
        )
        .route(
            &format!("{WEBHOOKS}/{{webhook_id}}"),
            get(webhook_routes::get_webhook)
                .put(webhook_routes::update_webhook)
                .delete(webhook_routes::delete_webhook),
        )
        .route(
            &format!("{USER}/messages"),
            get(routes::get_messages)
                .post(routes::post_message)
                .delete(routes::delete_messages),
        )
        .route(
            &format!("{USER}/messages/{{message_id}}"),
            delete(routes::delete_message),
        )
        .route(
            &format!("{USER}/conversation/activity"),
            post(routes::conversation_activity),
        )
        .route(
            &format!("{USER}/conversation/read"),
            post(routes::reset_unread_count),
        )
        .fallback(|| async { error(StatusCode::NOT_FOUND, "not_found", "Resource not found") })
        .layer(middleware::from_fn_with_state(shared.clone(), gate));
    Router::new()
        .route(
            &format!("{MEDIA_PREFIX}/{{app_id}}/{{media_id}}/{{file_name}}"),
            get(attachment_routes::serve_media),
        )
        .merge(api)
        .with_state(shared)
}

/// Counts the request, applies the next injected fault, and checks credentials.
async fn gate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    let fault = shared.faults().pop_front();

    if let Some(Fault::Status {
        status,
        retry_after,
    }) = &fault
    {
        let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = error(status, Fault::code(status.as_u16()), "Injected fault");
        if let Some(value) = retry_after
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            response.headers_mut().insert(RETRY_AFTER, value);
        }
        return response;
    }

    if let Some(Fault::Redirect { status, location }) = &fault {
        let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::TEMPORARY_REDIRECT);
        let mut response = status.into_response();
        if let Ok(location) = HeaderValue::from_str(location) {
            response.headers_mut().insert(LOCATION, location);
        }
        return response;
    }

    if let Some(Fault::Answer { status, body }) = &fault {
        let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::OK);
        let mut response = (status, body.clone()).into_response();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        return response;
    }

    if let Some(Fault::HtmlError(status)) = &fault {
        let status = StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_GATEWAY);
        let page = format!(
            "<html><head><title>{status}</title></head><body><h1>{status}</h1></body></html>"
        );
        let mut response = (status, page).into_response();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
        return response;
    }

    let authorization = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let user_id = path_user_id(request.uri().path());
    if let Err(description) = shared.key.check(authorization, user_id.as_deref()) {
        return error(StatusCode::UNAUTHORIZED, "unauthorized", &description);
    }

    let response = next.run(request).await;
    match fault {
        Some(Fault::Delay(delay)) => {
            tokio::time::sleep(delay).await;
            response
        }
        Some(Fault::DropConnection) => cut_short(response).await,
        Some(Fault::TruncatedBody) => {
            let (mut parts, body) = response.into_parts();
            parts.headers.remove(CONTENT_LENGTH);
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            Response::from_parts(parts, Body::from(bytes.slice(..bytes.len() / 2)))
        }
        Some(Fault::MalformedBody) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(CONTENT_LENGTH);
            Response::from_parts(parts, Body::from("{\"message\": <not json>"))
        }
        Some(Fault::EmptyBody) => {
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(CONTENT_LENGTH);
            Response::from_parts(parts, Body::empty())
        }
        _ => response,
    }
}

/// `/v1.1/apps/<app>/appusers/<user>/...` -> the decoded `<user>`.
fn path_user_id(path: &str) -> Option<String> {
    let mut segments = path.split('/').skip(1);
    match (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) {
        (Some("v1.1"), Some("apps"), Some(_), Some("appusers"), Some(user)) => {
            percent_decode_str(user)
                .decode_utf8()
                .ok()
                .map(|u| u.into_owned())
        }
        _ => None,
    }
}

/// Sends the status, headers and half the body, then fails the body so the connection is cut.
async fn cut_short(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(CONTENT_LENGTH);
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let half = bytes.slice(..bytes.len() / 2);
    let chunks: [Result<bytes::Bytes, std::io::Error>; 2] = [
        Ok(half),
        Err(std::io::Error::other(
            "connection dropped by an injected fault",
        )),
    ];
    Response::from_parts(parts, Body::from_stream(futures_util::stream::iter(chunks)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_user_id_is_read_from_the_path() {
        assert_eq!(
            path_user_id("/v1.1/apps/a/appusers/u%2F1/messages").as_deref(),
            Some("u/1")
        );
        assert_eq!(path_user_id("/v1.1/apps/a"), None);
        assert_eq!(path_user_id("/other"), None);
    }
}
