//! Messages: the four operations, the two streams, every content and action type a bot sends,
//! and the decoding of what the API answers (every content type, unions with their tag first
//! or last, unknown members, nulls, repeated keys, `+00:00` times).

use futures_util::StreamExt;
use httpmock::prelude::*;
use serde_json::{Value, json};
use smooch_client::Error;
use smooch_client::models::Metadata;
use smooch_client::v2::MessagesApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    Action, ActionSubset, ActivityMessage, AppleCapability, AppleMessageOverridePayload, Author,
    AuthorSubtype, AuthorType, Buy, CarouselMessage, Content, Coordinates, DateTime, Destination,
    DisplaySettings, FieldFormat, FieldType, FileMessage, FormMessage, FormMessageField,
    FormOption, ImageAspectRatio, ImageMessage, Item, ItemSize, Link, ListMessage, Location,
    LocationMessage, LocationRequest, Message, MessageListResponse, MessageOverride,
    MessageOverridePayload, MessagePost, MessagePostResponse, Page, Postback, QuotedMessage, Reply,
    TextMessage, Webview, WebviewSize,
};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::conversations::CONVERSATION;
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Messages",
        "PostMessage",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages",
        201,
    ),
    row(
        "Messages",
        "ListMessages",
        "GET",
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages",
        200,
    ),
    row(
        "Messages",
        "DeleteAllMessages",
        "DELETE",
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages",
        200,
    ),
    row(
        "Messages",
        "DeleteMessage",
        "DELETE",
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages/<message_id>",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "PostMessage" => boxed(v2.post_message(ID, ID, &MessagePost::business(Content::text("x")))),
        "ListMessages" => boxed(v2.list_messages(ID, ID, &Page::first())),
        "DeleteAllMessages" => boxed(v2.delete_all_messages(ID, ID)),
        "DeleteMessage" => boxed(v2.delete_message(ID, ID, ID)),
        _ => None,
    }
}

fn messages_path() -> String {
    format!("/v2/apps/{APP}/conversations/{CONVERSATION}/messages")
}

/// A business text message with a button, as the API answers a post.
fn business_text(id: &str, received: &str) -> Value {
    json!({
        "id": id,
        "received": received,
        "author": {"type": "business", "subtypes": ["bot"], "displayName": "Acme",
                   "avatarUrl": "https://www.gravatar.com/image.jpg"},
        "content": {"type": "text", "text": "Hello!",
                    "actions": [{"type": "reply", "text": "Hi", "payload": "HI", "iconUrl": "https://example.org/hi.png"}]},
        "source": {"type": "api:conversations"},
        "metadata": {"lang": "en"}
    })
}

// ---------------------------------------------------------------------------------------------
// The operations
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn post_message_sends_author_and_content_and_decodes_every_created_message() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(messages_path())
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({
                    "author": {"type": "business", "displayName": "Acme"},
                    "content": {"type": "text", "text": "Hello!",
                                "actions": [{"type": "reply", "text": "Hi", "payload": "HI"}]},
                    "metadata": {"lang": "en"}
                }));
            // Two messages: as the template shorthand with leading text answers.
            then.status(201).json_body(json!({"messages": [
                business_text("6450e1b25f0a6e5e1c5f4a0f", "2024-01-10T09:15:00.125Z"),
                business_text("6450e1b25f0a6e5e1c5f4a10", "2024-01-10T09:15:00.126Z")
            ]}));
        })
        .await;
    let post =
        MessagePost::business(TextMessage::new("Hello!").with_action(Action::reply("Hi", "HI")))
            .with_author(Author::business().with_display_name("Acme"))
            .with_metadata(Metadata::new().with("lang", "en"));
    let answer = v2(&server)
        .post_message(APP, CONVERSATION, &post)
        .await
        .unwrap();
    mock.assert_async().await;
    let [first, second] = &answer.messages[..] else {
        panic!("two messages")
    };
    assert_eq!(first.id.as_deref(), Some("6450e1b25f0a6e5e1c5f4a0f"));
    assert_eq!(second.id.as_deref(), Some("6450e1b25f0a6e5e1c5f4a10"));
    assert_eq!(
        first.received.as_ref().unwrap().unix_millis(),
        Some(1_704_878_100_125)
    );
    let author = first.author.as_ref().unwrap();
    assert_eq!(author.r#type, AuthorType::Business);
    assert_eq!(author.subtypes, [AuthorSubtype::Bot]);
    assert_eq!(author.display_name.as_deref(), Some("Acme"));
    assert_eq!(
        author.avatar_url.as_deref(),
        Some("https://www.gravatar.com/image.jpg")
    );
    let Some(Content::Text(text)) = &first.content else {
        panic!("{:?}", first.content)
    };
    assert_eq!(text.text.as_deref(), Some("Hello!"));
    let [Action::Reply(reply)] = &text.actions[..] else {
        panic!("{:?}", text.actions)
    };
    assert_eq!((reply.text.as_str(), reply.payload.as_str()), ("Hi", "HI"));
    assert_eq!(
        reply.icon_url.as_deref(),
        Some("https://example.org/hi.png")
    );
    assert_eq!(
        first.source.as_ref().unwrap().r#type.as_deref(),
        Some("api:conversations")
    );
    assert_eq!(first.metadata.as_ref().unwrap()["lang"], "en");
}

