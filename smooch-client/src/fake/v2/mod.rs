//! The fake's API v2 (cargo features `fake` and `v2`): what a v2 bot uses, served by the same
//! [`FakeSmooch`] as v1.1, behind the same gate (credentials, request count, injected
//! [`Fault`](super::Fault)s), with v2's error body `{"errors": [{"code", "title"}]}` for every
//! refusal (400 `bad_request` naming what is wrong, 404 with the sheet's codes, 401 for
//! missing or wrong credentials).
//!
//! Served (each route is the one its `#[endpoint]` line declares):
//!
//! - **The app**: `GET /v2/apps/<app_id>` (every app exists).
//! - **Users**: create (`externalId` of 1–1024 characters, unique: else 409 `conflict`;
//!   `profile` texts within their limits), get, update (`null` removes a profile field or the
//!   metadata) and delete (their personal conversations go too; `user:remove`), by `id` or
//!   `externalId`; unknown: 404 `user_not_found`.
//! - **Conversations**: create (`personal`: exactly one participant; `sdkGroup`: up to 10;
//!   each a user of the app, else 404 `user_not_found`; a user's first personal conversation is
//!   their default one; `conversation:create`), list (exactly one of `filter[userId]` and
//!   `filter[userExternalId]`), get, update, delete (not a default conversation: 400;
//!   `conversation:remove`); unknown: 404 `conversation_not_found`.
//! - **Participants**: join (`sdkGroup` only, up to 10; `conversation:join`), leave (by
//!   `userId`, `userExternalId` or `participantId`; not a participant: 404 `not_found`;
//!   `conversation:leave`), list.
//! - **Messages**: post (every content type checked as the sheet says: a `text` needs `text`
//!   unless it has actions or rich text, `htmlText` and `markdownText` exclude each other,
//!   carousels and lists have 1–10 items of 1–3 actions, media URLs are http(s), a `template`
//!   needs `schema: "whatsapp"`, a `formResponse` cannot be sent, an unknown type is refused;
//!   a `user` author must take part in the conversation; at most 30,000 messages, then 423
//!   `locked`), stored with an `id`, a `received` time (strictly increasing per conversation),
//!   `source.type: "api"`, the author's `displayName` from the user's profile, a `mediaType`
//!   for images and files; 201 `{"messages": [...]}`; `conversation:message` for every author.
//!   List: the latest 100 (oldest first inside the page), or the 100 before `page[before]` /
//!   after `page[after]` (record ids; `page[size]` ignored), with `meta.hasMore`,
//!   `beforeCursor`, `afterCursor` and `links.prev`/`next`. Delete one (404 `not_found`) or
//!   all (the conversation stays).
//! - **Activities**: `conversation:read`, `typing:start`, `typing:stop`; a `user` author may
//!   only read (their `unreadCount` goes to 0; `conversation:read`); a business read sets
//!   `businessLastRead`. Business messages raise every participant's `unreadCount`.
//! - **Custom integrations**: create a `custom` integration with exactly one webhook (other
//!   integration types are not served: 400), get, delete; the **Webhooks API** on it (create,
//!   list, get, update, delete; an http(s) `target`, known and non-empty `triggers`, at most 10
//!   webhooks per app); each webhook gets an id, `version: "v2"` and a secret (32 hex digits).
//! - **Switchboard actions**: `passControl` / `offerControl` (need `switchboardIntegration`),
//!   `acceptControl` (when nothing was offered: 200, and `switchboard:acceptControl:failure`),
//!   `releaseControl` (optional body). The fake
//!   keeps no switchboards: the integration named is recorded on the conversation as it is
//!   (`activeSwitchboardIntegration` / `pendingSwitchboardIntegration`, its `id` and `name` both
//!   the name given), and `switchboard:passControl`, `:offerControl`, `:acceptControl` or
//!   `:releaseControl` goes to the subscribed webhooks.
//! - **Clients**: create (a `mailgun`, `messagebird`, `twilio` or `whatsapp` link to a
//!   conversation the user takes part in; `pending`; `client:add`), list (paged), remove (404
//!   `client_not_found`; an `sdk` client cannot be removed: 400; `client:remove`). A user who
//!   acts through [`FakeV2`]'s hooks has an active `sdk` client (the Web Messenger).
//! - **Attachments**: upload (multipart `source`, at most 50 MB, else 413; `access` required
//!   and only `public`; `for` only `message`; a `conversationId` must name a conversation, else
//!   404) answers `{"attachment": {"mediaUrl", "mediaType"}}`, the file served at that URL as
//!   v1.1's attachments are; `POST .../attachments/remove` (404 `not_found` for a URL that is
//!   not one of the app's files). Media is not downloaded or sized.
//!
//! Not served (404): apps other than `GET`, app keys, integration types other than `custom`,
//! integration keys, switchboards and their integrations, devices,
//! ListUsers, SyncUser, personal-information deletion, message references, conversion events,
//! OAuth.
//!
//! # v2 and v1.1 data are separate
//!
//! The sheet does not say that the platform shows a v1.1 app user's messages in v2 reads (or
//! the other way round), so the fake keeps the two apart: a v1.1 app user and their
//! conversation are not v2 users and conversations, a message sent through the v1.1 hooks
//! ([`user_says`](FakeSmooch::user_says), ...) or `/v1.1/...` causes v1.1 deliveries only,
//! and one sent through [`FakeV2`]'s hooks or `/v2/...` causes v2 deliveries only. Both live in
//! the fake's one store and take ids from one counter.
//!
//! # Deliveries
//!
//! The fake POSTs each v2 event to every webhook of the app's custom integrations subscribed
//! to its type, as the platform does: `{"app": {"id"}, "webhook": {"id", "version": "v2"},
//! "events": [{"id", "type", "createdAt", "payload"}]}` (one event per delivery; the event
//! keeps its id through the retries), the webhook's secret in `X-API-Key`, and the same retry
//! and stop rules, [`DeliveryPolicy`](super::DeliveryPolicy), injected
//! [`DeliveryFault`](super::DeliveryFault)s and records
//! ([`deliveries`](FakeSmooch::deliveries), whose [`version`](super::DeliveryAttempt::version)
//! is `"v2"`) as v1.1's. The users in events are short (`id`, `externalId`, `authenticated`,
//! ...) unless the webhook has `includeFullUser`; the fake has no clients or devices, so
//! `includeFullSource` adds nothing.
//!
//! | what | event |
//! |---|---|
//! | a message posted (any author), [`FakeV2::user_says`], [`FakeV2::user_sends`], a tap on a reply button | `conversation:message` |
//! | [`FakeV2::user_taps`] a postback button | `conversation:postback` |
//! | a conversation created / deleted | `conversation:create` / `conversation:remove` |
//! | a participant joins / leaves | `conversation:join` / `conversation:leave` |
//! | [`FakeV2::user_reads`], or a user's `conversation:read` activity | `conversation:read` |
//! | [`FakeV2::user_types`] | `conversation:typing` |
//! | a user deleted | `user:remove` |
//! | a client created / removed | `client:add` / `client:remove` |
//! | a switchboard action | `switchboard:passControl`, `:offerControl`, `:acceptControl` (or `:acceptControl:failure`), `:releaseControl` |
//!
//! ```
//! use smooch_client::fake::FakeSmooch;
//! use smooch_client::v2::{ConversationsApi, IntegrationsApi, UsersApi};
//! use smooch_client::v2::models::{
//!     ConversationCreate, Custom, CustomWebhook, IntegrationCreate, ParticipantJoin, UserCreate,
//! };
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeSmooch::start().await?;
//! let v2 = fake.client()?.v2();
//! // Nothing listens on port 1: every attempt fails, and is retried.
//! let hook = CustomWebhook::new("http://127.0.0.1:1/hook", ["conversation:message"]);
//! v2.create_integration("app", &IntegrationCreate::new(Custom::new(hook))).await?;
//! let user = v2.create_user("app", &UserCreate::new("crm-1")).await?.user.unwrap();
//! let join = ParticipantJoin::user_id(user.id.unwrap().as_str());
//! let created = v2.create_conversation("app", &ConversationCreate::personal(join)).await?;
//! let conversation = created.conversation.unwrap().id.unwrap();
//!
//! # fake.set_delivery_policy(smooch_client::fake::DeliveryPolicy::default()
//! #     .with_backoff(std::time::Duration::from_millis(1)));
//! fake.v2().user_says("app", &conversation, "crm-1", "Hello?")?;
//! fake.deliveries_settled().await;
//! let attempts = fake.deliveries();
//! assert_eq!(attempts.len(), 6, "the first attempt and 5 retries");
//! assert_eq!(attempts[0].payload["events"][0]["type"], "conversation:message");
//! assert_eq!(attempts[0].payload["webhook"]["version"], "v2");
//! # Ok(()) }
//! ```

