//! The business profile of a WhatsApp integration: [`IntegrationProfileUpdate`] and the
//! responses [`GetIntegrationProfileResponse`] and [`UploadIntegrationProfilePhotoResponse`].

use smooch_macros::model;

/// Response of *get integration profile*: the business profile of a WhatsApp integration, as
/// free-form JSON (the spec does not type it; its keys are those of
/// [`IntegrationProfileUpdate`]).
#[model]
pub struct GetIntegrationProfileResponse {
    /// The profile.
    pub profile: Option<serde_json::Map<String, serde_json::Value>>,
}

/// The body of *update integration profile* (request): the business profile of a WhatsApp
/// integration; only what is set is sent, and changed.
///
/// ```rust
/// use smooch_client::models::IntegrationProfileUpdate;
///
/// let profile = IntegrationProfileUpdate::new()
///     .with_about("Open 9 to 5")
///     .with_websites(["https://example.org"]);
/// assert_eq!(
///     serde_json::to_string(&profile)?,
///     r#"{"about":"Open 9 to 5","websites":["https://example.org"]}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct IntegrationProfileUpdate {
    /// The status text (at most 139 characters).
    pub about: Option<String>,
    /// The business's address (at most 256 characters).
    pub address: Option<String>,
    /// The business's description (at most 256 characters).
    pub description: Option<String>,
    /// The business's email (at most 128 characters).
    pub email: Option<String>,
    /// URL of a hosted profile photo (640×640, at most 63 KB recommended); or upload one with
    /// `upload_integration_profile_photo`.
    pub photo_url: Option<String>,
    /// The business's industry (at most 128 characters).
    pub vertical: Option<String>,
    /// The business's websites (at most 2, each at most 256 characters). `Some(vec![])` sends
    /// an empty list; `None` leaves them unchanged.
    pub websites: Option<Vec<String>>,
}

impl IntegrationProfileUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Response of *upload integration profile photo*.
#[model]
pub struct UploadIntegrationProfilePhotoResponse {
    /// The URL of the uploaded photo.
    #[model(key)]
    pub photo_url: String,
}
