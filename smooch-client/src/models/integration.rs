//! Integrations (the channels of an app): [`Integration`] with its typed view
//! [`IntegrationDetails`], the bodies [`IntegrationCreate`] and [`IntegrationUpdate`], the
//! WhatsApp business profile ([`IntegrationProfileUpdate`], [`GetIntegrationProfileResponse`],
//! [`UploadIntegrationProfilePhotoResponse`]), and [`IntegrationResponse`] and
//! [`ListIntegrationsResponse`].
//!
//! The API has one flat model per direction for every integration type; which fields apply
//! depends on the `type`. This crate keeps the flat models, so every field the API sends is
//! read whatever the type (an unknown type decodes too, its unknown keys kept in `extra`), and
//! adds what the spec only says in prose:
//!
//! - [`Integration::details`] gives the fields of the integration's type, and only those;
//! - [`IntegrationCreate`] has one constructor per type, taking the fields that type requires
//!   (`IntegrationCreate::twilio(account_sid, auth_token, phone_number_sid)`), and `with_*`
//!   setters for the optional ones.
//!
//! Credentials (tokens, secrets, keys, passwords, certificates) are [`Secret`]s: they are sent
//! and read as plain strings but never shown by `Debug`.

use smooch_macros::model;

use super::enums::{IntegrationStatus, IntegrationType, TwitterTier, WebDisplayStyle};
use crate::Secret;

