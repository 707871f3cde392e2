//! The embedded fake Smooch, end to end through the client: the real API's semantics,
//! authentication, injected faults and inspection.

use std::time::Duration;

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::json;
use smooch_client::fake::{FakeSmooch, Fault};
use smooch_client::models::Cursor;
use smooch_client::models::{ConversationActivity, MessagePost, Role, Source};
use smooch_client::{Client, ConversationApi, Error, RetryPolicy};
use smooch_tests::at;

const APP: &str = "app";
const USER: &str = "user/ü 1";

fn text(role: Role, text: &str) -> MessagePost {
    MessagePost::text(role, text)
}

/// A client that attempts each call once, to see each fault as it is.
fn once_client(fake: &FakeSmooch) -> Client {
    once_client_at(fake.base_url())
}

fn once_client_at(base_url: &str) -> Client {
    Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(base_url)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

fn status(error: &Error) -> Option<u16> {
    error.status().map(|s| s.as_u16())
}

fn api(error: Error) -> Box<smooch_client::ApiError> {
    match error {
        Error::Api(api) => api,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn posting_creates_the_conversation_and_stores_what_the_server_adds() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    assert!(fake.conversation(APP, USER).is_none());

    let first = client
        .post_message(APP, USER, &text(Role::AppUser, "hello"))
        .await
        .unwrap();
    let second = client
        .post_message(APP, USER, &text(Role::AppMaker, "hi!"))
        .await
        .unwrap();

    let stored = fake
        .conversation(APP, USER)
        .expect("created by the first message");
    assert_eq!(
        stored.messages,
        [first.message.clone(), second.message.clone()]
    );
    assert_eq!(stored.conversation, second.conversation);
    let message = &first.message;
    assert_eq!(message.id.len(), 24);
    assert_ne!(first.message.id, second.message.id);
    assert_eq!(message.author_id, USER);
    assert_eq!(
        message
            .source
            .as_ref()
            .and_then(|s: &Source| s.r#type.as_deref()),
        Some("api")
    );
    assert!(
        message.received > 1.6e9,
        "unix seconds: {}",
        message.received
    );
    assert_eq!(
        (message.received.as_unix_seconds() * 1000.0).round() / 1000.0,
        message.received.as_unix_seconds(),
        "millisecond fraction"
    );
    assert!(second.message.received > first.message.received);
    assert_eq!(first.conversation.id, second.conversation.id);
}

#[tokio::test]
async fn received_times_strictly_increase_even_in_a_burst() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    for i in 0..30 {
        client
            .post_message(APP, USER, &text(Role::AppUser, &i.to_string()))
            .await
            .unwrap();
    }
    let times: Vec<f64> = fake
        .conversation(APP, USER)
        .unwrap()
        .messages
        .iter()
        .map(|m| m.received.as_unix_seconds())
        .collect();
    assert!(times.windows(2).all(|pair| pair[0] < pair[1]), "{times:?}");
}

#[tokio::test]
async fn app_maker_messages_raise_the_unread_count_and_reading_resets_it() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();

    let error = client.reset_unread_count(APP, USER).await.unwrap_err();
    assert_eq!(status(&error), Some(404), "no conversation yet");

    client
        .post_message(APP, USER, &text(Role::AppMaker, "one"))
        .await
        .unwrap();
    client
        .post_message(APP, USER, &text(Role::AppUser, "reply"))
        .await
        .unwrap();
    let last = client
        .post_message(APP, USER, &text(Role::AppMaker, "two"))
        .await
        .unwrap();
    assert_eq!(last.conversation.unread_count, 2);
    assert_eq!(
        last.conversation.app_maker_last_read,
        Some(last.message.received)
    );

    client.reset_unread_count(APP, USER).await.unwrap();
    let conversation = fake.conversation(APP, USER).unwrap().conversation;
    assert_eq!(conversation.unread_count, 0);
    assert!(conversation.app_user_last_read > Some(last.message.received));
}

#[tokio::test]
async fn get_answers_404_then_pages_of_100_oldest_first() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    let error = api(error);
    assert_eq!((error.status.as_u16(), error.code.is_some()), (404, true));

    let times: Vec<f64> = (1..=150).map(|i| 1_600_000_000.0 + f64::from(i)).collect();
    fake.seed_messages(
        APP,
        USER,
        times.iter().map(|t| seeded(&format!("m{t}"), *t)),
    );

    let latest = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(latest.messages.len(), 100);
    assert_eq!(latest.messages[0].received, times[50]);
    assert_eq!(latest.messages[99].received, times[149]);
    assert!(latest.next.is_none());
    let previous = latest.previous.expect("older messages remain");
    assert!(
        previous.starts_with(fake.base_url()) && previous.contains("before=1600000051"),
        "{previous}"
    );

    let before = client
        .get_messages(APP, USER, Cursor::Before(at(times[50])))
        .await
        .unwrap();
    assert_eq!(
        before.messages.len(),
        50,
        "strictly before: the bound itself is excluded"
    );
    assert_eq!(before.messages.last().unwrap().received, times[49]);
    assert!(before.previous.is_none());
    assert!(before.next.is_some());

    let after = client
        .get_messages(APP, USER, Cursor::After(at(times[9])))
        .await
        .unwrap();
    assert_eq!(after.messages.len(), 100);
    assert_eq!(after.messages[0].received, times[10]);
    let next = after.next.expect("newer messages remain");
    assert!(next.contains("after=1600000110"), "{next}");
}

