//! Verification and serving: the framework-agnostic `Receiver`, and the axum handler through
//! real HTTP requests.

use std::sync::{Arc, Mutex};

use serde_json::json;
use smooch_client::HeaderMap;
use smooch_client::webhook::axum::handler;
use smooch_client::webhook::{DEFAULT_BODY_LIMIT, Event, Receiver, Verifier, WebhookError};
use smooch_tests::events::{self as payloads, APP_ID};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const SECRET: &str = "7d1f0c9e2b4a46d8a3e5f7091b2c3d4e";

fn headers(key: Option<&str>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Some(key) = key {
        headers.insert("X-API-Key", key.parse().unwrap());
    }
    headers
}

fn body() -> Vec<u8> {
    serde_json::to_vec(&payloads::message_app_user()).unwrap()
}

#[test]
fn the_secret_is_checked_before_the_body_is_read() {
    let receiver = Receiver::new(Verifier::new(SECRET));
    let event = receiver.receive(&headers(Some(SECRET)), &body()).unwrap();
    assert_eq!(event.trigger(), "message:appUser");

    assert_eq!(
        receiver.receive(&headers(None), &body()),
        Err(WebhookError::MissingKey)
    );
    assert_eq!(
        receiver.receive(&headers(Some("7d1f0c9e2b4a46d8a3e5f7091b2c3d4f")), &body()),
        Err(WebhookError::WrongKey)
    );
    assert_eq!(
        receiver.receive(&headers(Some(&SECRET[..31])), &body()),
        Err(WebhookError::WrongKey)
    );
    // The key is checked first: a wrong key with a body that is not JSON is still a wrong key.
    assert_eq!(
        receiver.receive(&headers(Some("nope")), b"not json"),
        Err(WebhookError::WrongKey)
    );
    assert_eq!(
        receiver.receive_key(None, b"not json"),
        Err(WebhookError::MissingKey)
    );
    // Two keys are one too many.
    let mut twice = headers(Some(SECRET));
    twice.append("x-api-key", SECRET.parse().unwrap());
    assert_eq!(
        receiver.receive(&twice, &body()),
        Err(WebhookError::WrongKey)
    );
    // Header names are case-insensitive.
    assert!(
        receiver
            .receive_key(Some(SECRET.as_bytes()), &body())
            .is_ok()
    );
}

