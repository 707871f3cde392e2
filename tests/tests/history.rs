//! `ConversationApi::history`: a user's whole history as a stream, every message exactly once.

use std::collections::HashSet;

use futures_util::{StreamExt, TryStreamExt};
use serde_json::json;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::{Cursor, Message};
use smooch_client::{ConversationApi, Error};
use smooch_tests::at;

const APP: &str = "app";
const USER: &str = "user";

fn seeded(id: usize, received: f64) -> Message {
    serde_json::from_value(json!({
        "_id": format!("m{id:04}"), "authorId": "a", "role": "appUser", "type": "text",
        "received": received, "text": id.to_string()
    }))
    .unwrap()
}

/// A fake holding one message per time, oldest first, with ids `m0000`, `m0001`, ...
async fn seeded_fake(times: &[f64]) -> FakeSmooch {
    let fake = FakeSmooch::start().await.unwrap();
    fake.seed_messages(
        APP,
        USER,
        times.iter().enumerate().map(|(i, t)| seeded(i, *t)),
    );
    fake
}

/// Seeds messages with these times (oldest first) and reads the whole history back.
async fn walk(times: &[f64]) -> (Vec<Message>, Vec<Message>, usize) {
    let fake = seeded_fake(times).await;
    let stored = fake.conversation(APP, USER).unwrap().messages;
    let before = fake.request_count();
    let client = fake.client().unwrap();
    let read: Vec<Message> = client.history(APP, USER).try_collect().await.unwrap();
    (stored, read, fake.request_count() - before)
}

fn assert_exactly_once_newest_first(stored: &[Message], read: &[Message]) {
    let ids: HashSet<&str> = read.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), read.len(), "a message came twice");
    assert_eq!(read.len(), stored.len(), "messages were lost");
    let mut expected: Vec<&Message> = stored.iter().collect();
    expected.reverse();
    let times: Vec<f64> = read.iter().map(|m| m.received.as_unix_seconds()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "not newest first");
    assert_eq!(
        ids,
        expected
            .iter()
            .map(|m| m.id.as_str())
            .collect::<HashSet<_>>()
    );
}

#[tokio::test]
async fn walks_260_messages_a_page_at_a_time() {
    let times: Vec<f64> = (0..260)
        .map(|i| 1_700_000_000.0 + f64::from(i) * 0.5)
        .collect();
    let (stored, read, requests) = walk(&times).await;
    assert_exactly_once_newest_first(&stored, &read);
    assert_eq!(read[0].id, "m0259");
    assert_eq!(read[259].id, "m0000");
    assert_eq!(requests, 3, "100 + 100 + 60");
}

#[tokio::test]
async fn ties_at_page_boundaries_are_neither_lost_nor_repeated() {
    // 250 messages, oldest first at positions 0..250. Positions 140..=155 share one timestamp,
    // so the first page (positions 150..250) ends inside that group; the second page, which
    // starts just past it, is positions 56..156, and positions 50..=60 share another timestamp,
    // so its end falls inside a group too.
    let mut times: Vec<f64> = (0..250).map(|i| 1_700_000_000.0 + f64::from(i)).collect();
    for t in &mut times[140..=155] {
        *t = 1_700_000_140.0;
    }
    for t in &mut times[50..=60] {
        *t = 1_700_000_055.25;
    }
    let fake_pages = {
        let fake = seeded_fake(&times).await;
        let client = fake.client().unwrap();
        let first = client
            .get_messages(APP, USER, Cursor::Latest)
            .await
            .unwrap();
        let oldest = first.messages[0].received.as_unix_seconds();
        let second = client
            .get_messages(APP, USER, Cursor::Before(at(oldest + 0.001)))
            .await
            .unwrap();
        (
            first.messages[0].id.clone(),
            oldest,
            second.messages[0].received,
        )
    };
    assert_eq!(
        fake_pages.1, 1_700_000_140.0,
        "the first boundary is in the first group"
    );
    assert_eq!(
        fake_pages.2, 1_700_000_055.25,
        "the second boundary is in the second group"
    );
    let (stored, read, _) = walk(&times).await;
    assert_exactly_once_newest_first(&stored, &read);
}

