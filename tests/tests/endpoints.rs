//! Every ConversationApi endpoint against a local mock server: exact method, path, query,
//! headers and JSON body, and decoding of a real Smooch response.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::ConversationApi;
use smooch_client::models::Cursor;
use smooch_client::models::{ActivityType, ConversationActivity, MessagePost, MessageType, Role};
use smooch_tests::{
    APP, BASIC, JWT, USER, at, client, fixture, fixture_json, jwt_client, user_path,
};

const JSON: &str = "application/json";
const USER_AGENT: &str = concat!("smooch-client/", env!("CARGO_PKG_VERSION"));

#[tokio::test]
async fn conversation_activity_posts_the_activity_and_decodes_the_conversation() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(user_path("/conversation/activity"))
                .query_param_count(".*", ".*", 0)
                .header("authorization", BASIC)
                .header("accept", JSON)
                .header("content-type", JSON)
                .header("user-agent", USER_AGENT)
                .json_body(json!({"role": "appMaker", "type": "typing:start"}));
            then.status(200)
                .header("content-type", "application/json; charset=utf-8")
                .body(fixture(
                    "conversation-activity.conversation-activity-example.200.json",
                ));
        })
        .await;

    let response = client(&server)
        .conversation_activity(APP, USER, &ConversationActivity::typing_start())
        .await
        .unwrap();

    mock.assert_async().await;
    assert_eq!(response.conversation.id, "884ac26bfa519a0bb4cb0162");
    assert_eq!(response.conversation.unread_count, 0);
    assert!(response.conversation.app_maker_last_read.is_some());
}

#[tokio::test]
async fn read_receipt_activity_decodes_the_duplicated_key_response() {
    let server = MockServer::start_async().await;
    let request = fixture_json("business-read-receipt.request.json");
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(user_path("/conversation/activity"))
                .json_body(request);
            then.status(200).body(fixture(
                "business-read-receipt.business-read-receipt-example.200.json",
            ));
        })
        .await;

    let activity = ConversationActivity::read();
    assert_eq!(activity.r#type, ActivityType::ConversationRead);
    let response = client(&server)
        .conversation_activity(APP, USER, &activity)
        .await
        .unwrap();

    mock.assert_async().await;
    assert_eq!(response.conversation.unread_count, 0);
    assert_eq!(
        response.conversation.app_maker_last_read,
        Some(at(1529677514.686))
    );
}

#[tokio::test]
async fn delete_message_sends_a_bodyless_delete_and_accepts_an_empty_object() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(user_path("/messages/5b2bf968751b7c00225ebe5b"))
                .header("authorization", BASIC)
                .header("accept", JSON)
                .header_missing("content-type")
                .body("");
            then.status(200)
                .header("content-type", "application/json; charset=utf-8")
                .body(fixture(
                    "delete-single-message.delete-single-message-example.200.json",
                ));
        })
        .await;

    client(&server)
        .delete_message(APP, USER, "5b2bf968751b7c00225ebe5b")
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn delete_messages_accepts_an_empty_body() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(user_path("/messages"))
                .header("authorization", BASIC)
                .header_missing("content-type");
            then.status(200);
        })
        .await;

    client(&server).delete_messages(APP, USER).await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn get_messages_without_bounds_sends_no_query_and_decodes_the_page() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(user_path("/messages"))
                .query_param_missing("before")
                .query_param_missing("after")
                .header("authorization", BASIC)
                .header("accept", JSON)
                .header_missing("content-type")
                .is_true(|request| request.body_ref().is_empty());
            then.status(200)
                .body(fixture("get-messages.get-messages-example.200.json"));
        })
        .await;

    let page = client(&server)
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();

    mock.assert_async().await;
    assert_eq!(page.messages.len(), 10);
    assert_eq!(page.messages[0].id, "5b2bda263d0a5a002214feb7");
    assert_eq!(page.messages[0].received, 1529600550.492);
    assert_eq!(page.messages[3].role, Role::AppUser);
    assert_eq!(page.messages[4].r#type, MessageType::Image);
    assert_eq!(page.messages[4].media_size, Some(190607));
    assert_eq!(page.messages[9].payload.as_deref(), Some("great"));
    assert_eq!(page.conversation.as_ref().map(|c| c.unread_count), Some(1));
    assert_eq!(page.next, None);
}

