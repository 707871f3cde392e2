//! Attachments: [`AttachmentResponse`] (an uploaded file's URL) and [`AttachmentRemove`].

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentResponse {
    /// The URL the file is served at: send it as a message's `mediaUrl`.
    #[decode(key)]
    pub media_url: String,
    /// The MIME type the server detected.
    #[decode(required)]
    pub media_type: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AttachmentRemove {
    /// The URL the upload answered with.
    #[decode(required)]
    pub media_url: String,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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
