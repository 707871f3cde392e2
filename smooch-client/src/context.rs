//! [`Context`]: what one call is (its endpoint and its tracing span), built once when its
//! request is started. Every error that names the call is built here from it, and so is the one
//! event that says how the call ended.

use std::borrow::Cow;
use std::time::Duration;

use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use tokio::time::Instant;
use tracing::Level;

use crate::Error;
use crate::error::{ApiError, DecodeError};
use crate::request::{Endpoint, Spec};
use crate::response::{Answer, SmoochError};
use crate::retry::{Attempts, Outcome, Stop};

/// One call: the endpoint it is for and its span.
#[derive(Debug)]
pub(crate) struct Context {
    spec: Spec,
    span: tracing::Span,
}

/// How a call that did not fail ended: the status answered and the attempts it took.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ended {
    pub(crate) status: StatusCode,
    pub(crate) attempts: u32,
}

impl Context {
    pub(crate) fn new(spec: Spec, span: tracing::Span) -> Self {
        Context { spec, span }
    }

    /// The endpoint the call is for.
    pub(crate) fn endpoint(&self) -> &Endpoint {
        &self.spec
    }

    /// The endpoint of a raw request, which its builder may still change; `None` for a
    /// declared endpoint.
    pub(crate) fn raw_endpoint(&mut self) -> Option<&mut Endpoint> {
        match &mut self.spec {
            Spec::Raw(endpoint) => Some(endpoint),
            Spec::Declared(_) => None,
        }
    }

    /// The call's span.
    pub(crate) fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// Replaces the call's span (a raw request makes its own once it is described).
    pub(crate) fn set_span(&mut self, span: tracing::Span) {
        self.span = span;
    }

    fn operation(&self) -> Cow<'static, str> {
        self.spec.operation.clone()
    }

    fn route(&self) -> Cow<'static, str> {
        self.spec.route.clone()
    }

    /// The call is refused before anything is sent, because of `parameter`.
    pub(crate) fn invalid(&self, parameter: &'static str, reason: String) -> Error {
        Error::InvalidInput {
            operation: self.operation(),
            parameter,
            reason,
        }
    }

    /// The server answered an error status (or a redirect).
    pub(crate) fn api(
        &self,
        status: StatusCode,
        headers: HeaderMap,
        body: &[u8],
        retry_after: Option<Duration>,
        attempts: Attempts,
    ) -> Error {
        let SmoochError {
            code,
            description,
            errors,
            body,
        } = SmoochError::read(body);
        Error::Api(Box::new(ApiError {
            operation: self.operation(),
            route: self.route(),
            status,
            code,
            description,
            errors,
            body,
            headers,
            retry_after,
            attempts,
        }))
    }

    /// A success answer larger than the client reads (`limit` bytes).
    pub(crate) fn too_large(&self, status: StatusCode, limit: usize, attempts: Attempts) -> Error {
        Error::TooLarge {
            operation: self.operation(),
            route: self.route(),
            status,
            limit,
            attempts,
        }
    }

    /// No complete answer: `outcome` is how the HTTP stack's `source` was classified (once,
    /// when the attempt failed); `timeout` is the time the attempt had.
    pub(crate) fn transport(
        &self,
        outcome: Outcome,
        source: reqwest::Error,
        timeout: Duration,
        attempts: Attempts,
    ) -> Error {
        match outcome {
            Outcome::Refused => self.invalid(
                "request",
                format!("the HTTP stack refused to send it: {source}"),
            ),
            Outcome::TimedOut => Error::Timeout {
                operation: self.operation(),
                route: self.route(),
                timeout,
                attempts,
                source,
            },
            _ => Error::Transport {
                operation: self.operation(),
                route: self.route(),
                attempts,
                source,
            },
        }
    }

    /// A success answer whose body does not decode: where (`path`), the start of the body
    /// (`snippet`) and the decoder's error.
    pub(crate) fn decode(
        &self,
        answer: Answer,
        path: String,
        snippet: String,
        source: serde_json::Error,
    ) -> Error {
        Error::Decode(Box::new(DecodeError {
            operation: self.operation(),
            route: self.route(),
            attempts: Attempts::answered(answer.attempts),
            status: answer.status,
            headers: answer.headers,
            path,
            snippet,
            source,
        }))
    }

    /// The call is over: one event says how it ended (DEBUG when it succeeded, WARN or ERROR
    /// by what failed), then the span records its final status and attempts, once. The event
    /// is emitted in the span, which names the operation, method and route; it adds the
    /// status, the attempts, the time taken and, on failure, why. No ids, bodies or secrets:
    /// only numbers and fixed labels.
    ///
    /// `ended` is how a call that did not fail ended; `started` is when its first attempt
    /// started (`None` when it was refused before).
    pub(crate) fn finished<T>(
        &self,
        result: &Result<T, Error>,
        ended: Option<Ended>,
        started: Option<Instant>,
    ) {
        let (status, attempts) = match (result, ended) {
            (Err(error), _) => (error.status(), error.attempts().map_or(0, |a| a.count)),
            (Ok(_), Some(ended)) => (Some(ended.status), ended.attempts),
            (Ok(_), None) => (None, 0),
        };
        let status_code = status.map(|status| status.as_u16());
        let elapsed_ms = || {
            started.map(|started| u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX))
        };
        match result {
            Ok(_) => tracing::debug!(
                status = status_code,
                attempts,
                elapsed_ms = elapsed_ms(),
                "call finished"
            ),
            Err(error) => {
                let failure = Summary::of(error);
                macro_rules! failed {
                    ($level:expr) => {
                        tracing::event!(
                            $level,
                            status = status_code,
                            attempts,
                            elapsed_ms = elapsed_ms(),
                            error = failure.kind,
                            stop = failure.stop.map(tracing::field::debug),
                            may_have_been_delivered = error.may_have_been_delivered(),
                            retry_after_ms = failure.retry_after_ms,
                            code = failure.code,
                            parameter = failure.parameter,
                            "call failed"
                        )
                    };
                }
                if failure.level == Level::WARN {
                    failed!(Level::WARN);
                } else {
                    failed!(Level::ERROR);
                }
            }
        }
        if !self.span.is_disabled() {
            self.span.record("status", status_code);
            self.span.record("attempts", attempts);
        }
    }
}

