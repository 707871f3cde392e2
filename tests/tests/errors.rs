//! What each kind of failure looks like to the caller.

use std::time::{Duration, Instant};

use httpmock::prelude::*;
use smooch_client::fake::{FakeSmooch, Fault};
use smooch_client::models::Cursor;
use smooch_client::models::{MessagePost, Role};
use smooch_client::{Client, ConversationApi, DEFAULT_TIMEOUT, Error, RetryPolicy};
use smooch_tests::{APP, SECRET, Streamed, USER, client, client_at, closed_port_url, user_path};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

async fn answering(status: u16, content_type: &str, body: &str) -> (MockServer, Client) {
    let server = MockServer::start_async().await;
    let (content_type, body) = (content_type.to_owned(), body.to_owned());
    server
        .mock_async(|when, then| {
            when.path(user_path("/messages"));
            then.status(status)
                .header("content-type", content_type)
                .body(body);
        })
        .await;
    let client = client(&server);
    (server, client)
}

#[tokio::test]
async fn unauthorized_carries_smooch_code_and_description() {
    let body = r#"{"error":{"code":"unauthorized","description":"Authorization is required"}}"#;
    let (_server, client) = answering(401, "application/json", body).await;

    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();

    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.code.as_deref(), Some("unauthorized"));
    assert_eq!(
        api.description.as_deref(),
        Some("Authorization is required")
    );
    assert_eq!(api.body, None);
    assert_eq!(api.operation, "get_messages");
    assert_eq!(
        error.to_string(),
        "get_messages /v1.1/apps/<app_id>/appusers/<user_id>/messages?<at..>: Smooch answered HTTP 401 Unauthorized: unauthorized: Authorization is required (1 attempt; not retried: this failure is final)"
    );
    assert!(!format!("{error:?}").contains(SECRET));
}

#[tokio::test]
async fn not_found_and_rate_limited_keep_their_status() {
    for (status, code) in [(404, "not_found"), (429, "too_many_requests")] {
        let body = format!(r#"{{"error":{{"code":"{code}","description":"x"}}}}"#);
        let (_server, client) = answering(status, "application/json", &body).await;
        let error = client.delete_messages(APP, USER).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        let Error::Api(api) = error else { panic!() };
        assert_eq!(api.code.as_deref(), Some(code));
    }
}

#[tokio::test]
async fn html_error_pages_are_kept_raw_and_capped() {
    let page = format!(
        "<html><body><h1>500 Internal Server Error</h1>{}</body></html>",
        "x".repeat(5000)
    );
    let (_server, client) = answering(500, "text/html", &page).await;

    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();

    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.status.as_u16(), 500);
    assert_eq!(api.code, None);
    let body = api.body.as_deref().unwrap();
    assert!(body.starts_with("<html><body><h1>500 Internal Server Error</h1>"));
    assert_eq!(body.len(), smooch_client::ApiError::BODY_LIMIT);
    assert!(
        error
            .to_string()
            .contains("not Smooch's error JSON: <html>"),
        "{error}"
    );
}

