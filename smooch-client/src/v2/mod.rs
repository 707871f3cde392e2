//! Sunshine Conversations **API v2**: the version new integrations are built on.
//!
//! v2 moves from v1.1's one implicit conversation per user to conversations, participants and
//! users as resources of their own; its messages carry an `author` and a typed `content`, its
//! lists page with cursors (`page[after]`), its times are RFC 3339 strings and its errors a
//! list (`errors[]`). Its webhooks are custom integrations that deliver several events at once.
//!
//! **Which version?** For new work, v2. Keep v1.1 for what only it has (service accounts,
//! templates, menus, WhatsApp deployments, notifications, the integration profile), and for
//! code that works today: the same [`Client`] calls both, one connection pool, one set of
//! credentials and one retry budget, so a bot can move one call at a time.
//!
//! The v2 operations are methods of the traits in this module, called on the handle
//! [`Client::v2`] returns (a cheap clone of the client), so v1.1 and v2 methods of the same
//! name never clash:
//!
//! ```no_run
//! use smooch_client::Client;
//! use smooch_client::v2::{AppsApi, models::Page};
//!
//! # async fn demo(client: Client) -> smooch_client::Result<()> {
//! let v2 = client.v2();
//! let apps = v2.list_apps(&Page::first(), &Default::default()).await?;
//! # Ok(()) }
//! ```
//!
//! Types of v2 are in [`models`]; they are read as tolerantly as v1.1's (unknown keys and enum
//! values kept, `null` as absent, almost every response field optional, as the API promises
//! almost none).

pub mod api;
pub mod models;
pub mod webhook;

pub use api::*;

use crate::Client;

/// A [`Client`] that calls API v2: the v2 endpoint traits are implemented for it. It shares
/// everything with the client it came from (connection pool, credentials, settings, retry
/// budget); make one with [`Client::v2`].
#[derive(Clone, Debug)]
pub struct V2 {
    client: Client,
}

impl AsRef<Client> for V2 {
    fn as_ref(&self) -> &Client {
        &self.client
    }
}

impl Client {
    /// This client, for API v2 calls (a cheap clone: one reference count).
    ///
    /// ```no_run
    /// use smooch_client::v2::AppsApi;
    /// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
    /// let app = client.v2().get_app("5963c0d619a30a2e00de36b8").await?;
    /// # Ok(()) }
    /// ```
    pub fn v2(&self) -> V2 {
        V2 {
            client: self.clone(),
        }
    }
}
