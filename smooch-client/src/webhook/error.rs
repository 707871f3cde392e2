//! [`WebhookError`]: why a webhook call was refused.

use reqwest::StatusCode;

/// Why a webhook call was refused. Its text and `Debug` never contain the secret sent, the
/// secrets expected, or any part of the body.
///
/// [`status`](Self::status) is the HTTP status to answer Smooch with; the
/// [module docs](crate::webhook#what-to-answer) explain the choices.
///
/// ```
/// use smooch_client::StatusCode;
/// use smooch_client::webhook::{Receiver, Verifier, WebhookError};
///
/// let receiver = Receiver::new(Verifier::for_app("app_1", "whsec"));
/// let body = br#"{"trigger":"message:appUser","app":{"_id":"app_1"},"messages":[]}"#;
///
/// let error = receiver.receive_key(None, body).unwrap_err();
/// assert_eq!(error, WebhookError::MissingKey);
/// assert_eq!(error.status(), StatusCode::UNAUTHORIZED);
///
/// let error = receiver.receive_key(Some(b"whsec"), b"not json").unwrap_err();
/// assert!(matches!(error, WebhookError::NotJson { .. }));
/// assert_eq!(error.status(), StatusCode::BAD_REQUEST);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The request has no `X-API-Key` header (or it is not visible ASCII).
    #[error("webhook call without an X-API-Key header")]
    MissingKey,
    /// The `X-API-Key` header is not the secret of any webhook this receiver knows.
    #[error("webhook call with an X-API-Key that is not a known webhook secret")]
    WrongKey,
    /// The secret belongs to one app, and the event says it is from another.
    #[error("webhook call whose event names another app than the secret's")]
    WrongApp,
    /// The body is larger than the receiver accepts.
    #[error("webhook body larger than {limit} bytes")]
    TooLarge {
        /// The largest body accepted, in bytes.
        limit: usize,
    },
    /// The body is not JSON (or not UTF-8).
    #[error("webhook body is not JSON (line {line}, column {column})")]
    NotJson {
        /// Where the JSON breaks (1-based; 0 when the body ended early or is empty).
        line: usize,
        /// Where on that line.
        column: usize,
    },
    /// The body is JSON but not an event: not an object, no string `trigger`, no `app._id`, or a
    /// known trigger whose payload has a value of the wrong type.
    #[error("webhook body is not a valid {trigger} event: {problem}")]
    Invalid {
        /// The event's trigger, or `<none>`.
        trigger: String,
        /// Where and what (a JSON path and the kind of value expected), without the value.
        problem: String,
    },
}

impl WebhookError {
    /// The status to answer Smooch with. Smooch never retries 400, 401, 403, 404 and 406; it
    /// retries anything else up to 5 times.
    ///
    /// | error | status | retried by Smooch |
    /// |---|---|---|
    /// | [`MissingKey`](Self::MissingKey), [`WrongKey`](Self::WrongKey) | 401 | no |
    /// | [`WrongApp`](Self::WrongApp) | 403 | no |
    /// | [`NotJson`](Self::NotJson), [`Invalid`](Self::Invalid) | 400 | no |
    /// | [`TooLarge`](Self::TooLarge) | 413 | yes, up to 5 times |
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookError::MissingKey | WebhookError::WrongKey => StatusCode::UNAUTHORIZED,
            WebhookError::WrongApp => StatusCode::FORBIDDEN,
            WebhookError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            WebhookError::NotJson { .. } | WebhookError::Invalid { .. } => StatusCode::BAD_REQUEST,
        }
    }

    /// Whether the body was refused before being read as JSON because of who sent it.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(
            self,
            WebhookError::MissingKey | WebhookError::WrongKey | WebhookError::WrongApp
        )
    }

    pub(crate) fn invalid(trigger: &str, problem: impl Into<String>) -> Self {
        WebhookError::Invalid {
            trigger: trigger.to_owned(),
            problem: problem.into(),
        }
    }
}

/// What a decoding error says, without the value that caused it or where: serde's messages
/// quote the offending value (`invalid type: string "…", expected f64`), which is payload content.
pub(crate) fn describe_error(error: &serde_json::Error) -> String {
    let message = error.to_string();
    // serde_json ends the message with the position when it has one.
    match message.rsplit_once(" at line ") {
        Some((message, _)) if error.line() > 0 => describe(message),
        _ => describe(&message),
    }
}

/// What a decoding error's message says, without the value that caused it (see
/// [`describe_error`]).
pub(crate) fn describe(message: &str) -> String {
    let kind_of = |rest: &str| -> String {
        let unexpected = rest.split([' ', ',']).next().unwrap_or("value");
        match rest.rsplit_once(", expected ") {
            Some((_, expected)) => format!("{unexpected}, expected {expected}"),
            None => unexpected.to_owned(),
        }
    };
    if message.starts_with("missing field `") {
        message.to_owned()
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        format!("invalid type: {}", kind_of(rest))
    } else if let Some(rest) = message.strip_prefix("invalid value: ") {
        format!("invalid value: {}", kind_of(rest))
    } else if message.starts_with("invalid length ") {
        "invalid length".to_owned()
    } else {
        "unexpected value".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_keep_the_kind_and_drop_the_value() {
        assert_eq!(
            describe(r#"invalid type: string "s3cret, expected", expected f64"#),
            "invalid type: string, expected f64"
        );
        assert_eq!(
            describe("invalid type: integer `7`, expected a string (Role)"),
            "invalid type: integer, expected a string (Role)"
        );
        assert_eq!(describe("missing field `_id`"), "missing field `_id`");
        assert_eq!(describe("anything else \"secret\""), "unexpected value");
        let error = serde_json::from_str::<(f64,)>(r#"["s3cret at line 9"]"#).unwrap_err();
        assert_eq!(describe_error(&error), "invalid type: string, expected f64");
    }
}
