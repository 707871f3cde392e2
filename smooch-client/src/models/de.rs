//! Crate-private serde helpers for tolerant decoding.

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