#[tokio::test]
async fn post_message_to_a_full_conversation_is_a_distinct_423() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path(messages_path());
            then.status(423).json_body(json!({"errors": [{
                "code": "locked",
                "title": "Conversation has reached the maximum number of messages"
            }]}));
        })
        .await;
    let error = v2(&server)
        .post_message(
            APP,
            CONVERSATION,
            &MessagePost::business(Content::text("one more")),
        )
        .await
        .unwrap_err();
    assert_eq!(mock.calls_async().await, 1, "not retried");
    assert!(error.is_conversation_full(), "{error}");
    assert!(!error.is_not_found());
    let Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("locked"));
}

#[tokio::test]
async fn list_messages_sends_the_cursor_and_no_size_and_reads_the_page() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .header("authorization", BASIC)
                .query_param("page[before]", "6450e1b25f0a6e5e1c5f4a0f")
                .query_param_count(".*", ".*", 1);
            then.status(200).json_body(json!({
                "messages": [business_text("m1", "2024-01-10T09:15:00.125Z")],
                "meta": {"hasMore": true, "beforeCursor": "m1", "afterCursor": "m1"},
                "links": {"prev": "https://api.smooch.io/v2/apps/a/conversations/c/messages?page[before]=m1",
                          "next": "https://api.smooch.io/v2/apps/a/conversations/c/messages?page[after]=m1"}
            }));
        })
        .await;
    let page = v2(&server)
        .list_messages(APP, CONVERSATION, &Page::before("6450e1b25f0a6e5e1c5f4a0f"))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(page.messages.len(), 1);
    let meta = page.meta.unwrap();
    assert_eq!(meta.has_more, Some(true));
    assert_eq!(meta.before_cursor.as_deref(), Some("m1"));
    let links = page.links.unwrap();
    assert!(links.prev.unwrap().ends_with("page[before]=m1"));
    assert!(links.next.unwrap().ends_with("page[after]=m1"));
}

#[tokio::test]
async fn delete_all_messages_and_delete_message_send_their_paths_and_accept_an_empty_object() {
    let server = MockServer::start_async().await;
    let all = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(messages_path())
                .header("authorization", BASIC);
            then.status(200).json_body(json!({}));
        })
        .await;
    let one = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("{}/m%2F1%3F", messages_path()))
                .header("authorization", BASIC);
            then.status(200).json_body(json!({}));
        })
        .await;
    let missing = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("/v2/apps/{APP}/conversations/gone/messages"));
            then.status(404).json_body(json!({"errors": [
                {"code": "conversation_not_found", "title": "Conversation not found"}
            ]}));
        })
        .await;
    v2(&server)
        .delete_all_messages(APP, CONVERSATION)
        .await
        .unwrap();
    all.assert_async().await;
    v2(&server)
        .delete_message(APP, CONVERSATION, "m/1?")
        .await
        .unwrap();
    one.assert_async().await;
    let error = v2(&server)
        .delete_all_messages(APP, "gone")
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
}

// ---------------------------------------------------------------------------------------------
// The streams
// ---------------------------------------------------------------------------------------------

/// A user text message received at `received`.
fn user_text(id: &str, received: &str) -> Value {
    json!({
        "id": id, "received": received,
        "author": {"type": "user", "userId": "c7f6e6d6c3a637261bd9656f"},
        "content": {"type": "text", "text": id}
    })
}

