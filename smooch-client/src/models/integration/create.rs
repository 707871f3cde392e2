//! [`IntegrationCreate`]: the body of *create integration*, with one constructor per type.

use smooch_macros::model;

use super::{
    Apn, Apple, Builtin, Fcm, Instagram, IntegrationKind, Line, LineSettings, Mailgun, Messagebird,
    Messenger, Telegram, Twilio, Twitter, Viber, Web, Wechat, Whatsapp,
};
use crate::Secret;

/// The body of *create integration* (request): the channel, with the fields of its type.
///
/// Each type has a constructor taking the fields it requires
/// (`IntegrationCreate::twilio(account_sid, auth_token, phone_number_sid)`). To set optional
/// fields of the type as well, build the type's model with its setters and give it to
/// [`new`](Self::new).
///
/// ```rust
/// use smooch_client::models::{IntegrationCreate, IntegrationKind, TwitterTier, Twitter, Web,
///     WebDisplayStyle};
///
/// let sms = IntegrationCreate::twilio("ACa1b2c3", "twilio-auth-token", "PN0a1b2c3");
/// assert_eq!(
///     serde_json::to_string(&sms)?,
///     r#"{"type":"twilio","accountSid":"ACa1b2c3","authToken":"twilio-auth-token","phoneNumberSid":"PN0a1b2c3"}"#,
/// );
/// assert!(!format!("{sms:?}").contains("twilio-auth-token"));
///
/// let web = IntegrationCreate::new(IntegrationKind::Web(
///     Web::default()
///         .with_brand_color("65a4e0")
///         .with_display_style(WebDisplayStyle::Tab)
///         .with_origin_whitelist(["https://example.org"]),
/// ));
/// assert_eq!(
///     serde_json::to_string(&web)?,
///     r#"{"type":"web","brandColor":"65a4e0","displayStyle":"tab","originWhitelist":["https://example.org"]}"#,
/// );
///
/// let premium = IntegrationCreate::new(IntegrationKind::Twitter(
///     Twitter::default()
///         .with_consumer_key("ck")
///         .with_consumer_secret("cs")
///         .with_access_token_key("atk")
///         .with_access_token_secret("ats")
///         .with_tier(TwitterTier::Premium)
///         .with_env_name("prod"),
/// ))
/// .with_display_name("Acme on Twitter");
/// assert_eq!(serde_json::to_value(&premium)?["envName"], "prod");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct IntegrationCreate {
    /// The channel (`type`) and the fields of its type.
    #[serde(flatten)]
    #[model(no_setter)]
    pub kind: IntegrationKind,
    /// A human-friendly name for the integration.
    pub display_name: Option<String>,
}

impl IntegrationCreate {
    /// An integration of the type `kind`, with its fields. For a type this crate does not
    /// know: `IntegrationKind::Other(Unknown::new("kakao"))` with its keys in `fields`.
    pub fn new(kind: IntegrationKind) -> Self {
        Self {
            kind,
            ..Self::default()
        }
    }

    /// LINE: the channel's id, secret and access token.
    pub fn line(
        channel_id: impl Into<String>,
        channel_secret: impl Into<Secret>,
        channel_access_token: impl Into<Secret>,
    ) -> Self {
        let settings = LineSettings::default()
            .with_channel_id(channel_id)
            .with_channel_secret(channel_secret);
        Self::new(IntegrationKind::Line(
            Line::default()
                .with_settings(settings)
                .with_channel_access_token(channel_access_token),
        ))
    }
}

/// `IntegrationCreate::name(fields..)`: the member `Variant(Model)` with those fields (the ones
/// its type requires) set.
macro_rules! constructors {
    ($(
        $(#[$doc:meta])*
        $name:ident => $variant:ident($model:ident) { $($field:ident: $ty:ty),* }
    )*) => {
        impl IntegrationCreate {
            $(
                $(#[$doc])*
                pub fn $name($($field: impl Into<$ty>),*) -> Self {
                    Self::new(IntegrationKind::$variant($model {
                        $($field: Some($field.into()),)*
                        ..$model::default()
                    }))
                }
            )*
        }
    };
}

constructors! {
    /// Facebook Messenger: the Page access token, and the Facebook app's id and secret.
    messenger => Messenger(Messenger) {
        page_access_token: Secret, app_id: String, app_secret: Secret
    }
    /// Instagram Direct: the access token of the Facebook Page the account is linked to, and
    /// the Facebook app's id and secret.
    instagram => Instagram(Instagram) {
        page_access_token: Secret, app_id: String, app_secret: Secret
    }
    /// SMS through Twilio: the account SID, its auth token, and the phone number's SID.
    twilio => Twilio(Twilio) {
        account_sid: String, auth_token: Secret, phone_number_sid: String
    }
    /// Telegram: the bot's token.
    telegram => Telegram(Telegram) { token: Secret }
    /// Viber: the public account's token.
    viber => Viber(Viber) { token: Secret }
    /// WeChat: the WeChat app's id and secret.
    wechat => Wechat(Wechat) { app_id: String, app_secret: Secret }
    /// Email through Mailgun: the API key, the domain, and the address users write to.
    mailgun => Mailgun(Mailgun) {
        api_key: Secret, domain: String, incoming_address: String
    }
    /// SMS through MessageBird: the access key and the number messages are sent from.
    messagebird => Messagebird(Messagebird) { access_key: Secret, originator: String }
    /// Apple Push Notification service: the certificate, base64-encoded.
    apn => Apn(Apn) { certificate: Secret }
    /// Firebase Cloud Messaging: the server key and the sender id.
    fcm => Fcm(Fcm) { server_key: Secret, sender_id: String }
    /// Twitter direct messages: the consumer key and secret, and the access token key and
    /// secret. The `premium` tier also needs an environment name: build a [`Twitter`] with
    /// its `tier` and `env_name` and give it to [`new`](Self::new).
    twitter => Twitter(Twitter) {
        consumer_key: String,
        consumer_secret: Secret,
        access_token_key: String,
        access_token_secret: Secret
    }
    /// WhatsApp: the deployment it sends through (see `create_deployment`).
    whatsapp => Whatsapp(Whatsapp) { deployment_id: String }
    /// Apple Business Chat: the account's id, the MSP's secret key and the MSP's id.
    apple => Apple(Apple) { business_id: String, api_secret: Secret, msp_id: String }
    /// The Web Messenger, with no field set (every field is optional: to set some, give a
    /// [`Web`] to [`new`](Self::new)).
    web => Web(Web) {}
    /// The Android SDK.
    android => Android(Builtin) {}
    /// The iOS SDK.
    ios => Ios(Builtin) {}
}
