//! Decoding the answers the client reads most, against the plain-derive baseline in the same run:
//! a real-shaped page of 100 messages (59 KB, `get_messages`) and a post answer (751 B,
//! `post_message`).
//!
//! API v2's answers to the same calls (`list_messages`, `post_message`) are measured on the same
//! messages in v2's shape, nothing added (`data/v2-page.json`: the page's 100 messages, each
//! with an `author` and a typed `content` object and an RFC 3339 time;
//! `data/v2-page-type-last.json`: the same with each union's `type` written after the other
//! keys, which the union reader must hold back until the tag comes; `data/v2-post.json`).
//!
//! `cargo bench -p smooch-client --bench decode`. Instruction counts, which do not move with the
//! machine's load: `valgrind --tool=callgrind target/release/deps/decode-* --bench --exact
//! --sample-count 1 --sample-size N "decode::<name>"` at two `N`, and take the difference
//! (`--exact`: a plain filter is a pattern, and `page: smooch-client` also runs
//! `v2 page: smooch-client`).

use divan::Bencher;
use divan::black_box;
use smooch_client::__private::parse;
use smooch_client::models::{GetMessagesResponse, MessageResponse};
use smooch_client::v2::models::{MessageListResponse, MessagePostResponse};

mod baseline;

const PAGE: &[u8] = include_bytes!("data/page.json");
const POST: &[u8] = include_bytes!("data/post.json");
const V2_PAGE: &[u8] = include_bytes!("data/v2-page.json");
const V2_PAGE_TYPE_LAST: &[u8] = include_bytes!("data/v2-page-type-last.json");
const V2_POST: &[u8] = include_bytes!("data/v2-post.json");

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

#[divan::bench(name = "v2 page: smooch-client")]
fn v2_page_ours(bencher: Bencher) {
    bencher.bench(|| {
        let page: MessageListResponse = parse(black_box(V2_PAGE)).unwrap();
        page.messages.len()
    });
}

#[divan::bench(name = "v2 page, type last: smooch-client")]
fn v2_page_type_last_ours(bencher: Bencher) {
    bencher.bench(|| {
        let page: MessageListResponse = parse(black_box(V2_PAGE_TYPE_LAST)).unwrap();
        page.messages.len()
    });
}

#[divan::bench(name = "v2 post: smooch-client")]
fn v2_post_ours(bencher: Bencher) {
    bencher.bench(|| {
        let post: MessagePostResponse = parse(black_box(V2_POST)).unwrap();
        post.messages.len()
    });
}
