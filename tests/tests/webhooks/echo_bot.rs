//! The echo bot of `examples/echo_bot.rs`, end to end: the user says something, the fake
//! delivers it to the bot's webhook (the axum handler), the bot answers through the API, and the
//! fake stores the answer exactly once, also when a delivery fails and is retried; the user taps
//! the answer's reply buttons, and each tap is answered once.

use std::time::Duration;

use smooch_client::fake::{DeliveryFault, DeliveryOutcome, DeliveryPolicy, FakeSmooch, Fault, Tap};
use smooch_client::models::{Message, Role};

#[allow(dead_code)]
#[path = "../../../smooch-client/examples/echo_bot.rs"]
mod example;

const APP: &str = "app_echo";
const USER: &str = "user_rui";

async fn fake_with_bot() -> FakeSmooch {
    let fake = FakeSmooch::start().await.unwrap();
    fake.set_delivery_policy(DeliveryPolicy::default().with_backoff(Duration::from_millis(1)));
    example::start_bot(&fake.client().unwrap(), APP)
        .await
        .unwrap();
    fake
}

/// The conversation as (role, text) pairs.
fn transcript(fake: &FakeSmooch) -> Vec<(Role, String)> {
    fake.conversation(APP, USER)
        .unwrap()
        .messages
        .into_iter()
        .map(|m| (m.role, m.text.unwrap_or_default()))
        .collect()
}

fn said(role: Role, text: &str) -> (Role, String) {
    (role, text.to_owned())
}

#[tokio::test]
async fn the_bot_answers_what_the_user_says() {
    let fake = fake_with_bot().await;
    fake.user_says(APP, USER, "Olá!").unwrap();
    fake.deliveries_settled().await;
    fake.user_says(APP, USER, "Are you a bot?").unwrap();
    fake.deliveries_settled().await;

    assert_eq!(
        transcript(&fake),
        [
            said(Role::AppUser, "Olá!"),
            said(Role::AppMaker, "You said: Olá!"),
            said(Role::AppUser, "Are you a bot?"),
            said(Role::AppMaker, "You said: Are you a bot?"),
        ]
    );
    let outcomes: Vec<DeliveryOutcome> = fake.deliveries().into_iter().map(|a| a.outcome).collect();
    assert_eq!(outcomes, vec![DeliveryOutcome::Answered(200); 2]);
}

#[tokio::test]
async fn a_failed_first_delivery_is_retried_and_answered_once() {
    let fake = fake_with_bot().await;
    // The bot's answer fails (Smooch's API answers 503): the bot's function fails, the handler
    // answers 500, and the fake delivers the event again.
    fake.inject(1, Fault::status(503));
    fake.user_says(APP, USER, "Where is my parcel?").unwrap();
    fake.deliveries_settled().await;

    let outcomes: Vec<DeliveryOutcome> = fake.deliveries().into_iter().map(|a| a.outcome).collect();
    assert_eq!(
        outcomes,
        [
            DeliveryOutcome::Answered(500),
            DeliveryOutcome::Answered(200)
        ]
    );
    assert_eq!(
        transcript(&fake),
        [
            said(Role::AppUser, "Where is my parcel?"),
            said(Role::AppMaker, "You said: Where is my parcel?"),
        ]
    );
}

#[tokio::test]
async fn an_event_delivered_twice_is_answered_once() {
    let fake = fake_with_bot().await;
    // The bot answers, but its 200 is lost: the fake delivers the same event again.
    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    fake.user_says(APP, USER, "Is it raining in Lisbon?")
        .unwrap();
    fake.deliveries_settled().await;

    let attempts = fake.deliveries();
    assert_eq!(attempts.len(), 2, "{attempts:?}");
    assert_eq!(
        attempts[0].payload, attempts[1].payload,
        "the same event twice"
    );
    assert_eq!(
        transcript(&fake),
        [
            said(Role::AppUser, "Is it raining in Lisbon?"),
            said(Role::AppMaker, "You said: Is it raining in Lisbon?"),
        ]
    );
}

#[tokio::test]
async fn the_bot_refuses_calls_without_its_secret() {
    let fake = fake_with_bot().await;
    let url = fake.webhooks(APP)[0].target.clone();
    let status = reqwest::Client::new()
        .post(&url)
        .header("X-API-Key", FakeSmooch::SECRET)
        .body(serde_json::to_vec(&smooch_tests::events::message_app_user()).unwrap())
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(
        status.as_u16(),
        401,
        "the API key secret is not the webhook's"
    );
    assert!(
        fake.conversation(APP, USER).is_none(),
        "nothing was answered"
    );
}

/// The id of the bot's last answer and of its button with `payload`.
fn button(fake: &FakeSmooch, payload: &str) -> (String, String) {
    let messages = fake.conversation(APP, USER).unwrap().messages;
    let answer = messages
        .iter()
        .rev()
        .find(|m| m.role == Role::AppMaker)
        .unwrap();
    let action = answer
        .actions
        .iter()
        .find(|a| a.payload.as_deref() == Some(payload))
        .unwrap();
    (
        answer.id.to_string(),
        action.id.clone().unwrap().to_string(),
    )
}

fn tap(fake: &FakeSmooch, (message, action): &(String, String)) -> Message {
    match fake.user_taps(APP, USER, message, action).unwrap() {
        Tap::Reply(message) => *message,
        other => panic!("a reply button sends a message, not {other:?}"),
    }
}

#[tokio::test]
async fn the_answers_reply_buttons_work_and_each_tap_is_answered_once() {
    let fake = fake_with_bot().await;
    fake.user_says(APP, USER, "Is the store open?").unwrap();
    fake.deliveries_settled().await;
    let nice = button(&fake, example::NICE);
    let not_quite = button(&fake, example::NOT_QUITE);

    // Two genuine taps of the same button are two messages (two ids): both are answered. The
    // second tap's first delivery loses its answer, so it comes twice: answered once.
    let first = tap(&fake, &nice);
    fake.deliveries_settled().await;
    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    let second = tap(&fake, &nice);
    fake.deliveries_settled().await;
    tap(&fake, &not_quite);
    fake.deliveries_settled().await;

    assert_ne!(first.id, second.id);
    assert_eq!(
        (first.text.as_deref(), first.payload.as_deref()),
        (Some("Nice"), Some(example::NICE))
    );
    assert_eq!(
        transcript(&fake),
        [
            said(Role::AppUser, "Is the store open?"),
            said(Role::AppMaker, "You said: Is the store open?"),
            said(Role::AppUser, "Nice"),
            said(Role::AppMaker, "Glad it helped!"),
            said(Role::AppUser, "Nice"),
            said(Role::AppMaker, "Glad it helped!"),
            said(Role::AppUser, "Not quite"),
            said(Role::AppMaker, "Sorry! Try saying it another way."),
        ]
    );
    let outcomes: Vec<DeliveryOutcome> = fake.deliveries().into_iter().map(|a| a.outcome).collect();
    assert_eq!(
        outcomes,
        [
            DeliveryOutcome::Answered(200),
            DeliveryOutcome::Answered(200),
            DeliveryOutcome::TimedOut,
            DeliveryOutcome::Answered(200),
            DeliveryOutcome::Answered(200),
        ],
        "the lost answer's event came twice"
    );
}
