//! Attachments: an upload is served by the fake at the URL it answers, until removed.

use reqwest::StatusCode;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::{
    AppUserPreCreate, AttachmentAccess, AttachmentRemove, UploadAttachmentOptions,
};
use smooch_client::{AppUserApi, AttachmentApi, Client, Upload};

use super::{APP, refused, start};

/// The largest file the API takes.
const TEN_MB: usize = 10 * 1024 * 1024;

async fn upload(client: &Client, file: &Upload, access: AttachmentAccess) -> String {
    client
        .upload_attachment(APP, file, access, &UploadAttachmentOptions::default())
        .await
        .expect("the upload is accepted")
        .media_url
}

/// `GET url`, with the fake's credentials when `authorized`: the status, content type and body.
async fn fetch(url: &str, authorized: bool) -> (StatusCode, String, Vec<u8>) {
    let mut request = reqwest::Client::new().get(url);
    if authorized {
        request = request.basic_auth(FakeSmooch::KEY_ID, Some(FakeSmooch::SECRET));
    }
    let response = request.send().await.expect("the fake answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.bytes().await.expect("a body").to_vec();
    (status, content_type, body)
}

#[tokio::test]
async fn an_upload_answers_a_url_the_fake_serves_with_its_content_type() {
    let (fake, client) = start().await;
    let receipt = Upload::new("receipt 1.pdf", &b"%PDF-1.7 receipt"[..]);
    let uploaded = client
        .upload_attachment(
            APP,
            &receipt,
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default(),
        )
        .await
        .unwrap();
    assert_eq!(uploaded.media_type, "application/pdf");
    assert!(
        uploaded.media_url.starts_with(fake.base_url()),
        "{}",
        uploaded.media_url
    );
    assert!(
        uploaded.media_url.ends_with("/receipt%201.pdf"),
        "{}",
        uploaded.media_url
    );
    let (status, content_type, body) = fetch(&uploaded.media_url, false).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
    assert_eq!(body, b"%PDF-1.7 receipt");
}

#[tokio::test]
async fn a_private_attachment_is_served_only_with_the_apps_credentials() {
    let (_fake, client) = start().await;
    let url = upload(
        &client,
        &Upload::new("x.png", &b"png"[..]),
        AttachmentAccess::Private,
    )
    .await;
    assert_eq!(fetch(&url, false).await.0, StatusCode::UNAUTHORIZED);
    let (status, content_type, body) = fetch(&url, true).await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "image/png")
    );
    assert_eq!(body, b"png");
}

#[tokio::test]
async fn an_upload_names_a_known_user_if_it_names_one() {
    let (_fake, client) = start().await;
    client
        .pre_create_app_user(APP, &AppUserPreCreate::new("customer-4711"))
        .await
        .unwrap();
    let file = Upload::new("a.txt", "text");
    let tied = client
        .upload_attachment(
            APP,
            &file,
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default()
                .with_for_message("message")
                .with_user_id("customer-4711"),
        )
        .await
        .unwrap();
    assert_eq!(fetch(&tied.media_url, false).await.2, b"text");

    let unknown = client
        .upload_attachment(
            APP,
            &file,
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default()
                .with_for_message("message")
                .with_app_user_id("nobody"),
        )
        .await
        .unwrap_err();
    refused(unknown, 404, "user_not_found");
    // The user is optional, also with `for=message` (the API documents no link between them).
    let for_a_message = client
        .upload_attachment(
            APP,
            &file,
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default().with_for_message("message"),
        )
        .await
        .unwrap();
    assert_eq!(fetch(&for_a_message.media_url, false).await.2, b"text");
    let forever = client
        .upload_attachment(
            APP,
            &file,
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default().with_for_message("ever"),
        )
        .await
        .unwrap_err();
    assert!(refused(forever, 400, "bad_request").contains("got `ever`"));
    let shared = client
        .upload_attachment(
            APP,
            &file,
            AttachmentAccess::from("shared"),
            &UploadAttachmentOptions::default(),
        )
        .await
        .unwrap_err();
    assert!(refused(shared, 400, "bad_request").contains("`access`"));
}

#[tokio::test]
async fn a_file_over_10_mb_is_a_413_and_10_mb_is_taken() {
    let (_fake, client) = start().await;
    let largest = Upload::new("big.bin", vec![7u8; TEN_MB]);
    let url = upload(&client, &largest, AttachmentAccess::Public).await;
    assert_eq!(fetch(&url, false).await.2.len(), TEN_MB);

    let over = Upload::new("bigger.bin", vec![7u8; TEN_MB + 1]);
    let error = client
        .upload_attachment(
            APP,
            &over,
            AttachmentAccess::Public,
            &UploadAttachmentOptions::default(),
        )
        .await
        .unwrap_err();
    assert!(refused(error, 413, "payload_too_large").contains("10 MB"));
}

#[tokio::test]
async fn a_removed_attachment_is_no_longer_served() {
    let (_fake, client) = start().await;
    let url = upload(
        &client,
        &Upload::new("a.txt", "text"),
        AttachmentAccess::Public,
    )
    .await;
    let kept = upload(
        &client,
        &Upload::new("b.txt", "kept"),
        AttachmentAccess::Public,
    )
    .await;
    client
        .remove_attachment(APP, &AttachmentRemove::new(url.clone()))
        .await
        .unwrap();
    assert_eq!(fetch(&url, false).await.0, StatusCode::NOT_FOUND);
    assert_eq!(fetch(&kept, false).await.2, b"kept", "only the one removed");

    let again = client
        .remove_attachment(APP, &AttachmentRemove::new(url.clone()))
        .await
        .unwrap_err();
    refused(again, 404, "attachment_not_found");
}

#[tokio::test]
async fn removing_needs_a_url_of_one_of_the_apps_attachments() {
    let (_fake, client) = start().await;
    let url = upload(
        &client,
        &Upload::new("a.txt", "text"),
        AttachmentAccess::Public,
    )
    .await;
    let empty = client
        .remove_attachment(APP, &AttachmentRemove::new(""))
        .await
        .unwrap_err();
    assert!(refused(empty, 400, "bad_request").contains("`mediaUrl`"));
    let foreign = client
        .remove_attachment(
            APP,
            &AttachmentRemove::new("https://media.smooch.io/apps/a/x.png"),
        )
        .await
        .unwrap_err();
    refused(foreign, 404, "attachment_not_found");
    let other_app = client
        .remove_attachment("another_app", &AttachmentRemove::new(url.clone()))
        .await
        .unwrap_err();
    refused(other_app, 404, "attachment_not_found");
    assert_eq!(fetch(&url, false).await.2, b"text", "still served");
}
