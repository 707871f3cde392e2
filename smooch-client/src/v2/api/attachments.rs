//! Attachments: files uploaded to send as messages' media.

use crate::v2::V2;
use crate::v2::models::{
    AttachmentAccess, AttachmentDelete, AttachmentResponse, UploadAttachmentOptions,
};
use crate::{Result, Upload, endpoint};

/// Files uploaded to the platform, served at a URL to send as an image or file message's
/// `mediaUrl`. Integration, app or account scope.
///
/// ```no_run
/// use smooch_client::Upload;
/// use smooch_client::v2::{AttachmentsApi, MessagesApi};
/// use smooch_client::v2::models::{
///     AttachmentAccess, AttachmentFor, Content, MessagePost, UploadAttachmentOptions,
/// };
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let (app, conversation) = ("5963c0d619a30a2e00de36b8", "df0ccbd3a3a5ce1b5a0a1a4b");
/// let photo = Upload::new("shoes.png", std::fs::read("shoes.png").unwrap_or_default());
/// let options = UploadAttachmentOptions::default()
///     .with_for(AttachmentFor::Message)
///     .with_conversation_id(conversation);
/// let uploaded = v2.upload_attachment(app, &photo, AttachmentAccess::Public, &options).await?;
/// if let Some(url) = uploaded.attachment.and_then(|a| a.media_url) {
///     v2.post_message(app, conversation, &MessagePost::business(Content::image(url))).await?;
/// }
/// # Ok(()) }
/// ```
pub trait AttachmentsApi {
    /// Uploads a file (201), sent as the multipart part `source`: at most 50 MB. `access` is
    /// required, and only `public` is served.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/attachments?<access>&<options..>",
        multipart(source)
    )]
    async fn upload_attachment(
        &self,
        app_id: &str,
        source: &Upload,
        access: AttachmentAccess,
        options: &UploadAttachmentOptions,
    ) -> Result<AttachmentResponse>;

    /// Deletes an uploaded file (answers `{}`); a CDN may serve it for up to 15 more minutes.
    /// A POST that deletes, retried as a DELETE is.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/attachments/remove",
        body = attachment,
        removes
    )]
    async fn delete_attachment(&self, app_id: &str, attachment: &AttachmentDelete) -> Result<()>;
}

impl AttachmentsApi for V2 {}
