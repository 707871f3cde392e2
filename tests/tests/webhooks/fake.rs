//! The fake's Webhook API and deliveries: what it sends, when, to whom, and how it retries.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use smooch_client::fake::{DeliveryFault, DeliveryOutcome, DeliveryPolicy, FakeSmooch, Tap};
use smooch_client::models::{
    Action, ActivityType, MessagePost, Role, Webhook, WebhookCreate, WebhookTrigger, WebhookUpdate,
};
use smooch_client::webhook::{Event, Receiver, Verifier};
use smooch_client::{Client, ConversationApi, RetryPolicy, WebhookApi};

const APP: &str = "app_fake_hooks";
const USER: &str = "user_lena";

/// A webhook receiver on 127.0.0.1 that records every call and answers the queued statuses
/// (then 200); status 0 never answers.
#[derive(Clone, Default)]
struct Bot {
    calls: Arc<Mutex<Vec<(HeaderMap, Bytes)>>>,
    answers: Arc<Mutex<VecDeque<u16>>>,
}

impl Bot {
    async fn start() -> (Bot, String) {
        let bot = Bot::default();
        let state = bot.clone();
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: Bytes| {
                let state = state.clone();
                async move {
                    state.calls.lock().unwrap().push((headers, body));
                    let status = state.answers.lock().unwrap().pop_front().unwrap_or(200);
                    if status == 0 {
                        std::future::pending::<()>().await;
                    }
                    StatusCode::from_u16(status).unwrap()
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        (bot, url)
    }

    fn answer(&self, statuses: &[u16]) {
        self.answers.lock().unwrap().extend(statuses);
    }

    fn calls(&self) -> Vec<(HeaderMap, Bytes)> {
        self.calls.lock().unwrap().clone()
    }

    /// The events received, decoded and verified with `secret` as a real receiver would.
    fn events(&self, secret: &Webhook) -> Vec<Event> {
        let receiver = Receiver::new(Verifier::for_app(APP, secret.secret.clone()));
        self.calls()
            .iter()
            .map(|(headers, body)| receiver.receive(headers, body).expect("a valid delivery"))
            .collect()
    }
}

/// A fake whose retries are immediate enough for tests.
async fn fake() -> (FakeSmooch, Client) {
    let fake = FakeSmooch::start().await.unwrap();
    fake.set_delivery_policy(DeliveryPolicy::default().with_backoff(Duration::from_millis(1)));
    let client = fake.client().unwrap();
    (fake, client)
}

async fn hook(client: &Client, url: &str, triggers: &[WebhookTrigger]) -> Webhook {
    let create = WebhookCreate::new(url).with_triggers(triggers.iter().cloned());
    client.create_webhook(APP, &create).await.unwrap().webhook
}

fn outcomes(fake: &FakeSmooch) -> Vec<DeliveryOutcome> {
    fake.deliveries().into_iter().map(|a| a.outcome).collect()
}

#[tokio::test]
async fn the_webhook_api_creates_lists_changes_and_deletes() {
    let (fake, client) = fake().await;
    assert!(client.list_webhooks(APP).await.unwrap().webhooks.is_empty());

    let created = hook(
        &client,
        "https://bot.example.org/a",
        &[WebhookTrigger::Postback],
    )
    .await;
    assert_eq!(created.secret.expose().len(), 32);
    assert!(
        created
            .secret
            .expose()
            .chars()
            .all(|c| c.is_ascii_hexdigit())
    );
    assert_eq!(created.version.as_deref(), Some("v1.1"));
    assert_eq!(created.include_client, Some(false));
    assert_eq!(created.include_full_app_user, Some(false));
    let second = client
        .create_webhook(APP, &WebhookCreate::new("https://bot.example.org/b"))
        .await
        .unwrap()
        .webhook;
    assert_eq!(second.triggers, [WebhookTrigger::Message], "the default");
    assert_ne!(second.secret, created.secret);

    let listed = client.list_webhooks(APP).await.unwrap().webhooks;
    assert_eq!(listed, [created.clone(), second.clone()]);
    assert_eq!(
        client.get_webhook(APP, &created.id).await.unwrap().webhook,
        created
    );
    assert!(
        client
            .list_webhooks("another_app")
            .await
            .unwrap()
            .webhooks
            .is_empty()
    );

    let change = WebhookUpdate::new()
        .with_target("https://bot.example.org/c")
        .with_include_client(true);
    let changed = client
        .update_webhook(APP, &created.id, &change)
        .await
        .unwrap()
        .webhook;
    assert_eq!(changed.target, "https://bot.example.org/c");
    assert_eq!(changed.include_client, Some(true));
    assert_eq!(changed.triggers, created.triggers, "unchanged");
    assert_eq!(changed.secret, created.secret, "the secret cannot change");

    client.delete_webhook(APP, &created.id).await.unwrap();
    assert!(
        client
            .get_webhook(APP, &created.id)
            .await
            .unwrap_err()
            .is_not_found()
    );
    assert!(
        client
            .delete_webhook(APP, &created.id)
            .await
            .unwrap_err()
            .is_not_found()
    );
    assert_eq!(fake.webhooks(APP), [second]);
}

#[tokio::test]
async fn the_webhook_api_refuses_what_smooch_refuses() {
    let (_fake, client) = fake().await;
    for create in [
        WebhookCreate::new("not a url"),
        WebhookCreate::new("ftp://bot.example.org/hook"),
        WebhookCreate::new("https://bot.example.org").with_triggers(["message:appuser"]),
    ] {
        let error = client.create_webhook(APP, &create).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400), "{create:?}");
    }
    for _ in 0..10 {
        client
            .create_webhook(APP, &WebhookCreate::new("https://bot.example.org"))
            .await
            .unwrap();
    }
    let eleventh = client
        .create_webhook(APP, &WebhookCreate::new("https://bot.example.org"))
        .await
        .unwrap_err();
    assert!(eleventh.to_string().contains("at most 10"), "{eleventh}");

