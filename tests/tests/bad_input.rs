//! Bad input never panics and is either refused before anything is sent (with the parameter
//! named) or sent exactly as given. Checked against the fake, whose request count proves what
//! was sent, and whose store shows the ids exactly as the server decoded them.

use std::time::Duration;

use serde_json::{Value, json};
use smooch_client::fake::FakeSmooch;
use smooch_client::models::Cursor;
use smooch_client::models::{
    ConversationActivity, Message, MessagePost, Metadata, Role, Timestamp,
};
use smooch_client::{Client, ConversationApi, Error, MAX_VALUE_LEN, RetryPolicy};
use smooch_tests::at;

const APP: &str = "app";
const USER: &str = "user";

/// No call here is slow: the timeout only has to be generous enough for the megabyte bodies.
fn client(fake: &FakeSmooch) -> Client {
    Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(fake.base_url())
        .timeout(Duration::from_secs(10))
        .retry(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_base_delay(Duration::from_millis(5))
                .with_max_delay(Duration::from_millis(50)),
        )
        .build()
        .unwrap()
}

fn text(text: &str) -> MessagePost {
    MessagePost::text(Role::AppUser, text)
}

/// A message stored directly in the fake, with this `_id`.
fn seeded(id: &str, received: f64) -> Message {
    serde_json::from_value(json!({
        "_id": id, "authorId": "a", "role": "appUser", "type": "text", "received": received, "text": "x"
    }))
    .unwrap()
}

#[track_caller]
fn assert_invalid<T: std::fmt::Debug>(result: Result<T, Error>, parameter: &str, call: &str) {
    match result {
        Err(Error::InvalidInput {
            operation,
            parameter: got,
            reason,
        }) => {
            assert_eq!(got, parameter, "{call}: {reason}");
            assert_eq!(
                operation,
                call.split(['(', ' ']).next().unwrap(),
                "{reason}"
            );
            assert!(!reason.is_empty(), "{call}: no reason");
        }
        other => panic!("{call}: expected InvalidInput for `{parameter}`, got {other:?}"),
    }
}

#[tokio::test]
async fn empty_and_dot_ids_are_refused_naming_the_parameter_before_sending() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = client(&fake);
    let activity = ConversationActivity::typing_start();
    let post = text("hi");

    for bad in ["", ".", ".."] {
        let at = |call: &str| format!("{call} with {bad:?}");
        for (app, user, parameter) in [(bad, USER, "app_id"), (APP, bad, "user_id")] {
            let call = at(&format!("conversation_activity({parameter})"));
            assert_invalid(
                client.conversation_activity(app, user, &activity).await,
                parameter,
                &call,
            );
            let call = at(&format!("delete_message({parameter})"));
            assert_invalid(
                client.delete_message(app, user, "m1").await,
                parameter,
                &call,
            );
            let call = at(&format!("delete_messages({parameter})"));
            assert_invalid(client.delete_messages(app, user).await, parameter, &call);
            let call = at(&format!("get_messages({parameter})"));
            assert_invalid(
                client.get_messages(app, user, Cursor::Latest).await,
                parameter,
                &call,
            );
            let call = at(&format!("post_message({parameter})"));
            assert_invalid(
                client.post_message(app, user, &post).await,
                parameter,
                &call,
            );
            let call = at(&format!("reset_unread_count({parameter})"));
            assert_invalid(client.reset_unread_count(app, user).await, parameter, &call);
        }
        let call = at("delete_message(message_id)");
        assert_invalid(
            client.delete_message(APP, USER, bad).await,
            "message_id",
            &call,
        );
        // With every id bad, the first one is named.
        let call = at("delete_message(all three)");
        assert_invalid(client.delete_message(bad, bad, bad).await, "app_id", &call);
    }
    assert_eq!(fake.request_count(), 0, "a refused call reached the server");
    assert!(fake.conversation(APP, USER).is_none());
}

