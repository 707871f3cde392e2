//! Attachments: upload (multipart), the file served at its `mediaUrl`, and delete.

use smooch_client::Upload;
use smooch_client::v2::AttachmentsApi;
use smooch_client::v2::models::{
    AttachmentAccess, AttachmentDelete, AttachmentFor, UploadAttachmentOptions,
};

use super::{APP, personal, refused, start, user};

#[tokio::test]
async fn files_are_uploaded_served_and_deleted() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let file = Upload::new("hinge.png", vec![0x89, b'P', b'N', b'G', 1, 2, 3]);
    let options = UploadAttachmentOptions::default()
        .with_for(AttachmentFor::Message)
        .with_conversation_id(conversation);
    let uploaded = v2
        .upload_attachment(APP, &file, AttachmentAccess::Public, &options)
        .await
        .unwrap()
        .attachment
        .unwrap();
    assert_eq!(uploaded.media_type.as_deref(), Some("image/png"));
    let url = uploaded.media_url.unwrap();
    assert!(url.ends_with("/hinge.png"), "{url}");
    let served = reqwest::get(&url).await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(
        served.bytes().await.unwrap().as_ref(),
        file.bytes().as_ref()
    );

    v2.delete_attachment(APP, &AttachmentDelete::new(&url))
        .await
        .unwrap();
    assert_eq!(reqwest::get(&url).await.unwrap().status(), 404);
    assert_eq!(
        refused(
            v2.delete_attachment(APP, &AttachmentDelete::new(&url))
                .await
        ),
        (404, "not_found".into(), "Attachment not found".into())
    );
}

#[tokio::test]
async fn uploads_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    let file = Upload::new("a.txt", "hello");
    let private = AttachmentAccess::from("private");
    let none = UploadAttachmentOptions::default();
    let (status, _, title) = refused(v2.upload_attachment(APP, &file, private, &none).await);
    assert_eq!(status, 400);
    assert!(title.contains("public"), "{title}");
    let other = UploadAttachmentOptions::default().with_for(AttachmentFor::from("avatar"));
    assert_eq!(
        refused(
            v2.upload_attachment(APP, &file, AttachmentAccess::Public, &other)
                .await
        )
        .0,
        400
    );
    let elsewhere = UploadAttachmentOptions::default().with_conversation_id("c".repeat(24));
    assert_eq!(
        refused(
            v2.upload_attachment(APP, &file, AttachmentAccess::Public, &elsewhere)
                .await
        )
        .1,
        "conversation_not_found"
    );
    let big = Upload::new("big.bin", vec![0u8; 50 * 1024 * 1024 + 1]);
    let (status, code, _) = refused(
        v2.upload_attachment(APP, &big, AttachmentAccess::Public, &none)
            .await,
    );
    assert_eq!((status, code.as_str()), (413, "payload_too_large"));
    assert_eq!(
        refused(
            v2.delete_attachment(APP, &AttachmentDelete::new("https://elsewhere.example/x"))
                .await
        )
        .1,
        "not_found"
    );
    assert_eq!(
        refused(v2.delete_attachment(APP, &AttachmentDelete::new("")).await).0,
        400
    );
}
