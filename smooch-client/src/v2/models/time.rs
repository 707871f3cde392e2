//! [`DateTime`]: a time as API v2 writes it, an RFC 3339 string.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use compact_str::CompactString;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::models::timestamp::civil_from_days;

/// A time as API v2 writes it: an RFC 3339 string (`2024-01-10T09:15:00.125Z`).
///
/// It keeps the exact instant, to the nanosecond, and the text it was read from, which it
/// writes back unchanged. Two times are equal when they are the same instant, whatever the
/// offset and the number of fractional digits (`…00.5Z`, `…00.500+00:00` and `…02:00:00.5+02:00`
/// are one time), and they order by instant. A text that is not RFC 3339 is kept as it came
/// ([`is_valid`](Self::is_valid) says so) rather than failing the answer around it.
///
/// ```
/// use smooch_client::v2::models::DateTime;
///
/// let z: DateTime = "2024-01-10T09:15:00.5Z".parse()?;
/// let offset: DateTime = "2024-01-10T10:15:00.500000+01:00".parse()?;
/// assert_eq!(z, offset);
/// assert_eq!(offset.as_str(), "2024-01-10T10:15:00.500000+01:00", "the text is kept");
/// assert_eq!(z.unix_millis(), Some(1_704_878_100_500));
/// let time = std::time::SystemTime::try_from(&z)?;
/// assert_eq!(DateTime::from(time), z);
/// # Ok::<(), smooch_client::v2::models::DateTimeError>(())
/// ```
#[derive(Clone)]
pub struct DateTime {
    /// The instant, when the text is RFC 3339.
    instant: Option<Instant>,
    /// The text as read, or as written for a time made in code: inline up to 24 bytes, which
    /// `YYYY-MM-DDThh:mm:ss.sssZ` is, so reading a time allocates nothing.
    text: CompactString,
}

/// Seconds since the Unix epoch and the nanoseconds past them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Instant {
    seconds: i64,
    nanos: u32,
}

/// Why a text or a time is not a [`DateTime`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateTimeError {
    /// The text is not an RFC 3339 date and time.
    #[error("not an RFC 3339 date and time (`YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`)")]
    NotRfc3339,
    /// The time is one `SystemTime` (or `time::OffsetDateTime`) cannot hold.
    #[error("the time is outside the range the target type holds")]
    OutOfRange,
}

impl DateTime {
    /// Reads an RFC 3339 date and time: `T` or `t` (or a space) between date and time, an
    /// optional fraction of any length (nanoseconds are kept, further digits dropped), and `Z`,
    /// `z` or `±hh:mm`.
    pub fn parse(text: &str) -> Result<Self, DateTimeError> {
        let instant = parse_rfc3339(text).ok_or(DateTimeError::NotRfc3339)?;
        Ok(DateTime {
            instant: Some(instant),
            text: text.into(),
        })
    }

    /// A time from Unix milliseconds, written `YYYY-MM-DDThh:mm:ss.sssZ`.
    pub fn from_unix_millis(millis: i64) -> Self {
        let seconds = millis.div_euclid(1000);
        let nanos = (millis.rem_euclid(1000) as u32) * 1_000_000;
        Self::from_instant(Instant { seconds, nanos })
    }

    /// The current time.
    pub fn now() -> Self {
        Self::from(SystemTime::now())
    }

    fn from_instant(instant: Instant) -> Self {
        DateTime {
            instant: Some(instant),
            text: format_rfc3339(instant).into(),
        }
    }

    /// Whether the text was RFC 3339 (a time made in code always is).
    pub fn is_valid(&self) -> bool {
        self.instant.is_some()
    }

    /// The text as it was read (or as it is written, for a time made in code).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Seconds since the Unix epoch (negative before it), when the text is RFC 3339.
    pub fn unix_seconds(&self) -> Option<i64> {
        self.instant.map(|i| i.seconds)
    }

