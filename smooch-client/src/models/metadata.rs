//! [`Metadata`]: the flat key/value map attached to messages, actions and apps.

use std::ops::Index;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Flat key/value metadata attached to messages, actions and apps. The API accepts string,
/// number and boolean values only (the fake server refuses anything else, as the API does).
///
/// On the wire it is a plain JSON object. Build it with [`with`](Self::with), from an array of
/// pairs, or by collecting pairs; read it with [`get`](Self::get) or by indexing (an absent key
/// gives `Value::Null`, as indexing a `serde_json::Value` does).
///
/// ```rust
/// use smooch_client::models::{Metadata, MessagePost, Role};
///
/// let metadata = Metadata::new().with("lang", "en").with("attempt", 2).with("vip", true);
/// let message = MessagePost::text(Role::AppMaker, "Hello!").with_metadata(metadata);
/// assert_eq!(
///     serde_json::to_value(&message)?["metadata"],
///     serde_json::json!({"lang": "en", "attempt": 2, "vip": true}),
/// );
///
/// // The same, from pairs.
/// let from_pairs = Metadata::from([("lang", "en"), ("tier", "gold")]);
/// assert_eq!(from_pairs["tier"], "gold");
/// assert!(from_pairs["absent"].is_null());
/// let collected: Metadata = (1..=3).map(|i| (format!("k{i}"), i)).collect();
/// assert_eq!(collected.len(), 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Metadata(Map<String, Value>);

static NULL: Value = Value::Null;

impl Metadata {
    /// No keys.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `key` with `value` (a `&str`, `String`, number or `bool`, or any JSON value),
    /// replacing an earlier value of the key.
    pub fn with(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.insert(key, value);
        self
    }

    /// Adds `key` with `value`, replacing (and returning) its earlier value.
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) -> Option<Value> {
        self.0.insert(key.into(), value.into())
    }

    /// The value of `key`, if it is set.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Whether `key` is set.
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }

    /// Removes `key` and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.0.remove(key)
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys and their values, in key order.
    pub fn iter(&self) -> serde_json::map::Iter<'_> {
        self.0.iter()
    }

    /// The keys and values as a JSON map.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The keys and values as a JSON map.
    pub fn into_map(self) -> Map<String, Value> {
        self.0
    }
}

impl Index<&str> for Metadata {
    type Output = Value;

    /// The value of `key`, or `Value::Null` when it is not set.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Metadata {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut metadata = Self::new();
        metadata.extend(iter);
        metadata
    }
}

impl<K: Into<String>, V: Into<Value>> Extend<(K, V)> for Metadata {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (key, value) in iter {
            self.insert(key, value);
        }
    }
}

impl<K: Into<String>, V: Into<Value>, const N: usize> From<[(K, V); N]> for Metadata {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl From<Map<String, Value>> for Metadata {
    fn from(map: Map<String, Value>) -> Self {
        Self(map)
    }
}

impl From<Metadata> for Map<String, Value> {
    fn from(metadata: Metadata) -> Self {
        metadata.0
    }
}

impl From<Metadata> for Value {
    fn from(metadata: Metadata) -> Self {
        Value::Object(metadata.0)
    }
}

impl IntoIterator for Metadata {
    type Item = (String, Value);
    type IntoIter = serde_json::map::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Metadata {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builds_reads_and_round_trips_as_a_plain_object() {
        let metadata = Metadata::new().with("a", "x").with("n", 1.5).with("a", "y");
        assert_eq!(metadata.len(), 2);
        assert_eq!(metadata["a"], "y", "a later value replaces the earlier");
        assert!(metadata["absent"].is_null());
        assert_eq!(
            serde_json::to_value(&metadata).unwrap(),
            json!({"a": "y", "n": 1.5})
        );
        let back: Metadata = serde_json::from_value(json!({"a": "y", "n": 1.5})).unwrap();
        assert_eq!(back, metadata);
        let map: Map<String, Value> = metadata.clone().into();
        assert_eq!(Metadata::from(map), metadata);
        assert_eq!(Metadata::from([("k", true)]).get("k"), Some(&json!(true)));
        assert_eq!((&metadata).into_iter().count(), 2);
        let mut metadata = metadata;
        assert_eq!(metadata.remove("a"), Some(json!("y")));
        assert!(!metadata.contains_key("a") && !metadata.is_empty());
        assert!(serde_json::from_value::<Metadata>(json!([1])).is_err());
    }
}