#[tokio::test]
async fn a_naive_before_cursor_would_lose_the_tied_messages() {
    // What the stream protects against: the API's `before` bound is exclusive.
    let mut times: Vec<f64> = (0..120).map(|i| 1_700_000_000.0 + f64::from(i)).collect();
    for t in &mut times[15..=25] {
        *t = 1_700_000_020.0;
    }
    let fake = seeded_fake(&times).await;
    let client = fake.client().unwrap();
    let latest = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    let oldest = latest.messages[0].received;
    let naive = client
        .get_messages(APP, USER, Cursor::Before(oldest))
        .await
        .unwrap();
    assert!(
        latest.messages.len() + naive.messages.len() < 120,
        "the naive walk loses messages"
    );

    let read: Vec<Message> = client.history(APP, USER).try_collect().await.unwrap();
    assert_eq!(read.len(), 120);
}

#[tokio::test]
async fn exact_multiples_of_a_page_end_cleanly() {
    for count in [1usize, 99, 100, 101, 200] {
        let times: Vec<f64> = (0..count).map(|i| 1_700_000_000.0 + i as f64).collect();
        let (stored, read, requests) = walk(&times).await;
        assert_exactly_once_newest_first(&stored, &read);
        assert!(
            requests <= count / 100 + 1,
            "{count} messages took {requests} requests"
        );
    }
}

#[tokio::test]
async fn posted_messages_come_back_newest_first() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    for text in ["one", "two", "three"] {
        let message =
            smooch_client::models::MessagePost::text(smooch_client::models::Role::AppUser, text);
        client.post_message(APP, USER, &message).await.unwrap();
    }
    let texts: Vec<String> = client
        .history(APP, USER)
        .map_ok(|m| m.text.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(texts, ["three", "two", "one"]);
}

#[tokio::test]
async fn a_user_without_a_conversation_yields_the_404_once() {
    let fake = FakeSmooch::start().await.unwrap();
    let items: Vec<_> = fake
        .client()
        .unwrap()
        .history(APP, "nobody")
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    let Err(error) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

#[tokio::test]
async fn more_than_a_page_on_one_timestamp_is_an_error_not_a_loop() {
    let mut times = vec![1_700_000_000.0; 130];
    times.extend((1..=20).map(|i| 1_700_000_000.0 + f64::from(i)));
    let fake = seeded_fake(&times).await;
    let items: Vec<_> = fake.client().unwrap().history(APP, USER).collect().await;
    let (ok, errors): (Vec<_>, Vec<_>) = items.iter().partition(|item| item.is_ok());
    // The 20 newer messages and the 100 tied ones the API returns; 30 tied ones are unreachable.
    assert_eq!(ok.len(), 120);
    let ids: HashSet<&str> = ok.iter().map(|m| m.as_ref().unwrap().id.as_str()).collect();
    assert_eq!(ids.len(), 120, "no repeats");
    assert_eq!(errors.len(), 1, "said once, at the end");
    assert!(
        matches!(items.last(), Some(Err(Error::Pagination(_)))),
        "{:?}",
        items.last()
    );
    assert_eq!(fake.request_count(), 2, "no request that could not help");
}

#[test]
fn the_stream_is_send_and_static() {
    fn check<S: futures_util::Stream + Send + 'static>(_: S) {}
    let client = smooch_client::Client::builder()
        .basic_auth("k", "s")
        .build()
        .unwrap();
    let user = String::from("u");
    check(client.history("a", &user));
}

// ---------------------------------------------------------------------------------------------
// Oldest first, from a time: `ConversationApi::forward`
// ---------------------------------------------------------------------------------------------

/// Seeds messages with these times and reads everything after `after`, oldest first.
async fn walk_forward(times: &[f64], after: f64) -> (Vec<Message>, Vec<Message>, usize) {
    let fake = seeded_fake(times).await;
    let stored = fake.conversation(APP, USER).unwrap().messages;
    let before = fake.request_count();
    let client = fake.client().unwrap();
    let read: Vec<Message> = client
        .forward(APP, USER, at(after))
        .try_collect()
        .await
        .unwrap();
    (stored, read, fake.request_count() - before)
}

fn assert_exactly_once_oldest_first(expected: &[Message], read: &[Message]) {
    let ids: Vec<&str> = read.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        ids.len(),
        "a message came twice"
    );
    let times: Vec<f64> = read.iter().map(|m| m.received.as_unix_seconds()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "not oldest first");
    let mut expected: Vec<&str> = expected.iter().map(|m| m.id.as_str()).collect();
    let mut got = ids.clone();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected, "messages were lost or added");
}

