//! Conversations.

use futures_util::StreamExt;
use httpmock::prelude::*;
use serde_json::json;
use smooch_client::Error;
use smooch_client::v2::ConversationsApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    ConversationCreate, ConversationListFilter, ConversationType, ConversationUpdate,
    ConversionEventsBody, DateTime, DownloadMessageRef, InteractiveDataRef, Page, ParticipantJoin,
};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, v2};

/// The conversation id used in paths.
pub const CONVERSATION: &str = "df0ccbd3a3a5ce1b5a0a1a4b";

pub const ROWS: &[Row] = &[
    row(
        "Conversations",
        "CreateConversation",
        "POST",
        "/v2/apps/<app_id>/conversations",
        201,
    ),
    row(
        "Conversations",
        "ListConversations",
        "GET",
        "/v2/apps/<app_id>/conversations",
        200,
    ),
    row(
        "Conversations",
        "GetConversation",
        "GET",
        "/v2/apps/<app_id>/conversations/<conversation_id>",
        200,
    ),
    row(
        "Conversations",
        "UpdateConversation",
        "PATCH",
        "/v2/apps/<app_id>/conversations/<conversation_id>",
        200,
    ),
    row(
        "Conversations",
        "DeleteConversation",
        "DELETE",
        "/v2/apps/<app_id>/conversations/<conversation_id>",
        200,
    ),
    row(
        "Conversations",
        "DownloadMessageRef",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/download",
        200,
    ),
    row(
        "Conversations",
        "PostConversionEvents",
        "POST",
        "/v2/apps/<app_id>/conversations/<conversation_id>/conversionEvents",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateConversation" => boxed(v2.create_conversation(ID, &ConversationCreate::sdk_group())),
        "ListConversations" => {
            boxed(v2.list_conversations(ID, &Page::first(), &ConversationListFilter::user_id(ID)))
        }
        "GetConversation" => boxed(v2.get_conversation(ID, ID)),
        "UpdateConversation" => {
            boxed(v2.update_conversation(ID, ID, &ConversationUpdate::default()))
        }
        "DeleteConversation" => boxed(v2.delete_conversation(ID, ID)),
        "DownloadMessageRef" => boxed(v2.download_message_ref(ID, ID, &download_ref())),
        "PostConversionEvents" => boxed(v2.post_conversion_events(
            ID,
            ID,
            &ConversionEventsBody::whatsapp([json!({"event_name": "Purchase"})]),
        )),
        _ => None,
    }
}

fn download_ref() -> DownloadMessageRef {
    DownloadMessageRef::apple(
        "c7f6e6d6c3a637261bd9656f",
        InteractiveDataRef::default()
            .with_url("https://p1.icloud.example/M/abc")
            .with_bid("com.apple.messages.MSMessageExtensionBalloonPlugin:0000000000:com.apple.icloud.apps.messages.business.extension")
            .with_key("00b1a6f5d9c2e8")
            .with_signature("81c1d6e5a9b8c7d6")
            .with_owner("p1.icloud.example"),
    )
}

/// A conversation as the sheet describes it, every field set.
pub fn conversation_json(id: &str) -> serde_json::Value {
    json!({
        "id": id,
        "type": "personal",
        "metadata": {"lang": "en-CA", "premium": true},
        "activeSwitchboardIntegration": {
            "id": "5ef21b86e933b7355c11c604", "name": "bot",
            "integrationId": "5ef21b86e933b7355c11c605", "integrationType": "custom"
        },
        "pendingSwitchboardIntegration": {
            "id": "5ef21b86e933b7355c11c606", "name": "agent",
            "integrationId": "5ef21b86e933b7355c11c607", "integrationType": "zd:agentWorkspace"
        },
        "isDefault": true,
        "displayName": "Order #48213",
        "description": "Where is my parcel",
        "iconUrl": "https://www.gravatar.com/image.jpg",
        "businessLastRead": "2024-01-10T09:15:00.125Z",
        "lastUpdatedAt": "2024-01-10T09:16:00.000Z",
        "createdAt": "2024-01-09T17:00:00.000Z"
    })
}

