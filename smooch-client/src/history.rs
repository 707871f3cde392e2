//! A conversation's messages as a stream, newest first (`history`) or oldest first from a time
//! (`forward`), page by page.

use futures_core::Stream;

use crate::error::{PaginationError, Stall};
use crate::models::{Cursor, Id, Message, Timestamp};
use crate::paging::{PAGE_ITEMS, Recent};
use crate::{Client, ConversationApi, Error, Result};

/// How far past the last message of a page the next bound is set (later for `before`, earlier
/// for `after`): Smooch keeps milliseconds, so this includes every message sharing that
/// timestamp (the bounds are exclusive).
const OVERLAP: f64 = 0.001;

/// Every message of `user_id`'s conversation: newest first, or (`after` a time) oldest first
/// ([`ConversationApi::history`], [`ConversationApi::forward`]).
pub(crate) fn walk(
    client: &Client,
    app_id: &str,
    user_id: &str,
    after: Option<Timestamp>,
) -> impl Stream<Item = Result<Message>> + Send + 'static + use<> {
    let (direction, first) = match after {
        None => (Direction::Back, Cursor::Latest),
        Some(after) => (Direction::Forward, Cursor::After(after)),
    };
    Walk::start(client, app_id, user_id, direction, first)
}

/// Which way a walk goes.
#[derive(Clone, Copy, PartialEq)]
enum Direction {
    /// Newest first, each page before the last.
    Back,
    /// Oldest first, each page after the last.
    Forward,
}

impl Direction {
    /// The stream's name in errors.
    fn stream(self) -> &'static str {
        match self {
            Direction::Back => "history",
            Direction::Forward => "forward",
        }
    }
}

/// The state of a walk between two items.
struct Walk {
    client: Client,
    app_id: String,
    user_id: String,
    direction: Direction,
    /// The current page's messages not yet yielded, the next one last.
    page: Vec<Message>,
    /// The ids of the messages yielded last, to skip them where pages overlap.
    seen: Recent<Id>,
    /// The bound of the whole walk (the first page's): no message outside it is yielded.
    bound: Cursor,
    /// The next page to ask for (`None`: done).
    next: Option<Cursor>,
    /// Why the walk cannot go on, yielded once the current page is out.
    stuck: Option<Stall>,
}

impl Walk {
    fn start(
        client: &Client,
        app_id: &str,
        user_id: &str,
        direction: Direction,
        first: Cursor,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<> {
        let walk = Walk::new(client.clone(), app_id, user_id, direction, first);
        futures_util::stream::unfold(walk, Walk::step)
    }

    fn new(
        client: Client,
        app_id: &str,
        user_id: &str,
        direction: Direction,
        first: Cursor,
    ) -> Self {
        Walk {
            client,
            app_id: app_id.to_owned(),
            user_id: user_id.to_owned(),
            direction,
            page: Vec::new(),
            seen: Recent::new(),
            bound: first,
            next: Some(first),
            stuck: None,
        }
    }

    async fn step(mut self) -> Option<(Result<Message>, Walk)> {
        loop {
            if let Some(item) = self.ready() {
                return Some((item, self));
            }
            let at = self.next.take()?;
            let page = match self
                .client
                .get_messages(&self.app_id, &self.user_id, at)
                .await
            {
                Ok(page) => page,
                Err(error) => return Some((Err(error), self)),
            };
            self.take(at, page.messages);
        }
    }

    /// The next message of the current page, or else why the walk cannot go on.
    fn ready(&mut self) -> Option<Result<Message>> {
        if let Some(message) = self.page.pop() {
            return Some(Ok(message));
        }
        let stall = self.stuck.take()?;
        let stream = self.direction.stream();
        Some(Err(Error::Pagination(PaginationError { stream, stall })))
    }

    /// Takes the page asked for at `at`: keeps the messages inside its bound (and the walk's)
    /// that were not yielded already, and sets the next page, or why there is none.
    fn take(&mut self, at: Cursor, messages: Vec<Message>) {
        let full = messages.len() >= PAGE_ITEMS;
        let (seen, bound) = (&mut self.seen, self.bound);
        let mut fresh: Vec<Message> = messages
            .into_iter()
            .filter(|m| inside(at, m.received) && inside(bound, m.received))
            .filter(|m| seen.insert(&m.id))
            .collect();
        // Oldest first, as the API sends a page (a page out of order is put in order).
        fresh.sort_by(|a, b| {
            let (a, b) = (a.received.as_unix_seconds(), b.received.as_unix_seconds());
            a.total_cmp(&b)
        });
        let next = match self.direction {
            // Just after the oldest: the messages sharing its time come again, and are skipped.
            Direction::Back => fresh
                .first()
                .map(|oldest| Cursor::Before(oldest.received.plus_seconds(OVERLAP))),
            Direction::Forward => fresh
                .last()
                .map(|newest| Cursor::After(newest.received.plus_seconds(-OVERLAP))),
        };
        // A page that is not full is the last; a full one must move the bound.
        if full {
            match next.filter(|next| beyond(at, *next)) {
                Some(next) => self.next = Some(next),
                None => self.stuck = Some(Stall::StuckCursor { cursor: at }),
            }
        }
        if self.direction == Direction::Forward {
            // Yielded by popping: the oldest last.
            fresh.reverse();
        }
        self.page = fresh;
    }
}

/// Whether a message received at `received` lies strictly inside the bound of the page at `at`.
fn inside(at: Cursor, received: Timestamp) -> bool {
    match at {
        Cursor::Before(bound) => received < bound,
        Cursor::After(bound) => received > bound,
        _ => true,
    }
}

/// Whether the page at `next` lies strictly past the page at `at`, in the direction of `next`.
fn beyond(at: Cursor, next: Cursor) -> bool {
    match (at, next) {
        (Cursor::Before(at), Cursor::Before(next)) => next < at,
        (Cursor::After(at), Cursor::After(next)) => next > at,
        (Cursor::Latest, _) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
