//! Decoding the answers the client reads most, against the plain-derive baseline in the same run:
//! a real-shaped page of 100 messages (59 KB, `get_messages`) and a post answer (751 B,
//! `post_message`).
//!
//! `cargo bench -p smooch-client --bench decode`. Instruction counts, which do not move with the
//! machine's load: `valgrind --tool=callgrind target/release/deps/decode-* --bench
//! --sample-count 1 --sample-size N <name>` at two `N`, and take the difference.

use divan::Bencher;
use divan::black_box;
use smooch_client::__private::parse;
use smooch_client::models::{GetMessagesResponse, MessageResponse};

mod baseline;

const PAGE: &[u8] = include_bytes!("data/page.json");
const POST: &[u8] = include_bytes!("data/post.json");

fn main() {
    divan::main();
}

#[divan::bench(name = "page: smooch-client")]
fn page_ours(bencher: Bencher) {
    bencher.bench(|| {
        let page: GetMessagesResponse = parse(black_box(PAGE)).unwrap();
        page.messages.len()
    });
}

#[divan::bench(name = "page: plain derive")]
fn page_baseline(bencher: Bencher) {
    bencher.bench(|| {
        let page: baseline::GetMessagesResponse = serde_json::from_slice(black_box(PAGE)).unwrap();
        page.messages.len()
    });
}

#[divan::bench(name = "post: smooch-client")]
fn post_ours(bencher: Bencher) {
    bencher.bench(|| {
        let post: MessageResponse = parse(black_box(POST)).unwrap();
        post.message.id.len()
    });
}

#[divan::bench(name = "post: plain derive")]
fn post_baseline(bencher: Bencher) {
    bencher.bench(|| {
        let post: baseline::MessageResponse = serde_json::from_slice(black_box(POST)).unwrap();
        post.message.id.len()
    });
}
