//! Messaging apps: [`Telegram`], [`Viber`], [`Line`], [`Wechat`] and [`Whatsapp`], with the
//! groups of their fields that can be updated ([`LineSettings`], [`WhatsappSettings`]).

use smooch_macros::model;

use crate::Secret;

/// A `telegram` integration: a Telegram bot. Created with
/// [`IntegrationCreate::telegram`](super::IntegrationCreate::telegram).
#[model(setters)]
pub struct Telegram {
    /// The bot's token (required to create).
    pub token: Option<Secret>,
    /// The bot's user name (set by the server).
    #[model(no_setter)]
    pub username: Option<String>,
}

/// A `viber` integration: a Viber public account. Created with
/// [`IntegrationCreate::viber`](super::IntegrationCreate::viber).
#[model(setters)]
pub struct Viber {
    /// The public account's token (required to create).
    pub token: Option<Secret>,
    /// The public account's URI (set by the server).
    #[model(no_setter)]
    pub uri: Option<String>,
}

/// A `line` integration: a LINE channel. Created with
/// [`IntegrationCreate::line`](super::IntegrationCreate::line).
#[model(setters)]
pub struct Line {
    /// The channel's id and secret, and the fields that can be updated.
    #[serde(flatten)]
    pub settings: LineSettings,
    /// The channel's access token (required to create; cannot be updated).
    pub channel_access_token: Option<Secret>,
    /// The LINE id, derived from `qrCodeUrl` (set by the server).
    #[model(no_setter)]
    pub line_id: Option<String>,
    /// The bot's name (set by the server).
    #[model(no_setter)]
    pub bot_name: Option<String>,
}

/// The fields of a [`Line`] integration that can be updated
/// ([`IntegrationUpdate::line`](super::IntegrationUpdate::line)).
#[model(setters)]
pub struct LineSettings {
    /// The channel's id (required to create).
    pub channel_id: Option<String>,
    /// The channel's secret (required to create).
    pub channel_secret: Option<Secret>,
    /// The service code.
    pub service_code: Option<String>,
    /// The switcher secret.
    pub switcher_secret: Option<Secret>,
    /// The URL of the QR code from the LINE developer console.
    pub qr_code_url: Option<String>,
}

/// A `wechat` integration: a WeChat official account. Created with
/// [`IntegrationCreate::wechat`](super::IntegrationCreate::wechat).
#[model(setters)]
pub struct Wechat {
    /// The WeChat app's id (required to create); not a Smooch app id.
    pub app_id: Option<String>,
    /// The WeChat app's secret (required to create).
    pub app_secret: Option<Secret>,
    /// The message encryption key.
    pub encoding_aes_key: Option<Secret>,
    /// Your own access token endpoint, to share the token with other services.
    pub access_token_url: Option<String>,
    /// The secret that signs inbound webhooks (set by the server).
    #[model(no_setter)]
    pub webhook_secret: Option<Secret>,
}

/// A `whatsapp` integration: a WhatsApp number, through a deployment. Created with
/// [`IntegrationCreate::whatsapp`](super::IntegrationCreate::whatsapp).
#[model(setters)]
pub struct Whatsapp {
    /// The deployment the integration sends through (required to create; see
    /// `create_deployment`).
    pub deployment_id: Option<String>,
    /// The fields that can be updated.
    #[serde(flatten)]
    pub settings: WhatsappSettings,
    /// The WhatsApp API client's URL (deprecated self-hosted flow, in place of a deployment).
    pub base_url: Option<String>,
    /// The WhatsApp API client's user name (deprecated self-hosted flow).
    pub username: Option<String>,
    /// The WhatsApp API client's password (deprecated self-hosted flow).
    pub password: Option<Secret>,
}

/// The fields of a [`Whatsapp`] integration that can be updated
/// ([`IntegrationUpdate::whatsapp`](super::IntegrationUpdate::whatsapp)).
#[model(setters)]
pub struct WhatsappSettings {
    /// The language of templated (HSM) messages when the user's is unknown.
    pub hsm_fallback_language: Option<String>,
}
