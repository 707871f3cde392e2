//! The transport: turns a built [`Request`] into HTTP attempts, retries them as the
//! [retry policy](crate::RetryPolicy) decides, and classifies the answer.
//!
//! Everything that is the same for every endpoint lives here, once; generated code only builds
//! the [`Request`] and picks [`send`] or [`send_empty`].

use std::future::Future;
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde::de::DeserializeOwned;
use tracing::Instrument as _;

use crate::request::Request;
use crate::response::{Answer, api_error, decode_json};
use crate::retry::{self, Attempts, Decision, Outcome, RetryPolicy};
use crate::{Client, Error, Result};

/// Sends `request` and decodes the success body as JSON into `T`.
///
/// The request is checked and prepared now; the returned future owns everything it needs, so it
/// is `'static` and `Send` whatever borrowed the arguments.
pub fn send<T: DeserializeOwned>(
    client: &Client,
    request: Request,
) -> impl Future<Output = Result<T>> + Send + use<T> {
    let span = request.span.clone();
    let call = Call::new(client, request);
    async move { decode_json(&call?.run().await?) }.instrument(span)
}

/// Sends `request`; any success answer (`{}`, an empty body, anything) is `Ok(())`.
pub fn send_empty(
    client: &Client,
    request: Request,
) -> impl Future<Output = Result<()>> + Send + use<> {
    let span = request.span.clone();
    let call = Call::new(client, request);
    async move { call?.run().await.map(drop) }.instrument(span)
}

/// A prepared call: the HTTP request (sent as is, or cloned for each attempt when a retry is
/// possible) and what the retry decision needs.
struct Call {
    http: reqwest::Client,
    request: reqwest::Request,
    policy: RetryPolicy,
    idempotent: bool,
    operation: &'static str,
    timeout: Duration,
    span: tracing::Span,
}

impl Call {
    /// Builds the HTTP request; no I/O. A request refused while it was built fails here.
    fn new(client: &Client, request: Request) -> Result<Self> {
        if let Some(error) = request.error {
            return Err(error);
        }
        let inner = &client.inner;
        let mut url = inner.base_url.clone();
        url.set_path(&request.path);
        if !request.query.is_empty() {
            url.set_query(Some(&request.query));
        }
        let mut http = reqwest::Request::new(request.method, url);
        let headers = http.headers_mut();
        *headers = inner.headers.clone();
        inner.auth.insert_into(headers)?;
        if let Some(body) = request.body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            *http.body_mut() = Some(Bytes::from(body).into());
        }
        *http.timeout_mut() = Some(inner.timeout);
        Ok(Call {
            http: inner.http.clone(),
            request: http,
            policy: inner.retry,
            idempotent: request.idempotent,
            operation: request.operation,
            timeout: inner.timeout,
            span: request.span,
        })
    }

    /// Attempts the request until it succeeds or the retry policy says stop.
    async fn run(self) -> Result<Answer> {
        let mut template = Some(self.request);
        let mut attempt = 0;
        let mut exhausted = None;
        while let Some(original) = template.take() {
            attempt += 1;
            self.span.record("attempt", attempt);
            // Keep a copy for a retry only while one is possible; the last attempt sends the
            // original (as does one whose body could not be cloned).
            let copy = (attempt < self.policy.max_attempts)
                .then(|| original.try_clone())
                .flatten();
            let this = match copy {
                Some(copy) => {
                    template = Some(original);
                    copy
                }
                None => original,
            };
            let failure = match exchange(&self.http, this, self.operation).await {
                Ok(answer) => {
                    self.span.record("status", answer.status.as_u16());
                    return Ok(answer);
                }
                Err(failure) => failure,
            };
            if let Failure::Status { status, .. } = &failure {
                self.span.record("status", status.as_u16());
            }
            let outcome = failure.outcome();
            let counted = if template.is_some() {
                attempt
            } else {
                self.policy.max_attempts.max(attempt)
            };
            match retry::decide(
                &self.policy,
                self.idempotent,
                counted,
                outcome,
                retry::jitter(),
            ) {
                Decision::Retry(delay) if template.is_some() => {
                    let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                    tracing::debug!(attempt, delay_ms, outcome = outcome.label(), "retrying");
                    tokio::time::sleep(delay).await;
                }
                Decision::Retry(_) => exhausted = Some(failure),
                Decision::Stop(stop) => {
                    tracing::debug!(
                        attempts = attempt,
                        outcome = outcome.label(),
                        ?stop,
                        "call failed"
                    );
                    let attempts = Attempts {
                        count: attempt,
                        stop,
                    };
                    return Err(failure.into_error(self.operation, self.timeout, attempts));
                }
            }
        }
        // Only reached when a retry was wanted but nothing was left to send.
        let attempts = Attempts {
            count: attempt,
            stop: retry::Stop::Exhausted,
        };
        match exhausted {
            Some(failure) => Err(failure.into_error(self.operation, self.timeout, attempts)),
            None => Err(Error::Config("the retry policy allows no attempt".into())),
        }
    }
}

/// Why one attempt failed.
enum Failure {
    /// The server answered an error status.
    Status {
        status: StatusCode,
        body: Bytes,
        retry_after: Option<Duration>,
    },
    /// No complete answer.
    Transport(reqwest::Error),
}

impl Failure {
    fn outcome(&self) -> Outcome {
        match self {
            Failure::Status {
                status,
                retry_after,
                ..
            } => Outcome::Status(*status, *retry_after),
            Failure::Transport(error) if error.is_connect() => Outcome::NotSent,
            Failure::Transport(_) => Outcome::Interrupted,
        }
    }

    fn into_error(self, operation: &'static str, timeout: Duration, attempts: Attempts) -> Error {
        match self {
            Failure::Status { status, body, .. } => api_error(operation, status, &body, attempts),
            Failure::Transport(source) if source.is_timeout() => Error::Timeout {
                operation,
                timeout,
                attempts,
                source,
            },
            Failure::Transport(source) => Error::Transport {
                operation,
                attempts,
                source,
            },
        }
    }
}

/// One attempt: the full answer on success, else what went wrong.
async fn exchange(
    http: &reqwest::Client,
    request: reqwest::Request,
    operation: &'static str,
) -> Result<Answer, Failure> {
    let response = http.execute(request).await.map_err(Failure::Transport)?;
    let status = response.status();
    let retry_after = match status {
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| retry::parse_retry_after(value, SystemTime::now())),
        _ => None,
    };
    let body = response.bytes().await.map_err(Failure::Transport)?;
    if status.is_success() {
        Ok(Answer {
            operation,
            status,
            body,
        })
    } else {
        Err(Failure::Status {
            status,
            body,
            retry_after,
        })
    }
}