/// Ids made of every kind of character that needs care in a URL path.
fn special_ids() -> Vec<String> {
    let mut ids = Vec::new();
    let punctuation = r##"!"#$%&'()*+,/:;<=>?@[\]^`{|}~ "##;
    for c in punctuation.chars() {
        ids.push(c.to_string());
        ids.push(format!("a{c}b"));
        ids.push(format!("{c}{c}"));
    }
    ids.push(punctuation.to_owned());
    for c in ['\t', '\n', '\r', '\0', '\x1b', '\x7f'] {
        ids.push(c.to_string());
        ids.push(format!("a{c}b"));
    }
    for percent in [
        "%2F", "%2f", "%2e%2e", "%2E", "a%2Fb", "%", "%%", "%zz", "%20", "%00", "%25",
    ] {
        ids.push(percent.to_owned());
    }
    for unicode in [
        "ü",
        "日本語",
        "👋🏽",
        "👨‍👩‍👧‍👦",
        "مرحبا",
        "שלום עולם",
        "\u{202E}evil\u{202C}",
        "e\u{301}",
        "\u{feff}bom",
        "\u{200b}",
        "\u{10ffff}",
        "\u{fffd}",
    ] {
        ids.push(unicode.to_owned());
    }
    // The longest values sent: MAX_VALUE_LEN bytes, however many characters.
    ids.push("x".repeat(MAX_VALUE_LEN));
    ids.push("é".repeat(MAX_VALUE_LEN / 2));
    ids.push("🙂".repeat(MAX_VALUE_LEN / 4));
    ids.push("/".repeat(MAX_VALUE_LEN));
    for dots in [
        "...", "....", ".a", "a.", "./a", "../a", "a/..", "/..", "../", ". .", " ..",
    ] {
        ids.push(dots.to_owned());
    }
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    ids
}

/// Ids longer than [`MAX_VALUE_LEN`] make a URL no server (or HTTP stack) accepts: every
/// endpoint refuses them up front, naming the parameter; nothing is sent, retried or claimed
/// delivered.
#[tokio::test]
async fn over_long_ids_are_refused_up_front_on_every_endpoint() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = client(&fake);
    let activity = ConversationActivity::typing_start();
    let post = text("hi");
    for long in ["x".repeat(MAX_VALUE_LEN + 1), "é".repeat(32 * 1024)] {
        let long = long.as_str();
        for (app, user, parameter) in [(long, USER, "app_id"), (APP, long, "user_id")] {
            let results = [
                (
                    "conversation_activity",
                    client
                        .conversation_activity(app, user, &activity)
                        .await
                        .map(drop),
                ),
                (
                    "delete_message",
                    client.delete_message(app, user, "m1").await,
                ),
                ("delete_messages", client.delete_messages(app, user).await),
                (
                    "get_messages",
                    client
                        .get_messages(app, user, Cursor::Latest)
                        .await
                        .map(drop),
                ),
                (
                    "post_message",
                    client.post_message(app, user, &post).await.map(drop),
                ),
                (
                    "reset_unread_count",
                    client.reset_unread_count(app, user).await,
                ),
            ];
            for (call, result) in results {
                let error = result.expect_err(call);
                assert!(!error.may_have_been_delivered(), "{call}: {error}");
                assert_eq!(error.attempts(), None, "{call}: nothing was attempted");
                assert_invalid(
                    Err::<(), _>(error),
                    parameter,
                    &format!("{call} {}", long.len()),
                );
            }
        }
        let error = client.delete_message(APP, USER, long).await.unwrap_err();
        assert_invalid(Err::<(), _>(error), "message_id", "delete_message");
    }
    assert_eq!(fake.request_count(), 0, "a refused call reached the server");
}

#[tokio::test]
async fn ids_with_special_characters_are_sent_and_arrive_exactly() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = client(&fake);
    let mut expected_requests = 0;

    for id in special_ids() {
        // As a user id: the fake stores the message under exactly that id, and makes it the
        // author of the user's message.
        let sent = client.post_message(APP, &id, &text("hi")).await;
        let sent = sent.unwrap_or_else(|e| panic!("post_message to user {id:?}: {e:?}"));
        assert_eq!(
            sent.message.author_id, id,
            "the fake received another user id"
        );
        let stored = fake
            .conversation(APP, &id)
            .unwrap_or_else(|| panic!("no user {id:?}"));
        assert_eq!(stored.messages.len(), 1, "user {id:?}");
        let page = client.get_messages(APP, &id, Cursor::Latest).await;
        let page = page.unwrap_or_else(|e| panic!("get_messages of user {id:?}: {e:?}"));
        assert_eq!(page.messages.len(), 1, "user {id:?}");
        client
            .conversation_activity(APP, &id, &ConversationActivity::read())
            .await
            .unwrap_or_else(|e| panic!("conversation_activity of user {id:?}: {e:?}"));
        client
            .reset_unread_count(APP, &id)
            .await
            .unwrap_or_else(|e| panic!("reset_unread_count of user {id:?}: {e:?}"));
        client
            .delete_messages(APP, &id)
            .await
            .unwrap_or_else(|e| panic!("delete_messages of user {id:?}: {e:?}"));
        assert!(
            fake.conversation(APP, &id).unwrap().messages.is_empty(),
            "user {id:?}"
        );

        // As an app id.
        client
            .post_message(&id, USER, &text("hi"))
            .await
            .unwrap_or_else(|e| panic!("post_message to app {id:?}: {e:?}"));
        let stored = fake
            .conversation(&id, USER)
            .unwrap_or_else(|| panic!("no app {id:?}"));
        assert_eq!(stored.messages.len(), 1, "app {id:?}");

        // As a message id: the fake deletes exactly the message with that `_id`.
        fake.seed_messages(APP, USER, [seeded(&id, 1.0), seeded("other", 2.0)]);
        client
            .delete_message(APP, USER, &id)
            .await
            .unwrap_or_else(|e| panic!("delete_message {id:?}: {e:?}"));
        let left: Vec<String> = fake
            .conversation(APP, USER)
            .unwrap()
            .messages
            .into_iter()
            .map(|m| m.id.into())
            .collect();
        assert!(
            !left.contains(&id),
            "message {id:?} was not the one deleted: {left:?}"
        );
        assert!(
            left.contains(&"other".to_owned()),
            "{id:?}: another message was deleted"
        );
        client.delete_messages(APP, USER).await.unwrap();

        expected_requests += 8;
        assert_eq!(
            fake.request_count(),
            expected_requests,
            "each call is one request: {id:?}"
        );
    }
}

