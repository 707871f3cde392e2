//! Clients: the 3 operations on the wire, the clients stream, and the client models.

use httpmock::prelude::*;
use serde_json::{Value, json};
use smooch_client::models::Unknown;
use smooch_client::v2::ClientsApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    Client, ClientCreate, ClientStatus, ClientType, Confirmation, ConfirmationType, DateTime,
    MatchCriteria, MatchCriteriaPhone, Page,
};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Clients",
        "CreateClient",
        "POST",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/clients",
        201,
    ),
    row(
        "Clients",
        "ListClients",
        "GET",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/clients",
        200,
    ),
    row(
        "Clients",
        "RemoveClient",
        "DELETE",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/clients/<client_id>",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateClient" => {
            let link = ClientCreate::new(
                MatchCriteria::twilio(ID, "+1"),
                Confirmation::immediate(),
                ID,
            );
            boxed(v2.create_client(ID, ID, &link, Some(ID)))
        }
        "ListClients" => boxed(v2.list_clients(ID, ID, &Page::first(), Some(ID))),
        "RemoveClient" => boxed(v2.remove_client(ID, ID, ID, Some(ID))),
        _ => None,
    }
}

/// The user, named by an `externalId` that must be encoded, and its encoding.
const USER: (&str, &str) = ("sms user/1", "sms%20user%2F1");
/// A brand id.
const BRAND: &str = "360004155631";
/// The twilio integration.
const TWILIO: &str = "5e4af71a81966c000f7f8cd1";
/// A conversation.
const CONVERSATION: &str = "c7f6e6d6c3a637261bd9656f";

fn user_path(rest: &str) -> String {
    format!("/v2/apps/{APP}/users/{}/clients{rest}", USER.1)
}

/// A twilio client as the sheet's example answers it.
fn client_json(id: &str, status: &str) -> Value {
    json!({
        "id": id,
        "type": "twilio",
        "status": status,
        "integrationId": TWILIO,
        "externalId": "+15145555555",
        "lastSeen": "2019-01-14T18:55:12.515+00:00",
        "linkedAt": "2019-01-14T18:55:12.515Z",
        "displayName": "+15145555555",
        "avatarUrl": "https://example.org/a.png",
        "info": {"phoneNumber": "+15145555555", "city": "Montreal", "country": "CA", "state": "QC"},
        "raw": {"From": "+15145555555", "FromCity": "MONTREAL"}
    })
}

#[tokio::test]
async fn create_client_posts_the_match_the_confirmation_and_the_target() {
    let server = MockServer::start_async().await;
    let path = user_path("");
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .query_param("brandId", BRAND)
                .is_true(move |request| request.uri().path() == path)
                .json_body(json!({
                    "matchCriteria": {"type": "twilio", "integrationId": TWILIO,
                                      "primary": false, "phoneNumber": "+15145555555"},
                    "confirmation": {"type": "prompt", "message": {
                        "author": {"type": "business"},
                        "content": {"type": "text", "text": "Reply YES"}}},
                    "target": {"conversationId": CONVERSATION}
                }));
            then.status(201)
                .json_body(json!({"client": client_json("5e4af71a81966c000f7f8cc0", "pending")}));
        })
        .await;
    let sms =
        MatchCriteria::Twilio(MatchCriteriaPhone::new(TWILIO, "+15145555555").with_primary(false));
    let confirmation = Confirmation::prompt().with_message(json!({
        "author": {"type": "business"},
        "content": {"type": "text", "text": "Reply YES"}
    }));
    let link = ClientCreate::new(sms, confirmation, CONVERSATION);
    let created = v2(&server)
        .create_client(APP, USER.0, &link, Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
    let client = created.client.unwrap();
    assert_eq!(client.id.as_deref(), Some("5e4af71a81966c000f7f8cc0"));
    assert_eq!(client.r#type, Some(ClientType::Twilio));
    assert_eq!(client.status, Some(ClientStatus::Pending));
    assert_eq!(client.integration_id.as_deref(), Some(TWILIO));
    assert_eq!(client.external_id.as_deref(), Some("+15145555555"));
    assert_eq!(client.last_seen, client.linked_at, "+00:00 is Z");
    assert_eq!(
        client.last_seen.unwrap().unix_millis(),
        Some(1_547_492_112_515)
    );
    assert_eq!(client.display_name.as_deref(), Some("+15145555555"));
    assert_eq!(
        client.avatar_url.as_deref(),
        Some("https://example.org/a.png")
    );
    assert_eq!(client.info.unwrap()["city"], "Montreal");
    assert_eq!(client.raw.unwrap()["FromCity"], "MONTREAL");
}

#[tokio::test]
async fn list_clients_sends_the_page_and_brand_and_reads_the_page() {
    let server = MockServer::start_async().await;
    let path = user_path("");
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .header("authorization", BASIC)
                .query_param("page[after]", "5e4af71a81966c000f7f8cc0")
                .query_param("page[size]", "10")
                .query_param("brandId", BRAND)
                .query_param_count(".*", ".*", 3)
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({
                "clients": [client_json("5e4af71a81966c000f7f8cc1", "active"),
                            {"id": "5e4af71a81966c000f7f8cc2", "type": "sdk", "status": "inactive"}],
                "meta": {"hasMore": false}
            }));
        })
        .await;
    let page = Page::after("5e4af71a81966c000f7f8cc0").with_size(10);
    let list = v2(&server)
        .list_clients(APP, USER.0, &page, Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.clients.len(), 2);
    assert_eq!(list.clients[0].status, Some(ClientStatus::Active));
    assert_eq!(list.clients[1].r#type, Some(ClientType::Sdk));
    assert_eq!(list.clients[1].status, Some(ClientStatus::Inactive));
    assert_eq!(list.meta.unwrap().has_more, Some(false));
    assert!(list.links.is_none(), "the sheet's examples send no links");
}

