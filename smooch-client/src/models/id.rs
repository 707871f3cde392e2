//! [`Id`]: an identifier the API assigned (a message's `_id`, its `authorId`, ...).

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;
use serde::de::{Deserializer, Error, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An identifier the API assigned: a message's id (`_id`), its author's (`authorId`), its
/// source's, ...
///
/// It reads like a `&str` (it derefs to one, and compares with `str`, `&str` and `String`), so it
/// can be passed wherever an endpoint takes an id. Smooch's ids are 24 hexadecimal digits, and an
/// `Id` of up to 24 bytes is held inline: decoding a page of messages allocates nothing for
/// their ids. Longer ids (any text the API sends) are kept as they are.
///
/// ```rust
/// use smooch_client::models::{Id, Message};
///
/// let id = Id::from("5e1f438bf99fb467810c0ab9");
/// assert_eq!(id, "5e1f438bf99fb467810c0ab9");
/// assert_eq!(id.len(), 24);
///
/// let message: Message = serde_json::from_str(
///     r#"{"_id":"5e1f438bf99fb467810c0ab9","authorId":"c7f6","role":"appUser",
///        "type":"text","received":1439220041.586}"#,
/// )?;
/// assert_eq!(message.id, id);
/// let owned: String = message.author_id.into();
/// assert_eq!(owned, "c7f6");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(CompactString);

impl Id {
    /// The id's text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl From<&str> for Id {
    fn from(id: &str) -> Self {
        Id(CompactString::new(id))
    }
}

impl From<&String> for Id {
    fn from(id: &String) -> Self {
        Id(CompactString::new(id))
    }
}

impl From<String> for Id {
    fn from(id: String) -> Self {
        Id(CompactString::from(id))
    }
}

impl From<&Id> for Id {
    fn from(id: &Id) -> Self {
        id.clone()
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.into_string()
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.0.as_str() == other.as_str()
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == other.0.as_str()
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == other.0.as_str()
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        self.as_str() == other.0.as_str()
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = Id;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (a string)")
            }

            fn visit_str<E: Error>(self, id: &str) -> Result<Id, E> {
                Ok(Id(CompactString::new(id)))
            }

            fn visit_string<E: Error>(self, id: String) -> Result<Id, E> {
                Ok(Id(CompactString::from(id)))
            }
        }

        // `deserialize_str`: the parser lends the text, and a short id is copied inline.
        deserializer.deserialize_str(IdVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids_round_trip_and_compare_as_text() {
        for text in [
            "",
            "5e1f438bf99fb467810c0ab9",
            "é\"\\/ \u{1F600}",
            &"x".repeat(100),
        ] {
            let json = serde_json::to_string(text).unwrap();
            let id: Id = serde_json::from_str(&json).unwrap();
            assert_eq!(id, text);
            assert_eq!(id.as_str(), text);
            assert_eq!(serde_json::to_string(&id).unwrap(), json);
            assert_eq!(format!("{id}"), text);
            assert_eq!(format!("{id:?}"), format!("{text:?}"));
            assert_eq!(String::from(id.clone()), text);
            assert_eq!(Id::from(text.to_owned()), id);
        }
        let from_value: Id = serde_json::from_value(serde_json::json!("abc")).unwrap();
        assert_eq!(from_value, "abc");
        let error = serde_json::from_str::<Id>("12").unwrap_err().to_string();
        assert!(error.contains("an id (a string)"), "{error}");
    }
}
