//! Activities.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::ActivitiesApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{ActivityPost, ActivityType, Author, AuthorType};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::conversations::CONVERSATION;
use super::{APP, v2};

pub const ROWS: &[Row] = &[row(
    "Activities",
    "PostActivity",
    "POST",
    "/v2/apps/<app_id>/conversations/<conversation_id>/activity",
    200,
)];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "PostActivity" => boxed(v2.post_activity(ID, ID, &ActivityPost::typing_stop())),
        _ => None,
    }
}

#[tokio::test]
async fn post_activity_sends_the_author_and_type_and_accepts_an_empty_object() {
    let server = MockServer::start_async().await;
    let typing = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!(
                    "/v2/apps/{APP}/conversations/{CONVERSATION}/activity"
                ))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({"author": {"type": "business"}, "type": "typing:start"}));
            then.status(200).json_body(json!({}));
        })
        .await;
    let read = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!(
                    "/v2/apps/{APP}/conversations/{CONVERSATION}/activity"
                ))
                .json_body(json!({
                    "author": {"type": "user", "userId": "c7f6e6d6c3a637261bd9656f"},
                    "type": "conversation:read"
                }));
            then.status(200).json_body(json!({}));
        })
        .await;
    v2(&server)
        .post_activity(APP, CONVERSATION, &ActivityPost::typing_start())
        .await
        .unwrap();
    typing.assert_async().await;
    v2(&server)
        .post_activity(
            APP,
            CONVERSATION,
            &ActivityPost::read(Author::user("c7f6e6d6c3a637261bd9656f")),
        )
        .await
        .unwrap();
    read.assert_async().await;
}

#[test]
fn activity_constructors_build_only_what_the_api_takes_and_bodies_read_strictly() {
    for post in [ActivityPost::typing_start(), ActivityPost::typing_stop()] {
        assert_eq!(
            post.author.r#type,
            AuthorType::Business,
            "only the business types"
        );
    }
    assert_eq!(ActivityPost::typing_stop().r#type, ActivityType::TypingStop);
    assert_eq!(
        ActivityPost::read(Author::business()).r#type,
        ActivityType::ConversationRead
    );
    let error = serde_json::from_str::<ActivityPost>(r#"{"type":"typing:start"}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `author`"),
        "{error}"
    );
    let error =
        serde_json::from_str::<ActivityPost>(r#"{"author":{"type":null},"type":"typing:start"}"#)
            .unwrap_err();
    assert!(error.to_string().contains("author.type"), "{error}");
    let unknown: ActivityPost =
        serde_json::from_str(r#"{"author":{"type":"business"},"type":"conversation:archive"}"#)
            .unwrap();
    assert_eq!(
        unknown.r#type,
        ActivityType::Unknown("conversation:archive".into())
    );
}
