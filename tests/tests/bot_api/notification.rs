use httpmock::prelude::*;
use serde_json::json;
use smooch_client::NotificationApi;
use smooch_client::models::{Author, NotificationDestination, NotificationPost};
use smooch_tests::{APP, BASIC};

use super::client;

#[tokio::test]
async fn post_notification_goes_to_the_v1_path_and_decodes_its_id() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v1/apps/{APP}/notifications"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({
                    "destination": {"integrationId": "5e1f438bf99fb467810c0ab9", "destinationId": "+15145555333"},
                    "messageSchema": "whatsapp",
                    "author": {"role": "appMaker", "name": "Acme"},
                    "message": {"type": "template", "template": {"name": "shipped"}}
                }));
            then.status(201)
                .json_body(json!({"notification": {"_id": "3b1e8f52-6c0d-4a97-b2e4-9d5f1a7c0e68"}}));
        })
        .await;
    let notification = NotificationPost::new(
        NotificationDestination::new("5e1f438bf99fb467810c0ab9", "+15145555333"),
        json!({"type": "template", "template": {"name": "shipped"}}),
    )
    .with_message_schema("whatsapp")
    .with_author(Author::app_maker().with_name("Acme"));
    let sent = client(&server)
        .post_notification(APP, &notification)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(sent.notification.id, "3b1e8f52-6c0d-4a97-b2e4-9d5f1a7c0e68");
}

#[test]
fn a_notification_body_without_its_destination_is_refused_when_decoded() {
    let error = serde_json::from_value::<NotificationPost>(json!({
        "author": {"role": "appMaker"},
        "message": {"type": "text", "text": "hi"}
    }))
    .unwrap_err()
    .to_string();
    assert!(error.contains("missing field `destination`"), "{error}");
    let error = serde_json::from_value::<NotificationPost>(json!({
        "destination": {"integrationId": null, "destinationId": "+1"},
        "author": {"role": "appMaker"},
        "message": {}
    }))
    .unwrap_err()
    .to_string();
    assert!(error.starts_with("NotificationPost.destination"), "{error}");
}
