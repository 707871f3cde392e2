//! Attachments: files uploaded to send as messages' media. The answer of *upload attachment*
//! ([`AttachmentResponse`], [`Attachment`]), its query ([`AttachmentAccess`],
//! [`UploadAttachmentOptions`]) and the body of *delete attachment* ([`AttachmentDelete`]).

use smooch_macros::model;

use crate::models::string_enum;

string_enum! {
    in "v2::models";
    /// Who may fetch an uploaded file (`access`): API v2 serves only public ones.
    pub enum AttachmentAccess {
        /// `public`: anyone with the URL.
        Public => "public",
    }
}

string_enum! {
    in "v2::models";
    /// What an uploaded file's lifetime is tied to (`for`).
    pub enum AttachmentFor {
        /// `message`: the file is deleted with the message it is sent in (or its
        /// conversation, or its user).
        Message => "message",
    }
}

/// The optional query of *upload attachment*.
///
/// ```
/// use smooch_client::v2::models::{AttachmentFor, UploadAttachmentOptions};
///
/// let options = UploadAttachmentOptions::default()
///     .with_for(AttachmentFor::Message)
///     .with_conversation_id("df0ccbd3a3a5ce1b5a0a1a4b");
/// # let _ = options;
/// ```
#[model(query)]
pub struct UploadAttachmentOptions {
    /// What the file's lifetime is tied to (`for`).
    pub r#for: Option<AttachmentFor>,
    /// The conversation the file belongs to.
    pub conversation_id: Option<String>,
}

/// An uploaded file.
#[model(setters)]
pub struct Attachment {
    /// Its URL: send it as a message's `mediaUrl`.
    pub media_url: Option<String>,
    /// Its MIME type, as the server found it.
    pub media_type: Option<String>,
}

/// The answer of *upload attachment* (201).
#[model(setters)]
pub struct AttachmentResponse {
    /// The stored file (`attachmentSchema`).
    pub attachment: Option<Attachment>,
}

/// The body of *delete attachment*.
///
/// ```
/// use smooch_client::v2::models::AttachmentDelete;
///
/// let delete = AttachmentDelete::new("https://media.smooch.io/apps/a1/shoes.png");
/// assert_eq!(
///     serde_json::to_string(&delete)?,
///     r#"{"mediaUrl":"https://media.smooch.io/apps/a1/shoes.png"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AttachmentDelete {
    /// The URL the upload answered with.
    #[model(required)]
    pub media_url: String,
}

impl AttachmentDelete {
    /// Deletes the file served at `media_url`.
    pub fn new(media_url: impl Into<String>) -> Self {
        AttachmentDelete::default().with_media_url(media_url)
    }
}
