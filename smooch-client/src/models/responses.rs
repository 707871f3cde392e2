//! Response bodies of the message endpoints: [`MessageResponse`], [`GetMessagesResponse`].

use smooch_macros::model;

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
#[model]
pub struct MessageResponse {
    /// The message created.
    #[model(key)]
    pub message: Message,
    /// Further messages created by the same post (e.g. when template shorthand
    /// in the text expands to several messages).
    #[model(setter)]
    pub extra_messages: Vec<Message>,
    /// The conversation the message was added to.
    #[model(key)]
    pub conversation: Conversation,
}

/// Response of *get messages*: one page of up to 100 messages, oldest first.
///
/// [`ConversationApi::history`](crate::ConversationApi::history) reads every page as one stream; read one page
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
#[model(setters)]
pub struct GetMessagesResponse {
    /// The conversation.
    pub conversation: Option<Conversation>,
    /// The messages of this page, oldest first.
    #[model(with = crate::codec::page_items)]
    pub messages: Vec<Message>,
    /// Full URL of the next (newer) page, carrying `after=<unix seconds>`.
    pub next: Option<String>,
    /// Full URL of the previous (older) page. Not in the spec; kept in case
    /// the server sends it.
    pub previous: Option<String>,
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
}

impl GetMessagesResponse {
    /// A page of `messages` (oldest first) with no conversation and no further pages.
    pub fn new(messages: Vec<Message>) -> Self {
        Self {
            messages,
            ..Self::default()
        }
    }
}
