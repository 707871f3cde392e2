//! Sending: [`MessagePost`] (the body of *post message*), its [`Destination`] and
//! [`MessageOverride`].

use serde_json::Value;
use smooch_macros::model;

use super::{Author, Content};
use crate::models::Metadata;
use crate::models::string_enum;
use crate::v2::models::one_of::key_presence;

/// A message to post (the body of *post message*): who sends it and what it says, and
/// optionally where it goes, metadata, raw channel payloads and the content's schema.
///
/// The common cases are one expression:
///
/// ```
/// use smooch_client::v2::models::{Action, Author, Content, MessagePost, TextMessage};
///
/// let hello = MessagePost::business(Content::text("Hello"));
/// assert_eq!(
///     serde_json::to_string(&hello)?,
///     r#"{"author":{"type":"business"},"content":{"type":"text","text":"Hello"}}"#,
/// );
///
/// let question = MessagePost::business(
///     TextMessage::new("How did we do?")
///         .with_action(Action::reply("Great", "great"))
///         .with_action(Action::reply("Meh", "meh")),
/// );
/// let photo = MessagePost::business(Content::image("https://shop.example.com/runner.jpg"))
///     .with_author(Author::business().with_display_name("Acme"));
/// let from_user = MessagePost::user("5963c0d619a30a2e00de36b8", Content::text("Hi"));
/// # let _ = (question, photo, from_user);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct MessagePost {
    /// Who sends it.
    #[model(required)]
    pub author: Author,
    /// What it says.
    #[model(required)]
    pub content: Content,
    /// Which channel it goes to, or none (a business author in a personal conversation).
    pub destination: Option<Destination>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// Raw payloads sent as they are to a channel (`override`).
    pub r#override: Option<MessageOverride>,
    /// The schema of the content: `whatsapp` for a native WhatsApp template.
    pub schema: Option<String>,
}

impl MessagePost {
    /// `content`, sent by `author`.
    pub fn new(author: Author, content: impl Into<Content>) -> Self {
        MessagePost::default()
            .with_author(author)
            .with_content(content)
    }

    /// `content`, sent by the business.
    pub fn business(content: impl Into<Content>) -> Self {
        MessagePost::new(Author::business(), content)
    }

    /// `content`, sent as the user with this id.
    pub fn user(user_id: impl Into<crate::models::Id>, content: impl Into<Content>) -> Self {
        MessagePost::new(Author::user(user_id), content)
    }

    /// A native WhatsApp template object (`template` content, `schema: "whatsapp"`), sent by
    /// the business.
    ///
    /// ```
    /// use smooch_client::v2::models::MessagePost;
    ///
    /// let reminder = MessagePost::whatsapp_template(serde_json::json!({
    ///     "namespace": "acme", "name": "delivery_reminder",
    ///     "language": {"policy": "deterministic", "code": "en"}
    /// }));
    /// assert_eq!(reminder.schema.as_deref(), Some("whatsapp"));
    /// ```
    pub fn whatsapp_template(template: Value) -> Self {
        MessagePost::business(super::TemplateMessage::new(template)).with_schema("whatsapp")
    }
}

/// Where a business message goes (`destination`): one integration, or every client of one
/// channel type, or — with the type `none` — nowhere (a silent message, stored but not
/// delivered). Only for a business author in a personal conversation.
///
/// ```
/// use smooch_client::v2::models::{Content, Destination, MessagePost};
///
/// let by_sms = MessagePost::business(Content::text("Your code is 1234"))
///     .with_destination(Destination::channel("twilio"));
/// let note = MessagePost::business(Content::text("Called the customer"))
///     .with_destination(Destination::none());
/// assert_eq!(
///     serde_json::to_value(&note)?["destination"],
///     serde_json::json!({"integrationType": "none"}),
/// );
/// # let _ = by_sms;
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Destination {
    /// Through this integration (`integrationId`); an error if the user has no client of it in
    /// the conversation.
    IntegrationId(String),
    /// Through the user's client of this channel type (`integrationType`: `messenger`,
    /// `twilio`, ...), or `none` for a silent message.
    IntegrationType(String),
}

impl Destination {
    /// Through the integration with this id.
    pub fn integration(integration_id: impl Into<String>) -> Self {
        Destination::IntegrationId(integration_id.into())
    }

    /// Through the user's client of this channel type.
    pub fn channel(integration_type: impl Into<String>) -> Self {
        Destination::IntegrationType(integration_type.into())
    }

    /// Nowhere: a silent message, stored in the conversation but not delivered.
    pub fn none() -> Self {
        Destination::channel("none")
    }
}

key_presence!(Destination, "a destination", {
    IntegrationId = "integrationId",
    IntegrationType = "integrationType",
});

/// Raw payloads sent as they are to channels (`override`), any of the four at once; the
/// `content` is used where none applies.
#[model(request, setters)]
pub struct MessageOverride {
    /// Apple Messages for Business.
    pub apple: Option<AppleMessageOverridePayload>,
    /// LINE.
    pub line: Option<MessageOverridePayload>,
    /// Messenger.
    pub messenger: Option<MessageOverridePayload>,
    /// WhatsApp.
    pub whatsapp: Option<MessageOverridePayload>,
}

/// A payload sent as it is to a channel.
#[model(request, setters)]
pub struct MessageOverridePayload {
    /// The channel's own message object.
    pub payload: Option<Value>,
}

impl MessageOverridePayload {
    /// The channel's message object `payload`.
    pub fn new(payload: Value) -> Self {
        MessageOverridePayload::default().with_payload(payload)
    }
}

/// A payload sent as it is to Apple Messages for Business, and what the device must support.
#[model(request, setters)]
pub struct AppleMessageOverridePayload {
    /// Apple's own message object.
    pub payload: Option<Value>,
    /// What the user's device must be capable of.
    #[model(add = with_capability)]
    pub with_capabilities: Vec<AppleCapability>,
}

impl AppleMessageOverridePayload {
    /// Apple's message object `payload`.
    pub fn new(payload: Value) -> Self {
        AppleMessageOverridePayload::default().with_payload(payload)
    }
}

string_enum! {
    in "v2::models";
    /// A capability an Apple device must have for an override (`withCapabilities`).
    pub enum AppleCapability {
        /// `LIST`: list pickers.
        List => "LIST",
        /// `TIME`: time pickers.
        Time => "TIME",
        /// `FORM`: forms.
        Form => "FORM",
        /// `QUICK`: quick replies.
        Quick => "QUICK",
        /// `AUTH2`: authentication.
        Auth2 => "AUTH2",
    }
}
