//! [`IntegrationUpdate`]: the body of *update integration*.

use smooch_macros::model;

use super::{ApnSettings, LineSettings, MailgunSettings, Web, WhatsappSettings};

/// The body of *update integration* (request): only what is set is sent, and changed. The
/// type and most credentials cannot be changed (no `type` is sent); delete and create the
/// integration instead. The fields that can be changed are grouped by type, the same groups
/// the types themselves embed.
///
/// ```rust
/// use smooch_client::models::{ApnSettings, IntegrationUpdate};
///
/// let update = IntegrationUpdate::new()
///     .with_display_name("Support")
///     .with_apn(ApnSettings::default().with_production(true));
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"displayName":"Support","production":true}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct IntegrationUpdate {
    /// A human-friendly name for the integration (all types).
    pub display_name: Option<String>,
    /// The fields of a `web` integration (all of them can be changed).
    #[serde(flatten)]
    pub web: Web,
    /// The fields of a `line` integration that can be changed.
    #[serde(flatten)]
    pub line: LineSettings,
    /// The fields of a `mailgun` integration that can be changed.
    #[serde(flatten)]
    pub mailgun: MailgunSettings,
    /// The field of an `apn` integration that can be changed.
    #[serde(flatten)]
    pub apn: ApnSettings,
    /// The field of a `whatsapp` integration that can be changed.
    #[serde(flatten)]
    pub whatsapp: WhatsappSettings,
}

impl IntegrationUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}
