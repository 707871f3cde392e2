//! De-duplication: the key of each trigger's event (what tells deliveries apart, and what cannot),
//! and a bot behind the axum handler with a `Dedup`, fed by the fake's deliveries and
//! redeliveries.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use smooch_client::fake::{DeliveryFault, DeliveryOutcome, DeliveryPolicy, FakeSmooch, Tap};
use smooch_client::models::{Action, MessagePost, Role, Webhook, WebhookCreate, WebhookTrigger};
use smooch_client::webhook::{Ambiguous, Dedup, DedupKey, Event, Receiver, Verifier};
use smooch_client::{Client, ConversationApi, WebhookApi};
use smooch_tests::events;
use tokio::sync::watch;

use super::event;

/// Triggers whose events are identified without their time.
const IDENTIFIED: [&str; 4] = [
    "message:appUser",
    "message:appMaker",
    "merge:appUser",
    "payment:success",
];

#[test]
fn every_triggers_key_is_the_same_for_a_redelivery_and_exact_as_documented() {
    let mut keys = Vec::new();
    for (trigger, payload) in events::all() {
        let key = event(payload.clone()).dedup_key();
        assert_eq!(
            key,
            event(payload.clone()).dedup_key(),
            "{trigger}: a redelivery"
        );
        let timed = payload.get("timestamp").is_some();
        assert_eq!(
            key.is_exact(),
            IDENTIFIED.contains(&trigger) || timed,
            "{trigger}: {key:?}"
        );
        assert_eq!(
            key.parts().nth(1),
            Some(trigger),
            "the trigger is part of it"
        );
        keys.push(key);

        // Another time: another event, unless ids identify it; no time: exact only with ids.
        let mut later = payload.clone();
        later["timestamp"] = json!(1_800_000_000.5);
        let mut untimed = payload.clone();
        untimed.as_object_mut().unwrap().remove("timestamp");
        let (later, untimed) = (event(later).dedup_key(), event(untimed).dedup_key());
        if IDENTIFIED.contains(&trigger) {
            assert_eq!(later, untimed, "{trigger}: the time adds nothing to ids");
            assert!(untimed.is_exact(), "{trigger}");
        } else {
            assert_ne!(later, untimed, "{trigger}");
            assert!(later.is_exact() && !untimed.is_exact(), "{trigger}");
        }
    }
    for (i, key) in keys.iter().enumerate() {
        assert!(!keys[i + 1..].contains(key), "{key:?} twice");
    }
}

#[test]
fn events_with_other_ids_have_other_keys() {
    let mut other = events::message_app_user();
    other["messages"][0]["_id"] = json!("65a2c0de1f9b4e37a8d05c12");
    assert_ne!(
        event(other).dedup_key(),
        event(events::message_app_user()).dedup_key()
    );
    let mut other_charge = events::payment_success();
    other_charge["payments"][0]["charge"]["id"] = json!("ch_other");
    assert_ne!(
        event(other_charge).dedup_key(),
        event(events::payment_success()).dedup_key()
    );
    // A payment without its charge is known by its time.
    let mut no_charge = events::payment_success();
    no_charge["payments"][0]
        .as_object_mut()
        .unwrap()
        .remove("charge");
    let key = event(no_charge.clone()).dedup_key();
    assert!(key.is_exact());
    no_charge.as_object_mut().unwrap().remove("timestamp");
    assert!(!event(no_charge).dedup_key().is_exact());
    // An unknown trigger is known by its whole payload, and never exactly.
    let unknown = json!({"trigger": "some:future", "app": {"_id": "a"}, "id": "e1"});
    let key = event(unknown.clone()).dedup_key();
    assert!(!key.is_exact());
    assert_eq!(key, event(unknown).dedup_key());
    let other = json!({"trigger": "some:future", "app": {"_id": "a"}, "id": "e2"});
    assert_ne!(key, event(other).dedup_key());
}

