//! Calls under lasting trouble: a connection that is never made, a deadline for the whole call,
//! a dropped future, a storm of failures against the retry budget, a removal retried after it
//! took effect (with and without a result that says "already gone").

use std::time::{Duration, Instant};

use smooch_client::fake::{FakeSmooch, Fault};
use smooch_client::models::Cursor;
use smooch_client::models::{MessagePost, Role, UploadAttachmentOptions};
use smooch_client::{Client, ConversationApi, Error, RetryBudget, RetryPolicy, Stop};

const APP: &str = "app";
const USER: &str = "user";

fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(5))
}

fn client_at(base_url: &str) -> smooch_client::ClientBuilder {
    Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(base_url)
        .retry(quick_retries())
}

fn hello() -> MessagePost {
    MessagePost::text(Role::AppMaker, "hello")
}

/// A port that accepts no connection: its listen queue (of one) is taken, so connecting hangs
/// until the client gives up. Keep both values alive for as long as it should stay that way.
fn unreachable_port() -> (std::net::TcpListener, Vec<std::net::TcpStream>, String) {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(0).unwrap().into_std().unwrap();
    let address = listener.local_addr().unwrap();
    let mut queued = Vec::new();
    // Fill the queue; a connection that would wait means it is full.
    for _ in 0..4 {
        match std::net::TcpStream::connect_timeout(&address, Duration::from_millis(200)) {
            Ok(stream) => queued.push(stream),
            Err(_) => break,
        }
    }
    (listener, queued, format!("http://{address}"))
}

#[tokio::test]
async fn a_connection_never_made_is_retried_even_for_a_post_and_never_claimed_delivered() {
    let (_listener, _queued, base) = unreachable_port();
    let client = client_at(&base)
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let error = client.post_message(APP, USER, &hello()).await.unwrap_err();
    let Error::Transport { attempts, .. } = &error else {
        panic!("{error:?}")
    };
    // Connecting may take half the attempt's second: a connect timeout, not the call's.
    assert_eq!(
        (attempts.count, attempts.stop),
        (3, Stop::Exhausted),
        "{error}"
    );
    assert!(
        !error.may_have_been_delivered(),
        "nothing was sent: {error}"
    );
    assert!(!error.is_timeout());
}

/// A fake where `USER` has a conversation of one message.
async fn fake_with_a_message() -> FakeSmooch {
    let fake = FakeSmooch::start().await.unwrap();
    fake.client()
        .unwrap()
        .post_message(APP, USER, &hello())
        .await
        .unwrap();
    fake
}

#[tokio::test]
async fn the_call_timeout_bounds_the_whole_call() {
    let fake = fake_with_a_message().await;
    let client = client_at(fake.base_url())
        .timeout(Duration::from_secs(2))
        .call_timeout(Duration::from_millis(300))
        .retry(RetryPolicy::default().with_base_delay(Duration::from_millis(1)))
        .build()
        .unwrap();

    // An answer slower than the deadline: the attempt is cut short and not retried.
    fake.inject(3, Fault::Delay(Duration::from_secs(3)));
    let started = Instant::now();
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    let attempts = error.attempts().unwrap();
    assert_eq!(
        (attempts.count, attempts.stop),
        (1, Stop::Deadline),
        "{error}"
    );
    assert!(!error.may_have_been_delivered(), "a GET takes no effect");
    let Error::Timeout { timeout, .. } = &error else {
        panic!()
    };
    assert!(
        *timeout <= Duration::from_millis(300) && *timeout > Duration::from_millis(200),
        "the attempt had what was left of the call: {timeout:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    fake.clear_faults();

    // A Retry-After past the deadline: not retried sooner, so not retried at all.
    fake.inject(
        1,
        Fault::Status {
            status: 503,
            retry_after: Some("5".into()),
        },
    );
    let started = Instant::now();
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::RetryAfter));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(5)));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );

    // A post cut short by the deadline may have been delivered, and was, once.
    fake.inject(1, Fault::Delay(Duration::from_secs(3)));
    let error = client.post_message(APP, USER, &hello()).await.unwrap_err();
    assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::Deadline));
    assert!(error.may_have_been_delivered(), "{error}");
    let stored = fake.conversation(APP, USER).unwrap().messages.len();
    assert_eq!(stored, 2, "the seed and the cut-short post");
}