#[tokio::test]
async fn malformed_json_is_a_decode_error_naming_the_path() {
    let body = r#"{"messages":[{"_id":"m1","role":"appUser","type":"text","authorId":"a","received":"yesterday"}]}"#;
    let (_server, client) = answering(200, "application/json", body).await;

    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();

    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path, "messages[0].received");
    assert_eq!(decode.snippet, body);
    assert_eq!(decode.status.as_u16(), 200);
    assert!(
        error.to_string().contains("at `messages[0].received`"),
        "{error}"
    );

    let (_server, client) = answering(200, "application/json", "{not json").await;
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn a_truncated_json_body_is_a_decode_error() {
    let (_server, client) = answering(201, "application/json", r#"{"message":{"_id":"5b2b"#).await;
    let message = MessagePost::text(Role::AppMaker, "hi");
    let error = client.post_message(APP, USER, &message).await.unwrap_err();
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert!(decode.source.is_eof(), "{error}");
}

#[tokio::test]
async fn an_empty_body_where_a_result_is_expected_is_a_decode_error_that_says_so() {
    let (_server, client) = answering(200, "application/json", "").await;
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert!(decode.body_is_empty());
    assert_eq!(
        error.to_string(),
        "get_messages /v1.1/apps/<app_id>/appusers/<user_id>/messages?<at..>: the HTTP 200 OK response has an empty body, where JSON was expected"
    );

    // A 201 without the created message: the message was stored, and the error says what came.
    let (_server, client) = answering(201, "application/json", " \r\n").await;
    let hello = MessagePost::text(Role::AppMaker, "hello");
    let error = client.post_message(APP, USER, &hello).await.unwrap_err();
    let text = error.to_string();
    assert!(
        text.ends_with("the HTTP 201 Created response has an empty body, where JSON was expected"),
        "{text}"
    );
    assert!(!text.contains("null") && !text.contains("column"), "{text}");
    assert!(error.may_have_been_delivered());
}

/// A server on 127.0.0.1 that answers every connection with `response`, then closes it.
async fn raw_server(response: &'static [u8], stall: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let _ = socket.write_all(response).await;
                if stall {
                    tokio::time::sleep(Duration::from_secs(30)).await;
                }
            });
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn a_connection_closed_mid_body_is_a_transport_error() {
    let base = raw_server(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"messages\":[",
        false,
    )
    .await;
    let client = client_at(base, DEFAULT_TIMEOUT);

    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();

    let Error::Transport { operation, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*operation, "get_messages");
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn a_slow_server_hits_the_timeout() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body("{}").delay(Duration::from_secs(5));
        })
        .await;
    let client = client_at(server.base_url(), Duration::from_millis(200));

    let error = client.delete_messages(APP, USER).await.unwrap_err();

    let Error::Timeout {
        timeout, operation, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(*timeout, Duration::from_millis(200));
    assert_eq!(*operation, "delete_messages");
}