/// An integration of an app: one channel (Messenger, Twilio, the Web Messenger, ...), as the
/// API returns it (response).
///
/// Every field of every type is here, as an `Option`; [`details`](Self::details) gives the
/// ones of the integration's type.
///
/// ```rust
/// use smooch_client::models::{Integration, IntegrationDetails};
///
/// let integration: Integration = serde_json::from_str(
///     r#"{"_id":"5e4af71a81966c000f7f8cd0","type":"telegram","status":"active",
///        "username":"acme_bot","token":"110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"}"#,
/// )?;
/// let IntegrationDetails::Telegram { username, token, .. } = integration.details() else {
///     panic!("a telegram integration");
/// };
/// assert_eq!(username, Some("acme_bot"));
/// assert!(token.is_some());
/// assert!(!format!("{integration:?}").contains("AAHdqTcv"), "the token is not printed");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct Integration {
    /// The integration id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// The channel; decides which fields apply (see [`details`](Self::details)).
    #[model(required)]
    pub r#type: IntegrationType,
    /// A human-friendly name for the integration (all types).
    pub display_name: Option<String>,
    /// Whether the integration works (set by the server).
    pub status: Option<IntegrationStatus>,
    /// Why the integration failed, when `status` is `error` (set by the server).
    pub error: Option<String>,
    /// Facebook Page access token (`messenger`; required).
    pub page_access_token: Option<Secret>,
    /// Facebook app id (`messenger`) or WeChat app id (`wechat`); required for both. Not a Smooch
    /// app id.
    pub app_id: Option<String>,
    /// Facebook app secret (`messenger`) or WeChat app secret (`wechat`); required for both.
    pub app_secret: Option<Secret>,
    /// Facebook Page id (`messenger`; set by the server).
    pub page_id: Option<String>,
    /// The account's user id (`twitter`; set by the server).
    pub user_id: Option<String>,
    /// The account's user name (`twitter`, `telegram`: set by the server); the API client's user
    /// name (`whatsapp`, deprecated self-hosted flow).
    pub username: Option<String>,
    /// The business name shown in the Web Messenger (`web`).
    pub business_name: Option<String>,
    /// The business account's user name (Instagram; set by the server).
    pub business_username: Option<String>,
    /// Business id (Apple Business Chat, Instagram).
    pub business_id: Option<String>,
    /// MSP secret (Apple Business Chat).
    pub api_secret: Option<Secret>,
    /// MSP id (Apple Business Chat).
    pub msp_id: Option<String>,
    /// Twilio account SID (`twilio`; required).
    pub account_sid: Option<String>,
    /// Twilio auth token (`twilio`; required).
    pub auth_token: Option<Secret>,
    /// SID of the Twilio phone number (`twilio`; required).
    pub phone_number_sid: Option<String>,
    /// The phone number that receives messages (`twilio`; set by the server).
    pub phone_number: Option<String>,
    /// The account's name (`twilio`; set by the server).
    pub name: Option<String>,
    /// Bot token (`telegram`) or account token (`viber`); required for both.
    pub token: Option<Secret>,
    /// The account's URI (`viber`; set by the server).
    pub uri: Option<String>,
    /// LINE channel id (`line`; required).
    pub channel_id: Option<String>,
    /// LINE channel secret (`line`; required).
    pub channel_secret: Option<Secret>,
    /// LINE channel access token (`line`; required; cannot be updated).
    pub channel_access_token: Option<Secret>,
    /// LINE service code (`line`).
    pub service_code: Option<String>,
    /// LINE switcher secret (`line`).
    pub switcher_secret: Option<Secret>,
    /// URL of the QR code from the LINE developer console (`line`).
    pub qr_code_url: Option<String>,
    /// LINE id, derived from `qrCodeUrl` (`line`; set by the server).
    pub line_id: Option<String>,
    /// The bot's name (`line`; set by the server).
    pub bot_name: Option<String>,
    /// Message encryption key (`wechat`).
    pub encoding_aes_key: Option<Secret>,
    /// Your own access token endpoint, to share the token with other services (`wechat`).
    pub access_token_url: Option<String>,
    /// Secret to verify inbound webhooks (`wechat`, `messagebird`; set by the server).
    pub webhook_secret: Option<Secret>,
    /// Mailgun API key (`mailgun`; required).
    pub api_key: Option<Secret>,
    /// Mailgun domain (`mailgun`; required).
    pub domain: Option<String>,
    /// The address users write to (`mailgun`; required).
    pub incoming_address: Option<String>,
    /// From and Reply-To address of outgoing emails; must forward to `incomingAddress` (`mailgun`).
    pub from_address: Option<String>,
    /// Whether outgoing emails leave out the unsubscribe link (`mailgun`).
    pub hide_unsubscribe_link: Option<bool>,
    /// MessageBird access key (`messagebird`; required).
    pub access_key: Option<Secret>,
    /// The number messages are sent from (`messagebird`; required).
    pub originator: Option<String>,
    /// MessageBird key that signs webhooks (`messagebird`).
    pub signing_key: Option<Secret>,
    /// The APN certificate, base64 (`apn`; required).
    pub certificate: Option<Secret>,
    /// The certificate's password (`apn`); the API client's password (`whatsapp`, deprecated
    /// self-hosted flow).
    pub password: Option<Secret>,
    /// Whether the app badge shows the unread count (`apn`).
    pub auto_update_badge: Option<bool>,
    /// Production (`true`) or sandbox APN servers; inferred from the certificate when absent
    /// (`apn`).
    pub production: Option<bool>,
    /// FCM server key (`fcm`; required).
    pub server_key: Option<Secret>,
    /// FCM sender id (`fcm`; required).
    pub sender_id: Option<String>,
    /// Twitter consumer key (`twitter`; required).
    pub consumer_key: Option<String>,
    /// Twitter consumer secret (`twitter`; required).
    pub consumer_secret: Option<Secret>,
    /// Twitter access token key (`twitter`; required).
    pub access_token_key: Option<String>,
    /// Twitter access token secret (`twitter`; required).
    pub access_token_secret: Option<Secret>,
    /// The Twitter API tier (`twitter`).
    pub tier: Option<TwitterTier>,
    /// The Twitter environment name (`twitter`; required for the `premium` tier).
    pub env_name: Option<String>,
    /// The WhatsApp deployment the integration uses (`whatsapp`; required).
    pub deployment_id: Option<String>,
    /// The WhatsApp API client's URL (`whatsapp`, deprecated self-hosted flow).
    pub base_url: Option<String>,
    /// Language of templated (HSM) messages when the user's is unknown (`whatsapp`).
    pub hsm_fallback_language: Option<String>,
    /// Header colour, hex without `#` (`web`).
    pub brand_color: Option<String>,
    /// Whether the intro pane stays at the top of the conversation (`web`; default `false`).
    pub fixed_intro_pane: Option<bool>,
    /// Colour of the user's messages, hex without `#` (`web`).
    pub conversation_color: Option<String>,
    /// Colour of buttons and links, hex without `#` (`web`).
    pub action_color: Option<String>,
    /// How the launcher is shown (`web`).
    pub display_style: Option<WebDisplayStyle>,
    /// Icon of the launcher button (`web`).
    pub button_icon_url: Option<String>,
    /// Width of the launcher button, as text (`web`).
    pub button_width: Option<String>,
    /// Height of the launcher button, as text (`web`).
    pub button_height: Option<String>,
    /// The integration ids offered to users, in order; unset means all (`web`).
    pub integration_order: Vec<String>,
    /// Business icon shown in the Web Messenger (`web`).
    pub business_icon_url: Option<String>,
    /// Background image of the conversation (`web`).
    pub background_image_url: Option<String>,
    /// Origins (`scheme://host[:port]`) allowed to load the Web Messenger; unset means all (`web`).
    pub origin_whitelist: Vec<String>,
}

