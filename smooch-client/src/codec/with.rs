//! Readers for `#[model(with = ..)]` fields, whose JSON needs more than the field's rule.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, Error, SeqAccess, Visitor};

use super::{Decode, Mode, Seed};
use crate::paging::PAGE_ITEMS;

/// Reads the items of a page (`null`: none). Room for a full page is made when the first item
/// arrives, so a page's items are not moved again and again while the list grows (the parser
/// cannot say how many follow); the room a short page does not use is given back.
pub fn page_items<'de, D, T>(deserializer: D, mode: Mode) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Decode<'de>,
{
    struct Items<T>(Mode, PhantomData<fn() -> T>);

    impl<'de, T: Decode<'de>> Visitor<'de> for Items<T> {
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
            while let Some(item) = seq.next_element_seed(Seed::<T>::new(self.0))? {
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

    deserializer.deserialize_option(Items(mode, PhantomData))
}

/// Reads a string-keyed map whose values read `null` as `V::default()`; the map itself may be
/// `null` (empty). For objects whose keys name things, like `override` (`{"line": null}`).
pub fn map_of_defaults<'de, D, V>(
    deserializer: D,
    mode: Mode,
) -> Result<BTreeMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Decode<'de> + Default,
{
    let map: Option<BTreeMap<String, Option<V>>> = Decode::decode(deserializer, mode)?;
    Ok(map
        .unwrap_or_default()
        .into_iter()
        .map(|(key, value)| (key, value.unwrap_or_default()))
        .collect())
}
