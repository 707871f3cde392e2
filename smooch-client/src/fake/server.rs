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
use axum::handler::Handler;
use axum::http::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, get, on};
use percent_encoding::percent_decode_str;

use super::attachment_routes::{self, MAX_MULTIPART_BODY, MEDIA_PREFIX};
use super::faults::Fault;
use super::reply::{Api, error_in};
use super::state::Shared;
use super::{app_user_routes, menu_routes, notification_routes, routes, webhook_routes};
use crate::{
    AppUserApi, AttachmentApi, Client, ConversationApi, MenuApi, Method, NotificationApi, Route,
    WebhookApi,
};

/// The API routes behind the gate, and the media beside it. Each route is the one its
/// endpoint declares (`<Client as ConversationApi>::POST_MESSAGE`): the paths are written once,
/// in the `#[endpoint]` lines.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    use app_user_routes as users;
    use attachment_routes as files;
    use menu_routes as menu;
    use routes as conversation;
    use webhook_routes as webhooks;
    type C = Client;
    // Uploads take bodies up to the API's file limit.
    let upload = |served| with_body_limit(MAX_MULTIPART_BODY, served);
    // One line per route: the table reads as the list of what the fake serves.
    #[rustfmt::skip]
    let routes = [
        at(<C as AppUserApi>::PRE_CREATE_APP_USER, users::pre_create_app_user),
        at(<C as AppUserApi>::GET_APP_USER, users::get_app_user),
        at(<C as AppUserApi>::UPDATE_APP_USER, users::update_app_user),
        at(<C as AppUserApi>::DELETE_APP_USER, users::delete_app_user),
        at(<C as AppUserApi>::GET_APP_USER_CHANNELS, users::get_app_user_channels),
        at(<C as AppUserApi>::DELETE_APP_USER_PROFILE, users::delete_app_user_profile),
        upload(at(<C as AppUserApi>::POST_IMAGE_MESSAGE, files::post_image_message)),
        upload(at(<C as AttachmentApi>::UPLOAD_ATTACHMENT, files::upload_attachment)),
        at(<C as AttachmentApi>::REMOVE_ATTACHMENT, files::remove_attachment),
        at(<C as MenuApi>::GET_MENU, menu::get_menu),
        at(<C as MenuApi>::UPDATE_MENU, menu::update_menu),
        at(<C as MenuApi>::DELETE_MENU, menu::delete_menu),
        at(<C as NotificationApi>::POST_NOTIFICATION, notification_routes::post_notification),
        at(<C as WebhookApi>::LIST_WEBHOOKS, webhooks::list_webhooks),
        at(<C as WebhookApi>::CREATE_WEBHOOK, webhooks::create_webhook),
        at(<C as WebhookApi>::GET_WEBHOOK, webhooks::get_webhook),
        at(<C as WebhookApi>::UPDATE_WEBHOOK, webhooks::update_webhook),
        at(<C as WebhookApi>::DELETE_WEBHOOK, webhooks::delete_webhook),
        at(<C as ConversationApi>::GET_MESSAGES, conversation::get_messages),
        at(<C as ConversationApi>::POST_MESSAGE, conversation::post_message),
        at(<C as ConversationApi>::DELETE_MESSAGES, conversation::delete_messages),
        at(<C as ConversationApi>::DELETE_MESSAGE, conversation::delete_message),
        at(<C as ConversationApi>::CONVERSATION_ACTIVITY, conversation::conversation_activity),
        at(<C as ConversationApi>::RESET_UNREAD_COUNT, conversation::reset_unread_count),
    ];
    let api = routes
        .into_iter()
        .chain(v2_routes())
        .fold(Router::new(), |api, (route, handler)| {
            api.route(&axum_path(&route), handler)
        })
        .fallback(|uri: Uri| async move {
            error_in(
                Api::of(uri.path()),
                StatusCode::NOT_FOUND,
                "not_found",
                "Resource not found",
            )
        })
        .layer(middleware::from_fn_with_state(shared.clone(), gate));
    Router::new()
        .route(
            &format!("{MEDIA_PREFIX}/{{app_id}}/{{media_id}}/{{file_name}}"),
            get(attachment_routes::serve_media),
        )
        .merge(api)
        .with_state(shared)
}