fn ids(items: &[smooch_client::Result<Message>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|m| m.id.clone().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_messages_stream_walks_back_from_the_newest_page_newest_first() {
    let server = MockServer::start_async().await;
    let newest = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .query_param_count(".*", ".*", 0);
            // Oldest first in the page, as v1.1 sent them, and a `+00:00` time among them.
            then.status(200).json_body(json!({
                "messages": [
                    user_text("m3", "2024-01-10T09:00:03.000Z"),
                    user_text("m5", "2024-01-10T09:00:05.000+00:00"),
                    user_text("m4", "2024-01-10T09:00:04.000Z")
                ],
                "meta": {"hasMore": true, "beforeCursor": "m3"}
            }));
        })
        .await;
    let older = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .query_param("page[before]", "m3")
                .query_param_missing("page[size]");
            then.status(200).json_body(json!({
                "messages": [
                    user_text("m1", "2024-01-10T09:00:01.000Z"),
                    user_text("m2", "2024-01-10T09:00:02.000Z")
                ],
                "meta": {"hasMore": false}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server).messages(APP, CONVERSATION).collect().await;
    newest.assert_async().await;
    older.assert_async().await;
    assert_eq!(ids(&items), ["m5", "m4", "m3", "m2", "m1"]);
    assert!(items.iter().all(Result::is_ok));
}

#[tokio::test]
async fn the_messages_stream_ends_on_a_repeated_cursor() {
    let server = MockServer::start_async().await;
    let newest = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .query_param_missing("page[before]");
            then.status(200).json_body(json!({
                "messages": [user_text("m2", "2024-01-10T09:00:02Z")],
                "meta": {"hasMore": true, "beforeCursor": "m2"}
            }));
        })
        .await;
    let older = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .query_param("page[before]", "m2");
            // The same cursor again, with one message seen and one new.
            then.status(200).json_body(json!({
                "messages": [user_text("m2", "2024-01-10T09:00:02Z"), user_text("m1", "2024-01-10T09:00:01Z")],
                "meta": {"hasMore": true, "beforeCursor": "m2"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server).messages(APP, CONVERSATION).collect().await;
    newest.assert_async().await;
    older.assert_async().await;
    assert_eq!(ids(&items), ["m2", "m1"]);
    let Err(Error::Pagination(stall)) = items.last().unwrap() else {
        panic!("{:?}", items.last())
    };
    assert_eq!(stall.stream, "messages");
}

#[tokio::test]
async fn the_messages_after_stream_walks_forward_from_a_message_oldest_first() {
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .query_param("page[after]", "m1")
                .query_param_count(".*", ".*", 1);
            then.status(200).json_body(json!({
                "messages": [user_text("m3", "2024-01-10T09:00:03Z"), user_text("m2", "2024-01-10T09:00:02Z")],
                "meta": {"hasMore": true, "afterCursor": "m3", "beforeCursor": "m2"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(messages_path())
                .query_param("page[after]", "m3");
            then.status(200).json_body(json!({
                "messages": [user_text("m4", "2024-01-10T09:00:04Z")],
                "meta": {"hasMore": false, "beforeCursor": "m4"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server)
        .messages_after(APP, CONVERSATION, "m1")
        .collect()
        .await;
    first.assert_async().await;
    second.assert_async().await;
    assert_eq!(ids(&items), ["m2", "m3", "m4"]);
    assert!(items.iter().all(Result::is_ok));
}

#[tokio::test]
async fn the_messages_stream_puts_messages_without_a_valid_time_last_in_page_order() {
    let server = MockServer::start_async().await;
    let page = server
        .mock_async(|when, then| {
            when.method(GET).path(messages_path());
            then.status(200).json_body(json!({
                "messages": [
                    user_text("a", "yesterday"),
                    user_text("b", "2024-01-10T09:00:01Z"),
                    {"id": "c", "received": null},
                    user_text("d", "2024-01-10T10:00:02+01:00"),
                    user_text("e", "2024-01-10T09:00:03Z")
                ],
                "meta": {"hasMore": false}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server).messages(APP, CONVERSATION).collect().await;
    page.assert_async().await;
    assert_eq!(ids(&items), ["e", "d", "b", "a", "c"]);
}

// ---------------------------------------------------------------------------------------------
// Sending: every content and action type a bot sends, one expression each
// ---------------------------------------------------------------------------------------------

fn content_json(content: impl Into<Content>) -> Value {
    serde_json::to_value(content.into()).unwrap()
}

#[test]
fn every_content_type_a_bot_sends_is_one_expression_with_its_required_keys() {
    assert_eq!(
        content_json(Content::text("Hi")),
        json!({"type": "text", "text": "Hi"})
    );
    assert_eq!(
        content_json(Content::image("https://x.example/a.png")),
        json!({"type": "image", "mediaUrl": "https://x.example/a.png"})
    );
    assert_eq!(
        content_json(Content::file("https://x.example/a.pdf")),
        json!({"type": "file", "mediaUrl": "https://x.example/a.pdf"})
    );
    assert_eq!(
        content_json(Content::carousel([Item::new(
            "Runner",
            ActionSubset::postback("Buy", "BUY")
        )])),
        json!({"type": "carousel", "items": [
            {"title": "Runner", "actions": [{"type": "postback", "text": "Buy", "payload": "BUY"}]}
        ]})
    );
    assert_eq!(
        content_json(Content::list([Item::new(
            "Downtown",
            ActionSubset::link("Map", "https://m.example")
        )])),
        json!({"type": "list", "items": [
            {"title": "Downtown", "actions": [{"type": "link", "uri": "https://m.example", "text": "Map"}]}
        ]})
    );
    assert_eq!(
        content_json(Content::location(45.5, -73.6)),
        json!({"type": "location", "coordinates": {"lat": 45.5, "long": -73.6}})
    );
    assert_eq!(
        content_json(Content::form([FormMessageField::email("email", "E-mail")])),
        json!({"type": "form", "fields": [{"type": "email", "name": "email", "label": "E-mail"}]})
    );
    assert_eq!(
        content_json(Content::template(json!({"name": "hello_world"}))),
        json!({"type": "template", "template": {"name": "hello_world"}})
    );
}

#[test]
fn content_models_carry_their_optional_keys() {
    let image = ImageMessage::new("https://x.example/a.png")
        .with_alt_text("A shoe")
        .with_text("In stock")
        .with_block_chat_input(true)
        .with_action(Action::webview(
            "Size guide",
            "https://x.example/size",
            "https://x.example/size.html",
        ));
    assert_eq!(
        content_json(image),
        json!({"type": "image", "mediaUrl": "https://x.example/a.png", "altText": "A shoe",
               "text": "In stock", "blockChatInput": true,
               "actions": [{"type": "webview", "uri": "https://x.example/size", "text": "Size guide",
                            "fallback": "https://x.example/size.html"}]})
    );
    let file = FileMessage::new("https://x.example/a.pdf").with_html_text("<b>Receipt</b>");
    assert_eq!(
        content_json(file.clone()),
        json!({"type": "file", "mediaUrl": "https://x.example/a.pdf", "htmlText": "<b>Receipt</b>"})
    );
    let markdown = file.with_markdown_text("**Receipt**");
    assert_eq!(
        markdown.html_text, None,
        "setting one rich text clears the other"
    );
    let carousel =
        CarouselMessage::new([Item::new("Runner", Link::new("See", "https://x.example"))
            .with_description("Light")
            .with_media_url("https://x.example/r.png")
            .with_size(ItemSize::Large)
            .with_action(Buy::new("Buy", 9999))])
        .with_display_settings(
            DisplaySettings::default().with_image_aspect_ratio(ImageAspectRatio::Square),
        );
    assert_eq!(
        content_json(carousel),
        json!({"type": "carousel", "items": [{
            "title": "Runner", "description": "Light", "mediaUrl": "https://x.example/r.png",
            "size": "large", "actions": [
                {"type": "link", "uri": "https://x.example", "text": "See"},
                {"type": "buy", "text": "Buy", "amount": 9999}
            ]}], "displaySettings": {"imageAspectRatio": "square"}})
    );
    let list = ListMessage::new([Item::new("Downtown", Postback::new("Pick", "PICK_1"))])
        .with_action(ActionSubset::postback("More stores", "MORE"));
    assert_eq!(content_json(list)["actions"][0]["payload"], "MORE");
    let location = LocationMessage::new(Coordinates::new(1.5, 2.5)).with_location(
        Location::default()
            .with_name("HQ")
            .with_address("1 Main St"),
    );
    assert_eq!(
        content_json(location)["location"],
        json!({"address": "1 Main St", "name": "HQ"})
    );
    let form = FormMessage::new([
        FormMessageField::text("age", "Age")
            .with_format(FieldFormat::Integer)
            .with_min_size(1)
            .with_max_size(3),
        FormMessageField::select("size", "Size", [FormOption::new("s", "Small")]),
    ]);
    assert_eq!(
        content_json(form)["fields"],
        json!([
            {"type": "text", "name": "age", "label": "Age", "format": "integer", "minSize": 1, "maxSize": 3},
            {"type": "select", "name": "size", "label": "Size", "options": [{"label": "Small", "name": "s"}]}
        ])
    );
}

#[test]
fn every_action_type_is_one_expression_with_its_required_keys() {
    let actions = [
        (
            Action::buy("Pay", 1999),
            json!({"type": "buy", "text": "Pay", "amount": 1999}),
        ),
        (
            Action::link("Open", "https://x.example"),
            json!({"type": "link", "uri": "https://x.example", "text": "Open"}),
        ),
        (
            Action::location_request("Share location"),
            json!({"type": "locationRequest", "text": "Share location"}),
        ),
        (
            Action::postback("Agent", "AGENT"),
            json!({"type": "postback", "text": "Agent", "payload": "AGENT"}),
        ),
        (
            Action::reply("Yes", "YES"),
            json!({"type": "reply", "text": "Yes", "payload": "YES"}),
        ),
        (
            Action::webview("Form", "https://x.example/f", "https://x.example/f.html"),
            json!({"type": "webview", "uri": "https://x.example/f", "text": "Form",
                   "fallback": "https://x.example/f.html"}),
        ),
    ];
    for (action, expected) in actions {
        assert_eq!(serde_json::to_value(&action).unwrap(), expected);
        let read: Action = serde_json::from_value(expected).unwrap();
        assert_eq!(read, action, "reads back as the same member");
    }
    let subset = [
        ActionSubset::buy("Pay", 1),
        ActionSubset::link("Open", "u"),
        ActionSubset::postback("Agent", "AGENT"),
        ActionSubset::webview("Form", "u", "f"),
    ];
    assert_eq!(
        subset.iter().map(ActionSubset::tag).collect::<Vec<_>>(),
        ["buy", "link", "postback", "webview"]
    );
    // Optional keys, and the models converting into the union.
    let webview = Webview::new("Form", "u", "f")
        .with_size(WebviewSize::Tall)
        .with_open_on_receive(true)
        .with_default(false);
    assert_eq!(
        serde_json::to_value(Action::from(webview)).unwrap(),
        json!({"type": "webview", "uri": "u", "text": "Form", "fallback": "f", "default": false,
               "size": "tall", "openOnReceive": true})
    );
    let located =
        Action::from(LocationRequest::new("Where?").with_metadata(Metadata::new().with("k", 1)));
    assert_eq!(serde_json::to_value(located).unwrap()["metadata"]["k"], 1);
    let reply = Action::from(Reply::new("Yes", "YES").with_icon_url("https://x.example/y.png"));
    assert_eq!(
        serde_json::to_value(reply).unwrap()["iconUrl"],
        "https://x.example/y.png"
    );
}

#[test]
fn a_message_post_is_short_for_the_common_cases_and_carries_destination_and_override() {
    assert_eq!(
        serde_json::to_value(MessagePost::business(Content::text("Hello"))).unwrap(),
        json!({"author": {"type": "business"}, "content": {"type": "text", "text": "Hello"}})
    );
    assert_eq!(
        serde_json::to_value(MessagePost::user("u1", Content::text("Hi"))).unwrap(),
        json!({"author": {"type": "user", "userId": "u1"}, "content": {"type": "text", "text": "Hi"}})
    );
    let template =
        MessagePost::whatsapp_template(json!({"name": "hello_world", "language": {"code": "en"}}));
    assert_eq!(
        serde_json::to_value(&template).unwrap(),
        json!({"author": {"type": "business"},
               "content": {"type": "template", "template": {"name": "hello_world", "language": {"code": "en"}}},
               "schema": "whatsapp"})
    );
    let full = MessagePost::new(
        Author::user_external_id("steve@example.com").with_brand_id("360001"),
        Content::text("Hi"),
    )
    .with_destination(Destination::integration("5e1f438bf99fb467810c0ab9"))
    .with_override(
        MessageOverride::default()
            .with_whatsapp(MessageOverridePayload::new(
                json!({"type": "text", "text": {"body": "Hi"}}),
            ))
            .with_apple(
                AppleMessageOverridePayload::new(json!({"type": "interactive"}))
                    .with_capability(AppleCapability::List),
            ),
    );
    assert_eq!(
        serde_json::to_value(&full).unwrap(),
        json!({
            "author": {"type": "user", "userExternalId": "steve@example.com", "brandId": "360001"},
            "content": {"type": "text", "text": "Hi"},
            "destination": {"integrationId": "5e1f438bf99fb467810c0ab9"},
            "override": {
                "apple": {"payload": {"type": "interactive"}, "withCapabilities": ["LIST"]},
                "whatsapp": {"payload": {"type": "text", "text": {"body": "Hi"}}}
            }
        })
    );
    assert_eq!(
        serde_json::to_value(Destination::channel("messenger")).unwrap(),
        json!({"integrationType": "messenger"})
    );
    // Read back, as the fake will read what a bot sends.
    let read: MessagePost = serde_json::from_value(serde_json::to_value(&full).unwrap()).unwrap();
    assert_eq!(read, full);
    assert!(serde_json::from_value::<Destination>(json!({})).is_err());
    assert!(
        serde_json::from_value::<Destination>(
            json!({"integrationId": "a", "integrationType": "b"})
        )
        .is_err()
    );
}

#[test]
fn a_message_post_read_back_is_strict_where_the_api_requires_a_value() {
    let cases = [
        (
            json!({"content": {"type": "text", "text": "x"}}),
            "missing field `author`",
        ),
        (
            json!({"author": {"type": "business"}}),
            "missing field `content`",
        ),
        (
            json!({"author": {"type": "business"}, "content": {"text": "x"}}),
            "missing field `type`",
        ),
        (
            json!({"author": {"type": "business"}, "content": {"type": "image"}}),
            "missing field `mediaUrl`",
        ),
        (
            json!({"author": {"type": "business"}, "content": {"type": "location", "coordinates": {"lat": null, "long": 1}}}),
            "`lat` is required and must not be null",
        ),
        (
            json!({"author": {"type": "business"}, "content": {"type": "text", "actions": [{"type": "reply", "text": "x"}]}}),
            "missing field `payload`",
        ),
    ];
    for (body, expected) in cases {
        let error = serde_json::from_value::<MessagePost>(body.clone()).unwrap_err();
        assert!(error.to_string().contains(expected), "{body}: {error}");
    }
    // With the tag first, the error names the whole path (keys before the tag are replayed,
    // and the path of a replayed value ends at the union).
    let error = serde_json::from_str::<MessagePost>(
        r#"{"author":{"type":"business"},"content":{"type":"location","coordinates":{"lat":null,"long":1}}}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("MessagePost.content.coordinates.lat: `lat` is required"),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// Receiving: what the API answers, read tolerantly
// ---------------------------------------------------------------------------------------------

#[test]
fn every_content_type_the_api_answers_is_read_into_its_model() {
    let page: MessageListResponse = serde_json::from_value(json!({"messages": [
        {"id": "t", "content": {"type": "text", "text": "Hi", "htmlText": "<b>Hi</b>",
                                "blockChatInput": false, "payload": "HI"}},
        {"id": "i", "content": {"type": "image", "mediaUrl": "https://x/a.jpg", "mediaType": "image/jpeg",
                                "mediaSize": 184284, "altText": "A", "attachmentId": "att1"}},
        {"id": "f", "content": {"type": "file", "mediaUrl": "https://x/a.pdf", "mediaSize": 52114.0,
                                "mediaType": "application/pdf"}},
        {"id": "c", "content": {"type": "carousel", "text": "Options:", "items": [
            {"title": "Runner", "mediaType": "text/html; charset=UTF-8",
             "actions": [{"type": "postback", "text": "Buy", "payload": "BUY", "uri": ""}]}]}},
        {"id": "l", "content": {"type": "list", "text\"": "Stores", "items": [
            {"title": "Downtown", "actions": [{"type": "link", "text": "Map", "uri": "u"}]}],
            "actions": [{"type": "webview", "text": "All", "uri": "u", "fallback": "f", "size": "full"}]}},
        {"id": "o", "content": {"type": "location", "text": "Location shared", "coordinates": {"lat": 45.5, "long": -73.6},
                                "location": {"address": "5333 Casgrain", "name": "Zendesk"}}},
        {"id": "m", "content": {"type": "form", "submitted": true, "blockChatInput": true, "fields": [
            {"type": "select", "name": "size", "label": "Size", "options": [{"name": "s", "label": "Small"}]}]}},
        {"id": "r", "content": {"type": "formResponse", "textFallback": "Size: Small", "fields": [
            {"type": "select", "name": "size", "label": "Size", "select": [{"name": "s", "label": "Small"}]},
            {"type": "text", "name": "age", "label": "Age", "text": "42", "format": "integer"}]},
         "quotedMessage": {"type": "message", "message": {"id": "m", "content": {"type": "form", "fields": []}}}},
        {"id": "w", "content": {"type": "template", "template": {"name": "hello_world"}}}
    ]}))
    .unwrap();
    let contents: Vec<&Content> = page
        .messages
        .iter()
        .map(|m| m.content.as_ref().unwrap())
        .collect();
    let [
        Content::Text(text),
        Content::Image(image),
        Content::File(file),
        Content::Carousel(carousel),
        Content::List(list),
        Content::Location(location),
        Content::Form(form),
        Content::FormResponse(response),
        Content::Template(template),
    ] = &contents[..]
    else {
        panic!("{contents:?}")
    };
    assert_eq!(text.html_text.as_deref(), Some("<b>Hi</b>"));
    assert_eq!(text.payload.as_deref(), Some("HI"));
    assert_eq!(text.block_chat_input, Some(false));
    assert_eq!(image.media_size, Some(184_284));
    assert_eq!(file.media_size, Some(52_114), "a size written as a float");
    assert_eq!(image.attachment_id.as_deref(), Some("att1"));
    assert_eq!(file.media_type.as_deref(), Some("application/pdf"));
    assert_eq!(carousel.text.as_deref(), Some("Options:"));
    let ActionSubset::Postback(buy) = &carousel.items[0].actions[0] else {
        panic!()
    };
    assert_eq!(
        buy.extra["uri"], "",
        "a postback's undeclared `uri` is kept"
    );
    assert_eq!(
        carousel.items[0].media_type.as_deref(),
        Some("text/html; charset=UTF-8")
    );
    assert_eq!(
        list.extra["text\""], "Stores",
        "the example's stray-quote key is kept"
    );
    let ActionSubset::Webview(all) = &list.actions[0] else {
        panic!()
    };
    assert_eq!(all.size, Some(WebviewSize::Full));
    assert_eq!(location.coordinates, Coordinates::new(45.5, -73.6));
    assert_eq!(
        location.location.as_ref().unwrap().name.as_deref(),
        Some("Zendesk")
    );
    assert_eq!(form.submitted, Some(true));
    assert_eq!(form.fields[0].options[0].label.as_deref(), Some("Small"));
    assert_eq!(response.text_fallback.as_deref(), Some("Size: Small"));
    assert_eq!(response.fields[0].r#type, FieldType::Select);
    assert_eq!(response.fields[0].select[0].name.as_deref(), Some("s"));
    assert_eq!(response.fields[1].format, Some(FieldFormat::Integer));
    let Some(QuotedMessage::Message(quoted)) = &page.messages[7].quoted_message else {
        panic!()
    };
    assert!(matches!(
        quoted.message.as_ref().unwrap().content,
        Some(Content::Form(_))
    ));
    assert_eq!(template.template["name"], "hello_world");
}

#[test]
fn a_union_reads_the_same_with_its_tag_first_or_last() {
    // Read from text: a `json!` object would hand its keys over sorted.
    let first: Message = serde_json::from_str(
        r#"{"content":{"type":"image","mediaUrl":"u","actions":[{"type":"buy","text":"Pay","amount":5}]}}"#,
    )
    .unwrap();
    let last: Message = serde_json::from_str(
        r#"{"content":{"mediaUrl":"u","actions":[{"text":"Pay","amount":5,"type":"buy"}],"type":"image"}}"#,
    )
    .unwrap();
    assert_eq!(first, last);
    let Some(Content::Image(image)) = &last.content else {
        panic!("{last:?}")
    };
    assert_eq!(image.actions, [Action::buy("Pay", 5)]);
}

#[test]
fn unknown_content_action_quoted_and_activity_types_are_kept_and_written_back_unchanged() {
    let text = r#"{"id":"m1","content":{"type":"hologram","depth":3,"layers":[{"a":1}]},
        "quotedMessage":{"type":"story","storyId":"s1"},
        "activity":{"type":"ticket:reopened","data":{"by":"agent"}},
        "references":[{"uri":"https://help.example/a","title":"Returns","score":0.9}]}"#;
    let message: Message = serde_json::from_str(text).unwrap();
    let Some(Content::Other(unknown)) = &message.content else {
        panic!("{:?}", message.content)
    };
    assert_eq!(unknown.tag, "hologram");
    assert_eq!(unknown.fields["layers"][0]["a"], 1);
    assert_eq!(message.quoted_message.as_ref().unwrap().tag(), "story");
    assert_eq!(message.activity.as_ref().unwrap().tag(), "ticket:reopened");
    assert_eq!(message.references[0].extra["score"], 0.9);
    let written = serde_json::to_value(&message).unwrap();
    let original: Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        written, original,
        "every key back, unknown members included"
    );

    let action: Action = serde_json::from_str(r#"{"type":"share","text":"Share"}"#).unwrap();
    assert_eq!(action.tag(), "share");
    assert_eq!(
        serde_json::to_string(&action).unwrap(),
        r#"{"type":"share","text":"Share"}"#
    );

    let known: ActivityMessage =
        serde_json::from_str(r#"{"type":"conversation:endedByUser","data":{}}"#).unwrap();
    assert!(matches!(known, ActivityMessage::EndedByUser(_)));
    let unknown_enums: Message = serde_json::from_value(json!({
        "author": {"type": "system", "subtypes": ["robot"]},
        "content": {"type": "webview"}
    }))
    .unwrap();
    let author = unknown_enums.author.unwrap();
    assert_eq!(author.r#type, AuthorType::Unknown("system".into()));
    assert_eq!(author.subtypes, [AuthorSubtype::Unknown("robot".into())]);
}

#[test]
fn nulls_are_absent_required_but_missing_fields_are_tolerated_and_the_last_key_wins() {
    let text = r#"{"id":"m1","received":null,"author":{"type":null,"displayName":"A","displayName":"B"},
        "content":{"type":"image","mediaUrl":null,"actions":null,"text":"old","text":"new"},
        "source":{"type":null,"integrationId":null,"originalMessageTimestamp":"2024-01-10T09:15:00.5+00:00"},
        "quotedMessage":null,"metadata":null,"deleted":null,"references":null,"activity":null}"#;
    let message: Message = serde_json::from_str(text).unwrap();
    assert_eq!(message.received, None);
    let author = message.author.unwrap();
    assert_eq!(
        author.r#type,
        AuthorType::default(),
        "a required `null` is its default"
    );
    assert_eq!(
        author.display_name.as_deref(),
        Some("B"),
        "the last value wins"
    );
    let Some(Content::Image(image)) = &message.content else {
        panic!()
    };
    assert_eq!(
        image.media_url, "",
        "required but null: tolerated in a response"
    );
    assert!(image.actions.is_empty());
    assert_eq!(image.text.as_deref(), Some("new"));
    let source = message.source.unwrap();
    assert_eq!(source.integration_id, None);
    assert_eq!(
        source.original_message_timestamp,
        Some(DateTime::parse("2024-01-10T09:15:00.500Z").unwrap()),
        "+00:00 is Z"
    );
    assert!(message.quoted_message.is_none() && message.metadata.is_none());
    assert!(message.references.is_empty() && message.activity.is_none());

    // Required keys missing altogether, in a response: defaults.
    let bare: Message = serde_json::from_value(json!({
        "content": {"type": "carousel", "items": [{"actions": [{"type": "link"}]}]}
    }))
    .unwrap();
    let Some(Content::Carousel(carousel)) = &bare.content else {
        panic!()
    };
    assert_eq!(carousel.items[0].title, "");
    assert_eq!(
        carousel.items[0].actions[0],
        ActionSubset::Link(Link::default())
    );
    // A content without a tag is a member without one.
    let untagged: Message = serde_json::from_value(json!({"content": {"text": "?"}})).unwrap();
    assert_eq!(untagged.content.unwrap().tag(), "");
}

#[test]
fn the_benchmark_pages_decode_whole_and_write_back_what_they_read() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../smooch-client/benches/data");
    let read = |name: &str| -> (Value, MessageListResponse) {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        (
            serde_json::from_str(&text).unwrap(),
            serde_json::from_str(&text).unwrap(),
        )
    };
    let (first_json, first) = read("v2-page.json");
    let (last_json, last) = read("v2-page-type-last.json");
    assert_eq!(first.messages.len(), 100);
    assert_eq!(first, last, "the order of keys does not matter");
    assert_eq!(serde_json::to_value(&first).unwrap(), first_json);
    assert_eq!(serde_json::to_value(&last).unwrap(), last_json);
    let mut tags: Vec<&str> = first
        .messages
        .iter()
        .map(|m| m.content.as_ref().unwrap().tag())
        .collect();
    tags.sort_unstable();
    tags.dedup();
    assert_eq!(
        tags,
        [
            "carousel",
            "file",
            "form",
            "formResponse",
            "image",
            "list",
            "location",
            "text"
        ]
    );
    assert!(
        first
            .messages
            .iter()
            .all(|m| m.content.iter().all(|c| !matches!(c, Content::Other(_)))),
        "every content type is known"
    );
    assert!(
        first
            .messages
            .iter()
            .all(|m| m.received.as_ref().is_some_and(DateTime::is_valid))
    );
    let post: MessagePostResponse =
        serde_json::from_str(&std::fs::read_to_string(dir.join("v2-post.json")).unwrap()).unwrap();
    assert_eq!(post.messages.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Damaged messages: whatever the server sends, decoding does not panic, and what decodes
// writes back to JSON that decodes to the same JSON
// ---------------------------------------------------------------------------------------------

mod damaged {
    use proptest::collection::vec;
    use proptest::prelude::*;
    use proptest::sample::{Index, select};
    use serde_json::Value;
    use smooch_client::v2::models::{Message, MessageListResponse};

    /// The messages of the benchmark pages (tags first and last), each a seed.
    static SEEDS: std::sync::LazyLock<Vec<Value>> = std::sync::LazyLock::new(|| {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../smooch-client/benches/data");
        ["v2-page.json", "v2-page-type-last.json"]
            .iter()
            .flat_map(|name| {
                let text = std::fs::read_to_string(dir.join(name)).unwrap();
                let page: Value = serde_json::from_str(&text).unwrap();
                page["messages"].as_array().unwrap().clone()
            })
            .collect()
    });

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (-1e4f64..2e9).prop_map(Value::from),
            select(
                &[
                    "",
                    "text",
                    "image",
                    "carousel",
                    "reply",
                    "buy",
                    "message",
                    "user",
                    "2024-01-10T09:15:00Z",
                    "x"
                ][..]
            )
            .prop_map(Value::from),
            Just(serde_json::json!({"type": "link"})),
            Just(serde_json::json!([{"type": "postback", "text": 1}])),
        ]
    }

    /// Walks down `value` by `path` (each step picks a child, or stops here), then replaces
    /// the node reached with `edit`, or removes it from its parent when `edit` is `None`.
    fn damage(value: &mut Value, path: &[Index], edit: &Option<Value>) {
        let Some((step, rest)) = path.split_first() else {
            *value = edit.clone().unwrap_or(Value::Null);
            return;
        };
        let children = match &*value {
            Value::Object(entries) => entries.len(),
            Value::Array(items) => items.len(),
            _ => 0,
        };
        let pick = step.index(children + 1);
        if pick == children {
            *value = edit.clone().unwrap_or(Value::Null);
            return;
        }
        let remove = rest.is_empty() && edit.is_none();
        match value {
            Value::Object(entries) => {
                let key = entries.keys().nth(pick).cloned().unwrap_or_default();
                if remove {
                    entries.remove(&key);
                } else if let Some(child) = entries.get_mut(&key) {
                    damage(child, rest, edit);
                }
            }
            Value::Array(items) if remove => {
                items.remove(pick);
            }
            Value::Array(items) => damage(&mut items[pick], rest, edit),
            _ => {}
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn a_damaged_message_decodes_or_fails_cleanly_and_round_trips(
            seed in any::<Index>(),
            edits in vec((vec(any::<Index>(), 1..6), proptest::option::of(leaf())), 1..4),
        ) {
            let mut value = SEEDS[seed.index(SEEDS.len())].clone();
            for (path, edit) in &edits {
                damage(&mut value, path, edit);
            }
            let text = serde_json::to_string(&value).unwrap();
            if let Ok(message) = serde_json::from_str::<Message>(&text) {
                let first = serde_json::to_value(&message).unwrap();
                let again: Message = serde_json::from_value(first.clone()).unwrap();
                prop_assert_eq!(serde_json::to_value(&again).unwrap(), first);
            }
            let page = format!(r#"{{"messages":[{text}],"meta":{{"hasMore":false}}}}"#);
            let _ = serde_json::from_str::<MessageListResponse>(&page);
        }
    }
}
