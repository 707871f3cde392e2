//! [`Extra`]: the keys of a model that this crate does not know, kept with their values.

use std::fmt;
use std::ops::Index;

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// The keys of a model that this crate does not know, with their values as received; sent back
/// unchanged when the model is serialized. A new message type, a new action field or a key the
/// API adds tomorrow stays readable without waiting for a release.
///
/// Indexing with a key that is absent gives `Value::Null` (as indexing a `serde_json::Value`
/// does), so chains like `extra["richLink"]["url"]` never panic. Empty (the usual case), it
/// holds no allocation and costs nothing to create or drop.
///
/// ```rust
/// use smooch_client::models::Message;
///
/// let message: Message = serde_json::from_str(
///     r#"{"_id":"m1","authorId":"u1","role":"appUser","type":"richLink","received":1.5,
///        "richLink":{"url":"https://example.org"}}"#,
/// )?;
/// assert!(message.r#type.is_unknown());
/// assert_eq!(message.extra["richLink"]["url"], "https://example.org");
/// assert!(message.extra["absent"].is_null());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct Extra(Option<Box<Map<String, Value>>>);

static NULL: Value = Value::Null;

impl Extra {
    /// No keys.
    pub const fn new() -> Self {
        Extra(None)
    }

    /// The value of `key`, if it was received.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.as_ref()?.get(key)
    }

    /// Whether `key` was received.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Adds a key, replacing (and returning) its earlier value. A key the model knows is sent
    /// twice if it is also added here; keep to keys the model does not have.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) -> Option<Value> {
        self.0
            .get_or_insert_with(Default::default)
            .insert(key.into(), value)
    }

    /// Removes a key and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let map = self.0.as_mut()?;
        let value = map.remove(key);
        if map.is_empty() {
            self.0 = None;
        }
        value
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |map| map.len())
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys and their values, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().flat_map(|map| map.iter())
    }

    /// The keys and values as a JSON map.
    pub fn into_map(self) -> Map<String, Value> {
        self.0.map(|map| *map).unwrap_or_default()
    }
}

impl Index<&str> for Extra {
    type Output = Value;

    /// The value of `key`, or `Value::Null` when it was not received.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl fmt::Debug for Extra {
    /// The keys and their values, except the values of keys named like credentials (`token`,
    /// `secret`, `password`, `certificate`, `credential`, or ending in `key`), at any depth,
    /// which show as `<redacted>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_fields(f, self.iter())
    }
}

/// Writes the keys and values of a map this crate does not know, for `Debug`, hiding credentials
/// ([`Shown`]).
pub(crate) fn debug_fields<'a>(
    f: &mut fmt::Formatter<'_>,
    fields: impl Iterator<Item = (&'a String, &'a Value)>,
) -> fmt::Result {
    f.debug_map()
        .entries(fields.map(|(key, value)| (key, Shown::of(key, value))))
        .finish()
}

/// A JSON value this crate does not know, as `Debug` shows it: as `serde_json` does, except
/// that the value of a key whose name says it holds a credential (`token`, `secret`,
/// `password`, `certificate`, `credential`, or ending in `key`), at any depth, is
/// `<redacted>`. Credentials the crate knows are [`Secret`](crate::Secret)s; this keeps the
/// ones it does not know (a new integration type's token, a key sent to another type) out of
/// logs too.
struct Shown<'a>(Option<&'a Value>);

impl<'a> Shown<'a> {
    fn of(key: &str, value: &'a Value) -> Self {
        Shown((!names_a_credential(key)).then_some(value))
    }
}

fn names_a_credential(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["token", "secret", "passw", "certificate", "credential"]
        .iter()
        .any(|word| key.contains(word))
        || key.ends_with("key")
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("<redacted>"),
            Some(Value::Object(map)) => {
                f.write_str("Object ")?;
                debug_fields(f, map.iter())
            }
            Some(Value::Array(items)) => {
                f.write_str("Array ")?;
                f.debug_list()
                    .entries(items.iter().map(|item| Shown(Some(item))))
                    .finish()
            }
            Some(scalar) => fmt::Debug::fmt(scalar, f),
        }
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let map: Map<String, Value> = iter.into_iter().collect();
        Extra((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        map.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_until_a_key_is_added_and_back_when_removed() {
        let mut extra = Extra::new();
        assert!(extra.is_empty());
        assert_eq!(extra, Extra::default());
        assert!(extra["x"].is_null());
        assert_eq!(extra.insert("x", json!(1)), None);
        assert_eq!(extra.insert("x", json!(2)), Some(json!(1)));
        assert!(extra.contains_key("x"));
        assert_eq!(extra["x"], 2);
        assert_eq!(extra.len(), 1);
        assert_eq!(format!("{extra:?}"), r#"{"x": Number(2)}"#);
        assert_eq!(serde_json::to_value(&extra).unwrap(), json!({"x": 2}));
        assert_eq!(extra.remove("x"), Some(json!(2)));
        assert_eq!(extra, Extra::new(), "nothing left allocated");
        let map: Map<String, Value> = [("a".to_owned(), json!(true))].into_iter().collect();
        let extra = Extra::from(map.clone());
        assert_eq!(extra.iter().count(), 1);
        assert_eq!(extra.into_map(), map);
        assert_eq!(Extra::from(Map::new()), Extra::new());
    }

    #[test]
    fn debug_hides_the_values_of_keys_named_like_credentials_at_any_depth() {
        let extra: Extra = [
            ("apiToken", json!("t-1")),
            ("igAccessToken", json!("t-2")),
            ("clientSecret", json!({"nested": "t-3"})),
            ("signingKey", json!("t-4")),
            ("Password", json!("t-5")),
            ("apnCertificate", json!("t-6")),
            (
                "story",
                json!({"enabled": true, "list": [{"refreshToken": "t-7", "n": 1}]}),
            ),
            ("name", json!("shown")),
        ]
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect();
        let shown = format!("{extra:?}");
        for hidden in ["t-1", "t-2", "t-3", "t-4", "t-5", "t-6", "t-7"] {
            assert!(!shown.contains(hidden), "{hidden} shown in {shown}");
        }
        assert!(shown.contains(r#""name": String("shown")"#), "{shown}");
        assert!(shown.contains(r#""enabled": Bool(true)"#), "{shown}");
        assert!(shown.contains(r#""n": Number(1)"#), "{shown}");
        assert_eq!(shown.matches("<redacted>").count(), 7, "{shown}");
        // Serializing is asked for: it gives every value back.
        assert_eq!(serde_json::to_value(&extra).unwrap()["apiToken"], "t-1");
    }
}
