//! [`Timestamp`]: a time as the API writes it, Unix seconds with a fraction (`1529600550.492`).

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A point in time as the API sends it: seconds since the Unix epoch with a fraction
/// (`received`, `appMakerLastRead`, a webhook's `timestamp`, `get_messages`' `before` and
/// `after`).
///
/// It keeps the number as received, so it is sent back exactly (`1529600550.492` stays
/// `1529600550.492`) and decoding it costs what decoding the number costs. It converts to and
/// from [`SystemTime`] (and, with the `time` feature, `time::OffsetDateTime`), and prints as an
/// RFC 3339 UTC time a person reads.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use smooch_client::models::Timestamp;
///
/// let received = Timestamp::from_unix_seconds(1529600550.492)?;
/// assert_eq!(received.to_string(), "2018-06-21T17:02:30.492Z");
/// assert_eq!(received.as_unix_seconds(), 1529600550.492);
/// // To and from the standard library's time.
/// let then = received.to_system_time()?;
/// assert_eq!(then.duration_since(UNIX_EPOCH).unwrap().as_millis(), 1_529_600_550_492);
/// assert_eq!(Timestamp::from(UNIX_EPOCH + Duration::from_secs(60)).as_unix_seconds(), 60.0);
/// // Exactly the number the API sent, back on the wire.
/// assert_eq!(serde_json::to_string(&received).unwrap(), "1529600550.492");
/// # Ok::<(), smooch_client::models::TimestampError>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, PartialOrd)]
pub struct Timestamp(f64);

/// Why a number or a time is not a [`Timestamp`], or a [`Timestamp`] not a time of another type.
///
/// ```rust
/// use smooch_client::models::{Timestamp, TimestampError};
///
/// let error = Timestamp::from_unix_seconds(f64::INFINITY).unwrap_err();
/// assert!(matches!(error, TimestampError::NotFinite(_)));
/// // A number of seconds far beyond what `SystemTime` holds.
/// let far = Timestamp::from_unix_seconds(1e300)?;
/// assert!(matches!(far.to_system_time(), Err(TimestampError::OutOfRange(_))));
/// # Ok::<(), TimestampError>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TimestampError {
    /// NaN or an infinity.
    #[error("a timestamp must be a finite number of seconds, not {0}")]
    NotFinite(f64),
    /// Beyond what the target type can hold.
    #[error("{0} seconds since the Unix epoch is out of range")]
    OutOfRange(f64),
}

impl Timestamp {
    /// The time `seconds` after the Unix epoch (before it when negative).
    pub fn from_unix_seconds(seconds: f64) -> Result<Self, TimestampError> {
        if seconds.is_finite() {
            Ok(Timestamp(seconds))
        } else {
            Err(TimestampError::NotFinite(seconds))
        }
    }

    /// The time `millis` milliseconds after the Unix epoch (before it when negative).
    ///
    /// ```
    /// # use smooch_client::models::Timestamp;
    /// assert_eq!(Timestamp::from_unix_millis(1_529_600_550_492).as_unix_seconds(), 1529600550.492);
    /// ```
    pub fn from_unix_millis(millis: i64) -> Self {
        Timestamp(millis as f64 / 1000.0)
    }

    /// Now, by the system clock.
    pub fn now() -> Self {
        Timestamp::from(SystemTime::now())
    }

    /// Seconds since the Unix epoch, as the API writes them.
    pub fn as_unix_seconds(self) -> f64 {
        self.0
    }

    /// The same time as a [`SystemTime`], to the nearest microsecond (an `f64` holds today's
    /// times to about 0.2 µs, so `.492` is 492 ms, not 492,000,103 ns).
    pub fn to_system_time(self) -> Result<SystemTime, TimestampError> {
        let out_of_range = || TimestampError::OutOfRange(self.0);
        let micros = (self.0.abs() * 1e6).round();
        if micros >= u64::MAX as f64 {
            return Err(out_of_range());
        }
        let offset = Duration::from_micros(micros as u64);
        if self.0 >= 0.0 {
            UNIX_EPOCH.checked_add(offset)
        } else {
            UNIX_EPOCH.checked_sub(offset)
        }
        .ok_or_else(out_of_range)
    }

