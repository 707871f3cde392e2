//! A user's whole message history as a stream, page by page.

use std::collections::HashSet;

use futures_core::Stream;

use crate::models::{Message, Timestamp};
use crate::{Client, ConversationApi, Error, Result};

/// Messages per page of `get_messages`, as the API documents.
const PAGE_SIZE: usize = 100;

/// How far past the oldest message of a page the next `before` bound is set: Smooch keeps
/// milliseconds, so this includes every message sharing that timestamp (the bound is exclusive).
const OVERLAP: f64 = 0.001;

impl Client {
    /// Every message of `user_id`'s conversation, newest first, fetched a page (100 messages)
    /// at a time as the stream is read.
    ///
    /// Each message comes exactly once, also when several share a `received` time at a page
    /// boundary: the next page starts just after the oldest time seen (the API's `before` bound
    /// is exclusive) and the messages already yielded from the previous page are skipped. Only
    /// one page, and its ids, are held at a time. An error (such as 404 for a user without a
    /// conversation) is yielded once and ends the stream.
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
    /// let mut history = std::pin::pin!(client.history("app_id", "user_id"));
    /// while let Some(message) = history.try_next().await? {
    ///     println!("{}: {}", message.received, message.text.as_deref().unwrap_or(""));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn history(
        &self,
        app_id: &str,
        user_id: &str,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<> {
        let walk = Walk {
            client: self.clone(),
            app_id: app_id.to_owned(),
            user_id: user_id.to_owned(),
            page: Vec::new(),
            seen: HashSet::new(),
            next: Some(None),
            stuck: None,
        };
        futures_util::stream::unfold(walk, Walk::step)
    }
}

/// The state of a history walk between two items.
struct Walk {
    client: Client,
    app_id: String,
    user_id: String,
    /// The current page's messages not yet yielded, oldest first.
    page: Vec<Message>,
    /// The ids of the previous page, to skip them where pages overlap.
    seen: HashSet<String>,
    /// The `before` bound of the next request (`Some(None)`: the latest page; `None`: done).
    next: Option<Option<Timestamp>>,
    /// Why the walk cannot go on, yielded once the current page is out.
    stuck: Option<Error>,
}

impl Walk {
    async fn step(mut self) -> Option<(Result<Message>, Walk)> {
        loop {
            if let Some(message) = self.page.pop() {
                return Some((Ok(message), self));
            }
            if let Some(error) = self.stuck.take() {
                return Some((Err(error), self));
            }
            let before = self.next.take()?;
            if let Err(error) = self.fetch(before).await {
                return Some((Err(error), self));
            }
        }
    }

    /// Loads the page before `before`, dropping what the previous page already yielded.
    async fn fetch(&mut self, before: Option<Timestamp>) -> Result<()> {
        let response = self
            .client
            .get_messages(&self.app_id, &self.user_id, before, None)
            .await?;
        let full = response.messages.len() >= PAGE_SIZE;
        let ids: HashSet<String> = response.messages.iter().map(|m| m.id.clone()).collect();
        let fresh: Vec<Message> = response
            .messages
            .into_iter()
            .filter(|m| !self.seen.contains(&m.id))
            .collect();

        self.next = match fresh.first() {
            Some(oldest) if full => Some(Some(oldest.received.plus_seconds(OVERLAP))),
            _ => None,
        };
        // A full page on one timestamp: asking again cannot reach the rest of it.
        if full && (fresh.is_empty() || self.next == Some(before)) {
            self.next = None;
            self.stuck = Some(Error::Pagination(format!(
                "more than {PAGE_SIZE} messages share one timestamp; the API cannot page past them"
            )));
        }
        self.seen = ids;
        self.page = fresh;
        Ok(())
    }
}
