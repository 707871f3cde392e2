//! What unions (`#[model(tag = "type")]` enums) share: handing a key to the member the tag
//! chose, replaying the keys that came before the tag, and the members this crate does not know.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

use super::{Key, Mode, Read};
use crate::models::Unknown;

/// Hands the key `key` (its value next in `map`) to the model `T`: read into its slot if it
/// knows the key, kept with its unknown keys otherwise.
#[inline]
pub fn feed<'de, T: Read<'de>, A: MapAccess<'de>>(
    slots: &mut T::Slots,
    key: &mut Key,
    map: &mut A,
    mode: Mode,
) -> Result<(), A::Error> {
    match T::key(key) {
        Some(index) => T::read(slots, index, map, mode),
        None => T::unknown(slots, key, map, mode),
    }
}

/// A union's tag as read: the number of a member the union knows, or the text of one it does
/// not (only then is the tag allocated).
pub enum Tag {
    /// The member numbered so (in the union's order).
    Known(u16),
    /// A tag the union does not know, as received.
    Unknown(String),
}

/// Reads a union's tag (`null`: `None`) with `known`, which numbers the tags the union knows.
pub struct TagSeed {
    known: fn(&str) -> Option<u16>,
}

impl TagSeed {
    /// A seed numbering the tags with `known`.
    #[inline]
    pub fn new(known: fn(&str) -> Option<u16>) -> Self {
        TagSeed { known }
    }
}

impl<'de> DeserializeSeed<'de> for TagSeed {
    type Value = Option<Tag>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Tag>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for TagSeed {
    type Value = Option<Tag>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or null")
    }

    fn visit_none<E: Error>(self) -> Result<Option<Tag>, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Option<Tag>, E> {
        Ok(None)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Tag>, D::Error> {
        deserializer.deserialize_str(self)
    }

    #[inline]
    fn visit_str<E: Error>(self, tag: &str) -> Result<Option<Tag>, E> {
        Ok(Some(match (self.known)(tag) {
            Some(index) => Tag::Known(index),
            None => Tag::Unknown(tag.to_owned()),
        }))
    }
}

/// One value that waited for the tag, handed to the member as the live object would have.
pub struct Replay<E> {
    value: Option<Value>,
    marker: PhantomData<fn() -> E>,
}

impl<E> Replay<E> {
    /// A value to hand over once.
    pub fn new(value: Value) -> Self {
        Replay {
            value: Some(value),
            marker: PhantomData,
        }
    }
}

impl<'de, E: Error> MapAccess<'de> for Replay<E> {
    type Error = E;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, _: K) -> Result<Option<K::Value>, E> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, E> {
        let value = self.value.take().unwrap_or(Value::Null);
        seed.deserialize(value).map_err(E::custom)
    }
}

/// A member with the tag `tag` (absent: empty) that the union does not know.
pub fn unknown_member(tag: Option<String>, fields: Map<String, Value>) -> Unknown {
    Unknown {
        tag: tag.unwrap_or_default(),
        fields,
    }
}

/// Writes an unknown member's keys, as received.
pub fn write_fields<S: SerializeMap>(
    fields: &Map<String, Value>,
    map: &mut S,
) -> Result<(), S::Error> {
    for (key, value) in fields {
        map.serialize_entry(key, value)?;
    }
    Ok(())
}
