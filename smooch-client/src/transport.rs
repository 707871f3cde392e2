//! The transport: turns a built [`Request`] into HTTP attempts, retries them as the
//! [retry policy](crate::RetryPolicy) decides, and classifies the answer.
//!
//! Everything that is the same for every endpoint lives here, once; generated code only builds
//! the [`Request`] and picks [`send`] or [`send_empty`].

use std::future::Future;
use std::time::{Duration, SystemTime};

use bytes::{Bytes, BytesMut};
use reqwest::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use tracing::Instrument as _;

use crate::request::Request;
use crate::response::{Answer, api_error, decode_json};
use crate::retry::{self, Attempts, Decision, Outcome};
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

/// A prepared call: the parts of the HTTP request, built afresh for each attempt (so a retry
/// carries a current `Authorization`), and what the retry decision needs.
struct Call {
    client: Client,
    method: Method,
    path: String,
    query: String,
    body: Option<Bytes>,
    idempotent: bool,
    operation: &'static str,
    span: tracing::Span,
}

impl Call {
    /// Takes the built request; a request refused while it was built fails here, unsent.
    fn new(client: &Client, request: Request) -> Result<Self> {
        if let Some(error) = request.error {
            return Err(error);
        }
        Ok(Call {
            client: client.clone(),
            method: request.method,
            path: request.path,
            query: request.query,
            body: request.body.map(Bytes::from),
            idempotent: request.idempotent,
            operation: request.operation,
            span: request.span,
        })
    }

    /// The HTTP request for one attempt: URL, headers, credentials, body, timeout. No I/O.
    fn build(&self) -> Result<reqwest::Request> {
        let inner = &self.client.inner;
        let mut url = inner.base_url.clone();
        url.set_path(&self.path);
        if !self.query.is_empty() {
            url.set_query(Some(&self.query));
        }
        let mut http = reqwest::Request::new(self.method.clone(), url);
        let headers = http.headers_mut();
        *headers = inner.headers.clone();
        inner.auth.insert_into(headers)?;
        if let Some(body) = &self.body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            *http.body_mut() = Some(body.clone().into());
        }
        *http.timeout_mut() = Some(inner.timeout);
        Ok(http)
    }

    /// Attempts the request until it succeeds or the retry policy says stop.
    async fn run(self) -> Result<Answer> {
        let inner = &self.client.inner;
        let mut attempt = 0;
        // Whether an earlier attempt may have taken effect although it failed.
        let mut maybe_done = false;
        loop {
            attempt += 1;
            self.span.record("attempt", attempt);
            let failure = match exchange(&inner.http, self.build()?, self.operation, attempt).await
            {
                Ok(answer) => {
                    self.span.record("status", answer.status.as_u16());
                    return Ok(answer);
                }
                Err(failure) => failure,
            };
            let outcome = failure.outcome();
            if let Outcome::Status(status, _) = outcome {
                self.span.record("status", status.as_u16());
                // A DELETE retried after an attempt that may have deleted: gone is the goal.
                if maybe_done && self.method == Method::DELETE && status == StatusCode::NOT_FOUND {
                    let body = Bytes::new();
                    return Ok(Answer {
                        operation: self.operation,
                        status,
                        body,
                        attempts: attempt,
                    });
                }
            }
            maybe_done |= outcome.may_have_taken_effect();
            match retry::decide(
                &inner.retry,
                self.idempotent,
                attempt,
                outcome,
                retry::jitter(),
            ) {
                Decision::Retry(delay) => {
                    let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                    tracing::debug!(attempt, delay_ms, outcome = outcome.label(), "retrying");
                    tokio::time::sleep(delay).await;
                }
                Decision::Stop(stop) => {
                    tracing::debug!(
                        attempts = attempt,
                        outcome = outcome.label(),
                        ?stop,
                        "failed"
                    );
                    let attempts = Attempts {
                        count: attempt,
                        stop,
                    };
                    return Err(failure.into_error(self.operation, inner.timeout, attempts));
                }
            }
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
    /// A success answer whose body is larger than [`MAX_BODY`].
    TooLarge { status: StatusCode },
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
            Failure::TooLarge { status } => Outcome::Answered(*status),
            Failure::Transport(error) if error.is_connect() => Outcome::NotSent,
            Failure::Transport(_) => Outcome::Interrupted,
        }
    }

    fn into_error(self, operation: &'static str, timeout: Duration, attempts: Attempts) -> Error {
        match self {
            Failure::Status { status, body, .. } => api_error(operation, status, &body, attempts),
            Failure::TooLarge { status } => Error::TooLarge {
                operation,
                status,
                limit: MAX_BODY,
                attempts,
            },
            // A connect timeout is a failed connection, not the call's timeout.
            Failure::Transport(source) if source.is_timeout() && !source.is_connect() => {
                Error::Timeout {
                    operation,
                    timeout,
                    attempts,
                    source,
                }
            }
            Failure::Transport(source) => Error::Transport {
                operation,
                attempts,
                source,
            },
        }
    }
}

/// The largest success body read (a page of 100 messages is far smaller).
pub(crate) const MAX_BODY: usize = 16 * 1024 * 1024;

/// How much of an error body is read: enough for Smooch's error JSON and a snippet of anything
/// else.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// One attempt: the full answer on success, else what went wrong.
async fn exchange(
    http: &reqwest::Client,
    request: reqwest::Request,
    operation: &'static str,
    attempts: u32,
) -> Result<Answer, Failure> {
    let mut response = http.execute(request).await.map_err(Failure::Transport)?;
    let status = response.status();
    if !status.is_success() {
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| retry::parse_retry_after(value, SystemTime::now()));
        let body = read_body(&mut response, MAX_ERROR_BODY)
            .await
            .map_err(Failure::Transport)?;
        return Err(Failure::Status {
            status,
            body: body.unwrap_or_else(|first_part| first_part),
            retry_after,
        });
    }
    if response
        .content_length()
        .is_some_and(|length| length > MAX_BODY as u64)
    {
        return Err(Failure::TooLarge { status });
    }
    match read_body(&mut response, MAX_BODY)
        .await
        .map_err(Failure::Transport)?
    {
        Ok(body) => Ok(Answer {
            operation,
            status,
            body,
            attempts,
        }),
        Err(_) => Err(Failure::TooLarge { status }),
    }
}

/// Reads the body up to `limit` bytes: `Ok` with all of it, or `Err` with the first `limit`
/// bytes when there was more (the rest is not read).
async fn read_body(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<Result<Bytes, Bytes>, reqwest::Error> {
    let mut first = match response.chunk().await? {
        Some(chunk) => chunk,
        None => return Ok(Ok(Bytes::new())),
    };
    let Some(second) = response.chunk().await? else {
        // The usual case: the whole body in one chunk, kept without copying.
        return Ok(if first.len() <= limit {
            Ok(first)
        } else {
            Err(first.split_to(limit))
        });
    };
    let mut body = BytesMut::with_capacity(first.len() + second.len());
    let mut next = Some(second);
    body.extend_from_slice(&first);
    while let Some(chunk) = next {
        if body.len() + chunk.len() > limit {
            let room = limit - body.len().min(limit);
            body.extend_from_slice(&chunk[..room]);
            return Ok(Err(body.freeze()));
        }
        body.extend_from_slice(&chunk);
        next = response.chunk().await?;
    }
    Ok(if body.len() <= limit {
        Ok(body.freeze())
    } else {
        Err(body.freeze().split_to(limit))
    })
}
