//! Writing models: `Serialize` from [`Model::write`](super::Model::write), and what is left out.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Serializer;
use serde::ser::SerializeMap;

use super::Model;
use crate::models::Extra;

/// Serializes a model as an object of its keys, then its unknown keys.
#[inline]
pub fn serialize<M: Model, S: Serializer>(model: &M, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    model.write(&mut map)?;
    map.end()
}

/// Writes the unknown keys a model kept, as received.
#[inline]
pub fn write_extra<S: SerializeMap>(extra: &Extra, map: &mut S) -> Result<(), S::Error> {
    for (key, value) in extra.iter() {
        map.serialize_entry(key, value)?;
    }
    Ok(())
}

/// A list or a map: left out when empty, unless it was received empty.
pub trait Collection {
    /// Whether it holds nothing.
    fn is_empty(&self) -> bool;
}

impl<T> Collection for Vec<T> {
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
}

impl<K, V> Collection for BTreeMap<K, V> {
    fn is_empty(&self) -> bool {
        BTreeMap::is_empty(self)
    }
}

impl<K, V, S> Collection for HashMap<K, V, S> {
    fn is_empty(&self) -> bool {
        HashMap::is_empty(self)
    }
}

impl Collection for serde_json::Map<String, serde_json::Value> {
    fn is_empty(&self) -> bool {
        serde_json::Map::is_empty(self)
    }
}

/// Which keys of a model were received, so that serializing a decoded model gives back the
/// keys it came with: a list received empty (`"pendingClients": []`) is written back, and a
/// field that was missing is not written with the default that stood in for it. A model built
/// in code has none of this and writes every field it has. It is bookkeeping, not data: two
/// models that differ only in it are equal, and `Debug` does not show it.
#[derive(Clone, Copy, Default)]
pub struct Present(u64);

impl Present {
    /// The bit that says the model was decoded.
    const DECODED: u64 = 1 << 63;

    /// A decoded model that received the fields whose bits are set in `bits`.
    pub const fn decoded(bits: u64) -> Self {
        Present(bits | Self::DECODED)
    }

    /// Whether the field number `bit` was received (with a value other than `null`).
    #[inline]
    pub fn has(self, bit: u32) -> bool {
        self.0 & (1 << bit) != 0
    }

    /// Whether a field is written: always in a model built in code; in a decoded one when it
    /// was `received`, or holds something other than its default (`is_default`, asked only
    /// then).
    #[inline]
    pub fn written(self, received: bool, is_default: impl FnOnce() -> bool) -> bool {
        self.0 & Self::DECODED == 0 || received || !is_default()
    }
}

impl PartialEq for Present {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for Present {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Present")
    }
}