#[tokio::test]
async fn get_messages_sends_before_or_after_as_given() {
    let server = MockServer::start_async().await;
    let before = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(user_path("/messages"))
                .query_param("before", "1529600550.492")
                .query_param_missing("after");
            then.status(200).body(r#"{"messages":[]}"#);
        })
        .await;
    let after = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(user_path("/messages"))
                .query_param("after", "1471995721")
                .query_param_missing("before");
            then.status(200)
                .body(r#"{"messages":[],"next":"https://api.smooch.io/x?after=1"}"#);
        })
        .await;

    let client = client(&server);
    let page = client
        .get_messages(APP, USER, Cursor::Before(at(1529600550.492)))
        .await
        .unwrap();
    assert!(page.messages.is_empty());
    let page = client
        .get_messages(APP, USER, Cursor::After(at(1471995721.0)))
        .await
        .unwrap();
    assert_eq!(
        page.next.as_deref(),
        Some("https://api.smooch.io/x?after=1")
    );

    before.assert_async().await;
    after.assert_async().await;
}

#[tokio::test]
async fn post_message_sends_the_json_body_and_decodes_the_created_message() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(user_path("/messages"))
                .header("authorization", BASIC)
                .header("accept", JSON)
                .header("content-type", JSON)
                .json_body(json!({"role": "appMaker", "type": "text", "text": "Hello!"}));
            then.status(201)
                .header("content-type", "application/json; charset=utf-8")
                .body(fixture("text-message.example.201.json"));
        })
        .await;

    let message = MessagePost::text(Role::AppMaker, "Hello!");
    let response = client(&server)
        .post_message(APP, USER, &message)
        .await
        .unwrap();

    mock.assert_async().await;
    let expected = fixture_json("text-message.example.201.json");
    assert_eq!(
        response.message.id,
        expected["message"]["_id"].as_str().unwrap()
    );
    assert_eq!(response.message.role, Role::AppMaker);
    assert_eq!(
        response.message.text.as_deref(),
        expected["message"]["text"].as_str()
    );
    assert_eq!(
        response.conversation.id,
        expected["conversation"]["_id"].as_str().unwrap()
    );
}

#[tokio::test]
async fn post_message_sends_real_request_bodies_unchanged() {
    let server = MockServer::start_async().await;
    for name in [
        "carousel-message",
        "form-message-web-messenger-only",
        "whatsapp",
        "abc-list-picker",
    ] {
        let request = fixture_json(&format!("{name}.request.json"));
        let message: MessagePost = serde_json::from_value(request.clone()).unwrap();
        let mock = server
            .mock_async(|when, then| {
                when.method(POST)
                    .path(user_path("/messages"))
                    .json_body(request);
                then.status(201)
                    .body(fixture("carousel-message.carousel-example.201.json"));
            })
            .await;
        client(&server)
            .post_message(APP, USER, &message)
            .await
            .unwrap();
        mock.assert_async().await;
        mock.delete_async().await;
    }
}

#[tokio::test]
async fn reset_unread_count_posts_without_a_body() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(user_path("/conversation/read"))
                .header("authorization", BASIC)
                .header("accept", JSON)
                .header_missing("content-type")
                .header("content-length", "0")
                .body("");
            then.status(200).body("{}");
        })
        .await;

    client(&server).reset_unread_count(APP, USER).await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn bearer_jwt_is_sent_instead_of_basic_auth() {
    let server = MockServer::start_async().await;
    let bearer = format!("Bearer {JWT}");
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(user_path("/conversation/read"))
                .header("authorization", bearer);
            then.status(200);
        })
        .await;

    jwt_client(&server)
        .reset_unread_count(APP, USER)
        .await
        .unwrap();
    mock.assert_async().await;
}