/// Timeouts as long as a `Duration` goes are accepted, and no deadline computed from them
/// overflows: calls succeed, and retry as always.
#[tokio::test]
async fn the_longest_timeouts_overflow_nothing() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = client_at(fake.base_url())
        .timeout(Duration::MAX)
        .call_timeout(Duration::MAX)
        .connect_timeout(Duration::MAX)
        .build()
        .unwrap();
    client.post_message(APP, USER, &hello()).await.unwrap();
    fake.inject(1, Fault::status(503));
    let page = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(page.messages.len(), 1);
    assert_eq!(fake.request_count(), 3, "the 503 was retried");
}

/// Dropping a call's future stops it, but a request that was sent may still take effect.
#[tokio::test]
async fn a_dropped_post_may_still_have_been_delivered() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    fake.inject(1, Fault::Delay(Duration::from_secs(3)));
    let dropped = tokio::time::timeout(
        Duration::from_millis(500),
        client.post_message(APP, USER, &hello()),
    )
    .await;
    assert!(dropped.is_err(), "the future was dropped before its answer");
    // The fake handled the request before delaying its answer: the message is there.
    let stored = fake.conversation(APP, USER).map(|c| c.messages.len());
    assert_eq!(stored, Some(1));
}

/// A failure storm: 1,000 calls at once, every attempt failing. Without a budget, each would
/// retry twice (3,000 attempts); the standard budget (500 tokens, 5 a retry) allows 100 retries
/// in all, and then calls stop at their first failure.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failure_storm_spends_the_budget_and_stops_multiplying_the_load() {
    let client = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(smooch_tests::closed_port_url())
        .retry(quick_retries())
        .build()
        .unwrap();
    assert_eq!(client.retry_budget_left(), Some(500));
    let calls: Vec<_> = (0..1000)
        .map(|_| tokio::spawn(client.get_messages(APP, USER, Cursor::Latest)))
        .collect();
    let mut attempts = 0;
    let mut stopped_by_budget = 0;
    for call in calls {
        let error = call.await.unwrap().unwrap_err();
        let made = error.attempts().unwrap();
        attempts += made.count;
        if made.stop == Stop::BudgetExhausted {
            stopped_by_budget += 1;
        }
    }
    assert!(
        attempts <= 1000 + 100,
        "{attempts} attempts for 1,000 calls"
    );
    assert!(attempts > 1000, "some calls retried");
    assert!(
        stopped_by_budget >= 900,
        "{stopped_by_budget} stopped by the budget"
    );
    assert!(client.retry_budget_left().unwrap() < 5);
}

/// Successes put tokens back, so retries come back as the trouble ends.
#[tokio::test]
async fn successes_refill_the_budget() {
    let fake = FakeSmooch::start().await.unwrap();
    let budget = RetryBudget::default().with_capacity(10);
    let client = client_at(fake.base_url())
        .retry(quick_retries().with_budget(Some(budget)))
        .build()
        .unwrap();
    client.post_message(APP, USER, &hello()).await.unwrap();
    // A call that fails after two retries spends the budget (a success would have given back
    // what it spent); the next failure is not retried.
    fake.inject(3, Fault::status(503));
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert_eq!(
        error.attempts().map(|a| (a.count, a.stop)),
        Some((3, Stop::Exhausted))
    );
    assert_eq!(client.retry_budget_left(), Some(0));
    fake.inject(1, Fault::status(503));
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert_eq!(
        error.attempts().map(|a| (a.count, a.stop)),
        Some((1, Stop::BudgetExhausted))
    );
    // Plain successes add a token each, up to a retry's worth.
    for _ in 0..5 {
        client
            .get_messages(APP, USER, Cursor::Latest)
            .await
            .unwrap();
    }
    assert_eq!(client.retry_budget_left(), Some(5));
    fake.inject(1, Fault::status(503));
    client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
}

