//! v2 deliveries through the same `Verifier`, `Receiver`, axum handler and `Dedup` as v1.1:
//! the statuses of each refusal, events handed over one by one in order, what the handler
//! answers when one of several events fails, and each event handled once across redeliveries.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use smooch_client::HeaderMap;
use smooch_client::v2::webhook::{Delivery, Event, Payload};
use smooch_client::webhook::axum::handler;
use smooch_client::webhook::{Ambiguous, Claim, Dedup, DedupKey, Receiver, Verifier, WebhookError};
use smooch_tests::events_v2::{self as v2, APP_ID, SECRET};

fn headers(key: Option<&str>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(key) = key {
        headers.insert("X-API-Key", key.parse().unwrap());
    }
    headers
}

fn body(events: Vec<Value>) -> Vec<u8> {
    serde_json::to_vec(&v2::delivery(events)).unwrap()
}

#[test]
fn one_verifier_serves_v1_and_v2_and_each_refusal_has_its_status() {
    // One verifier, shared by a v1.1 and a v2 receiver (two webhooks of one app).
    let verifier = Verifier::for_app(APP_ID, SECRET).with_app_secret("v1-app", "v1-secret");
    let v1 = Receiver::new(verifier.clone());
    let receiver = Receiver::v2(verifier).with_body_limit(16 * 1024);

    let delivery = receiver
        .receive(
            &headers(Some(SECRET)),
            &body(vec![v2::conversation_message()]),
        )
        .unwrap();
    assert_eq!(delivery.app_id(), Some(APP_ID));
    assert!(matches!(
        delivery.events[0].payload,
        Payload::ConversationMessage(_)
    ));
    let mut v1_body = smooch_tests::events::message_app_user();
    v1_body["app"]["_id"] = json!("v1-app");
    let v1_body = serde_json::to_vec(&v1_body).unwrap();
    assert!(v1.receive(&headers(Some("v1-secret")), &v1_body).is_ok());

    let good = body(vec![v2::conversation_postback()]);
    let mut elsewhere = v2::delivery(vec![v2::conversation_postback()]);
    elsewhere["app"]["id"] = json!("66f0a1b2c3d4e5f60718293a");
    let elsewhere = serde_json::to_vec(&elsewhere).unwrap();
    let no_app = serde_json::to_vec(&json!({"events": [v2::conversation_postback()]})).unwrap();
    let cases: Vec<(Option<&str>, Vec<u8>, WebhookError, u16)> = vec![
        (None, good.clone(), WebhookError::MissingKey, 401),
        (
            Some("b1cec6162f09a5343463409953bf66e8"),
            good.clone(),
            WebhookError::WrongKey,
            401,
        ),
        // The v1.1 webhook's secret is tied to its own app.
        (Some("v1-secret"), good.clone(), WebhookError::WrongApp, 403),
        (Some(SECRET), elsewhere, WebhookError::WrongApp, 403),
        (Some(SECRET), no_app, WebhookError::WrongApp, 403),
        (
            Some(SECRET),
            vec![b' '; 16 * 1024 + 1],
            WebhookError::TooLarge { limit: 16 * 1024 },
            413,
        ),
    ];
    for (key, bytes, error, status) in cases {
        let refused = receiver.receive(&headers(key), &bytes).unwrap_err();
        assert_eq!(refused, error);
        assert_eq!(refused.status().as_u16(), status);
    }
    for bytes in [b"{oops".to_vec(), v1_body, b"{\"events\": 3}".to_vec()] {
        let refused = receiver
            .receive_key(Some(SECRET.as_bytes()), &bytes)
            .unwrap_err();
        assert_eq!(refused.status().as_u16(), 400, "{refused}");
    }
    // The key is checked before the body is read.
    assert_eq!(
        receiver.receive(&headers(Some("nope")), b"{oops"),
        Err(WebhookError::WrongKey)
    );
}

