//! Integrations (the channels of an app): [`Integration`], whose [`IntegrationKind`] holds the
//! fields of its type; the bodies [`IntegrationCreate`] and [`IntegrationUpdate`]; the WhatsApp
//! business profile; [`IntegrationResponse`] and [`ListIntegrationsResponse`].
//!
//! Each integration type is one model here, its fields and their docs written once
//! ([`Twilio`], [`Line`], [`Web`], ...); the fields that can be changed afterwards form small
//! groups ([`LineSettings`], [`MailgunSettings`], [`ApnSettings`], [`WhatsappSettings`], and
//! [`Web`] whole) that the type and [`IntegrationUpdate`] both embed. [`IntegrationKind`] is
//! the union of the types, told apart by `type`: an integration and a create body read and write
//! it in the same single pass as their other keys, and a type this crate does not know is kept
//! whole in [`IntegrationKind::Other`].
//!
//! Credentials (tokens, secrets, keys, passwords, certificates) are [`Secret`]s: they are sent
//! and read as plain strings but never shown by `Debug`.
//!
//! [`Secret`]: crate::Secret

mod chat_apps;
mod create;
mod kind;
mod profile;
mod push;
mod sms_email;
mod social;
mod update;
mod web;

use smooch_macros::model;

use super::enums::IntegrationStatus;

pub use chat_apps::{Line, LineSettings, Telegram, Viber, Wechat, Whatsapp, WhatsappSettings};
pub use create::IntegrationCreate;
pub use kind::{Builtin, IntegrationKind};
pub use profile::{
    GetIntegrationProfileResponse, IntegrationProfileUpdate, UploadIntegrationProfilePhotoResponse,
};
pub use push::{Apn, ApnSettings, Fcm};
pub use sms_email::{Mailgun, MailgunSettings, Messagebird, Twilio};
pub use social::{Apple, Instagram, Messenger, Twitter};
pub use update::IntegrationUpdate;
pub use web::Web;

/// An integration of an app: one channel (Messenger, Twilio, the Web Messenger, ...), as the
/// API returns it (response). Its `type` and the fields of that type are its
/// [`kind`](Self::kind).
///
/// ```rust
/// use smooch_client::models::{Integration, IntegrationKind, IntegrationType};
///
/// let integration: Integration = serde_json::from_str(
///     r#"{"_id":"5e4af71a81966c000f7f8cd0","type":"telegram","status":"active",
///        "username":"acme_bot","token":"110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}"#,
/// )?;
/// assert_eq!(integration.kind.integration_type(), IntegrationType::Telegram);
/// let IntegrationKind::Telegram(telegram) = &integration.kind else {
///     panic!("a telegram integration");
/// };
/// assert_eq!(telegram.username.as_deref(), Some("acme_bot"));
/// assert!(telegram.token.is_some());
/// assert!(!format!("{integration:?}").contains("AAHdqTcv"), "the token is not printed");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct Integration {
    /// The integration id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// A human-friendly name for the integration.
    pub display_name: Option<String>,
    /// Whether the integration works (set by the server).
    pub status: Option<IntegrationStatus>,
    /// Why the integration failed, when `status` is `error` (set by the server).
    pub error: Option<String>,
    /// The channel (`type`) and the fields of its type.
    #[serde(flatten)]
    pub kind: IntegrationKind,
}

/// Response of *create*, *get* and *update integration*.
#[model]
pub struct IntegrationResponse {
    /// The integration.
    #[model(key)]
    pub integration: Integration,
}

/// Response of *list integrations*: one page.
#[model]
pub struct ListIntegrationsResponse {
    /// The integrations of this page.
    pub integrations: Vec<Integration>,
    /// Whether more integrations follow (absent means no).
    pub has_more: Option<bool>,
    /// The offset of this page.
    pub offset: Option<u64>,
}

impl crate::Page for ListIntegrationsResponse {
    type Item = Integration;

    fn has_more(&self) -> bool {
        self.has_more.unwrap_or(false)
    }

    fn into_items(self) -> Vec<Integration> {
        self.integrations
    }

    fn item_id(item: &Integration) -> &str {
        &item.id
    }
}
