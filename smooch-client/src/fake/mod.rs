//! An in-process fake of the Smooch API a bot uses (cargo feature `fake`), for trying the client
//! without an account and for testing your bot without the network: it also delivers webhook
//! events.
//!
//! [`FakeSmooch::start`] serves on `127.0.0.1` (a free port), with the real API's semantics, the
//! six ConversationApi endpoints, the Webhook API, app users, attachments, image messages, the
//! app menu and notifications, and stops when dropped. Every body is checked as the real API
//! checks it: one that does not decode or breaks a rule is a 400 `bad_request` whose
//! description names the field, an unknown user a 404 (a message creates its user), missing or
//! wrong credentials a 401.
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
//! - The Webhook API (`GET`/`POST .../webhooks`, `GET`/`PUT`/`DELETE .../webhooks/<id>`):
//!   webhooks get an id, a secret (32 hex digits) and `version: "v1.1"`; a target must be an
//!   http(s) URL, triggers must be known (none: `message`), and an app has at most 10.
//! - App users (`GET`/`PUT`/`DELETE .../appusers/<user>`, `POST .../appusers`,
//!   `GET .../channels`, `DELETE .../profile`): `<user>` is the Smooch `_id` or the `userId`. A
//!   user exists once pre-created (201 with a generated `_id`; a `userId` already taken is a 409
//!   `conflict`) or once their conversation is created: such a user's `_id` is the path's id,
//!   with a Web Messenger client. An update sets what it carries and merges `properties`;
//!   `signedUpAt` must be ISO-8601. A deleted user, and their conversation, answer 404 from then
//!   on. Channels are the user's clients other than the SDKs
//!   ([`seed_app_user`](FakeSmooch::seed_app_user) gives a user some). Linking, unlinking,
//!   merging, auth codes, business systems and link requests are not served (404).
//! - Attachments (`POST .../attachments`, multipart `source`, at most 10 MB, else 413): `access`
//!   must be `public` or `private`, `for` can only be `message`, and a user named (`appUserId`
//!   or `userId`, both optional) must exist. The file is served by the fake at the `mediaUrl` answered (a
//!   `private` one only with the app's credentials) until `POST .../attachments/remove` (404
//!   for a URL that is not one of the app's attachments). Media URLs are outside the API: no
//!   faults, not counted.
//! - Image messages (`POST .../appusers/<user>/images`, multipart `source` and `role`): the file
//!   must be an image; it is stored and posted as an `image` message exactly as
//!   `POST .../messages` posts one (checks, conversation creation, webhook events).
//! - The app menu (`GET`/`PUT`/`DELETE .../menu`): every entry needs `text` and a known type,
//!   `uri` for a `link`, `payload` for a `postback`, entries for a `submenu` (whose entries are
//!   not submenus); none is `{"menu": {"items": []}}`.
//! - Notifications (`POST /v1/apps/<app>/notifications`): `destination.integrationId` and
//!   `destinationId`, `author.role: appMaker`, and a `message` checked as a posted message (not
//!   checked with `messageSchema: "whatsapp"`); 201 with a UUID, recorded
//!   ([`notifications`](FakeSmooch::notifications)), delivered nowhere.
//!
//! Media is not downloaded: `mediaSize` is always 0.
//!
//! # API v2
//!
//! With the `v2` feature (on by default) the same fake serves what a v2 bot uses, under
//! `/v2/...`, behind the same credentials and injected faults, answering errors in v2's
//! `{"errors": [{"code", "title"}]}` shape: the app, users, clients, conversations and
//! participants, messages of every content type (cursor paging), activities, attachments,
//! custom integrations with their webhooks, and switchboard control passing; it delivers v2
//! events (`conversation:message`, `conversation:postback`, ...) to the custom integrations'
//! webhooks with the same retries, stop statuses and [`DeliveryFault`]s as v1.1's deliveries.
//! [`FakeSmooch::v2`] is the users' side of v2 (a user says something, taps a button, reads,
//! types). The [`v2`] module says what is served and how.
//!
//! **v1.1 and v2 data are separate.** The reference the fake follows does not say that the
//! platform shows a conversation of one API version in the other's reads, so the fake keeps
//! them apart: a v1.1 app user and their conversation are not v2 users and conversations, a
//! message sent through the v1.1 hooks ([`user_says`](FakeSmooch::user_says), ...) or
//! `/v1.1/...` is delivered to v1.1 webhooks only, and one sent through
//! [`FakeSmooch::v2`]'s hooks or `/v2/...` to v2 webhooks only.
//!
//! # Webhooks
//!
//! The fake POSTs events to the webhooks subscribed to them, as Smooch does: the webhook's
//! secret in `X-API-Key`, `Content-Type: application/json`, a v1.1 payload (the `client` and
//! the complete `appUser` only when the webhook asks), retries on anything but a 2xx or 400, 401,
//! 403, 404 and 406, up to 5 retries with a doubling backoff ([`DeliveryPolicy`], short by
//! default), and a 20 s timeout. Events happen when:
//!
//! | what | trigger |
//! |---|---|
//! | [`user_says`](FakeSmooch::user_says), [`user_sends`](FakeSmooch::user_sends), or a `POST .../messages` with role `appUser` | `message:appUser` |
//! | a `POST .../messages` with role `appMaker` (or `whisper`) | `message:appMaker` |
//! | [`user_taps`](FakeSmooch::user_taps) a postback button | `postback` |
//! | [`user_taps`](FakeSmooch::user_taps) a reply button (the user sends its text and `payload`) | `message:appUser` |
//! | [`user_reads`](FakeSmooch::user_reads) the conversation | `conversation:read` |
//! | [`user_types`](FakeSmooch::user_types) | `typing:appUser` |
//!
//! Every attempt is recorded ([`deliveries`](FakeSmooch::deliveries));
//! [`deliveries_settled`](FakeSmooch::deliveries_settled) waits until none is under way, and
//! [`inject_delivery`](FakeSmooch::inject_delivery) makes the receiver fail. The hooks must be
//! called inside a tokio runtime (deliveries run in tasks of their own).
//!
//! ```
//! use smooch_client::WebhookApi;
//! use smooch_client::fake::{DeliveryOutcome, FakeSmooch};
//! use smooch_client::models::{WebhookCreate, WebhookTrigger};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeSmooch::start().await?;
//! // Nothing listens on port 1: every attempt fails, and is retried.
//! let hook = WebhookCreate::new("http://127.0.0.1:1/hook")
//!     .with_triggers([WebhookTrigger::MessageAppUser]);
//! fake.client()?.create_webhook("app", &hook).await?;
//! fake.set_delivery_policy(fake_policy());
//! fake.user_says("app", "user", "Hello?")?;
//! fake.deliveries_settled().await;
//! let attempts = fake.deliveries();
//! assert_eq!(attempts.len(), 6, "the first attempt and 5 retries");
//! assert!(attempts.iter().all(|a| a.outcome == DeliveryOutcome::ConnectionFailed));
//! # Ok(()) }
//! # fn fake_policy() -> smooch_client::fake::DeliveryPolicy {
//! #     smooch_client::fake::DeliveryPolicy::default().with_backoff(std::time::Duration::from_millis(1))
//! # }
//! ```
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

