//! Integrations (an app's channels, and your own code): [`Integration`], whose
//! [`IntegrationKind`] holds the fields of its type; the bodies [`IntegrationCreate`] and
//! [`IntegrationUpdate`]; [`IntegrationResponse`] and [`IntegrationListResponse`].
//!
//! Each of the 16 types has a model as read ([`Messenger`], [`Web`], ...), a create body
//! ([`MessengerCreate`], [`WebCreate`], ...; its constructor takes what the type requires) and an
//! update body ([`MessengerUpdate`], ...). They differ as the API's fields do: a write-only
//! field (a secret such as `messenger.appSecret`, or `defaultResponderId`) is only in the
//! bodies, as it never comes back; a read-only one (`attachmentsEnabled`, `defaultResponder`,
//! `telegram.username`) only in the model read. Fields that are both sent and read form small
//! groups that the model and its bodies flatten ([`WebSettings`], [`LineSettings`],
//! [`WhatsappSettings`], [`ConversationListSettings`]), and every type but `custom` flattens its
//! default responder ([`Responder`] when read, [`ResponderSettings`] when sent,
//! [`IntegrationUpdateBase`] when changed).
//!
//! Credentials (tokens, secrets, keys, passwords, certificates) are [`Secret`]s: sent and read
//! as plain strings but never shown by `Debug`.
//!
//! [`Secret`]: crate::Secret

mod chat_apps;
mod custom;
mod kind;
mod resource;
mod responder;
mod sdk;
mod sms_email;
mod social;
mod update;
mod web;

pub use chat_apps::{
    Line, LineCreate, LineSettings, LineUpdate, Telegram, TelegramCreate, TelegramUpdate, Viber,
    ViberCreate, ViberUpdate, Whatsapp, WhatsappCreate, WhatsappSettings, WhatsappUpdate,
};
pub use custom::{Custom, CustomUpdate, CustomWebhook};
pub use kind::{IntegrationCreateKind, IntegrationKind, IntegrationType};
pub use resource::{
    Integration, IntegrationCreate, IntegrationListFilter, IntegrationListResponse,
    IntegrationResponse,
};
pub use responder::{DefaultResponder, Responder, ResponderSettings};
pub use sdk::{
    Android, AndroidCreate, AndroidUpdate, ConversationListSettings, Ios, IosCreate, IosUpdate,
    Unity, UnityCreate, UnityUpdate,
};
pub use sms_email::{
    Mailgun, MailgunCreate, MailgunUpdate, Messagebird, MessagebirdCreate, MessagebirdUpdate,
    Twilio, TwilioCreate, TwilioSender, TwilioUpdate,
};
pub use social::{
    Apple, AppleCreate, AppleUpdate, FacebookCredentials, Instagram, InstagramCreate,
    InstagramUpdate, Messenger, MessengerCreate, MessengerUpdate, Twitter, TwitterCreate,
    TwitterUpdate,
};
pub use update::{IntegrationUpdate, IntegrationUpdateBase};
pub use web::{PrechatCapture, PrechatField, Web, WebCreate, WebSettings, WebUpdate};