#[test]
fn a_v2_event_is_keyed_by_its_id() {
    let delivery = |events| Delivery::from_value(v2::delivery(events)).unwrap();
    let first = delivery(vec![v2::conversation_message(), v2::conversation_read()]);
    let again = delivery(vec![v2::conversation_read(), v2::conversation_message()]);
    let [message, read] = &first.events[..] else {
        panic!()
    };
    let key = message.dedup_key();
    assert!(key.is_exact());
    assert_eq!(
        key.parts().collect::<Vec<_>>(),
        ["v2", APP_ID, "970b4ceb4059d935b0b442b3"]
    );
    assert_eq!(
        key,
        again.events[1].dedup_key(),
        "the same event in another delivery"
    );
    assert_eq!(read.dedup_key(), again.events[0].dedup_key());
    assert_ne!(key, read.dedup_key());

    // The same content under another id is another event.
    let mut other = v2::conversation_message();
    other["id"] = json!("970b4ceb4059d935b0b442b4");
    assert_ne!(key, delivery(vec![other]).events[0].dedup_key());

    // Without an id (none documented), the key cannot tell a repeat from a redelivery.
    let mut anonymous = v2::conversation_typing();
    anonymous.as_object_mut().unwrap().remove("id");
    let anonymous = delivery(vec![anonymous.clone(), anonymous]);
    let key = anonymous.events[0].dedup_key();
    assert!(!key.is_exact());
    assert_eq!(key, anonymous.events[1].dedup_key());

    // A Dedup claims by it: a redelivered event is a duplicate once handled.
    let dedup = Dedup::new();
    let Claim::New(ticket) = dedup.claim(message) else {
        panic!("new")
    };
    assert!(matches!(dedup.claim(&again.events[1]), Claim::InProgress));
    ticket.done();
    assert!(matches!(dedup.claim(&again.events[1]), Claim::Duplicate));
    assert!(matches!(dedup.claim(read), Claim::New(_)));
    // Ambiguous keys are handled each time by default, and deduplicated if asked.
    assert!(matches!(dedup.claim(&anonymous.events[0]), Claim::New(_)));
    let strict = Dedup::new().with_ambiguous(Ambiguous::Deduplicate);
    let Claim::New(ticket) = strict.claim(&anonymous.events[0]) else {
        panic!("new")
    };
    ticket.done();
    assert!(matches!(
        strict.claim(&anonymous.events[1]),
        Claim::Duplicate
    ));
}

/// What the function saw, and which event ids it fails on.
#[derive(Clone, Default)]
struct Recorder {
    handled: Arc<Mutex<Vec<String>>>,
    failing: Arc<Mutex<Vec<String>>>,
}

impl Recorder {
    fn handled(&self) -> Vec<String> {
        self.handled.lock().unwrap().clone()
    }

    fn fail_on(&self, ids: &[&str]) {
        *self.failing.lock().unwrap() = ids.iter().map(|id| id.to_string()).collect();
    }
}

/// Serves a v2 handler on 127.0.0.1 at `/hook`, its function guarded by `dedup` if given.
async fn serve(recorder: Recorder, dedup: Option<Dedup>) -> String {
    let receiver = Receiver::v2(Verifier::for_app(APP_ID, SECRET));
    let on_event = move |event: Event| {
        let recorder = recorder.clone();
        async move {
            let id = event.id.as_deref().unwrap_or("<none>").to_owned();
            recorder.handled.lock().unwrap().push(id.clone());
            if recorder.failing.lock().unwrap().contains(&id) {
                Err(format!("could not answer {id}"))
            } else {
                Ok(())
            }
        }
    };
    let route = match dedup {
        Some(dedup) => handler(receiver, dedup.guard(on_event)),
        None => handler(receiver, on_event),
    };
    let app = axum::Router::new().route("/hook", route);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

async fn post(url: &str, key: Option<&str>, body: Vec<u8>) -> u16 {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body);
    if let Some(key) = key {
        request = request.header("X-API-Key", key);
    }
    request.send().await.unwrap().status().as_u16()
}

