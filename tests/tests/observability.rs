//! What the client and the webhook handler tell the world through `tracing`: spans named after
//! operations, refusals and failures, without secrets, ids or message text.
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
    // Span timings (`time.busy=4.24ms`) are the only numbers the log adds; they are not data.
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
    assert!(output.contains("status=201"), "{output}");
    assert!(
        output.contains("attempt=2"),
        "the retried 503 shows its second attempt:\n{output}"
    );
    assert!(output.contains("retrying"), "{output}");
    assert!(output.contains("webhook refused"), "{output}");
    assert!(output.contains("webhook function failed"), "{output}");
    assert!(output.contains("status=401"), "{output}");

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
