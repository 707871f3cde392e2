//! SMS and e-mail: [`Mailgun`], [`Messagebird`] and [`Twilio`], with their create and update
//! bodies.

use smooch_macros::model;

use super::{IntegrationUpdateBase, Responder, ResponderSettings};
use crate::Secret;

/// A `mailgun` integration: e-mail through a Mailgun domain (response; the API key is
/// write-only and never comes back).
#[model]
pub struct Mailgun {
    /// The key that signs Mailgun's webhooks.
    pub signing_key: Option<Secret>,
    /// The verified Mailgun sending domain.
    pub domain: Option<String>,
    /// The address whose mail is read (also the Reply-To of outgoing mail).
    pub incoming_address: Option<String>,
    /// Whether outgoing mail leaves out the unsubscribe link.
    pub hide_unsubscribe_link: Option<bool>,
    /// The From and Reply-To address of outgoing mail, when not `incomingAddress`.
    pub from_address: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `mailgun` integration (request).
#[model(request, setters)]
pub struct MailgunCreate {
    /// The Mailgun API key (write-only).
    #[model(required)]
    pub api_key: Secret,
    /// The key that signs Mailgun's webhooks (absent: the API key).
    pub signing_key: Option<Secret>,
    /// The verified Mailgun sending domain.
    #[model(required)]
    pub domain: String,
    /// The address whose mail is read (also the Reply-To of outgoing mail).
    #[model(required)]
    pub incoming_address: String,
    /// Whether outgoing mail leaves out the unsubscribe link.
    pub hide_unsubscribe_link: Option<bool>,
    /// Another From and Reply-To address for outgoing mail; it must forward to
    /// `incomingAddress`.
    pub from_address: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl MailgunCreate {
    /// The API key, the domain and the address mail is read from: what a `mailgun`
    /// integration requires.
    pub fn new(
        api_key: impl Into<Secret>,
        domain: impl Into<String>,
        incoming_address: impl Into<String>,
    ) -> Self {
        Self::default()
            .with_api_key(api_key)
            .with_domain(domain)
            .with_incoming_address(incoming_address)
    }
}

/// The changes to a `mailgun` integration (request): only what is set is sent.
#[model(request, setters)]
pub struct MailgunUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// Whether outgoing mail leaves out the unsubscribe link.
    pub hide_unsubscribe_link: Option<bool>,
    /// Another From and Reply-To address; `Some(None)` sends `null`, which goes back to
    /// `incomingAddress`.
    pub from_address: Option<Option<String>>,
}

/// A `messagebird` integration: SMS through MessageBird (response; the keys are write-only and
/// never come back).
#[model]
pub struct Messagebird {
    /// The MessageBird number that receives messages.
    pub originator: Option<String>,
    /// The secret to put in MessageBird's forward URL (read-only).
    pub webhook_secret: Option<Secret>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `messagebird` integration (request).
#[model(request, setters)]
pub struct MessagebirdCreate {
    /// The MessageBird API key (write-only).
    #[model(required)]
    pub access_key: Secret,
    /// The key that signs MessageBird's webhooks (write-only).
    #[model(required)]
    pub signing_key: Secret,
    /// The MessageBird number that receives messages.
    #[model(required)]
    pub originator: String,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl MessagebirdCreate {
    /// The access and signing keys and the number: what a `messagebird` integration requires.
    pub fn new(
        access_key: impl Into<Secret>,
        signing_key: impl Into<Secret>,
        originator: impl Into<String>,
    ) -> Self {
        Self::default()
            .with_access_key(access_key)
            .with_signing_key(signing_key)
            .with_originator(originator)
    }
}

/// The changes to a `messagebird` integration (request): its name, default responder and AI
/// disclaimer only.
#[model(request, setters)]
pub struct MessagebirdUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
}

/// A `twilio` integration: SMS through Twilio (response; the auth token is write-only and never
/// comes back).
#[model]
pub struct Twilio {
    /// The Twilio account's SID.
    pub account_sid: Option<String>,
    /// The SID of the phone number messages are sent from.
    pub phone_number_sid: Option<String>,
    /// The SID of the messaging service messages are sent through.
    pub messaging_service_sid: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `twilio` integration (request): the account's SID and auth token, and
/// what messages are sent from ([`TwilioSender`]: a phone number or a messaging service).
///
/// ```
/// use smooch_client::v2::models::{IntegrationCreate, TwilioCreate, TwilioSender};
///
/// let sms = TwilioCreate::new("ACa1b2", "auth-token", TwilioSender::MessagingService("MG9f".into()));
/// assert_eq!(
///     serde_json::to_string(&IntegrationCreate::new(sms))?,
///     r#"{"type":"twilio","accountSid":"ACa1b2","authToken":"auth-token","messagingServiceSid":"MG9f"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct TwilioCreate {
    /// The Twilio account's SID.
    #[model(required)]
    pub account_sid: String,
    /// The Twilio account's auth token (write-only).
    #[model(required)]
    pub auth_token: Secret,
    /// The SID of the phone number messages are sent from (this or the messaging service:
    /// set them with [`with_sender`](Self::with_sender)).
    #[model(no_setter)]
    pub phone_number_sid: Option<String>,
    /// The SID of the messaging service messages are sent through (this or the phone number).
    #[model(no_setter)]
    pub messaging_service_sid: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// What a Twilio integration sends from: exactly one of a phone number and a messaging service.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TwilioSender {
    /// The SID of a phone number (`phoneNumberSid`, `PN…`).
    PhoneNumber(String),
    /// The SID of a messaging service (`messagingServiceSid`, `MG…`).
    MessagingService(String),
}

impl TwilioCreate {
    /// The account's SID and auth token, and what messages are sent from: what a `twilio`
    /// integration requires.
    pub fn new(
        account_sid: impl Into<String>,
        auth_token: impl Into<Secret>,
        sender: TwilioSender,
    ) -> Self {
        Self::default()
            .with_account_sid(account_sid)
            .with_auth_token(auth_token)
            .with_sender(sender)
    }

    /// Sets what messages are sent from (and unsets the other of the two).
    pub fn with_sender(mut self, sender: TwilioSender) -> Self {
        (self.phone_number_sid, self.messaging_service_sid) = match sender {
            TwilioSender::PhoneNumber(sid) => (Some(sid), None),
            TwilioSender::MessagingService(sid) => (None, Some(sid)),
        };
        self
    }
}

/// The changes to a `twilio` integration (request): its name, default responder and AI
/// disclaimer only.
#[model(request, setters)]
pub struct TwilioUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
}
