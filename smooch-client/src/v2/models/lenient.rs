//! Readers for `#[model(with = ..)]` fields that API v2 declares as one JSON type and sends as
//! another.

use std::fmt;

use serde::de::{Deserializer, Error, Visitor};

use crate::codec::Mode;

/// Reads a text field that may come as a number: `messenger.pageId` is declared a number and
/// sent as a string, a user's `externalId` is a string the API's own examples write as a number.
/// Either reads as its text (`123` as `"123"`); `null` as absent.
pub(crate) fn string_or_number<'de, D: Deserializer<'de>>(
    deserializer: D,
    _mode: Mode,
) -> Result<Option<String>, D::Error> {
    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a number")
        }

        fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }

        fn visit_str<E: Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(Some(text.to_owned()))
        }

        fn visit_string<E: Error>(self, text: String) -> Result<Self::Value, E> {
            Ok(Some(text))
        }

        fn visit_u64<E: Error>(self, number: u64) -> Result<Self::Value, E> {
            Ok(Some(number.to_string()))
        }

        fn visit_i64<E: Error>(self, number: i64) -> Result<Self::Value, E> {
            Ok(Some(number.to_string()))
        }

        fn visit_f64<E: Error>(self, number: f64) -> Result<Self::Value, E> {
            Ok(Some(number.to_string()))
        }
    }

    deserializer.deserialize_option(Text)
}

#[cfg(test)]
mod tests {
    use serde::de::IntoDeserializer;
    use serde_json::{Value, json};

    use super::*;

    fn read(value: Value) -> Result<Option<String>, serde_json::Error> {
        string_or_number(value.into_deserializer(), Mode::Response)
    }

    #[test]
    fn strings_and_numbers_read_as_text_and_null_as_absent() {
        assert_eq!(read(json!("1234")).unwrap().as_deref(), Some("1234"));
        assert_eq!(read(json!(1234)).unwrap().as_deref(), Some("1234"));
        assert_eq!(read(json!(-7)).unwrap().as_deref(), Some("-7"));
        assert_eq!(read(json!(1.5)).unwrap().as_deref(), Some("1.5"));
        assert_eq!(read(json!(null)).unwrap(), None);
        for other in [json!(true), json!([]), json!({})] {
            let error = read(other).unwrap_err().to_string();
            assert!(error.contains("a string or a number"), "{error}");
        }
    }
}
