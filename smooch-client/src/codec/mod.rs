//! What `#[model]` code calls: the machinery every model shares, written once. Not public API.
//!
//! - [`Model`] and [`Read`]: what the macro generates per model (its slots, which key is
//!   whose, what each value becomes, the model built from its slots, how it is written);
//! - [`read`]: the one loop that drives them (a model returned, or built in its field's
//!   slot), the key reader, the [`Mode`] a model is read in, and [`Decode`], which carries the
//!   mode into nested models;
//! - [`write`]: `Serialize` from [`Model::write`], and what is left out;
//! - [`json_path`]: where in a JSON text a decode error is, found from the text after the fact.
//!
//! A response (what the server sends) is read tolerantly; a request (what a user wrote, or
//! what the fake receives) strictly where the API requires a field. The mode is chosen by the
//! type that starts the decoding (`#[model(request)]`) and handed down explicitly to every
//! nested model through [`Decode`]: a request model inside a response (a template's message)
//! is read as tolerantly as the response around it. No state is kept anywhere else.

mod field;
pub(crate) mod json_path;
mod read;
mod union;
mod with;
mod write;

pub use field::{key, read_optional, read_plain, required};
pub use read::{
    Decode, Key, Mode, Required, Seed, decode, decode_into, mark, missing_required,
    null_in_required, request, store, take_key,
};
pub use serde;
pub use serde_json;
pub use union::{Replay, Tag, TagSeed, feed, unknown_member, write_fields};

pub(crate) use read::decode_as_deserialize;
pub use with::{map_of_defaults, page_items};
pub use write::{Collection, Present, serialize, write_extra};

use serde::de::{Error, MapAccess};
use serde::ser::SerializeMap;

/// A model's fields, as `#[model]` generates them: read in one visit of an object, by number.
///
/// Its own keys are numbered from 0 in field order; a flattened model's keys follow, after an
/// offset of [`KEYS`](Model::KEYS) of every model before it.
pub trait Model: Sized {
    /// Where the values read so far wait until the object ends.
    type Slots: Default;
    /// The model's name, for errors (`a Message object`).
    const NAME: &'static str;
    /// How many keys it reads, its flattened models' included.
    const KEYS: u16;
    /// Whether it takes the keys it does not know, as a union does (the keys of the member
    /// its tag names): a model that flattens it hands them over instead of keeping them.
    const CLAIMS_UNKNOWN: bool = false;

    /// The number of a key it reads, `None` for a key it does not know.
    fn key(name: &str) -> Option<u16>;

    /// The number of a key, knowing what was read of the object so far (`slots`): a union,
    /// once its tag has chosen the member, numbers the member's keys after its tag, so they
    /// are read as directly as a struct's own. By default, [`key`](Self::key).
    #[inline]
    fn key_in(slots: &Self::Slots, name: &str) -> Option<u16> {
        let _ = slots;
        Self::key(name)
    }

    /// The model from its slots: a missing key is an error or the default, by the field's rule.
    fn finish<E: Error>(slots: Self::Slots, mode: Mode) -> Result<Self, E>;

    /// Writes its keys (and its unknown ones) into `map`.
    fn write<S: SerializeMap>(&self, map: &mut S) -> Result<(), S::Error>;
}

/// Reading a model's values, for a deserializer of lifetime `'de`.
pub trait Read<'de>: Model {
    /// Reads the value of key number `key` into its slot.
    fn read<A: MapAccess<'de>>(
        slots: &mut Self::Slots,
        key: u16,
        map: &mut A,
        mode: Mode,
    ) -> Result<(), A::Error>;

    /// Takes the value of a key it does not know (`key` is its text, in the visitor's buffer:
    /// [`take_key`] it to keep it): kept in `extra`, or handed to a flattened union.
    fn unknown<A: MapAccess<'de>>(
        slots: &mut Self::Slots,
        key: &mut Key,
        map: &mut A,
        mode: Mode,
    ) -> Result<(), A::Error>;
}

#[cfg(test)]
mod tests;
