//! What a call costs beside decoding (which `decode.rs` measures):
//!
//! - **build**: each of the six ConversationApi calls builds and checks its request (path,
//!   query, JSON body, tracing span) when the method is called; the future it returns sends
//!   nothing until polled, so building is measured by dropping it unpolled;
//! - **call**: a whole call against a server on 127.0.0.1 that answers at once with a canned
//!   body (the server runs on its own thread: the time and allocations are the client's, plus
//!   the loopback round trip);
//! - **history**: walking a long history on the embedded fake, newest first, one page of 100 at
//!   a time: time per walk, and `max alloc` (the peak of memory in use during a walk), which
//!   stays flat as the history grows.
//!
//! `cargo bench -p smooch-client --features fake --bench calls`

use std::net::SocketAddr;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use divan::{Bencher, black_box};
use futures_util::TryStreamExt as _;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::{ConversationActivity, Cursor, Message, MessagePost, Role};
use smooch_client::{Client, ConversationApi};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

const APP: &str = "5963c0d619a30a2e00de36b8";
const USER: &str = "c7f6e6d6c5b4a3928170f6e5";
const PAGE: &[u8] = include_bytes!("data/page.json");
const POST: &[u8] = include_bytes!("data/post.json");

fn main() {
    divan::main();
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

fn text() -> MessagePost {
    MessagePost::text(
        Role::AppMaker,
        "Hello from the benchmark! Your order #48213 has shipped.",
    )
}

/// A client for `base`; no server is needed to build requests.
fn client(base: &str) -> Client {
    Client::builder()
        .basic_auth("app_5963c0d619a30a2e00de36b9", "s3cr3t-k3y")
        .base_url(base)
        .build()
        .expect("a client")
}

mod build {
    use super::*;

    #[divan::bench]
    fn post_message(bencher: Bencher) {
        let (client, body) = (client("http://127.0.0.1:9"), text());
        bencher.bench_local(|| drop(black_box(client.post_message(APP, USER, &body))));
    }

    #[divan::bench]
    fn get_messages(bencher: Bencher) {
        let client = client("http://127.0.0.1:9");
        bencher.bench_local(|| drop(black_box(client.get_messages(APP, USER, Cursor::Latest))));
    }

    #[divan::bench]
    fn delete_message(bencher: Bencher) {
        let client = client("http://127.0.0.1:9");
        let id = "5963c0d619a30a2e00de36b9";
        bencher.bench_local(|| drop(black_box(client.delete_message(APP, USER, id))));
    }

    #[divan::bench]
    fn delete_messages(bencher: Bencher) {
        let client = client("http://127.0.0.1:9");
        bencher.bench_local(|| drop(black_box(client.delete_messages(APP, USER))));
    }

    #[divan::bench]
    fn reset_unread_count(bencher: Bencher) {
        let client = client("http://127.0.0.1:9");
        bencher.bench_local(|| drop(black_box(client.reset_unread_count(APP, USER))));
    }

    #[divan::bench]
    fn conversation_activity(bencher: Bencher) {
        let client = client("http://127.0.0.1:9");
        let typing = ConversationActivity::typing_start();
        bencher.bench_local(|| drop(black_box(client.conversation_activity(APP, USER, &typing))));
    }
}

/// A server on its own thread answering every call at once with a canned body.
fn canned_server() -> SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("its address");
    listener.set_nonblocking(true).expect("non-blocking");
    let messages = "/v1.1/apps/{app}/appusers/{user}/messages";
    let router = Router::new()
        .route(
            messages,
            get(|| async { ([("content-type", "application/json")], PAGE) })
                .post(|| async {
                    (
                        StatusCode::CREATED,
                        [("content-type", "application/json")],
                        POST,
                    )
                })
                .delete(|| async { "{}" }),
        )
        .route(&format!("{messages}/{{id}}"), delete(|| async { "{}" }))
        .route(
            "/v1.1/apps/{app}/appusers/{user}/conversation/read",
            post(|| async { "{}" }),
        )
        .route(
            "/v1.1/apps/{app}/appusers/{user}/conversation/activity",
            post(|| async { "{}" }),
        );
    std::thread::spawn(move || {
        runtime().block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            axum::serve(listener, router)
                .await
                .expect("the server runs");
        });
    });
    address
}

mod call {
    use super::*;

    fn setup() -> (tokio::runtime::Runtime, Client) {
        let base = format!("http://{}", canned_server());
        (runtime(), client(&base))
    }

    #[divan::bench]
    fn post_message(bencher: Bencher) {
        let ((rt, client), body) = (setup(), text());
        bencher.bench_local(|| {
            let answer = rt.block_on(client.post_message(APP, USER, &body));
            answer.expect("posted").message.id.len()
        });
    }

    #[divan::bench]
    fn get_messages(bencher: Bencher) {
        let (rt, client) = setup();
        bencher.bench_local(|| {
            let page = rt.block_on(client.get_messages(APP, USER, Cursor::Latest));
            page.expect("a page").messages.len()
        });
    }

    #[divan::bench]
    fn delete_message(bencher: Bencher) {
        let (rt, client) = setup();
        bencher.bench_local(|| {
            rt.block_on(client.delete_message(APP, USER, "m1"))
                .expect("deleted")
        });
    }

    #[divan::bench]
    fn reset_unread_count(bencher: Bencher) {
        let (rt, client) = setup();
        bencher.bench_local(|| {
            rt.block_on(client.reset_unread_count(APP, USER))
                .expect("reset")
        });
    }
}

/// `count` messages, one second apart, oldest first.
fn history_of(count: usize) -> Vec<Message> {
    (0..count)
        .map(|i| {
            let message = serde_json::json!({
                "_id": format!("{i:024x}"),
                "type": "text",
                "role": if i % 2 == 0 { "appUser" } else { "appMaker" },
                "authorId": USER,
                "received": 1_700_000_000.0 + i as f64,
                "text": format!("message number {i} of the history"),
            });
            serde_json::from_value(message).expect("a message")
        })
        .collect()
}

/// Walks the whole history of `count` messages: one call per page of 100.
#[divan::bench(args = [1_000, 10_000])]
fn history(bencher: Bencher, count: usize) {
    let rt = runtime();
    let fake = rt.block_on(FakeSmooch::start()).expect("the fake starts");
    fake.seed_messages(APP, USER, history_of(count));
    let client = fake.client().expect("a client");
    bencher.bench_local(|| {
        let walked = rt.block_on(async {
            let mut history = std::pin::pin!(client.history(APP, USER));
            let mut walked = 0usize;
            while let Some(message) = history.try_next().await.expect("a message") {
                walked += black_box(&message).text.as_deref().map_or(0, |_| 1);
            }
            walked
        });
        assert_eq!(walked, count);
    });
}
