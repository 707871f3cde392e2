//! A typed, async client for the [Smooch](https://docs.smooch.io/rest/v1/) (Zendesk Sunshine
//! Conversations) REST API v1.1.
//!
//! ```
//! use smooch_client::{Client, ConversationApi, models::{Cursor, MessagePost, Role}};
//!
//! # #[cfg(feature = "fake")]
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let fake = smooch_client::fake::FakeSmooch::with_credentials(
//! #     "app_5963ceb97cde542d000dbdb1",
//! #     "your-secret",
//! # )
//! # .await?;
//! let client = Client::builder()
//!     .basic_auth("app_5963ceb97cde542d000dbdb1", "your-secret")
//! #   .base_url(fake.base_url())
//!     .build()?;
//! client.post_message("app_id", "user_id", &MessagePost::text(Role::AppMaker, "Hello!")).await?;
//! let history = client.get_messages("app_id", "user_id", Cursor::Latest).await?;
//! # assert_eq!(history.messages.len(), 1);
//! # Ok(()) }
//! # #[cfg(not(feature = "fake"))]
//! # fn main() {}
//! ```
//!
//! - [`Client`] holds the connection pool, base URL, credentials and timeout; build it with
//!   [`Client::builder`].
//! - Endpoints are methods of traits, one per group of the API, implemented for [`Client`]:
//!   [`ConversationApi`] (messages), [`AppUserApi`], [`AttachmentApi`], [`NotificationApi`],
//!   [`WebhookApi`], [`MenuApi`], [`AppApi`], [`ServiceAccountApi`], [`IntegrationApi`], [`TemplateApi`] and
//!   [`DeploymentApi`]; bring the trait into scope (or
//!   `use smooch_client::prelude::*`). Paged lists are also streams, methods of the same
//!   traits: [`AppApi::apps`], [`ServiceAccountApi::service_accounts`],
//!   [`IntegrationApi::integrations`], [`TemplateApi::templates`], and a conversation's
//!   [`ConversationApi::history`] (newest first) and [`ConversationApi::forward`] (from a time).
//!   One page of messages is [`ConversationApi::get_messages`].
//! - What Smooch POSTs to your webhooks is received with [`webhook`]: verified, decoded into one
//!   typed [`webhook::Event`] per trigger, and (feature `axum`) served by a ready handler.
//! - Request and response types are in [`models`]; every failure is an [`Error`].
//! - New endpoints are one [`endpoint`] line each; a model the crate lacks is one [`model`]
//!   struct, which reads and writes like the crate's own.
//!
//! # Feature flags
//!
//! | feature | default | what it enables |
//! |---|---|---|
//! | `default-tls` | yes | TLS as reqwest ships it by default (rustls) |
//! | `native-tls` | no | TLS through the platform's library (OpenSSL, SChannel, Security.framework); use it with `default-features = false` |
//! | `axum` | no | [`webhook::axum`][axum-mod]: a ready axum 0.8 handler that verifies, decodes and hands webhook events to your function |
//! | `fake` | no | [`fake`][fake-mod]: an in-process fake Smooch server for trying the client and testing bots offline (includes `axum`) |
//! | `time` | no | conversions between [`models::Timestamp`] and `time::OffsetDateTime` |
//!
// The feature-gated modules are linked here when they are built, and on docs.rs otherwise.
#![cfg_attr(feature = "axum", doc = "[axum-mod]: webhook::axum")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "[axum-mod]: https://docs.rs/smooch-client/latest/smooch_client/webhook/axum/"
)]
#![cfg_attr(feature = "fake", doc = "[fake-mod]: fake")]
#![cfg_attr(
    not(feature = "fake"),
    doc = "[fake-mod]: https://docs.rs/smooch-client/latest/smooch_client/fake/"
)]
//!
//! Items that need a feature say so on their page.
#![doc(html_root_url = "https://docs.rs/smooch-client/0.1.0")]
#![cfg_attr(docsrs, feature(doc_cfg))]