#[tokio::test]
async fn create_conversation_posts_its_type_and_participants_and_decodes_the_conversation() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/conversations"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({
                    "type": "personal",
                    "participants": [{"userExternalId": "steve@example.com", "subscribeSDKClient": false}],
                    "displayName": "Order #48213",
                    "metadata": {"lang": "en-CA"}
                }));
            then.status(201)
                .json_body(json!({"conversation": conversation_json(CONVERSATION)}));
        })
        .await;
    let body = ConversationCreate::personal(
        ParticipantJoin::user_external_id("steve@example.com").with_subscribe_sdk_client(false),
    )
    .with_display_name("Order #48213")
    .with_metadata(smooch_client::models::Metadata::new().with("lang", "en-CA"));
    let conversation = v2(&server)
        .create_conversation(APP, &body)
        .await
        .unwrap()
        .conversation
        .unwrap();
    mock.assert_async().await;
    assert_eq!(conversation.id.as_deref(), Some(CONVERSATION));
    assert_eq!(conversation.r#type, Some(ConversationType::Personal));
    assert_eq!(conversation.is_default, Some(true));
    assert_eq!(conversation.display_name.as_deref(), Some("Order #48213"));
    assert_eq!(
        conversation.description.as_deref(),
        Some("Where is my parcel")
    );
    assert_eq!(
        conversation.icon_url.as_deref(),
        Some("https://www.gravatar.com/image.jpg")
    );
    assert_eq!(conversation.metadata.unwrap()["premium"], true);
    let active = conversation.active_switchboard_integration.unwrap();
    assert_eq!(active.name.as_deref(), Some("bot"));
    assert_eq!(active.integration_type.as_deref(), Some("custom"));
    let pending = conversation.pending_switchboard_integration.unwrap();
    assert_eq!(
        pending.integration_id.as_deref(),
        Some("5ef21b86e933b7355c11c607")
    );
    assert_eq!(
        conversation.business_last_read.unwrap().unix_millis(),
        Some(1_704_878_100_125)
    );
    assert_eq!(
        conversation.last_updated_at,
        Some(DateTime::parse("2024-01-10T09:16:00Z").unwrap())
    );
    assert!(conversation.created_at.unwrap().is_valid());
}

#[tokio::test]
async fn list_conversations_sends_the_page_and_exactly_one_user_filter() {
    let server = MockServer::start_async().await;
    let by_id = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                .query_param("page[before]", "5e4af71a81966c000f7f8cd0")
                .query_param("page[size]", "10")
                .query_param("filter[userId]", "c7f6e6d6c3a637261bd9656f")
                .query_param_missing("filter[userExternalId]")
                .query_param_count(".*", ".*", 3);
            then.status(200).json_body(json!({
                "conversations": [conversation_json(CONVERSATION)],
                "meta": {"hasMore": true, "beforeCursor": "5e4af71a81966c000f7f8cc0",
                         "afterCursor": CONVERSATION},
                "links": {"prev": "https://api.smooch.io/v2/apps/x/conversations?page[before]=5e4af71a81966c000f7f8cc0"}
            }));
        })
        .await;
    let by_external_id = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                // Encoded as one value: `&` and `+` would otherwise split or change it.
                .query_param("filter[userExternalId]", "steve+1@example.com&x")
                .query_param_missing("filter[userId]")
                .query_param_missing("page[size]");
            then.status(200)
                .json_body(json!({"conversations": [], "meta": {"hasMore": false}}));
        })
        .await;
    let page = Page::before("5e4af71a81966c000f7f8cd0").with_size(10);
    let list = v2(&server)
        .list_conversations(
            APP,
            &page,
            &ConversationListFilter::user_id("c7f6e6d6c3a637261bd9656f"),
        )
        .await
        .unwrap();
    by_id.assert_async().await;
    assert_eq!(list.conversations.len(), 1);
    let meta = list.meta.unwrap();
    assert_eq!(meta.has_more, Some(true));
    assert_eq!(
        meta.before_cursor.as_deref(),
        Some("5e4af71a81966c000f7f8cc0")
    );
    assert!(list.links.unwrap().prev.unwrap().ends_with("cc0"));

    let empty = v2(&server)
        .list_conversations(
            APP,
            &Page::first(),
            &ConversationListFilter::user_external_id("steve+1@example.com&x"),
        )
        .await
        .unwrap();
    by_external_id.assert_async().await;
    assert!(empty.conversations.is_empty());
    assert!(empty.links.is_none());
}

#[tokio::test]
async fn get_conversation_encodes_the_id_and_a_404_says_conversation_not_found() {
    let server = MockServer::start_async().await;
    let found = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}"))
                .header("authorization", BASIC);
            then.status(200)
                .json_body(json!({"conversation": conversation_json(CONVERSATION)}));
        })
        .await;
    let missing = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations/a%2Fb%20c"));
            then.status(404).json_body(json!({"errors": [
                {"code": "conversation_not_found", "title": "Conversation not found"}
            ]}));
        })
        .await;
    let got = v2(&server)
        .get_conversation(APP, CONVERSATION)
        .await
        .unwrap();
    found.assert_async().await;
    assert_eq!(got.conversation.unwrap().id.as_deref(), Some(CONVERSATION));
    let error = v2(&server)
        .get_conversation(APP, "a/b c")
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
    let Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("conversation_not_found"));
}

