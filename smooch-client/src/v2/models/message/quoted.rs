//! What a message quotes: the [`QuotedMessage`] union.

use smooch_macros::model;

use super::Message;
use crate::models::Unknown;

/// The message a message quotes (`quotedMessage`; WhatsApp, and Web Messenger form
/// responses): the whole message when the platform knows it, else its id on the channel.
///
/// ```
/// use smooch_client::v2::models::{Content, Message, QuotedMessage};
///
/// let reply: Message = serde_json::from_str(r#"{
///     "id": "6450e1cc5f0a6e5e1c5f4a10",
///     "content": {"type": "text", "text": "Yes, that one"},
///     "quotedMessage": {"type": "message", "message": {
///         "id": "6450e1b25f0a6e5e1c5f4a0f", "content": {"type": "text", "text": "The blue one?"}}}
/// }"#)?;
/// let Some(QuotedMessage::Message(quoted)) = &reply.quoted_message else { panic!() };
/// let original = quoted.message.as_deref().unwrap();
/// assert!(matches!(&original.content, Some(Content::Text(t)) if t.text.as_deref() == Some("The blue one?")));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(tag = "type")]
pub enum QuotedMessage {
    /// `message`: the quoted message, whole.
    Message(QuotedMessageMessage),
    /// `externalMessageId`: no platform message matched; its id on the channel.
    ExternalMessageId(QuotedMessageExternalMessageId),
    /// A type this crate does not know, with its tag and keys as received.
    #[model(other)]
    Other(Unknown),
}

/// A quoted message the platform knows (`type: message`).
#[model(setters)]
pub struct QuotedMessageMessage {
    /// The quoted message.
    pub message: Option<Box<Message>>,
}

/// A quoted message the platform does not know (`type: externalMessageId`).
#[model(setters)]
pub struct QuotedMessageExternalMessageId {
    /// The quoted message's id on its channel.
    pub external_message_id: Option<String>,
}
