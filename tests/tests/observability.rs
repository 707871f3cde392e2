//! What the client and the webhook handler tell the world through `tracing`: spans named after
//! operations, one event per finished call (DEBUG when it succeeded, WARN or ERROR by what
//! failed), refusals and failures, without secrets, ids or message text.
//!
//! This binary holds a single test on purpose: `tracing` caches per-callsite interest globally,
//! so a thread-local subscriber in parallel tests can miss events.

use std::io::Write;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::TryStreamExt;
use smooch_client::fake::{DeliveryPolicy, FakeSmooch, Fault};
use smooch_client::models::Cursor;
use smooch_client::models::{
    ConversationActivity, MessagePost, Role, WebhookCreate, WebhookTrigger,
};
use smooch_client::webhook::axum::handler;
use smooch_client::webhook::{Receiver, Verifier};
use smooch_client::{Client, ConversationApi, JwtScope, RetryPolicy, WebhookApi};
use tracing_subscriber::fmt::format::FmtSpan;

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const USER_ID: &str = "private-user-4711@example.com";
const TEXT: &str = "my card number is 4242";
const KEY_ID: &str = "app_tracingkey";
const SECRET: &str = "tracing-secret-do-not-log";

#[tokio::test]
async fn a_full_run_logs_operations_but_no_secrets_ids_or_text() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        // Timestamps and span timings are numbers that could look like data: left out.
        .without_time()
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let fake = FakeSmooch::with_credentials(KEY_ID, SECRET).await.unwrap();
    let basic = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url(fake.base_url())
        .retry(RetryPolicy::default().with_base_delay(std::time::Duration::from_millis(1)))
        .build()
        .unwrap();
    let signed = Client::builder()
        .sign_jwt(
            KEY_ID,
            SECRET,
            JwtScope::AppUser {
                user_id: USER_ID.into(),
            },
        )
        .base_url(fake.base_url())
        .build()
        .unwrap();
    let app = "app-xyz";

    basic
        .conversation_activity(app, USER_ID, &ConversationActivity::typing_start())
        .await
        .unwrap();
    let sent = basic
        .post_message(app, USER_ID, &MessagePost::text(Role::AppMaker, TEXT))
        .await
        .unwrap();
    fake.inject(1, Fault::status(503));
    signed
        .get_messages(app, USER_ID, Cursor::Latest)
        .await
        .unwrap();
    let _: Vec<_> = basic.history(app, USER_ID).try_collect().await.unwrap();
    basic.reset_unread_count(app, USER_ID).await.unwrap();
    basic
        .delete_message(app, USER_ID, &sent.message.id)
        .await
        .unwrap();
    basic.delete_messages(app, USER_ID).await.unwrap();
    let refused = basic
        .delete_message(app, USER_ID, "no-such-message")
        .await
        .unwrap_err();
    // A server error on a POST (an ERROR: it may have been delivered), a call refused before
    // sending (a WARN naming the parameter), a raw request.
    fake.inject(1, Fault::status(500));
    basic
        .post_message(app, USER_ID, &MessagePost::text(Role::AppMaker, TEXT))
        .await
        .unwrap_err();
    basic.delete_messages(app, "").await.unwrap_err();
    let user: serde_json::Value = basic
        .request(
            smooch_client::Method::GET,
            "/v1.1/apps/<app_id>/appusers/<user_id>",
        )
        .operation("raw_user")
        .param("app_id", app)
        .param("user_id", USER_ID)
        .send()
        .await
        .unwrap();
    assert!(user["appUser"].is_object(), "{user}");

    // Webhooks: a bot whose function fails once, then a call with a wrong key.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let hook = WebhookCreate::new(&url).with_triggers([WebhookTrigger::MessageAppUser]);
    let webhook = basic.create_webhook(app, &hook).await.unwrap().webhook;
    let failures = Arc::new(AtomicUsize::new(0));
    let receiver = Receiver::new(Verifier::for_app(app, webhook.secret.clone()));
    let bot = axum::Router::new().route(
        "/hook",
        handler(receiver, move |_event| {
            let failures = failures.clone();
            async move {
                match failures.fetch_add(1, Ordering::SeqCst) {
                    0 => Err("the first try fails"),
                    _ => Ok(()),
                }
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, bot).await });
    fake.set_delivery_policy(DeliveryPolicy::default().with_backoff(Duration::from_millis(1)));
    fake.user_says(app, USER_ID, TEXT).unwrap();
    fake.deliveries_settled().await;
    assert_eq!(fake.deliveries().len(), 2);
    let wrong_key = format!("{}-almost", webhook.secret.expose());
    let status = reqwest::Client::new()
        .post(&url)
        .header("x-api-key", &wrong_key)
        .body(format!(
            r#"{{"trigger": "message:appUser", "text": "{TEXT}"}}"#
        ))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status.as_u16(), 401);
    drop(fake);

    let output = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // Span timings (`time.busy=4.24ms`) and the calls' `elapsed_ms` are the only numbers the log
    // adds; they are not data, but could look like it: left out of the search for data below.
    let output: String = output
        .lines()
        .map(|line| {
            let kept: Vec<&str> = line
                .split(' ')
                .filter(|token| !token.starts_with("time."))
                .collect();
            kept.join(" ") + "\n"
        })
        .collect();
    for operation in [
        "conversation_activity",
        "post_message",
        "get_messages",
        "reset_unread_count",
        "delete_message",
        "delete_messages",
    ] {
        assert!(
            output.contains(&format!("{operation}:")) || output.contains(&format!("{operation}{{")),
            "no span for {operation}:\n{output}"
        );
    }
    assert!(
        output.contains("route=\"/v1.1/apps/<app_id>/appusers/<user_id>/messages\""),
        "{output}"
    );
    assert!(output.contains("method=\"POST\""), "{output}");

    // One event per finished call, in the call's span: its status, attempts and time taken.
    let events = |operation: &str, what: &str| {
        output
            .lines()
            .filter(|line| line.contains(&format!(" {operation}{{")) && line.contains(what))
            .collect::<Vec<_>>()
    };
    let finished = |operation: &str| events(operation, ": call finished ");
    let failed = |operation: &str| events(operation, ": call failed ");
    for (operation, ok, failures) in [
        ("conversation_activity", 1, 0),
        ("post_message", 1, 1),
        // One call, then the history's one page.
        ("get_messages", 2, 0),
        ("reset_unread_count", 1, 0),
        ("delete_message", 1, 1),
        ("delete_messages", 1, 1),
        ("create_webhook", 1, 0),
    ] {
        assert_eq!(
            (finished(operation).len(), failed(operation).len()),
            (ok, failures),
            "{operation}:\n{output}"
        );
    }
    for line in finished("post_message") {
        assert!(line.trim_start().starts_with("DEBUG "), "{line}");
        assert!(line.contains("status=201 attempts=1 elapsed_ms="), "{line}");
    }
    // The retried 503: two attempts, the retry a debug event of its own.
    assert!(
        finished("get_messages")
            .iter()
            .any(|line| line.contains("status=200 attempts=2 elapsed_ms=")),
        "{output}"
    );
    assert!(output.contains("retrying attempt=1"), "{output}");
    // The one failed call of `operation` was logged at `level`, saying each of `parts`.
    let says = |operation: &str, level: &str, parts: &[&str]| {
        let lines = failed(operation);
        assert_eq!(lines.len(), 1, "{operation}: {lines:?}");
        let line = lines[0].trim_start();
        assert!(line.starts_with(level), "{operation}: {line}");
        for part in parts {
            assert!(line.contains(part), "{operation}: no `{part}` in {line}");
        }
    };
    // A 404 is an answer the caller handles: a warning.
    says(
        "delete_message",
        "WARN ",
        &[
            "status=404 attempts=1 elapsed_ms=",
            "stop=NotRetryable may_have_been_delivered=false",
        ],
    );
    // A 500 after a POST is an error, and says it may have been delivered.
    says(
        "post_message",
        "ERROR ",
        &[
            "status=500 attempts=1",
            "stop=MayHaveBeenDelivered may_have_been_delivered=true",
        ],
    );
    // Refused before sending: nothing was attempted, the parameter is named.
    says(
        "delete_messages",
        "WARN ",
        &[
            "attempts=0",
            "error=\"refused before sending\"",
            "parameter=\"user_id\"",
        ],
    );
    // A raw request: its span names it by its operation, method and route.
    assert!(
        output.lines().any(|line| line.contains(
            "request{operation=\"raw_user\" method=\"GET\" route=\"/v1.1/apps/<app_id>/appusers/<user_id>\"}: "
        ) && line.contains("call finished status=200 attempts=1")),
        "{output}"
    );
    // Span fields are recorded once, with their final values: no line repeats one.
    for line in output.lines() {
        for field in ["status=", "attempts=", "attempt=", "route="] {
            assert!(
                line.matches(&format!(" {field}")).count()
                    + line.matches(&format!("{{{field}")).count()
                    <= 1,
                "`{field}` repeats: {line}"
            );
        }
    }
    assert!(
        output.contains("status=201 attempts=1}: ") && output.contains("close"),
        "the span closes with its final values:\n{output}"
    );
    assert!(output.contains("webhook refused"), "{output}");
    assert!(output.contains("webhook function failed"), "{output}");
    assert!(output.contains("status=401"), "{output}");
    let output: String = output
        .split(' ')
        .filter(|token| !token.starts_with("elapsed_ms="))
        .collect::<Vec<_>>()
        .join(" ");

    for forbidden in [
        SECRET,
        USER_ID,
        "private-user",
        TEXT,
        "4242",
        app,
        &sent.message.id,
        "Basic ",
        "Bearer ",
        webhook.secret.expose(),
        &wrong_key,
    ] {
        assert!(
            !output.contains(forbidden),
            "`{forbidden}` was logged:\n{output}"
        );
    }
    // The error text itself may name what failed, but not the credentials.
    assert!(!refused.to_string().contains(SECRET));
}