/// The fields of an [`Integration`] that apply to its type, borrowed from it
/// ([`Integration::details`]).
///
/// Fields the API returns for every type (`id`, `display_name`, `status`, `error`) are read
/// from the integration itself. A type this crate does not know is [`Other`](Self::Other): its
/// fields are still in the integration, known ones in their `Option`s and the others in
/// `extra`.
///
/// ```rust
/// use smooch_client::models::{Integration, IntegrationDetails};
///
/// fn describe(integration: &Integration) -> String {
///     match integration.details() {
///         IntegrationDetails::Twilio { phone_number, .. } => {
///             format!("SMS on {}", phone_number.unwrap_or("?"))
///         }
///         IntegrationDetails::Web { brand_color, .. } => {
///             format!("web messenger in #{}", brand_color.unwrap_or("default"))
///         }
///         IntegrationDetails::Other(kind) => format!("a {kind} integration"),
///         _ => format!("a {} integration", integration.r#type),
///     }
/// }
///
/// let apple: Integration = serde_json::from_str(
///     r#"{"_id":"5e4af71a81966c000f7f8cd1","type":"apple","mspId":"msp-1","businessId":"b-1"}"#,
/// )?;
/// assert_eq!(describe(&apple), "a apple integration");
/// assert_eq!(apple.msp_id.as_deref(), Some("msp-1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum IntegrationDetails<'a> {
    /// `messenger`: Facebook Messenger.
    #[non_exhaustive]
    Messenger {
        /// Facebook Page access token (`messenger`; required).
        page_access_token: Option<&'a Secret>,
        /// Facebook app id (`messenger`) or WeChat app id (`wechat`); required for both. Not a
        /// Smooch app id.
        app_id: Option<&'a str>,
        /// Facebook app secret (`messenger`) or WeChat app secret (`wechat`); required for
        /// both.
        app_secret: Option<&'a Secret>,
        /// Facebook Page id (`messenger`; set by the server).
        page_id: Option<&'a str>,
    },
    /// `twilio`: SMS through Twilio.
    #[non_exhaustive]
    Twilio {
        /// Twilio account SID (`twilio`; required).
        account_sid: Option<&'a str>,
        /// Twilio auth token (`twilio`; required).
        auth_token: Option<&'a Secret>,
        /// SID of the Twilio phone number (`twilio`; required).
        phone_number_sid: Option<&'a str>,
        /// The phone number that receives messages (`twilio`; set by the server).
        phone_number: Option<&'a str>,
        /// The account's name (`twilio`; set by the server).
        name: Option<&'a str>,
    },
    /// `telegram`: Telegram.
    #[non_exhaustive]
    Telegram {
        /// Bot token (`telegram`) or account token (`viber`); required for both.
        token: Option<&'a Secret>,
        /// The account's user name (`twitter`, `telegram`: set by the server); the API client's
        /// user name (`whatsapp`, deprecated self-hosted flow).
        username: Option<&'a str>,
    },
    /// `viber`: Viber.
    #[non_exhaustive]
    Viber {
        /// Bot token (`telegram`) or account token (`viber`); required for both.
        token: Option<&'a Secret>,
        /// The account's URI (`viber`; set by the server).
        uri: Option<&'a str>,
    },
    /// `line`: LINE.
    #[non_exhaustive]
    Line {
        /// LINE channel id (`line`; required).
        channel_id: Option<&'a str>,
        /// LINE channel secret (`line`; required).
        channel_secret: Option<&'a Secret>,
        /// LINE channel access token (`line`; required; cannot be updated).
        channel_access_token: Option<&'a Secret>,
        /// LINE service code (`line`).
        service_code: Option<&'a str>,
        /// LINE switcher secret (`line`).
        switcher_secret: Option<&'a Secret>,
        /// URL of the QR code from the LINE developer console (`line`).
        qr_code_url: Option<&'a str>,
        /// LINE id, derived from `qrCodeUrl` (`line`; set by the server).
        line_id: Option<&'a str>,
        /// The bot's name (`line`; set by the server).
        bot_name: Option<&'a str>,
    },
    /// `wechat`: WeChat.
    #[non_exhaustive]
    Wechat {
        /// Facebook app id (`messenger`) or WeChat app id (`wechat`); required for both. Not a
        /// Smooch app id.
        app_id: Option<&'a str>,
        /// Facebook app secret (`messenger`) or WeChat app secret (`wechat`); required for
        /// both.
        app_secret: Option<&'a Secret>,
        /// Message encryption key (`wechat`).
        encoding_aes_key: Option<&'a Secret>,
        /// Your own access token endpoint, to share the token with other services (`wechat`).
        access_token_url: Option<&'a str>,
        /// Secret to verify inbound webhooks (`wechat`, `messagebird`; set by the server).
        webhook_secret: Option<&'a Secret>,
    },
    /// `mailgun`: email through Mailgun.
    #[non_exhaustive]
    Mailgun {
        /// Mailgun API key (`mailgun`; required).
        api_key: Option<&'a Secret>,
        /// Mailgun domain (`mailgun`; required).
        domain: Option<&'a str>,
        /// The address users write to (`mailgun`; required).
        incoming_address: Option<&'a str>,
        /// From and Reply-To address of outgoing emails; must forward to `incomingAddress`
        /// (`mailgun`).
        from_address: Option<&'a str>,
        /// Whether outgoing emails leave out the unsubscribe link (`mailgun`).
        hide_unsubscribe_link: Option<bool>,
    },
    /// `messagebird`: SMS through MessageBird.
    #[non_exhaustive]
    Messagebird {
        /// MessageBird access key (`messagebird`; required).
        access_key: Option<&'a Secret>,
        /// The number messages are sent from (`messagebird`; required).
        originator: Option<&'a str>,
        /// MessageBird key that signs webhooks (`messagebird`).
        signing_key: Option<&'a Secret>,
        /// Secret to verify inbound webhooks (`wechat`, `messagebird`; set by the server).
        webhook_secret: Option<&'a Secret>,
    },
    /// `apn`: Apple Push Notification service.
    #[non_exhaustive]
    Apn {
        /// The APN certificate, base64 (`apn`; required).
        certificate: Option<&'a Secret>,
        /// The certificate's password (`apn`); the API client's password (`whatsapp`,
        /// deprecated self-hosted flow).
        password: Option<&'a Secret>,
        /// Whether the app badge shows the unread count (`apn`).
        auto_update_badge: Option<bool>,
        /// Production (`true`) or sandbox APN servers; inferred from the certificate when
        /// absent (`apn`).
        production: Option<bool>,
    },
    /// `fcm`: Firebase Cloud Messaging.
    #[non_exhaustive]
    Fcm {
        /// FCM server key (`fcm`; required).
        server_key: Option<&'a Secret>,
        /// FCM sender id (`fcm`; required).
        sender_id: Option<&'a str>,
    },
    /// `twitter`: Twitter direct messages.
    #[non_exhaustive]
    Twitter {
        /// Twitter consumer key (`twitter`; required).
        consumer_key: Option<&'a str>,
        /// Twitter consumer secret (`twitter`; required).
        consumer_secret: Option<&'a Secret>,
        /// Twitter access token key (`twitter`; required).
        access_token_key: Option<&'a str>,
        /// Twitter access token secret (`twitter`; required).
        access_token_secret: Option<&'a Secret>,
        /// The Twitter API tier (`twitter`).
        tier: Option<&'a TwitterTier>,
        /// The Twitter environment name (`twitter`; required for the `premium` tier).
        env_name: Option<&'a str>,
        /// The account's user id (`twitter`; set by the server).
        user_id: Option<&'a str>,
        /// The account's user name (`twitter`, `telegram`: set by the server); the API client's
        /// user name (`whatsapp`, deprecated self-hosted flow).
        username: Option<&'a str>,
    },
    /// `whatsapp`: WhatsApp.
    #[non_exhaustive]
    Whatsapp {
        /// The WhatsApp deployment the integration uses (`whatsapp`; required).
        deployment_id: Option<&'a str>,
        /// Language of templated (HSM) messages when the user's is unknown (`whatsapp`).
        hsm_fallback_language: Option<&'a str>,
        /// The WhatsApp API client's URL (`whatsapp`, deprecated self-hosted flow).
        base_url: Option<&'a str>,
        /// The account's user name (`twitter`, `telegram`: set by the server); the API client's
        /// user name (`whatsapp`, deprecated self-hosted flow).
        username: Option<&'a str>,
        /// The certificate's password (`apn`); the API client's password (`whatsapp`,
        /// deprecated self-hosted flow).
        password: Option<&'a Secret>,
    },
    /// `web`: the Web Messenger.
    #[non_exhaustive]
    Web {
        /// The business name shown in the Web Messenger (`web`).
        business_name: Option<&'a str>,
        /// Header colour, hex without `#` (`web`).
        brand_color: Option<&'a str>,
        /// Whether the intro pane stays at the top of the conversation (`web`; default
        /// `false`).
        fixed_intro_pane: Option<bool>,
        /// Colour of the user's messages, hex without `#` (`web`).
        conversation_color: Option<&'a str>,
        /// Colour of buttons and links, hex without `#` (`web`).
        action_color: Option<&'a str>,
        /// How the launcher is shown (`web`).
        display_style: Option<&'a WebDisplayStyle>,
        /// Icon of the launcher button (`web`).
        button_icon_url: Option<&'a str>,
        /// Width of the launcher button, as text (`web`).
        button_width: Option<&'a str>,
        /// Height of the launcher button, as text (`web`).
        button_height: Option<&'a str>,
        /// The integration ids offered to users, in order; unset means all (`web`).
        integration_order: &'a [String],
        /// Business icon shown in the Web Messenger (`web`).
        business_icon_url: Option<&'a str>,
        /// Background image of the conversation (`web`).
        background_image_url: Option<&'a str>,
        /// Origins (`scheme://host[:port]`) allowed to load the Web Messenger; unset means all
        /// (`web`).
        origin_whitelist: &'a [String],
    },
    /// `android`: the Android SDK (no fields of its own).
    Android,
    /// `ios`: the iOS SDK (no fields of its own).
    Ios,
    /// `api`: the API itself (no fields of its own).
    Api,
    /// A type this crate does not know (e.g. `apple`, `instagram`), by its wire name.
    Other(&'a str),
}

