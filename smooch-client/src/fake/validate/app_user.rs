//! Checks on the bodies of *pre-create app user* and *update app user*.

use super::Check;
use crate::models::{AppUserPreCreate, AppUserUpdate};

/// A user to pre-create: a non-empty `userId`, and `signedUpAt` as ISO-8601 text.
pub(crate) fn app_user_pre_create(user: &AppUserPreCreate) -> Check {
    if user.user_id.is_empty() {
        return Err("`userId` must not be empty".to_owned());
    }
    signed_up_at(user.signed_up_at.as_deref())
}

/// Changes to a user: `signedUpAt` as ISO-8601 text.
pub(crate) fn app_user_update(update: &AppUserUpdate) -> Check {
    signed_up_at(update.signed_up_at.as_deref())
}

/// `signedUpAt`, when sent: `yyyy-mm-ddThh:mm:ss`, an optional fraction, and `Z` or an offset.
fn signed_up_at(value: Option<&str>) -> Check {
    match value {
        Some(text) if !is_iso8601(text) => Err(format!(
            "`signedUpAt` must be an ISO-8601 date and time such as `2019-07-11T10:41:52Z` \
             (got `{text}`)"
        )),
        _ => Ok(()),
    }
}

/// Whether `text` is `yyyy-mm-ddThh:mm:ss[.f+](Z|±hh:mm)` with plausible numbers.
fn is_iso8601(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .filter(|part| part.iter().all(u8::is_ascii_digit))
            .and_then(|_| text.get(range))
            .and_then(|part| part.parse::<u32>().ok())
    };
    let shape = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')]
        .iter()
        .all(|(at, sep)| bytes.get(*at).is_some_and(|b| b.eq_ignore_ascii_case(sep)));
    let fields = [
        digits(0..4),
        digits(5..7).filter(|m| (1..=12).contains(m)),
        digits(8..10).filter(|d| (1..=31).contains(d)),
        digits(11..13).filter(|h| *h < 24),
        digits(14..16).filter(|m| *m < 60),
        digits(17..19).filter(|s| *s < 61),
    ];
    if !shape || fields.iter().any(Option::is_none) {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return false;
        }
        rest = &fraction[count..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_up_at_must_be_an_iso8601_date_and_time() {
        for good in [
            "2019-07-11T10:41:52Z",
            "2019-07-11T10:41:52.271Z",
            "2019-07-11T10:41:52+02:00",
        ] {
            assert!(is_iso8601(good), "{good}");
        }
        for bad in [
            "",
            "2019-07-11",
            "2019-07-11 10:41:52Z",
            "2019-13-11T10:41:52Z",
            "2019-07-11T25:41:52Z",
            "2019-07-11T10:41:52",
            "2019-07-11T10:41:52.Z",
            "yesterday",
            "2019-07-11T10:41:52Zjunk",
            "٢٠١٩-07-11T10:41:52Z",
        ] {
            assert!(!is_iso8601(bad), "{bad}");
        }
    }

    #[test]
    fn a_pre_created_user_needs_a_user_id() {
        assert_eq!(app_user_pre_create(&AppUserPreCreate::new("c-1")), Ok(()));
        let empty = app_user_pre_create(&AppUserPreCreate::new(""));
        assert!(empty.unwrap_err().contains("`userId`"));
        let dated = AppUserPreCreate::new("c-1").with_signed_up_at("last week");
        let description = app_user_pre_create(&dated).expect_err("refused");
        assert!(description.contains("`signedUpAt`"), "{description}");
        assert!(description.contains("got `last week`"), "{description}");
    }

    #[test]
    fn an_update_may_be_empty_but_not_misdated() {
        assert_eq!(app_user_update(&AppUserUpdate::default()), Ok(()));
        let update = AppUserUpdate {
            signed_up_at: Some("2019-07-11".to_owned()),
            ..AppUserUpdate::default()
        };
        assert!(app_user_update(&update).is_err());
    }
}
