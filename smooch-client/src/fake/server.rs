//! The HTTP side of the fake: the router, and the gate every request passes (counting, injected
//! faults, authentication). The routes themselves are in `routes`, the answers' shapes in
//! `reply`, the state they share in `state`.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use percent_encoding::percent_decode_str;

use super::faults::Fault;
use super::reply::error;
use super::state::Shared;
use super::{routes, webhook_routes};

/// The ConversationApi and Webhook API routes behind the gate.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    const USER: &str = "/v1.1/apps/{app_id}/appusers/{user_id}";
    const WEBHOOKS: &str = "/v1.1/apps/{app_id}/webhooks";
    Router::new()
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
        .layer(middleware::from_fn_with_state(shared.clone(), gate))
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