/// What the finished-call event says of an error: fixed labels and numbers only.
struct Summary<'a> {
    level: Level,
    kind: &'static str,
    stop: Option<Stop>,
    retry_after_ms: Option<u64>,
    /// Smooch's error code (`not_found`), a fixed word of its API.
    code: Option<&'a str>,
    /// The parameter a call refused before sending was refused for.
    parameter: Option<&'a str>,
}

impl<'a> Summary<'a> {
    fn of(error: &'a Error) -> Self {
        let mut failure = Summary {
            // What the caller is expected to handle (an answer about the request) is a warning;
            // a failure of the service, the network, the credentials or the crate's reading of
            // an answer is an error.
            level: Level::ERROR,
            kind: "",
            stop: error.attempts().map(|attempts| attempts.stop),
            retry_after_ms: error
                .retry_after()
                .map(|wait| u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
            code: None,
            parameter: None,
        };
        match error {
            Error::Api(api) => {
                failure.kind = Outcome::Status(api.status, None).label();
                failure.code = api.code.as_deref();
                let credentials =
                    matches!(api.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN);
                if api.status.is_client_error() && !credentials {
                    failure.level = Level::WARN;
                }
            }
            Error::Transport { .. } => failure.kind = "transport",
            Error::Timeout { .. } => failure.kind = "timed out",
            Error::Decode(_) => failure.kind = "undecodable answer",
            Error::TooLarge { .. } => failure.kind = "answer too large",
            Error::InvalidInput { parameter, .. } => {
                failure.kind = "refused before sending";
                failure.parameter = Some(parameter);
                failure.level = Level::WARN;
            }
            Error::Config(_) => failure.kind = "configuration",
            Error::Pagination(_) => failure.kind = "pagination",
        }
        failure
    }
}