impl Integration {
    /// The fields that apply to this integration's type.
    pub fn details(&self) -> IntegrationDetails<'_> {
        match self.r#type.as_str() {
            "messenger" => IntegrationDetails::Messenger {
                page_access_token: self.page_access_token.as_ref(),
                app_id: self.app_id.as_deref(),
                app_secret: self.app_secret.as_ref(),
                page_id: self.page_id.as_deref(),
            },
            "twilio" => IntegrationDetails::Twilio {
                account_sid: self.account_sid.as_deref(),
                auth_token: self.auth_token.as_ref(),
                phone_number_sid: self.phone_number_sid.as_deref(),
                phone_number: self.phone_number.as_deref(),
                name: self.name.as_deref(),
            },
            "telegram" => IntegrationDetails::Telegram {
                token: self.token.as_ref(),
                username: self.username.as_deref(),
            },
            "viber" => IntegrationDetails::Viber {
                token: self.token.as_ref(),
                uri: self.uri.as_deref(),
            },
            "line" => IntegrationDetails::Line {
                channel_id: self.channel_id.as_deref(),
                channel_secret: self.channel_secret.as_ref(),
                channel_access_token: self.channel_access_token.as_ref(),
                service_code: self.service_code.as_deref(),
                switcher_secret: self.switcher_secret.as_ref(),
                qr_code_url: self.qr_code_url.as_deref(),
                line_id: self.line_id.as_deref(),
                bot_name: self.bot_name.as_deref(),
            },
            "wechat" => IntegrationDetails::Wechat {
                app_id: self.app_id.as_deref(),
                app_secret: self.app_secret.as_ref(),
                encoding_aes_key: self.encoding_aes_key.as_ref(),
                access_token_url: self.access_token_url.as_deref(),
                webhook_secret: self.webhook_secret.as_ref(),
            },
            "mailgun" => IntegrationDetails::Mailgun {
                api_key: self.api_key.as_ref(),
                domain: self.domain.as_deref(),
                incoming_address: self.incoming_address.as_deref(),
                from_address: self.from_address.as_deref(),
                hide_unsubscribe_link: self.hide_unsubscribe_link,
            },
            "messagebird" => IntegrationDetails::Messagebird {
                access_key: self.access_key.as_ref(),
                originator: self.originator.as_deref(),
                signing_key: self.signing_key.as_ref(),
                webhook_secret: self.webhook_secret.as_ref(),
            },
            "apn" => IntegrationDetails::Apn {
                certificate: self.certificate.as_ref(),
                password: self.password.as_ref(),
                auto_update_badge: self.auto_update_badge,
                production: self.production,
            },
            "fcm" => IntegrationDetails::Fcm {
                server_key: self.server_key.as_ref(),
                sender_id: self.sender_id.as_deref(),
            },
            "twitter" => IntegrationDetails::Twitter {
                consumer_key: self.consumer_key.as_deref(),
                consumer_secret: self.consumer_secret.as_ref(),
                access_token_key: self.access_token_key.as_deref(),
                access_token_secret: self.access_token_secret.as_ref(),
                tier: self.tier.as_ref(),
                env_name: self.env_name.as_deref(),
                user_id: self.user_id.as_deref(),
                username: self.username.as_deref(),
            },
            "whatsapp" => IntegrationDetails::Whatsapp {
                deployment_id: self.deployment_id.as_deref(),
                hsm_fallback_language: self.hsm_fallback_language.as_deref(),
                base_url: self.base_url.as_deref(),
                username: self.username.as_deref(),
                password: self.password.as_ref(),
            },
            "web" => IntegrationDetails::Web {
                business_name: self.business_name.as_deref(),
                brand_color: self.brand_color.as_deref(),
                fixed_intro_pane: self.fixed_intro_pane,
                conversation_color: self.conversation_color.as_deref(),
                action_color: self.action_color.as_deref(),
                display_style: self.display_style.as_ref(),
                button_icon_url: self.button_icon_url.as_deref(),
                button_width: self.button_width.as_deref(),
                button_height: self.button_height.as_deref(),
                integration_order: &self.integration_order,
                business_icon_url: self.business_icon_url.as_deref(),
                background_image_url: self.background_image_url.as_deref(),
                origin_whitelist: &self.origin_whitelist,
            },
            "android" => IntegrationDetails::Android,
            "ios" => IntegrationDetails::Ios,
            "api" => IntegrationDetails::Api,
            other => IntegrationDetails::Other(other),
        }
    }
}

