//! The fake's API v2: every route it serves, both ways (the happy path decoded through the v2
//! client's own calls, and its refusals in v2's `errors[]` shape), and its v2 webhook
//! deliveries (retries, stop statuses, injected faults, the user hooks).

mod attachments;
mod auth;
mod clients;
mod conversations;
mod messages;
mod switchboard;
mod users;
mod webhooks;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use smooch_client::fake::{DeliveryPolicy, FakeSmooch};
use smooch_client::v2::models::{ConversationCreate, ParticipantJoin, UserCreate};
use smooch_client::v2::{ConversationsApi, UsersApi, V2};
use smooch_client::{ApiError, Error, Result};

pub const APP: &str = "app_fake_v2";

/// A fake with fast deliveries, and a v2 client for it.
pub async fn start() -> (FakeSmooch, V2) {
    let fake = FakeSmooch::start().await.unwrap();
    fake.set_delivery_policy(
        DeliveryPolicy::default().with_backoff(std::time::Duration::from_millis(1)),
    );
    let v2 = fake.client().unwrap().v2();
    (fake, v2)
}

/// Creates the user `external_id`; their `id`.
pub async fn user(v2: &V2, external_id: &str) -> String {
    let created = v2
        .create_user(APP, &UserCreate::new(external_id))
        .await
        .unwrap();
    created.user.unwrap().id.unwrap().to_string()
}

/// Creates a personal conversation of the user `user_id`; its id.
pub async fn personal(v2: &V2, user_id: &str) -> String {
    let create = ConversationCreate::personal(ParticipantJoin::user_id(user_id));
    let created = v2.create_conversation(APP, &create).await.unwrap();
    created.conversation.unwrap().id.unwrap().to_string()
}

/// The refusal of a call, checked to be in v2's shape (`errors[]` with a code and a title):
/// its status, code and title.
#[track_caller]
pub fn refused<T: std::fmt::Debug>(result: Result<T>) -> (u16, String, String) {
    let error = result.expect_err("the fake refuses the call");
    let Error::Api(api) = error else {
        panic!("not an API error: {error:?}");
    };
    let ApiError {
        status,
        code,
        description,
        errors,
        ..
    } = *api;
    assert_eq!(errors.len(), 1, "one entry in errors[]");
    assert_eq!(errors[0].code, code);
    assert_eq!(errors[0].title, description);
    (
        status.as_u16(),
        code.unwrap_or_default(),
        description.unwrap_or_default(),
    )
}

/// A webhook receiver on 127.0.0.1 that records every call and answers the queued statuses
/// (then 200).
#[derive(Clone, Default)]
pub struct Bot {
    calls: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
    answers: Arc<Mutex<VecDeque<u16>>>,
}

impl Bot {
    pub async fn start() -> (Bot, String) {
        let bot = Bot::default();
        let state = bot.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let state = state.clone();
                async move {
                    state.calls.lock().unwrap().push((headers, body));
                    let status = state.answers.lock().unwrap().pop_front().unwrap_or(200);
                    StatusCode::from_u16(status).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (bot, url)
    }

    pub fn answer(&self, statuses: &[u16]) {
        self.answers.lock().unwrap().extend(statuses);
    }

    /// Every call: its `X-API-Key` and its JSON body.
    pub fn calls(&self) -> Vec<(String, serde_json::Value)> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .map(|(headers, body)| {
                let key = headers
                    .get("x-api-key")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_owned();
                (key, serde_json::from_slice(body).unwrap())
            })
            .collect()
    }

    /// The `type` of each event received, in order.
    pub fn event_types(&self) -> Vec<String> {
        self.calls()
            .iter()
            .flat_map(|(_, body)| body["events"].as_array().cloned().unwrap_or_default())
            .map(|event| event["type"].as_str().unwrap_or_default().to_owned())
            .collect()
    }
}