    let stranger = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, "wrong")
        .base_url(_fake.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    assert!(
        stranger
            .list_webhooks(APP)
            .await
            .unwrap_err()
            .is_unauthorized()
    );
}

#[tokio::test]
async fn a_user_message_is_posted_to_the_webhook_with_its_secret() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    let webhook = hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;

    let said = fake
        .user_says(APP, USER, "Can I change my delivery address?")
        .unwrap();
    fake.deliveries_settled().await;

    let calls = bot.calls();
    assert_eq!(calls.len(), 1);
    let (headers, _) = &calls[0];
    assert_eq!(headers["x-api-key"], webhook.secret.expose());
    assert_eq!(headers["content-type"], "application/json");

    let stored = fake.conversation(APP, USER).unwrap();
    assert_eq!(stored.messages, std::slice::from_ref(&said));
    let [Event::MessageAppUser(event)] = &bot.events(&webhook)[..] else {
        panic!("one message:appUser event");
    };
    assert_eq!(event.envelope.app.id, APP);
    assert_eq!(event.envelope.version.as_deref(), Some("v1.1"));
    assert_eq!(event.messages, std::slice::from_ref(&said));
    assert_eq!(said.role, Role::AppUser);
    assert_eq!(said.author_id, USER);
    assert_eq!(said.source.as_ref().unwrap().r#type.as_deref(), Some("web"));
    assert_eq!(
        event.envelope.conversation.as_ref().unwrap().id,
        stored.conversation.id
    );
    let user = event.envelope.app_user.as_ref().unwrap();
    assert_eq!(
        (user.id.as_str(), user.conversation_started),
        (USER, Some(true))
    );
    assert!(user.clients.is_empty(), "truncated: no includeFullAppUser");
    assert!(event.envelope.client.is_none(), "no includeClient");

    let attempts = fake.deliveries();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0].webhook_id, webhook.id);
    assert_eq!(attempts[0].target, url);
    assert_eq!(attempts[0].trigger, WebhookTrigger::MessageAppUser);
    assert_eq!(attempts[0].attempt, 1);
    assert_eq!(attempts[0].outcome, DeliveryOutcome::Answered(200));
    assert_eq!(attempts[0].payload["messages"][0]["_id"], said.id.as_str());
}