/// The v2 routes, one line each, as the v1.1 table (`<V2 as UsersApi>::CREATE_USER`).
#[cfg(feature = "v2")]
fn v2_routes() -> Vec<Served> {
    use super::v2 as fake;
    let upload = |served| with_body_limit(fake::MAX_UPLOAD_BODY, served);
    use crate::v2::{
        ActivitiesApi, AppsApi, AttachmentsApi, ClientsApi, ConversationsApi, IntegrationsApi,
        MessagesApi, ParticipantsApi, SwitchboardActionsApi, UsersApi, V2, WebhooksApi,
    };
    #[rustfmt::skip]
    let routes = vec![
        at(<V2 as AppsApi>::GET_APP, fake::get_app),
        at(<V2 as UsersApi>::CREATE_USER, fake::create_user),
        at(<V2 as UsersApi>::GET_USER, fake::get_user),
        at(<V2 as UsersApi>::UPDATE_USER, fake::update_user),
        at(<V2 as UsersApi>::DELETE_USER, fake::delete_user),
        at(<V2 as ClientsApi>::CREATE_CLIENT, fake::create_client),
        at(<V2 as ClientsApi>::LIST_CLIENTS, fake::list_clients),
        at(<V2 as ClientsApi>::REMOVE_CLIENT, fake::remove_client),
        at(<V2 as ConversationsApi>::CREATE_CONVERSATION, fake::create_conversation),
        at(<V2 as ConversationsApi>::LIST_CONVERSATIONS, fake::list_conversations),
        at(<V2 as ConversationsApi>::GET_CONVERSATION, fake::get_conversation),
        at(<V2 as ConversationsApi>::UPDATE_CONVERSATION, fake::update_conversation),
        at(<V2 as ConversationsApi>::DELETE_CONVERSATION, fake::delete_conversation),
        at(<V2 as ParticipantsApi>::JOIN_CONVERSATION, fake::join_conversation),
        at(<V2 as ParticipantsApi>::LEAVE_CONVERSATION, fake::leave_conversation),
        at(<V2 as ParticipantsApi>::LIST_PARTICIPANTS, fake::list_participants),
        at(<V2 as MessagesApi>::POST_MESSAGE, fake::post_message),
        at(<V2 as MessagesApi>::LIST_MESSAGES, fake::list_messages),
        at(<V2 as MessagesApi>::DELETE_ALL_MESSAGES, fake::delete_all_messages),
        at(<V2 as MessagesApi>::DELETE_MESSAGE, fake::delete_message),
        at(<V2 as ActivitiesApi>::POST_ACTIVITY, fake::post_activity),
        at(<V2 as IntegrationsApi>::CREATE_INTEGRATION, fake::create_integration),
        at(<V2 as IntegrationsApi>::GET_INTEGRATION, fake::get_integration),
        at(<V2 as IntegrationsApi>::DELETE_INTEGRATION, fake::delete_integration),
        at(<V2 as WebhooksApi>::CREATE_WEBHOOK, fake::create_webhook),
        at(<V2 as WebhooksApi>::LIST_WEBHOOKS, fake::list_webhooks),
        at(<V2 as WebhooksApi>::GET_WEBHOOK, fake::get_webhook),
        at(<V2 as WebhooksApi>::UPDATE_WEBHOOK, fake::update_webhook),
        at(<V2 as WebhooksApi>::DELETE_WEBHOOK, fake::delete_webhook),
        at(<V2 as SwitchboardActionsApi>::PASS_CONTROL, fake::pass_control),
        at(<V2 as SwitchboardActionsApi>::OFFER_CONTROL, fake::offer_control),
        at(<V2 as SwitchboardActionsApi>::ACCEPT_CONTROL, fake::accept_control),
        at(<V2 as SwitchboardActionsApi>::RELEASE_CONTROL, fake::release_control),
        upload(at(<V2 as AttachmentsApi>::UPLOAD_ATTACHMENT, fake::upload_attachment)),
        at(<V2 as AttachmentsApi>::DELETE_ATTACHMENT, fake::delete_attachment),
    ];
    routes
}

/// Without the `v2` feature, no v2 route.
#[cfg(not(feature = "v2"))]
fn v2_routes() -> Vec<Served> {
    Vec::new()
}

/// `served`, taking bodies up to `limit` bytes (an upload route).
fn with_body_limit(limit: usize, (route, handler): Served) -> Served {
    (route, handler.layer(DefaultBodyLimit::max(limit)))
}

/// A route and the handler that serves it.
type Served = (Route, MethodRouter<Arc<Shared>>);

/// `handler` for `route`, on the route's own method. Routes that share a path (GET and POST of
/// messages) share one entry of the router, one handler per method.
fn at<H, T>(route: Route, handler: H) -> Served
where
    H: Handler<T, Arc<Shared>>,
    T: 'static,
{
    let filter = match *route.method() {
        Method::POST => MethodFilter::POST,
        Method::PUT => MethodFilter::PUT,
        Method::PATCH => MethodFilter::PATCH,
        Method::DELETE => MethodFilter::DELETE,
        _ => MethodFilter::GET,
    };
    (route, on(filter, handler))
}

/// `/v1.1/apps/<app_id>/menu` -> `/v1.1/apps/{app_id}/menu`.
pub(crate) fn axum_path(route: &Route) -> String {
    route
        .path()
        .split('/')
        .map(
            |segment| match segment.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                Some(name) => format!("{{{name}}}"),
                None => segment.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

/// Counts the request, applies the next injected fault, and checks credentials.
async fn gate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    let api = Api::of(request.uri().path());
    let error = |status, code: &str, text: &str| error_in(api, status, code, text);
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
