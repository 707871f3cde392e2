//! smooch-client making the same calls as `bench-reference`, through its public API:
//! `Client::builder().base_url(..).basic_auth(..).build()`, `get_messages` and `post_message`
//! with the default timeouts and retry policy, no tracing subscriber. The `MessagePost` is
//! built once and passed by reference (the API takes `&MessagePost`), as the reference builds
//! its borrowed body without allocating.
//!
//! It also makes API v2's `post_message` and `list_messages` through the same client
//! (`client.v2()`), whose bar is the v1.1 calls' cost.
//!
//! `bench-ours BASE_URL post_message|get_messages|v2_post_message|v2_list_messages N C` (see
//! the `smooch_bench` crate).

use std::sync::Arc;

use smooch_bench::{
    APP_ID, BoxError, CONVERSATION_ID, Driver, Endpoint, KEY_ID, SECRET, TEXT, USER_ID,
};
use smooch_client::models::{Cursor, MessagePost, Role};
use smooch_client::v2::models::{Content, MessagePost as V2MessagePost, Page};
use smooch_client::v2::{MessagesApi, V2};
use smooch_client::{Client, ConversationApi};

#[derive(Clone)]
struct Ours {
    client: Client,
    v2: V2,
    body: Arc<MessagePost>,
    v2_body: Arc<V2MessagePost>,
}

impl Driver for Ours {
    async fn one(&self, endpoint: Endpoint) -> Result<usize, BoxError> {
        match endpoint {
            Endpoint::GetMessages => {
                let page = self
                    .client
                    .get_messages(APP_ID, USER_ID, Cursor::Latest)
                    .await?;
                Ok(page.messages.len())
            }
            Endpoint::PostMessage => {
                let posted = self
                    .client
                    .post_message(APP_ID, USER_ID, &self.body)
                    .await?;
                Ok(posted.message.id.len())
            }
            Endpoint::V2ListMessages => {
                let page = self
                    .v2
                    .list_messages(APP_ID, CONVERSATION_ID, &Page::first())
                    .await?;
                Ok(page.messages.len())
            }
            Endpoint::V2PostMessage => {
                let posted = self
                    .v2
                    .post_message(APP_ID, CONVERSATION_ID, &self.v2_body)
                    .await?;
                Ok(posted.messages.len())
            }
        }
    }
}

fn main() {
    smooch_bench::run("ours", |base, _in_flight| {
        let client = Client::builder()
            .base_url(base)
            .basic_auth(KEY_ID, SECRET)
            .build()
            .expect("a client");
        Ours {
            v2: client.v2(),
            client,
            body: Arc::new(MessagePost::text(Role::AppMaker, TEXT)),
            v2_body: Arc::new(V2MessagePost::business(Content::text(TEXT))),
        }
    });
}