    /// The time `seconds` later (earlier when negative), saturating at the largest finite
    /// times: a `Timestamp` stays finite.
    pub(crate) fn plus_seconds(self, seconds: f64) -> Self {
        let sum = self.0 + seconds;
        if sum.is_nan() {
            self
        } else {
            Timestamp(sum.clamp(f64::MIN, f64::MAX))
        }
    }
}

/// Compares with Unix seconds: `message.received > 1.7e9`.
impl PartialEq<f64> for Timestamp {
    fn eq(&self, seconds: &f64) -> bool {
        self.0 == *seconds
    }
}

/// Compares with Unix seconds: `message.received > 1.7e9`.
impl PartialOrd<f64> for Timestamp {
    fn partial_cmp(&self, seconds: &f64) -> Option<std::cmp::Ordering> {
        self.0.partial_cmp(seconds)
    }
}

impl From<SystemTime> for Timestamp {
    fn from(time: SystemTime) -> Self {
        match time.duration_since(UNIX_EPOCH) {
            Ok(after) => Timestamp(after.as_secs_f64()),
            Err(before) => Timestamp(-before.duration().as_secs_f64()),
        }
    }
}

impl TryFrom<Timestamp> for SystemTime {
    type Error = TimestampError;

    fn try_from(timestamp: Timestamp) -> Result<Self, TimestampError> {
        timestamp.to_system_time()
    }
}

impl TryFrom<f64> for Timestamp {
    type Error = TimestampError;

    fn try_from(seconds: f64) -> Result<Self, TimestampError> {
        Timestamp::from_unix_seconds(seconds)
    }
}

#[cfg(feature = "time")]
#[cfg_attr(docsrs, doc(cfg(feature = "time")))]
impl From<time::OffsetDateTime> for Timestamp {
    fn from(time: time::OffsetDateTime) -> Self {
        // i128 nanoseconds to f64 seconds: as precise as the wire format.
        Timestamp(time.unix_timestamp_nanos() as f64 / 1e9)
    }
}

#[cfg(feature = "time")]
#[cfg_attr(docsrs, doc(cfg(feature = "time")))]
impl TryFrom<Timestamp> for time::OffsetDateTime {
    type Error = TimestampError;

    fn try_from(timestamp: Timestamp) -> Result<Self, TimestampError> {
        // To the nearest microsecond, as `to_system_time`.
        let micros = (timestamp.0 * 1e6).round();
        if !(i64::MIN as f64..=i64::MAX as f64).contains(&micros) {
            return Err(TimestampError::OutOfRange(timestamp.0));
        }
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros as i64) * 1000)
            .map_err(|_| TimestampError::OutOfRange(timestamp.0))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC with milliseconds, `2018-06-21T17:02:30.492Z` (the seconds as they are
    /// when out of the range of years 0 to 9999).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let millis = (self.0 * 1000.0).round();
        // Years 0000-9999 only: beyond, RFC 3339 has no form.
        if !(-62_167_219_200_000.0..=253_402_300_799_999.0).contains(&millis) {
            return write!(f, "{:?} seconds since the Unix epoch", self.0);
        }
        let millis = millis as i64;
        let (days, in_day) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
        let (year, month, day) = civil_from_days(days);
        let (hour, minute) = (in_day / 3_600_000, in_day / 60_000 % 60);
        let (second, milli) = (in_day / 1000 % 60, in_day % 1000);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{milli:03}Z"
        )
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({} = {self})", self.0)
    }
}