    /// Milliseconds since the Unix epoch, when the text is RFC 3339 and they fit an `i64`.
    pub fn unix_millis(&self) -> Option<i64> {
        let instant = self.instant?;
        instant
            .seconds
            .checked_mul(1000)?
            .checked_add(i64::from(instant.nanos / 1_000_000))
    }

    /// The nanoseconds past [`unix_seconds`](Self::unix_seconds).
    pub fn subsec_nanos(&self) -> Option<u32> {
        self.instant.map(|i| i.nanos)
    }
}

impl std::str::FromStr for DateTime {
    type Err = DateTimeError;

    fn from_str(text: &str) -> Result<Self, DateTimeError> {
        DateTime::parse(text)
    }
}

impl PartialEq for DateTime {
    /// The same instant (any offset, any fraction digits); texts that are not RFC 3339 are
    /// equal when they are the same text.
    fn eq(&self, other: &Self) -> bool {
        match (self.instant, other.instant) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.text == other.text,
            _ => false,
        }
    }
}

impl Eq for DateTime {}

impl Hash for DateTime {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.instant {
            Some(instant) => instant.hash(state),
            None => self.text.hash(state),
        }
    }
}

impl PartialOrd for DateTime {
    /// By instant; a text that is not RFC 3339 has no order.
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        match (self.instant, other.instant) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            _ if self == other => Some(std::cmp::Ordering::Equal),
            _ => None,
        }
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({:?})", self.text.as_str())
    }
}

impl From<SystemTime> for DateTime {
    fn from(time: SystemTime) -> Self {
        let instant = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => Instant {
                seconds: i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
                nanos: after.subsec_nanos(),
            },
            Err(before) => {
                let before = before.duration();
                let seconds = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                match before.subsec_nanos() {
                    0 => Instant {
                        seconds: -seconds,
                        nanos: 0,
                    },
                    nanos => Instant {
                        seconds: -seconds - 1,
                        nanos: 1_000_000_000 - nanos,
                    },
                }
            }
        };
        Self::from_instant(instant)
    }
}

impl TryFrom<&DateTime> for SystemTime {
    type Error = DateTimeError;

    fn try_from(time: &DateTime) -> Result<Self, DateTimeError> {
        let instant = time.instant.ok_or(DateTimeError::NotRfc3339)?;
        let whole = Duration::from_secs(instant.seconds.unsigned_abs());
        let base = if instant.seconds >= 0 {
            UNIX_EPOCH.checked_add(whole)
        } else {
            UNIX_EPOCH.checked_sub(whole)
        };
        base.and_then(|base| base.checked_add(Duration::from_nanos(u64::from(instant.nanos))))
            .ok_or(DateTimeError::OutOfRange)
    }
}

impl TryFrom<DateTime> for SystemTime {
    type Error = DateTimeError;

    fn try_from(time: DateTime) -> Result<Self, DateTimeError> {
        SystemTime::try_from(&time)
    }
}

#[cfg(feature = "time")]
impl From<time::OffsetDateTime> for DateTime {
    fn from(time: time::OffsetDateTime) -> Self {
        Self::from_instant(Instant {
            seconds: time.unix_timestamp(),
            nanos: time.nanosecond(),
        })
    }
}

#[cfg(feature = "time")]
impl TryFrom<&DateTime> for time::OffsetDateTime {
    type Error = DateTimeError;

    fn try_from(value: &DateTime) -> Result<Self, DateTimeError> {
        let instant = value.instant.ok_or(DateTimeError::NotRfc3339)?;
        let nanos = i128::from(instant.seconds) * 1_000_000_000 + i128::from(instant.nanos);
        time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .map_err(|_| DateTimeError::OutOfRange)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    /// An RFC 3339 string; any other string is kept as it came (not valid).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Text;

        impl Visitor<'_> for Text {
            type Value = DateTime;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date and time")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<DateTime, E> {
                Ok(DateTime {
                    instant: parse_rfc3339(text),
                    text: text.into(),
                })
            }
        }

        deserializer.deserialize_str(Text)
    }
}

