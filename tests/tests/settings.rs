//! Per-call settings: a clone of a client with another retry policy, deadline or attempt
//! timeout, for the calls made through it, sharing the pool, credentials and retry budget; and
//! the preset for a webhook handler.

use std::time::Duration;

use smooch_client::fake::{FakeSmooch, Fault};
use smooch_client::models::{Cursor, MessagePost, Role};
use smooch_client::{
    Client, ConversationApi, DEFAULT_CALL_TIMEOUT, Error, RetryBudget, RetryPolicy, Stop,
};

const APP: &str = "app";
const USER: &str = "user";

fn fast() -> RetryPolicy {
    RetryPolicy::default()
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_secs(2))
}

async fn seeded() -> (FakeSmooch, Client) {
    let fake = FakeSmooch::start().await.unwrap();
    let client = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(fake.base_url())
        .retry(fast())
        .build()
        .unwrap();
    let hello = MessagePost::text(Role::AppUser, "Hi");
    client.post_message(APP, USER, &hello).await.unwrap();
    (fake, client)
}

async fn attempts_of_a_get(fake: &FakeSmooch, client: &Client) -> (u32, Stop, usize) {
    let before = fake.request_count();
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    let attempts = error.attempts().unwrap();
    (attempts.count, attempts.stop, fake.request_count() - before)
}

#[tokio::test]
async fn a_clone_retries_as_its_policy_says_and_the_client_as_before() {
    let (fake, client) = seeded().await;
    let once = client.with_retry(RetryPolicy::disabled());
    assert_eq!(once.retry_policy(), RetryPolicy::disabled());
    assert_eq!(client.retry_policy(), fast());

    fake.inject(3, Fault::status(503));
    assert_eq!(
        attempts_of_a_get(&fake, &once).await,
        (1, Stop::Exhausted, 1)
    );
    fake.clear_faults();
    fake.inject(3, Fault::status(503));
    assert_eq!(
        attempts_of_a_get(&fake, &client).await,
        (3, Stop::Exhausted, 3)
    );
    // The other settings are the client's.
    assert_eq!(
        (once.timeout(), once.call_timeout()),
        (client.timeout(), client.call_timeout())
    );
}

#[tokio::test]
async fn clones_draw_on_the_clients_one_retry_budget() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(fake.base_url())
        .retry(fast().with_budget(Some(RetryBudget::default().with_capacity(10))))
        .build()
        .unwrap();
    let hello = MessagePost::text(Role::AppUser, "Hi");
    client.post_message(APP, USER, &hello).await.unwrap();
    let clone = client.with_retry(fast().with_max_attempts(5));
    assert_eq!(client.retry_budget_left(), Some(10));
    // Two retries of the clone spend 10 tokens of the budget all share (5 each).
    fake.inject(3, Fault::status(503));
    let (count, stop, _) = attempts_of_a_get(&fake, &clone).await;
    assert_eq!((count, stop), (3, Stop::BudgetExhausted));
    assert_eq!(client.retry_budget_left(), Some(0));
    assert_eq!(clone.retry_budget_left(), Some(0));
    // The client finds it spent too.
    fake.clear_faults();
    fake.inject(1, Fault::status(503));
    let (count, stop, _) = attempts_of_a_get(&fake, &client).await;
    assert_eq!((count, stop), (1, Stop::BudgetExhausted));
    // A clone whose policy has no budget does not draw on it.
    fake.clear_faults();
    fake.inject(2, Fault::status(503));
    let unbudgeted = client.with_retry(fast().with_budget(None));
    let page = unbudgeted.get_messages(APP, USER, Cursor::Latest).await;
    assert_eq!(
        page.unwrap().messages.len(),
        1,
        "retried twice, budget or not"
    );
    assert_eq!(client.retry_budget_left(), Some(0));
    // The seed, the clone's three attempts, the client's one, the unbudgeted clone's three.
    assert_eq!(fake.request_count(), 1 + 3 + 1 + 3);
}

#[tokio::test]
async fn a_clones_deadline_bounds_its_calls() {
    let (fake, client) = seeded().await;
    assert_eq!(client.call_timeout(), Some(DEFAULT_CALL_TIMEOUT));
    let hurried = client.with_call_timeout(Duration::from_millis(300));
    assert_eq!(hurried.call_timeout(), Some(Duration::from_millis(300)));
    fake.inject(1, Fault::Delay(Duration::from_secs(3)));
    let error = hurried
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error}");
    assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::Deadline));
    assert_eq!(client.with_call_timeout(None).call_timeout(), None);
    let patient = client.with_timeout(Duration::from_secs(90));
    assert_eq!(
        (patient.timeout(), client.timeout()),
        (Duration::from_secs(90), smooch_client::DEFAULT_TIMEOUT)
    );
}

/// A clone whose setting leaves no time is refused, naming the setting, before anything is
/// sent (the builder refuses the same settings when it builds).
#[tokio::test]
async fn a_zero_timeout_refuses_the_call_before_sending() {
    let (fake, client) = seeded().await;
    let before = fake.request_count();
    for (clone, setting) in [
        (client.with_call_timeout(Duration::ZERO), "call_timeout"),
        (client.with_timeout(Duration::ZERO), "timeout"),
    ] {
        let error = clone
            .post_message(APP, USER, &MessagePost::text(Role::AppMaker, "x"))
            .await
            .unwrap_err();
        match &error {
            Error::InvalidInput {
                operation,
                parameter,
                reason,
            } => {
                assert_eq!((&**operation, *parameter), ("post_message", setting));
                assert!(reason.contains("longer than zero"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert!(!error.may_have_been_delivered());
    }
    assert_eq!(fake.request_count(), before, "nothing was sent");
}

/// The webhook preset: a rate limit longer than it may wait ends the call at once, not sent,
/// saying how long Smooch asked; a short one is waited; the call is bounded well inside the
/// 20 s Smooch waits for the handler.
#[tokio::test]
async fn the_webhook_preset_answers_in_time() {
    let (fake, client) = seeded().await;
    let replies = client.for_webhook();
    assert_eq!(replies.retry_policy(), RetryPolicy::webhook());
    let deadline = replies.call_timeout().expect("a deadline");
    assert!(deadline * 2 < Duration::from_secs(20), "{deadline:?}");
    assert!(replies.timeout() <= deadline);
    assert!(replies.retry_policy().max_delay < deadline);

    let reply = MessagePost::text(Role::AppMaker, "On it!");
    fake.inject(1, Fault::rate_limited(Some(Duration::from_secs(30))));
    let before = fake.request_count();
    let error = replies.post_message(APP, USER, &reply).await.unwrap_err();
    assert_eq!(fake.request_count() - before, 1);
    assert!(error.is_rate_limited());
    assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::RetryAfter));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    assert!(!error.may_have_been_delivered());
    let text = error.to_string();
    assert!(
        text.contains("not sent: Smooch asked to wait 30s before another attempt"),
        "{text}"
    );
    let stored = fake.conversation(APP, USER).unwrap().messages.len();
    assert_eq!(stored, 1, "only the seed: the reply was not stored");

    // A wait within the preset's cap is honoured, and the reply goes out once.
    fake.inject(1, Fault::rate_limited(Some(Duration::from_secs(1))));
    replies.post_message(APP, USER, &reply).await.unwrap();
    assert_eq!(fake.conversation(APP, USER).unwrap().messages.len(), 2);
}
