//! smooch-client making the same calls as `bench-reference`, through its public API:
//! `Client::builder().base_url(..).basic_auth(..).build()`, `get_messages` and `post_message`
//! with the default timeouts and retry policy, no tracing subscriber. The `MessagePost` is
//! built once and passed by reference (the API takes `&MessagePost`), as the reference builds
//! its borrowed body without allocating.
//!
//! `bench-ours BASE_URL post_message|get_messages N C` (see the `smooch_bench` crate).

use std::sync::Arc;

use smooch_bench::{APP_ID, BoxError, Driver, Endpoint, KEY_ID, SECRET, TEXT, USER_ID};
use smooch_client::models::{Cursor, MessagePost, Role};
use smooch_client::{Client, ConversationApi};

#[derive(Clone)]
struct Ours {
    client: Client,
    body: Arc<MessagePost>,
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
        }
    }
}

fn main() {
    smooch_bench::run("ours", |base, _in_flight| Ours {
        client: Client::builder()
            .base_url(base)
            .basic_auth(KEY_ID, SECRET)
            .build()
            .expect("a client"),
        body: Arc::new(MessagePost::text(Role::AppMaker, TEXT)),
    });
}