extern crate self as smooch_client;

mod api;
mod auth;
mod builder;
mod client;
mod codec;
mod context;
mod endpoint_docs;
mod error;
#[cfg(feature = "fake")]
#[cfg_attr(docsrs, doc(cfg(feature = "fake")))]
pub mod fake;
mod history;
mod jwt;
mod model_docs;
pub mod models;
mod paging;
mod raw;
mod redirect;
mod removal;
mod request;
mod response;
mod retry;
mod route;
mod scope;
mod trace;
mod transport;
mod upload;
#[cfg(feature = "v2")]
#[cfg_attr(docsrs, doc(cfg(feature = "v2")))]
pub mod v2;
pub mod webhook;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use api::{
    AppApi, AppUserApi, AttachmentApi, ConversationApi, DeploymentApi, IntegrationApi, MenuApi,
    NotificationApi, ServiceAccountApi, TemplateApi, WebhookApi,
};
pub use auth::{Auth, Secret};
pub use builder::{
    ClientBuilder, DEFAULT_CALL_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, OAUTH_BASE_URL,
    Region, USER_AGENT_VALUE,
};
pub use client::{AsClient, Client};
pub use endpoint_docs::endpoint;
pub use error::{ApiError, ApiErrorEntry, DecodeError, Error, PaginationError, Result, Stall};
pub use jwt::JwtScope;
pub use model_docs::model;
pub use paging::{DEDUP_WINDOW, PAGE_LIMIT, Page};
pub use raw::RawRequest;
pub use redirect::Redirect;
pub use removal::Removal;
pub use request::{Host, MAX_VALUE_LEN};
pub use reqwest::header::HeaderMap;
pub use reqwest::{Method, StatusCode};
pub use retry::{Attempts, RetryBudget, RetryPolicy, Stop};
pub use route::Route;
pub use scope::{AppScope, UserScope};
pub use upload::Upload;

/// What a bot needs, in one `use smooch_client::prelude::*;`: the client and its builder, every
/// endpoint trait (their methods are only callable with the trait in scope), and the models a
/// bot touches most.
///
/// The list is explicit, so a glob import of the prelude never brings in a name that clashes
/// with a common one: model names such as `Source`, `Field` or `Template`, the crate's
/// [`Error`] and [`Result`] (which would shadow `std`'s `Result`), and `webhook::Event` stay
/// where they are; name them by path (`smooch_client::Result<()>`) or import them.
///
/// ```
/// use smooch_client::prelude::*;
///
/// async fn ask(client: &Client, app: &str, user: &str) -> smooch_client::Result<Message> {
///     let question = MessagePost::text(Role::AppMaker, "Ready to checkout?")
///         .with_action(Action::postback("Yes", "checkout"))
///         .with_metadata(Metadata::new().with("step", 3));
///     let sent: MessageResponse = client.post_message(app, user, &question).await?;
///     Ok(sent.message)
/// }
///
/// // `Result` is still std's.
/// fn step(text: &str) -> Result<u32, std::num::ParseIntError> {
///     text.parse()
/// }
/// ```
pub mod prelude {
    pub use crate::models::{
        Action, ActivityResponse, AppUser, Conversation, ConversationActivity, Coordinates, Cursor,
        GetMessagesResponse, Location, Message, MessageItem, MessagePost, MessageResponse,
        MessageType, Metadata, Role, Timestamp, WebhookCreate, WebhookTrigger,
    };
    pub use crate::{
        AppApi, AppUserApi, AttachmentApi, Client, ClientBuilder, ConversationApi, DeploymentApi,
        IntegrationApi, MenuApi, NotificationApi, ServiceAccountApi, TemplateApi, WebhookApi,
    };
}

/// The README's examples, compiled as doctests so they stay true.
#[cfg(all(doctest, feature = "fake"))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