mod attachments;
mod clients;
mod conversations;
mod events;
mod hooks;
mod integrations;
mod messages;
mod paging;
mod store;
mod switchboard;
mod users;
mod validate;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::StatusCode;
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use hooks::{FakeV2, StoredConversation, Tap};
pub(crate) use store::Store;

use super::FakeSmooch;
use super::reply::{Api, error_in, json};
use super::routes::parse_in;
use crate::v2::models::ConversationType;

pub(crate) use attachments::{MAX_BODY as MAX_UPLOAD_BODY, delete_attachment, upload_attachment};
pub(crate) use clients::{create_client, list_clients, remove_client};
pub(crate) use conversations::{
    create_conversation, delete_conversation, get_conversation, join_conversation,
    leave_conversation, list_conversations, list_participants, update_conversation,
};
pub(crate) use integrations::{
    create_integration, create_webhook, delete_integration, delete_webhook, get_integration,
    get_webhook, list_webhooks, update_webhook,
};
pub(crate) use messages::{
    delete_all_messages, delete_message, list_messages, post_activity, post_message,
};
pub(crate) use switchboard::{accept_control, offer_control, pass_control, release_control};
pub(crate) use users::{create_user, delete_user, get_app, get_user, update_user};

const PERSONAL: ConversationType = ConversationType::Personal;

