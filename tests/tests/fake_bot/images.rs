//! Image messages: the file is stored and served, the message is stored in the conversation and
//! sent to the webhooks like any posted message.

use std::time::Duration;

use smooch_client::fake::{DeliveryPolicy, FakeSmooch};
use smooch_client::models::{MessageType, Role, WebhookCreate, WebhookTrigger};
use smooch_client::{AppUserApi, ConversationApi, Upload, WebhookApi};

use super::{APP, refused, start};
use smooch_client::models::Cursor;

const USER: &str = "customer-4711";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n-a-picture";

#[tokio::test]
async fn an_image_message_is_stored_served_and_sent_to_the_webhooks() {
    let (fake, client) = start().await;
    // Nothing listens on port 1: the delivery fails, and is recorded with its payload.
    let hook = WebhookCreate::new("http://127.0.0.1:1/hook")
        .with_triggers([WebhookTrigger::MessageAppMaker]);
    client.create_webhook(APP, &hook).await.unwrap();
    fake.set_delivery_policy(
        DeliveryPolicy::default()
            .with_retries(0)
            .with_backoff(Duration::from_millis(1)),
    );

    let posted = client
        .post_image_message(APP, USER, &Upload::new("shoes.png", PNG), Role::AppMaker)
        .await
        .unwrap();
    let message = &posted.message;
    assert_eq!(message.r#type, MessageType::Image);
    assert_eq!(message.role, Role::AppMaker);
    assert_eq!(message.media_type.as_deref(), Some("image/png"));
    let media_url = message.media_url.clone().expect("a media URL");
    assert!(media_url.starts_with(fake.base_url()), "{media_url}");
    let served = reqwest::get(&media_url)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&served[..], PNG);

    let page = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(page.messages, vec![posted.message.clone()]);
    assert_eq!(page.conversation.map(|c| c.unread_count), Some(1));

    fake.deliveries_settled().await;
    let deliveries = fake.deliveries();
    assert_eq!(deliveries.len(), 1, "{deliveries:?}");
    assert_eq!(deliveries[0].trigger, WebhookTrigger::MessageAppMaker);
    assert_eq!(
        deliveries[0].payload["messages"][0]["mediaUrl"],
        media_url.as_str()
    );
    assert_eq!(
        deliveries[0].payload["messages"][0]["_id"],
        posted.message.id.as_str()
    );
}

#[tokio::test]
async fn a_user_sends_an_image_to_the_conversation_of_their_user_id() {
    let (fake, client) = start().await;
    let created = client
        .pre_create_app_user(APP, &smooch_client::models::AppUserPreCreate::new(USER))
        .await
        .unwrap()
        .app_user;
    let posted = client
        .post_image_message(APP, USER, &Upload::new("me.jpg", PNG), Role::AppUser)
        .await
        .unwrap();
    assert_eq!(posted.message.author_id, created.id);
    assert_eq!(posted.message.media_type.as_deref(), Some("image/jpeg"));
    let stored = fake.conversation(APP, &created.id).unwrap();
    assert_eq!(stored.messages, vec![posted.message]);
}

#[tokio::test]
async fn a_file_that_is_not_an_image_is_refused_and_nothing_is_stored() {
    let (fake, client) = start().await;
    let error = client
        .post_image_message(APP, USER, &Upload::new("notes.txt", "text"), Role::AppMaker)
        .await
        .unwrap_err();
    let description = refused(error, 400, "bad_request");
    assert!(description.contains("`text/plain`"), "{description}");
    assert!(fake.conversation(APP, USER).is_none());
    assert!(fake.app_user(APP, USER).is_none());
}

#[tokio::test]
async fn an_image_needs_a_known_role() {
    let (fake, client) = start().await;
    let error = client
        .post_image_message(APP, USER, &Upload::new("a.png", PNG), Role::from("whisper"))
        .await
        .unwrap_err();
    let description = refused(error, 400, "bad_request");
    assert!(description.contains("got `whisper`"), "{description}");
    assert!(fake.conversation(APP, USER).is_none());
}

#[tokio::test]
async fn a_body_without_a_source_file_is_refused() {
    // The typed client always sends `source`; a hand-made body shows the fake checks it.
    let fake = FakeSmooch::start().await.unwrap();
    let url = format!("{}/v1.1/apps/{APP}/appusers/{USER}/images", fake.base_url());
    let form = reqwest::multipart::Form::new().text("role", "appMaker");
    let response = reqwest::Client::new()
        .post(&url)
        .basic_auth(FakeSmooch::KEY_ID, Some(FakeSmooch::SECRET))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    assert!(
        body["error"]["description"]
            .as_str()
            .unwrap()
            .contains("`source`")
    );
    let json = reqwest::Client::new()
        .post(&url)
        .basic_auth(FakeSmooch::KEY_ID, Some(FakeSmooch::SECRET))
        .header("content-type", "application/json")
        .body(r#"{"role": "appMaker"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(json.status(), 400);
    assert!(fake.conversation(APP, USER).is_none());
}