/// The proleptic Gregorian date of a day number (days since 1970-01-01), after Howard
/// Hinnant's `civil_from_days`. API v2's `DateTime` formats with it too.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    /// Any JSON number; a number in a string too (`"1529600550.492"`), which the spec does not
    /// rule out.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Seconds;

        impl Visitor<'_> for Seconds {
            type Value = Timestamp;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("Unix seconds")
            }

            fn visit_f64<E: de::Error>(self, seconds: f64) -> Result<Timestamp, E> {
                Timestamp::from_unix_seconds(seconds).map_err(E::custom)
            }

            fn visit_u64<E: de::Error>(self, seconds: u64) -> Result<Timestamp, E> {
                Ok(Timestamp(seconds as f64))
            }

            fn visit_i64<E: de::Error>(self, seconds: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(seconds as f64))
            }

            #[cold]
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
                let seconds: f64 = text
                    .trim()
                    .parse()
                    .map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))?;
                self.visit_f64(seconds)
            }
        }

        deserializer.deserialize_any(Seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_rfc_3339_in_utc_with_milliseconds() {
        let shown = |seconds: f64| Timestamp(seconds).to_string();
        assert_eq!(shown(0.0), "1970-01-01T00:00:00.000Z");
        assert_eq!(shown(1529600550.492), "2018-06-21T17:02:30.492Z");
        assert_eq!(shown(951_782_400.0), "2000-02-29T00:00:00.000Z");
        assert_eq!(shown(1_709_251_199.999_6), "2024-03-01T00:00:00.000Z");
        assert_eq!(shown(-0.001), "1969-12-31T23:59:59.999Z");
        assert_eq!(shown(-62_135_596_800.0), "0001-01-01T00:00:00.000Z");
        assert_eq!(shown(253_402_300_799.0), "9999-12-31T23:59:59.000Z");
        assert_eq!(shown(1e300), "1e300 seconds since the Unix epoch");
        assert_eq!(
            format!("{:?}", Timestamp(1.5)),
            "Timestamp(1.5 = 1970-01-01T00:00:01.500Z)"
        );
    }

    #[test]
    fn every_day_of_four_centuries_follows_the_one_before() {
        let (mut year, mut month, mut day) = (1970, 1, 1);
        for days in 0..146_097 * 2 {
            assert_eq!(civil_from_days(days), (year, month, day), "day {days}");
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let length = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            day += 1;
            if day > length {
                (day, month) = (1, month + 1);
            }
            if month > 12 {
                (month, year) = (1, year + 1);
            }
        }
    }

    #[test]
    fn converts_to_and_from_system_time() {
        let time = UNIX_EPOCH + Duration::from_millis(1_529_600_550_492);
        let stamp = Timestamp::from(time);
        assert_eq!(stamp.as_unix_seconds(), 1529600550.492);
        assert_eq!(stamp.to_system_time(), Ok(time), "exact to the microsecond");
        let before = UNIX_EPOCH - Duration::from_millis(1500);
        assert_eq!(Timestamp::from(before).as_unix_seconds(), -1.5);
        assert_eq!(Timestamp(-1.5).to_system_time(), Ok(before));
        assert_eq!(
            Timestamp(1e300).to_system_time(),
            Err(TimestampError::OutOfRange(1e300))
        );
        assert!(Timestamp::now() > Timestamp(1.7e9));
    }

    #[test]
    fn only_finite_numbers_are_timestamps() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(Timestamp::from_unix_seconds(bad).is_err());
            assert!(Timestamp::try_from(bad).is_err());
        }
        assert_eq!(Timestamp::try_from(2.5), Ok(Timestamp(2.5)));
        assert!(Timestamp(2.5) == 2.5 && Timestamp(2.5) > 2.0 && Timestamp(2.5) < 3.0);
    }

    #[test]
    fn the_wire_value_is_kept_exactly() {
        for text in [
            "1529600550.492",
            "1439220041.586",
            "0.001",
            "1700000000.1234567",
        ] {
            let stamp: Timestamp = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&stamp).unwrap(), text);
        }
        let whole: Timestamp = serde_json::from_str("1700000000").unwrap();
        assert_eq!(whole.as_unix_seconds(), 1_700_000_000.0);
        let negative: Timestamp = serde_json::from_str("-5").unwrap();
        assert_eq!(negative.as_unix_seconds(), -5.0);
        let quoted: Timestamp = serde_json::from_str(r#""1529600550.492""#).unwrap();
        assert_eq!(quoted.as_unix_seconds(), 1529600550.492);
        let error = serde_json::from_str::<Timestamp>(r#""yesterday""#).unwrap_err();
        assert!(error.to_string().contains("Unix seconds"), "{error}");
        assert!(serde_json::from_str::<Timestamp>("true").is_err());
    }

    mod extremes {
        use super::*;
        use proptest::prelude::*;

        /// Any finite number of seconds, the extremes often.
        fn seconds() -> impl Strategy<Value = f64> {
            prop_oneof![
                any::<f64>().prop_filter("finite", |s| s.is_finite()),
                -1e13..1e13f64,
                Just(f64::MAX),
                Just(-f64::MAX),
                Just(f64::MIN_POSITIVE),
                Just(-0.0),
            ]
        }

        /// Any time `SystemTime` holds, before and after the epoch.
        fn system_time() -> impl Strategy<Value = SystemTime> {
            (any::<bool>(), any::<u64>(), 0..1_000_000_000u32).prop_map(|(after, s, n)| {
                let offset = Duration::new(s, n);
                if after {
                    UNIX_EPOCH.checked_add(offset)
                } else {
                    UNIX_EPOCH.checked_sub(offset)
                }
                .unwrap_or(UNIX_EPOCH)
            })
        }

        proptest! {
            #![proptest_config(proptest::test_runner::Config {
                cases: 1024,
                failure_persistence: None,
                ..Default::default()
            })]

            /// Every conversion and computation of a timestamp, at any finite time: no panic,
            /// a `Timestamp` stays finite, and what converts comes back to the microsecond.
            #[test]
            fn any_timestamp_converts_prints_and_moves_without_overflow(
                seconds in seconds(),
                by in seconds(),
            ) {
                let stamp = Timestamp::from_unix_seconds(seconds).unwrap();
                let _ = stamp.to_string();
                for moved in [stamp.plus_seconds(by), stamp.plus_seconds(0.001), stamp.plus_seconds(-0.001)] {
                    prop_assert!(moved.as_unix_seconds().is_finite(), "{moved:?}");
                }
                if let Ok(time) = stamp.to_system_time() {
                    let back = Timestamp::from(time).as_unix_seconds();
                    prop_assert!((back - seconds).abs() <= 1e-6 * seconds.abs().max(1.0));
                }
                #[cfg(feature = "time")]
                if let Ok(time) = time::OffsetDateTime::try_from(stamp) {
                    let back = Timestamp::from(time).as_unix_seconds();
                    prop_assert!((back - seconds).abs() <= 1e-6 * seconds.abs().max(1.0));
                }
            }

            /// Any `SystemTime` is a timestamp, and comes back from it to the microsecond when
            /// it is within what a `Duration` of microseconds holds.
            #[test]
            fn any_system_time_is_a_timestamp(time in system_time()) {
                let stamp = Timestamp::from(time);
                prop_assert!(stamp.as_unix_seconds().is_finite());
                let _ = stamp.to_string();
                let _ = stamp.to_system_time();
            }

            /// Any millisecond count is a timestamp.
            #[test]
            fn any_millisecond_count_is_a_timestamp(millis in any::<i64>()) {
                let stamp = Timestamp::from_unix_millis(millis);
                prop_assert!(stamp.as_unix_seconds().is_finite());
                let _ = stamp.to_system_time();
                let _ = stamp.to_string();
            }
        }
    }

    #[cfg(feature = "time")]
    #[test]
    fn converts_to_and_from_the_time_crate() {
        let stamp = Timestamp(1529600550.492);
        let time = time::OffsetDateTime::try_from(stamp).unwrap();
        assert_eq!(time.unix_timestamp(), 1529600550);
        assert_eq!(time.nanosecond(), 492_000_000);
        assert_eq!(Timestamp::from(time).as_unix_seconds(), 1529600550.492);
        assert!(time::OffsetDateTime::try_from(Timestamp(1e300)).is_err());
    }
}
