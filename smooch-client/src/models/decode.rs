//! What `#[derive(Decode)]` code calls: the one place that says what `null` and a missing key
//! mean, in responses (tolerant) and in requests (strict where the API requires a field).
//!
//! A response model decodes whatever the server sends: `null` or a missing key on a field it
//! requires is the field's default. A request model (`#[decode(request)]`) is something a user
//! wrote (a message template in a file, a body received by the fake): there, `null` or a
//! missing key on a field the API requires is an error naming the field, so a request is never
//! sent with data the user did not give (`"lat": null` is not `0.0`).
//!
//! Models such as [`Action`](super::Action) are used on both sides, so the mode is carried by
//! the decoding call, not the type: a request model's `Deserialize` marks the current thread
//! strict for as long as it runs (decoding is synchronous), and the nested models ask. The
//! question is only asked on the rare `null` or missing key, so the common path costs nothing.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

pub use serde;
pub use std::borrow::Cow;

use serde::Deserialize;
use serde::de::{Deserializer, Error, SeqAccess, Visitor};

thread_local! {
    /// How many request models are being decoded on this thread (nested ones included).
    static REQUESTS: Cell<u32> = const { Cell::new(0) };

    /// Whether a request model found inside a response is being decoded ([`lenient`]).
    static LENIENT: Cell<bool> = const { Cell::new(false) };

    /// The text of the unknown key just read, until its model takes it to keep it in `extra`.
    static UNKNOWN_KEY: Cell<String> = const { Cell::new(String::new()) };
}

/// Keeps the text of an unknown key for the model reading it ([`take_unknown_key`] comes right
/// after, before any other key is read). Passing it this way keeps the key reader, which every
/// known key goes through, free of any state.
#[cold]
pub fn unknown_key(key: &str) {
    UNKNOWN_KEY.with(|slot| slot.set(key.to_owned()));
}

/// The text of the unknown key just read.
#[cold]
pub fn take_unknown_key() -> String {
    UNKNOWN_KEY.with(Cell::take)
}

/// Whether a request model is being decoded on this thread, other than inside a response.
fn strict() -> bool {
    REQUESTS.with(|depth| depth.get() > 0) && !LENIENT.with(Cell::get)
}

/// Decodes a request model that a response carries (a template's message) as tolerantly as the
/// response around it: a `null` or missing field the API requires is its default there, since
/// refusing it would fail the whole answer over data the server chose to send.
pub(crate) fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            LENIENT.with(|lenient| lenient.set(self.0));
        }
    }
    let _restore = Restore(LENIENT.with(|lenient| lenient.replace(true)));
    T::deserialize(deserializer)
}

/// Marks the thread strict until dropped.
struct Strict;

impl Strict {
    /// Enters strict decoding; `true` when no request model was being decoded yet.
    fn enter() -> (Strict, bool) {
        let outermost = REQUESTS.with(|depth| {
            let outer = depth.get();
            depth.set(outer + 1);
            outer == 0
        });
        (Strict, outermost)
    }
}

impl Drop for Strict {
    fn drop(&mut self) {
        REQUESTS.with(|depth| depth.set(depth.get().saturating_sub(1)));
    }
}

/// Decodes a request model: strict about required fields, and an error names where it is
/// (`coordinates.lat: ...`).
pub fn request<'de, D, V>(
    deserializer: D,
    name: &'static str,
    fields: &'static [&'static str],
    visitor: V,
) -> Result<V::Value, D::Error>
where
    D: Deserializer<'de>,
    V: Visitor<'de>,
{
    let (_strict, outermost) = Strict::enter();
    if !outermost || LENIENT.with(Cell::get) {
        // The outermost request model reports the whole path.
        return deserializer.deserialize_struct(name, fields, visitor);
    }
    let mut track = serde_path_to_error::Track::new();
    let result = serde_path_to_error::Deserializer::new(deserializer, &mut track)
        .deserialize_struct(name, fields, visitor);
    result.map_err(|error| {
        let path = track.path().to_string();
        if path == "." {
            error
        } else {
            D::Error::custom(format_args!("{name}.{path}: {error}"))
        }
    })
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

/// A field the API requires is `null`: an error in a request, the default in a response.
#[cold]
pub fn null_in_required<E: Error>(field: &'static str) -> Result<(), E> {
    if strict() {
        Err(E::custom(format_args!(
            "`{field}` is required and must not be null"
        )))
    } else {
        Ok(())
    }
}

/// A field the API requires is missing: an error in a request, the default in a response.
#[cold]
pub fn missing_required<E: Error>(field: &'static str) -> Result<(), E> {
    if strict() {
        Err(E::missing_field(field))
    } else {
        Ok(())
    }
}

/// The most items a page of the API holds (`limit` is at most 100).
const PAGE_ITEMS: usize = 100;

/// Decodes the items of a page (`null`: none). Room for a full page is made when the first item
/// arrives, so a page's items are not moved again and again while the list grows (the parser
/// cannot say how many follow); the room a short page does not use is given back.
pub(crate) fn page_items<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Items<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
        type Value = Vec<T>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a list")
        }

        fn visit_none<E: Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }

        fn visit_unit<E: Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
            deserializer.deserialize_seq(self)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                if items.capacity() == 0 {
                    items.reserve_exact(seq.size_hint().unwrap_or(PAGE_ITEMS).max(1));
                }
                items.push(item);
            }
            if items.len() < items.capacity() / 2 {
                items.shrink_to_fit();
            }
            Ok(items)
        }
    }

    deserializer.deserialize_option(Items(PhantomData))
}

/// Decodes a string-keyed map whose values decode `null` as `V::default()`; the map itself may
/// be `null` (empty). For objects whose keys name things, like `override` (`{"line": null}`).
pub(crate) fn map_of_defaults<'de, D, V>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de> + Default,
{
    struct OrDefault<V>(V);

    impl<'de, V: Deserialize<'de> + Default> Deserialize<'de> for OrDefault<V> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Ok(OrDefault(
                Option::<V>::deserialize(deserializer)?.unwrap_or_default(),
            ))
        }
    }

    let map: Option<BTreeMap<String, OrDefault<V>>> = Option::deserialize(deserializer)?;
    Ok(map
        .unwrap_or_default()
        .into_iter()
        .map(|(key, OrDefault(value))| (key, value))
        .collect())
}
