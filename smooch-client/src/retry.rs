//! Retries, in one place: the [`RetryPolicy`] a client is built with, the client-wide
//! [`RetryBudget`], what one attempt came to ([`Outcome`], classified from what the HTTP stack
//! reports), and the state of one call across its attempts ([`Retrying`]), which says after each
//! failure: retry after this delay, stop (and why), or done. The transport only executes.
//!
//! The rules (the fault matrix, `retry_matrix.md`, is the table of what each failure leads to):
//! a request that surely did not reach the server (refused connection, connect timeout) or was
//! refused with 429 is retried for every call; a request that may have reached it (5xx,
//! timeout, lost connection) is retried only when idempotent, so a message is never posted twice;
//! a retry never comes sooner than the server's `Retry-After` (a wait longer than the policy or
//! the deadline allows stops the call instead); a call never outlives its deadline, and retries
//! stop when the budget is spent.

use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use tokio::time::Instant;

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
    /// The longest wait between two attempts. A server's `Retry-After` longer than this is not
    /// cut short (a retry sooner than asked would be refused again): the call stops at once
    /// with the error, [`Stop::RetryAfter`].
    pub max_delay: Duration,
    /// The client-wide budget retries spend, so that a storm of failures does not multiply the
    /// load; `None` lets every call retry up to `max_attempts`.
    pub budget: Option<RetryBudget>,
}

impl Default for RetryPolicy {
    /// 3 attempts, 200 ms base delay, 10 s cap, the [standard budget](RetryBudget::default).
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
            budget: Some(RetryBudget::default()),
        }
    }
}

impl RetryPolicy {
    /// For a call made while Smooch waits for a webhook's answer (it waits 20 s, then delivers
    /// the event again): 3 attempts, 100 ms base delay, 2 s cap. A call that Smooch rate limits
    /// for longer than 2 s is not waited for: it stops at once, not sent, with the wait Smooch
    /// asked for ([`Error::retry_after`](crate::Error::retry_after)), so that the handler can
    /// answer Smooch in time and send the reply later. [`Client::for_webhook`](crate::Client::for_webhook)
    /// pairs it with deadlines that fit the same window.
    ///
    /// ```
    /// use std::time::Duration;
    /// use smooch_client::RetryPolicy;
    ///
    /// let policy = RetryPolicy::webhook();
    /// assert_eq!((policy.max_attempts, policy.max_delay), (3, Duration::from_secs(2)));
    /// ```
    pub fn webhook() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            ..RetryPolicy::default()
        }
    }

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

    /// Sets the retry budget (`None`: unlimited).
    pub fn with_budget(mut self, budget: Option<RetryBudget>) -> Self {
        self.budget = budget;
        self
    }
}

/// A client-wide budget for retries, as aws-sdk-rust's standard retry mode: the budget starts
/// full, each retry spends tokens, and each call that succeeds puts tokens back. When failures
/// persist across many calls, the budget runs dry and calls stop retrying
/// ([`Stop::BudgetExhausted`]) instead of multiplying the load on a struggling server; as calls
/// succeed again, retries come back.
///
/// ```
/// use smooch_client::{RetryBudget, RetryPolicy};
///
/// let budget = RetryBudget::default();
/// assert_eq!((budget.capacity, budget.retry_cost, budget.timeout_retry_cost), (500, 5, 10));
/// let policy = RetryPolicy::default().with_budget(Some(budget.with_capacity(100)));
/// assert_eq!(policy.budget.map(|b| b.capacity), Some(100));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryBudget {
    /// Tokens when full (and at the start).
    pub capacity: u32,
    /// Tokens a retry spends.
    pub retry_cost: u32,
    /// Tokens a retry after a timeout spends (a timeout suggests an overloaded server).
    pub timeout_retry_cost: u32,
    /// Tokens a call that succeeds at its first attempt puts back (a call that succeeds after
    /// retries puts back what it spent).
    pub success_refill: u32,
}

impl Default for RetryBudget {
    /// 500 tokens, 5 per retry, 10 per retry after a timeout, 1 back per success: 100 retries in
    /// a row at most, as aws-sdk-rust's standard mode.
    fn default() -> Self {
        RetryBudget {
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refill: 1,
        }
    }
}

impl RetryBudget {
    /// Sets the tokens when full.
    pub fn with_capacity(mut self, capacity: u32) -> Self {
        self.capacity = capacity;
        self
    }

