//! Attachments.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::AttachmentsApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    AttachmentAccess, AttachmentDelete, AttachmentFor, UploadAttachmentOptions,
};
use smooch_client::{Error, Upload};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::conversations::CONVERSATION;
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Attachments",
        "UploadAttachment",
        "POST",
        "/v2/apps/<app_id>/attachments",
        201,
    ),
    row(
        "Attachments",
        "DeleteAttachment",
        "POST",
        "/v2/apps/<app_id>/attachments/remove",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "UploadAttachment" => boxed(v2.upload_attachment(
            ID,
            &Upload::new("a.png", &b"x"[..]),
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default(),
        )),
        "DeleteAttachment" => boxed(v2.delete_attachment(ID, &AttachmentDelete::new("u"))),
        _ => None,
    }
}

const MEDIA_URL: &str = "https://media.smooch.io/apps/5963c0d619a30a2e00de36b8/conversations/df0ccbd3a3a5ce1b5a0a1a4b/a1/receipt.pdf";

#[tokio::test]
async fn upload_attachment_sends_the_file_as_the_part_source_with_its_query() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/attachments"))
                .query_param("access", "public")
                .query_param("for", "message")
                .query_param("conversationId", CONVERSATION)
                .query_param_count(".*", ".*", 3)
                .header("authorization", BASIC)
                .header_matches("content-type", "^multipart/form-data; boundary=")
                .body_includes(
                    "Content-Disposition: form-data; name=\"source\"; filename=\"receipt.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n",
                );
            then.status(201).json_body(json!({"attachment": {
                "mediaUrl": MEDIA_URL, "mediaType": "application/pdf"
            }}));
        })
        .await;
    let options = UploadAttachmentOptions::default()
        .with_for(AttachmentFor::Message)
        .with_conversation_id(CONVERSATION);
    let uploaded = v2(&server)
        .upload_attachment(
            APP,
            &Upload::new("receipt.pdf", &b"%PDF-1.7"[..]),
            AttachmentAccess::Public,
            &options,
        )
        .await
        .unwrap()
        .attachment
        .unwrap();
    mock.assert_async().await;
    assert_eq!(uploaded.media_url.as_deref(), Some(MEDIA_URL));
    assert_eq!(uploaded.media_type.as_deref(), Some("application/pdf"));
}

#[tokio::test]
async fn upload_attachment_without_options_sends_only_access_and_is_not_repeated() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/attachments"))
                .query_param("access", "public")
                .query_param_count(".*", ".*", 1);
            then.status(503);
        })
        .await;
    let error = v2(&server)
        .upload_attachment(
            APP,
            &Upload::new("a.png", &b"x"[..]),
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default(),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error:?}");
    assert_eq!(mock.calls_async().await, 1, "an upload is not sent twice");
}

#[tokio::test]
async fn delete_attachment_posts_the_url_and_a_first_404_says_not_found() {
    let server = MockServer::start_async().await;
    let deleted = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/attachments/remove"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({"mediaUrl": MEDIA_URL}));
            then.status(200).json_body(json!({}));
        })
        .await;
    v2(&server)
        .delete_attachment(APP, &AttachmentDelete::new(MEDIA_URL))
        .await
        .unwrap();
    deleted.assert_async().await;

    let missing = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/attachments/remove"))
                .json_body(json!({"mediaUrl": "https://media.smooch.io/gone.png"}));
            then.status(404)
                .json_body(json!({"errors": [{"code": "not_found", "title": "Not found"}]}));
        })
        .await;
    // A first answer: a 404 is a 404 (nothing says it may have been deleted by this call).
    let error = v2(&server)
        .delete_attachment(
            APP,
            &AttachmentDelete::new("https://media.smooch.io/gone.png"),
        )
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
}

/// A server on 127.0.0.1 that answers its n-th connection with the n-th status (and `{}`), and
/// counts them.
async fn answering(
    statuses: &'static [u16],
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let status = statuses[n.min(statuses.len() - 1)];
            let mut request = [0u8; 8192];
            let _ = socket.read(&mut request).await;
            let reply = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{{}}"
            );
            let _ = socket.write_all(reply.as_bytes()).await;
        }
    });
    (base, count)
}

#[tokio::test]
async fn delete_attachment_retried_after_a_503_succeeds_when_the_retry_is_answered_404() {
    let (base, count) = answering(&[503, 404]).await;
    super::v2_at(&base)
        .delete_attachment(APP, &AttachmentDelete::new(MEDIA_URL))
        .await
        .unwrap();
    assert_eq!(
        count.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "tried, retried, and the file was gone"
    );
}

#[test]
fn the_delete_body_requires_its_url() {
    let error = serde_json::from_str::<AttachmentDelete>(r#"{"mediaUrl":null}"#).unwrap_err();
    assert!(
        error.to_string().contains("`mediaUrl` is required"),
        "{error}"
    );
}
