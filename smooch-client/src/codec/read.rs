//! Reading models: the one loop every model is read with (returned, or built in its field's
//! slot), the key reader, the [`Mode`] (tolerant response or strict request) and [`Decode`],
//! which hands the mode to nested models.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};

use super::{Model, Read};

/// The text of a key a model does not know, as the visitor read it. It is held inline up to 24
/// bytes, and one buffer serves every key of an object: a union hands its member's keys over
/// (`"text"`, `"mediaUrl"`, ...) without allocating. A model that keeps a key takes it
/// ([`take_key`]).
pub type Key = compact_str::CompactString;

/// Takes a key out of the visitor's buffer, to keep it (in `extra`, or with an unknown member).
#[inline]
pub fn take_key(key: &mut Key) -> String {
    std::mem::take(key).into_string()
}

/// How a model is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// What the server sent: `null` or a missing key on a field the API requires is the
    /// field's default, so an answer is never refused over data the server chose to send.
    Response,
    /// What a user wrote (a message template in a file, a body the fake receives): `null` or a
    /// missing key on a field the API requires is an error naming the field, so no request is
    /// sent with a value nobody gave (`"lat": null` is not `0.0`).
    Request,
}

/// A value read in a [`Mode`]: models pass the mode to the models they hold; every other type
/// reads as its `Deserialize` does.
pub trait Decode<'de>: Sized {
    /// Whether it is built in its field's slot ([`decode_some_into`](Self::decode_some_into)),
    /// as a model is: a smaller value is returned, which costs less.
    const IN_PLACE: bool = false;

    /// Reads the value from `deserializer` in `mode`.
    fn decode<D: Deserializer<'de>>(deserializer: D, mode: Mode) -> Result<Self, D::Error>;

    /// Reads the value into `place` as `Some`. A model builds itself there rather than being
    /// moved out through every layer that returns it (the deserializer's, the option's, the
    /// seed's).
    #[inline]
    fn decode_some_into<D: Deserializer<'de>>(
        deserializer: D,
        mode: Mode,
        place: &mut Option<Self>,
    ) -> Result<(), D::Error> {
        let value = Self::decode(deserializer, mode)?;
        store(place, Some(value));
        Ok(())
    }
}

/// Reads an optional `T` into its field's slot (`null`: `None`), as a serde seed: a model is
/// built there ([`Decode::decode_some_into`]). The last value read wins.
pub struct Place<'a, T> {
    mode: Mode,
    place: &'a mut Option<T>,
}

impl<'a, T> Place<'a, T> {
    /// A seed reading into `place` in `mode`.
    #[inline]
    pub fn new(place: &'a mut Option<T>, mode: Mode) -> Self {
        Place { mode, place }
    }
}

impl<'de, T: Decode<'de>> DeserializeSeed<'de> for Place<'_, T> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: Decode<'de>> Visitor<'de> for Place<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: Error>(self) -> Result<(), E> {
        *self.place = None;
        Ok(())
    }

    fn visit_unit<E: Error>(self) -> Result<(), E> {
        *self.place = None;
        Ok(())
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        T::decode_some_into(d, self.mode, self.place)
    }
}

/// Reads a `T` in a mode, as a serde seed.
pub struct Seed<T> {
    mode: Mode,
    marker: PhantomData<fn() -> T>,
}

impl<T> Seed<T> {
    /// A seed reading in `mode`.
    #[inline]
    pub fn new(mode: Mode) -> Self {
        Seed {
            mode,
            marker: PhantomData,
        }
    }
}

impl<'de, T: Decode<'de>> DeserializeSeed<'de> for Seed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::decode(deserializer, self.mode)
    }
}

/// Reads a field the API requires: `None` for a `null` the mode tolerates, an error naming the
/// field for one it does not (raised while the value is read, so the error's path ends at it).
pub struct Required<T> {
    mode: Mode,
    field: &'static str,
    marker: PhantomData<fn() -> T>,
}

impl<T> Required<T> {
    /// A seed reading the field `field` in `mode`.
    #[inline]
    pub fn new(mode: Mode, field: &'static str) -> Self {
        Required {
            mode,
            field,
            marker: PhantomData,
        }
    }
}

impl<'de, T: Decode<'de>> DeserializeSeed<'de> for Required<T> {
    type Value = Option<T>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        let value = Option::<T>::decode(deserializer, self.mode)?;
        if value.is_none() {
            null_in_required(self.mode, self.field)?;
        }
        Ok(value)
    }
}

/// Reads the model `M` from an object, in one visit: each key once, the last value of a
/// repeated key kept, unknown keys kept in `extra`.
#[inline]
pub fn decode<'de, M: Read<'de>, D: Deserializer<'de>>(
    deserializer: D,
    mode: Mode,
) -> Result<M, D::Error> {
    deserializer.deserialize_map(ModelVisitor::<M> {
        mode,
        marker: PhantomData,
    })
}