/// The `postback` fixture with the tapped button set to the message's action `action`, and
/// the event time `timestamp` (none when `None`).
fn tap_on(action: usize, timestamp: Option<f64>) -> Value {
    let mut payload = events::postback();
    let message = &mut payload["postbacks"][0]["message"];
    message["actions"] = json!([
        {"_id": "65a2c3117b0e4f9d8a2c6e14", "type": "postback", "text": "Evening", "payload": "CALL_PM"},
        {"_id": "65a2c3117b0e4f9d8a2c6e15", "type": "postback", "text": "Morning", "payload": "CALL_AM"}
    ]);
    payload["postbacks"][0]["action"] = message["actions"][action].clone();
    if let Some(timestamp) = timestamp {
        payload["timestamp"] = json!(timestamp);
    }
    payload
}

#[test]
fn postback_keys_tell_apart_what_the_payload_lets_them() {
    // With the event's time: a second tap differs, a redelivery does not.
    let first = event(tap_on(0, Some(1704877310.5))).dedup_key();
    assert!(first.is_exact());
    assert_eq!(first, event(tap_on(0, Some(1704877310.5))).dedup_key());
    assert_ne!(first, event(tap_on(0, Some(1704877312.25))).dedup_key());

    // Without it, the same button twice is the same payload: ambiguous, and equal.
    let untimed = event(tap_on(0, None)).dedup_key();
    assert!(!untimed.is_exact());
    assert_eq!(untimed, event(tap_on(0, None)).dedup_key());
    // Other buttons of the same message are other keys (not "the message id and trigger").
    assert_ne!(untimed, event(tap_on(1, None)).dedup_key());
    // A persistent-menu tap (no message) is not a tap on a message's button.
    let mut menu = tap_on(0, None);
    menu["postbacks"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert_ne!(untimed, event(menu).dedup_key());
    // Another user's tap on the same button is theirs.
    let mut theirs = tap_on(0, None);
    theirs["appUser"]["_id"] = json!("0000000000000000000000aa");
    assert_ne!(untimed, event(theirs).dedup_key());
}

/// A bot behind the axum handler and a `Dedup`: records every event it runs for, waits for its
/// gate to be open, and fails its first `fail` runs.
#[derive(Clone)]
struct Bot {
    ran: Arc<Mutex<Vec<Event>>>,
    fail: Arc<Mutex<usize>>,
    gate: watch::Sender<bool>,
}

impl Bot {
    fn new() -> Self {
        Bot {
            ran: Arc::default(),
            fail: Arc::default(),
            gate: watch::Sender::new(true),
        }
    }

    fn ran(&self) -> Vec<Event> {
        self.ran.lock().unwrap().clone()
    }

    /// Serves the bot behind `dedup` on 127.0.0.1, and subscribes `hooks` webhooks of the fake's
    /// app to `triggers` with it.
    async fn serve(
        &self,
        client: &Client,
        dedup: Dedup,
        triggers: &[WebhookTrigger],
        hooks: usize,
    ) -> Vec<Webhook> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/smooch", listener.local_addr().unwrap());
        let mut webhooks = Vec::new();
        for _ in 0..hooks {
            let create = WebhookCreate::new(&url).with_triggers(triggers.iter().cloned());
            webhooks.push(client.create_webhook(APP, &create).await.unwrap().webhook);
        }
        let verifier: Verifier = webhooks
            .iter()
            .map(|hook| (APP, hook.secret.clone()))
            .collect();
        self.serve_on(listener, Receiver::new(verifier), dedup);
        webhooks
    }

    fn serve_on(&self, listener: tokio::net::TcpListener, receiver: Receiver, dedup: Dedup) {
        let bot = self.clone();
        let on_event = dedup.guard(move |event: Event| {
            let bot = bot.clone();
            async move {
                bot.ran.lock().unwrap().push(event);
                let mut gate = bot.gate.subscribe();
                let _ = gate.wait_for(|open| *open).await;
                let mut fail = bot.fail.lock().unwrap();
                if *fail > 0 {
                    *fail -= 1;
                    return Err("the bot's database is down");
                }
                Ok(())
            }
        });
        let app = axum::Router::new().route(
            "/smooch",
            smooch_client::webhook::axum::handler(receiver, on_event),
        );
        tokio::spawn(async move { axum::serve(listener, app).await });
    }
}

