//! Messaging apps: [`Line`], [`Telegram`], [`Viber`] and [`Whatsapp`], with their create and
//! update bodies and the groups of fields a type's model and its create body share
//! ([`LineSettings`], [`WhatsappSettings`]).

use smooch_macros::model;

use super::{IntegrationUpdateBase, Responder, ResponderSettings};
use crate::Secret;

/// A `line` integration: a LINE channel (response).
#[model]
pub struct Line {
    /// The channel's credentials and codes.
    #[serde(flatten)]
    pub settings: LineSettings,
    /// The LINE basic id, derived from the QR code URL (read-only).
    pub line_id: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `line` integration (request): none is required (the channel's id and
/// secret may be given later).
#[model(request, setters)]
pub struct LineCreate {
    /// The channel's credentials and codes.
    #[serde(flatten)]
    pub settings: LineSettings,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// The fields of a LINE channel that are sent when it is created and read back.
#[model(setters)]
pub struct LineSettings {
    /// The channel's id (may be left out together with the secret at first).
    pub channel_id: Option<String>,
    /// The channel's secret.
    pub channel_secret: Option<Secret>,
    /// The channel's access token.
    pub channel_access_token: Option<Secret>,
    /// The LINE service code.
    pub service_code: Option<String>,
    /// The LINE switcher secret.
    pub switcher_secret: Option<Secret>,
    /// The URL of the QR code in the LINE developer console.
    pub qr_code_url: Option<String>,
}

/// The changes to a `line` integration (request): its name, default responder and AI
/// disclaimer only.
#[model(request, setters)]
pub struct LineUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
}

/// A `telegram` integration: a Telegram bot (response; its token is write-only and never comes
/// back).
#[model]
pub struct Telegram {
    /// The bot's user name (read-only).
    pub username: Option<String>,
    /// The bot's id (read-only).
    pub bot_id: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `telegram` integration (request).
#[model(request, setters)]
pub struct TelegramCreate {
    /// The bot's token (write-only).
    #[model(required)]
    pub token: Secret,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl TelegramCreate {
    /// The bot's token: what a `telegram` integration requires.
    pub fn new(token: impl Into<Secret>) -> Self {
        Self::default().with_token(token)
    }
}

/// The changes to a `telegram` integration (request): its name, default responder and AI
/// disclaimer only.
#[model(request, setters)]
pub struct TelegramUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
}

/// A `viber` integration: a Viber public account (response; its token is write-only and never
/// comes back).
#[model]
pub struct Viber {
    /// The account's URI (read-only).
    pub uri: Option<String>,
    /// The account's id (read-only).
    pub account_id: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `viber` integration (request).
#[model(request, setters)]
pub struct ViberCreate {
    /// The public account's token (write-only).
    #[model(required)]
    pub token: Secret,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl ViberCreate {
    /// The public account's token: what a `viber` integration requires.
    pub fn new(token: impl Into<Secret>) -> Self {
        Self::default().with_token(token)
    }
}

/// The changes to a `viber` integration (request): its name, default responder and AI
/// disclaimer only.
#[model(request, setters)]
pub struct ViberUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
}

/// A `whatsapp` integration: a WhatsApp number (response).
#[model]
pub struct Whatsapp {
    /// The template settings.
    #[serde(flatten)]
    pub settings: WhatsappSettings,
    /// The number of the deployment behind the integration (read-only).
    pub phone_number: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `whatsapp` integration (request): none is required.
#[model(request, setters)]
pub struct WhatsappCreate {
    /// The template settings.
    #[serde(flatten)]
    pub settings: WhatsappSettings,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// The fields of a WhatsApp integration that are sent when it is created and read back: what
/// templates (HSMs) need.
#[model(setters)]
pub struct WhatsappSettings {
    /// The language of templates sent with the shorthand syntax (default `en_US`).
    pub hsm_fallback_language: Option<String>,
    /// The WhatsApp Business account id, to rebuild templates.
    pub account_id: Option<String>,
    /// A token for the WhatsApp account management API, to rebuild templates.
    pub account_management_access_token: Option<Secret>,
}

/// The changes to a `whatsapp` integration (request): only what is set is sent; `Some(None)`
/// sends `null`, which removes the value.
#[model(request, setters)]
pub struct WhatsappUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// The language of templates sent with the shorthand syntax.
    pub hsm_fallback_language: Option<Option<String>>,
    /// The WhatsApp Business account id.
    pub account_id: Option<Option<String>>,
    /// The token for the WhatsApp account management API.
    pub account_management_access_token: Option<Option<Secret>>,
}