const MESSAGE: &str = "970b4ceb4059d935b0b442b3";
const POSTBACK: &str = "97feb36f478fde213b443718";
const READ: &str = "35e5f9e02330492445fb78ff";

fn three() -> Vec<u8> {
    body(vec![
        v2::conversation_message(),
        v2::conversation_postback(),
        v2::conversation_read(),
    ])
}

#[tokio::test]
async fn the_handler_hands_events_over_in_order_and_stops_at_the_first_failure() {
    let recorder = Recorder::default();
    let url = serve(recorder.clone(), None).await;

    assert_eq!(post(&url, Some(SECRET), three()).await, 200);
    assert_eq!(
        recorder.handled(),
        [MESSAGE, POSTBACK, READ],
        "one by one, in order"
    );

    // The second fails: the third is not handled, and the answer asks Smooch to retry.
    recorder.handled.lock().unwrap().clear();
    recorder.fail_on(&[POSTBACK]);
    assert_eq!(post(&url, Some(SECRET), three()).await, 500);
    assert_eq!(recorder.handled(), [MESSAGE, POSTBACK]);

    // Refusals reach no function.
    recorder.handled.lock().unwrap().clear();
    assert_eq!(post(&url, None, three()).await, 401);
    assert_eq!(post(&url, Some("wrong"), three()).await, 401);
    let mut elsewhere = v2::delivery(vec![v2::conversation_read()]);
    elsewhere["app"]["id"] = json!("someone-else");
    let elsewhere = serde_json::to_vec(&elsewhere).unwrap();
    assert_eq!(post(&url, Some(SECRET), elsewhere).await, 403);
    assert_eq!(post(&url, Some(SECRET), b"[1,".to_vec()).await, 400);
    let v1 = serde_json::to_vec(&smooch_tests::events::conversation_read()).unwrap();
    assert_eq!(post(&url, Some(SECRET), v1).await, 400, "a v1.1 body");
    assert_eq!(
        post(&url, Some(SECRET), vec![b' '; 1024 * 1024 + 1]).await,
        413
    );
    assert!(recorder.handled().is_empty());

    // An unknown and a malformed event are handed over too, in their places.
    let mut bad = v2::conversation_typing();
    bad["payload"]["activity"] = json!("typing");
    let unknown =
        json!({"id": "a79eb94810241743e245863d", "type": "conversation:pin", "payload": {}});
    recorder.fail_on(&[]);
    let mixed = body(vec![unknown, bad, v2::conversation_read()]);
    assert_eq!(post(&url, Some(SECRET), mixed).await, 200);
    assert_eq!(
        recorder.handled(),
        ["a79eb94810241743e245863d", "d25d2abf4ef4087716ad9975", READ]
    );
}

#[tokio::test]
async fn with_a_dedup_the_retry_of_a_failed_delivery_resumes_at_the_failed_event() {
    let recorder = Recorder::default();
    let url = serve(recorder.clone(), Some(Dedup::new())).await;

    recorder.fail_on(&[POSTBACK]);
    assert_eq!(post(&url, Some(SECRET), three()).await, 500);
    assert_eq!(recorder.handled(), [MESSAGE, POSTBACK]);

    // Smooch retries the whole delivery: the message was handled, and is not again.
    recorder.handled.lock().unwrap().clear();
    recorder.fail_on(&[]);
    assert_eq!(post(&url, Some(SECRET), three()).await, 200);
    assert_eq!(recorder.handled(), [POSTBACK, READ]);

    // A later redelivery (a lost answer) handles nothing again, and answers 200.
    recorder.handled.lock().unwrap().clear();
    assert_eq!(post(&url, Some(SECRET), three()).await, 200);
    assert!(recorder.handled().is_empty());

    // The same events regrouped into other deliveries are still recognised.
    let regrouped = body(vec![v2::conversation_read(), v2::conversation_typing()]);
    assert_eq!(post(&url, Some(SECRET), regrouped).await, 200);
    assert_eq!(recorder.handled(), ["d25d2abf4ef4087716ad9975"]);
}