mod app_user_routes;
mod attachment_routes;
mod auth;
mod delivery;
mod enrich;
mod events;
mod faults;
mod hooks;
mod menu_routes;
mod multipart;
mod notification_routes;
mod reply;
mod routes;
mod server;
mod state;
mod store;
mod users;
#[cfg(feature = "v2")]
pub mod v2;
mod validate;
mod webhook_routes;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::oneshot;

pub use delivery::{DeliveryAttempt, DeliveryFault, DeliveryOutcome, DeliveryPolicy};
pub use faults::Fault;

use crate::models::{
    ActionType, AppUser, Conversation, Message, MessagePost, NotificationPost, Role, Webhook,
};
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

/// A notification the fake accepted (`POST /v1/apps/<app_id>/notifications`), as posted.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SentNotification {
    /// The id the fake answered (a UUID).
    pub id: String,
    /// The notification as it was posted.
    pub notification: NotificationPost,
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
            hooks: Default::default(),
            deliveries: Arc::new(delivery::Deliveries::new()),
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
    /// # use smooch_client::{ConversationApi, fake::{Fault, FakeSmooch}, models::Cursor};
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let fake = FakeSmooch::start().await?;
    /// fake.inject(3, Fault::status(503));
    /// let error = fake.client()?.get_messages("app", "user", Cursor::Latest).await.unwrap_err();
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

    /// How many API requests reached the fake (including refused ones and injected faults; not
    /// the downloads of media URLs).
    pub fn request_count(&self) -> usize {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// The stored conversation of `user_id` (Smooch `_id` or `userId`) in `app_id`, if it
    /// exists.
    pub fn conversation(&self, app_id: &str, user_id: &str) -> Option<StoredConversation> {
        self.shared
            .store()
            .thread(app_id, user_id)
            .map(|thread| StoredConversation {
                conversation: thread.conversation.clone(),
                messages: thread.messages.clone(),
            })
    }

    /// The app user `user_id` (Smooch `_id` or `userId`) names, if the app has them.
    pub fn app_user(&self, app_id: &str, user_id: &str) -> Option<AppUser> {
        self.shared.store().users.get(app_id, user_id).cloned()
    }

    /// Stores `user` as it is, replacing a user with the same `_id`: for tests that need a user
    /// with channels (`clients`) or a profile the API cannot set.
    pub fn seed_app_user(&self, app_id: &str, user: AppUser) {
        self.shared.store().users.insert(app_id, user);
    }

    /// The notifications the app sent, oldest first.
    pub fn notifications(&self, app_id: &str) -> Vec<SentNotification> {
        self.shared
            .store()
            .notifications
            .iter()
            .filter(|(app, _)| app == app_id)
            .map(|(_, sent)| sent.clone())
            .collect()
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

/// What a tap on a button sent ([`FakeSmooch::user_taps`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Tap {
    /// A postback button: a `postback` event went to the subscribed webhooks.
    Postback,
    /// A reply button: the user's message it sent (the button's text and `payload`), which
    /// went to the subscribed webhooks as `message:appUser`.
    Reply(Box<Message>),
}

/// Why a hook such as [`FakeSmooch::user_taps`] could not do what it was asked: the text says
/// what is missing or wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct HookError(String);

/// The users' side: what a user does in a conversation, and the webhook events it causes.
impl FakeSmooch {
    /// The user sends a text message (stored as a `POST .../messages` would store it, from the
    /// Web Messenger); `message:appUser` goes to the subscribed webhooks. Returns the stored
    /// message.
    pub fn user_says(&self, app_id: &str, user_id: &str, text: &str) -> Result<Message, HookError> {
        self.user_sends(app_id, user_id, MessagePost::text(Role::AppUser, text))
    }

    /// The user sends `message` (its role is set to `appUser`), checked as the API checks a
    /// posted message; `message:appUser` goes to the subscribed webhooks.
    pub fn user_sends(
        &self,
        app_id: &str,
        user_id: &str,
        mut message: MessagePost,
    ) -> Result<Message, HookError> {
        message.role = Role::AppUser;
        routes::add_message(&self.shared, app_id, user_id, message, Some(events::web()))
            .map(|response| response.message)
            .map_err(HookError)
    }

    /// The user taps the button `action_id` of the message `message_id`, and the fake does what
    /// Smooch does:
    ///
    /// - a `postback` button: `postback` goes to the subscribed webhooks, with the message and
    ///   the button ([`Tap::Postback`]);
    /// - a `reply` button (a quick reply): the user sends the button's text as a message with
    ///   the button's `payload`, stored and delivered (`message:appUser`) as
    ///   [`user_sends`](Self::user_sends) does ([`Tap::Reply`] holds it). Each tap is a message
    ///   of its own, with its own `_id`.
    ///
    /// Other buttons (`link`, `webview`, `buy`, ...) send nothing to Smooch when tapped, and
    /// are refused.
    ///
    /// ```
    /// use smooch_client::ConversationApi;
    /// use smooch_client::fake::{FakeSmooch, Tap};
    /// use smooch_client::models::{Action, MessagePost, Role};
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let fake = FakeSmooch::start().await?;
    /// let question = MessagePost::text(Role::AppMaker, "How did we do?")
    ///     .with_actions(vec![Action::reply("Great", "great"), Action::reply("Meh", "meh")]);
    /// let sent = fake.client()?.post_message("app", "user", &question).await?.message;
    /// let great = sent.actions[0].id.as_deref().expect("the fake gives actions ids");
    ///
    /// let Tap::Reply(answer) = fake.user_taps("app", "user", &sent.id, great)? else {
    ///     unreachable!("a reply button sends a message");
    /// };
    /// assert_eq!((answer.role, answer.text.as_deref()), (Role::AppUser, Some("Great")));
    /// assert_eq!(answer.payload.as_deref(), Some("great"));
    /// # Ok(()) }
    /// ```
    pub fn user_taps(
        &self,
        app_id: &str,
        user_id: &str,
        message_id: &str,
        action_id: &str,
    ) -> Result<Tap, HookError> {
        let (conversation_id, message, user) = {
            let store = self.shared.store();
            let (thread, user) = store
                .thread(app_id, user_id)
                .zip(store.users.get(app_id, user_id))
                .ok_or_else(|| HookError("the user has no conversation".into()))?;
            let message = thread
                .messages
                .iter()
                .find(|m| m.id == message_id)
                .ok_or_else(|| HookError(format!("no message `{message_id}`")))?;
            (
                thread.conversation.id.clone(),
                message.clone(),
                user.clone(),
            )
        };
        let action = message
            .actions
            .iter()
            .chain(message.items.iter().flat_map(|item| &item.actions))
            .find(|a| a.id.as_deref() == Some(action_id))
            .ok_or_else(|| HookError(format!("no action `{action_id}` on the message")))?;
        match action.r#type {
            ActionType::Postback => {
                let event = events::postback(app_id, &user, &conversation_id, &message, action);
                events::emit(&self.shared, app_id, event);
                Ok(Tap::Postback)
            }
            ActionType::Reply => {
                let mut reply =
                    MessagePost::text(Role::AppUser, action.text.clone().unwrap_or_default());
                reply.payload = action.payload.clone();
                self.user_sends(app_id, user_id, reply)
                    .map(|message| Tap::Reply(Box::new(message)))
            }
            _ => Err(HookError(format!(
                "action `{action_id}` is a `{}` action: only postback and reply buttons send \
                 something when tapped",
                action.r#type
            ))),
        }
    }

    /// The user reads the conversation: `unreadCount` becomes 0, `appUserLastRead` now;
    /// `conversation:read` goes to the subscribed webhooks.
    pub fn user_reads(&self, app_id: &str, user_id: &str) -> Result<(), HookError> {
        let (conversation_id, now, user) = {
            let mut store = self.shared.store();
            let thread = store
                .thread_mut(app_id, user_id)
                .ok_or_else(|| HookError("the user has no conversation".into()))?;
            let now = thread.next_received();
            thread.conversation.unread_count = 0;
            thread.conversation.app_user_last_read = Some(now);
            let conversation_id = thread.conversation.id.clone();
            let user = store.users.get_or_create(app_id, user_id).clone();
            (conversation_id, now, user)
        };
        let event = events::read(app_id, &user, &conversation_id, now);
        events::emit(&self.shared, app_id, event);
        Ok(())
    }

    /// The user starts (`true`) or stops (`false`) typing; `typing:appUser` goes to the
    /// subscribed webhooks. Creates the conversation if needed.
    pub fn user_types(&self, app_id: &str, user_id: &str, typing: bool) {
        let (conversation_id, now, user) = {
            let mut store = self.shared.store();
            let (thread, _) = store.thread_or_create(app_id, user_id);
            let (conversation_id, now) = (thread.conversation.id.clone(), thread.next_received());
            let user = store.users.get_or_create(app_id, user_id).clone();
            (conversation_id, now, user)
        };
        let event = events::typing(app_id, &user, &conversation_id, typing, now);
        events::emit(&self.shared, app_id, event);
    }
}

/// Webhook deliveries: how they are made, what happened, and failures of the receiver.
impl FakeSmooch {
    /// The app's webhooks, as the Webhook API lists them (secrets included).
    pub fn webhooks(&self, app_id: &str) -> Vec<Webhook> {
        self.shared.hooks().list(app_id)
    }

    /// Sets how the next deliveries are made (retries, backoff, timeout).
    pub fn set_delivery_policy(&self, policy: DeliveryPolicy) {
        self.shared.deliveries.set_policy(policy);
    }

    /// Makes each of the next `count` delivery attempts suffer `fault`, in order after faults
    /// already queued.
    pub fn inject_delivery(&self, count: usize, fault: DeliveryFault) {
        self.shared.deliveries.inject(count, fault);
    }

    /// Every delivery attempt so far, in the order they ended.
    pub fn deliveries(&self) -> Vec<DeliveryAttempt> {
        self.shared.deliveries.attempts()
    }

    /// Waits until no delivery is under way (each has succeeded, been refused, or given up).
    pub async fn deliveries_settled(&self) {
        self.shared.deliveries.settled().await;
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
