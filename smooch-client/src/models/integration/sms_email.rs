//! SMS and email: [`Twilio`], [`Messagebird`] and [`Mailgun`] (with [`MailgunSettings`], its
//! fields that can be updated).

use smooch_macros::model;

use crate::Secret;

/// A `twilio` integration: SMS through a Twilio phone number. Created with
/// [`IntegrationCreate::twilio`](super::IntegrationCreate::twilio).
#[model(setters)]
pub struct Twilio {
    /// The Twilio account's SID (required to create).
    pub account_sid: Option<String>,
    /// The Twilio account's auth token (required to create).
    pub auth_token: Option<Secret>,
    /// The SID of the Twilio phone number (required to create).
    pub phone_number_sid: Option<String>,
    /// The phone number that receives messages (set by the server).
    #[model(no_setter)]
    pub phone_number: Option<String>,
    /// The Twilio account's name (set by the server).
    #[model(no_setter)]
    pub name: Option<String>,
}

/// A `messagebird` integration: SMS through MessageBird. Created with
/// [`IntegrationCreate::messagebird`](super::IntegrationCreate::messagebird).
#[model(setters)]
pub struct Messagebird {
    /// The MessageBird access key (required to create).
    pub access_key: Option<Secret>,
    /// The number messages are sent from (required to create).
    pub originator: Option<String>,
    /// The MessageBird key that signs its webhooks.
    pub signing_key: Option<Secret>,
    /// The secret that signs inbound webhooks (set by the server).
    #[model(no_setter)]
    pub webhook_secret: Option<Secret>,
}

/// A `mailgun` integration: email through a Mailgun domain. Created with
/// [`IntegrationCreate::mailgun`](super::IntegrationCreate::mailgun).
#[model(setters)]
pub struct Mailgun {
    /// The Mailgun API key (required to create).
    pub api_key: Option<Secret>,
    /// The Mailgun domain (required to create).
    pub domain: Option<String>,
    /// The address users write to (required to create).
    pub incoming_address: Option<String>,
    /// The fields that can be updated.
    #[serde(flatten)]
    pub settings: MailgunSettings,
}

/// The fields of a [`Mailgun`] integration that can be updated
/// ([`IntegrationUpdate::mailgun`](super::IntegrationUpdate::mailgun)).
#[model(setters)]
pub struct MailgunSettings {
    /// The From and Reply-To address of outgoing emails; it must forward to `incomingAddress`.
    pub from_address: Option<String>,
    /// Whether outgoing emails leave out the unsubscribe link.
    pub hide_unsubscribe_link: Option<bool>,
}
