//! Activities: typing indicators and read receipts ([`ActivityPost`], [`ActivityType`]).

use smooch_macros::model;

use super::Author;
use crate::models::string_enum;

string_enum! {
    in "v2::models";
    /// What an activity says (`type`).
    pub enum ActivityType {
        /// `conversation:read`: the author read the conversation.
        ConversationRead => "conversation:read",
        /// `typing:start`: the business started typing.
        TypingStart => "typing:start",
        /// `typing:stop`: the business stopped typing.
        TypingStop => "typing:stop",
    }
}

/// The body of *post activity*: who does what. A user author may only send
/// `conversation:read`; the constructors build only what the API takes.
///
/// ```
/// use smooch_client::v2::models::{ActivityPost, Author};
///
/// let typing = ActivityPost::typing_start();
/// assert_eq!(
///     serde_json::to_string(&typing)?,
///     r#"{"author":{"type":"business"},"type":"typing:start"}"#,
/// );
/// let read = ActivityPost::read(Author::user("5963c0d619a30a2e00de36b8"));
/// # let _ = read;
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct ActivityPost {
    /// Who performs it.
    #[model(required)]
    pub author: Author,
    /// What it is.
    #[model(required)]
    pub r#type: ActivityType,
}

impl ActivityPost {
    /// `conversation:read` by `author` (the business, or a user).
    pub fn read(author: Author) -> Self {
        ActivityPost::default()
            .with_author(author)
            .with_type(ActivityType::ConversationRead)
    }

    /// `typing:start` by the business.
    pub fn typing_start() -> Self {
        ActivityPost::default()
            .with_author(Author::business())
            .with_type(ActivityType::TypingStart)
    }

    /// `typing:stop` by the business.
    pub fn typing_stop() -> Self {
        ActivityPost::default()
            .with_author(Author::business())
            .with_type(ActivityType::TypingStop)
    }
}
