//! Webhook deliveries: the fake POSTs each event to every webhook subscribed to its trigger, with
//! the webhook's secret in `X-API-Key`, and retries as Smooch does. Every attempt is recorded.
//! The same deliveries carry v1.1 and v2 payloads: a [`Recipient`] is either version's webhook.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use reqwest::header::CONTENT_TYPE;
use tokio::sync::watch;

use crate::models::{Webhook, WebhookTrigger};

/// How the fake delivers webhook events: Smooch's rules (5 retries, a 20 s timeout, no retry
/// after 400, 401, 403, 404 or 406), with a backoff short enough for tests.
///
/// ```
/// use std::time::Duration;
/// use smooch_client::fake::DeliveryPolicy;
///
/// let fast = DeliveryPolicy::default().with_backoff(Duration::from_millis(1));
/// assert_eq!(fast.retries, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeliveryPolicy {
    /// Retries after the first attempt (Smooch: 5).
    pub retries: u32,
    /// Wait before the first retry; each later retry waits twice as long as the one before
    /// (Smooch's intervals are not documented; default 50 ms).
    pub backoff: Duration,
    /// How long an attempt waits for an answer (Smooch: 20 s).
    pub timeout: Duration,
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        DeliveryPolicy {
            retries: 5,
            backoff: Duration::from_millis(50),
            timeout: Duration::from_secs(20),
        }
    }
}

impl DeliveryPolicy {
    /// Sets the number of retries.
    pub fn with_retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }

    /// Sets the wait before the first retry.
    pub fn with_backoff(mut self, backoff: Duration) -> Self {
        self.backoff = backoff;
        self
    }

    /// Sets how long an attempt waits for an answer.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The wait before retry `retry` (1-based): the backoff, doubled for each retry before.
    fn wait(&self, retry: u32) -> Duration {
        self.backoff.saturating_mul(
            1u32.checked_shl(retry.saturating_sub(1))
                .unwrap_or(u32::MAX),
        )
    }
}

/// What goes wrong with an upcoming delivery attempt, as if the receiver had failed; queue it
/// with [`FakeSmooch::inject_delivery`](super::FakeSmooch::inject_delivery).
///
/// ```
/// use smooch_client::fake::{DeliveryFault, DeliveryOutcome, FakeSmooch};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # use smooch_client::WebhookApi;
/// # use smooch_client::models::{WebhookCreate, WebhookTrigger};
/// # let fake = FakeSmooch::start().await?;
/// # let fast = smooch_client::fake::DeliveryPolicy::default();
/// # fake.set_delivery_policy(fast.with_backoff(std::time::Duration::from_millis(1)));
/// # let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// # let url = format!("http://{}/hook", listener.local_addr()?);
/// # let receiver = axum::Router::new().route("/hook", axum::routing::post(|| async { "ok" }));
/// # tokio::spawn(async move { axum::serve(listener, receiver).await });
/// # let hook = WebhookCreate::new(url).with_triggers([WebhookTrigger::MessageAppUser]);
/// # fake.client()?.create_webhook("app", &hook).await?;
/// // With a webhook for `message:appUser` whose receiver answers 200: the next attempt
/// // fails as if the receiver had answered 503, and the retry goes through.
/// fake.inject_delivery(1, DeliveryFault::Status(503));
/// fake.user_says("app", "user", "Hello")?;
/// fake.deliveries_settled().await;
/// let outcomes: Vec<DeliveryOutcome> =
///     fake.deliveries().into_iter().map(|attempt| attempt.outcome).collect();
/// assert_eq!(outcomes[0], DeliveryOutcome::Answered(503));
/// assert!(outcomes[1].is_success());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeliveryFault {
    /// Not sent: the attempt counts as a connection failure (the receiver is down).
    Unreachable,
    /// Not sent: the attempt counts as if the receiver had answered this status.
    Status(u16),
    /// Sent, and the receiver's answer is ignored: the attempt counts as timed out (the
    /// receiver handled the event, but Smooch never heard back), so the event comes again.
    LostAnswer,
}

