//! Key-presence unions: request bodies that are one of several objects told apart only by
//! which key they hold (`destination`, `participantLeaveBody`, `participantSubSchema`,
//! `conversionEventsBody`). Each is a Rust enum (so two keys cannot be set at once) written by
//! hand as its one key; this reads one back, for whoever reads requests (the fake server).

use serde::de::{Deserialize, Deserializer, Error};
use serde_json::{Map, Value};

/// Reads an object in which exactly one of `keys` is set (a `null` is not set), as
/// `(index in keys, its value, the other keys)`; `what` names the body in errors.
pub(crate) fn one_of<'de, D: Deserializer<'de>>(
    deserializer: D,
    what: &'static str,
    keys: &'static [&'static str],
) -> Result<(usize, Value, Map<String, Value>), D::Error> {
    let mut object = Map::deserialize(deserializer)?;
    object.retain(|_, value| !value.is_null());
    let mut found = keys
        .iter()
        .enumerate()
        .filter(|(_, key)| object.contains_key(**key));
    match (found.next(), found.next()) {
        (Some((index, key)), None) => {
            let value = object.remove(*key).unwrap_or(Value::Null);
            Ok((index, value, object))
        }
        _ => Err(D::Error::custom(format_args!(
            "{what} needs exactly one of `{}`",
            keys.join("`, `")
        ))),
    }
}

/// The value of a key-presence union's key, as a `T`.
pub(crate) fn value_as<T: serde::de::DeserializeOwned, E: Error>(value: Value) -> Result<T, E> {
    T::deserialize(value).map_err(E::custom)
}
