//! The fake's validation seen through its HTTP API (client -> `FakeSmooch`): a valid message
//! answers 201 and is stored as answered; a violation answers 400 `bad_request` with Smooch's
//! error body, a description naming the problem, and nothing stored; a body that does not
//! decode is a 400 too.
//!
//! Every rule itself, both ways, is tested once, in `smooch-client/src/fake/validate.rs`; here a
//! few of them show that rules reach the wire as the real API answers them.

use serde_json::Value;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::Cursor;
use smooch_client::models::{
    Action, ActivityType, ConversationActivity, Coordinates, FieldOption, FieldPost, Message,
    MessageItem, MessagePost, MessageType, Role,
};
use smooch_client::{Client, ConversationApi, Error};

const APP: &str = "app_validation";
const USER: &str = "user_validation";

/// A fresh fake and a client for it.
async fn start() -> (FakeSmooch, Client) {
    let fake = FakeSmooch::start().await.expect("the fake starts");
    let client = fake.client().expect("a client for the fake");
    (fake, client)
}

/// How many messages the fake stores for the test user (0 without a conversation).
fn stored_count(fake: &FakeSmooch) -> usize {
    fake.conversation(APP, USER)
        .map_or(0, |stored| stored.messages.len())
}

/// Posts `message`, expects 201, checks it is stored as answered, and returns it.
async fn accepted(fake: &FakeSmooch, client: &Client, message: &MessagePost) -> Message {
    let before = stored_count(fake);
    let response = client
        .post_message(APP, USER, message)
        .await
        .unwrap_or_else(|error| panic!("{message:?} should be accepted, got {error:?}"));
    let stored = fake
        .conversation(APP, USER)
        .expect("an accepted message creates the conversation");
    assert_eq!(stored.messages.len(), before + 1, "one message stored");
    assert_eq!(stored.messages.last(), Some(&response.message));
    assert_eq!(stored.conversation, response.conversation);
    response.message
}

/// Unpacks a 400 `bad_request` answer and returns its description.
fn bad_request(error: Error) -> String {
    let Error::Api(api) = error else {
        panic!("expected a Smooch error answer, got {error:?}")
    };
    assert_eq!(api.status.as_u16(), 400, "{api:?}");
    assert_eq!(api.code.as_deref(), Some("bad_request"), "{api:?}");
    api.description.expect("a 400 has a description")
}

/// Posts `message`, expects 400 `bad_request` from the fake, checks nothing changed in the
/// store, and returns the description.
async fn refused(fake: &FakeSmooch, client: &Client, message: &MessagePost) -> String {
    let before = fake.conversation(APP, USER);
    let requests = fake.request_count();
    let error = client
        .post_message(APP, USER, message)
        .await
        .expect_err("the message should be refused");
    assert_eq!(
        fake.request_count(),
        requests + 1,
        "refused by the fake, not before sending"
    );
    assert_eq!(
        fake.conversation(APP, USER),
        before,
        "a refused message stores nothing"
    );
    bad_request(error)
}

/// Sends `activity`, expects 400 `bad_request`, checks nothing changed, returns the description.
async fn refused_activity(
    fake: &FakeSmooch,
    client: &Client,
    activity: &ConversationActivity,
) -> String {
    let before = fake.conversation(APP, USER);
    let error = client
        .conversation_activity(APP, USER, activity)
        .await
        .expect_err("the activity should be refused");
    assert_eq!(
        fake.conversation(APP, USER),
        before,
        "a refused activity changes nothing"
    );
    bad_request(error)
}

/// Asserts that `description` contains every one of `parts`.
#[track_caller]
fn assert_mentions(description: &str, parts: &[&str]) {
    for part in parts {
        assert!(
            description.contains(part),
            "description {description:?} should mention {part:?}"
        );
    }
}

/// POSTs a raw body to `.../<path>` with basic auth; the status and the JSON answer.
async fn post_raw(fake: &FakeSmooch, path: &str, body: &str) -> (u16, Value) {
    let url = format!("{}/v1.1/apps/{APP}/appusers/{USER}/{path}", fake.base_url());
    let response = reqwest::Client::new()
        .post(url)
        .basic_auth(FakeSmooch::KEY_ID, Some(FakeSmooch::SECRET))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("the fake answers");
    let status = response.status().as_u16();
    let text = response.text().await.expect("a body");
    let json = serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON answer {text:?}: {e}"));
    (status, json)
}