#[tokio::test]
async fn webhooks_asking_for_them_get_the_client_and_the_full_user() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    let create = WebhookCreate::new(&url)
        .with_triggers([WebhookTrigger::MessageAppUser])
        .with_include_client(true)
        .with_include_full_app_user(true);
    let webhook = client.create_webhook(APP, &create).await.unwrap().webhook;
    fake.user_says(APP, USER, "hi").unwrap();
    fake.deliveries_settled().await;
    let [Event::MessageAppUser(event)] = &bot.events(&webhook)[..] else {
        panic!("one message:appUser event");
    };
    let client_info = event.envelope.client.as_ref().expect("includeClient");
    assert_eq!(client_info.platform.as_ref().unwrap().as_str(), "web");
    let user = event.envelope.app_user.as_ref().unwrap();
    assert_eq!(
        user.clients,
        std::slice::from_ref(client_info),
        "the full user"
    );
}

#[tokio::test]
async fn failures_are_retried_until_a_2xx() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    let webhook = hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;
    bot.answer(&[500, 503, 429, 302]);
    fake.user_says(APP, USER, "anyone there?").unwrap();
    fake.deliveries_settled().await;

    assert_eq!(
        outcomes(&fake),
        [
            DeliveryOutcome::Answered(500),
            DeliveryOutcome::Answered(503),
            DeliveryOutcome::Answered(429),
            DeliveryOutcome::Answered(302),
            DeliveryOutcome::Answered(200),
        ]
    );
    let attempts: Vec<u32> = fake.deliveries().iter().map(|a| a.attempt).collect();
    assert_eq!(attempts, [1, 2, 3, 4, 5]);
    let events = bot.events(&webhook);
    assert_eq!(events.len(), 5);
    assert!(
        events.windows(2).all(|w| w[0] == w[1]),
        "the same event each time"
    );
}

#[tokio::test]
async fn delivery_gives_up_after_5_retries() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;
    bot.answer(&[500; 10]);
    fake.user_says(APP, USER, "hello?").unwrap();
    fake.deliveries_settled().await;
    assert_eq!(outcomes(&fake), vec![DeliveryOutcome::Answered(500); 6]);
    assert_eq!(bot.calls().len(), 6);
}

#[tokio::test]
async fn the_statuses_that_stop_retries_stop_them() {
    for status in [400, 401, 403, 404, 406] {
        let (fake, client) = fake().await;
        let (bot, url) = Bot::start().await;
        hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;
        bot.answer(&[status]);
        fake.user_says(APP, USER, "hello?").unwrap();
        fake.deliveries_settled().await;
        assert_eq!(
            outcomes(&fake),
            [DeliveryOutcome::Answered(status)],
            "{status}"
        );
        assert_eq!(bot.calls().len(), 1);
    }
}

#[tokio::test]
async fn an_answer_later_than_the_timeout_is_a_failure() {
    let (fake, client) = fake().await;
    fake.set_delivery_policy(
        DeliveryPolicy::default()
            .with_retries(1)
            .with_backoff(Duration::from_millis(1))
            .with_timeout(Duration::from_millis(200)),
    );
    let (bot, url) = Bot::start().await;
    hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;
    bot.answer(&[0]);
    fake.user_says(APP, USER, "hello?").unwrap();
    fake.deliveries_settled().await;
    assert_eq!(
        outcomes(&fake),
        [DeliveryOutcome::TimedOut, DeliveryOutcome::Answered(200)]
    );
}