#[test]
fn oversized_and_non_json_bodies_are_refused_with_their_own_errors() {
    let receiver = Receiver::new(Verifier::new(SECRET)).with_body_limit(64);
    let key = headers(Some(SECRET));
    let error = receiver.receive(&key, &body()).unwrap_err();
    assert_eq!(error, WebhookError::TooLarge { limit: 64 });
    assert_eq!(error.status().as_u16(), 413);
    assert_eq!(error.to_string(), "webhook body larger than 64 bytes");

    let error = receiver.receive(&key, b"<xml/>").unwrap_err();
    assert!(matches!(error, WebhookError::NotJson { .. }), "{error:?}");
    let error = receiver.receive(&key, br#"{"trigger": true}"#).unwrap_err();
    assert!(matches!(error, WebhookError::Invalid { .. }), "{error:?}");
    assert!(
        receiver
            .receive(&key, br#"{"trigger":"x","app":{"_id":"a"}}"#)
            .unwrap()
            .is_unknown()
    );
}

/// A message event padded with whitespace (still one JSON document) to exactly `len` bytes.
fn body_of_length(len: usize) -> Vec<u8> {
    let mut body = body();
    assert!(body.len() <= len);
    body.resize(len, b' ');
    body
}

/// Smooch's payloads with a full app user run to several KiB: the default limit is 1 MiB, a
/// body of exactly the limit is accepted, and one byte more is refused.
#[test]
fn the_default_limit_is_one_mebibyte_and_includes_a_body_of_exactly_that() {
    assert_eq!(DEFAULT_BODY_LIMIT, 1024 * 1024);
    let receiver = Receiver::new(Verifier::new(SECRET));
    assert_eq!(receiver.body_limit(), DEFAULT_BODY_LIMIT);
    let key = headers(Some(SECRET));
    let exact = body_of_length(DEFAULT_BODY_LIMIT);
    assert_eq!(
        receiver
            .receive(&key, &exact)
            .map(|e| e.trigger().to_owned()),
        Ok("message:appUser".to_owned())
    );
    assert_eq!(
        receiver.receive(&key, &body_of_length(DEFAULT_BODY_LIMIT + 1)),
        Err(WebhookError::TooLarge {
            limit: DEFAULT_BODY_LIMIT
        })
    );
    // The same boundary for a limit of one's own.
    let small = Receiver::new(Verifier::new(SECRET)).with_body_limit(4096);
    assert!(small.receive(&key, &body_of_length(4096)).is_ok());
    assert_eq!(
        small.receive(&key, &body_of_length(4097)),
        Err(WebhookError::TooLarge { limit: 4096 })
    );
}

#[test]
fn a_receiver_shared_by_apps_authenticates_the_app_too() {
    let verifier: Verifier = [(APP_ID, SECRET), ("other_app", "second-webhook-secret")]
        .into_iter()
        .collect();
    let receiver = Receiver::new(verifier);
    assert_eq!(
        receiver
            .receive(&headers(Some(SECRET)), &body())
            .unwrap()
            .app_id(),
        Some(APP_ID)
    );
    // The other app's secret cannot vouch for an event of this app.
    let error = receiver
        .receive(&headers(Some("second-webhook-secret")), &body())
        .unwrap_err();
    assert_eq!(error, WebhookError::WrongApp);
    assert_eq!(error.status().as_u16(), 403);
    // Nor for an unknown event that names this app.
    let unknown = json!({"trigger": "brand:new", "app": {"_id": APP_ID}});
    let unknown = serde_json::to_vec(&unknown).unwrap();
    assert_eq!(
        receiver.receive(&headers(Some("second-webhook-secret")), &unknown),
        Err(WebhookError::WrongApp)
    );
    // A secret tied to no app accepts any app (a rotation in progress, say).
    let rotating = Receiver::new(Verifier::for_app("other_app", "old").with_secret(SECRET));
    assert!(rotating.receive(&headers(Some(SECRET)), &body()).is_ok());
}

#[test]
fn errors_and_debug_output_carry_no_secret_and_no_payload() {
    let receiver = Receiver::new(Verifier::new(SECRET)).with_body_limit(10_000);
    let debug = format!("{receiver:?}");
    assert!(!debug.contains(SECRET), "{debug}");
    let mut wrong_type = payloads::message_app_user();
    wrong_type["messages"][0]["text"] = json!(["Do you deliver to Porto?"]);
    let cases = [
        (headers(Some("guess-3f9a")), body()),
        (headers(None), body()),
        (
            headers(Some(SECRET)),
            b"{\"trigger\": \"message:appUser\", Porto".to_vec(),
        ),
        (
            headers(Some(SECRET)),
            serde_json::to_vec(&wrong_type).unwrap(),
        ),
        (headers(Some(SECRET)), vec![b' '; 20_000]),
    ];
    for (headers, body) in cases {
        let error = receiver.receive(&headers, &body).unwrap_err();
        for text in [error.to_string(), format!("{error:?}")] {
            for leak in [SECRET, "guess", "Porto", "Marta"] {
                assert!(!text.contains(leak), "{leak} in {text}");
            }
        }
    }
}

/// What the handler's function saw, and what it should answer.
#[derive(Clone, Default)]
struct Recorder {
    events: Arc<Mutex<Vec<Event>>>,
    fail: Arc<Mutex<bool>>,
}

/// Serves `handler` on 127.0.0.1 at `/hook`; returns its URL.
async fn serve(receiver: Receiver, recorder: Recorder) -> String {
    let app = axum::Router::new().route(
        "/hook",
        handler(receiver, move |event: Event| {
            let recorder = recorder.clone();
            async move {
                recorder.events.lock().unwrap().push(event);
                if *recorder.fail.lock().unwrap() {
                    Err("the database is down")
                } else {
                    Ok(())
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

async fn post(url: &str, key: Option<&str>, body: Vec<u8>) -> (u16, String) {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body);
    if let Some(key) = key {
        request = request.header("X-API-Key", key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn the_axum_handler_answers_each_outcome_as_documented() {
    let recorder = Recorder::default();
    let receiver = Receiver::new(Verifier::for_app(APP_ID, SECRET)).with_body_limit(4096);
    let url = serve(receiver, recorder.clone()).await;

    let (status, _) = post(&url, Some(SECRET), body()).await;
    assert_eq!(status, 200);
    {
        let events = recorder.events.lock().unwrap();
        let [Event::MessageAppUser(event)] = &events[..] else {
            panic!("one message event, got {events:?}");
        };
        assert_eq!(
            event.messages[0].text.as_deref(),
            Some("Do you deliver to Porto on Saturdays?")
        );
    }

    let cases: [(Option<&str>, Vec<u8>, u16); 5] = [
        (None, body(), 401),
        (Some("wrong"), body(), 401),
        (Some(SECRET), b"{oops".to_vec(), 400),
        (Some(SECRET), br#"{"trigger": ["x"]}"#.to_vec(), 400),
        (Some(SECRET), vec![b' '; 5000], 413),
    ];
    for (key, body, expected) in cases {
        let (status, text) = post(&url, key, body).await;
        assert_eq!(status, expected, "{text}");
        assert!(!text.contains(SECRET));
    }
    let other_app = payloads::conversation_read();
    let mut other_app = other_app;
    other_app["app"]["_id"] = json!("somebody_else");
    let (status, _) = post(&url, Some(SECRET), serde_json::to_vec(&other_app).unwrap()).await;
    assert_eq!(status, 403);
    assert_eq!(
        recorder.events.lock().unwrap().len(),
        1,
        "no refused call reached the function"
    );

    *recorder.fail.lock().unwrap() = true;
    let (status, text) = post(&url, Some(SECRET), body()).await;
    assert_eq!(status, 500, "so that Smooch retries");
    assert!(
        !text.contains("database"),
        "the function's error stays in the logs"
    );
    assert_eq!(recorder.events.lock().unwrap().len(), 2);
}

#[tokio::test]
async fn the_axum_handler_stops_reading_a_body_over_the_limit() {
    let recorder = Recorder::default();
    let receiver = Receiver::new(Verifier::new(SECRET)).with_body_limit(1024);
    let url = serve(receiver, recorder.clone()).await;

    // No Content-Length: a chunked body that does not end is cut off at the limit.
    let address = url.trim_start_matches("http://").trim_end_matches("/hook");
    let head = format!(
        "POST /hook HTTP/1.1\r\nhost: {address}\r\nx-api-key: {SECRET}\r\ntransfer-encoding: chunked\r\n\r\n"
    );
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    socket.write_all(head.as_bytes()).await.unwrap();
    let chunk = format!("200\r\n{}\r\n", " ".repeat(512));
    for _ in 0..4 {
        socket.write_all(chunk.as_bytes()).await.unwrap();
    }
    let mut answer = [0u8; 64];
    let read = socket.read(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");

    // A declared length over the limit is refused before the body is read.
    let (status, _) = post(&url, Some(SECRET), vec![b' '; 2048]).await;
    assert_eq!(status, 413);
    // Without the key, not even the length counts.
    let (status, _) = post(&url, Some("x"), vec![b' '; 2048]).await;
    assert_eq!(status, 401);
    assert!(recorder.events.lock().unwrap().is_empty());
}

/// Posts `body` chunked (no `Content-Length`, so the handler counts what it reads), in chunks
/// of 64 KiB; returns the answer's status line.
async fn post_chunked(url: &str, body: &[u8]) -> String {
    let address = url.trim_start_matches("http://").trim_end_matches("/hook");
    let head = format!(
        "POST /hook HTTP/1.1\r\nhost: {address}\r\nx-api-key: {SECRET}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
    );
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    socket.write_all(head.as_bytes()).await.unwrap();
    for chunk in body.chunks(64 * 1024) {
        let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), chunk, b"\r\n"].concat();
        // The handler may answer 413 and close before the whole body is written.
        if socket.write_all(&framed).await.is_err() {
            break;
        }
    }
    let _ = socket.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = socket.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    answer.lines().next().unwrap_or("").to_owned()
}

/// The handler with the default receiver: a body of exactly 1 MiB is handled, one byte more is
/// refused with 413 whether its length is declared or counted while reading.
#[tokio::test]
async fn the_axum_handler_takes_a_body_of_exactly_the_default_limit() {
    let recorder = Recorder::default();
    let url = serve(Receiver::new(Verifier::new(SECRET)), recorder.clone()).await;
    // The default, written out: a smaller one would refuse real payloads.
    let exact = body_of_length(1024 * 1024);
    let over = body_of_length(1024 * 1024 + 1);

    let (status, text) = post(&url, Some(SECRET), exact.clone()).await;
    assert_eq!(status, 200, "{text}");
    let (status, _) = post(&url, Some(SECRET), over.clone()).await;
    assert_eq!(status, 413);
    assert_eq!(recorder.events.lock().unwrap().len(), 1);

    let status = post_chunked(&url, &exact).await;
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let status = post_chunked(&url, &over).await;
    assert!(status.starts_with("HTTP/1.1 413"), "{status}");
    assert_eq!(
        recorder.events.lock().unwrap().len(),
        2,
        "the bodies at the limit"
    );
}