    /// Sets the tokens a retry spends.
    pub fn with_retry_cost(mut self, cost: u32) -> Self {
        self.retry_cost = cost;
        self
    }

    /// Sets the tokens a retry after a timeout spends.
    pub fn with_timeout_retry_cost(mut self, cost: u32) -> Self {
        self.timeout_retry_cost = cost;
        self
    }

    /// Sets the tokens a call that succeeds at its first attempt puts back.
    pub fn with_success_refill(mut self, refill: u32) -> Self {
        self.success_refill = refill;
        self
    }
}

/// The tokens of a client's [`RetryBudget`], shared by every call of the client and its clones.
#[derive(Debug)]
pub(crate) struct Budget {
    config: Option<RetryBudget>,
    tokens: AtomicU32,
}

impl Budget {
    pub(crate) fn new(config: Option<RetryBudget>) -> Self {
        let tokens = config.map_or(0, |c| c.capacity);
        Budget {
            config,
            tokens: AtomicU32::new(tokens),
        }
    }

    /// Takes `cost` tokens if there are that many.
    fn spend(&self, cost: u32) -> bool {
        if self.config.is_none() {
            return true;
        }
        self.tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |tokens| {
                tokens.checked_sub(cost)
            })
            .is_ok()
    }

    /// Puts `amount` tokens back, up to the capacity. A full budget (the usual state) is only
    /// read, so calls that succeed do not contend on it.
    fn refill(&self, amount: u32) {
        let Some(config) = self.config else { return };
        if amount == 0 || self.tokens.load(Ordering::Relaxed) >= config.capacity {
            return;
        }
        let _ = self
            .tokens
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |tokens| {
                (tokens < config.capacity)
                    .then(|| tokens.saturating_add(amount).min(config.capacity))
            });
    }

    /// The tokens a retry after `outcome` spends.
    fn cost(&self, outcome: Outcome) -> u32 {
        self.config.map_or(0, |config| match outcome {
            Outcome::TimedOut => config.timeout_retry_cost,
            _ => config.retry_cost,
        })
    }

    /// The tokens a call that succeeds at its first attempt puts back.
    fn success_refill(&self) -> u32 {
        self.config.map_or(0, |config| config.success_refill)
    }

    /// Tokens left, `None` without a budget.
    pub(crate) fn left(&self) -> Option<u32> {
        self.config.map(|_| self.tokens.load(Ordering::Relaxed))
    }

    #[cfg(test)]
    fn tokens(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }
}

/// What one attempt came to, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The server answered this status (an error, or a redirect, which is never followed), with
    /// this `Retry-After` if any.
    Status(StatusCode, Option<Duration>),
    /// The connection was never established (refused, connect timeout, closed before the request
    /// was written): the request surely did not reach the server.
    NotSent,
    /// The HTTP stack refused the request before sending anything (a URL or header it cannot
    /// carry): sending it again would fail the same way.
    Refused,
    /// No complete answer within the attempt's time, after the request may have reached the
    /// server.
    TimedOut,
    /// The connection was lost after the request may have reached the server.
    Interrupted,
    /// The server answered with success, but the answer cannot be used (too large).
    Answered(StatusCode),
}

impl Outcome {
    /// Classifies a failed attempt from the HTTP stack's error.
    pub(crate) fn of_error(error: &reqwest::Error) -> Outcome {
        if error.is_builder() {
            Outcome::Refused
        } else if error.is_connect() || canceled_before_sending(error) {
            // A connect timeout is a connect error too: nothing was sent.
            Outcome::NotSent
        } else if error.is_timeout() {
            Outcome::TimedOut
        } else {
            Outcome::Interrupted
        }
    }

    /// The wait the server asked for (`Retry-After`), if it answered with one.
    pub(crate) fn retry_after(self) -> Option<Duration> {
        match self {
            Outcome::Status(_, retry_after) => retry_after,
            _ => None,
        }
    }

