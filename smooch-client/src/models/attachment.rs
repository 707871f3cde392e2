//! Attachments: [`AttachmentResponse`] (an uploaded file's URL) and [`AttachmentRemove`].

use smooch_macros::model;

string_enum! {
    /// Who may fetch an uploaded attachment (`access`).
    pub enum AttachmentAccess {
        /// `public`: anyone with the URL.
        Public => "public",
        /// `private`: only with the app's credentials (not supported on every channel).
        Private => "private",
    }
}

/// An uploaded attachment (response of *upload attachment*, 201): where it is now served.
///
/// ```
/// use smooch_client::models::AttachmentResponse;
///
/// let uploaded: AttachmentResponse = serde_json::from_str(
///     r#"{"mediaUrl":"https://media.smooch.io/apps/a1/shoes.png","mediaType":"image/png"}"#,
/// )?;
/// assert_eq!(uploaded.media_type, "image/png");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct AttachmentResponse {
    /// The URL the file is served at: send it as a message's `mediaUrl`.
    #[model(key)]
    pub media_url: String,
    /// The MIME type the server detected.
    #[model(required)]
    pub media_type: String,
}

/// Which attachment to remove (request body of *remove attachment*).
///
/// ```
/// use smooch_client::models::AttachmentRemove;
///
/// let remove = AttachmentRemove::new("https://media.smooch.io/apps/a1/shoes.png");
/// assert_eq!(
///     serde_json::to_string(&remove)?,
///     r#"{"mediaUrl":"https://media.smooch.io/apps/a1/shoes.png"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request)]
pub struct AttachmentRemove {
    /// The URL the upload answered with.
    #[model(required)]
    pub media_url: String,
}

impl AttachmentRemove {
    /// Removes the attachment served at `media_url`.
    pub fn new(media_url: impl Into<String>) -> Self {
        Self {
            media_url: media_url.into(),
            ..Self::default()
        }
    }
}
