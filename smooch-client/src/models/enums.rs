//! String enums of the API, each open to values this crate does not know yet.
//!
//! The API adds enum values without a version bump (a new message type, a new
//! integration type, …), so every enum here ends with an `Unknown(String)`
//! variant that keeps the raw value: decoding never fails on an unexpected
//! value and re-encoding sends the same string back.

/// Defines a `#[non_exhaustive]` string enum with a final `Unknown(String)`
/// variant, plus `as_str`, `Display`, `From<&str>`, `From<String>`,
/// `FromStr` (infallible), `Serialize`, `Deserialize` (known values decode
/// without allocating), `Default` (= `Unknown("")`), `Clone`, `Debug`,
/// `PartialEq`, `Eq` and `Hash`.
///
/// Each enum's documentation gets an example of decoding its first value and an unknown one.
/// The enum's public path in its docs' example is `smooch_client::models::Name`, or
/// `smooch_client::<module>::Name` after a leading `in "<module>";` (`in "v2::models";`).
macro_rules! string_enum {
    (
        in $module:literal;
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(#[$fmeta:meta])*
            $first:ident => $fvalue:literal,
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $value:literal,
            )*
        }
    ) => {
        string_enum! {
            @expand [$first => $fvalue] [$module]
            $(#[$meta])*
            $vis enum $name {
                $(#[$fmeta])*
                $first => $fvalue,
                $(
                    $(#[$vmeta])*
                    $variant => $value,
                )*
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(#[$fmeta:meta])*
            $first:ident => $fvalue:literal,
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $value:literal,
            )*
        }
    ) => {
        string_enum! {
            @expand [$first => $fvalue] ["models"]
            $(#[$meta])*
            $vis enum $name {
                $(#[$fmeta])*
                $first => $fvalue,
                $(
                    $(#[$vmeta])*
                    $variant => $value,
                )*
            }
        }
    };
    (
        @expand [$first:ident => $fvalue:literal] [$module:literal]
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $value:literal,
            )+
        }
    ) => {
        $(#[$meta])*
        ///
        /// ```rust
        #[doc = concat!("use smooch_client::", $module, "::", stringify!($name), ";")]
        ///
        #[doc = concat!("let value: ", stringify!($name), " = serde_json::from_str(r#\"", stringify!($fvalue), "\"#)?;")]
        #[doc = concat!("assert_eq!(value, ", stringify!($name), "::", stringify!($first), ");")]
        #[doc = concat!("assert_eq!(value.as_str(), ", stringify!($fvalue), ");")]
        #[doc = concat!("assert_eq!(value, ", stringify!($name), "::from(", stringify!($fvalue), "));")]
        ///
        /// // A value this version of the crate does not know is kept, and sent back unchanged.
        #[doc = concat!("let new: ", stringify!($name), " = serde_json::from_str(r#\"\"somethingNew\"\"#)?;")]
        #[doc = concat!("assert_eq!(new, ", stringify!($name), "::Unknown(\"somethingNew\".into()));")]
        /// assert_eq!(serde_json::to_string(&new)?, r#""somethingNew""#);
        /// # Ok::<(), serde_json::Error>(())
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this version of the crate does not know; the raw string is kept
            /// and sent back unchanged when serialized.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The value exactly as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Unknown(raw) => raw.as_str(),
                }
            }

            /// Whether this is a value the crate does not know ([`Self::Unknown`]).
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }

            /// The known variant for `value`, if any.
            fn known(value: &str) -> ::std::option::Option<Self> {
                match value {
                    $( $value => ::std::option::Option::Some(Self::$variant), )+
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl ::std::default::Default for $name {
            /// `Unknown("")`: what an explicit JSON `null` decodes to on a required field.
            fn default() -> Self {
                Self::Unknown(::std::string::String::new())
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or(Self::Unknown(value))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        crate::codec::decode_as_deserialize!($name);

        impl ::serde::Serialize for $name {
            fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
            where
                S: ::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        /// Sent as its wire value, e.g. in `?types=twilio,line`.
        #[diagnostic::do_not_recommend]
        impl $crate::request::QueryValue for $name {
            fn write(&self, out: &mut ::std::string::String) -> ::std::result::Result<(), ::std::string::String> {
                $crate::request::QueryValue::write(self.as_str(), out)
            }
        }

        /// Sent as its wire value in a multipart text field.
        #[diagnostic::do_not_recommend]
        impl $crate::request::PartValue for $name {
            fn content(&self) -> ::std::option::Option<$crate::request::PartContent> {
                $crate::request::PartValue::content(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                struct Visitor;

                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }

                    fn visit_str<E>(self, value: &str) -> ::std::result::Result<$name, E>
                    where
                        E: ::serde::de::Error,
                    {
                        ::std::result::Result::Ok($name::from(value))
                    }

                    fn visit_string<E>(
                        self,
                        value: ::std::string::String,
                    ) -> ::std::result::Result<$name, E>
                    where
                        E: ::serde::de::Error,
                    {
                        ::std::result::Result::Ok($name::from(value))
                    }
                }

                deserializer.deserialize_str(Visitor)
            }
        }
    };
}
#[cfg(feature = "v2")]
pub(crate) use string_enum;

string_enum! {
    /// Who authored a message, or who performs a conversation activity.
    pub enum Role {
        /// `appUser`: the end user.
        AppUser => "appUser",
        /// `appMaker`: the business (bot or agent).
        AppMaker => "appMaker",
        /// `whisper`: an internal note between agents, not shown to the end user.
        Whisper => "whisper",
    }
}

string_enum! {
    /// The kind of a message; it decides which other fields apply (see
    /// [`MessagePost`](crate::models::MessagePost)).
    pub enum MessageType {
        /// `text`: `text` is required (optional when `actions` are present).
        Text => "text",
        /// `image`: `mediaUrl` is required.
        Image => "image",
        /// `file`: `mediaUrl` is required.
        File => "file",
        /// `carousel`: `items` (1–10) are required.
        Carousel => "carousel",
        /// `list`: `items` (up to 10) are required.
        List => "list",
        /// `location`: `coordinates` are required.
        Location => "location",
        /// `form`: `fields` are required (Web Messenger only).
        Form => "form",
        /// `formResponse`: produced when a user submits a form (response only).
        FormResponse => "formResponse",
    }
}

string_enum! {
    /// The kind of an [`Action`](crate::models::Action) button.
    pub enum ActionType {
        /// `buy`: a payment button; needs `amount` (cents).
        Buy => "buy",
        /// `link`: opens `uri`.
        Link => "link",
        /// `locationRequest`: asks the user to share a location.
        LocationRequest => "locationRequest",
        /// `postback`: sends `payload` back to the business as a postback.
        Postback => "postback",
        /// `reply`: a quick reply; `payload` comes back on the user's message.
        Reply => "reply",
        /// `share`: a share button (Facebook Messenger carousels only).
        Share => "share",
        /// `webview`: opens `uri` in a webview; needs `fallback`.
        Webview => "webview",
    }
}

string_enum! {
    /// The kind of a [`ConversationActivity`](crate::models::ConversationActivity).
    pub enum ActivityType {
        /// `typing:start`: the business started typing.
        TypingStart => "typing:start",
        /// `typing:stop`: the business stopped typing.
        TypingStop => "typing:stop",
        /// `conversation:read`: the business read the conversation (read receipt).
        ConversationRead => "conversation:read",
    }
}

string_enum! {
    /// Height of a `webview` action's webview.
    pub enum ActionSize {
        /// `compact`: the smallest webview.
        Compact => "compact",
        /// `tall`: a medium-height webview.
        Tall => "tall",
        /// `full`: a full-screen webview.
        Full => "full",
    }
}

string_enum! {
    /// Display size of a [`MessageItem`](crate::models::MessageItem)
    /// (only the top item of a Facebook Messenger list honours it).
    pub enum ItemSize {
        /// `compact`: a small item.
        Compact => "compact",
        /// `large`: a large item with a cover image.
        Large => "large",
    }
}

string_enum! {
    /// Aspect ratio of carousel images (Facebook Messenger only).
    pub enum ImageAspectRatio {
        /// `horizontal`: 1.91:1 (the default).
        Horizontal => "horizontal",
        /// `square`: 1:1.
        Square => "square",
    }
}

string_enum! {
    /// The kind of a form field.
    pub enum FieldType {
        /// `text`: free text, bounded by `minSize` / `maxSize`.
        Text => "text",
        /// `email`: an email address.
        Email => "email",
        /// `select`: a choice among `options`.
        Select => "select",
    }
}

string_enum! {
    /// The type of a channel integration: the `type` of an
    /// [`Integration`](crate::models::Integration), a `types` filter of `list_integrations`,
    /// and the channel a [`Destination`](crate::models::Destination) targets.
    pub enum IntegrationType {
        /// `android`: the Android SDK.
        Android => "android",
        /// `api`: the API itself.
        Api => "api",
        /// `apn`: Apple Push Notification service.
        Apn => "apn",
        /// `apple`: Apple Business Chat (named in the spec's prose, not in its enum).
        Apple => "apple",
        /// `fcm`: Firebase Cloud Messaging.
        Fcm => "fcm",
        /// `instagram`: Instagram Direct (named in the spec's prose, not in its enum).
        Instagram => "instagram",
        /// `ios`: the iOS SDK.
        Ios => "ios",
        /// `line`: LINE.
        Line => "line",
        /// `mailgun`: email through Mailgun.
        Mailgun => "mailgun",
        /// `messagebird`: SMS through MessageBird.
        Messagebird => "messagebird",
        /// `messenger`: Facebook Messenger.
        Messenger => "messenger",
        /// `telegram`: Telegram.
        Telegram => "telegram",
        /// `twilio`: SMS through Twilio.
        Twilio => "twilio",
        /// `twitter`: Twitter direct messages.
        Twitter => "twitter",
        /// `viber`: Viber.
        Viber => "viber",
        /// `web`: the Web Messenger.
        Web => "web",
        /// `wechat`: WeChat.
        Wechat => "wechat",
        /// `whatsapp`: WhatsApp.
        Whatsapp => "whatsapp",
    }
}

string_enum! {
    /// How a [`QuotedMessage`](crate::models::QuotedMessage) refers to the quoted message.
    pub enum QuotedMessageType {
        /// `message`: the quoted message is embedded in `content`.
        Message => "message",
        /// `externalMessageId`: only the channel's id, in `externalMessageId`.
        ExternalMessageId => "externalMessageId",
    }
}

string_enum! {
    /// State of a `buy` action (response only).
    pub enum ActionState {
        /// `offered`: not paid yet.
        Offered => "offered",
        /// `paid`: the user paid.
        Paid => "paid",
    }
}

string_enum! {
    /// What a webhook subscribes to, and the `trigger` of each event it receives
    /// (see [`webhook::Event`](crate::webhook::Event)).
    ///
    /// The v1.1 values are the spec's `WebhookTriggers`; `delivery:success`, `delivery:failure`,
    /// `message` and `*` are API v1 values, kept so that v1 webhooks and their events read back.
    /// `message` and `*` are subscriptions only: no event carries them as its trigger.
    pub enum WebhookTrigger {
        /// `appUser:delete`: a user was deleted.
        AppUserDelete => "appUser:delete",
        /// `client:add`: a client (channel or SDK device) was added to a user.
        ClientAdd => "client:add",
        /// `client:remove`: a client was removed from a user.
        ClientRemove => "client:remove",
        /// `conversation:read`: the user read the conversation.
        ConversationRead => "conversation:read",
        /// `conversation:referral`: a user with a conversation followed a referral (Messenger
        /// code, ad, WeChat QR code).
        ConversationReferral => "conversation:referral",
        /// `conversation:start`: the user opted in to receive messages (some channels only).
        ConversationStart => "conversation:start",
        /// `link:failure`: linking a user to a channel failed.
        LinkFailure => "link:failure",
        /// `link:match`: the user was matched on the channel being linked.
        LinkMatch => "link:match",
        /// `link:success`: the channel was linked.
        LinkSuccess => "link:success",
        /// `merge:appUser`: users were merged into one.
        MergeAppUser => "merge:appUser",
        /// `message:appMaker`: a message by the business (`appMaker` or `whisper`) was added.
        MessageAppMaker => "message:appMaker",
        /// `message:appUser`: a message by the user was added.
        MessageAppUser => "message:appUser",
        /// `message:delivery:channel`: the channel accepted a business message.
        MessageDeliveryChannel => "message:delivery:channel",
        /// `message:delivery:failure`: a business message could not be delivered.
        MessageDeliveryFailure => "message:delivery:failure",
        /// `message:delivery:user`: the channel confirmed delivery to the user.
        MessageDeliveryUser => "message:delivery:user",
        /// `notification:delivery:channel`: the channel accepted a notification.
        NotificationDeliveryChannel => "notification:delivery:channel",
        /// `notification:delivery:failure`: a notification could not be delivered.
        NotificationDeliveryFailure => "notification:delivery:failure",
        /// `notification:delivery:user`: the channel confirmed a notification's delivery.
        NotificationDeliveryUser => "notification:delivery:user",
        /// `payment:success`: a `buy` action was paid.
        PaymentSuccess => "payment:success",
        /// `postback`: the user tapped a postback button.
        Postback => "postback",
        /// `typing:appUser`: the user started or stopped typing.
        TypingAppUser => "typing:appUser",
        /// `delivery:success` (API v1): a business message was delivered to the channel.
        DeliverySuccess => "delivery:success",
        /// `delivery:failure` (API v1): a business message could not be delivered.
        DeliveryFailure => "delivery:failure",
        /// `message` (API v1 subscription): every message, the user's and the business's.
        Message => "message",
        /// `*` (API v1 subscription): every trigger.
        All => "*",
    }
}

impl WebhookTrigger {
    /// Whether a webhook subscribed to `self` receives events whose trigger is `event`:
    /// `message` covers both message triggers, `*` every trigger but `typing:appUser` (Smooch
    /// clients subscribe to both, which suggests `*` does not include it).
    ///
    /// ```
    /// use smooch_client::models::WebhookTrigger;
    ///
    /// assert!(WebhookTrigger::Message.covers(&WebhookTrigger::MessageAppUser));
    /// assert!(WebhookTrigger::All.covers(&WebhookTrigger::Postback));
    /// assert!(!WebhookTrigger::All.covers(&WebhookTrigger::TypingAppUser));
    /// ```
    pub fn covers(&self, event: &WebhookTrigger) -> bool {
        match self {
            WebhookTrigger::Message => matches!(
                event,
                WebhookTrigger::MessageAppUser | WebhookTrigger::MessageAppMaker
            ),
            WebhookTrigger::All => *event != WebhookTrigger::TypingAppUser,
            subscription => subscription == event,
        }
    }
}

string_enum! {
    /// Whether a client of a user can receive messages: a v1.1
    /// [`AppUserClient`](crate::models::AppUserClient) or a v2 `Client`.
    pub enum ClientStatus {
        /// `active`: it can.
        Active => "active",
        /// `blocked`: the user blocked the business on this channel.
        Blocked => "blocked",
        /// `inactive`: it no longer can (e.g. the SDK was uninstalled).
        Inactive => "inactive",
        /// `pending`: a link waiting for the user's confirmation.
        Pending => "pending",
    }
}

string_enum! {
    /// Whether an integration works (response only): a v1.1
    /// [`Integration`](crate::models::Integration) or a v2 `Integration`.
    pub enum IntegrationStatus {
        /// `active`: the integration works.
        Active => "active",
        /// `inactive`: the integration is turned off.
        Inactive => "inactive",
        /// `error`: the integration failed (a v1.1 integration's `error` says why).
        Error => "error",
    }
}

string_enum! {
    /// How the Web Messenger shows its launcher (`displayStyle` of a `web` integration).
    pub enum WebDisplayStyle {
        /// `button`: a round button (the default).
        Button => "button",
        /// `tab`: a tab along the bottom of the page.
        Tab => "tab",
    }
}

string_enum! {
    /// The Twitter API tier of a `twitter` integration (`tier`).
    pub enum TwitterTier {
        /// `enterprise`: the Enterprise Account Activity API.
        Enterprise => "enterprise",
        /// `premium`: the Premium Account Activity API; needs `envName`.
        Premium => "premium",
    }
}

string_enum! {
    /// The kind of a [`MenuItem`](crate::models::MenuItem) or
    /// [`SubMenuItem`](crate::models::SubMenuItem).
    pub enum MenuItemType {
        /// `link`: opens `uri`.
        Link => "link",
        /// `postback`: sends `payload` back to the business as a postback.
        Postback => "postback",
        /// `submenu`: opens the item's own `items` (top-level items only).
        Submenu => "submenu",
    }
}

string_enum! {
    /// Where a WhatsApp [`Deployment`](crate::models::Deployment) is in its life.
    pub enum DeploymentStatus {
        /// `deleting`: being deleted.
        Deleting => "deleting",
        /// `error`: something failed.
        Error => "error",
        /// `integrated`: an integration uses it.
        Integrated => "integrated",
        /// `pending`: being set up.
        Pending => "pending",
        /// `registered`: its phone number is registered.
        Registered => "registered",
        /// `starting`: starting up.
        Starting => "starting",
        /// `unregistered`: ready, its phone number not registered yet.
        Unregistered => "unregistered",
    }
}

string_enum! {
    /// Who hosts a WhatsApp [`Deployment`](crate::models::Deployment).
    pub enum DeploymentHosting {
        /// `self`: your own WhatsApp Business API client (`baseUrl`, `username`, `password`).
        SelfHosted => "self",
        /// `smooch`: hosted by Smooch.
        Smooch => "smooch",
    }
}

string_enum! {
    /// How the code that activates a deployment's phone number is sent.
    pub enum DeploymentActivationMethod {
        /// `sms`: by text message.
        Sms => "sms",
        /// `voice`: by a phone call.
        Voice => "voice",
    }
}