/// Reads the model `M` from an object into `place`, as [`decode`] does.
#[inline]
pub fn decode_into<'de, M: Read<'de>, D: Deserializer<'de>>(
    deserializer: D,
    mode: Mode,
    place: &mut Option<M>,
) -> Result<(), D::Error> {
    deserializer.deserialize_map(PlaceVisitor { mode, place })
}

/// Reads the request model `M` strictly; an error names where it is
/// (`MessagePost.coordinates.lat: ...`).
pub fn request<'de, M: Read<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<M, D::Error> {
    let mut track = serde_path_to_error::Track::new();
    let result = decode::<M, _>(
        serde_path_to_error::Deserializer::new(deserializer, &mut track),
        Mode::Request,
    );
    result.map_err(|error| {
        let path = track.path().to_string();
        if path == "." {
            error
        } else {
            D::Error::custom(format_args!("{}.{path}: {error}", M::NAME))
        }
    })
}

struct ModelVisitor<M> {
    mode: Mode,
    marker: PhantomData<fn() -> M>,
}

impl<'de, M: Read<'de>> Visitor<'de> for ModelVisitor<M> {
    type Value = M;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", M::NAME)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<M, A::Error> {
        let mut slots = M::Slots::default();
        read_keys::<M, A>(&mut slots, map, self.mode)?;
        M::finish(slots, self.mode)
    }
}

struct PlaceVisitor<'a, M> {
    mode: Mode,
    place: &'a mut Option<M>,
}

impl<'de, M: Read<'de>> Visitor<'de> for PlaceVisitor<'_, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", M::NAME)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let mut slots = M::Slots::default();
        read_keys::<M, A>(&mut slots, map, self.mode)?;
        store(self.place, Some(M::finish(slots, self.mode)?));
        Ok(())
    }
}

/// Reads every key of an object into `M`'s slots.
#[inline(always)]
fn read_keys<'de, M: Read<'de>, A: MapAccess<'de>>(
    slots: &mut M::Slots,
    mut map: A,
    mode: Mode,
) -> Result<(), A::Error> {
    // The text of the unknown key just read; known keys never touch it.
    let mut unknown = Key::default();
    while let Some(key) = map.next_key_seed(KeySeed::<M> {
        slots,
        unknown: &mut unknown,
    })? {
        match key {
            Some(key) => M::read(slots, key, &mut map, mode)?,
            None => M::unknown(slots, &mut unknown, &mut map, mode)?,
        }
    }
    Ok(())
}

/// Reads a key: its number in `M` (given what was read of the object so far, `slots`), or
/// `None` with its text written into `unknown`.
struct KeySeed<'a, M: Model> {
    slots: &'a M::Slots,
    unknown: &'a mut Key,
}

impl<'de, M: Model> DeserializeSeed<'de> for KeySeed<'_, M> {
    type Value = Option<u16>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<u16>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, M: Model> Visitor<'de> for KeySeed<'_, M> {
    type Value = Option<u16>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    #[inline]
    fn visit_str<E: Error>(self, value: &str) -> Result<Option<u16>, E> {
        let key = M::key_in(self.slots, value);
        if key.is_none() {
            keep_text(self.unknown, value);
        }
        Ok(key)
    }

    fn visit_bytes<E: Error>(self, value: &[u8]) -> Result<Option<u16>, E> {
        // A key that is not UTF-8 cannot name a field; it is kept as close as it can be.
        self.visit_str(&String::from_utf8_lossy(value))
    }
}

#[cold]
fn keep_text(unknown: &mut Key, key: &str) {
    unknown.clear();
    unknown.push_str(key);
}

/// Stores a field's value in its slot: the last value of a repeated key wins. The first value
/// (the usual case) is written without dropping anything.
#[inline(always)]
pub fn store<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    } else {
        replace(slot, value);
    }
}

#[cold]
#[inline(never)]
fn replace<T>(slot: &mut Option<T>, value: Option<T>) {
    *slot = value;
}

/// Records whether the list or map number `bit` was received empty (so it is written back).
#[inline]
pub fn mark(present: &mut u64, bit: u32, empty: bool) {
    if empty {
        *present |= 1 << bit;
    } else {
        *present &= !(1 << bit);
    }
}

/// A field the API requires is `null`: an error in a request, the default in a response.
#[cold]
pub fn null_in_required<E: Error>(mode: Mode, field: &'static str) -> Result<(), E> {
    match mode {
        Mode::Request => Err(E::custom(format_args!(
            "`{field}` is required and must not be null"
        ))),
        Mode::Response => Ok(()),
    }
}