#[tokio::test]
async fn before_and_after_together_are_a_400_from_the_server_too() {
    let fake = FakeSmooch::start().await.unwrap();
    fake.client()
        .unwrap()
        .post_message(APP, "u", &text(Role::AppUser, "x"))
        .await
        .unwrap();
    let response = reqwest::Client::new()
        .get(format!(
            "{}/v1.1/apps/{APP}/appusers/u/messages?before=2&after=1",
            fake.base_url()
        ))
        .basic_auth(FakeSmooch::KEY_ID, Some(FakeSmooch::SECRET))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    assert!(
        body["error"]["description"]
            .as_str()
            .unwrap()
            .contains("mutually exclusive")
    );
}

#[tokio::test]
async fn deleting_one_message_or_all_of_them() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    assert_eq!(
        status(&client.delete_messages(APP, USER).await.unwrap_err()),
        Some(404)
    );

    let keep = client
        .post_message(APP, USER, &text(Role::AppUser, "keep"))
        .await
        .unwrap();
    let drop = client
        .post_message(APP, USER, &text(Role::AppUser, "drop"))
        .await
        .unwrap();
    client
        .delete_message(APP, USER, &drop.message.id)
        .await
        .unwrap();
    let stored = fake.conversation(APP, USER).unwrap();
    assert_eq!(stored.messages, [keep.message]);

    let error = client
        .delete_message(APP, USER, &drop.message.id)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(404), "already deleted");

    client.delete_messages(APP, USER).await.unwrap();
    let page = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert!(page.messages.is_empty());
    assert_eq!(
        page.conversation.map(|c| c.id),
        Some(keep.conversation.id),
        "the conversation stays"
    );
}

#[tokio::test]
async fn activities_answer_the_conversation_and_read_receipts_update_it() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    let typing = client
        .conversation_activity(APP, USER, &ConversationActivity::typing_start())
        .await
        .unwrap();
    assert_eq!(typing.conversation.unread_count, 0);
    assert_eq!(typing.conversation.app_maker_last_read, None);

    let read = client
        .conversation_activity(APP, USER, &ConversationActivity::read())
        .await
        .unwrap();
    assert!(read.conversation.app_maker_last_read.is_some());
    assert_eq!(read.conversation.id, typing.conversation.id);
}

