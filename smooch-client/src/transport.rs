//! The transport: sends a finished [`Call`] attempt by attempt, as [`Retrying`] decides, and
//! reads each answer. It executes; every decision about retrying is in [`crate::retry`].
//!
//! Everything that is the same for every endpoint lives here, once; generated code only builds
//! the [`Request`] and picks [`send`], [`send_removal`] or [`send_empty`], and a raw request
//! goes through the same [`drive`].

use std::future::Future;
use std::time::{Duration, SystemTime};

use bytes::{Bytes, BytesMut};
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderValue, RETRY_AFTER,
    USER_AGENT,
};
use reqwest::multipart::Form;
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument as _;

use crate::context::{Context, Ended};
use crate::request::{Call, Host, Part, PartContent, Payload, Refused, Request};
use crate::response::{Answer, decode_json};
use crate::retry::{self, Attempts, Outcome, Retrying, Step};
use crate::{Error, Redirect, Result, USER_AGENT_VALUE};

/// Sends `request` and decodes the success body as JSON into `T`.
///
/// The request is checked and finished now; the returned future owns everything it needs, so it
/// is `'static` and `Send` whatever borrowed the arguments.
pub fn send<T: DeserializeOwned>(
    request: Request<'_>,
) -> impl Future<Output = Result<T>> + Send + use<T> {
    drive(request, |context, reply| match reply {
        Reply::Answered(answer) => decode_json(context, answer),
        // Only a removal is ever gone, and removals are sent with `send_removal` or
        // `send_empty`; a result that cannot say "gone" would get the 404 as it came.
        Reply::Gone(not_found) => Err(not_found),
    })
}

/// Sends a removal (a DELETE, or a call declared `removes`) and decodes the success body as JSON
/// into `T`; when a retry after an attempt that may have removed the thing is answered 404, the
/// thing is gone as asked: `already_gone()`, which generated code passes as
/// [`Removal::already_gone`](crate::Removal::already_gone) (so that a result type without it
/// is one error, at that type).
pub fn send_removal<T: DeserializeOwned>(
    request: Request<'_>,
    already_gone: fn() -> T,
) -> impl Future<Output = Result<T>> + Send + use<T> {
    drive(request, move |context, reply| match reply {
        Reply::Answered(answer) => decode_json(context, answer),
        Reply::Gone(_) => Ok(already_gone()),
    })
}

/// Sends `request`; any success answer (`{}`, an empty body, anything) is `Ok(())`, and so is a
/// removal found gone by its retry (`()` is a [`Removal`](crate::Removal)).
pub fn send_empty(request: Request<'_>) -> impl Future<Output = Result<()>> + Send + use<> {
    drive(request, |_, _| Ok(()))
}

/// Sends a request declared `redirect` and returns its answer's status and headers: a
/// redirect is returned, never followed.
pub fn send_redirect(
    request: Request<'_>,
) -> impl Future<Output = Result<Redirect>> + Send + use<> {
    drive(request, |_, reply| match reply {
        Reply::Answered(answer) => Ok(Redirect::new(answer.status, answer.headers)),
        Reply::Gone(not_found) => Err(not_found),
    })
}

/// What a call came to, when it did not fail.
pub(crate) enum Reply {
    /// The server answered with success.
    Answered(Answer),
    /// A removal whose earlier attempt may have removed the thing was answered 404 on a retry:
    /// the thing is gone, as asked. The 404 is kept as the error it would otherwise be.
    Gone(Error),
}

/// Every call, declared or raw: finishes `request` now, then (when polled, in the call's span)
/// runs it, reads the reply with `read`, and says how the call ended, once.
pub(crate) fn drive<T, R>(
    request: Request<'_>,
    read: R,
) -> impl Future<Output = Result<T>> + Send + use<T, R>
where
    R: FnOnce(&Context, Reply) -> Result<T> + Send,
{
    let prepared = request.finish();
    let span = match &prepared {
        Ok(call) => call.context.span(),
        Err(refused) => refused.context.span(),
    }
    .clone();
    async move {
        match prepared {
            Ok(call) => {
                let started = Instant::now();
                let (result, ended) = match call.run(started).await {
                    Ok(reply) => {
                        let ended = reply.ended();
                        (read(&call.context, reply), ended)
                    }
                    Err(error) => (Err(error), None),
                };
                call.context.finished(&result, ended, Some(started));
                result
            }
            Err(refused) => {
                let Refused { context, error } = *refused;
                let result = Err(error);
                context.finished(&result, None, None);
                result
            }
        }
    }
    .instrument(span)
}

impl Reply {
    /// The status the call ended with and the attempts it took.
    fn ended(&self) -> Option<Ended> {
        match self {
            Reply::Answered(answer) => Some(Ended {
                status: answer.status,
                attempts: answer.attempts,
            }),
            Reply::Gone(not_found) => Some(Ended {
                status: not_found.status()?,
                attempts: not_found.attempts()?.count,
            }),
        }
    }
}

