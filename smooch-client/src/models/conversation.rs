//! [`Conversation`]: the conversation summary returned with messages and activities.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A user's conversation, as returned alongside messages and activities.
///
/// `Deserialize` is written by hand: real responses repeat keys (the business
/// read receipt sends `unreadCount` twice), which serde's derived code
/// rejects. Here the last value of a repeated key wins, unknown keys are
/// skipped, and an explicit `null` maps to the field's default. A missing `_id`
/// is an error (it tells a conversation apart from some other object); a
/// missing `unreadCount` decodes as `0`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Conversation {
    /// The conversation id (`_id`).
    #[serde(rename = "_id")]
    pub id: String,
    /// Number of messages the user has not read yet.
    pub unread_count: u64,
    /// When the business last read the conversation, in unix seconds with a
    /// millisecond fraction (not in the spec; every real response has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_maker_last_read: Option<f64>,
    /// When the user last read the conversation, in unix seconds with a
    /// millisecond fraction (not in the spec; every real response has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_user_last_read: Option<f64>,
}

const FIELDS: &[&str] = &["_id", "unreadCount", "appMakerLastRead", "appUserLastRead"];

/// The keys [`Conversation`] knows; anything else is [`Key::Other`].
enum Key {
    Id,
    UnreadCount,
    AppMakerLastRead,
    AppUserLastRead,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        struct KeyVisitor;

        impl Visitor<'_> for KeyVisitor {
            type Value = Key;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Key, E> {
                Ok(match value {
                    "_id" => Key::Id,
                    "unreadCount" => Key::UnreadCount,
                    "appMakerLastRead" => Key::AppMakerLastRead,
                    "appUserLastRead" => Key::AppUserLastRead,
                    _ => Key::Other,
                })
            }

            fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Key, E> {
                match std::str::from_utf8(value) {
                    Ok(value) => self.visit_str(value),
                    Err(_) => Ok(Key::Other),
                }
            }
        }

        deserializer.deserialize_identifier(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Conversation {
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        struct ConversationVisitor;

        impl<'de> Visitor<'de> for ConversationVisitor {
            type Value = Conversation;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a conversation object")
            }

            fn visit_map<A>(self, mut map: A) -> Result<Conversation, A::Error>
            where
                A: MapAccess<'de>,
            {
                let mut id: Option<String> = None;
                let mut unread_count = 0;
                let mut app_maker_last_read = None;
                let mut app_user_last_read = None;
                // A repeated key overwrites: the last value wins.
                while let Some(key) = map.next_key::<Key>()? {
                    match key {
                        Key::Id => {
                            id = Some(map.next_value::<Option<String>>()?.unwrap_or_default());
                        }
                        Key::UnreadCount => {
                            unread_count = map.next_value::<Option<u64>>()?.unwrap_or_default();
                        }
                        Key::AppMakerLastRead => app_maker_last_read = map.next_value()?,
                        Key::AppUserLastRead => app_user_last_read = map.next_value()?,
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Conversation {
                    id: id.ok_or_else(|| de::Error::missing_field("_id"))?,
                    unread_count,
                    app_maker_last_read,
                    app_user_last_read,
                })
            }
        }

        deserializer.deserialize_struct("Conversation", FIELDS, ConversationVisitor)
    }
}
