//! Response bodies of the message endpoints: [`MessageResponse`], [`GetMessagesResponse`].

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

use super::conversation::Conversation;
use super::message::Message;

/// Response of *post message* (201): the message created and its conversation.
///
/// ```rust
/// use smooch_client::models::{Conversation, Message, MessageResponse, Role};
///
/// // What a stubbed `post_message` might answer in a test.
/// let response = MessageResponse::new(
///     Message::text("m1", Role::AppMaker, "Hello!"),
///     Conversation::new("c1").with_unread_count(1),
/// );
/// assert_eq!(response.message.id, "m1");
/// assert_eq!(response.conversation.unread_count, 1);
/// ```
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
///
/// [`Client::history`](crate::Client::history) reads every page as one stream; read one page
/// with [`ConversationApi::get_messages`](crate::ConversationApi::get_messages).
///
/// ```rust
/// use smooch_client::models::{Conversation, GetMessagesResponse, Message, Role};
///
/// let page = GetMessagesResponse::new(vec![
///     Message::text("m1", Role::AppUser, "Hi"),
///     Message::text("m2", Role::AppMaker, "Hello! How can I help?"),
/// ])
/// .with_conversation(Conversation::new("c1"));
/// let texts: Vec<_> = page.messages.iter().filter_map(|m| m.text.as_deref()).collect();
/// assert_eq!(texts, ["Hi", "Hello! How can I help?"]);
/// assert!(page.next.is_none(), "no newer page");
/// ```
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

impl MessageResponse {
    /// The response for `message`, added to `conversation`.
    pub fn new(message: Message, conversation: Conversation) -> Self {
        Self {
            message,
            conversation,
            ..Self::default()
        }
    }

    /// Sets the further messages created by the same post, replacing any set before.
    pub fn with_extra_messages(mut self, extra_messages: Vec<Message>) -> Self {
        self.extra_messages = extra_messages;
        self
    }
}

impl GetMessagesResponse {
    /// A page of `messages` (oldest first) with no conversation and no further pages.
    pub fn new(messages: Vec<Message>) -> Self {
        Self {
            messages,
            ..Self::default()
        }
    }

    /// Sets the conversation.
    pub fn with_conversation(mut self, conversation: Conversation) -> Self {
        self.conversation = Some(conversation);
        self
    }

    /// Sets the full URL of the next (newer) page.
    pub fn with_next(mut self, next: impl Into<String>) -> Self {
        self.next = Some(next.into());
        self
    }

    /// Sets the full URL of the previous (older) page.
    pub fn with_previous(mut self, previous: impl Into<String>) -> Self {
        self.previous = Some(previous.into());
        self
    }
}