/// A DELETE whose first attempt may have deleted (the connection dropped after the fake handled
/// it), then rate limited, then answered 404: the message is gone, which was the goal.
#[tokio::test]
async fn a_delete_that_took_effect_before_failing_succeeds_when_retried() {
    let fake = FakeSmooch::start().await.unwrap();
    let sent = fake
        .client()
        .unwrap()
        .post_message(APP, USER, &hello())
        .await
        .unwrap();
    let client = client_at(fake.base_url()).build().unwrap();
    fake.inject(1, Fault::DropConnection);
    fake.inject(1, Fault::rate_limited(None));
    let before = fake.request_count();
    client
        .delete_message(APP, USER, &sent.message.id)
        .await
        .unwrap();
    assert_eq!(fake.request_count() - before, 3);
    assert!(fake.conversation(APP, USER).unwrap().messages.is_empty());
    // A 404 with nothing before it is a 404.
    let error = client
        .delete_message(APP, USER, &sent.message.id)
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
}

/// The same for a POST declared `removes` (`remove_attachment`): its first attempt removed the
/// file and the connection dropped; the retry's 404 means the file is gone, as asked.
#[tokio::test]
async fn a_declared_removal_that_took_effect_before_failing_succeeds_when_retried() {
    use smooch_client::models::{AttachmentAccess, AttachmentRemove};
    use smooch_client::{AttachmentApi, Upload};

    let fake = FakeSmooch::start().await.unwrap();
    let client = client_at(fake.base_url()).build().unwrap();
    let url = client
        .upload_attachment(
            APP,
            &Upload::new("a.txt", "text"),
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default(),
        )
        .await
        .unwrap()
        .media_url;
    fake.inject(1, Fault::DropConnection);
    let before = fake.request_count();
    client
        .remove_attachment(APP, &AttachmentRemove::new(url.clone()))
        .await
        .unwrap();
    assert_eq!(
        fake.request_count() - before,
        2,
        "removed, dropped, then 404"
    );
    // With nothing before it, a 404 is a 404.
    let error = client
        .remove_attachment(APP, &AttachmentRemove::new(url))
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
}

/// Every removal that answers a body (`delete_menu`, `delete_app_user_profile`,
/// `delete_deployment`): an attempt that may have taken effect (a 500, a dropped connection, a
/// timeout) followed by a 404 on the retry is the documented success, "already gone", never an
/// error; an answer is decoded as always, and a 404 at the first attempt stays a 404.
#[tokio::test]
async fn removals_with_a_body_found_gone_by_their_retry_succeed() {
    use smooch_client::models::DeploymentDeletion;
    use smooch_client::{AppUserApi, DeploymentApi, MenuApi};

    /// What each removal came to: `Ok(true)` when it says "already gone".
    async fn remove(client: &Client, which: &str) -> Result<bool, Error> {
        match which {
            "delete_menu" => client.delete_menu(APP).await.map(|menu| menu.is_none()),
            "delete_app_user_profile" => client
                .delete_app_user_profile(APP, USER)
                .await
                .map(|user| user.is_none()),
            _ => client
                .delete_deployment("deployment")
                .await
                .map(|deletion| deletion == DeploymentDeletion::Deleted),
        }
    }

    // The user exists, so that the fake answers the profile deletion with the user.
    let fake = fake_with_a_message().await;
    let client = client_at(fake.base_url())
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let faults = [
        Fault::status(500),
        Fault::DropConnection,
        Fault::Delay(Duration::from_secs(3)),
    ];
    for which in [
        "delete_menu",
        "delete_app_user_profile",
        "delete_deployment",
    ] {
        for fault in &faults {
            fake.inject(1, fault.clone());
            fake.inject(1, Fault::status(404));
            let before = fake.request_count();
            let gone = remove(&client, which).await;
            assert!(
                matches!(gone, Ok(true)),
                "{which} after {fault:?}: {gone:?}"
            );
            assert_eq!(fake.request_count() - before, 2, "{which} after {fault:?}");
        }
        // A 404 with nothing before it is a 404.
        fake.inject(1, Fault::status(404));
        let error = remove(&client, which).await.unwrap_err();
        assert!(error.is_not_found(), "{which}: {error}");
    }
    // An answer is an answer.
    assert!(matches!(remove(&client, "delete_menu").await, Ok(false)));
    assert!(matches!(
        remove(&client, "delete_app_user_profile").await,
        Ok(false)
    ));
}
