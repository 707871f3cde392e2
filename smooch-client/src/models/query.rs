//! Query options: the optional query parameters of an operation that has more than two, as one
//! value with a setter per parameter (`<options..>` in its `#[endpoint]` template). A parameter
//! left `None` is not sent.

use smooch_macros::model;

use super::IntegrationType;

/// Which page of apps [`list_apps`](crate::AppApi::list_apps) gets, and for whom.
///
/// ```
/// use smooch_client::models::ListAppsOptions;
///
/// let options = ListAppsOptions::default().with_limit(10).with_service_account_id("sa_1");
/// assert_eq!(options.offset, None);
/// ```
#[model(query)]
pub struct ListAppsOptions {
    /// How many apps (the API's default is 25).
    pub limit: Option<u32>,
    /// How many apps to skip.
    pub offset: Option<u32>,
    /// Only the apps this service account may access.
    pub service_account_id: Option<String>,
}

/// Which page of integrations [`list_integrations`](crate::IntegrationApi::list_integrations)
/// gets, and of which types.
///
/// ```
/// use smooch_client::models::{IntegrationType, ListIntegrationsOptions};
///
/// let sms = ListIntegrationsOptions::default()
///     .with_types([IntegrationType::Twilio, IntegrationType::Messagebird]);
/// assert_eq!(sms.types.map(|t| t.len()), Some(2));
/// ```
#[model(query)]
pub struct ListIntegrationsOptions {
    /// Only these types (sent as one comma-separated value; an empty list is refused before
    /// sending: leave it `None` for every type).
    pub types: Option<Vec<IntegrationType>>,
    /// How many integrations (the API's default is 25).
    pub limit: Option<u32>,
    /// How many integrations to skip.
    pub offset: Option<u32>,
}

/// What an uploaded file's lifetime is tied to
/// ([`upload_attachment`](crate::AttachmentApi::upload_attachment)).
///
/// ```
/// use smooch_client::models::UploadAttachmentOptions;
///
/// let for_a_message = UploadAttachmentOptions::default().with_for_message("message");
/// let for_a_user = UploadAttachmentOptions::default().with_user_id("steve@example.com");
/// # let _ = (for_a_message, for_a_user);
/// ```
#[model(query)]
pub struct UploadAttachmentOptions {
    /// `"message"`: the attachment lives as long as the message it is sent in (`for`).
    #[serde(rename = "for")]
    pub for_message: Option<String>,
    /// The user the attachment belongs to, by their smoochId.
    pub app_user_id: Option<String>,
    /// The user the attachment belongs to, by your userId.
    pub user_id: Option<String>,
}