    /// A short name for logs: no ids, no bodies.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Outcome::Status(StatusCode::TOO_MANY_REQUESTS, _) => "rate limited",
            Outcome::Status(status, _) if status.is_server_error() => "server error",
            Outcome::Status(status, _) if status.is_redirection() => "redirect",
            Outcome::Status(..) => "client error",
            Outcome::NotSent => "connection failed",
            Outcome::Refused => "refused before sending",
            Outcome::TimedOut => "timed out",
            Outcome::Interrupted => "interrupted",
            Outcome::Answered(_) => "unusable answer",
        }
    }

    /// Whether the attempt may have taken effect on the server although it failed.
    pub(crate) fn may_have_taken_effect(self) -> bool {
        match self {
            Outcome::Status(status, _) => status.is_server_error(),
            Outcome::TimedOut | Outcome::Interrupted | Outcome::Answered(_) => true,
            Outcome::NotSent | Outcome::Refused => false,
        }
    }
}

/// Whether hyper gave up on the request before writing it: its connection closed first (hyper
/// hands such requests back, and reports them as canceled).
fn canceled_before_sending(error: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(error) = source {
        if let Some(hyper) = error.downcast_ref::<hyper::Error>() {
            return hyper.is_canceled();
        }
        source = error.source();
    }
    false
}

/// Why a call was not tried again; part of every error that came from the server or the network.
///
/// ```
/// use smooch_client::{ConversationApi, Stop};
/// use smooch_client::models::{MessagePost, Role};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # use smooch_client::fake::{FakeSmooch, Fault};
/// # let fake = FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// // A 404 is an answer: asking again would get the same one.
/// use smooch_client::models::Cursor;
/// let error = client.get_messages("app", "nobody", Cursor::Latest).await.unwrap_err();
/// assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::NotRetryable));
///
/// # fake.inject(1, Fault::status(500));
/// // A 500 after a POST: the message may have been stored, so it is not sent again.
/// let hello = MessagePost::text(Role::AppMaker, "Hello!");
/// let error = client.post_message("app", "user", &hello).await.unwrap_err();
/// assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::MayHaveBeenDelivered));
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stop {
    /// This kind of failure is not retried (e.g. 400, 401, 404, a redirect).
    NotRetryable,
    /// The retry policy's attempts were used up.
    Exhausted,
    /// The request may have reached the server (timeout, dropped connection, 5xx) and the call is
    /// not idempotent: sending it again could deliver it twice.
    MayHaveBeenDelivered,
    /// The server answered with success, so the request took effect, but the answer could not be
    /// used (a body that does not decode, or is too large); it is not sent again.
    Answered,
    /// The call's deadline ([`ClientBuilder::call_timeout`](crate::ClientBuilder::call_timeout))
    /// passed, or would pass before the next attempt.
    Deadline,
    /// The client's [`RetryBudget`] is spent: failures are widespread, so calls stop retrying
    /// until some succeed.
    BudgetExhausted,
    /// Smooch asked (`Retry-After`, on a 429, or a 5xx of an idempotent call) to wait longer
    /// than the call may: longer than the policy's [`max_delay`](RetryPolicy::max_delay), or
    /// than is left before the call's deadline. The client does not retry sooner than asked (it
    /// would be refused again): it stops at once, and
    /// [`Error::retry_after`](crate::Error::retry_after) says how long Smooch asked to wait. A
    /// 429 was not processed: the request was not sent on, and may be sent again after that
    /// wait.
    RetryAfter,
}

/// How many attempts a call made, why it stopped, and whether what it asked may have happened.
///
/// Every error that came from the server or the network carries one
/// ([`Error::attempts`](crate::Error::attempts)), and the error's message ends with it (`(3
/// attempts; gave up: no attempts left)`).
///
/// ```
/// use smooch_client::{ConversationApi, Stop};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # use smooch_client::fake::{FakeSmooch, Fault};
/// # let fake = FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// # fake.inject(3, Fault::status(503));
/// // The server answered 503 three times.
/// use smooch_client::models::Cursor;
/// let error = client.get_messages("app", "user", Cursor::Latest).await.unwrap_err();
/// let attempts = error.attempts().expect("the server answered");
/// assert_eq!(attempts.count, 3);
/// assert_eq!(attempts.stop, Stop::Exhausted);
/// assert!(!attempts.may_have_been_delivered, "a GET changes nothing");
/// assert!(error.to_string().ends_with("(3 attempts; gave up: no attempts left)"));
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attempts {
    /// Attempts made, the first included.
    pub count: u32,
    /// Why there was no further attempt.
    pub stop: Stop,
    /// Whether the request may have taken effect although the call failed, so that sending it
    /// again could repeat it: a non-idempotent call (`post_message`) whose attempt may have
    /// reached the server, or any call whose success answer could not be read.
    pub may_have_been_delivered: bool,
}

