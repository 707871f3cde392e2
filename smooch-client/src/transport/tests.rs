use std::time::Duration;

use bytes::Bytes;
use reqwest::Method;

use std::borrow::Cow;

use super::{Failure, Limited};
use crate::Error;
use crate::context::Context;
use crate::request::{Endpoint, Spec};
use crate::retry::{Attempts, Stop};

/// Reads `chunks` as a body with a limit of `limit` bytes, as the transport does: stopping at
/// the first chunk that passes the limit.
fn read(chunks: &[&str], limit: usize) -> Result<Bytes, Bytes> {
    let mut body = Limited::new(limit);
    for chunk in chunks {
        if !body.push(Bytes::copy_from_slice(chunk.as_bytes())) {
            break;
        }
    }
    body.finish()
}

#[test]
fn a_body_of_exactly_the_limit_is_whole_in_one_chunk_or_many() {
    assert_eq!(read(&[], 4), Ok(Bytes::new()));
    assert_eq!(read(&["abcd"], 4), Ok(Bytes::from("abcd")));
    assert_eq!(read(&["ab", "cd"], 4), Ok(Bytes::from("abcd")));
    assert_eq!(read(&["a", "b", "", "cd"], 4), Ok(Bytes::from("abcd")));
}

#[test]
fn a_body_over_the_limit_keeps_exactly_the_first_limit_bytes() {
    assert_eq!(read(&["abcde"], 4), Err(Bytes::from("abcd")));
    assert_eq!(read(&["abc", "de"], 4), Err(Bytes::from("abcd")));
    assert_eq!(
        read(&["ab", "c", "def", "never read"], 4),
        Err(Bytes::from("abcd"))
    );
    let mut body = Limited::new(4);
    assert!(body.push(Bytes::from("abc")));
    assert!(!body.push(Bytes::from("de")), "the reader is told to stop");
    assert_eq!(read(&["a", "bcd", "e"], 4), Err(Bytes::from("abcd")));
}

static ENDPOINT: Endpoint = Endpoint {
    method: Method::GET,
    operation: Cow::Borrowed("get_messages"),
    route: Cow::Borrowed("/v1.1/apps/<app_id>/appusers/<user_id>/messages"),
    idempotent: true,
    removes: false,
    host: crate::Host::Api,
    redirect: false,
};

#[tokio::test]
async fn a_request_the_http_stack_refuses_is_invalid_input_not_a_network_failure() {
    // reqwest refuses a URL hyper cannot carry before anything is sent.
    let url = format!("http://127.0.0.1:1/{}", "a".repeat(70_000));
    let source = reqwest::Client::new().get(url).send().await.unwrap_err();
    let failure = Failure::transport(source);
    let context = Context::new(Spec::Declared(&ENDPOINT), tracing::Span::none());
    let error = failure.into_error(
        &context,
        Duration::from_secs(1),
        Attempts::once(Stop::NotRetryable),
    );
    match &error {
        Error::InvalidInput {
            operation,
            parameter,
            reason,
        } => {
            assert_eq!(*operation, "get_messages");
            assert_eq!(*parameter, "request");
            assert!(reason.starts_with("the HTTP stack refused"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(error.attempts(), None, "nothing was attempted");
}
