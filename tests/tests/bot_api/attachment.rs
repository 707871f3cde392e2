use httpmock::prelude::*;
use serde_json::json;
use smooch_client::models::{AttachmentAccess, AttachmentRemove, UploadAttachmentOptions};
use smooch_client::{AttachmentApi, Error, Upload};
use smooch_tests::{APP, BASIC};

use super::client;

#[tokio::test]
async fn upload_attachment_sends_the_file_as_multipart_with_its_query() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v1.1/apps/{APP}/attachments"))
                .query_param("access", "public")
                .query_param("for", "message")
                .query_param("userId", "bob@example.com")
                .query_param_missing("appUserId")
                .header("authorization", BASIC)
                .header("accept", "application/json")
                .header_matches("content-type", "^multipart/form-data; boundary=")
                .body_includes(
                    "Content-Disposition: form-data; name=\"source\"; filename=\"receipt.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n",
                );
            then.status(201).json_body(json!({
                "mediaUrl": "https://media.smooch.io/apps/5963c0d619a30a2e00de36b8/receipt.pdf",
                "mediaType": "application/pdf"
            }));
        })
        .await;
    let uploaded = client(&server)
        .upload_attachment(
            APP,
            &Upload::new("receipt.pdf", &b"%PDF-1.7"[..]),
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default()
                .with_for_message("message")
                .with_user_id("bob@example.com"),
        )
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(
        uploaded.media_url,
        "https://media.smooch.io/apps/5963c0d619a30a2e00de36b8/receipt.pdf"
    );
    assert_eq!(uploaded.media_type, "application/pdf");
}

#[tokio::test]
async fn an_upload_is_not_repeated_after_it_may_have_been_stored() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v1.1/apps/{APP}/attachments"));
            then.status(503);
        })
        .await;
    let error = client(&server)
        .upload_attachment(
            APP,
            &Upload::new("a.png", &b"x"[..]),
            AttachmentAccess::Private,
            &UploadAttachmentOptions::default(),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    assert!(error.may_have_been_delivered());
    assert_eq!(
        mock.calls_async().await,
        1,
        "a POST that may have taken effect is not re-sent"
    );
}

#[tokio::test]
async fn remove_attachment_posts_the_url() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v1.1/apps/{APP}/attachments/remove"))
                .header("content-type", "application/json")
                .json_body(json!({"mediaUrl": "https://media.smooch.io/x.png"}));
            then.status(200).body("{}");
        })
        .await;
    client(&server)
        .remove_attachment(APP, &AttachmentRemove::new("https://media.smooch.io/x.png"))
        .await
        .unwrap();
    mock.assert_async().await;
}