/// POSTs a raw body that must be refused; checks the 400 `bad_request` and that nothing is
/// stored; returns the description.
async fn refused_raw(fake: &FakeSmooch, path: &str, body: &str) -> String {
    let before = fake.conversation(APP, USER);
    let (status, answer) = post_raw(fake, path, body).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(answer["error"]["code"], "bad_request", "{answer}");
    assert_eq!(fake.conversation(APP, USER), before, "nothing stored");
    answer["error"]["description"]
        .as_str()
        .expect("a description")
        .to_owned()
}

#[tokio::test]
async fn every_kind_of_valid_message_is_accepted_and_stored_as_answered() {
    let (fake, client) = start().await;
    let item = |title: &str| MessageItem::new(title, vec![Action::postback("Pick", title)]);
    let messages = [
        MessagePost::text(Role::AppUser, "Hi"),
        MessagePost::text(Role::AppMaker, "How did we do?").with_actions(vec![
            Action::reply("Great", "great"),
            Action::reply("Meh", "meh"),
        ]),
        MessagePost::image(Role::AppMaker, "https://example.org/a.png"),
        MessagePost::carousel(vec![item("one"), item("two")]),
        MessagePost::location(Role::AppUser, Coordinates::new(45.5, -73.6)),
        MessagePost::form(vec![
            FieldPost::text("name", "Your name?"),
            FieldPost::select("meal", "Meal?", vec![FieldOption::new("pizza", "Pizza")]),
        ]),
    ];
    for message in &messages {
        let stored = accepted(&fake, &client, message).await;
        assert_eq!(Some(&stored.r#type), message.r#type.as_ref());
    }
    assert_eq!(stored_count(&fake), messages.len());
}

#[tokio::test]
async fn a_refused_message_is_a_400_naming_the_problem_and_stores_nothing() {
    let (fake, client) = start().await;
    let cases = [
        (MessagePost::text(Role::Whisper, "Hi"), "`role`"),
        (
            MessagePost::new(Role::AppMaker, MessageType::Text),
            "`text`",
        ),
        (
            MessagePost::carousel(
                (0..11)
                    .map(|i| MessageItem::new(i.to_string(), vec![Action::postback("a", "b")]))
                    .collect(),
            ),
            "`items`",
        ),
        (
            MessagePost::text(Role::AppUser, "Hi").with_actions(vec![Action::reply("a", "b")]),
            "`actions`",
        ),
    ];
    for (message, mentioned) in cases {
        let description = refused(&fake, &client, &message).await;
        assert_mentions(&description, &[mentioned]);
    }
    let mut typing = ConversationActivity::typing_start();
    typing.role = Role::AppUser;
    let description = refused_activity(&fake, &client, &typing).await;
    assert_mentions(&description, &["`role` must be `appMaker`"]);
    let unknown = ConversationActivity::new(ActivityType::from("conversation:archive"));
    let description = refused_activity(&fake, &client, &unknown).await;
    assert_mentions(&description, &["`type`"]);
    assert!(fake.conversation(APP, USER).is_none());
}

#[tokio::test]
async fn bodies_that_do_not_decode_are_400s_naming_the_problem() {
    let (fake, client) = start().await;
    for body in ["{not json", "", "[]", r#"{"role": 5, "text": "Hi"}"#] {
        let description = refused_raw(&fake, "messages", body).await;
        assert_mentions(&description, &["Invalid JSON body"]);
        let description = refused_raw(&fake, "conversation/activity", body).await;
        assert_mentions(&description, &["Invalid JSON body"]);
    }
    // A request body is strict: `null` in a required field is refused, naming it.
    let raw =
        r#"{"role": "appMaker", "type": "location", "coordinates": {"lat": null, "long": 2}}"#;
    let description = refused_raw(&fake, "messages", raw).await;
    assert_mentions(
        &description,
        &["MessagePost.coordinates", "`lat` is required"],
    );
    let raw = r#"{"role": "appMaker", "text": "x", "actions": [{"text": "No type"}]}"#;
    let description = refused_raw(&fake, "messages", raw).await;
    assert_mentions(
        &description,
        &["MessagePost.actions[0]", "missing field `type`"],
    );
    assert!(fake.conversation(APP, USER).is_none());

    // The same route takes a well-formed raw body; a missing `type` means text.
    let (status, answer) =
        post_raw(&fake, "messages", r#"{"role": "appUser", "text": "Hi"}"#).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["message"]["text"], "Hi");
    assert_eq!(answer["message"]["type"], "text");
    assert_eq!(stored_count(&fake), 1);
    let page = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .expect("the stored message");
    assert_eq!(page.messages.len(), 1);
}