/// The body of *create integration* (request): start from the constructor of the type, which
/// takes the fields that type requires, and chain `with_*` setters for the optional ones.
///
/// ```rust
/// use smooch_client::models::{IntegrationCreate, WebDisplayStyle};
///
/// let sms = IntegrationCreate::twilio("ACa1b2c3", "twilio-auth-token", "PN0a1b2c3");
/// assert_eq!(
///     serde_json::to_string(&sms)?,
///     r#"{"type":"twilio","accountSid":"ACa1b2c3","authToken":"twilio-auth-token","phoneNumberSid":"PN0a1b2c3"}"#,
/// );
/// assert!(!format!("{sms:?}").contains("twilio-auth-token"));
///
/// let web = IntegrationCreate::web()
///     .with_brand_color("65a4e0")
///     .with_display_style(WebDisplayStyle::Tab)
///     .with_origin_whitelist(["https://example.org"]);
/// assert_eq!(
///     serde_json::to_string(&web)?,
///     r#"{"type":"web","brandColor":"65a4e0","displayStyle":"tab","originWhitelist":["https://example.org"]}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct IntegrationCreate {
    /// The channel.
    #[model(required)]
    pub r#type: IntegrationType,
    /// A human-friendly name for the integration (all types).
    pub display_name: Option<String>,
    /// Facebook Page access token (`messenger`; required).
    pub page_access_token: Option<Secret>,
    /// Facebook app id (`messenger`) or WeChat app id (`wechat`); required for both. Not a Smooch
    /// app id.
    pub app_id: Option<String>,
    /// Facebook app secret (`messenger`) or WeChat app secret (`wechat`); required for both.
    pub app_secret: Option<Secret>,
    /// The account's user name (`twitter`, `telegram`: set by the server); the API client's user
    /// name (`whatsapp`, deprecated self-hosted flow).
    pub username: Option<String>,
    /// The business name shown in the Web Messenger (`web`).
    pub business_name: Option<String>,
    /// Business id (Apple Business Chat, Instagram).
    pub business_id: Option<String>,
    /// MSP secret (Apple Business Chat).
    pub api_secret: Option<Secret>,
    /// MSP id (Apple Business Chat).
    pub msp_id: Option<String>,
    /// Twilio account SID (`twilio`; required).
    pub account_sid: Option<String>,
    /// Twilio auth token (`twilio`; required).
    pub auth_token: Option<Secret>,
    /// SID of the Twilio phone number (`twilio`; required).
    pub phone_number_sid: Option<String>,
    /// Bot token (`telegram`) or account token (`viber`); required for both.
    pub token: Option<Secret>,
    /// LINE channel id (`line`; required).
    pub channel_id: Option<String>,
    /// LINE channel secret (`line`; required).
    pub channel_secret: Option<Secret>,
    /// LINE channel access token (`line`; required; cannot be updated).
    pub channel_access_token: Option<Secret>,
    /// LINE service code (`line`).
    pub service_code: Option<String>,
    /// LINE switcher secret (`line`).
    pub switcher_secret: Option<Secret>,
    /// URL of the QR code from the LINE developer console (`line`).
    pub qr_code_url: Option<String>,
    /// Message encryption key (`wechat`).
    pub encoding_aes_key: Option<Secret>,
    /// Your own access token endpoint, to share the token with other services (`wechat`).
    pub access_token_url: Option<String>,
    /// Mailgun API key (`mailgun`; required).
    pub api_key: Option<Secret>,
    /// Mailgun domain (`mailgun`; required).
    pub domain: Option<String>,
    /// The address users write to (`mailgun`; required).
    pub incoming_address: Option<String>,
    /// From and Reply-To address of outgoing emails; must forward to `incomingAddress` (`mailgun`).
    pub from_address: Option<String>,
    /// Whether outgoing emails leave out the unsubscribe link (`mailgun`).
    pub hide_unsubscribe_link: Option<bool>,
    /// MessageBird access key (`messagebird`; required).
    pub access_key: Option<Secret>,
    /// The number messages are sent from (`messagebird`; required).
    pub originator: Option<String>,
    /// MessageBird key that signs webhooks (`messagebird`).
    pub signing_key: Option<Secret>,
    /// The APN certificate, base64 (`apn`; required).
    pub certificate: Option<Secret>,
    /// The certificate's password (`apn`); the API client's password (`whatsapp`, deprecated
    /// self-hosted flow).
    pub password: Option<Secret>,
    /// Whether the app badge shows the unread count (`apn`).
    pub auto_update_badge: Option<bool>,
    /// Production (`true`) or sandbox APN servers; inferred from the certificate when absent
    /// (`apn`).
    pub production: Option<bool>,
    /// FCM server key (`fcm`; required).
    pub server_key: Option<Secret>,
    /// FCM sender id (`fcm`; required).
    pub sender_id: Option<String>,
    /// Twitter consumer key (`twitter`; required).
    pub consumer_key: Option<String>,
    /// Twitter consumer secret (`twitter`; required).
    pub consumer_secret: Option<Secret>,
    /// Twitter access token key (`twitter`; required).
    pub access_token_key: Option<String>,
    /// Twitter access token secret (`twitter`; required).
    pub access_token_secret: Option<Secret>,
    /// The Twitter API tier (`twitter`).
    pub tier: Option<TwitterTier>,
    /// The Twitter environment name (`twitter`; required for the `premium` tier).
    pub env_name: Option<String>,
    /// The WhatsApp deployment the integration uses (`whatsapp`; required).
    pub deployment_id: Option<String>,
    /// The WhatsApp API client's URL (`whatsapp`, deprecated self-hosted flow).
    pub base_url: Option<String>,
    /// Language of templated (HSM) messages when the user's is unknown (`whatsapp`).
    pub hsm_fallback_language: Option<String>,
    /// Header colour, hex without `#` (`web`).
    pub brand_color: Option<String>,
    /// Whether the intro pane stays at the top of the conversation (`web`; default `false`).
    pub fixed_intro_pane: Option<bool>,
    /// Colour of the user's messages, hex without `#` (`web`).
    pub conversation_color: Option<String>,
    /// Colour of buttons and links, hex without `#` (`web`).
    pub action_color: Option<String>,
    /// How the launcher is shown (`web`).
    pub display_style: Option<WebDisplayStyle>,
    /// Icon of the launcher button (`web`).
    pub button_icon_url: Option<String>,
    /// Width of the launcher button, as text (`web`).
    pub button_width: Option<String>,
    /// Height of the launcher button, as text (`web`).
    pub button_height: Option<String>,
    /// The integration ids offered to users, in order; unset means all (`web`).
    pub integration_order: Vec<String>,
    /// Business icon shown in the Web Messenger (`web`).
    pub business_icon_url: Option<String>,
    /// Background image of the conversation (`web`).
    pub background_image_url: Option<String>,
    /// Origins (`scheme://host[:port]`) allowed to load the Web Messenger; unset means all (`web`).
    pub origin_whitelist: Vec<String>,
}