#[tokio::test]
async fn forward_reads_everything_after_a_time_oldest_first() {
    let times: Vec<f64> = (0..260)
        .map(|i| 1_700_000_000.0 + f64::from(i) * 0.5)
        .collect();
    // Strictly after the 11th message's time: positions 11..260.
    let (stored, read, requests) = walk_forward(&times, times[10]).await;
    assert_exactly_once_oldest_first(&stored[11..], &read);
    assert_eq!(
        (read[0].id.as_str(), read[248].id.as_str()),
        ("m0011", "m0259")
    );
    assert_eq!(requests, 3, "100 + 100 + 49");
    // From before the first message: all of it.
    let (stored, read, _) = walk_forward(&times, 0.0).await;
    assert_exactly_once_oldest_first(&stored, &read);
}

#[tokio::test]
async fn forward_ties_at_page_boundaries_are_neither_lost_nor_repeated() {
    // Positions 95..=110 share one time, so the first page (0..100) ends inside the group, and
    // positions 195..=205 another.
    let mut times: Vec<f64> = (0..250).map(|i| 1_700_000_000.0 + f64::from(i)).collect();
    for t in &mut times[95..=110] {
        *t = 1_700_000_095.25;
    }
    for t in &mut times[195..=205] {
        *t = 1_700_000_195.75;
    }
    let (stored, read, _) = walk_forward(&times, 1_600_000_000.0).await;
    assert_exactly_once_oldest_first(&stored, &read);
    // A naive cursor (after = the last message's time) would skip the rest of the group.
    let fake = seeded_fake(&times).await;
    let client = fake.client().unwrap();
    let first = client
        .get_messages(APP, USER, Cursor::After(at(1_600_000_000.0)))
        .await
        .unwrap();
    let naive = client
        .get_messages(APP, USER, Cursor::After(first.messages[99].received))
        .await
        .unwrap();
    assert_eq!(
        naive.messages[0].id, "m0111",
        "positions 100..=110 would be lost"
    );
}

#[tokio::test]
async fn forward_past_the_end_is_empty_and_errors_end_it() {
    let (_, read, requests) = walk_forward(&[1_700_000_000.0], 1_700_000_000.0).await;
    assert!(read.is_empty());
    assert_eq!(requests, 1);
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    let results: Vec<_> = client.forward(APP, USER, at(0.0)).collect().await;
    assert_eq!(results.len(), 1, "one error, then the end");
    assert!(results[0].as_ref().unwrap_err().is_not_found());
    // More than a page on one time cannot be paged past: an error, not a loop.
    let fake = seeded_fake(&[1_700_000_000.5; 150]).await;
    let client = fake.client().unwrap();
    let results: Vec<_> = client.forward(APP, USER, at(0.0)).collect().await;
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 100);
    assert!(matches!(results.last(), Some(Err(Error::Pagination(_)))));
}

#[tokio::test]
async fn page_links_are_cursors_to_feed_back() {
    let times: Vec<f64> = (0..150).map(|i| 1_700_000_000.0 + f64::from(i)).collect();
    let fake = seeded_fake(&times).await;
    let client = fake.client().unwrap();
    let latest = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(latest.messages[0].id, "m0050");
    let older = latest.previous_cursor().expect("older messages remain");
    assert_eq!(older, Cursor::Before(latest.messages[0].received));
    let page = client.get_messages(APP, USER, older).await.unwrap();
    assert_eq!(page.messages.len(), 50);
    let newer = page.next_cursor().expect("newer messages remain");
    assert_eq!(newer, Cursor::After(page.messages[49].received));
    let back = client.get_messages(APP, USER, newer).await.unwrap();
    assert_eq!(back.messages[0].id, "m0050");
}
