//! [`Conversation`]: the conversation summary returned with messages and activities.

use smooch_macros::model;

use super::{Id, Timestamp};

/// A user's conversation, as returned alongside messages and activities.
///
/// Real responses repeat keys (the business read receipt sends `unreadCount` twice): the last
/// value wins, as for every model. A missing `_id` is an error (it tells a conversation apart
/// from some other object); a missing `unreadCount` decodes as `0`.
///
/// ```rust
/// use smooch_client::models::Conversation;
///
/// // As a test or a fake would seed it.
/// let conversation = Conversation::new("c1").with_unread_count(2);
/// assert_eq!(conversation.unread_count, 2);
///
/// // As the API returns it.
/// let conversation: Conversation = serde_json::from_str(
///     r#"{"_id":"c1","unreadCount":1,"unreadCount":0,"appMakerLastRead":1529675979.541}"#,
/// )?;
/// assert_eq!(conversation.unread_count, 0, "the last value wins");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct Conversation {
    /// The conversation id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: Id,
    /// Number of messages the user has not read yet.
    #[model(required)]
    #[model(setter)]
    pub unread_count: u64,
    /// When the business last read the conversation (not in the spec; every real response has
    /// it).
    pub app_maker_last_read: Option<Timestamp>,
    /// When the user last read the conversation (not in the spec; every real response has it).
    pub app_user_last_read: Option<Timestamp>,
}

impl Conversation {
    /// A conversation with this id, nothing unread.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }
}
