//! When a failed attempt is tried again: the policy, and the one pure function that decides.
//!
//! | outcome of an attempt | idempotent call | `post_message` (not idempotent) |
//! |---|---|---|
//! | 429 Too Many Requests | retried after `Retry-After` (capped), else backoff | same: a 429 was not processed |
//! | success, but too large to read | stopped | stopped: it took effect |
//! | connection refused / connect timeout | retried with backoff | same: nothing reached the server |
//! | 500, 502, 503, 504 | retried with backoff (after `Retry-After` when sent) | stopped: it may have been delivered |
//! | timeout, connection dropped mid-exchange | retried with backoff | stopped: it may have been delivered |
//! | any other status (400, 401, 404, ...) | stopped | stopped |
//!
//! Backoff is exponential with jitter: attempt `n` waits between half and all of
//! `base_delay * 2^(n-1)`, never more than `max_delay`.

use std::fmt;
use std::time::{Duration, SystemTime};

use reqwest::StatusCode;

/// How failed calls are retried; set it with
/// [`ClientBuilder::retry`](crate::ClientBuilder::retry).
///
/// ```
/// use std::time::Duration;
/// use smooch_client::RetryPolicy;
///
/// let patient = RetryPolicy::default().with_max_attempts(5).with_max_delay(Duration::from_secs(30));
/// assert_eq!(patient.max_attempts, 5);
/// assert_eq!(RetryPolicy::disabled().max_attempts, 1);
/// ```
#[doc = ""]
#[doc = include_str!("retry_matrix.md")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = no retries).
    pub max_attempts: u32,
    /// The backoff before the first retry; it doubles with every further retry.
    pub base_delay: Duration,
    /// The longest wait between two attempts, including a server's `Retry-After`.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    /// 3 attempts, 200 ms base delay, 10 s cap.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// No retries: every call is attempted once.
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Sets the number of attempts, the first included (0 is taken as 1).
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Sets the backoff before the first retry.
    pub fn with_base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// Sets the longest wait between two attempts.
    pub fn with_max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }
}

/// What one attempt came to, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The server answered this error status, with this `Retry-After` if any.
    Status(StatusCode, Option<Duration>),
    /// The connection could not be made: the request surely did not reach the server.
    NotSent,
    /// Timed out or lost the connection after the request may have reached the server.
    Interrupted,
    /// The server answered with success, but the answer cannot be used (too large).
    Answered(StatusCode),
}

impl Outcome {
    /// A short name for logs: no ids, no bodies.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Outcome::Status(StatusCode::TOO_MANY_REQUESTS, _) => "rate limited",
            Outcome::Status(status, _) if status.is_server_error() => "server error",
            Outcome::Status(..) => "client error",
            Outcome::NotSent => "connection failed",
            Outcome::Interrupted => "interrupted",
            Outcome::Answered(_) => "unusable answer",
        }
    }

    /// Whether the attempt may have taken effect on the server although it failed.
    pub(crate) fn may_have_taken_effect(self) -> bool {
        match self {
            Outcome::Status(status, _) => status.is_server_error(),
            Outcome::Interrupted | Outcome::Answered(_) => true,
            Outcome::NotSent => false,
        }
    }
}

/// Why a call was not tried again; part of every error that came from the server or the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stop {
    /// This kind of failure is not retried (e.g. 400, 401, 404).
    NotRetryable,
    /// The retry policy's attempts were used up.
    Exhausted,
    /// The request may have reached the server (timeout, dropped connection, 5xx) and the call is
    /// not idempotent: sending it again could deliver it twice.
    MayHaveBeenDelivered,
    /// The server answered with success, so the request took effect, but the answer could not be
    /// used (a body that does not decode, or is too large); it is not sent again.
    Answered,
}

/// How many attempts a call made and why it stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attempts {
    /// Attempts made, the first included.
    pub count: u32,
    /// Why there was no further attempt.
    pub stop: Stop,
}

#[cfg(test)]
impl Attempts {
    /// One attempt that was not retried because of `stop`.
    pub(crate) fn once(stop: Stop) -> Self {
        Attempts { count: 1, stop }
    }
}

impl fmt::Display for Attempts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = if self.count == 1 { "" } else { "s" };
        write!(f, "{} attempt{s}; ", self.count)?;
        f.write_str(match self.stop {
            Stop::NotRetryable => "not retried: this failure is final",
            Stop::Exhausted => "gave up: no attempts left",
            Stop::MayHaveBeenDelivered => {
                "not retried: the request may have reached Smooch and been delivered, so sending it again could duplicate it"
            }
            Stop::Answered => "not retried: Smooch accepted the request, but its answer could not be read",
        })
    }
}

