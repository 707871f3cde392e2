//! End to end through the fake's HTTP API (client -> `FakeSmooch`): every validation rule of the
//! fake, both ways. A valid message answers 201 and is stored (enriched as the real server does);
//! a violation answers 400 `bad_request` with a description naming the problem, and nothing is
//! stored.

use serde_json::{Value, json};
use smooch_client::fake::FakeSmooch;
use smooch_client::models::{
    Action, ActionState, ActionType, ActivityType, ConversationActivity, Coordinates, Destination,
    FieldOption, FieldPost, FieldType, IntegrationType, Message, MessageItem, MessagePost,
    MessageType, Metadata, Role,
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

/// A JSON object as metadata.
fn metadata(value: Value) -> Metadata {
    value.as_object().cloned().expect("a JSON object")
}

/// An item with one link action.
fn item(title: &str) -> MessageItem {
    MessageItem::new(title, vec![Action::link("Open", "https://example.org")])
}

/// A select field with `count` distinct options.
fn select(name: &str, count: usize) -> FieldPost {
    let options = (0..count)
        .map(|index| FieldOption::new(format!("option{index}"), format!("Option {index}")))
        .collect();
    FieldPost::select(name, "Pick one", options)
}

/// An app maker text message carrying these actions.
fn with_actions(actions: Vec<Action>) -> MessagePost {
    MessagePost::text(Role::AppMaker, "Hello").with_actions(actions)
}

#[tokio::test]
async fn role_must_be_app_user_or_app_maker() {
    let (fake, client) = start().await;

    for (role, got) in [
        (Role::Whisper, "got `whisper`"),
        (Role::from("bot"), "got `bot`"),
        (Role::from(""), "it is missing"),
    ] {
        let description = refused(&fake, &client, &MessagePost::text(role, "Hi")).await;
        assert_mentions(
            &description,
            &["`role` must be `appUser` or `appMaker`", got],
        );
    }
    assert!(
        fake.conversation(APP, USER).is_none(),
        "no conversation yet"
    );
    let absent = refused_raw(&fake, "messages", r#"{"type": "text", "text": "Hi"}"#).await;
    assert_mentions(&absent, &["`role`", "missing"]);

    let user = accepted(&fake, &client, &MessagePost::text(Role::AppUser, "Hi")).await;
    assert_eq!(user.role, Role::AppUser);
    assert_eq!(user.author_id, USER);
    assert_eq!(
        user.source.and_then(|source| source.r#type).as_deref(),
        Some("api")
    );
    let maker = accepted(&fake, &client, &MessagePost::text(Role::AppMaker, "Hello")).await;
    assert_eq!(maker.role, Role::AppMaker);
    assert_eq!(maker.text.as_deref(), Some("Hello"));

    let description = refused(&fake, &client, &MessagePost::text(Role::Whisper, "Hi")).await;
    assert_mentions(&description, &["`role`"]);
    assert_eq!(stored_count(&fake), 2);
}

#[tokio::test]
async fn only_postable_types_are_accepted() {
    let (fake, client) = start().await;

    let mut form_response = MessagePost::text(Role::AppUser, "x");
    form_response.r#type = Some(MessageType::FormResponse);
    let description = refused(&fake, &client, &form_response).await;
    assert_mentions(&description, &["`formResponse`", "cannot be posted"]);

    let mut sticker = MessagePost::text(Role::AppMaker, "x");
    sticker.r#type = Some(MessageType::from("sticker"));
    let description = refused(&fake, &client, &sticker).await;
    assert_mentions(&description, &["`type` must be", "`text`", "got `sticker`"]);

    let mut empty = MessagePost::text(Role::AppMaker, "x");
    empty.r#type = Some(MessageType::from(""));
    let description = refused(&fake, &client, &empty).await;
    assert_mentions(&description, &["`type`", "missing"]);
    assert!(fake.conversation(APP, USER).is_none());

    // No `type` at all means `text`.
    let mut untyped = MessagePost::text(Role::AppMaker, "Hi");
    untyped.r#type = None;
    let message = accepted(&fake, &client, &untyped).await;
    assert_eq!(message.r#type, MessageType::Text);
    let mut untyped_empty = MessagePost::text(Role::AppMaker, "");
    untyped_empty.r#type = None;
    let description = refused(&fake, &client, &untyped_empty).await;
    assert_mentions(&description, &["text message", "`text`"]);

    // A `messageSchema` message (a WhatsApp template) skips the type check, not the role check.
    let template = MessagePost::message_schema(
        "whatsapp",
        json!({"type": "hsm", "hsm": {"namespace": "n", "element_name": "hello"}}),
    );
    let mut typed_template = template.clone();
    typed_template.r#type = Some(MessageType::from("hsm"));
    accepted(&fake, &client, &template).await;
    accepted(&fake, &client, &typed_template).await;
    let mut whisper_template = template;
    whisper_template.role = Role::Whisper;
    let description = refused(&fake, &client, &whisper_template).await;
    assert_mentions(&description, &["`role`", "got `whisper`"]);
    assert_eq!(stored_count(&fake), 3);
}

#[tokio::test]
async fn text_needs_text_or_actions() {
    let (fake, client) = start().await;

    let bare = MessagePost::new(Role::AppMaker, MessageType::Text);
    let description = refused(&fake, &client, &bare).await;
    assert_mentions(&description, &["text message needs `text` or `actions`"]);
    let empty = MessagePost::text(Role::AppUser, "");
    let description = refused(&fake, &client, &empty).await;
    assert_mentions(&description, &["text message needs `text` or `actions`"]);
    assert!(fake.conversation(APP, USER).is_none());

    accepted(&fake, &client, &MessagePost::text(Role::AppUser, "Hi")).await;
    let actions_only = bare.with_action(Action::postback("Go", "GO"));
    let message = accepted(&fake, &client, &actions_only).await;
    assert_eq!(message.text, None);
    assert_eq!(message.actions.len(), 1);
    assert!(message.actions[0].id.is_some(), "actions get an `_id`");
}

#[tokio::test]
async fn image_and_file_need_media_url() {
    let (fake, client) = start().await;

    let description = refused(
        &fake,
        &client,
        &MessagePost::new(Role::AppUser, MessageType::Image),
    )
    .await;
    assert_mentions(&description, &["an image message needs `mediaUrl`"]);
    let description = refused(&fake, &client, &MessagePost::file(Role::AppMaker, "")).await;
    assert_mentions(&description, &["a file message needs `mediaUrl`"]);
    assert!(fake.conversation(APP, USER).is_none());

    let image = accepted(
        &fake,
        &client,
        &MessagePost::image(Role::AppUser, "https://x.org/a.png"),
    )
    .await;
    assert_eq!(image.media_type.as_deref(), Some("image/png"));
    assert_eq!(image.media_size, Some(0));
    assert_eq!(image.text.as_deref(), Some(" "));
    let file = accepted(
        &fake,
        &client,
        &MessagePost::file(Role::AppMaker, "https://x.org/a.pdf").with_text("The invoice"),
    )
    .await;
    assert_eq!(file.media_type.as_deref(), Some("application/pdf"));
    assert_eq!(file.text.as_deref(), Some("The invoice"));
}

#[tokio::test]
async fn carousel_and_list_need_1_to_10_items() {
    let (fake, client) = start().await;
    let ten: Vec<_> = (0..10)
        .map(|index| item(&format!("Item {index}")))
        .collect();
    let mut eleven = ten.clone();
    eleven.push(item("Eleven"));

    let description = refused(&fake, &client, &MessagePost::carousel(vec![])).await;
    assert_mentions(
        &description,
        &["a carousel message needs `items`", "1 to 10"],
    );
    let description = refused(&fake, &client, &MessagePost::list(vec![])).await;
    assert_mentions(&description, &["a list message needs `items`", "1 to 10"]);
    let description = refused(&fake, &client, &MessagePost::carousel(eleven.clone())).await;
    assert_mentions(
        &description,
        &["a carousel message has 11 `items`", "at most 10"],
    );
    let description = refused(&fake, &client, &MessagePost::list(eleven)).await;
    assert_mentions(
        &description,
        &["a list message has 11 `items`", "at most 10"],
    );
    assert!(fake.conversation(APP, USER).is_none());

    let carousel = accepted(&fake, &client, &MessagePost::carousel(ten)).await;
    assert_eq!(carousel.items.len(), 10);
    let text = carousel.text.as_deref().unwrap_or_default();
    assert!(
        text.starts_with("1. Item 0\nOpen: https://example.org"),
        "{text:?}"
    );
    assert!(text.contains("\n\n10. Item 9\n"), "{text:?}");
    for stored in &carousel.items {
        assert!(stored.id.is_some(), "items get an `_id`");
        assert!(stored.actions[0].id.is_some(), "item actions get an `_id`");
    }
    let list = accepted(&fake, &client, &MessagePost::list(vec![item("One")])).await;
    assert_eq!(list.r#type, MessageType::List);
    assert!(
        list.text
            .as_deref()
            .unwrap_or_default()
            .starts_with("1. One")
    );
}

#[tokio::test]
async fn items_need_a_title() {
    let (fake, client) = start().await;

    let untitled = MessagePost::carousel(vec![item("One"), item("")]);
    let description = refused(&fake, &client, &untitled).await;
    assert_mentions(&description, &["`items[1].title` is required"]);
    let description = refused(&fake, &client, &MessagePost::list(vec![item("")])).await;
    assert_mentions(&description, &["`items[0].title` is required"]);
    assert!(fake.conversation(APP, USER).is_none());

    let titled = accepted(&fake, &client, &MessagePost::list(vec![item("Titled")])).await;
    assert_eq!(titled.items[0].title, "Titled");
}

#[tokio::test]
async fn items_need_1_to_3_actions() {
    let (fake, client) = start().await;
    let three = MessageItem::new(
        "Three",
        vec![
            Action::link("A", "https://a.org"),
            Action::postback("B", "B"),
            Action::share(),
        ],
    );
    let mut four = three.clone();
    four.actions.push(Action::link("D", "https://d.org"));

    let none = MessagePost::carousel(vec![MessageItem::new("None", vec![])]);
    let description = refused(&fake, &client, &none).await;
    assert_mentions(&description, &["`items[0].actions`", "at least 1 action"]);
    let description = refused(&fake, &client, &MessagePost::list(vec![item("One"), four])).await;
    assert_mentions(
        &description,
        &["`items[1].actions` has 4 actions", "at most 3"],
    );
    assert!(fake.conversation(APP, USER).is_none());

    let message = accepted(&fake, &client, &MessagePost::carousel(vec![three])).await;
    let actions = &message.items[0].actions;
    assert_eq!(actions.len(), 3);
    assert!(actions.iter().all(|action| action.id.is_some()));
    assert_eq!(
        actions[1].uri.as_deref(),
        Some(""),
        "postback gets `uri: \"\"`"
    );
    assert_eq!(
        actions[2].uri.as_deref(),
        Some(""),
        "share gets `uri: \"\"`"
    );
}

#[tokio::test]
async fn location_needs_coordinates() {
    let (fake, client) = start().await;

    let bare = MessagePost::new(Role::AppUser, MessageType::Location);
    let description = refused(&fake, &client, &bare).await;
    assert_mentions(&description, &["a location message needs `coordinates`"]);
    assert!(fake.conversation(APP, USER).is_none());

    let point = MessagePost::location(Role::AppUser, Coordinates::new(45.5, -73.6));
    let message = accepted(&fake, &client, &point).await;
    let text = message.text.as_deref().unwrap_or_default();
    assert!(text.starts_with("Location shared:"), "{text:?}");
    assert!(text.contains("maps?q=45.5,-73.6"), "{text:?}");
    assert_eq!(message.coordinates, Some(Coordinates::new(45.5, -73.6)));
}

#[tokio::test]
async fn form_fields_are_checked() {
    let (fake, client) = start().await;

    let description = refused(&fake, &client, &MessagePost::form(vec![])).await;
    assert_mentions(
        &description,
        &["a form message needs `fields`", "at least one"],
    );

    let duplicate = MessagePost::form(vec![
        FieldPost::text("name", "Name?"),
        FieldPost::email("name", "Email?"),
    ]);
    let description = refused(&fake, &client, &duplicate).await;
    assert_mentions(
        &description,
        &["`fields[1].name` `name`", "unique within a form"],
    );

    let mut dated = FieldPost::text("when", "When?");
    dated.r#type = FieldType::from("date");
    let description = refused(&fake, &client, &MessagePost::form(vec![dated])).await;
    assert_mentions(&description, &["`fields[0].type`", "got `date`"]);
    let description = refused(
        &fake,
        &client,
        &MessagePost::form(vec![FieldPost::text("", "Name?")]),
    )
    .await;
    assert_mentions(&description, &["`fields[0].name` is required"]);
    let unlabelled = MessagePost::form(vec![FieldPost::text("a", "A"), FieldPost::email("b", "")]);
    let description = refused(&fake, &client, &unlabelled).await;
    assert_mentions(&description, &["`fields[1].label` is required"]);

    let description = refused(&fake, &client, &MessagePost::form(vec![select("none", 0)])).await;
    assert_mentions(
        &description,
        &[
            "`fields[0]` is a select field",
            "1 to 20 `options`",
            "has 0",
        ],
    );
    let many = MessagePost::form(vec![FieldPost::text("a", "A"), select("many", 21)]);
    let description = refused(&fake, &client, &many).await;
    assert_mentions(&description, &["`fields[1]` is a select field", "has 21"]);

    let twins = vec![
        FieldOption::new("pizza", "Pizza"),
        FieldOption::new("pizza", "Pie"),
    ];
    let description = refused(
        &fake,
        &client,
        &MessagePost::form(vec![FieldPost::select("meal", "Meal?", twins)]),
    )
    .await;
    assert_mentions(
        &description,
        &[
            "`fields[0].options[1].name` `pizza`",
            "unique within a field",
        ],
    );
    let unnamed = vec![FieldOption::new("", "Pizza")];
    let description = refused(
        &fake,
        &client,
        &MessagePost::form(vec![FieldPost::select("meal", "Meal?", unnamed)]),
    )
    .await;
    assert_mentions(&description, &["`fields[0].options[0].name` is required"]);
    let unlabelled = vec![FieldOption::new("pizza", "")];
    let description = refused(
        &fake,
        &client,
        &MessagePost::form(vec![FieldPost::select("meal", "Meal?", unlabelled)]),
    )
    .await;
    assert_mentions(&description, &["`fields[0].options[0].label` is required"]);
    assert!(fake.conversation(APP, USER).is_none());

    let form = MessagePost::form(vec![
        FieldPost::text("name", "Name?"),
        FieldPost::email("email", "Email?"),
        select("meal", 3),
    ]);
    let message = accepted(&fake, &client, &form).await;
    assert_eq!(message.submitted, Some(false));
    assert_eq!(message.fields.len(), 3);
    assert!(message.fields.iter().all(|field| field.id.is_some()));
    assert_eq!(message.fields[0].select_size, None);
    assert_eq!(message.fields[2].select_size, Some(1));
    assert!(
        message.fields[2]
            .options
            .iter()
            .all(|option| option.id.is_some())
    );
    let one = accepted(&fake, &client, &MessagePost::form(vec![select("one", 1)])).await;
    assert_eq!(one.fields[0].options.len(), 1);
    let most = accepted(&fake, &client, &MessagePost::form(vec![select("most", 20)])).await;
    assert_eq!(most.fields[0].options.len(), 20);
}

#[tokio::test]
async fn actions_and_destination_only_on_app_maker_messages() {
    let (fake, client) = start().await;

    let user = MessagePost::text(Role::AppUser, "Hi").with_action(Action::reply("Yes", "yes"));
    let description = refused(&fake, &client, &user).await;
    assert_mentions(
        &description,
        &[
            "`actions` are only allowed",
            "`role: appMaker`",
            "`role: appUser`",
        ],
    );
    let mut carousel = MessagePost::carousel(vec![item("One"), item("Two")]);
    carousel.role = Role::AppUser;
    let description = refused(&fake, &client, &carousel).await;
    assert_mentions(&description, &["`items[0].actions`", "`role: appMaker`"]);
    let destination = Destination::integration_type(IntegrationType::Messenger);
    let user_destination =
        MessagePost::text(Role::AppUser, "Hi").with_destination(destination.clone());
    let description = refused(&fake, &client, &user_destination).await;
    assert_mentions(
        &description,
        &[
            "`destination` is only allowed",
            "`role: appMaker`",
            "`role: appUser`",
        ],
    );
    assert!(fake.conversation(APP, USER).is_none());

    let maker = MessagePost::text(Role::AppMaker, "Hi")
        .with_destination(destination)
        .with_action(Action::reply("Yes", "yes"));
    let message = accepted(&fake, &client, &maker).await;
    assert_eq!(message.actions[0].payload.as_deref(), Some("yes"));
    carousel.role = Role::AppMaker;
    accepted(&fake, &client, &carousel).await;
}

#[tokio::test]
async fn action_type_must_be_known() {
    let (fake, client) = start().await;

    let call = with_actions(vec![Action::new(ActionType::from("call"))]);
    let description = refused(&fake, &client, &call).await;
    assert_mentions(
        &description,
        &["`actions[0].type` must be", "`buy`", "got `call`"],
    );
    let mut untyped = Action::postback("Go", "go");
    untyped.r#type = ActionType::from("");
    let description = refused(&fake, &client, &with_actions(vec![untyped])).await;
    assert_mentions(&description, &["`actions[0].type`", "missing"]);
    let raw = r#"{"role": "appMaker", "text": "x", "actions": [{"text": "No type"}]}"#;
    let description = refused_raw(&fake, "messages", raw).await;
    assert_mentions(
        &description,
        &["MessagePost.actions[0]", "missing field `type`"],
    );
    assert!(fake.conversation(APP, USER).is_none());
}

#[tokio::test]
async fn each_action_type_needs_its_fields() {
    let (fake, client) = start().await;

    // Text: required by every type except `share`.
    let mut link = Action::link("x", "https://x.org");
    link.text = None;
    let description = refused(&fake, &client, &with_actions(vec![link])).await;
    assert_mentions(
        &description,
        &["`actions[0].text` is required for a `link` action"],
    );
    let description = refused(
        &fake,
        &client,
        &with_actions(vec![Action::location_request("")]),
    )
    .await;
    assert_mentions(
        &description,
        &["`actions[0].text` is required for a `locationRequest` action"],
    );
    // Payload: postback and reply.
    for mut action in [Action::postback("Go", "go"), Action::reply("Yes", "yes")] {
        let kind = action.r#type.clone();
        action.payload = None;
        let description = refused(&fake, &client, &with_actions(vec![action])).await;
        assert_mentions(
            &description,
            &[&format!(
                "`actions[0].payload` is required for a `{kind}` action"
            )],
        );
    }
    // Uri: link and webview.
    for mut action in [
        Action::link("Go", "https://x.org"),
        Action::webview("Go", "https://x.org", "https://y.org"),
    ] {
        let kind = action.r#type.clone();
        action.uri = Some(String::new());
        let description = refused(&fake, &client, &with_actions(vec![action])).await;
        assert_mentions(
            &description,
            &[&format!(
                "`actions[0].uri` is required for a `{kind}` action"
            )],
        );
    }
    // Fallback: webview.
    let mut webview = Action::webview("Go", "https://x.org", "https://y.org");
    webview.fallback = None;
    let description = refused(&fake, &client, &with_actions(vec![webview])).await;
    assert_mentions(
        &description,
        &["`actions[0].fallback` is required for a `webview` action"],
    );
    // Amount: buy (the second action, so the path says which one).
    let mut buy = Action::buy("Buy", 100);
    buy.amount = None;
    let description = refused(
        &fake,
        &client,
        &with_actions(vec![Action::link("A", "https://a.org"), buy]),
    )
    .await;
    assert_mentions(
        &description,
        &["`actions[1].amount` is required for a `buy` action"],
    );
    // Item actions are checked the same way.
    let mut postback = Action::postback("Go", "go");
    postback.payload = None;
    let carousel =
        MessagePost::carousel(vec![item("One"), MessageItem::new("Two", vec![postback])]);
    let description = refused(&fake, &client, &carousel).await;
    assert_mentions(
        &description,
        &["`items[1].actions[0].payload` is required for a `postback` action"],
    );
    assert!(fake.conversation(APP, USER).is_none());

    // Every type with its fields; `share` without a label.
    let all = with_actions(vec![
        Action::link("Link", "https://x.org"),
        Action::postback("Postback", "P"),
        Action::buy("Buy", 1000),
        Action::share(),
        Action::webview("Webview", "https://x.org", "https://y.org"),
    ]);
    let message = accepted(&fake, &client, &all).await;
    assert!(message.actions.iter().all(|action| action.id.is_some()));
    assert_eq!(message.actions[0].uri.as_deref(), Some("https://x.org"));
    assert_eq!(message.actions[1].uri.as_deref(), Some(""));
    let buy = &message.actions[2];
    let checkout = format!(
        "https://app.smooch.io/checkout/{}",
        buy.id.as_deref().unwrap_or_default()
    );
    assert_eq!(buy.uri.as_deref(), Some(checkout.as_str()));
    assert_eq!(buy.state, Some(ActionState::Offered));
    assert_eq!(buy.currency.as_deref(), Some("usd"));
    assert_eq!(message.actions[3].text, None);
    assert_eq!(
        message.actions[4].fallback.as_deref(),
        Some("https://y.org")
    );
    let quick = with_actions(vec![
        Action::reply("Yes", "yes"),
        Action::location_request("Where?"),
    ]);
    let message = accepted(&fake, &client, &quick).await;
    assert_eq!(message.actions[1].r#type, ActionType::LocationRequest);
}

#[tokio::test]
async fn reply_and_location_request_mix_only_with_each_other() {
    let (fake, client) = start().await;

    let reply_link = with_actions(vec![
        Action::reply("Yes", "yes"),
        Action::link("Go", "https://x.org"),
    ]);
    let description = refused(&fake, &client, &reply_link).await;
    assert_mentions(
        &description,
        &[
            "`actions`",
            "only be mixed with each other",
            "`reply`",
            "`link`",
        ],
    );
    let postback_request = with_actions(vec![
        Action::postback("Go", "go"),
        Action::location_request("Where?"),
    ]);
    let description = refused(&fake, &client, &postback_request).await;
    assert_mentions(&description, &["`locationRequest`", "`postback`"]);
    let item = MessageItem::new("One", vec![Action::reply("Yes", "yes"), Action::share()]);
    let description = refused(&fake, &client, &MessagePost::carousel(vec![item])).await;
    assert_mentions(&description, &["`items[0].actions`", "`reply`", "`share`"]);
    assert!(fake.conversation(APP, USER).is_none());

    let replies = with_actions(vec![
        Action::reply("Yes", "yes"),
        Action::reply("No", "no"),
        Action::location_request("Where?"),
    ]);
    let message = accepted(&fake, &client, &replies).await;
    assert_eq!(message.actions.len(), 3);
}

#[tokio::test]
async fn at_most_one_action_opens_on_receive() {
    let (fake, client) = start().await;
    let open =
        || Action::webview("Go", "https://x.org", "https://y.org").with_open_on_receive(true);
    let closed =
        || Action::webview("Go", "https://x.org", "https://y.org").with_open_on_receive(false);

    let description = refused(&fake, &client, &with_actions(vec![open(), open()])).await;
    assert_mentions(
        &description,
        &[
            "only one action per message",
            "`openOnReceive: true`",
            "has 2",
        ],
    );
    let mut carousel = MessagePost::carousel(vec![MessageItem::new("One", vec![open()])]);
    carousel.actions.push(open());
    let description = refused(&fake, &client, &carousel).await;
    assert_mentions(&description, &["`openOnReceive: true`", "has 2"]);
    assert!(fake.conversation(APP, USER).is_none());

    let message = accepted(&fake, &client, &with_actions(vec![open(), closed()])).await;
    assert_eq!(message.actions[0].open_on_receive, Some(true));
    assert_eq!(message.actions[1].open_on_receive, Some(false));
}

#[tokio::test]
async fn metadata_must_be_flat() {
    let (fake, client) = start().await;

    for (value, kind) in [
        (json!({"k": {"x": 1}}), "an object"),
        (json!({"k": [1]}), "an array"),
        (json!({"k": null}), "null"),
    ] {
        let nested = MessagePost::text(Role::AppUser, "Hi").with_metadata(metadata(value));
        let description = refused(&fake, &client, &nested).await;
        assert_mentions(&description, &[&format!("`metadata.k` is {kind}"), "flat"]);
    }
    let nested_action = Action::postback("Go", "go").with_metadata(metadata(json!({"k": {}})));
    let description = refused(&fake, &client, &with_actions(vec![nested_action])).await;
    assert_mentions(
        &description,
        &["`actions[0].metadata.k` is an object", "flat"],
    );
    let nested_item_action =
        Action::link("Go", "https://x.org").with_metadata(metadata(json!({"k": []})));
    let carousel = MessagePost::carousel(vec![MessageItem::new("One", vec![nested_item_action])]);
    let description = refused(&fake, &client, &carousel).await;
    assert_mentions(
        &description,
        &["`items[0].actions[0].metadata.k` is an array"],
    );
    assert!(fake.conversation(APP, USER).is_none());

    let flat = metadata(json!({"a": "x", "b": 1, "c": 2.5, "d": true}));
    let action = Action::postback("Go", "go").with_metadata(flat.clone());
    let message = MessagePost::text(Role::AppMaker, "Hi")
        .with_metadata(flat.clone())
        .with_action(action);
    let stored = accepted(&fake, &client, &message).await;
    assert_eq!(stored.metadata.as_ref(), Some(&flat));
    assert_eq!(stored.actions[0].metadata.as_ref(), Some(&flat));
}

#[tokio::test]
async fn activity_needs_app_maker_and_a_known_type() {
    let (fake, client) = start().await;

    let mut user = ConversationActivity::typing_start();
    user.role = Role::AppUser;
    let description = refused_activity(&fake, &client, &user).await;
    assert_mentions(
        &description,
        &["`role` must be `appMaker`", "got `appUser`"],
    );
    let mut missing = ConversationActivity::typing_stop();
    missing.role = Role::from("");
    let description = refused_activity(&fake, &client, &missing).await;
    assert_mentions(&description, &["`role` must be `appMaker`", "missing"]);
    let mut pause = ConversationActivity::typing_start();
    pause.r#type = ActivityType::from("typing:pause");
    let description = refused_activity(&fake, &client, &pause).await;
    assert_mentions(
        &description,
        &["`type` must be `typing:start`", "got `typing:pause`"],
    );
    let mut untyped = ConversationActivity::read();
    untyped.r#type = ActivityType::from("");
    let description = refused_activity(&fake, &client, &untyped).await;
    assert_mentions(&description, &["`type` must be", "missing"]);
    assert!(
        fake.conversation(APP, USER).is_none(),
        "refused activities create no conversation"
    );

    for activity in [
        ConversationActivity::typing_start(),
        ConversationActivity::typing_stop(),
    ] {
        let response = client
            .conversation_activity(APP, USER, &activity)
            .await
            .expect("typing is accepted");
        let stored = fake
            .conversation(APP, USER)
            .expect("created by the activity");
        assert_eq!(stored.conversation, response.conversation);
        assert!(stored.messages.is_empty());
    }
    let response = client
        .conversation_activity(APP, USER, &ConversationActivity::read())
        .await
        .expect("the read receipt is accepted");
    assert!(response.conversation.app_maker_last_read.is_some());
    let stored = fake.conversation(APP, USER).expect("the conversation");
    assert_eq!(stored.conversation, response.conversation);
}

#[tokio::test]
async fn invalid_json_bodies_are_bad_requests() {
    let (fake, client) = start().await;

    for body in ["{not json", "", "[]", r#"{"role": 5, "text": "Hi"}"#] {
        let description = refused_raw(&fake, "messages", body).await;
        assert_mentions(&description, &["Invalid JSON body"]);
        let description = refused_raw(&fake, "conversation/activity", body).await;
        assert_mentions(&description, &["Invalid JSON body"]);
    }
    assert!(fake.conversation(APP, USER).is_none());

    // The same route takes a well-formed raw body.
    let (status, answer) =
        post_raw(&fake, "messages", r#"{"role": "appUser", "text": "Hi"}"#).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(answer["message"]["text"], "Hi");
    assert_eq!(answer["message"]["type"], "text");
    assert_eq!(stored_count(&fake), 1);
    let page = client
        .get_messages(APP, USER, None, None)
        .await
        .expect("the stored message");
    assert_eq!(page.messages.len(), 1);
}
