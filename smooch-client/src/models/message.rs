//! [`Message`] (a message as the API returns it), its [`Source`] and [`QuotedMessage`].

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

use super::Metadata;
use super::action::Action;
use super::enums::{MessageType, QuotedMessageType, Role};
use super::form::Field;
use super::item::{DisplaySettings, MessageItem};
use super::location::{Coordinates, Location};

/// A message as returned by the API (response).
///
/// `id`, `author_id`, `role`, `type` and `received` are on every real message:
/// a missing key is a decoding error, an explicit `null` decodes to the
/// default (`""`, `Unknown("")`, `0.0`). Everything else is optional; `name`,
/// `avatar_url` and even `text` are required by the spec but absent in real
/// data (the user's messages have no avatar, form responses no name).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Message {
    /// The message id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// The author: the user's id for `appUser` messages, otherwise a hash of
    /// the app maker's email address.
    #[decode(key)]
    pub author_id: String,
    /// Who wrote the message.
    #[decode(key)]
    pub role: Role,
    /// The kind of message.
    #[decode(key)]
    pub r#type: MessageType,
    /// When the server received the message, in unix seconds with a
    /// millisecond fraction (e.g. `1529675979.541`).
    #[decode(key)]
    pub received: f64,
    /// Where the message came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Author display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Text of the message. `" "` on image and file messages sent without text;
    /// a generated fallback on carousel, list and location messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Author email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Author avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// URL of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// MIME type of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Size of the image or file in bytes (not in the spec; real responses carry it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_size: Option<u64>,
    /// Accessible description of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// Flat metadata (string, number and boolean values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Items of a `carousel` or `list` message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<MessageItem>,
    /// Buttons of the message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Payload of the `reply` action the user tapped to send this message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Carousel layout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_settings: Option<DisplaySettings>,
    /// Whether a `form` message blocks the chat input until it is answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_chat_input: Option<bool>,
    /// Fields of a `form` or `formResponse` message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Whether a `form` has been submitted (set by the server).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<bool>,
    /// The form a `formResponse` answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_message: Option<QuotedMessage>,
    /// Text summary of a `formResponse` (set by the server).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_fallback: Option<String>,
    /// Point of a `location` message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Place of a `location` message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Where a message came from (response only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Source {
    /// The channel: `api`, `web`, `ios`, `android`, `messenger`, `whatsapp`, …
    /// An open set, hence a plain string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Identifier of the source client (for internal purposes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The integration the message came through (API v1.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// The message's id on its channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_message_id: Option<String>,
    /// The message's timestamp on its channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_message_timestamp: Option<f64>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The message a `formResponse` answers (response only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuotedMessage {
    /// How the quoted message is given.
    #[decode(required)]
    pub r#type: QuotedMessageType,
    /// The quoted message's id on its channel (type `externalMessageId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_message_id: Option<String>,
    /// The quoted message itself (type `message`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<Box<Message>>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}