/// How one delivery attempt ended.
///
/// ```rust
/// use smooch_client::fake::DeliveryOutcome;
///
/// assert!(DeliveryOutcome::Answered(204).is_success());
/// // Smooch gives up on a 404; a 500 or no answer at all is retried.
/// assert!(DeliveryOutcome::Answered(404).stops_retries());
/// assert!(!DeliveryOutcome::Answered(500).stops_retries());
/// assert!(!DeliveryOutcome::TimedOut.is_success() && !DeliveryOutcome::TimedOut.stops_retries());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeliveryOutcome {
    /// The receiver answered this status.
    Answered(u16),
    /// No answer within the policy's timeout.
    TimedOut,
    /// No connection, or it broke before an answer.
    ConnectionFailed,
}

impl DeliveryOutcome {
    /// A 2xx answer: the event is delivered.
    pub fn is_success(&self) -> bool {
        matches!(self, DeliveryOutcome::Answered(200..=299))
    }

    /// An answer after which Smooch does not retry: 400, 401, 403, 404 or 406.
    pub fn stops_retries(&self) -> bool {
        matches!(self, DeliveryOutcome::Answered(400 | 401 | 403 | 404 | 406))
    }
}

/// One attempt to deliver an event to a webhook, as recorded by the fake.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DeliveryAttempt {
    /// The webhook's id.
    pub webhook_id: String,
    /// The URL called.
    pub target: String,
    /// The event's trigger; for a v2 delivery, the `type` of its event (e.g.
    /// `conversation:message`; a v2 type v1.1 does not have is kept as
    /// [`WebhookTrigger::Unknown`]).
    pub trigger: WebhookTrigger,
    /// The webhook's payload version: `v1.1`, or `v2` for a custom integration's webhook.
    pub version: &'static str,
    /// 1 for the first attempt, 2 for the first retry, ...
    pub attempt: u32,
    /// How it ended.
    pub outcome: DeliveryOutcome,
    /// The injected fault, if any.
    pub fault: Option<DeliveryFault>,
    /// The body sent (or that would have been).
    pub payload: serde_json::Value,
}

/// The delivery side of the fake: policy, faults, records, and the count of deliveries under way.
pub(crate) struct Deliveries {
    http: reqwest::Client,
    policy: Mutex<DeliveryPolicy>,
    faults: Mutex<VecDeque<DeliveryFault>>,
    log: Mutex<Vec<DeliveryAttempt>>,
    pending: watch::Sender<usize>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Counts a delivery as under way until dropped (a panicking delivery still ends).
struct Pending(Arc<Deliveries>);

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.pending.send_modify(|n| *n = n.saturating_sub(1));
    }
}

impl Deliveries {
    pub(crate) fn new() -> Self {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .unwrap_or_default();
        Deliveries {
            http,
            policy: Mutex::new(DeliveryPolicy::default()),
            faults: Mutex::default(),
            log: Mutex::default(),
            pending: watch::Sender::new(0),
        }
    }

    pub(crate) fn set_policy(&self, policy: DeliveryPolicy) {
        *lock(&self.policy) = policy;
    }

    pub(crate) fn inject(&self, count: usize, fault: DeliveryFault) {
        lock(&self.faults).extend(std::iter::repeat_n(fault, count));
    }

    pub(crate) fn attempts(&self) -> Vec<DeliveryAttempt> {
        lock(&self.log).clone()
    }

    /// Waits until no delivery is under way.
    pub(crate) async fn settled(&self) {
        let mut pending = self.pending.subscribe();
        // The sender lives as long as `self`: waiting cannot fail.
        let _ = pending.wait_for(|n| *n == 0).await;
    }

    /// Starts delivering `payload` to `recipient` (in a task of its own).
    pub(crate) fn send(
        self: &Arc<Self>,
        recipient: Recipient,
        trigger: WebhookTrigger,
        payload: serde_json::Value,
    ) {
        self.pending.send_modify(|n| *n += 1);
        let pending = Pending(self.clone());
        let delivery = Delivery {
            recipient,
            trigger,
            payload,
        };
        tokio::spawn(async move {
            delivery.run(&pending.0).await;
            drop(pending);
        });
    }
}

