//! Response bodies of the message endpoints: [`MessageResponse`], [`GetMessagesResponse`].

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

use super::conversation::Conversation;
use super::message::Message;

/// Response of *post message* (201).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageResponse {
    /// The message created.
    #[decode(key)]
    pub message: Message,
    /// Further messages created by the same post (e.g. when template shorthand
    /// in the text expands to several messages).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_messages: Vec<Message>,
    /// The conversation the message was added to.
    #[decode(key)]
    pub conversation: Conversation,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *get messages*: one page of up to 100 messages, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GetMessagesResponse {
    /// The conversation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Conversation>,
    /// The messages of this page, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[decode(with = super::decode::page_items)]
    pub messages: Vec<Message>,
    /// Full URL of the next (newer) page, carrying `after=<unix seconds>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    /// Full URL of the previous (older) page. Not in the spec; kept in case
    /// the server sends it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}