fn mint(kid: &str, secret: &str, claims: serde_json::Value) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(kid.to_owned());
    jsonwebtoken::encode(
        &header,
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

fn jwt_client(fake: &FakeSmooch, token: String) -> Client {
    Client::builder()
        .jwt(token)
        .base_url(fake.base_url())
        .build()
        .unwrap()
}

#[tokio::test]
async fn credentials_are_checked() {
    let fake = FakeSmooch::with_credentials("app_custom", "custom-secret")
        .await
        .unwrap();
    let message = text(Role::AppUser, "hi");

    let basic = Client::builder()
        .basic_auth("app_custom", "custom-secret")
        .base_url(fake.base_url())
        .build()
        .unwrap();
    basic.post_message(APP, USER, &message).await.unwrap();
    fake.client()
        .unwrap()
        .post_message(APP, USER, &message)
        .await
        .unwrap();

    let good = mint("app_custom", "custom-secret", json!({"scope": "app"}));
    jwt_client(&fake, good.clone())
        .post_message(APP, USER, &message)
        .await
        .unwrap();
    let own_user = mint(
        "app_custom",
        "custom-secret",
        json!({"scope": "appUser", "userId": USER}),
    );
    jwt_client(&fake, own_user.clone())
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(fake.conversation(APP, USER).unwrap().messages.len(), 3);

    let wrong_secret = Client::builder()
        .basic_auth("app_custom", "nope")
        .base_url(fake.base_url())
        .build()
        .unwrap();
    let tampered = format!("{}A", &good[..good.len() - 1]);
    let refused = [
        wrong_secret,
        jwt_client(
            &fake,
            mint("app_custom", "wrong-secret", json!({"scope": "app"})),
        ),
        jwt_client(
            &fake,
            mint("app_other", "custom-secret", json!({"scope": "app"})),
        ),
        jwt_client(&fake, tampered),
        jwt_client(&fake, own_user).clone(),
    ];
    for (index, client) in refused.iter().enumerate() {
        let user = if index == 4 { "another-user" } else { USER };
        let error = api(client
            .get_messages(APP, user, Cursor::Latest)
            .await
            .unwrap_err());
        assert_eq!(error.status.as_u16(), 401, "case {index}");
        assert_eq!(error.code.as_deref(), Some("unauthorized"), "case {index}");
        assert!(error.description.is_some(), "case {index}");
    }

    let response = reqwest::get(format!(
        "{}/v1.1/apps/{APP}/appusers/u/messages",
        fake.base_url()
    ))
    .await
    .unwrap();
    assert_eq!(response.status().as_u16(), 401);
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"error": {"code": "unauthorized", "description": "Authorization is required"}})
    );
}

#[tokio::test]
async fn injected_statuses_surface_as_api_errors_and_store_nothing() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = once_client(&fake);
    fake.inject(1, Fault::rate_limited(Some(Duration::from_secs(7))));
    fake.inject(1, Fault::rate_limited(None));
    fake.inject(1, Fault::status(500));
    fake.inject(1, Fault::status(503));

    for (expected, code) in [
        (429, "too_many_requests"),
        (429, "too_many_requests"),
        (500, "internal_error"),
        (503, "service_unavailable"),
    ] {
        let error = api(client
            .post_message(APP, USER, &text(Role::AppMaker, "x"))
            .await
            .unwrap_err());
        assert_eq!(error.status.as_u16(), expected);
        assert_eq!(error.code.as_deref(), Some(code));
    }
    assert!(
        fake.conversation(APP, USER).is_none(),
        "a refused request stores nothing"
    );
    client
        .post_message(APP, USER, &text(Role::AppMaker, "x"))
        .await
        .unwrap();
    assert_eq!(fake.request_count(), 5);
}