impl IntegrationCreate {
    /// An integration of `type` with nothing else set: for the SDK types and for types this
    /// crate does not know (`IntegrationCreate::new("apple")`); prefer the constructor of the
    /// type.
    pub fn new(r#type: impl Into<IntegrationType>) -> Self {
        Self {
            r#type: r#type.into(),
            ..Self::default()
        }
    }

    /// Facebook Messenger: the Page access token, and the Facebook app's id and secret.
    pub fn messenger(
        page_access_token: impl Into<Secret>,
        app_id: impl Into<String>,
        app_secret: impl Into<Secret>,
    ) -> Self {
        Self {
            page_access_token: Some(page_access_token.into()),
            app_id: Some(app_id.into()),
            app_secret: Some(app_secret.into()),
            ..Self::new(IntegrationType::Messenger)
        }
    }

    /// SMS through Twilio: the account SID, its auth token, and the phone number's SID.
    pub fn twilio(
        account_sid: impl Into<String>,
        auth_token: impl Into<Secret>,
        phone_number_sid: impl Into<String>,
    ) -> Self {
        Self {
            account_sid: Some(account_sid.into()),
            auth_token: Some(auth_token.into()),
            phone_number_sid: Some(phone_number_sid.into()),
            ..Self::new(IntegrationType::Twilio)
        }
    }

