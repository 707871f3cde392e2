//! Key-presence unions: request bodies that are one of several objects told apart only by
//! which key they hold (`destination`, `participantLeaveBody`, `participantSubSchema`,
//! `conversionEventsBody`). Each is a Rust enum (so two keys cannot be set at once) written as
//! its one key; it is read back (for whoever reads requests, such as a fake server) from an
//! object in which exactly one of the keys is set.

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

/// `Serialize` (the variant's one key and its value), `Deserialize` (exactly one of the keys
/// set; other keys ignored) and `Decode` for an enum whose variants each hold one value under
/// one key: `key_presence!(Destination, "a destination", { IntegrationId = "integrationId", .. })`.
macro_rules! key_presence {
    ($name:ident, $what:literal, { $($variant:ident = $key:literal),+ $(,)? }) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(1))?;
                match self {
                    $( $name::$variant(value) => map.serialize_entry($key, value)?, )+
                }
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            /// Exactly one of the keys set (a `null` is not set); other keys are ignored.
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const KEYS: &[&str] = &[$($key),+];
                let (index, value, _) =
                    $crate::v2::models::one_of::one_of(deserializer, $what, KEYS)?;
                let mut variants = 0usize..;
                $(
                    if variants.next() == Some(index) {
                        return $crate::v2::models::one_of::value_as(value).map($name::$variant);
                    }
                )+
                Err(<D::Error as ::serde::de::Error>::custom(concat!($what, ": no key")))
            }
        }

        $crate::codec::decode_as_deserialize!($name);
    };
}

pub(crate) use key_presence;
