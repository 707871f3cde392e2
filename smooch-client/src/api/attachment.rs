//! Attachments: files uploaded to Smooch, to send as messages' media.

use crate::models::{
    AttachmentAccess, AttachmentRemove, AttachmentResponse, UploadAttachmentOptions,
};
use crate::{Client, Result, Upload, endpoint};

/// Files uploaded to Smooch, served at a URL to send as a message's `mediaUrl` (Smooch's
/// `AttachmentsApi`). App scope.
///
/// ```
/// use smooch_client::{AttachmentApi, Client, ConversationApi, Upload};
/// use smooch_client::models::{AttachmentAccess, MessagePost, Role, UploadAttachmentOptions};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// # let bytes = b"\x89PNG\r\n\x1a\n".to_vec();
/// // `bytes`: the file's content, e.g. from `std::fs::read("shoes.png")?`.
/// let photo = Upload::new("shoes.png", bytes);
/// let for_a_message = UploadAttachmentOptions::default().with_for_message("message");
/// let uploaded = client
///     .upload_attachment("app_id", &photo, AttachmentAccess::Public, &for_a_message)
///     .await?;
/// let message = MessagePost::image(Role::AppMaker, uploaded.media_url);
/// client.post_message("app_id", "user_id", &message).await?;
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
pub trait AttachmentApi {
    /// Uploads a file, sent as the multipart part `source`: at most 10 MB (a larger one is a
    /// 413). The options tie the attachment's lifetime to a message or a user
    /// ([`UploadAttachmentOptions`]).
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/attachments?<access>&<options..>",
        multipart(source)
    )]
    async fn upload_attachment(
        &self,
        app_id: &str,
        source: &Upload,
        access: AttachmentAccess,
        options: &UploadAttachmentOptions,
    ) -> Result<AttachmentResponse>;

    /// Removes an uploaded file.
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/attachments/remove",
        body = attachment,
        removes
    )]
    async fn remove_attachment(&self, app_id: &str, attachment: &AttachmentRemove) -> Result<()>;
}

impl AttachmentApi for Client {}