    /// Telegram: the bot's token.
    pub fn telegram(token: impl Into<Secret>) -> Self {
        Self {
            token: Some(token.into()),
            ..Self::new(IntegrationType::Telegram)
        }
    }

    /// Viber: the public account's token.
    pub fn viber(token: impl Into<Secret>) -> Self {
        Self {
            token: Some(token.into()),
            ..Self::new(IntegrationType::Viber)
        }
    }

    /// LINE: the channel's id, secret and access token.
    pub fn line(
        channel_id: impl Into<String>,
        channel_secret: impl Into<Secret>,
        channel_access_token: impl Into<Secret>,
    ) -> Self {
        Self {
            channel_id: Some(channel_id.into()),
            channel_secret: Some(channel_secret.into()),
            channel_access_token: Some(channel_access_token.into()),
            ..Self::new(IntegrationType::Line)
        }
    }

    /// WeChat: the WeChat app's id and secret.
    pub fn wechat(app_id: impl Into<String>, app_secret: impl Into<Secret>) -> Self {
        Self {
            app_id: Some(app_id.into()),
            app_secret: Some(app_secret.into()),
            ..Self::new(IntegrationType::Wechat)
        }
    }

    /// Email through Mailgun: the API key, the domain, and the address users write to.
    pub fn mailgun(
        api_key: impl Into<Secret>,
        domain: impl Into<String>,
        incoming_address: impl Into<String>,
    ) -> Self {
        Self {
            api_key: Some(api_key.into()),
            domain: Some(domain.into()),
            incoming_address: Some(incoming_address.into()),
            ..Self::new(IntegrationType::Mailgun)
        }
    }