#[tokio::test]
async fn retry_after_is_sent_with_injected_429s() {
    let fake = FakeSmooch::start().await.unwrap();
    fake.inject(1, Fault::rate_limited(Some(Duration::from_secs(7))));
    fake.inject(1, Fault::rate_limited(None));
    let http = reqwest::Client::new();
    let url = format!("{}/v1.1/apps/{APP}/appusers/u/messages", fake.base_url());
    let first = http.get(&url).send().await.unwrap();
    assert_eq!(
        first
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap()),
        Some("7")
    );
    let second = http.get(&url).send().await.unwrap();
    assert_eq!(second.status().as_u16(), 429);
    assert!(second.headers().get("retry-after").is_none());
}

#[tokio::test]
async fn a_late_answer_is_a_timeout_although_the_message_was_stored() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(fake.base_url())
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    fake.inject(1, Fault::Delay(Duration::from_secs(3)));

    let error = client
        .post_message(APP, USER, &text(Role::AppMaker, "late"))
        .await
        .unwrap_err();

    assert!(
        matches!(&error, Error::Timeout { operation, .. } if operation == "post_message"),
        "{error:?}"
    );
    assert_eq!(fake.conversation(APP, USER).unwrap().messages.len(), 1);
}

#[tokio::test]
async fn a_dropped_connection_is_a_transport_error_and_the_message_is_stored_once() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    fake.inject(1, Fault::DropConnection);

    let error = client
        .post_message(APP, USER, &text(Role::AppMaker, "cut"))
        .await
        .unwrap_err();

    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(fake.conversation(APP, USER).unwrap().messages.len(), 1);
    assert_eq!(fake.request_count(), 1, "sent once, not retried");
    // The next request is served normally.
    assert_eq!(
        client
            .get_messages(APP, USER, Cursor::Latest)
            .await
            .unwrap()
            .messages
            .len(),
        1
    );
}

#[tokio::test]
async fn the_fake_stops_on_shutdown_and_when_dropped() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    client
        .post_message(APP, USER, &text(Role::AppUser, "x"))
        .await
        .unwrap();
    fake.shutdown().await;
    let fresh = once_client_at(client.base_url().as_str());
    let error = fresh
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");

    // Dropping only signals the server: wait (bounded) until connections are refused.
    let fake = FakeSmooch::start().await.unwrap();
    let fresh = once_client_at(fake.base_url());
    drop(fake);
    let mut refused = false;
    for _ in 0..100 {
        if let Err(Error::Transport { .. }) = fresh.get_messages(APP, USER, Cursor::Latest).await {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(refused, "the dropped fake still answers");
}

#[tokio::test]
async fn a_delete_retried_after_it_took_effect_succeeds() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    let sent = client
        .post_message(APP, USER, &text(Role::AppUser, "x"))
        .await
        .unwrap();
    fake.inject(1, Fault::DropConnection);
    let before = fake.request_count();

    client
        .delete_message(APP, USER, &sent.message.id)
        .await
        .unwrap();

    assert_eq!(
        fake.request_count() - before,
        2,
        "deleted, connection lost, retried: 404"
    );
    assert!(fake.conversation(APP, USER).unwrap().messages.is_empty());
    // Without an earlier attempt that may have deleted it, a 404 is still an error.
    let error = client
        .delete_message(APP, USER, &sent.message.id)
        .await
        .unwrap_err();
    assert_eq!(status(&error), Some(404));
}

#[test]
fn the_fake_debug_hides_its_secret() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let fake = runtime
        .block_on(FakeSmooch::with_credentials("app_x", "hunter2"))
        .unwrap();
    let text = format!("{fake:?}");
    assert!(
        text.contains("app_x") && !text.contains("hunter2"),
        "{text}"
    );
}

/// A message as a test stores it directly in the fake.
pub fn seeded(id: &str, received: f64) -> smooch_client::models::Message {
    serde_json::from_value(json!({
        "_id": id, "authorId": "a", "role": "appUser", "type": "text", "received": received, "text": id
    }))
    .unwrap()
}