crate::codec::decode_as_deserialize!(DateTime);

/// `YYYY-MM-DD(T|t| )hh:mm:ss[.fraction](Z|z|±hh:mm)`.
fn parse_rfc3339(text: &str) -> Option<Instant> {
    let bytes = text.as_bytes();
    match <&[u8; 24]>::try_from(bytes) {
        Ok(fixed) => parse_millis_z(fixed).or_else(|| parse_any(bytes)),
        Err(_) => parse_any(bytes),
    }
}

/// The layout the API writes, `YYYY-MM-DDThh:mm:ss.sssZ`, checked eight bytes at a time: the
/// digits and the separators of each eight-byte word in one comparison each. `None` for any
/// other text, which [`parse_any`] reads.
fn parse_millis_z(bytes: &[u8; 24]) -> Option<Instant> {
    const LAYOUT: &[u8; 24] = b"0000-00-00T00:00:00.000Z";
    // Per word: the lanes that hold a digit (0xFF) and the separators' bytes.
    const fn word(of: &[u8; 24], at: usize, digits: bool) -> u64 {
        let mut word = 0u64;
        let mut lane = 0;
        while lane < 8 {
            let byte = of[at + lane];
            let value = match (digits, byte == b'0') {
                (true, true) => 0xFF,
                (false, false) => byte,
                _ => 0,
            };
            word |= (value as u64) << (8 * lane);
            lane += 1;
        }
        word
    }
    const WORDS: [(usize, u64, u64); 3] = [
        (0, word(LAYOUT, 0, true), word(LAYOUT, 0, false)),
        (8, word(LAYOUT, 8, true), word(LAYOUT, 8, false)),
        (16, word(LAYOUT, 16, true), word(LAYOUT, 16, false)),
    ];
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const ZERO: u64 = 0x3030_3030_3030_3030;
    const SIX: u64 = 0x0606_0606_0606_0606;
    for (at, digits, separators) in WORDS {
        let mut lanes = [0; 8];
        lanes.copy_from_slice(&bytes[at..at + 8]);
        let x = u64::from_le_bytes(lanes);
        // A digit is 0x30..=0x39: its high nibble is 3, and still 3 after adding 6.
        let ok = x & !digits == separators
            && x & digits & HIGH == ZERO & digits
            && x.wrapping_add(SIX) & digits & HIGH == ZERO & digits;
        if !ok {
            return None;
        }
    }
    let digit = |at: usize| u32::from(bytes[at] - b'0');
    let two = |at: usize| digit(at) * 10 + digit(at + 1);
    let year = two(0) * 100 + two(2);
    let millis = digit(20) * 100 + two(21);
    let time = (two(11), two(14), two(17));
    instant(year, two(5), two(8), time, millis * 1_000_000, 0)
}

/// Any RFC 3339 date and time (see [`DateTime::parse`]).
fn parse_any(bytes: &[u8]) -> Option<Instant> {
    // The shortest is `YYYY-MM-DDThh:mm:ssZ`; checking it once spares every fixed position
    // its own bounds check.
    let head: &[u8; 20] = bytes.get(..20)?.try_into().ok()?;
    let digit = |at: usize| -> Option<u32> {
        let value = head[at].wrapping_sub(b'0');
        (value < 10).then_some(u32::from(value))
    };
    let two = |at: usize| Some(digit(at)? * 10 + digit(at + 1)?);
    let year = two(0)? * 100 + two(2)?;
    let (month, day) = (two(5)?, two(8)?);
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    if head[4] != b'-'
        || head[7] != b'-'
        || !matches!(head[10], b'T' | b't' | b' ')
        || head[13] != b':'
        || head[16] != b':'
    {
        return None;
    }
    let mut at = 19;
    let mut nanos: u32 = 0;
    if bytes[at] == b'.' {
        at += 1;
        let start = at;
        while let Some(digit) = bytes
            .get(at)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|d| *d < 10)
        {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(digit);
            }
            at += 1;
        }
        if at == start {
            return None;
        }
        for _ in (at - start)..9 {
            nanos *= 10;
        }
    }
    let offset = match bytes.get(at)? {
        b'Z' | b'z' if at + 1 == bytes.len() => 0,
        sign @ (b'+' | b'-') if at + 6 == bytes.len() && bytes[at + 3] == b':' => {
            let part = |from: usize| -> Option<i64> {
                let tens = bytes[from].wrapping_sub(b'0');
                let ones = bytes[from + 1].wrapping_sub(b'0');
                (tens < 10 && ones < 10).then(|| i64::from(tens * 10 + ones))
            };
            let (hours, minutes) = (part(at + 1)?, part(at + 4)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = hours * 3600 + minutes * 60;
            if *sign == b'-' { -offset } else { offset }
        }
        _ => return None,
    };
    instant(year, month, day, (hour, minute, second), nanos, offset)
}