#[tokio::test]
async fn update_conversation_patches_only_what_is_set_and_null_clears() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PATCH)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}"))
                .json_body(
                    json!({"displayName": "Refund", "description": null, "metadata": {"stage": 2}}),
                );
            then.status(200).json_body(json!({"conversation": {
                "id": CONVERSATION, "displayName": "Refund", "metadata": {"stage": 2}
            }}));
        })
        .await;
    let update = ConversationUpdate::default()
        .with_display_name("Refund")
        .clear_description()
        .with_metadata(smooch_client::models::Metadata::new().with("stage", 2));
    let updated = v2(&server)
        .update_conversation(APP, CONVERSATION, &update)
        .await
        .unwrap()
        .conversation
        .unwrap();
    mock.assert_async().await;
    assert_eq!(updated.display_name.as_deref(), Some("Refund"));
    assert_eq!(updated.description, None);
}

#[tokio::test]
async fn delete_conversation_accepts_an_empty_object_and_a_400_is_a_client_error() {
    let server = MockServer::start_async().await;
    let deleted = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}"))
                .header("authorization", BASIC);
            then.status(200).json_body(json!({}));
        })
        .await;
    let default = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("/v2/apps/{APP}/conversations/default"));
            then.status(400).json_body(json!({"errors": [
                {"code": "bad_request", "title": "The default conversation cannot be deleted"}
            ]}));
        })
        .await;
    v2(&server)
        .delete_conversation(APP, CONVERSATION)
        .await
        .unwrap();
    deleted.assert_async().await;
    let error = v2(&server)
        .delete_conversation(APP, "default")
        .await
        .unwrap_err();
    default.assert_async().await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    let Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("bad_request"));
}

#[tokio::test]
async fn download_message_ref_posts_the_apple_reference_and_returns_the_free_form_answer() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/conversations/{CONVERSATION}/download"))
                .header("content-type", "application/json")
                .json_body(json!({
                    "userId": "c7f6e6d6c3a637261bd9656f",
                    "apple": {"interactiveDataRef": {
                        "url": "https://p1.icloud.example/M/abc",
                        "bid": "com.apple.messages.MSMessageExtensionBalloonPlugin:0000000000:com.apple.icloud.apps.messages.business.extension",
                        "key": "00b1a6f5d9c2e8",
                        "signature": "81c1d6e5a9b8c7d6",
                        "owner": "p1.icloud.example"
                    }}
                }));
            then.status(200)
                .json_body(json!({"interactiveData": {"data": {"version": "1.0"}}, "n": [1, 2]}));
        })
        .await;
    let answer = v2(&server)
        .download_message_ref(APP, CONVERSATION, &download_ref())
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(answer["interactiveData"]["data"]["version"], "1.0");
    assert_eq!(answer["n"], json!([1, 2]));
    assert!(
        !format!("{:?}", download_ref()).contains("00b1a6f5d9c2e8"),
        "the decryption key is a secret"
    );
}

#[tokio::test]
async fn post_conversion_events_sends_one_channel_key_and_reads_a_numeric_dataset_id() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!(
                    "/v2/apps/{APP}/conversations/{CONVERSATION}/conversionEvents"
                ))
                .json_body(json!({"instagram": {"payload": {"data": [
                    {"event_name": "Purchase", "event_time": 1700000000, "custom_data": {"value": 12.5}}
                ]}}}));
            // The sheet's example writes `datasetId` as a number.
            then.status(200).json_body(json!({"conversionEvents": {
                "datasetId": 1234567890123456u64, "eventsReceived": 1
            }}));
        })
        .await;
    let events = ConversionEventsBody::instagram([json!({
        "event_name": "Purchase", "event_time": 1700000000, "custom_data": {"value": 12.5}
    })]);
    let answer = v2(&server)
        .post_conversion_events(APP, CONVERSATION, &events)
        .await
        .unwrap()
        .conversion_events
        .unwrap();
    mock.assert_async().await;
    assert_eq!(answer.dataset_id.as_deref(), Some("1234567890123456"));
    assert_eq!(answer.events_received, Some(1));
    let text: smooch_client::v2::models::ConversionEvents =
        serde_json::from_str(r#"{"datasetId":"42","eventsReceived":null}"#).unwrap();
    assert_eq!(text.dataset_id.as_deref(), Some("42"));
    assert_eq!(text.events_received, None);
}