    /// SMS through MessageBird: the access key and the number messages are sent from.
    pub fn messagebird(access_key: impl Into<Secret>, originator: impl Into<String>) -> Self {
        Self {
            access_key: Some(access_key.into()),
            originator: Some(originator.into()),
            ..Self::new(IntegrationType::Messagebird)
        }
    }

    /// Apple Push Notification service: the certificate, base64-encoded.
    pub fn apn(certificate: impl Into<Secret>) -> Self {
        Self {
            certificate: Some(certificate.into()),
            ..Self::new(IntegrationType::Apn)
        }
    }

    /// Firebase Cloud Messaging: the server key and the sender id.
    pub fn fcm(server_key: impl Into<Secret>, sender_id: impl Into<String>) -> Self {
        Self {
            server_key: Some(server_key.into()),
            sender_id: Some(sender_id.into()),
            ..Self::new(IntegrationType::Fcm)
        }
    }

    /// Twitter direct messages: the consumer key and secret, and the access token key and
    /// secret. The `premium` tier also needs [`with_env_name`](Self::with_env_name).
    pub fn twitter(
        consumer_key: impl Into<String>,
        consumer_secret: impl Into<Secret>,
        access_token_key: impl Into<String>,
        access_token_secret: impl Into<Secret>,
    ) -> Self {
        Self {
            consumer_key: Some(consumer_key.into()),
            consumer_secret: Some(consumer_secret.into()),
            access_token_key: Some(access_token_key.into()),
            access_token_secret: Some(access_token_secret.into()),
            ..Self::new(IntegrationType::Twitter)
        }
    }

    /// WhatsApp: the deployment it sends through (see `create_deployment`).
    pub fn whatsapp(deployment_id: impl Into<String>) -> Self {
        Self {
            deployment_id: Some(deployment_id.into()),
            ..Self::new(IntegrationType::Whatsapp)
        }
    }

    /// The Web Messenger (every field is optional).
    pub fn web() -> Self {
        Self::new(IntegrationType::Web)
    }

    /// The Android SDK.
    pub fn android() -> Self {
        Self::new(IntegrationType::Android)
    }

    /// The iOS SDK.
    pub fn ios() -> Self {
        Self::new(IntegrationType::Ios)
    }
}

/// The body of *update integration* (request): only what is set is sent, and changed. The
/// type and most credentials cannot be changed; delete and create the integration instead.
///
/// ```rust
/// use smooch_client::models::IntegrationUpdate;
///
/// let update = IntegrationUpdate::new().with_display_name("Support").with_production(true);
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
    /// The business name shown in the Web Messenger (`web`).
    pub business_name: Option<String>,
    /// LINE channel id (`line`; required).
    pub channel_id: Option<String>,
    /// LINE channel secret (`line`; required).
    pub channel_secret: Option<Secret>,
    /// LINE service code (`line`).
    pub service_code: Option<String>,
    /// LINE switcher secret (`line`).
    pub switcher_secret: Option<Secret>,
    /// URL of the QR code from the LINE developer console (`line`).
    pub qr_code_url: Option<String>,
    /// From and Reply-To address of outgoing emails; must forward to `incomingAddress` (`mailgun`).
    pub from_address: Option<String>,
    /// Whether outgoing emails leave out the unsubscribe link (`mailgun`).
    pub hide_unsubscribe_link: Option<bool>,
    /// Production (`true`) or sandbox APN servers; inferred from the certificate when absent
    /// (`apn`).
    pub production: Option<bool>,
    /// Language of templated (HSM) messages when the user's is unknown (`whatsapp`).
    pub hsm_fallback_language: Option<String>,
    /// Header colour, hex without `#` (`web`).
    pub brand_color: Option<String>,
    /// Whether the intro pane stays at the top of the conversation (`web`; default `false`).
    pub fixed_intro_pane: Option<bool>,
    /// Colour of the user's messages, hex without `#` (`web`).
    pub conversation_color: Option<String>,
    /// Colour of buttons and links, hex without `#` (`web`).
    pub action_color: Option<String>,
    /// How the launcher is shown (`web`).
    pub display_style: Option<WebDisplayStyle>,
    /// Icon of the launcher button (`web`).
    pub button_icon_url: Option<String>,
    /// Width of the launcher button, as text (`web`).
    pub button_width: Option<String>,
    /// Height of the launcher button, as text (`web`).
    pub button_height: Option<String>,
    /// The integration ids offered to users, in order; unset means all (`web`). `Some(vec![])`
    /// sends an empty list; `None` leaves it unchanged.
    pub integration_order: Option<Vec<String>>,
    /// Business icon shown in the Web Messenger (`web`).
    pub business_icon_url: Option<String>,
    /// Background image of the conversation (`web`).
    pub background_image_url: Option<String>,
    /// Origins (`scheme://host[:port]`) allowed to load the Web Messenger; unset means all (`web`).
    /// `Some(vec![])` sends an empty list; `None` leaves it unchanged.
    pub origin_whitelist: Option<Vec<String>>,
}

impl IntegrationUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
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