/// The instant of a date, a time of day (`(hour, minute, second)`) and an offset in seconds,
/// when each is in range.
fn instant(
    year: u32,
    month: u32,
    day: u32,
    (hour, minute, second): (u32, u32, u32),
    nanos: u32,
    offset: i64,
) -> Option<Instant> {
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => return None,
    };
    // 60 is a leap second, read as the last second of the minute.
    if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(i64::from(year), i64::from(month), i64::from(day));
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second.min(59)) - offset;
    Some(Instant { seconds, nanos })
}

/// `YYYY-MM-DDThh:mm:ss.sssZ`, with more fraction digits only when the instant has them.
fn format_rfc3339(instant: Instant) -> String {
    let days = instant.seconds.div_euclid(86_400);
    let in_day = instant.seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let (hour, minute, second) = (in_day / 3600, in_day % 3600 / 60, in_day % 60);
    let fraction = if instant.nanos.is_multiple_of(1_000_000) {
        format!("{:03}", instant.nanos / 1_000_000)
    } else if instant.nanos.is_multiple_of(1_000) {
        format!("{:06}", instant.nanos / 1_000)
    } else {
        format!("{:09}", instant.nanos)
    };
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{fraction}Z")
}

/// Days since 1970-01-01 of a proleptic Gregorian date, after Howard Hinnant's
/// `days_from_civil`.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime {
        DateTime::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn one_instant_whatever_the_offset_and_fraction_digits() {
        let same = [
            "2024-01-10T09:15:00.5Z",
            "2024-01-10T09:15:00.500Z",
            "2024-01-10T09:15:00.500000000Z",
            "2024-01-10t09:15:00.5z",
            "2024-01-10 09:15:00.5Z",
            "2024-01-10T09:15:00.5+00:00",
            "2024-01-10T11:45:00.5+02:30",
            "2024-01-09T23:15:00.5-10:00",
        ];
        for text in same {
            assert_eq!(at(text), at(same[0]), "{text}");
            assert_eq!(at(text).as_str(), text, "the text is kept");
        }
        assert_eq!(at(same[0]).unix_millis(), Some(1_704_878_100_500));
        assert!(at("2024-01-10T09:15:00.501Z") > at(same[0]));
        assert_eq!(
            at("2024-01-10T09:15:00.123456789123Z").subsec_nanos(),
            Some(123_456_789)
        );
        assert_eq!(at("1969-12-31T23:59:59.5Z").unix_millis(), Some(-500));
    }

    #[test]
    fn what_is_not_rfc_3339_is_refused_by_parse_and_kept_by_decoding() {
        for bad in [
            "",
            "2024-01-10",
            "2024-01-10T09:15:00",
            "2024-13-10T09:15:00Z",
            "2023-02-29T09:15:00Z",
            "2024-01-10T24:00:00Z",
            "2024-01-10T09:15:00.Z",
            "2024-01-10T09:15:00+0100",
            "2024-01-10T09:15:00Zjunk",
            "2024-01-10T09:15:00+24:00",
            "2024-01-10T09:15:00.5Z\u{e9}",
        ] {
            assert_eq!(
                DateTime::parse(bad),
                Err(DateTimeError::NotRfc3339),
                "{bad}"
            );
            let kept: DateTime = serde_json::from_value(serde_json::json!(bad)).unwrap();
            assert!(!kept.is_valid());
            assert_eq!(kept.as_str(), bad);
            assert_eq!(serde_json::to_value(&kept).unwrap(), serde_json::json!(bad));
        }
        assert!(at("2024-02-29T00:00:00Z").is_valid());
        assert!(at("2016-12-31T23:59:60Z").is_valid(), "a leap second");
    }

    #[test]
    fn made_in_code_it_is_written_with_milliseconds_or_as_many_digits_as_it_has() {
        assert_eq!(
            DateTime::from_unix_millis(1_704_878_100_500).as_str(),
            "2024-01-10T09:15:00.500Z"
        );
        assert_eq!(
            DateTime::from_unix_millis(-1).as_str(),
            "1969-12-31T23:59:59.999Z"
        );
        let time = UNIX_EPOCH + Duration::new(1_704_878_100, 123_456);
        let from = DateTime::from(time);
        assert_eq!(from.as_str(), "2024-01-10T09:15:00.000123456Z");
        assert_eq!(SystemTime::try_from(&from), Ok(time));
        let before = UNIX_EPOCH - Duration::new(1, 250_000_000);
        assert_eq!(DateTime::from(before).as_str(), "1969-12-31T23:59:58.750Z");
        assert_eq!(SystemTime::try_from(DateTime::from(before)), Ok(before));
    }

    #[test]
    fn every_day_of_four_centuries_reads_back() {
        for days in (-146_097 * 2)..(146_097 * 2) {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(
                days_from_civil(year, i64::from(month), i64::from(day)),
                days
            );
        }
    }

    #[test]
    fn equal_times_hash_alike() {
        use std::collections::HashSet;
        let set: HashSet<DateTime> = ["2024-01-10T09:15:00Z", "2024-01-10T10:15:00+01:00"]
            .into_iter()
            .map(at)
            .collect();
        assert_eq!(set.len(), 1);
    }

    mod extremes {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_parses_or_is_refused_without_panicking(text in ".{0,40}") {
                let _ = DateTime::parse(&text);
            }

            #[test]
            fn any_millisecond_count_prints_and_reads_back(millis in -62_135_596_800_000i64..253_402_300_799_999) {
                let time = DateTime::from_unix_millis(millis);
                prop_assert_eq!(DateTime::parse(time.as_str()).unwrap(), time.clone());
                prop_assert_eq!(time.unix_millis(), Some(millis));
            }

            #[test]
            fn the_fast_layout_reads_as_the_general_parser_does(
                millis in -62_135_596_800_000i64..253_402_300_799_999,
                at in 0usize..24,
                byte in any::<u8>(),
            ) {
                let time = DateTime::from_unix_millis(millis);
                let mut text: [u8; 24] = time.as_str().as_bytes().try_into().unwrap();
                prop_assert_eq!(parse_millis_z(&text), parse_any(&text));
                prop_assert!(parse_millis_z(&text).is_some());
                // One byte changed: the fast path reads it as the general one or leaves it to it.
                text[at] = byte;
                let fast = parse_millis_z(&text);
                prop_assert!(fast.is_none() || fast == parse_any(&text), "{:?}", text);
                if !byte.is_ascii_digit() && time.as_str().as_bytes()[at].is_ascii_digit() {
                    prop_assert_eq!(fast, None);
                }
            }

            #[test]
            fn any_millisecond_count_converts_without_panicking(millis in any::<i64>()) {
                let time = DateTime::from_unix_millis(millis);
                let _ = SystemTime::try_from(&time);
                let _ = time.unix_millis();
            }
        }
    }
}