/// The largest success body read (a page of 100 messages is far smaller).
pub(crate) const MAX_BODY: usize = 16 * 1024 * 1024;

/// How much of an error body is read: enough for Smooch's error JSON and a snippet of anything
/// else.
pub(crate) const MAX_ERROR_BODY: usize = 64 * 1024;

impl Call {
    /// The HTTP request for one attempt: URL, headers, credentials, body, timeout. No I/O.
    fn attempt(&self, timeout: Duration) -> Result<reqwest::Request> {
        let context = &self.context;
        let method = context.endpoint().method.clone();
        let mut request = reqwest::Request::new(method, self.url.clone());
        // Built at its final size: the headers here, and the ones reqwest and hyper add.
        let mut headers = HeaderMap::with_capacity(6);
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
        match context.endpoint().host {
            Host::Api => self.client.inner.auth.insert_into(&mut headers)?,
            // The client's API keys are for the API's host, never sent elsewhere.
            Host::OAuth => {
                if let Some(bearer) = &self.bearer {
                    headers.insert(AUTHORIZATION, (**bearer).clone());
                }
            }
        }
        *request.timeout_mut() = Some(timeout);
        match &self.body {
            Payload::Json(body) => {
                headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                *request.body_mut() = Some(body.clone().into());
            }
            Payload::Multipart(parts) => {
                *request.headers_mut() = headers;
                return self.multipart(request, parts);
            }
            // RFC 9110 §8.6: a POST or PUT without a body says so, or some proxies answer 411.
            Payload::None if context.endpoint().has_body() => {
                headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
            }
            Payload::None => {}
        }
        *request.headers_mut() = headers;
        Ok(request)
    }

    /// `request` with a `multipart/form-data` body of `parts` (boundary, lengths and escaping
    /// by reqwest; the files' bytes are shared, not copied).
    fn multipart(&self, request: reqwest::Request, parts: &[Part]) -> Result<reqwest::Request> {
        let context = &self.context;
        let mut form = Form::new();
        for part in parts {
            form = match &part.content {
                PartContent::Text(text) => form.text(part.name, text.clone()),
                PartContent::File(file) => {
                    let bytes = file.bytes().clone();
                    let length = bytes.len() as u64;
                    let body = reqwest::multipart::Part::stream_with_length(bytes, length)
                        .file_name(file.file_name().to_owned())
                        .mime_str(file.content_type())
                        .map_err(|_| {
                            let reason = format!("`{}` is not a content type", file.content_type());
                            context.invalid(part.name, reason)
                        })?;
                    form.part(part.name, body)
                }
            };
        }
        reqwest::RequestBuilder::from_parts(self.client.inner.http.clone(), request)
            .multipart(form)
            .build()
            .map_err(|e| {
                let reason = format!("the multipart body cannot be sent: {}", e.without_url());
                context.invalid("request", reason)
            })
    }

    /// Attempts the request, the first attempt at `started`, until it succeeds or [`Retrying`]
    /// says stop.
    pub(crate) async fn run(&self, started: Instant) -> Result<Reply> {
        let context = &self.context;
        let (inner, settings) = (&self.client.inner, self.client.settings());
        let endpoint = context.endpoint();
        let deadline = retry::deadline(started, settings.call_timeout);
        let budget = settings.retry.budget.map(|_| &inner.budget);
        let mut retrying = Retrying::new(
            &settings.retry,
            budget,
            endpoint.idempotent,
            endpoint.removes,
            deadline,
        );
        let mut now = started;
        loop {
            let (attempt, timeout) = retrying.start(settings.timeout, now);
            let failure = match exchange(
                &inner.http,
                self.attempt(timeout)?,
                context.endpoint().redirect,
            )
            .await
            {
                Ok((status, headers, body)) => {
                    retrying.succeeded();
                    return Ok(Reply::Answered(Answer {
                        status,
                        headers,
                        body,
                        attempts: attempt,
                    }));
                }
                Err(failure) => failure,
            };
            let outcome = failure.outcome();
            match retrying.failed(outcome, Instant::now(), retry::jitter()) {
                Step::Retry(delay) => {
                    let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                    tracing::debug!(attempt, delay_ms, outcome = outcome.label(), "retrying");
                    tokio::time::sleep(delay).await;
                    now = Instant::now();
                }
                // A removal retried after it may already have removed: gone is the goal.
                Step::Done(attempts) => {
                    return Ok(Reply::Gone(failure.into_error(context, timeout, attempts)));
                }
                Step::Stop(attempts) => {
                    return Err(failure.into_error(context, timeout, attempts));
                }
            }
        }
    }
}