/// The decision after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Try again after this long.
    Retry(Duration),
    /// Give up; the last failure is the call's error.
    Stop(Stop),
}

/// Decides whether attempt number `attempt` (1 for the first), which ended in `outcome`, is
/// followed by another. `jitter` is a random number in `[0, 1)`.
pub(crate) fn decide(
    policy: &RetryPolicy,
    idempotent: bool,
    attempt: u32,
    outcome: Outcome,
    jitter: f64,
) -> Decision {
    let retry_after = match outcome {
        // A 429 was not processed: retried for every call.
        Outcome::Status(StatusCode::TOO_MANY_REQUESTS, retry_after) => retry_after,
        Outcome::NotSent => None,
        Outcome::Status(status, retry_after) if is_transient(status) => {
            if !idempotent {
                return Decision::Stop(Stop::MayHaveBeenDelivered);
            }
            retry_after
        }
        Outcome::Status(..) => return Decision::Stop(Stop::NotRetryable),
        Outcome::Interrupted if idempotent => None,
        Outcome::Interrupted => return Decision::Stop(Stop::MayHaveBeenDelivered),
        Outcome::Answered(_) => return Decision::Stop(Stop::Answered),
    };
    if attempt >= policy.max_attempts {
        return Decision::Stop(Stop::Exhausted);
    }
    let delay = retry_after.unwrap_or_else(|| backoff(policy, attempt, jitter));
    Decision::Retry(delay.min(policy.max_delay))
}

/// 500, 502, 503, 504: the server may do better next time.
fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

/// Exponential backoff with "equal jitter": between half and all of `base * 2^(attempt-1)`.
fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let exponent = attempt.saturating_sub(1).min(20);
    let full = policy
        .base_delay
        .saturating_mul(1 << exponent)
        .min(policy.max_delay);
    full.mul_f64(0.5 + jitter.clamp(0.0, 1.0) / 2.0)
}