impl Attempts {
    /// A call the server answered with success after `count` attempts, whose answer could not be
    /// used: the request took effect, so it is not tried again.
    pub(crate) fn answered(count: u32) -> Self {
        Attempts {
            count,
            stop: Stop::Answered,
            may_have_been_delivered: true,
        }
    }

    /// One attempt that was not retried because of `stop`.
    #[cfg(test)]
    pub(crate) fn once(stop: Stop) -> Self {
        Attempts {
            count: 1,
            stop,
            may_have_been_delivered: matches!(stop, Stop::MayHaveBeenDelivered | Stop::Answered),
        }
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
            Stop::Deadline => "gave up: the call's deadline passed",
            Stop::BudgetExhausted => {
                "not retried: the client's retry budget is spent (failures are widespread)"
            }
            Stop::RetryAfter => {
                "not retried: Smooch asked to wait longer than the retry policy's cap or the call's deadline allows"
            }
        })?;
        if self.may_have_been_delivered
            && !matches!(self.stop, Stop::MayHaveBeenDelivered | Stop::Answered)
        {
            f.write_str("; the request may have been delivered")?;
        }
        Ok(())
    }
}

/// The decision after a failed attempt, from the policy alone.
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
        Outcome::Status(..) | Outcome::Refused => return Decision::Stop(Stop::NotRetryable),
        Outcome::TimedOut | Outcome::Interrupted if idempotent => None,
        Outcome::TimedOut | Outcome::Interrupted => {
            return Decision::Stop(Stop::MayHaveBeenDelivered);
        }
        Outcome::Answered(_) => return Decision::Stop(Stop::Answered),
    };
    if attempt >= policy.max_attempts {
        return Decision::Stop(Stop::Exhausted);
    }
    let backoff = backoff(policy, attempt, jitter);
    match retry_after {
        // Never sooner than Smooch asked: a wait past the cap is not shortened but declined.
        Some(asked) if asked > policy.max_delay => Decision::Stop(Stop::RetryAfter),
        // The backoff, when it is longer (a `Retry-After` of 0 or in the past), still spreads
        // the retries of many clients.
        Some(asked) => Decision::Retry(asked.max(backoff)),
        None => Decision::Retry(backoff),
    }
}

/// 500, 502, 503, 504: the server may do better next time.
fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

/// Exponential backoff with "equal jitter": between half and all of `base * 2^(attempt-1)`.
fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let exponent = attempt.saturating_sub(1).min(MAX_EXPONENT);
    let full = policy
        .base_delay
        .saturating_mul(1 << exponent)
        .min(policy.max_delay);
    let half = full / 2;
    half.saturating_add(scale(full - half, jitter))
}

/// `duration` times `fraction`, the fraction taken into `[0, 1]` (NaN as 0), to the nanosecond.
/// Never more than `duration`, so it cannot overflow where `Duration::mul_f64` panics (the
/// product of `Duration::MAX` and a fraction near 1 rounds up past it).
fn scale(duration: Duration, fraction: f64) -> Duration {
    const ONE: u128 = 1 << 32;
    let fraction = if fraction.is_nan() {
        0.0
    } else {
        fraction.clamp(0.0, 1.0)
    };
    // At most 2^32, and a duration is less than 2^95 ns: the product fits in a u128.
    let parts = (fraction * ONE as f64) as u128;
    let nanos = duration.as_nanos() * parts / ONE;
    let seconds = u64::try_from(nanos / 1_000_000_000).unwrap_or(u64::MAX);
    Duration::new(seconds, (nanos % 1_000_000_000) as u32)
}

/// The backoff doubles at most this many times (2^20 times the base delay is days at 200 ms).
const MAX_EXPONENT: u32 = 20;

/// What happens after an attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Attempt again after this delay.
    Retry(Duration),
    /// Give up with the last failure as the call's error.
    Stop(Attempts),
    /// The goal is reached after all: a DELETE (or a call declared `removes`) retried after an
    /// attempt that may have deleted answers 404. The attempts are those of the 404, for a
    /// caller whose result cannot say "already gone" and gets it as an error.
    Done(Attempts),
}