#[tokio::test]
async fn a_body_that_stalls_hits_the_timeout_too() {
    let base = raw_server(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{\"messages\":[",
        true,
    )
    .await;
    let client = client_at(base, Duration::from_millis(300));

    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let base = closed_port_url();
    let client = client_at(base, DEFAULT_TIMEOUT);

    let error = client.reset_unread_count(APP, USER).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(error.status(), None);
}

#[tokio::test]
async fn a_success_body_declared_too_large_is_refused_before_it_is_read() {
    // The server declares 16 MiB + 1 and sends nothing more: waiting for the body would end in
    // the timeout, the declared length alone says it is too large.
    let base = raw_server(
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 16777217\r\n\r\n",
        true,
    )
    .await;
    let client = client_at(base, Duration::from_secs(20));
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
}

#[tokio::test]
async fn an_oversized_success_body_is_refused_without_being_kept() {
    let huge = format!(
        "{{\"messages\":[],\"pad\":\"{}\"}}",
        "x".repeat(17 * 1024 * 1024)
    );
    let (_server, client) = answering(200, "application/json", &huge).await;

    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();

    let Error::TooLarge {
        limit,
        status,
        attempts,
        ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(*limit, 16 * 1024 * 1024);
    assert_eq!(status.as_u16(), 200);
    assert_eq!(
        attempts.count, 1,
        "a success that cannot be read is not repeated"
    );
    assert!(error.may_have_been_delivered());
}

#[tokio::test]
async fn an_oversized_error_body_is_read_only_in_part() {
    let page = format!("<html>{}</html>", "x".repeat(4 * 1024 * 1024));
    let (_server, client) = answering(400, "text/html", &page).await;
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        api.body.as_ref().map(String::len),
        Some(smooch_client::ApiError::BODY_LIMIT)
    );
}

// ---------------------------------------------------------------------------------------------
// How much of a body is read and kept
// ---------------------------------------------------------------------------------------------

const MAX_BODY: usize = 16 * 1024 * 1024;
const MAX_ERROR_BODY: usize = 64 * 1024;

/// A page padded to exactly `total` bytes, chunked (no content length to go by).
async fn padded_page(status: u16, total: usize) -> String {
    smooch_tests::chunked_server(Streamed {
        status,
        prefix: br#"{"messages":[],"pad":""#.to_vec(),
        filler: b'x',
        suffix: br#""}"#.to_vec(),
        total: Some(total),
    })
    .await
}

#[tokio::test]
async fn a_success_body_of_exactly_the_limit_is_read_and_one_byte_more_is_not() {
    let client = client_at(padded_page(200, MAX_BODY).await, DEFAULT_TIMEOUT);
    let page = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert!(page.messages.is_empty());
    assert_eq!(
        page.extra["pad"].as_str().map(str::len),
        Some(MAX_BODY - 24)
    );
    // The same with its length declared up front.
    let exact = format!(r#"{{"messages":[],"pad":"{}"}}"#, "x".repeat(MAX_BODY - 24));
    assert_eq!(exact.len(), MAX_BODY);
    let (_server, client) = answering(200, "application/json", &exact).await;
    let page = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(
        page.extra["pad"].as_str().map(str::len),
        Some(MAX_BODY - 24)
    );

    let client = client_at(padded_page(200, MAX_BODY + 1).await, DEFAULT_TIMEOUT);
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::TooLarge {
                limit: MAX_BODY,
                ..
            }
        ),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_endless_success_body_stops_being_read_at_the_limit() {
    let base = smooch_tests::chunked_server(Streamed {
        status: 200,
        prefix: b"{\"messages\":[],\"pad\":\"".to_vec(),
        filler: b'x',
        suffix: Vec::new(),
        total: None,
    })
    .await;
    let client = client_at(base, Duration::from_secs(60));
    // Reading it all would never end: the call ends once the limit is reached.
    let result = tokio::time::timeout(
        Duration::from_secs(30),
        client.get_messages(APP, USER, Cursor::Latest),
    )
    .await
    .expect("the body was read past the limit");
    let error = result.unwrap_err();
    assert!(
        matches!(
            error,
            Error::TooLarge {
                limit: MAX_BODY,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.may_have_been_delivered());
}

/// Smooch's error JSON padded to exactly `total` bytes (in its description).
async fn padded_error(total: usize) -> String {
    smooch_tests::chunked_server(Streamed {
        status: 400,
        prefix: br#"{"error":{"code":"bad_request","description":""#.to_vec(),
        filler: b'y',
        suffix: br#""}}"#.to_vec(),
        total: Some(total),
    })
    .await
}

#[tokio::test]
async fn error_bodies_are_read_up_to_64_kib_and_kept_up_to_2_kib() {
    // The whole error JSON fits: Smooch's fields are read from it.
    let client = client_at(padded_error(MAX_ERROR_BODY).await, DEFAULT_TIMEOUT);
    let error = client.delete_messages(APP, USER).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.code.as_deref(), Some("bad_request"));
    let framing = r#"{"error":{"code":"bad_request","description":""}}"#.len();
    assert_eq!(
        api.description.as_ref().map(String::len),
        Some(MAX_ERROR_BODY - framing)
    );
    assert_eq!(api.body, None);
    // One byte more: only the first 64 KiB are read, which is not JSON; 2 KiB of it are kept.
    let client = client_at(padded_error(MAX_ERROR_BODY + 1).await, DEFAULT_TIMEOUT);
    let error = client.delete_messages(APP, USER).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.code, None);
    let body = api.body.as_deref().unwrap();
    assert_eq!(body.len(), smooch_client::ApiError::BODY_LIMIT);
    assert!(
        body.starts_with(r#"{"error":{"code":"bad_request""#),
        "{body}"
    );
    // Without end: the call still ends.
    let base = smooch_tests::chunked_server(Streamed {
        status: 502,
        prefix: b"<html>".to_vec(),
        filler: b'z',
        suffix: Vec::new(),
        total: None,
    })
    .await;
    let client = Client::builder()
        .basic_auth(smooch_tests::KEY_ID, SECRET)
        .base_url(base)
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = tokio::time::timeout(Duration::from_secs(30), client.delete_messages(APP, USER))
        .await
        .expect("the error body was read past its limit")
        .unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.status.as_u16(), 502);
    assert_eq!(
        api.body.as_ref().map(String::len),
        Some(smooch_client::ApiError::BODY_LIMIT)
    );
}

// ---------------------------------------------------------------------------------------------
// Rate limits: what the server asked, and that it is honoured
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_final_429_says_how_long_smooch_asked_to_wait_with_the_headers_and_request_id() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(429)
                .header("retry-after", "120")
                .header("x-request-id", "req-42")
                .header("x-ratelimit-remaining", "0")
                .body(r#"{"error":{"code":"too_many_requests","description":"slow down"}}"#);
        })
        .await;
    let client = Client::builder()
        .basic_auth(smooch_tests::KEY_ID, SECRET)
        .base_url(server.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = client
        .get_messages(APP, USER, Cursor::Latest)
        .await
        .unwrap_err();
    assert!(error.is_rate_limited());
    // The server's value, not the retry policy's 10 s cap.
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(error.request_id(), Some("req-42"));
    let headers = error.headers().expect("an answer has headers");
    assert_eq!(headers["x-ratelimit-remaining"], "0");
}

#[tokio::test]
async fn retry_after_is_waited_for_before_the_retry() {
    for (status, call) in [(429, "post_message"), (503, "get_messages")] {
        let fake = FakeSmooch::start().await.unwrap();
        let client = Client::builder()
            .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
            .base_url(fake.base_url())
            .retry(
                RetryPolicy::default()
                    .with_base_delay(Duration::from_millis(1))
                    .with_max_delay(Duration::from_secs(5)),
            )
            .build()
            .unwrap();
        let message = MessagePost::text(Role::AppMaker, "hi");
        client.post_message(APP, USER, &message).await.unwrap();
        fake.inject(
            1,
            Fault::Status {
                status,
                retry_after: Some("1".into()),
            },
        );
        let started = Instant::now();
        let result = match call {
            "post_message" => client.post_message(APP, USER, &message).await.map(drop),
            _ => client
                .get_messages(APP, USER, Cursor::Latest)
                .await
                .map(drop),
        };
        result.unwrap_or_else(|e| panic!("{call}: {e}"));
        // A lower bound only: the backoff alone (1 ms) would be far shorter.
        assert!(
            started.elapsed() >= Duration::from_millis(950),
            "{call} after {status}: retried after {:?}, before the 1 s Smooch asked for",
            started.elapsed()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// No personal data in errors
// ---------------------------------------------------------------------------------------------

/// Everything an error can print: `Display` and `Debug` of it and of every source.
fn everything_printed(error: &Error) -> String {
    let mut text = format!("{error}\n{error:?}\n");
    let mut source = std::error::Error::source(error);
    while let Some(error) = source {
        text.push_str(&format!("{error}\n{error:?}\n"));
        source = error.source();
    }
    text
}

#[tokio::test]
async fn transport_and_timeout_errors_name_the_route_not_the_filled_path() {
    let (app, user) = ("app-4af7c1", "jane.doe+vip@example.com");
    let stalled = raw_server(b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{", true).await;
    let cases = [
        (closed_port_url(), Duration::from_secs(5)),
        (stalled, Duration::from_millis(200)),
    ];
    for (base, timeout) in cases {
        let client = Client::builder()
            .basic_auth(smooch_tests::KEY_ID, SECRET)
            .base_url(&base)
            .timeout(timeout)
            .retry(RetryPolicy::disabled())
            .build()
            .unwrap();
        let error = client
            .get_messages(app, user, Cursor::Latest)
            .await
            .unwrap_err();
        let printed = everything_printed(&error);
        for private in [
            app,
            user,
            "jane",
            "%40example",
            base.as_str(),
            "/v1.1/apps/app",
        ] {
            assert!(!printed.contains(private), "{private:?} in:\n{printed}");
        }
        assert!(
            printed.contains("get_messages /v1.1/apps/<app_id>/appusers/<user_id>/messages"),
            "{printed}"
        );
    }
}

#[tokio::test]
async fn display_ends_with_the_root_cause() {
    let client = Client::builder()
        .basic_auth(smooch_tests::KEY_ID, SECRET)
        .base_url(closed_port_url())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = client.delete_messages(APP, USER).await.unwrap_err();
    let text = error.to_string();
    assert!(
        text.to_ascii_lowercase()
            .ends_with("connection refused (os error 111)"),
        "{text}"
    );
    assert!(!error.is_timeout() && !error.is_not_found() && !error.is_rate_limited());
}
