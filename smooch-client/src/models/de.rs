//! Crate-private serde helpers for tolerant decoding.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// Deserializes a `T`, mapping an explicit JSON `null` to `T::default()`.
///
/// Used on required (non-`Option`) fields and on collections so that a `null`
/// sent by the server never fails decoding: a `null` string becomes `""`, a
/// `null` number `0`, a `null` enum `Unknown("")`, a `null` array `[]`, a
/// `null` object its `Default`.
pub(crate) fn null_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A `T` that decodes an explicit `null` as `T::default()`.
struct OrDefault<T>(T);

impl<'de, T> Deserialize<'de> for OrDefault<T>
where
    T: Deserialize<'de> + Default,
{
    fn deserialize<D>(deserializer: D) -> Result<Self, D::Error>
    where
        D: Deserializer<'de>,
    {
        null_default(deserializer).map(OrDefault)
    }
}

/// Deserializes a string-keyed map whose values decode `null` as
/// `V::default()`; the map itself may be `null` (empty map).
///
/// Used for objects with open keys that stand for fields, like `override`
/// (`{"whatsapp": …, "line": …}`), so `{"line": null}` decodes.
pub(crate) fn null_default_values<'de, D, V>(
    deserializer: D,
) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de> + Default,
{
    let map: Option<BTreeMap<String, OrDefault<V>>> = Option::deserialize(deserializer)?;
    Ok(map
        .unwrap_or_default()
        .into_iter()
        .map(|(key, OrDefault(value))| (key, value))
        .collect())
}
