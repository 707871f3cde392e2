//! The API v2 echo bot of `examples/echo_bot_v2.rs`, end to end: a user says something in a v2
//! conversation, the fake delivers `conversation:message` to the custom integration's webhook
//! (the axum handler), the bot answers through API v2, and the fake stores the answer exactly
//! once, also when a delivery fails and is retried or is delivered twice; tapping the answer's
//! reply and postback buttons is answered once each.

use std::time::Duration;

use smooch_client::fake::v2::Tap;
use smooch_client::fake::{
    DeliveryAttempt, DeliveryFault, DeliveryOutcome, DeliveryPolicy, FakeSmooch, Fault,
};
use smooch_client::v2::models::{AuthorType, Content};

#[allow(dead_code)]
#[path = "../../../smooch-client/examples/echo_bot_v2.rs"]
mod example;

const APP: &str = "app_echo_v2";
const USER: &str = "rui@example.com";

/// The fake, with the bot serving and subscribed, and the user's conversation.
async fn fake_with_bot() -> (FakeSmooch, String) {
    let fake = FakeSmooch::start().await.unwrap();
    fake.set_delivery_policy(DeliveryPolicy::default().with_backoff(Duration::from_millis(1)));
    let client = fake.client().unwrap();
    example::start_bot(&client, APP).await.unwrap();
    let conversation = example::conversation_with(&client.v2(), APP, USER)
        .await
        .unwrap();
    (fake, conversation)
}

/// The conversation as (author type, text) pairs.
fn transcript(fake: &FakeSmooch, conversation: &str) -> Vec<(AuthorType, String)> {
    fake.v2()
        .conversation(APP, conversation)
        .unwrap()
        .messages
        .into_iter()
        .map(|message| {
            let text = match message.content {
                Some(Content::Text(text)) => text.text.unwrap_or_default(),
                other => format!("{other:?}"),
            };
            (message.author.unwrap().r#type, text)
        })
        .collect()
}

fn user(text: &str) -> (AuthorType, String) {
    (AuthorType::User, text.to_owned())
}

fn bot(text: &str) -> (AuthorType, String) {
    (AuthorType::Business, text.to_owned())
}

fn outcomes(fake: &FakeSmooch) -> Vec<DeliveryOutcome> {
    fake.deliveries().into_iter().map(|a| a.outcome).collect()
}

/// The attempts at delivering the first delivery's event (its `events[0].id`), in order of
/// attempt: the bot's answers cause deliveries of their own, which may end in between.
fn attempts_of_the_first_event(fake: &FakeSmooch) -> Vec<DeliveryAttempt> {
    let attempts = fake.deliveries();
    let first = attempts[0].payload["events"][0]["id"].clone();
    assert!(first.is_string(), "{:?}", attempts[0].payload);
    let mut same: Vec<DeliveryAttempt> = attempts
        .into_iter()
        .filter(|a| a.payload["events"][0]["id"] == first)
        .collect();
    same.sort_by_key(|a| a.attempt);
    same
}

#[tokio::test]
async fn the_bot_answers_what_the_user_says() {
    let (fake, conversation) = fake_with_bot().await;
    fake.v2()
        .user_says(APP, &conversation, USER, "Olá!")
        .unwrap();
    fake.deliveries_settled().await;
    fake.v2()
        .user_says(APP, &conversation, USER, "Are you a bot?")
        .unwrap();
    fake.deliveries_settled().await;

    assert_eq!(
        transcript(&fake, &conversation),
        [
            user("Olá!"),
            bot("You said: Olá!"),
            user("Are you a bot?"),
            bot("You said: Are you a bot?"),
        ]
    );
    // The bot's own answers are delivered to it too (it subscribed to every message), and
    // answered with nothing.
    assert!(
        outcomes(&fake)
            .iter()
            .all(|outcome| *outcome == DeliveryOutcome::Answered(200)),
        "{:?}",
        fake.deliveries()
    );
}

#[tokio::test]
async fn a_failed_first_delivery_is_retried_and_answered_once() {
    let (fake, conversation) = fake_with_bot().await;
    // The bot's answer fails (the API answers 503): the bot's function fails, the handler
    // answers 500, and the fake delivers the event again.
    fake.inject(1, Fault::status(503));
    fake.v2()
        .user_says(APP, &conversation, USER, "Where is my parcel?")
        .unwrap();
    fake.deliveries_settled().await;

    let attempts = attempts_of_the_first_event(&fake);
    assert_eq!(
        attempts
            .iter()
            .map(|a| (a.attempt, a.outcome.clone()))
            .collect::<Vec<_>>(),
        [
            (1, DeliveryOutcome::Answered(500)),
            (2, DeliveryOutcome::Answered(200))
        ],
        "{attempts:?}"
    );
    assert_eq!(
        attempts[0].payload, attempts[1].payload,
        "the same delivery again"
    );
    assert_eq!(
        transcript(&fake, &conversation),
        [
            user("Where is my parcel?"),
            bot("You said: Where is my parcel?"),
        ]
    );
}

#[tokio::test]
async fn a_delivery_received_twice_is_answered_once() {
    let (fake, conversation) = fake_with_bot().await;
    // The bot answers, but its 200 is lost: the fake delivers the same events again.
    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    fake.v2()
        .user_says(APP, &conversation, USER, "Is it raining in Lisbon?")
        .unwrap();
    fake.deliveries_settled().await;

    let attempts = attempts_of_the_first_event(&fake);
    assert_eq!(attempts.len(), 2, "{attempts:?}");
    assert_eq!(
        attempts[0].payload, attempts[1].payload,
        "the same delivery twice"
    );
    assert_eq!(
        transcript(&fake, &conversation),
        [
            user("Is it raining in Lisbon?"),
            bot("You said: Is it raining in Lisbon?"),
        ]
    );
}

#[tokio::test]
async fn tapping_the_reply_and_the_postback_button_is_answered_once_each() {
    let (fake, conversation) = fake_with_bot().await;
    fake.v2()
        .user_says(APP, &conversation, USER, "Help")
        .unwrap();
    fake.deliveries_settled().await;
    let answer = fake.v2().conversation(APP, &conversation).unwrap().messages[1].clone();
    let answer_id = answer.id.clone().unwrap();

    let tap = fake
        .v2()
        .user_taps(APP, &conversation, USER, &answer_id, example::NICE)
        .unwrap();
    assert!(matches!(tap, Tap::Reply(_)), "{tap:?}");
    fake.deliveries_settled().await;
    let tap = fake
        .v2()
        .user_taps(APP, &conversation, USER, &answer_id, example::HUMAN)
        .unwrap();
    assert_eq!(tap, Tap::Postback);
    fake.deliveries_settled().await;
    // A second, genuine tap on the postback button is a new event, answered again.
    fake.v2()
        .user_taps(APP, &conversation, USER, &answer_id, example::HUMAN)
        .unwrap();
    fake.deliveries_settled().await;

    assert_eq!(
        transcript(&fake, &conversation),
        [
            user("Help"),
            bot("You said: Help"),
            user("Nice"),
            bot("Glad it helped!"),
            bot("A human will be with you shortly."),
            bot("A human will be with you shortly."),
        ]
    );
}

#[tokio::test]
async fn the_bot_refuses_deliveries_without_its_secret() {
    let (fake, _) = fake_with_bot().await;
    let webhook = fake.v2().webhooks(APP).remove(0);
    let status = reqwest::Client::new()
        .post(webhook.target.clone().unwrap())
        .header("X-API-Key", "not-the-secret")
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&smooch_tests::events_v2::delivery(vec![])).unwrap())
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 401);
}