#[tokio::test]
async fn injected_receiver_failures_are_retried_like_real_ones() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;
    fake.inject_delivery(1, DeliveryFault::Unreachable);
    fake.inject_delivery(1, DeliveryFault::Status(502));
    fake.inject_delivery(1, DeliveryFault::LostAnswer);
    fake.user_says(APP, USER, "hello?").unwrap();
    fake.deliveries_settled().await;

    let attempts = fake.deliveries();
    let seen: Vec<(DeliveryOutcome, Option<DeliveryFault>)> = attempts
        .iter()
        .map(|a| (a.outcome.clone(), a.fault.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (
                DeliveryOutcome::ConnectionFailed,
                Some(DeliveryFault::Unreachable)
            ),
            (
                DeliveryOutcome::Answered(502),
                Some(DeliveryFault::Status(502))
            ),
            (DeliveryOutcome::TimedOut, Some(DeliveryFault::LostAnswer)),
            (DeliveryOutcome::Answered(200), None),
        ]
    );
    assert_eq!(
        bot.calls().len(),
        2,
        "the lost answer was sent; the first two were not"
    );

    fake.inject_delivery(1, DeliveryFault::Status(404));
    fake.user_says(APP, USER, "again").unwrap();
    fake.deliveries_settled().await;
    assert_eq!(
        fake.deliveries().len(),
        5,
        "an injected 404 stops retries too"
    );
}