/// `Retry-After` as seconds or an HTTP date; a date in the past means now.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A random number in `[0, 1)` for jitter, from the standard library's randomly keyed hasher.
pub(crate) fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDEMPOTENT: bool = true;
    const POST: bool = false;

    fn policy() -> RetryPolicy {
        RetryPolicy::default()
            .with_max_attempts(4)
            .with_base_delay(Duration::from_millis(100))
            .with_max_delay(Duration::from_secs(5))
    }

    fn status(code: u16) -> Outcome {
        Outcome::Status(StatusCode::from_u16(code).unwrap(), None)
    }

    fn retry_ms(decision: Decision) -> u128 {
        match decision {
            Decision::Retry(delay) => delay.as_millis(),
            Decision::Stop(stop) => panic!("stopped: {stop:?}"),
        }
    }

    #[test]
    fn rate_limits_are_retried_for_every_call_after_retry_after() {
        let after = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(2)));
        assert_eq!(retry_ms(decide(&policy(), POST, 1, after, 0.0)), 2000);
        assert_eq!(retry_ms(decide(&policy(), IDEMPOTENT, 1, after, 0.9)), 2000);
        let long = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(60)));
        assert_eq!(
            retry_ms(decide(&policy(), POST, 1, long, 0.0)),
            5000,
            "capped"
        );
    }

    #[test]
    fn rate_limits_without_retry_after_back_off_exponentially_with_jitter() {
        let limited = status(429);
        assert_eq!(retry_ms(decide(&policy(), POST, 1, limited, 0.0)), 50);
        assert_eq!(retry_ms(decide(&policy(), POST, 1, limited, 0.999_999)), 99);
        assert_eq!(retry_ms(decide(&policy(), POST, 2, limited, 0.0)), 100);
        assert_eq!(retry_ms(decide(&policy(), POST, 3, limited, 0.0)), 200);
        let capped = RetryPolicy {
            max_attempts: 40,
            ..policy()
        };
        assert_eq!(
            retry_ms(decide(&capped, POST, 30, limited, 0.999_999)),
            4999
        );
    }

    #[test]
    fn server_errors_are_retried_only_for_idempotent_calls() {
        for code in [500, 502, 503, 504] {
            assert_eq!(
                retry_ms(decide(&policy(), IDEMPOTENT, 1, status(code), 0.0)),
                50
            );
            assert_eq!(
                decide(&policy(), POST, 1, status(code), 0.0),
                Decision::Stop(Stop::MayHaveBeenDelivered)
            );
        }
    }

    #[test]
    fn other_statuses_are_final() {
        for code in [400, 401, 402, 403, 404, 409, 413, 501] {
            for idempotent in [IDEMPOTENT, POST] {
                assert_eq!(
                    decide(&policy(), idempotent, 1, status(code), 0.0),
                    Decision::Stop(Stop::NotRetryable),
                    "{code}"
                );
            }
        }
    }

    #[test]
    fn retry_after_is_honoured_on_server_errors_of_idempotent_calls() {
        let unavailable = Outcome::Status(
            StatusCode::SERVICE_UNAVAILABLE,
            Some(Duration::from_secs(3)),
        );
        assert_eq!(
            retry_ms(decide(&policy(), IDEMPOTENT, 1, unavailable, 0.0)),
            3000
        );
        assert_eq!(
            decide(&policy(), POST, 1, unavailable, 0.0),
            Decision::Stop(Stop::MayHaveBeenDelivered)
        );
    }

    #[test]
    fn unusable_success_answers_are_never_repeated() {
        for idempotent in [IDEMPOTENT, POST] {
            let outcome = Outcome::Answered(StatusCode::OK);
            assert_eq!(
                decide(&policy(), idempotent, 1, outcome, 0.0),
                Decision::Stop(Stop::Answered)
            );
        }
        assert!(Outcome::Answered(StatusCode::OK).may_have_taken_effect());
        assert!(Outcome::Interrupted.may_have_taken_effect());
        assert!(status(503).may_have_taken_effect());
        assert!(!status(429).may_have_taken_effect());
        assert!(!Outcome::NotSent.may_have_taken_effect());
    }

    #[test]
    fn unsent_requests_are_retried_even_for_post() {
        assert_eq!(
            retry_ms(decide(&policy(), POST, 1, Outcome::NotSent, 0.0)),
            50
        );
        assert_eq!(
            retry_ms(decide(&policy(), IDEMPOTENT, 2, Outcome::NotSent, 0.0)),
            100
        );
    }

    #[test]
    fn interrupted_requests_are_retried_only_when_idempotent() {
        assert_eq!(
            retry_ms(decide(&policy(), IDEMPOTENT, 1, Outcome::Interrupted, 0.0)),
            50
        );
        assert_eq!(
            decide(&policy(), POST, 1, Outcome::Interrupted, 0.0),
            Decision::Stop(Stop::MayHaveBeenDelivered)
        );
    }

    #[test]
    fn attempts_run_out() {
        assert_eq!(
            decide(&policy(), IDEMPOTENT, 4, status(503), 0.0),
            Decision::Stop(Stop::Exhausted)
        );
        assert_eq!(
            decide(&policy(), POST, 4, status(429), 0.0),
            Decision::Stop(Stop::Exhausted)
        );
        let once = RetryPolicy::disabled();
        assert_eq!(
            decide(&once, POST, 1, Outcome::NotSent, 0.0),
            Decision::Stop(Stop::Exhausted)
        );
        // A final failure stays final whatever the attempts left.
        assert_eq!(
            decide(&once, POST, 1, status(400), 0.0),
            Decision::Stop(Stop::NotRetryable)
        );
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(
            parse_retry_after("120", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        for bad in ["", "soon", "-5", "1.5", "Sun, 99 Nov 1994 08:49:47 GMT"] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn jitter_is_in_range_and_varies() {
        let samples: Vec<f64> = (0..100).map(|_| jitter()).collect();
        assert!(samples.iter().all(|j| (0.0..1.0).contains(j)));
        assert!(samples.iter().any(|j| (j - samples[0]).abs() > 1e-9));
    }

    #[test]
    fn attempts_say_why_they_stopped() {
        let text = Attempts {
            count: 1,
            stop: Stop::MayHaveBeenDelivered,
        }
        .to_string();
        assert!(
            text.starts_with("1 attempt; not retried") && text.contains("may have reached"),
            "{text}"
        );
        assert_eq!(
            Attempts {
                count: 3,
                stop: Stop::Exhausted
            }
            .to_string(),
            "3 attempts; gave up: no attempts left"
        );
    }
}