/// Why one attempt failed.
enum Failure {
    /// The server answered an error status, or a redirect.
    Status {
        status: StatusCode,
        headers: HeaderMap,
        body: Bytes,
        retry_after: Option<Duration>,
    },
    /// A success answer whose body is larger than [`MAX_BODY`].
    TooLarge { status: StatusCode },
    /// No complete answer (the URL is stripped from the error: it carries ids), classified once,
    /// when it happened.
    Transport {
        outcome: Outcome,
        source: reqwest::Error,
    },
}

impl Failure {
    /// No complete answer: the HTTP stack's `error`, without its URL, and what it means.
    fn transport(error: reqwest::Error) -> Self {
        let source = error.without_url();
        Failure::Transport {
            outcome: Outcome::of_error(&source),
            source,
        }
    }

    fn outcome(&self) -> Outcome {
        match self {
            Failure::Status {
                status,
                retry_after,
                ..
            } => Outcome::Status(*status, *retry_after),
            Failure::TooLarge { status } => Outcome::Answered(*status),
            Failure::Transport { outcome, .. } => *outcome,
        }
    }

    fn into_error(self, context: &Context, timeout: Duration, attempts: Attempts) -> Error {
        match self {
            Failure::Status {
                status,
                headers,
                body,
                retry_after,
            } => context.api(status, headers, &body, retry_after, attempts),
            Failure::TooLarge { status } => context.too_large(status, MAX_BODY, attempts),
            Failure::Transport { outcome, source } => {
                context.transport(outcome, source, timeout, attempts)
            }
        }
    }
}

/// One attempt: the full answer on success, else what went wrong.
async fn exchange(
    http: &reqwest::Client,
    request: reqwest::Request,
    redirect_answers: bool,
) -> Result<(StatusCode, HeaderMap, Bytes), Failure> {
    let mut response = http.execute(request).await.map_err(Failure::transport)?;
    let status = response.status();
    let answered = status.is_success() || (redirect_answers && status.is_redirection());
    if !answered {
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| retry::parse_retry_after(value, SystemTime::now()));
        let headers = std::mem::take(response.headers_mut());
        let body = read_body(&mut response, MAX_ERROR_BODY)
            .await
            .map_err(Failure::transport)?;
        return Err(Failure::Status {
            status,
            headers,
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
    let headers = std::mem::take(response.headers_mut());
    match read_body(&mut response, MAX_BODY)
        .await
        .map_err(Failure::transport)?
    {
        Ok(body) => Ok((status, headers, body)),
        Err(_) => Err(Failure::TooLarge { status }),
    }
}

/// Reads the body up to `limit` bytes: `Ok` with all of it, or `Err` with the first `limit`
/// bytes when there was more (the rest is not read).
async fn read_body(
    response: &mut reqwest::Response,
    limit: usize,
) -> Result<Result<Bytes, Bytes>, reqwest::Error> {
    let mut body = Limited::new(limit);
    while let Some(chunk) = response.chunk().await? {
        if !body.push(chunk) {
            break;
        }
    }
    Ok(body.finish())
}

/// A body's chunks, kept up to a limit.
struct Limited {
    limit: usize,
    kept: Kept,
    over: bool,
}

enum Kept {
    /// The usual case: the whole body in one chunk, kept without copying.
    One(Bytes),
    Many(BytesMut),
}

impl Limited {
    fn new(limit: usize) -> Self {
        Limited {
            limit,
            kept: Kept::One(Bytes::new()),
            over: false,
        }
    }

    /// Keeps `chunk`, or as much of it as fits; `false` once the limit is passed (read no more).
    fn push(&mut self, chunk: Bytes) -> bool {
        let room = self.limit - self.len();
        self.over = chunk.len() > room;
        let chunk = if self.over {
            chunk.slice(..room)
        } else {
            chunk
        };
        match &mut self.kept {
            Kept::One(first) if first.is_empty() => *first = chunk,
            Kept::One(first) => {
                let mut all = BytesMut::with_capacity(first.len() + chunk.len());
                all.extend_from_slice(first);
                all.extend_from_slice(&chunk);
                self.kept = Kept::Many(all);
            }
            Kept::Many(all) => all.extend_from_slice(&chunk),
        }
        !self.over
    }

    fn len(&self) -> usize {
        match &self.kept {
            Kept::One(bytes) => bytes.len(),
            Kept::Many(bytes) => bytes.len(),
        }
    }

    /// `Ok` with the whole body, or `Err` with its first `limit` bytes.
    fn finish(self) -> Result<Bytes, Bytes> {
        let bytes = match self.kept {
            Kept::One(bytes) => bytes,
            Kept::Many(bytes) => bytes.freeze(),
        };
        if self.over { Err(bytes) } else { Ok(bytes) }
    }
}

#[cfg(test)]
mod tests;
