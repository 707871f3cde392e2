//! [`IntegrationUpdate`]: the body of *update integration*, one member per type, and the fields
//! every type's member shares ([`IntegrationUpdateBase`]).

use serde_json::{Map, Value};
use smooch_macros::model;

use super::kind::members;
use super::{
    AndroidUpdate, AppleUpdate, CustomUpdate, InstagramUpdate, IosUpdate, LineUpdate,
    MailgunUpdate, MessagebirdUpdate, MessengerUpdate, TelegramUpdate, TwilioUpdate, TwitterUpdate,
    UnityUpdate, ViberUpdate, WebUpdate, WhatsappUpdate,
};

members! {
    untagged
    /// The body of *update integration* (request): the changes to an integration of one type. No
    /// `type` is sent (the integration's type is known from its id); the caller picks the member
    /// of the type of the integration being changed. Only what is set is sent; what a type's
    /// member does not offer cannot be changed (delete and create the integration instead).
    ///
    /// Each member converts into this enum (`.into()`).
    ///
    /// ```
    /// use smooch_client::v2::models::{IntegrationUpdate, MailgunUpdate, WebUpdate};
    ///
    /// let rename: IntegrationUpdate = WebUpdate::default()
    ///     .with_display_name("Support".to_owned())
    ///     .with_show_ai_disclaimer(false)
    ///     .into();
    /// assert_eq!(
    ///     serde_json::to_string(&rename)?,
    ///     r#"{"displayName":"Support","showAIDisclaimer":false}"#,
    /// );
    /// let unset: IntegrationUpdate = MailgunUpdate::default().with_from_address(None).into();
    /// assert_eq!(serde_json::to_string(&unset)?, r#"{"fromAddress":null}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// It is only sent, never read: a body without its type cannot be told apart. Each member is a
    /// model of its own, which reads and writes like the others.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
    // A body is built once per call and only borrowed: boxing the web member would cost an
    // allocation and a `Box::new` at every use for nothing.
    #[allow(clippy::large_enum_variant)]
    pub enum IntegrationUpdate {
        /// Changes to an `android` integration.
        Android(AndroidUpdate),
        /// Changes to an `apple` integration.
        Apple(AppleUpdate),
        /// Changes to a `custom` integration (its name only).
        Custom(CustomUpdate),
        /// Changes to an `instagram` integration.
        Instagram(InstagramUpdate),
        /// Changes to an `ios` integration.
        Ios(IosUpdate),
        /// Changes to a `line` integration.
        Line(LineUpdate),
        /// Changes to a `mailgun` integration.
        Mailgun(MailgunUpdate),
        /// Changes to a `messagebird` integration.
        Messagebird(MessagebirdUpdate),
        /// Changes to a `messenger` integration.
        Messenger(MessengerUpdate),
        /// Changes to a `telegram` integration.
        Telegram(TelegramUpdate),
        /// Changes to a `twilio` integration.
        Twilio(TwilioUpdate),
        /// Changes to a `twitter` integration.
        Twitter(TwitterUpdate),
        /// Changes to a `unity` integration.
        Unity(UnityUpdate),
        /// Changes to a `viber` integration.
        Viber(ViberUpdate),
        /// Changes to a `web` integration.
        Web(WebUpdate),
        /// Changes to a `whatsapp` integration.
        Whatsapp(WhatsappUpdate),
        /// Changes to an integration of a type this crate does not know: its keys, sent as they
        /// are.
        Other(Map<String, Value>),
    }
}

/// What an update of any type but `custom` may change: the name, the default responder and
/// the AI disclaimer. Flattened into each type's update (as `base`), whose setters
/// `with_display_name`, `with_default_responder_id` and `with_show_ai_disclaimer` set it.
#[model(request, setters)]
pub struct IntegrationUpdateBase {
    /// The new name (1 to 100 characters); `Some(None)` sends `null`, which removes it.
    pub display_name: Option<Option<String>>,
    /// The switchboard integration that answers on this channel by default; `Some(None)` sends
    /// `null`.
    pub default_responder_id: Option<Option<String>>,
    /// Whether end users see a disclaimer on AI-generated messages.
    #[serde(rename = "showAIDisclaimer")]
    pub show_ai_disclaimer: Option<bool>,
}

/// The setters of [`IntegrationUpdateBase`] on each update that flattens it.
macro_rules! base_setters {
    ($($update:ident),* $(,)?) => {$(
        impl $update {
            /// Sets the new name; `None` sends `null`, which removes it.
            pub fn with_display_name(mut self, value: impl Into<Option<String>>) -> Self {
                self.base = self.base.with_display_name(value);
                self
            }

            /// Sets the switchboard integration that answers on this channel by default;
            /// `None` sends `null`.
            pub fn with_default_responder_id(mut self, value: impl Into<Option<String>>) -> Self {
                self.base = self.base.with_default_responder_id(value);
                self
            }

            /// Sets whether end users see a disclaimer on AI-generated messages.
            pub fn with_show_ai_disclaimer(mut self, value: bool) -> Self {
                self.base = self.base.with_show_ai_disclaimer(value);
                self
            }
        }
    )*};
}

base_setters!(
    AndroidUpdate,
    AppleUpdate,
    InstagramUpdate,
    IosUpdate,
    LineUpdate,
    MailgunUpdate,
    MessagebirdUpdate,
    MessengerUpdate,
    TelegramUpdate,
    TwilioUpdate,
    TwitterUpdate,
    UnityUpdate,
    ViberUpdate,
    WebUpdate,
    WhatsappUpdate,
);
