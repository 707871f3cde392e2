//! Participants.

use futures_util::StreamExt;
use httpmock::prelude::*;
use serde_json::json;
use smooch_client::Error;
use smooch_client::v2::ParticipantsApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    ClientType, Page, Participant, ParticipantJoin, ParticipantLeave, ParticipantUser,
};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::conversations::CONVERSATION;
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Participants",
        "JoinConversation",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/join",
        201,
    ),
    row(
        "Participants",
        "ListParticipants",
        "GET",
        "/v2/apps/<app_id>/conversations/<conversation_id>/participants",
        200,
    ),
    row(
        "Participants",
        "LeaveConversation",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/leave",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "JoinConversation" => boxed(v2.join_conversation(ID, ID, &ParticipantJoin::user_id(ID))),
        "ListParticipants" => boxed(v2.list_participants(ID, ID, &Page::first())),
        "LeaveConversation" => {
            boxed(v2.leave_conversation(ID, ID, &ParticipantLeave::ParticipantId(ID.into())))
        }
        _ => None,
    }
}

/// A participant as the sheet describes it, every field set.
fn participant_json(id: &str) -> serde_json::Value {
    json!({
        "id": id,
        "userId": "c7f6e6d6c3a637261bd9656f",
        "unreadCount": 3,
        "clientAssociations": [
            {"type": "sdk", "clientId": "5e4af71a81966c000f7f8cd2"},
            {"type": "kakao", "clientId": "5e4af71a81966c000f7f8cd3"}
        ],
        "userExternalId": "steve@example.com",
        "lastRead": "2024-01-10T09:15:00.125+00:00"
    })
}

#[tokio::test]
async fn join_conversation_posts_the_user_key_and_decodes_the_participant() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}/join"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(
                    json!({"userId": "c7f6e6d6c3a637261bd9656f", "subscribeSDKClient": true}),
                );
            then.status(201)
                .json_body(json!({"participant": participant_json("5e4af71a81966c000f7f8cd1")}));
        })
        .await;
    let join = ParticipantJoin::user_id("c7f6e6d6c3a637261bd9656f").with_subscribe_sdk_client(true);
    let participant = v2(&server)
        .join_conversation(APP, CONVERSATION, &join)
        .await
        .unwrap()
        .participant
        .unwrap();
    mock.assert_async().await;
    assert_eq!(participant.id.as_deref(), Some("5e4af71a81966c000f7f8cd1"));
    assert_eq!(
        participant.user_id.as_deref(),
        Some("c7f6e6d6c3a637261bd9656f")
    );
    assert_eq!(participant.unread_count, Some(3));
    assert_eq!(
        participant.user_external_id.as_deref(),
        Some("steve@example.com")
    );
    assert_eq!(
        participant.last_read.unwrap(),
        "2024-01-10T09:15:00.125Z".parse().unwrap(),
        "+00:00 is Z"
    );
    let [sdk, kakao] = &participant.client_associations[..] else {
        panic!("two clients")
    };
    assert_eq!(sdk.r#type, Some(ClientType::Sdk));
    assert_eq!(sdk.client_id.as_deref(), Some("5e4af71a81966c000f7f8cd2"));
    assert_eq!(kakao.r#type, Some(ClientType::Kakao));
}

#[tokio::test]
async fn list_participants_sends_the_page_keys_and_reads_a_page_without_links() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!(
                    "/v2/apps/{APP}/conversations/{CONVERSATION}/participants"
                ))
                .query_param("page[after]", "5e4af71a81966c000f7f8cd0")
                .query_param("page[size]", "2")
                .query_param_count(".*", ".*", 2);
            then.status(200).json_body(json!({
                "participants": [participant_json("p1"), participant_json("p2")],
                "meta": {"hasMore": false}
            }));
        })
        .await;
    let page = Page::after("5e4af71a81966c000f7f8cd0").with_size(2);
    let list = v2(&server)
        .list_participants(APP, CONVERSATION, &page)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.participants.len(), 2);
    assert_eq!(list.meta.unwrap().has_more, Some(false));
    assert!(list.links.is_none());
}

#[tokio::test]
async fn leave_conversation_posts_one_key_and_a_404_says_not_found() {
    let server = MockServer::start_async().await;
    let left = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}/leave"))
                .header("authorization", BASIC)
                .json_body(json!({"userExternalId": "steve@example.com"}));
            then.status(200).json_body(json!({}));
        })
        .await;
    let missing = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}/leave"))
                .json_body(json!({"participantId": "5e4af71a81966c000f7f8cd9"}));
            then.status(404).json_body(
                json!({"errors": [{"code": "not_found", "title": "Participant not found"}]}),
            );
        })
        .await;
    v2(&server)
        .leave_conversation(
            APP,
            CONVERSATION,
            &ParticipantLeave::UserExternalId("steve@example.com".into()),
        )
        .await
        .unwrap();
    left.assert_async().await;
    let error = v2(&server)
        .leave_conversation(
            APP,
            CONVERSATION,
            &ParticipantLeave::ParticipantId("5e4af71a81966c000f7f8cd9".into()),
        )
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
}

