//! Attachments: files uploaded to Smooch, to send as messages' media.

use crate::models::{AttachmentAccess, AttachmentRemove, AttachmentResponse};
use crate::{Client, Result, Upload, endpoint};

/// Files uploaded to Smooch, served at a URL to send as a message's `mediaUrl` (Smooch's
/// `AttachmentsApi`). App scope.
///
/// ```no_run
/// use smooch_client::{AttachmentApi, Client, ConversationApi, Upload};
/// use smooch_client::models::{AttachmentAccess, MessagePost, Role};
///
/// # async fn demo(client: Client) -> smooch_client::Result<()> {
/// let photo = Upload::new("shoes.png", std::fs::read("shoes.png").unwrap_or_default());
/// let uploaded = client
///     .upload_attachment("app_id", &photo, AttachmentAccess::Public, Some("message"), None, None)
///     .await?;
/// let message = MessagePost::image(Role::AppMaker, uploaded.media_url);
/// client.post_message("app_id", "user_id", &message).await?;
/// # Ok(()) }
/// ```
pub trait AttachmentApi {
    /// Uploads a file (`POST /v1.1/apps/<app_id>/attachments`, multipart part `source`): at
    /// most 10 MB (a larger one is a 413). `for_message` (`for`) ties the attachment's lifetime
    /// to a message (`"message"`); `app_user_id` or `user_id` to a user (either id).
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/attachments?<access>&for=<for_message>&appUserId=<app_user_id>&userId=<user_id>",
        multipart(source)
    )]
    async fn upload_attachment(
        &self,
        app_id: &str,
        source: &Upload,
        access: AttachmentAccess,
        for_message: Option<&str>,
        app_user_id: Option<&str>,
        user_id: Option<&str>,
    ) -> Result<AttachmentResponse>;

    /// Removes an uploaded file (`POST /v1.1/apps/<app_id>/attachments/remove`).
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/attachments/remove",
        body = attachment,
        removes
    )]
    async fn remove_attachment(&self, app_id: &str, attachment: &AttachmentRemove) -> Result<()>;
}

impl AttachmentApi for Client {}