const APP: &str = "app_dedup";
const USER: &str = "user_joana";

async fn fake(backoff: Duration) -> (FakeSmooch, Client) {
    let fake = FakeSmooch::start().await.unwrap();
    fake.set_delivery_policy(DeliveryPolicy::default().with_backoff(backoff));
    let client = fake.client().unwrap();
    (fake, client)
}

fn outcomes(fake: &FakeSmooch) -> Vec<DeliveryOutcome> {
    fake.deliveries().into_iter().map(|a| a.outcome).collect()
}

#[tokio::test]
async fn a_message_delivered_again_is_handled_once() {
    let (fake, client) = fake(Duration::from_millis(1)).await;
    let bot = Bot::new();
    bot.serve(&client, Dedup::new(), &[WebhookTrigger::MessageAppUser], 1)
        .await;
    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    fake.user_says(APP, USER, "Are you open today?").unwrap();
    fake.deliveries_settled().await;
    fake.user_says(APP, USER, "Are you open today?").unwrap();
    fake.deliveries_settled().await;

    let attempts = fake.deliveries();
    assert_eq!(
        outcomes(&fake),
        [
            DeliveryOutcome::TimedOut,
            DeliveryOutcome::Answered(200),
            DeliveryOutcome::Answered(200),
        ]
    );
    assert_eq!(attempts[0].payload, attempts[1].payload, "delivered again");
    let ran = bot.ran();
    assert_eq!(
        ran.len(),
        2,
        "the redelivery was not handled; the same words again were"
    );
    assert_ne!(ran[0].messages()[0].id, ran[1].messages()[0].id);
}

#[tokio::test]
async fn a_failed_handling_is_handled_again_when_smooch_retries() {
    let (fake, client) = fake(Duration::from_millis(1)).await;
    let bot = Bot::new();
    *bot.fail.lock().unwrap() = 1;
    bot.serve(&client, Dedup::new(), &[WebhookTrigger::MessageAppUser], 1)
        .await;
    fake.user_says(APP, USER, "Where is my order?").unwrap();
    fake.deliveries_settled().await;

    assert_eq!(
        outcomes(&fake),
        [
            DeliveryOutcome::Answered(500),
            DeliveryOutcome::Answered(200)
        ]
    );
    let ran = bot.ran();
    assert_eq!(ran.len(), 2, "the failure was forgotten, the retry handled");
    assert_eq!(ran[0], ran[1]);
}

/// Posts a message with two postback buttons; returns its id and the buttons' ids.
async fn buttons(client: &Client) -> (String, [String; 2]) {
    let post = MessagePost::text(Role::AppMaker, "When should we call?").with_actions(vec![
        Action::postback("Evening", "CALL_PM"),
        Action::postback("Morning", "CALL_AM"),
    ]);
    let sent = client.post_message(APP, USER, &post).await.unwrap().message;
    let ids = [0, 1].map(|i| sent.actions[i].id.clone().unwrap().to_string());
    (sent.id.to_string(), ids)
}

