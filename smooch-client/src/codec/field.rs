//! What one field's key does, written once: generated `read` and `finish` arms are a call each,
//! so a model with many fields costs the compiler a call per field rather than a block.

use serde::de::{DeserializeSeed, Error, MapAccess};

use super::read::{Decode, Mode, Place, Seed, mark, missing_required, store};

/// Reads an optional field's value into its slot: a model is built there (`IN_PLACE`), anything
/// else is returned and stored, which costs less. The last value read wins.
#[inline(always)]
pub fn read_optional<'de, T, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    mode: Mode,
) -> Result<(), A::Error>
where
    T: Decode<'de>,
{
    if T::IN_PLACE {
        map.next_value_seed(Place::new(slot, mode))
    } else {
        let value = map.next_value_seed(Seed::<Option<T>>::new(mode))?;
        store(slot, value);
        Ok(())
    }
}

/// Reads a field that is not optional: `seed` gives `None` for a `null` (the default, or the
/// error the field's rule and the mode call for); `bit`, when the field is a list or map, records
/// whether it was received so it is written back.
#[inline(always)]
pub fn read_plain<'de, T: Default, S, A>(
    map: &mut A,
    seed: S,
    slot: &mut Option<T>,
    present: &mut u64,
    bit: Option<u32>,
) -> Result<(), A::Error>
where
    S: DeserializeSeed<'de, Value = Option<T>>,
    A: MapAccess<'de>,
{
    let value = match map.next_value_seed(seed)? {
        Some(value) => {
            if let Some(bit) = bit {
                mark(present, bit, true);
            }
            value
        }
        None => {
            if let Some(bit) = bit {
                mark(present, bit, false);
            }
            T::default()
        }
    };
    store(slot, Some(value));
    Ok(())
}

/// A field the API requires, from its slot: missing is an error in a request and the default in
/// a response.
#[inline(always)]
pub fn required<T: Default, E: Error>(
    slot: Option<T>,
    mode: Mode,
    field: &'static str,
) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None => {
            missing_required::<E>(mode, field)?;
            Ok(T::default())
        }
    }
}

/// A key field (an id, a type) from its slot: missing is an error in either mode.
#[inline(always)]
pub fn key<T, E: Error>(slot: Option<T>, field: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(field))
}