/// A field the API requires is missing: an error in a request, the default in a response.
#[cold]
pub fn missing_required<E: Error>(mode: Mode, field: &'static str) -> Result<(), E> {
    match mode {
        Mode::Request => Err(E::missing_field(field)),
        Mode::Response => Ok(()),
    }
}

/// `Decode` for types that hold no model: they read as their `Deserialize` does.
macro_rules! decode_as_deserialize {
    ($($ty:ty),* $(,)?) => {$(
        impl<'de> $crate::codec::Decode<'de> for $ty {
            #[inline]
            fn decode<D: ::serde::Deserializer<'de>>(
                deserializer: D,
                _mode: $crate::codec::Mode,
            ) -> ::core::result::Result<Self, D::Error> {
                <$ty as ::serde::Deserialize<'de>>::deserialize(deserializer)
            }
        }
    )*};
}
pub(crate) use decode_as_deserialize;

decode_as_deserialize!(
    String,
    bool,
    u8,
    u16,
    u32,
    u64,
    usize,
    i8,
    i16,
    i32,
    i64,
    isize,
    f32,
    f64,
    serde_json::Value,
    serde_json::Map<String, serde_json::Value>,
    crate::Secret,
    crate::models::Id,
    crate::models::Metadata,
    crate::models::Timestamp,
);

impl<'de, T: Decode<'de>> Decode<'de> for Option<T> {
    #[inline]
    fn decode<D: Deserializer<'de>>(deserializer: D, mode: Mode) -> Result<Self, D::Error> {
        struct OptionVisitor<T>(Mode, PhantomData<fn() -> T>);

        impl<'de, T: Decode<'de>> Visitor<'de> for OptionVisitor<T> {
            type Value = Option<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }

            fn visit_none<E: Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }

            fn visit_unit<E: Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }

            #[inline]
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
                T::decode(d, self.0).map(Some)
            }
        }

        deserializer.deserialize_option(OptionVisitor(mode, PhantomData))
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Box<T> {
    #[inline]
    fn decode<D: Deserializer<'de>>(deserializer: D, mode: Mode) -> Result<Self, D::Error> {
        T::decode(deserializer, mode).map(Box::new)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Vec<T> {
    fn decode<D: Deserializer<'de>>(deserializer: D, mode: Mode) -> Result<Self, D::Error> {
        struct VecVisitor<T>(Mode, PhantomData<fn() -> T>);

        impl<'de, T: Decode<'de>> Visitor<'de> for VecVisitor<T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element_seed(Seed::<T>::new(self.0))? {
                    items.push(item);
                }
                Ok(items)
            }
        }

        deserializer.deserialize_seq(VecVisitor(mode, PhantomData))
    }
}

impl<'de, V: Decode<'de>> Decode<'de> for BTreeMap<String, V> {
    fn decode<D: Deserializer<'de>>(deserializer: D, mode: Mode) -> Result<Self, D::Error> {
        struct MapVisitor<V>(Mode, PhantomData<fn() -> V>);

        impl<'de, V: Decode<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = BTreeMap<String, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = BTreeMap::new();
                while let Some((key, value)) =
                    map.next_entry_seed(PhantomData::<String>, Seed::<V>::new(self.0))?
                {
                    entries.insert(key, value);
                }
                Ok(entries)
            }
        }

        deserializer.deserialize_map(MapVisitor(mode, PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de;

    #[test]
    fn marks_follow_the_last_value() {
        let mut present = 0;
        mark(&mut present, 3, true);
        assert_eq!(present, 0b1000);
        mark(&mut present, 0, true);
        mark(&mut present, 3, false);
        assert_eq!(present, 0b1);
    }

    #[test]
    fn rules_depend_on_the_mode_only() {
        assert!(null_in_required::<de::value::Error>(Mode::Response, "a").is_ok());
        assert!(missing_required::<de::value::Error>(Mode::Response, "a").is_ok());
        let null = null_in_required::<de::value::Error>(Mode::Request, "a").unwrap_err();
        assert_eq!(null.to_string(), "`a` is required and must not be null");
        let missing = missing_required::<de::value::Error>(Mode::Request, "a").unwrap_err();
        assert_eq!(missing.to_string(), "missing field `a`");
    }

    #[test]
    fn options_lists_and_maps_read_in_the_mode_given() {
        let mut json = serde_json::Deserializer::from_str(r#"{"a": [1, null], "b": null}"#);
        let map: BTreeMap<String, Option<Vec<Option<u8>>>> =
            Decode::decode(&mut json, Mode::Request).unwrap();
        assert_eq!(map["a"], Some(vec![Some(1), None]));
        assert_eq!(map["b"], None);
        let boxed: Box<u8> =
            Decode::decode(&mut serde_json::Deserializer::from_str("7"), Mode::Response).unwrap();
        assert_eq!(*boxed, 7);
    }
}