fn taps(bot: &Bot) -> Vec<String> {
    bot.ran()
        .iter()
        .map(|event| match event {
            Event::Postback(e) => e.postbacks[0].action.payload.clone().unwrap(),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[tokio::test]
async fn by_default_every_postback_tap_is_handled_and_so_is_a_redelivered_one() {
    let (fake, client) = fake(Duration::from_millis(1)).await;
    let bot = Bot::new();
    bot.serve(&client, Dedup::new(), &[WebhookTrigger::Postback], 1)
        .await;
    let (message, [evening, morning]) = buttons(&client).await;

    // Two genuine taps of the same button: both handled.
    for _ in 0..2 {
        let tapped = fake.user_taps(APP, USER, &message, &evening).unwrap();
        assert_eq!(tapped, Tap::Postback);
        fake.deliveries_settled().await;
    }
    assert_eq!(taps(&bot), ["CALL_PM", "CALL_PM"]);
    // The fake's postbacks are Smooch's documented payload: no id, no time. A redelivery is
    // the same bytes as a second tap, and is handled again too: the documented limit.
    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    fake.user_taps(APP, USER, &message, &morning).unwrap();
    fake.deliveries_settled().await;
    assert_eq!(taps(&bot), ["CALL_PM", "CALL_PM", "CALL_AM", "CALL_AM"]);
}

#[tokio::test]
async fn deduplicating_ambiguous_postbacks_handles_a_redelivery_once_and_a_second_tap_not_at_all() {
    let (fake, client) = fake(Duration::from_millis(1)).await;
    let bot = Bot::new();
    let dedup = Dedup::new().with_ambiguous(Ambiguous::Deduplicate);
    bot.serve(&client, dedup, &[WebhookTrigger::Postback], 1)
        .await;
    let (message, [evening, morning]) = buttons(&client).await;

    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    fake.user_taps(APP, USER, &message, &evening).unwrap();
    fake.deliveries_settled().await;
    assert_eq!(taps(&bot), ["CALL_PM"], "the redelivery was not handled");
    // The cost: the same button again is taken for a redelivery; another button is not.
    fake.user_taps(APP, USER, &message, &evening).unwrap();
    fake.user_taps(APP, USER, &message, &morning).unwrap();
    fake.deliveries_settled().await;
    assert_eq!(taps(&bot), ["CALL_PM", "CALL_AM"]);
    assert!(outcomes(&fake).iter().skip(1).all(|o| o.is_success()));
}

#[tokio::test]
async fn postbacks_with_a_time_are_handled_once_per_tap() {
    const SECRET: &str = "secret-of-the-postback-webhook";
    let bot = Bot::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/smooch", listener.local_addr().unwrap());
    let receiver = Receiver::new(Verifier::for_app(events::APP_ID, SECRET));
    bot.serve_on(listener, receiver, Dedup::new());
    let post = |payload: Value| {
        let url = url.clone();
        async move {
            reqwest::Client::new()
                .post(&url)
                .header("X-API-Key", SECRET)
                .body(serde_json::to_vec(&payload).unwrap())
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // A tap, delivered twice; the same button tapped again later; another button.
    for payload in [
        tap_on(0, Some(1704877310.5)),
        tap_on(0, Some(1704877310.5)),
        tap_on(0, Some(1704877312.25)),
        tap_on(1, Some(1704877312.25)),
    ] {
        assert_eq!(post(payload).await, 200);
    }
    assert_eq!(taps(&bot), ["CALL_PM", "CALL_PM", "CALL_AM"]);
}

#[tokio::test]
async fn an_event_delivered_to_two_webhooks_at_once_is_handled_once() {
    // A delivery that finds its event being handled answers 500; Smooch's next attempt (a
    // quarter of a second later, then longer) finds it handled.
    let (fake, client) = fake(Duration::from_millis(250)).await;
    let bot = Bot::new();
    bot.gate.send_replace(false);
    let webhooks = bot
        .serve(&client, Dedup::new(), &[WebhookTrigger::MessageAppUser], 2)
        .await;
    fake.user_says(APP, USER, "Hello from two webhooks")
        .unwrap();
    // The first delivery waits at the gate until the second has been answered.
    let mut waited = 0;
    while !outcomes(&fake).contains(&DeliveryOutcome::Answered(500)) {
        assert!(waited < 3_000, "the second delivery never came");
        tokio::time::sleep(Duration::from_millis(10)).await;
        waited += 1;
    }
    bot.gate.send_replace(true);
    fake.deliveries_settled().await;

    assert_eq!(bot.ran().len(), 1);
    let mut per_webhook: Vec<Vec<DeliveryOutcome>> = webhooks
        .iter()
        .map(|hook| {
            fake.deliveries()
                .into_iter()
                .filter(|a| a.webhook_id == hook.id)
                .map(|a| a.outcome)
                .collect()
        })
        .collect();
    per_webhook.sort_by_key(Vec::len);
    assert_eq!(per_webhook[0], [DeliveryOutcome::Answered(200)]);
    assert_eq!(
        per_webhook[1],
        [
            DeliveryOutcome::Answered(500),
            DeliveryOutcome::Answered(200)
        ],
        "answered as a failure while the event was being handled, then as handled"
    );
}
