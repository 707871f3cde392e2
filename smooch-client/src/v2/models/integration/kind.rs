//! The unions of the 16 integration types, told apart by `type`: as read ([`IntegrationKind`])
//! and as created ([`IntegrationCreateKind`]); and the types' names ([`IntegrationType`]).

use smooch_macros::model;

use super::{
    Android, AndroidCreate, Apple, AppleCreate, Custom, Instagram, InstagramCreate, Ios, IosCreate,
    Line, LineCreate, Mailgun, MailgunCreate, Messagebird, MessagebirdCreate, Messenger,
    MessengerCreate, Telegram, TelegramCreate, Twilio, TwilioCreate, Twitter, TwitterCreate, Unity,
    UnityCreate, Viber, ViberCreate, Web, WebCreate, Whatsapp, WhatsappCreate,
};
use crate::models::{Unknown, string_enum};

/// Declares a union `enum` whose variants each hold one member (`Variant(Member)`), and
/// `From<Member>` for it, so that a member converts into its union. With `untagged` first, also
/// `Serialize`: each member as itself, nothing added.
macro_rules! members {
    (
        untagged
        $(#[$meta:meta])*
        $vis:vis enum $union:ident {
            $($(#[$variant_meta:meta])* $variant:ident($($member:tt)+),)*
        }
    ) => {
        members! {
            $(#[$meta])*
            $vis enum $union {
                $($(#[$variant_meta])* $variant($($member)+),)*
            }
        }

        impl ::serde::Serialize for $union {
            /// The member's keys, and nothing else.
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $($union::$variant(member) => member.serialize(serializer),)*
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $union:ident {
            $($(#[$variant_meta:meta])* $variant:ident($($member:tt)+),)*
        }
    ) => {
        $(#[$meta])*
        $vis enum $union {
            $($(#[$variant_meta])* $variant($($member)+),)*
        }

        $(
            impl From<$($member)+> for $union {
                fn from(member: $($member)+) -> Self {
                    $union::$variant(member)
                }
            }
        )*
    };
}

pub(super) use members;

/// The type of an integration (`type`) and the fields of that type, as read: the typed view of
/// an [`Integration`](super::Integration).
///
/// Read in the same pass as the keys around it, whether `type` comes first or last. A type
/// this crate does not know is [`Other`](Self::Other), with its tag and every other key, sent
/// back unchanged.
///
/// ```
/// use smooch_client::v2::models::{Integration, IntegrationKind, IntegrationType};
///
/// let integration: Integration = serde_json::from_str(
///     r#"{"id":"5e4af71a81966c000f7f8cd0","type":"telegram","status":"active",
///        "username":"acme_bot","showAIDisclaimer":false}"#,
/// )?;
/// assert_eq!(integration.kind.integration_type(), IntegrationType::Telegram);
/// let IntegrationKind::Telegram(telegram) = &integration.kind else { panic!("telegram") };
/// assert_eq!(telegram.username.as_deref(), Some("acme_bot"));
/// assert_eq!(telegram.responder.show_ai_disclaimer, Some(false));
///
/// let kakao: Integration = serde_json::from_str(r#"{"id":"i2","type":"kakao","channelKey":"k"}"#)?;
/// assert_eq!(kakao.kind.tag(), "kakao");
/// assert!(matches!(&kakao.kind, IntegrationKind::Other(other) if other.fields["channelKey"] == "k"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(tag = "type")]
pub enum IntegrationKind {
    /// `android`: the Android SDK.
    Android(Android),
    /// `apple`: Apple Messages for Business.
    Apple(Apple),
    /// `custom`: your own integration, called at its webhook.
    Custom(Custom),
    /// `instagram`: Instagram Direct.
    Instagram(Instagram),
    /// `ios`: the iOS SDK.
    Ios(Ios),
    /// `line`: LINE.
    Line(Line),
    /// `mailgun`: e-mail through Mailgun.
    Mailgun(Mailgun),
    /// `messagebird`: SMS through MessageBird.
    Messagebird(Messagebird),
    /// `messenger`: Facebook Messenger.
    Messenger(Messenger),
    /// `telegram`: Telegram.
    Telegram(Telegram),
    /// `twilio`: SMS through Twilio.
    Twilio(Twilio),
    /// `twitter`: X (Twitter) direct messages.
    Twitter(Twitter),
    /// `unity`: the Unity SDK.
    Unity(Unity),
    /// `viber`: Viber.
    Viber(Viber),
    /// `web`: the Web Messenger.
    Web(Web),
    /// `whatsapp`: WhatsApp.
    Whatsapp(Whatsapp),
    /// A type this crate does not know, with its tag and its keys as received.
    #[model(other)]
    Other(Unknown),
}

members! {
    /// The type of a new integration (`type`) and its fields: what
    /// [`IntegrationCreate`](super::IntegrationCreate) creates. Each member has a constructor that
    /// takes what its type requires (`MessengerCreate::new(..)`), and converts into this union.
    /// A type this crate does not know is sent as [`Other`](Self::Other):
    /// `Unknown::new("kakao")` with its keys in `fields`.
    #[model(tag = "type", request)]
    pub enum IntegrationCreateKind {
        /// `android`: the Android SDK.
        Android(AndroidCreate),
        /// `apple`: Apple Messages for Business.
        Apple(AppleCreate),
        /// `custom`: your own integration, called at its webhook.
        Custom(Custom),
        /// `instagram`: Instagram Direct.
        Instagram(InstagramCreate),
        /// `ios`: the iOS SDK.
        Ios(IosCreate),
        /// `line`: LINE.
        Line(LineCreate),
        /// `mailgun`: e-mail through Mailgun.
        Mailgun(MailgunCreate),
        /// `messagebird`: SMS through MessageBird.
        Messagebird(MessagebirdCreate),
        /// `messenger`: Facebook Messenger.
        Messenger(MessengerCreate),
        /// `telegram`: Telegram.
        Telegram(TelegramCreate),
        /// `twilio`: SMS through Twilio.
        Twilio(TwilioCreate),
        /// `twitter`: X (Twitter) direct messages.
        Twitter(TwitterCreate),
        /// `unity`: the Unity SDK.
        Unity(UnityCreate),
        /// `viber`: Viber.
        Viber(ViberCreate),
        /// `web`: the Web Messenger.
        Web(WebCreate),
        /// `whatsapp`: WhatsApp.
        Whatsapp(WhatsappCreate),
        /// A type this crate does not know: its tag and keys, sent as they are.
        #[model(other)]
        Other(Unknown),
    }
}

string_enum! {
    in "v2::models";
    /// The type of an integration, as [`IntegrationKind::integration_type`] names it and the
    /// `filter[types]` of `list_integrations` takes it.
    pub enum IntegrationType {
        /// `android`: the Android SDK.
        Android => "android",
        /// `apple`: Apple Messages for Business.
        Apple => "apple",
        /// `custom`: your own integration.
        Custom => "custom",
        /// `instagram`: Instagram Direct.
        Instagram => "instagram",
        /// `ios`: the iOS SDK.
        Ios => "ios",
        /// `line`: LINE.
        Line => "line",
        /// `mailgun`: e-mail through Mailgun.
        Mailgun => "mailgun",
        /// `messagebird`: SMS through MessageBird.
        Messagebird => "messagebird",
        /// `messenger`: Facebook Messenger.
        Messenger => "messenger",
        /// `telegram`: Telegram.
        Telegram => "telegram",
        /// `twilio`: SMS through Twilio.
        Twilio => "twilio",
        /// `twitter`: X (Twitter) direct messages.
        Twitter => "twitter",
        /// `unity`: the Unity SDK.
        Unity => "unity",
        /// `viber`: Viber.
        Viber => "viber",
        /// `web`: the Web Messenger.
        Web => "web",
        /// `whatsapp`: WhatsApp.
        Whatsapp => "whatsapp",
    }
}

impl IntegrationKind {
    /// The type, as the enum `filter[types]` takes (a type this crate does not know is
    /// [`IntegrationType::Unknown`]).
    pub fn integration_type(&self) -> IntegrationType {
        IntegrationType::from(self.tag())
    }
}