fn metadata(entries: impl IntoIterator<Item = (String, Value)>) -> Metadata {
    entries.into_iter().collect()
}

#[tokio::test]
async fn huge_metadata_is_stored_or_a_clean_413() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = client(&fake);
    let many_keys = metadata((0..10_000).map(|i| {
        let value = match i % 3 {
            0 => json!(i),
            1 => json!(format!("value {i}")),
            _ => json!(i % 2 == 0),
        };
        (format!("key{i}"), value)
    }));
    let one_megabyte = metadata([("big".to_owned(), json!("m".repeat(1 << 20)))]);
    let three_megabytes = metadata([("huge".to_owned(), json!("ü".repeat(3 << 19)))]);

    // The fake, like an API server, has a body limit (2 MB): under it metadata is stored as
    // sent, over it the answer is a clean 413 with Smooch's error body.
    for (name, metadata, accepted) in [
        ("10 000 keys", many_keys, true),
        ("1 MB value", one_megabyte, true),
        ("3 MB value", three_megabytes, false),
    ] {
        let before = fake.request_count();
        let post = text("meta").with_metadata(metadata.clone());
        let result = client.post_message(APP, USER, &post).await;
        assert_eq!(fake.request_count() - before, 1, "{name}: sent once");
        if accepted {
            let sent = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(sent.message.metadata.as_ref(), Some(&metadata), "{name}");
            let stored = fake.conversation(APP, USER).unwrap();
            assert_eq!(
                stored.messages.last().unwrap().metadata.as_ref(),
                Some(&metadata)
            );
        } else {
            let Err(Error::Api(api)) = result else {
                panic!("{name}: {result:?}")
            };
            assert_eq!(api.status.as_u16(), 413, "{name}: {api}");
            assert_eq!(
                api.code.as_deref(),
                Some("payload_too_large"),
                "{name}: {api}"
            );
        }
    }
}

#[test]
fn non_finite_times_are_not_timestamps_so_never_reach_a_query() {
    for bad in [f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let error = Timestamp::from_unix_seconds(bad).unwrap_err();
        assert!(error.to_string().contains("finite"), "{error}");
        assert!(Timestamp::try_from(bad).is_err());
    }
}

#[tokio::test]
async fn negative_and_huge_finite_times_are_sent() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = client(&fake);
    let received = client
        .post_message(APP, USER, &text("hi"))
        .await
        .unwrap()
        .message
        .received
        .as_unix_seconds();

    let times = [
        -1.0,
        -0.0,
        0.0,
        -1e300,
        1e300,
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        5e-324,
        -62_135_596_800.0,
        253_402_300_800.0,
        received,
        received - 0.001,
        received + 0.001,
    ];
    for time in times {
        let before = fake.request_count();
        let older = client
            .get_messages(APP, USER, Cursor::Before(at(time)))
            .await;
        let older = older.unwrap_or_else(|e| panic!("before {time}: {e:?}"));
        assert_eq!(
            older.messages.len(),
            usize::from(received < time),
            "before {time}"
        );
        let newer = client
            .get_messages(APP, USER, Cursor::After(at(time)))
            .await;
        let newer = newer.unwrap_or_else(|e| panic!("after {time}: {e:?}"));
        assert_eq!(
            newer.messages.len(),
            usize::from(received > time),
            "after {time}"
        );
        assert_eq!(
            fake.request_count() - before,
            2,
            "{time}: each call is one request"
        );
    }
}
