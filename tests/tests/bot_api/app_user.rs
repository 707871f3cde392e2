use httpmock::prelude::*;
use serde_json::json;
use smooch_client::models::{
    AppUserLink, AppUserMerge, AppUserPreCreate, AppUserUpdate, BusinessSystemType, ClientStatus,
    Confirmation, ConfirmationType, IntegrationType, MessagePost, Role,
};
use smooch_client::{AppUserApi, Upload};
use smooch_tests::{APP, BASIC};

use super::client;

/// A user id that needs encoding, to show it arrives as one segment.
const USER: &str = "ines+vip@example.com";
const USER_PATH: &str = "ines%2Bvip%40example.com";

fn user_path(rest: &str) -> String {
    format!("/v1.1/apps/{APP}/appusers/{USER_PATH}{rest}")
}

/// An `appUser` answer written from the spec.
fn app_user_answer() -> serde_json::Value {
    json!({"appUser": {
        "_id": "a3d95e7b1c04f2869e0d7b44",
        "userId": USER,
        "givenName": "Inês",
        "surname": "Carvalho",
        "email": "ines@example.com",
        "signedUpAt": "2019-07-11T10:41:52.271Z",
        "properties": {"plan": "gold"},
        "conversationStarted": true,
        "clients": [{
            "id": "5d1f7a3c-client", "status": "active", "platform": "whatsapp",
            "integrationId": "5d1f7a3c9e82b64f0a1c3e55", "displayName": "+351 912 345 678",
            "lastSeen": "2019-07-11T10:45:00.000Z", "info": {"phoneNumber": "+351912345678"}
        }],
        "pendingClients": []
    }})
}

#[tokio::test]
async fn get_app_user_decodes_the_profile_and_clients() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(user_path(""))
                .header("authorization", BASIC)
                .header("accept", "application/json")
                .header_missing("content-type");
            then.status(200).json_body(app_user_answer());
        })
        .await;
    let user = client(&server)
        .get_app_user(APP, USER)
        .await
        .unwrap()
        .app_user;
    mock.assert_async().await;
    assert_eq!(user.id, "a3d95e7b1c04f2869e0d7b44");
    assert_eq!(user.user_id.as_deref(), Some(USER));
    assert_eq!(user.given_name.as_deref(), Some("Inês"));
    assert_eq!(user.properties["plan"], "gold");
    assert_eq!(user.conversation_started, Some(true));
    let phone = &user.clients[0];
    assert_eq!(phone.platform, Some(IntegrationType::Whatsapp));
    assert_eq!(phone.status, Some(ClientStatus::Active));
    assert_eq!(phone.info.as_ref().unwrap()["phoneNumber"], "+351912345678");
}

#[tokio::test]
async fn update_pre_create_and_delete_send_their_bodies() {
    let server = MockServer::start_async().await;
    let update = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path(user_path(""))
                .header("content-type", "application/json")
                .json_body(json!({"surname": "Carvalho", "properties": {"plan": "gold"}}));
            then.status(200).json_body(app_user_answer());
        })
        .await;
    let create = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v1.1/apps/{APP}/appusers"))
                .json_body(json!({"userId": "customer-4711", "givenName": "Rui", "signedUpAt": "2019-07-11T10:41:52Z"}));
            then.status(201).json_body(app_user_answer());
        })
        .await;
    let delete = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(user_path(""))
                .header_missing("content-length");
            then.status(200).body("{}");
        })
        .await;
    let profile = server
        .mock_async(|when, then| {
            when.method(DELETE).path(user_path("/profile"));
            then.status(200).json_body(app_user_answer());
        })
        .await;
    let merge = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v1.1/apps/{APP}/appusers/merge"))
                .json_body(json!({"surviving": {"_id": "c81e"}, "discarded": {"_id": "d92f"}}));
            then.status(200).body("{}");
        })
        .await;
    let client = client(&server);
    let changes = AppUserUpdate::default()
        .with_surname("Carvalho")
        .with_property("plan", json!("gold"));
    let updated = client.update_app_user(APP, USER, &changes).await.unwrap();
    assert_eq!(updated.app_user.surname.as_deref(), Some("Carvalho"));
    let user = AppUserPreCreate::new("customer-4711")
        .with_given_name("Rui")
        .with_signed_up_at("2019-07-11T10:41:52Z");
    client.pre_create_app_user(APP, &user).await.unwrap();
    client.delete_app_user(APP, USER).await.unwrap();
    let kept = client.delete_app_user_profile(APP, USER).await.unwrap();
    assert_eq!(
        kept.map(|kept| kept.app_user.id).as_deref(),
        Some("a3d95e7b1c04f2869e0d7b44")
    );
    client
        .merge_users(APP, &AppUserMerge::new("c81e", "d92f"))
        .await
        .unwrap();
    for mock in [update, create, delete, profile, merge] {
        mock.assert_async().await;
    }
}