#[tokio::test]
async fn the_participants_stream_walks_two_pages_and_ends_on_a_repeated_cursor() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/conversations/{CONVERSATION}/participants");
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(path.clone())
                .query_param_missing("page[after]")
                .query_param("page[size]", "100");
            then.status(200).json_body(json!({
                "participants": [participant_json("p1")],
                "meta": {"hasMore": true, "afterCursor": "p1"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(path.clone())
                .query_param("page[after]", "p1");
            then.status(200).json_body(json!({
                "participants": [participant_json("p2")],
                "meta": {"hasMore": true, "afterCursor": "p2"}
            }));
        })
        .await;
    let third = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(path.clone())
                .query_param("page[after]", "p2");
            // A server that points back at the first page.
            then.status(200).json_body(json!({
                "participants": [participant_json("p3")],
                "meta": {"hasMore": true, "afterCursor": "p1"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server).participants(APP, CONVERSATION).collect().await;
    first.assert_async().await;
    second.assert_async().await;
    third.assert_async().await;
    let ids: Vec<String> = items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|p: &Participant| p.id.clone().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["p1", "p2", "p3"]);
    assert_eq!(items.len(), 4, "three participants, then the error");
    let Err(Error::Pagination(stall)) = items.last().unwrap() else {
        panic!("{:?}", items.last())
    };
    assert_eq!(stall.stream, "participants");
}

#[test]
fn join_and_leave_bodies_are_one_key_and_read_back() {
    for (leave, text) in [
        (ParticipantLeave::UserId("u1".into()), r#"{"userId":"u1"}"#),
        (
            ParticipantLeave::UserExternalId("e1".into()),
            r#"{"userExternalId":"e1"}"#,
        ),
        (
            ParticipantLeave::ParticipantId("p1".into()),
            r#"{"participantId":"p1"}"#,
        ),
    ] {
        assert_eq!(serde_json::to_string(&leave).unwrap(), text);
        assert_eq!(
            serde_json::from_str::<ParticipantLeave>(text).unwrap(),
            leave
        );
    }
    let read: ParticipantLeave =
        serde_json::from_str(r#"{"userId":null,"participantId":"p1","note":"x"}"#).unwrap();
    assert_eq!(
        read,
        ParticipantLeave::ParticipantId("p1".into()),
        "null is absent"
    );
    for bad in [
        "{}",
        r#"{"userId":"a","participantId":"b"}"#,
        r#"{"userId":7}"#,
    ] {
        assert!(
            serde_json::from_str::<ParticipantLeave>(bad).is_err(),
            "{bad}"
        );
    }

    let join = ParticipantJoin::user_id("u1");
    assert_eq!(serde_json::to_string(&join).unwrap(), r#"{"userId":"u1"}"#);
    assert_eq!(join.user, ParticipantUser::Id("u1".into()));
    assert_eq!(join.subscribe_sdk_client, None);
    let read: ParticipantJoin =
        serde_json::from_str(r#"{"subscribeSDKClient":false,"userId":"u1"}"#).unwrap();
    assert_eq!(read, join.with_subscribe_sdk_client(false));
    assert!(serde_json::from_str::<ParticipantJoin>(r#"{"subscribeSDKClient":true}"#).is_err());
}

#[test]
fn a_participant_tolerates_nulls_unknown_client_types_and_unknown_keys() {
    let text = r#"{"id":"p1","userExternalId":null,"lastRead":null,"unreadCount":1,
        "clientAssociations":[{"type":"carrierPigeon","clientId":"c1","primary":true}],
        "unreadCount":2,"role":"owner"}"#;
    let participant: Participant = serde_json::from_str(text).unwrap();
    assert_eq!(participant.user_external_id, None);
    assert_eq!(participant.last_read, None);
    assert_eq!(participant.unread_count, Some(2), "the last value wins");
    let client = &participant.client_associations[0];
    assert_eq!(
        client.r#type,
        Some(ClientType::Unknown("carrierPigeon".into()))
    );
    assert_eq!(client.extra["primary"], true);
    let written = serde_json::to_value(&participant).unwrap();
    assert_eq!(written["role"], "owner");
    assert_eq!(written["clientAssociations"][0]["type"], "carrierPigeon");
}