#[tokio::test]
async fn each_event_goes_to_the_webhooks_subscribed_to_its_trigger() {
    let (fake, client) = fake().await;
    let (maker_bot, maker_url) = Bot::start().await;
    let (all_bot, all_url) = Bot::start().await;
    let (typing_bot, typing_url) = Bot::start().await;
    let (message_bot, message_url) = Bot::start().await;
    let maker = hook(&client, &maker_url, &[WebhookTrigger::MessageAppMaker]).await;
    let all = hook(&client, &all_url, &[WebhookTrigger::All]).await;
    let typing = hook(&client, &typing_url, &[WebhookTrigger::TypingAppUser]).await;
    let message = hook(&client, &message_url, &[WebhookTrigger::Message]).await;

    // An app maker message posted through the API, with a postback button.
    let post = MessagePost::text(Role::AppMaker, "Which size?").with_actions(vec![
        Action::postback("Medium", "SIZE_M"),
        Action::link("Guide", "https://example.org"),
    ]);
    let sent = client.post_message(APP, USER, &post).await.unwrap().message;
    fake.user_types(APP, USER, true);
    fake.user_taps(APP, USER, &sent.id, sent.actions[0].id.as_deref().unwrap())
        .unwrap();
    fake.user_reads(APP, USER).unwrap();
    let read = fake.conversation(APP, USER).unwrap().conversation;
    // A user message posted through the API is a message:appUser too.
    client
        .post_message(APP, USER, &MessagePost::text(Role::AppUser, "M please"))
        .await
        .unwrap();
    fake.deliveries_settled().await;

    let triggers = |bot: &Bot, webhook: &Webhook| -> Vec<String> {
        bot.events(webhook)
            .iter()
            .map(|e| e.trigger().to_owned())
            .collect()
    };
    assert_eq!(triggers(&maker_bot, &maker), ["message:appMaker"]);
    assert_eq!(triggers(&typing_bot, &typing), ["typing:appUser"]);
    let mut to_all = triggers(&all_bot, &all);
    to_all.sort();
    assert_eq!(
        to_all,
        [
            "conversation:read",
            "message:appMaker",
            "message:appUser",
            "postback"
        ],
        "`*` is every trigger but typing"
    );
    let mut messages = triggers(&message_bot, &message);
    messages.sort();
    assert_eq!(messages, ["message:appMaker", "message:appUser"]);

    for event in all_bot.events(&all) {
        match event {
            Event::MessageAppMaker(e) => assert_eq!(e.messages, std::slice::from_ref(&sent)),
            Event::Postback(e) => {
                let tap = &e.postbacks[0];
                assert_eq!(tap.action.payload.as_deref(), Some("SIZE_M"));
                assert_eq!(tap.message.as_ref(), Some(&sent));
            }
            Event::ConversationRead(e) => {
                assert_eq!(e.envelope.timestamp, read.app_user_last_read);
                assert_eq!(e.envelope.conversation.unwrap().id, read.id);
            }
            Event::MessageAppUser(e) => {
                assert_eq!(e.messages[0].text.as_deref(), Some("M please"));
                assert_eq!(
                    e.messages[0].source.as_ref().unwrap().r#type.as_deref(),
                    Some("api")
                );
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    let [Event::TypingAppUser(typed)] = &typing_bot.events(&typing)[..] else {
        panic!("one typing event");
    };
    assert_eq!(
        typed.activity.as_ref().unwrap().r#type,
        ActivityType::TypingStart
    );
    assert_eq!(
        fake.conversation(APP, USER)
            .unwrap()
            .conversation
            .unread_count,
        0
    );
}

#[tokio::test]
async fn hooks_say_what_they_cannot_do() {
    let (fake, client) = fake().await;
    assert!(fake.user_reads(APP, USER).is_err(), "no conversation yet");
    assert!(fake.user_taps(APP, USER, "m", "a").is_err());
    assert!(
        fake.user_says(APP, USER, "").is_err(),
        "an empty text is refused"
    );
    let post = MessagePost::text(Role::AppMaker, "Read more")
        .with_actions(vec![Action::link("Guide", "https://example.org")]);
    let sent = client.post_message(APP, USER, &post).await.unwrap().message;
    let link = sent.actions[0].id.clone().unwrap();
    let error = fake.user_taps(APP, USER, &sent.id, &link).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`link` action: only postback and reply"),
        "{error}"
    );
    assert!(fake.user_taps(APP, USER, &sent.id, "missing").is_err());
    assert!(fake.user_taps(APP, USER, "missing", &link).is_err());
}

#[tokio::test]
async fn deleted_and_unsubscribed_webhooks_get_nothing() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    let deleted = hook(&client, &url, &[WebhookTrigger::MessageAppUser]).await;
    hook(&client, &url, &[WebhookTrigger::Postback]).await;
    client.delete_webhook(APP, &deleted.id).await.unwrap();
    fake.user_says(APP, USER, "hello?").unwrap();
    fake.deliveries_settled().await;
    assert!(bot.calls().is_empty());
    assert!(fake.deliveries().is_empty());
}

#[tokio::test]
async fn a_reply_button_tap_is_the_users_message_with_the_buttons_text_and_payload() {
    let (fake, client) = fake().await;
    let (bot, url) = Bot::start().await;
    let webhook = hook(&client, &url, &[WebhookTrigger::All]).await;
    let question = MessagePost::text(Role::AppMaker, "How did we do?").with_actions(vec![
        Action::reply("Great", "great"),
        Action::reply("Meh", "meh"),
    ]);
    let sent = client
        .post_message(APP, USER, &question)
        .await
        .unwrap()
        .message;
    let meh = sent.actions[1].id.clone().unwrap();

    let taps: Vec<_> = (0..2)
        .map(
            |_| match fake.user_taps(APP, USER, &sent.id, &meh).unwrap() {
                Tap::Reply(message) => *message,
                other => panic!("{other:?}"),
            },
        )
        .collect();
    fake.deliveries_settled().await;

    for tap in &taps {
        assert_eq!(tap.role, Role::AppUser);
        assert_eq!(tap.text.as_deref(), Some("Meh"));
        assert_eq!(tap.payload.as_deref(), Some("meh"));
        assert_eq!(tap.source.as_ref().unwrap().r#type.as_deref(), Some("web"));
    }
    assert_ne!(taps[0].id, taps[1].id, "each tap is a message of its own");
    let stored = fake.conversation(APP, USER).unwrap().messages;
    assert_eq!(stored[1..], taps[..], "stored after the question");
    let mut delivered: Vec<Event> = bot.events(&webhook);
    delivered.retain(|e| e.trigger() == "message:appUser");
    // One event per tap (delivered concurrently: in any order).
    let mut delivered: Vec<_> = delivered.iter().map(|e| e.messages().to_vec()).collect();
    delivered.sort_by(|a, b| a[0].id.cmp(&b[0].id));
    assert_eq!(delivered, [vec![taps[0].clone()], vec![taps[1].clone()]]);
    assert!(
        bot.events(&webhook)
            .iter()
            .all(|e| e.trigger() != "postback"),
        "a reply is not a postback"
    );
}