#[tokio::test]
async fn post_image_message_uploads_the_file_with_the_role() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(user_path("/images"))
                .header_matches("content-type", "^multipart/form-data; boundary=")
                .body_includes("name=\"source\"; filename=\"receipt.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n")
                .body_includes("name=\"role\"\r\n\r\nappUser\r\n");
            then.status(201).json_body(json!({
                "message": {"_id": "5f2b", "authorId": "a3d9", "role": "appUser", "type": "image",
                            "received": 1562843311.275, "mediaUrl": "https://media.smooch.io/receipt.jpg",
                            "mediaType": "image/jpeg", "text": " "},
                "conversation": {"_id": "0e8c", "unreadCount": 0}
            }));
        })
        .await;
    let sent = client(&server)
        .post_image_message(
            APP,
            USER,
            &Upload::new("receipt.jpg", &b"JPEG"[..]),
            Role::AppUser,
        )
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(
        sent.message.media_url.as_deref(),
        Some("https://media.smooch.io/receipt.jpg")
    );
}

#[tokio::test]
async fn channels_links_and_business_systems() {
    let server = MockServer::start_async().await;
    let channels = server
        .mock_async(|when, then| {
            when.method(GET).path(user_path("/channels"));
            then.status(200).json_body(json!({"channels": [
                {"type": "twilio", "integrationId": "i1", "phoneNumber": "+15145550100"},
                {"type": "telegram", "chatId": "42"},
                {"type": "kakao", "userId": "kk-7"}
            ]}));
        })
        .await;
    let link = server
        .mock_async(|when, then| {
            when.method(POST).path(user_path("/channels")).json_body(json!({
                "type": "twilio", "phoneNumber": "+15145550100",
                "confirmation": {"type": "prompt", "message": {"role": "appMaker", "type": "text", "text": "Continue by SMS?"}}
            }));
            then.status(200).json_body(app_user_answer());
        })
        .await;
    let unlink = server
        .mock_async(|when, then| {
            when.method(DELETE).path(user_path("/channels/messenger"));
            then.status(200).body("{}");
        })
        .await;
    let systems = server
        .mock_async(|when, then| {
            when.method(GET).path(user_path("/businesssystems"));
            then.status(200).json_body(json!({"businessSystems": [
                {"type": "zendesk", "ticketId": "88"}, {"type": "hipchat", "roomId": 7}
            ]}));
        })
        .await;
    let requests = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(user_path("/linkrequest"))
                .query_param("integrationIds", "i1,i2");
            then.status(200).json_body(json!({"linkRequests": [
                {"integrationId": "i1", "type": "messenger", "code": "abc", "url": "https://m.me/x?ref=abc"}
            ]}));
        })
        .await;
    let auth_code = server
        .mock_async(|when, then| {
            when.method(GET).path(user_path("/authcode"));
            then.status(200)
                .json_body(json!({"authCode": "ac_5d1f7a3c9e82b64f"}));
        })
        .await;
    let client = client(&server);
    let found = client
        .get_app_user_channels(APP, USER)
        .await
        .unwrap()
        .channels;
    assert_eq!(found[0].phone_number.as_deref(), Some("+15145550100"));
    assert_eq!(found[1].chat_id.as_deref(), Some("42"));
    assert!(
        found[2].r#type.is_unknown(),
        "an unknown channel still decodes"
    );
    let prompt = Confirmation::prompt(MessagePost::text(Role::AppMaker, "Continue by SMS?"));
    assert_eq!(prompt.r#type, ConfirmationType::Prompt);
    let linked =
        AppUserLink::new(IntegrationType::Twilio, prompt).with_phone_number("+15145550100");
    client.link_app_user(APP, USER, &linked).await.unwrap();
    client
        .unlink_app_user(APP, USER, &IntegrationType::Messenger)
        .await
        .unwrap();
    let systems_found = client
        .get_app_user_business_systems(APP, USER)
        .await
        .unwrap();
    assert_eq!(
        systems_found.business_systems[0].r#type,
        BusinessSystemType::Zendesk
    );
    assert_eq!(systems_found.business_systems[1].room_id, Some(7));
    let pending = client
        .get_link_requests(APP, USER, &["i1", "i2"])
        .await
        .unwrap();
    assert_eq!(pending.link_requests[0].code, "abc");
    let code = client.get_app_user_auth_code(APP, USER).await.unwrap();
    assert_eq!(code.auth_code.expose(), "ac_5d1f7a3c9e82b64f");
    assert!(
        !format!("{code:?}").contains("ac_5d1f"),
        "an auth code is a secret"
    );
    for mock in [channels, link, unlink, systems, requests, auth_code] {
        mock.assert_async().await;
    }
}
