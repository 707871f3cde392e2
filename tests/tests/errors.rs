//! What each kind of failure looks like to the caller.

use std::time::Duration;

use httpmock::prelude::*;
use smooch_client::models::{MessagePost, Role};
use smooch_client::{Client, ConversationApi, DEFAULT_TIMEOUT, Error};
use smooch_tests::{APP, SECRET, USER, client, client_at, closed_port_url, user_path};
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
        .get_messages(APP, USER, None, None)
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
        "get_messages /v1.1/apps/<app_id>/appusers/<user_id>/messages?<before>&<after>: Smooch answered HTTP 401 Unauthorized: unauthorized: Authorization is required (1 attempt; not retried: this failure is final)"
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
        .get_messages(APP, USER, None, None)
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
        .get_messages(APP, USER, None, None)
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
        .get_messages(APP, USER, None, None)
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
async fn an_empty_body_where_a_result_is_expected_is_a_decode_error() {
    let (_server, client) = answering(200, "application/json", "").await;
    let error = client
        .get_messages(APP, USER, None, None)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
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
        .get_messages(APP, USER, None, None)
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
        .get_messages(APP, USER, None, None)
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
async fn an_oversized_success_body_is_refused_without_being_kept() {
    let huge = format!(
        "{{\"messages\":[],\"pad\":\"{}\"}}",
        "x".repeat(17 * 1024 * 1024)
    );
    let (_server, client) = answering(200, "application/json", &huge).await;

    let error = client
        .get_messages(APP, USER, None, None)
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
        .get_messages(APP, USER, None, None)
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