#[tokio::test]
async fn remove_client_accepts_an_empty_object_and_an_sdk_client_is_refused() {
    let server = MockServer::start_async().await;
    let path = user_path("/5e4af71a81966c000f7f8cc0");
    let removed = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .header("authorization", BASIC)
                .query_param_missing("brandId")
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({}));
        })
        .await;
    let sdk_path = user_path("/sdk%20client");
    let refused = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .is_true(move |request| request.uri().path() == sdk_path);
            then.status(400).json_body(json!({"errors": [
                {"code": "bad_request", "title": "SDK clients cannot be removed"}
            ]}));
        })
        .await;
    v2(&server)
        .remove_client(APP, USER.0, "5e4af71a81966c000f7f8cc0", None)
        .await
        .unwrap();
    removed.assert_async().await;
    let error = v2(&server)
        .remove_client(APP, USER.0, "sdk client", None)
        .await
        .unwrap_err();
    refused.assert_async().await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
}

fn ids(items: &[smooch_client::Result<Client>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|client| client.id.clone().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_clients_stream_walks_two_pages_with_the_brand_on_each() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let path = user_path("");
    let first = server
        .mock_async(|when, then| {
            let path = path.clone();
            when.method(GET)
                .query_param_missing("page[after]")
                .query_param("page[size]", "100")
                .query_param("brandId", BRAND)
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({
                "clients": [client_json("c1", "active"), client_json("c2", "active")],
                "meta": {"hasMore": true, "afterCursor": "c2"},
                "links": {"next": "https://api.smooch.io/next"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .query_param("page[after]", "c2")
                .query_param("brandId", BRAND)
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({
                "clients": [client_json("c3", "blocked")],
                "meta": {"hasMore": false}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server)
        .clients(APP, USER.0, Some(BRAND))
        .collect()
        .await;
    first.assert_async().await;
    second.assert_async().await;
    assert_eq!(ids(&items), ["c1", "c2", "c3"]);
    assert!(items.iter().all(Result::is_ok), "{items:?}");
}

#[tokio::test]
async fn the_clients_stream_ends_on_a_repeated_cursor() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.method(GET).query_param_missing("page[after]");
            then.status(200).json_body(json!({
                "clients": [client_json("c1", "active")],
                "meta": {"hasMore": true, "afterCursor": "c1"}
            }));
        })
        .await;
    let again = server
        .mock_async(|when, then| {
            when.method(GET).query_param("page[after]", "c1");
            then.status(200).json_body(json!({
                "clients": [client_json("c1", "active"), client_json("c2", "active")],
                "meta": {"hasMore": true, "afterCursor": "c1"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server).clients(APP, USER.0, None).collect().await;
    first.assert_async().await;
    assert_eq!(again.calls_async().await, 1);
    assert_eq!(ids(&items), ["c1", "c2"]);
    let error = items.last().unwrap().as_ref().unwrap_err();
    let smooch_client::Error::Pagination(stall) = error else {
        panic!("{error}")
    };
    assert_eq!(stall.stream, "clients");
}

mod decoding {
    use super::*;

    #[test]
    fn a_client_read_is_written_back_with_every_key_and_unknown_values_kept() {
        let mut json = client_json("c1", "suspended");
        json["type"] = json!("rcs");
        json["info"]["newInfo"] = json!([1]);
        json["brandNew"] = json!(true);
        let client: Client = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(client.r#type, Some(ClientType::Unknown("rcs".into())));
        assert_eq!(
            client.status,
            Some(ClientStatus::Unknown("suspended".into()))
        );
        assert_eq!(client.extra["brandNew"], true);
        assert_eq!(client.info.as_ref().unwrap()["newInfo"], json!([1]));
        assert_eq!(serde_json::to_value(&client).unwrap(), json);
    }

    #[test]
    fn nulls_read_as_absent_and_repeated_keys_keep_the_last() {
        let client: Client = serde_json::from_str(
            r#"{"id":"c1","integrationId":null,"externalId":null,"lastSeen":null,
                "linkedAt":null,"displayName":null,"avatarUrl":null,"info":null,"raw":null,
                "status":"pending","status":"active"}"#,
        )
        .unwrap();
        assert_eq!(client.integration_id, None);
        assert_eq!(client.last_seen, None);
        assert_eq!(client.info, None);
        assert_eq!(client.status, Some(ClientStatus::Active));
        assert_eq!(
            serde_json::to_value(&client).unwrap(),
            json!({"id": "c1", "status": "active"})
        );
    }

    #[test]
    fn a_time_that_is_not_rfc_3339_is_kept_rather_than_failing_the_client() {
        let client: Client = serde_json::from_value(json!({"lastSeen": "yesterday"})).unwrap();
        let last_seen: &DateTime = client.last_seen.as_ref().unwrap();
        assert!(!last_seen.is_valid());
        assert_eq!(last_seen.as_str(), "yesterday");
    }

    #[test]
    fn each_match_criteria_sends_its_type_and_is_read_back_strictly() {
        let criteria = [
            (
                MatchCriteria::mailgun("i1", "steve@example.com"),
                json!({"type": "mailgun", "integrationId": "i1", "address": "steve@example.com"}),
            ),
            (
                MatchCriteria::messagebird("i2", "+1"),
                json!({"type": "messagebird", "integrationId": "i2", "phoneNumber": "+1"}),
            ),
            (
                MatchCriteria::twilio("i3", "+1"),
                json!({"type": "twilio", "integrationId": "i3", "phoneNumber": "+1"}),
            ),
            (
                MatchCriteria::whatsapp("i4", "+1"),
                json!({"type": "whatsapp", "integrationId": "i4", "phoneNumber": "+1"}),
            ),
        ];
        for (match_criteria, json) in criteria {
            assert_eq!(serde_json::to_value(&match_criteria).unwrap(), json);
            let read: MatchCriteria = serde_json::from_value(json.clone()).unwrap();
            assert_eq!(read, match_criteria, "{json}");
        }
        let error = serde_json::from_value::<MatchCriteria>(
            json!({"type": "twilio", "integrationId": "i3"}),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("`phoneNumber`"), "{error}");
    }

    #[test]
    fn an_unknown_match_criteria_is_sent_and_read_back_unchanged() {
        let mut kakao = Unknown::new("kakao");
        kakao.fields.insert("integrationId".into(), json!("i5"));
        kakao.fields.insert("kakaoId".into(), json!("k-1"));
        let link = ClientCreate::new(MatchCriteria::Other(kakao), Confirmation::immediate(), "c");
        let sent = serde_json::to_value(&link).unwrap();
        assert_eq!(
            sent["matchCriteria"],
            json!({"type": "kakao", "integrationId": "i5", "kakaoId": "k-1"})
        );
        let read: ClientCreate = serde_json::from_value(sent).unwrap();
        assert_eq!(read, link);
    }

    #[test]
    fn a_client_create_requires_its_three_parts_and_the_confirmation_type() {
        let whole = json!({
            "matchCriteria": {"type": "twilio", "integrationId": "i", "phoneNumber": "+1"},
            "confirmation": {"type": "userActivity"},
            "target": {"conversationId": "c"}
        });
        let read: ClientCreate = serde_json::from_value(whole.clone()).unwrap();
        assert_eq!(read.confirmation.r#type, ConfirmationType::UserActivity);
        assert_eq!(
            read,
            ClientCreate::new(
                MatchCriteria::twilio("i", "+1"),
                Confirmation::user_activity(),
                "c"
            )
        );
        for (key, field) in [
            ("matchCriteria", "matchCriteria"),
            ("confirmation", "confirmation"),
            ("target", "target"),
        ] {
            let mut body = whole.clone();
            body.as_object_mut().unwrap().remove(key);
            let error = serde_json::from_value::<ClientCreate>(body)
                .unwrap_err()
                .to_string();
            assert!(error.contains(&format!("`{field}`")), "{error}");
        }
        let mut body = whole.clone();
        body["confirmation"]["type"] = json!(null);
        let error = serde_json::from_value::<ClientCreate>(body)
            .unwrap_err()
            .to_string();
        assert!(error.contains("`type`"), "{error}");
        let mut body = whole;
        body["target"] = json!({});
        let error = serde_json::from_value::<ClientCreate>(body)
            .unwrap_err()
            .to_string();
        assert!(error.contains("`conversationId`"), "{error}");
    }
}
