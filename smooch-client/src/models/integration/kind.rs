//! [`IntegrationKind`]: the union of the integration types, told apart by `type`.

use smooch_macros::model;

use super::{
    Apn, Apple, Fcm, Instagram, Line, Mailgun, Messagebird, Messenger, Telegram, Twilio, Twitter,
    Viber, Web, Wechat, Whatsapp,
};
use crate::models::{IntegrationType, Unknown};

/// The type of an integration (`type`) and the fields of that type: the typed view of an
/// [`Integration`](super::Integration), and the channel an
/// [`IntegrationCreate`](super::IntegrationCreate) creates.
///
/// Read in the same pass as the keys around it, whether `type` comes first or last. A type
/// this crate does not know is [`Other`](Self::Other), with its tag and every other key, sent
/// back unchanged.
///
/// ```rust
/// use smooch_client::models::{Integration, IntegrationKind};
///
/// fn describe(integration: &Integration) -> String {
///     match &integration.kind {
///         IntegrationKind::Twilio(twilio) => {
///             format!("SMS on {}", twilio.phone_number.as_deref().unwrap_or("?"))
///         }
///         IntegrationKind::Web(web) => {
///             format!("web messenger in #{}", web.brand_color.as_deref().unwrap_or("default"))
///         }
///         other => format!("a {} integration", other.tag()),
///     }
/// }
///
/// let sms: Integration = serde_json::from_str(
///     r#"{"phoneNumber":"+15145555555","_id":"5e4af71a81966c000f7f8cd1","type":"twilio"}"#,
/// )?;
/// assert_eq!(describe(&sms), "SMS on +15145555555");
/// let kakao: Integration = serde_json::from_str(r#"{"_id":"i2","type":"kakao"}"#)?;
/// assert_eq!(describe(&kakao), "a kakao integration");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(tag = "type")]
pub enum IntegrationKind {
    /// `messenger`: Facebook Messenger.
    Messenger(Messenger),
    /// `instagram`: Instagram Direct.
    Instagram(Instagram),
    /// `twilio`: SMS through Twilio.
    Twilio(Twilio),
    /// `telegram`: Telegram.
    Telegram(Telegram),
    /// `viber`: Viber.
    Viber(Viber),
    /// `line`: LINE.
    Line(Line),
    /// `wechat`: WeChat.
    Wechat(Wechat),
    /// `mailgun`: email through Mailgun.
    Mailgun(Mailgun),
    /// `messagebird`: SMS through MessageBird.
    Messagebird(Messagebird),
    /// `apn`: Apple Push Notification service.
    Apn(Apn),
    /// `fcm`: Firebase Cloud Messaging.
    Fcm(Fcm),
    /// `twitter`: Twitter direct messages.
    Twitter(Twitter),
    /// `whatsapp`: WhatsApp.
    Whatsapp(Whatsapp),
    /// `web`: the Web Messenger.
    Web(Web),
    /// `apple`: Apple Business Chat.
    Apple(Apple),
    /// `android`: the Android SDK.
    Android(Builtin),
    /// `ios`: the iOS SDK.
    Ios(Builtin),
    /// `api`: the API itself.
    Api(Builtin),
    /// A type this crate does not know, with its tag and its keys as received.
    #[model(other)]
    Other(Unknown),
}

impl IntegrationKind {
    /// The type, as the enum the `types` filter of `list_integrations` and a
    /// [`Destination`](crate::models::Destination) take.
    ///
    /// ```rust
    /// use smooch_client::models::{IntegrationKind, IntegrationType, Web};
    ///
    /// assert_eq!(IntegrationKind::Web(Web::default()).integration_type(), IntegrationType::Web);
    /// ```
    pub fn integration_type(&self) -> IntegrationType {
        IntegrationType::from(self.tag())
    }
}

/// The fields of an `android`, `ios` or `api` integration: none of their own (Smooch's SDKs
/// and the API need no credentials). Keys the API adds are kept in `extra`.
#[model]
pub struct Builtin {}