/// One call across its attempts: what has happened so far, and what happens next.
pub(crate) struct Retrying<'a> {
    policy: &'a RetryPolicy,
    /// The client's budget, when the call's retries draw on it.
    budget: Option<&'a Budget>,
    idempotent: bool,
    /// Whether the call deletes something (a 404 after it may have taken effect is success).
    removes: bool,
    deadline: Option<Instant>,
    attempt: u32,
    /// Whether an attempt may have taken effect although it failed.
    may_be_done: bool,
    /// Budget tokens spent by this call's retries.
    spent: u32,
}

impl<'a> Retrying<'a> {
    pub(crate) fn new(
        policy: &'a RetryPolicy,
        budget: Option<&'a Budget>,
        idempotent: bool,
        removes: bool,
        deadline: Option<Instant>,
    ) -> Self {
        Retrying {
            policy,
            budget,
            idempotent,
            removes,
            deadline,
            attempt: 0,
            may_be_done: false,
            spent: 0,
        }
    }

    /// Starts the next attempt; returns its number (1 for the first) and how long it may take:
    /// the attempt timeout, cut short by the call's deadline.
    pub(crate) fn start(&mut self, attempt_timeout: Duration, now: Instant) -> (u32, Duration) {
        self.attempt += 1;
        let left = self.left(now).unwrap_or(attempt_timeout);
        (self.attempt, attempt_timeout.min(left))
    }

    /// The time left at `now` before the call's deadline, if it has one.
    fn left(&self, now: Instant) -> Option<Duration> {
        self.deadline
            .map(|deadline| deadline.saturating_duration_since(now))
    }

    /// The attempt succeeded: the budget gets back what the call spent, or the success refill.
    pub(crate) fn succeeded(&self) {
        if let Some(budget) = self.budget {
            let amount = if self.spent > 0 {
                self.spent
            } else {
                budget.success_refill()
            };
            budget.refill(amount);
        }
    }

    /// How many attempts were made so far.
    #[cfg(test)]
    pub(crate) fn attempts(&self) -> u32 {
        self.attempt
    }

    /// Decides what follows a failed attempt that ended in `outcome` at `now`.
    pub(crate) fn failed(&mut self, outcome: Outcome, now: Instant, jitter: f64) -> Step {
        if self.removes
            && self.may_be_done
            && matches!(outcome, Outcome::Status(StatusCode::NOT_FOUND, _))
        {
            return Step::Done(Attempts {
                count: self.attempt,
                stop: Stop::NotRetryable,
                may_have_been_delivered: true,
            });
        }
        self.may_be_done |= outcome.may_have_taken_effect();
        let past_deadline = self.deadline.is_some_and(|deadline| now >= deadline);
        let stop = match decide(self.policy, self.idempotent, self.attempt, outcome, jitter) {
            // An attempt cut short by the deadline stops the call, whatever it was.
            _ if past_deadline && outcome == Outcome::TimedOut => Stop::Deadline,
            Decision::Stop(stop) => stop,
            // Compared with what is left, so that no delay, however long, overflows an instant.
            Decision::Retry(delay) if self.left(now).is_some_and(|left| delay >= left) => {
                // The wait Smooch asked for does not fit before the deadline: that wait is the
                // reason (retrying sooner would be refused again), not the deadline itself.
                let left = self.left(now).unwrap_or(Duration::MAX);
                if outcome.retry_after().is_some_and(|asked| asked >= left) {
                    Stop::RetryAfter
                } else {
                    Stop::Deadline
                }
            }
            Decision::Retry(delay) => {
                let cost = self.budget.map_or(0, |budget| budget.cost(outcome));
                if self.budget.is_some_and(|budget| !budget.spend(cost)) {
                    Stop::BudgetExhausted
                } else {
                    self.spent = self.spent.saturating_add(cost);
                    return Step::Retry(delay);
                }
            }
        };
        Step::Stop(Attempts {
            count: self.attempt,
            stop,
            may_have_been_delivered: stop == Stop::Answered
                || (!self.idempotent && self.may_be_done),
        })
    }
}

/// When a call started at `now` with this call timeout must end: `None` without a timeout, or
/// when the deadline lies past any instant the clock can hold (then it cannot pass either).
pub(crate) fn deadline(now: Instant, call_timeout: Option<Duration>) -> Option<Instant> {
    call_timeout.and_then(|timeout| now.checked_add(timeout))
}

/// `Retry-After` as seconds or an HTTP date; a date in the past means now. Seconds past what a
/// `u64` holds are the longest wait there is. Anything else is no `Retry-After` at all.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
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
mod tests;