/// Where a delivery goes, whichever API version's webhook it is: the webhook's id, URL,
/// secret (sent in `X-API-Key`) and payload version.
pub(crate) struct Recipient {
    pub(crate) webhook_id: String,
    pub(crate) target: String,
    pub(crate) secret: String,
    pub(crate) version: &'static str,
}

impl From<&Webhook> for Recipient {
    /// A v1.1 webhook (the Webhook API's).
    fn from(webhook: &Webhook) -> Self {
        Recipient {
            webhook_id: webhook.id.clone(),
            target: webhook.target.clone(),
            secret: webhook.secret.expose().to_owned(),
            version: "v1.1",
        }
    }
}

/// One event on its way to one webhook.
struct Delivery {
    recipient: Recipient,
    trigger: WebhookTrigger,
    payload: serde_json::Value,
}

impl Delivery {
    async fn run(&self, deliveries: &Deliveries) {
        let body = serde_json::to_vec(&self.payload).unwrap_or_default();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let policy = lock(&deliveries.policy).clone();
            let fault = lock(&deliveries.faults).pop_front();
            let outcome = match &fault {
                Some(DeliveryFault::Unreachable) => DeliveryOutcome::ConnectionFailed,
                Some(DeliveryFault::Status(status)) => DeliveryOutcome::Answered(*status),
                Some(DeliveryFault::LostAnswer) => {
                    self.post(deliveries, &body, policy.timeout).await;
                    DeliveryOutcome::TimedOut
                }
                None => self.post(deliveries, &body, policy.timeout).await,
            };
            let done = outcome.is_success() || outcome.stops_retries() || attempt > policy.retries;
            lock(&deliveries.log).push(DeliveryAttempt {
                webhook_id: self.recipient.webhook_id.clone(),
                target: self.recipient.target.clone(),
                trigger: self.trigger.clone(),
                version: self.recipient.version,
                attempt,
                outcome,
                fault,
                payload: self.payload.clone(),
            });
            if done {
                return;
            }
            tokio::time::sleep(policy.wait(attempt)).await;
        }
    }

    async fn post(
        &self,
        deliveries: &Deliveries,
        body: &[u8],
        timeout: Duration,
    ) -> DeliveryOutcome {
        let sent = deliveries
            .http
            .post(&self.recipient.target)
            .header("x-api-key", &self.recipient.secret)
            .header(CONTENT_TYPE, "application/json")
            .timeout(timeout)
            .body(body.to_vec())
            .send()
            .await;
        match sent {
            Ok(response) => DeliveryOutcome::Answered(response.status().as_u16()),
            Err(error) if error.is_timeout() => DeliveryOutcome::TimedOut,
            Err(_) => DeliveryOutcome::ConnectionFailed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backoff_doubles_and_never_overflows() {
        let policy = DeliveryPolicy::default().with_backoff(Duration::from_millis(10));
        let waits: Vec<u128> = (1..=4).map(|r| policy.wait(r).as_millis()).collect();
        assert_eq!(waits, [10, 20, 40, 80]);
        assert!(policy.wait(200) >= policy.wait(5));
    }

    #[test]
    fn outcomes_say_whether_smooch_would_retry() {
        assert!(DeliveryOutcome::Answered(204).is_success());
        for status in [400, 401, 403, 404, 406] {
            assert!(
                DeliveryOutcome::Answered(status).stops_retries(),
                "{status}"
            );
        }
        for outcome in [
            DeliveryOutcome::Answered(413),
            DeliveryOutcome::Answered(500),
            DeliveryOutcome::Answered(302),
            DeliveryOutcome::TimedOut,
            DeliveryOutcome::ConnectionFailed,
        ] {
            assert!(
                !outcome.is_success() && !outcome.stops_retries(),
                "{outcome:?}"
            );
        }
    }
}