#[tokio::test]
async fn the_conversations_stream_follows_the_after_cursors_and_ends_on_a_repeated_one() {
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                .query_param("filter[userExternalId]", "steve@example.com")
                .query_param_missing("page[after]")
                .query_param("page[size]", "100");
            then.status(200).json_body(json!({
                "conversations": [conversation_json("c1"), conversation_json("c2")],
                "meta": {"hasMore": true, "afterCursor": "c2"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                .query_param("filter[userExternalId]", "steve@example.com")
                .query_param("page[after]", "c2");
            // A lying server: the same cursor again, with one new conversation and one seen.
            then.status(200).json_body(json!({
                "conversations": [conversation_json("c2"), conversation_json("c3")],
                "meta": {"hasMore": true, "afterCursor": "c2"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server)
        .conversations(
            APP,
            ConversationListFilter::user_external_id("steve@example.com"),
        )
        .collect()
        .await;
    first.assert_async().await;
    second.assert_async().await;
    let ids: Vec<_> = items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|c| c.id.clone().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3"], "each conversation once");
    let error = items.last().unwrap().as_ref().unwrap_err();
    let Error::Pagination(stall) = error else {
        panic!("{error}")
    };
    assert_eq!(stall.stream, "conversations");
}

#[tokio::test]
async fn the_conversations_stream_walks_two_pages_to_the_end() {
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                .query_param("filter[userId]", "u1")
                .query_param_missing("page[after]");
            then.status(200).json_body(json!({
                "conversations": [conversation_json("c1")],
                "meta": {"hasMore": true, "afterCursor": "c1"},
                "links": {"next": "https://api.smooch.io/v2/apps/a/conversations?page[after]=c1"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                .query_param("page[after]", "c1");
            then.status(200).json_body(json!({
                "conversations": [conversation_json("c2")],
                "meta": {"hasMore": false, "beforeCursor": "c2"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server)
        .conversations(APP, ConversationListFilter::user_id("u1"))
        .collect()
        .await;
    first.assert_async().await;
    second.assert_async().await;
    let ids: Vec<_> = items
        .into_iter()
        .map(|item| item.unwrap().id.unwrap().to_string())
        .collect();
    assert_eq!(ids, ["c1", "c2"]);
}

#[test]
fn a_conversation_keeps_unknown_keys_reads_nulls_as_absent_and_plus_zero_times_as_z() {
    // Written as text: a repeated key cannot be built with `json!`.
    let text = r#"{"id":"df0ccbd3a3a5ce1b5a0a1a4b","type":"sdkGroup","brandId":"360001234567",
        "displayName":null,"activeSwitchboardIntegration":null,
        "createdAt":"2024-01-09T17:00:00.000+00:00","lastUpdatedAt":"2024-01-09T17:00:00Z",
        "isDefault":false,"isDefault":true,"clientType":"sdk"}"#;
    let conversation: smooch_client::v2::models::Conversation = serde_json::from_str(text).unwrap();
    assert_eq!(conversation.r#type, Some(ConversationType::SdkGroup));
    assert_eq!(conversation.display_name, None);
    assert!(conversation.active_switchboard_integration.is_none());
    assert_eq!(conversation.created_at, conversation.last_updated_at);
    assert_eq!(conversation.is_default, Some(true), "the last value wins");
    assert_eq!(conversation.extra["brandId"], "360001234567");
    let written = serde_json::to_value(&conversation).unwrap();
    assert_eq!(
        written["brandId"], "360001234567",
        "unknown keys are written back"
    );
    assert_eq!(
        written["createdAt"], "2024-01-09T17:00:00.000+00:00",
        "times as received"
    );
    assert_eq!(written["clientType"], "sdk");

    let unknown: smooch_client::v2::models::Conversation =
        serde_json::from_str(r#"{"type":"broadcast"}"#).unwrap();
    assert_eq!(
        unknown.r#type,
        Some(ConversationType::Unknown("broadcast".into()))
    );
}

#[test]
fn a_create_body_needs_its_type_and_a_participant_exactly_one_user_key() {
    let error = serde_json::from_str::<ConversationCreate>(r#"{"participants":[]}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `type`"),
        "{error}"
    );
    let error = serde_json::from_str::<ConversationCreate>(
        r#"{"type":"personal","participants":[{"userId":"a","userExternalId":"b"}]}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("exactly one of `userId`, `userExternalId`"),
        "{error}"
    );
    let read: ConversationCreate = serde_json::from_str(
        r#"{"type":"personal","participants":[{"userId":null,"userExternalId":"b","subscribeSDKClient":true}]}"#,
    )
    .unwrap();
    assert_eq!(
        read.participants,
        [ParticipantJoin::user_external_id("b").with_subscribe_sdk_client(true)]
    );
}
