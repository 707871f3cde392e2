//! An in-process fake of the Smooch ConversationApi (cargo feature `fake`), for trying the
//! client without an account and for testing your bot without the network.
//!
//! [`FakeSmooch::start`] serves the six ConversationApi endpoints on `127.0.0.1` (a free port)
//! with the real API's semantics, and stops when dropped:
//!
//! - `POST .../messages` validates the message like the real API (400 `bad_request` with a
//!   description of what is wrong), stores it with a generated `_id`, an `authorId`, a `received`
//!   time (Unix seconds with a millisecond fraction, strictly increasing per conversation) and
//!   `source.type = "api"`, adds what the real server adds per type (media type, text fallbacks
//!   for carousels, lists and locations, `_id`s on actions, items, fields and options, ...), and
//!   answers 201. The first message creates the conversation. App maker messages raise
//!   `unreadCount`.
//! - `GET .../messages` answers 404 before the conversation exists; otherwise the latest 100
//!   messages oldest first, or the 100 strictly before or after `before`/`after` (both: 400), with
//!   `next` (`?after=`) when newer messages remain outside the page and `previous`
//!   (`?before=`) when older ones do.
//! - `DELETE .../messages/<id>` answers `{}` or 404; `DELETE .../messages` clears the messages
//!   and keeps the conversation; `POST .../conversation/read` sets `unreadCount` to 0;
//!   `POST .../conversation/activity` needs `role: appMaker` and a known type, creates the
//!   conversation if needed, and a `conversation:read` activity updates `appMakerLastRead`.
//! - Credentials: basic auth with the key id and secret, or an HS256 JWT with the key id as `kid`
//!   signed with the secret (scope `app` or `account`, or `appUser` with the path's `userId`).
//!   Anything else is 401 with Smooch's error body.
//!
//! Media is not downloaded: `mediaSize` is always 0.
//!
//! ```
//! use smooch_client::ConversationApi;
//! use smooch_client::fake::FakeSmooch;
//! use smooch_client::models::{MessagePost, Role};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeSmooch::start().await?;
//! let client = fake.client()?;
//! client.post_message("app", "user", &MessagePost::text(Role::AppUser, "Hi!")).await?;
//!
//! let stored = fake.conversation("app", "user").expect("created by the first message");
//! assert_eq!(stored.messages[0].text.as_deref(), Some("Hi!"));
//! # Ok(()) }
//! ```

mod auth;
mod enrich;
mod faults;
mod reply;
mod routes;
mod server;
mod state;
mod store;
mod validate;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::oneshot;

pub use faults::Fault;

use crate::models::{Conversation, Message};
use crate::{Client, Secret};
use auth::Key;
use state::Shared;

/// A running fake Smooch server; it stops when dropped.
pub struct FakeSmooch {
    shared: Arc<Shared>,
    base_url: String,
    stop: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

/// A conversation as the fake stores it: the counters and every message, oldest first.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StoredConversation {
    /// `_id`, `unreadCount`, `appMakerLastRead`, `appUserLastRead`.
    pub conversation: Conversation,
    /// Every message, oldest first.
    pub messages: Vec<Message>,
}

impl FakeSmooch {
    /// The API key id the fake accepts by default.
    pub const KEY_ID: &'static str = "app_fake0000000000000000000";
    /// The API key secret the fake accepts by default.
    pub const SECRET: &'static str = "fake-secret";

    /// Starts a fake that accepts [`Self::KEY_ID`] and [`Self::SECRET`].
    pub async fn start() -> std::io::Result<Self> {
        Self::with_credentials(Self::KEY_ID, Self::SECRET).await
    }

    /// Starts a fake that accepts this key id and secret (basic auth, or a JWT they sign).
    pub async fn with_credentials(
        key_id: impl Into<String>,
        secret: impl Into<Secret>,
    ) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let key = Key {
            id: key_id.into(),
            secret: secret.into().expose().to_owned(),
        };
        let shared = Arc::new(Shared {
            key,
            base_url: base_url.clone(),
            store: Default::default(),
            faults: Default::default(),
            requests: AtomicUsize::new(0),
        });
        let (stop, stopped) = oneshot::channel::<()>();
        let app = server::router(shared.clone());
        let server = tokio::spawn(async move {
            let serve = axum::serve(listener, app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            // The server only ends on shutdown or a listener failure; neither has anyone to tell.
            let _ = serve.await;
        });
        Ok(FakeSmooch {
            shared,
            base_url,
            stop: Some(stop),
            server: Some(server),
        })
    }

    /// The base URL to give [`ClientBuilder::base_url`](crate::ClientBuilder::base_url), e.g.
    /// `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// A client for this fake, with basic auth using the fake's credentials.
    pub fn client(&self) -> crate::Result<Client> {
        Client::builder()
            .basic_auth(self.shared.key.id.clone(), self.shared.key.secret.clone())
            .base_url(self.base_url.clone())
            .build()
    }

    /// Makes each of the next `count` requests suffer `fault`, in order after faults already
    /// queued.
    ///
    /// ```
    /// # use smooch_client::{ConversationApi, fake::{Fault, FakeSmooch}};
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let fake = FakeSmooch::start().await?;
    /// fake.inject(3, Fault::status(503));
    /// let error = fake.client()?.get_messages("app", "user", None, None).await.unwrap_err();
    /// assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    /// assert_eq!(error.attempts().map(|a| a.count), Some(3), "retried, then gave up");
    /// # Ok(()) }
    /// ```
    pub fn inject(&self, count: usize, fault: Fault) {
        let mut faults = self.shared.faults();
        faults.extend(std::iter::repeat_n(fault, count));
    }

    /// Forgets the faults not yet used.
    pub fn clear_faults(&self) {
        self.shared.faults().clear();
    }

    /// How many requests reached the fake (including refused ones and injected faults).
    pub fn request_count(&self) -> usize {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// The stored conversation of `user_id` in `app_id`, if it exists.
    pub fn conversation(&self, app_id: &str, user_id: &str) -> Option<StoredConversation> {
        self.shared
            .store()
            .thread(app_id, user_id)
            .map(|thread| StoredConversation {
                conversation: thread.conversation.clone(),
                messages: thread.messages.clone(),
            })
    }

    /// Stores `messages` as they are (ids and `received` times included), creating the
    /// conversation if needed: for tests that need a long history or equal timestamps.
    pub fn seed_messages(
        &self,
        app_id: &str,
        user_id: &str,
        messages: impl IntoIterator<Item = Message>,
    ) {
        let mut store = self.shared.store();
        let (thread, _) = store.thread_or_create(app_id, user_id);
        for message in messages {
            thread.insert(message);
        }
    }
}

impl FakeSmooch {
    /// Stops the server and waits until it no longer accepts connections (dropping the fake
    /// stops it too, without waiting).
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            // The server task only ends by shutting down; a panic in it has nothing to report.
            let _ = server.await;
        }
    }
}

impl Drop for FakeSmooch {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl fmt::Debug for FakeSmooch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeSmooch")
            .field("base_url", &self.base_url)
            .field("key_id", &self.shared.key.id)
            .field("secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}