/// A v2 refusal: the status, the `code` and the `title` of its `errors[]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) title: String,
}

impl Refusal {
    pub(crate) fn bad_request(title: &str) -> Self {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            title: title.to_owned(),
        }
    }

    pub(crate) fn not_found(code: &'static str, title: &str) -> Self {
        Refusal {
            status: StatusCode::NOT_FOUND,
            code,
            title: title.to_owned(),
        }
    }

    pub(crate) fn into_response(self) -> Response {
        fail(self.status, self.code, &self.title)
    }
}

/// A v2 error answer.
pub(crate) fn fail(status: StatusCode, code: &str, title: &str) -> Response {
    error_in(Api::V2, status, code, title)
}

pub(crate) fn bad_request(title: &str) -> Response {
    fail(StatusCode::BAD_REQUEST, "bad_request", title)
}

pub(crate) fn not_found(code: &str, title: &str) -> Response {
    fail(StatusCode::NOT_FOUND, code, title)
}

pub(crate) fn no_conversation() -> Response {
    not_found("conversation_not_found", "Conversation not found")
}

/// 200 `{}`.
pub(crate) fn ok() -> Response {
    json(StatusCode::OK, &serde_json::json!({}))
}

/// The JSON body, or the v2 error answer.
pub(crate) fn parse<T: DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
) -> Result<T, Box<Response>> {
    parse_in(Api::V2, body)
}

/// The JSON body as a model and as it was sent: decoding cannot tell a key sent as `null`
/// (remove it) from an absent one (keep it), the raw body can ([`sent_null`]).
pub(crate) fn parse_raw<T: DeserializeOwned>(
    body: Result<Bytes, BytesRejection>,
) -> Result<(T, Value), Box<Response>> {
    let raw: Value = parse(body)?;
    let model = serde_json::from_value(raw.clone())
        .map_err(|e| Box::new(bad_request(&format!("Invalid JSON body: {e}"))))?;
    Ok((model, raw))
}

/// Whether the key at `path` was sent as `null`.
pub(crate) fn sent_null(raw: &Value, path: &[&str]) -> bool {
    path.iter()
        .try_fold(raw, |value, key| value.get(key))
        .is_some_and(Value::is_null)
}

/// Marks each field whose key (under `at`) was sent as `null` for removal (`Some(None)`).
pub(crate) fn nulls_remove<'a, T: 'a>(
    raw: &Value,
    at: &[&str],
    fields: impl IntoIterator<Item = (&'a str, &'a mut Option<Option<T>>)>,
) {
    for (key, field) in fields {
        let path: Vec<&str> = at.iter().copied().chain([key]).collect();
        if sent_null(raw, &path) {
            *field = Some(None);
        }
    }
}

/// Applies a PATCH: each change sent replaces its field (`Some(None)` removes it); a field not
/// sent stays.
pub(crate) fn patch<'a, T: 'a>(
    changes: impl IntoIterator<Item = (&'a mut Option<T>, Option<Option<T>>)>,
) {
    for (field, change) in changes {
        if let Some(change) = change {
            *field = change;
        }
    }
}

impl FakeSmooch {
    /// The users' side of API v2, and what the fake stores for it: a user says something in a
    /// v2 conversation, taps a button, reads, types.
    pub fn v2(&self) -> FakeV2<'_> {
        FakeV2::new(&self.shared)
    }
}
