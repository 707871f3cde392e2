//! [`Conversation`]: the conversation summary returned with messages and activities.

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

/// A user's conversation, as returned alongside messages and activities.
///
/// Real responses repeat keys (the business read receipt sends `unreadCount` twice): the last
/// value wins, as for every model. A missing `_id` is an error (it tells a conversation apart
/// from some other object); a missing `unreadCount` decodes as `0`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Conversation {
    /// The conversation id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// Number of messages the user has not read yet.
    #[decode(required)]
    pub unread_count: u64,
    /// When the business last read the conversation, in unix seconds with a
    /// millisecond fraction (not in the spec; every real response has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_maker_last_read: Option<f64>,
    /// When the user last read the conversation, in unix seconds with a
    /// millisecond fraction (not in the spec; every real response has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user_last_read: Option<f64>,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}
