//! A user's clients: `POST`/`GET .../users/<user>/clients` and `DELETE
//! .../users/<user>/clients/<client_id>`. The user hooks give a user an `sdk` client (the Web
//! Messenger) the first time they act.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::events::{self, Event, user_truncated};
use super::paging::{answer, list_url};
use super::store::{App, id_of};
use super::{bad_request, no_conversation, not_found, ok, parse};
use crate::fake::reply::json;
use crate::fake::state::Shared;
use crate::fake::store::Ids;
use crate::models::ClientStatus;
use crate::v2::models::{
    Client, ClientCreate, ClientListResponse, ClientResponse, ClientType, DateTime, MatchCriteria,
    User, WebhookTrigger,
};

fn no_user() -> Response {
    not_found("user_not_found", "User not found")
}

/// `client:add` or `client:remove` (`reason`), through the API.
fn client_event(r#type: WebhookTrigger, user: &User, client: &Client, reason: &str) -> Event {
    Event {
        r#type,
        payload: json!({
            "user": user_truncated(user),
            "client": serde_json::to_value(client).unwrap_or(Value::Null),
            "reason": reason,
            "source": {"type": "api"},
        }),
    }
}

/// Gives the user `user_id` an active `sdk` client (the Web Messenger) if they have none.
pub(crate) fn ensure_web_client(app: &mut App, ids: &mut Ids, user_id: &str) {
    let clients = app.clients.entry(user_id.to_owned()).or_default();
    if clients.iter().all(|c| c.r#type != Some(ClientType::Sdk)) {
        let now = DateTime::now();
        clients.push(Client {
            id: Some(ids.next().into()),
            r#type: Some(ClientType::Sdk),
            status: Some(ClientStatus::Active),
            last_seen: Some(now.clone()),
            linked_at: Some(now),
            ..Client::default()
        });
    }
}

/// `POST .../clients`: links the user to a channel (`mailgun`, `messagebird`, `twilio`,
/// `whatsapp`) in one of their conversations; the client is `pending`; `client:add` goes to the
/// subscribed webhooks.
pub(crate) async fn create_client(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let create: ClientCreate = match parse(body) {
        Ok(create) => create,
        Err(response) => return *response,
    };
    let (r#type, integration_id, external_id) = match &create.match_criteria {
        MatchCriteria::Mailgun(m) => (ClientType::Mailgun, &m.integration_id, &m.address),
        MatchCriteria::Messagebird(m) => {
            (ClientType::Messagebird, &m.integration_id, &m.phone_number)
        }
        MatchCriteria::Twilio(m) => (ClientType::Twilio, &m.integration_id, &m.phone_number),
        MatchCriteria::Whatsapp(m) => (ClientType::Whatsapp, &m.integration_id, &m.phone_number),
        MatchCriteria::Other(other) => {
            return bad_request(&format!(
                "`matchCriteria.type` must be `mailgun`, `messagebird`, `twilio` or \
                 `whatsapp`, not `{}`",
                other.tag
            ));
        }
    };
    if integration_id.is_empty() || external_id.is_empty() {
        return bad_request("`matchCriteria` needs an `integrationId` and the user's address");
    }
    if create.confirmation.r#type.is_unknown() {
        return bad_request("`confirmation.type` must be `immediate`, `userActivity` or `prompt`");
    }
    let (user, client) = {
        let mut store = shared.store();
        let store = &mut *store;
        let app = store.v2.app(&app_id);
        let Some(user) = app.user(&user).cloned() else {
            return no_user();
        };
        let conversation_id = &create.target.conversation_id;
        match app.thread(conversation_id) {
            None => return no_conversation(),
            Some(thread) if !thread.has_participant(id_of(&user.id)) => {
                return bad_request("The user does not take part in the target conversation");
            }
            Some(_) => {}
        }
        let client = Client {
            id: Some(store.ids.next().into()),
            r#type: Some(r#type),
            status: Some(ClientStatus::Pending),
            integration_id: Some(integration_id.as_str().into()),
            external_id: Some(external_id.clone()),
            linked_at: Some(DateTime::now()),
            ..Client::default()
        };
        app.clients
            .entry(id_of(&user.id).to_owned())
            .or_default()
            .push(client.clone());
        (user, client)
    };
    events::emit(
        &shared,
        &app_id,
        client_event(WebhookTrigger::ClientAdd, &user, &client, "channelLinking"),
    );
    json(
        StatusCode::CREATED,
        &ClientResponse {
            client: Some(client),
            ..ClientResponse::default()
        },
    )
}

/// `GET .../clients`: the user's clients, oldest first, paged.
pub(crate) async fn list_clients(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let store = shared.store();
    let Some((app, user_model)) = store
        .v2
        .get(&app_id)
        .and_then(|app| Some((app, app.user(&user)?)))
    else {
        return no_user();
    };
    let clients = app
        .clients
        .get(id_of(&user_model.id))
        .map(Vec::as_slice)
        .unwrap_or_default();
    let url = list_url(
        &shared.base_url,
        &["v2", "apps", &app_id, "users", &user, "clients"],
    );
    answer(
        &query,
        None,
        false,
        clients,
        |c: &Client| id_of(&c.id),
        &url,
        |clients, meta, links| ClientListResponse {
            clients,
            meta: Some(meta),
            links: Some(links),
            ..ClientListResponse::default()
        },
    )
}

/// `DELETE .../clients/<client_id>`: 404 `client_not_found`; an `sdk` client cannot be
/// removed (400). `client:remove` goes to the subscribed webhooks.
pub(crate) async fn remove_client(
    State(shared): State<Arc<Shared>>,
    Path((app_id, user, client_id)): Path<(String, String, String)>,
) -> Response {
    let (user, client) = {
        let mut store = shared.store();
        let app = store.v2.app(&app_id);
        let Some(user) = app.user(&user).cloned() else {
            return no_user();
        };
        let clients = app.clients.entry(id_of(&user.id).to_owned()).or_default();
        let Some(at) = clients.iter().position(|c| id_of(&c.id) == client_id) else {
            return not_found("client_not_found", "Client not found");
        };
        if clients[at].r#type == Some(ClientType::Sdk) {
            return bad_request("An `sdk` client cannot be removed");
        }
        (user, clients.remove(at))
    };
    events::emit(
        &shared,
        &app_id,
        client_event(WebhookTrigger::ClientRemove, &user, &client, "api"),
    );
    ok()
}
