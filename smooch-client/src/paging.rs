//! Paged list operations (`limit`/`offset` in, `hasMore` out) as streams that fetch one page at
//! a time as they are read, and what every stream does against a server whose pages lie: it
//! yields no item twice ([`Recent`], within [`DEDUP_WINDOW`] items) and stops with
//! [`Error::Pagination`] when a page makes no progress.

use std::borrow::Borrow;
use std::collections::{HashSet, VecDeque};
use std::future::Future;
use std::hash::Hash;

use futures_core::Stream;

use crate::error::{PaginationError, Stall};
use crate::{Error, Result};

/// How many items a page holds at most, the one figure every page of this crate follows: a page
/// of [`get_messages`](crate::ConversationApi::get_messages) holds up to 100 messages (the API's
/// documented size), and a streamed list asks for 100 items per page (the API's largest `limit`
/// is not documented; its default is 25).
pub const PAGE_LIMIT: u32 = 100;

/// [`PAGE_LIMIT`] as a length.
pub(crate) const PAGE_ITEMS: usize = PAGE_LIMIT as usize;

/// How many of the items it yielded last a stream remembers, by id, to yield none of them
/// again: ten pages of a list ([`PAGE_LIMIT`]) or of messages.
///
/// Every stream of this crate (the lists: [`apps`](crate::AppApi::apps),
/// [`service_accounts`](crate::ServiceAccountApi::service_accounts),
/// [`integrations`](crate::IntegrationApi::integrations), [`templates`](crate::TemplateApi::templates); the
/// messages: [`history`](crate::ConversationApi::history), [`forward`](crate::ConversationApi::forward)) holds
/// one page and this many ids, whatever the server answers, and:
///
/// - yields no item twice: an item whose id it yielded among the last `DEDUP_WINDOW` is
///   skipped, be it repeated by a later page (overlapping pages, a server that ignores `offset`)
///   or within one page. Only a repeat from further back, which no honest server sends, would
///   come again;
/// - yields no message outside the bound it asked for (`history` asks for messages strictly
///   before a time, `forward` strictly after one);
/// - ends: a page that says more follow but brings no new item, or cannot move the stream past
///   it, ends the stream with [`Error::Pagination`] naming the stream and the page
///   ([`Stall`](crate::Stall)); a page without `hasMore` is the last.
pub const DEDUP_WINDOW: usize = 1_000;

/// A page of a list operation: its items, and whether more follow.
pub trait Page {
    /// What the list holds.
    type Item;

    /// Whether more items follow this page (`hasMore`; absent means no).
    fn has_more(&self) -> bool;

    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;

    /// An item's id (`_id`), by which a stream knows an item it yielded already.
    fn item_id(item: &Self::Item) -> &str;
}

/// The ids of the last [`DEDUP_WINDOW`] items a stream yielded.
pub(crate) struct Recent<K> {
    order: VecDeque<K>,
    ids: HashSet<K>,
}

impl<K: Hash + Eq> Recent<K> {
    pub(crate) fn new() -> Self {
        Recent {
            order: VecDeque::new(),
            ids: HashSet::new(),
        }
    }

    /// Remembers `id`, forgetting the oldest beyond the window; `false` if it was remembered
    /// already (the item is a repeat).
    pub(crate) fn insert<Q>(&mut self, id: &Q) -> bool
    where
        K: Borrow<Q> + Clone,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if self.ids.contains(id) {
            return false;
        }
        if self.order.len() >= DEDUP_WINDOW
            && let Some(oldest) = self.order.pop_front()
        {
            self.ids.remove::<K>(&oldest);
        }
        let id = id.to_owned();
        self.order.push_back(id.clone());
        self.ids.insert(id);
        true
    }
}

/// Every item of a list, fetching pages of `limit` as the stream is read: `fetch(offset, limit)`
/// loads the page at `offset`. The offset advances by the length of each page while the page
/// says more follow. Only one page is held at a time, and the ids of the last
/// [`DEDUP_WINDOW`] items: an item yielded already is skipped, and a page that says more follow
/// but brings no new item (a server that repeats a page or ignores the offset) ends the stream
/// with [`Error::Pagination`] naming `stream`. An error is yielded once and ends the stream.
pub(crate) fn paged<P, F, Fut>(
    stream: &'static str,
    limit: u32,
    fetch: F,
) -> impl Stream<Item = Result<P::Item>> + Send + 'static
where
    P: Page + Send + 'static,
    P::Item: Send + 'static,
    F: FnMut(u32, u32) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P>> + Send + 'static,
{
    let walk = Walk {
        stream,
        fetch,
        limit,
        offset: Some(0),
        page: VecDeque::new(),
        seen: Recent::new(),
        stuck: None,
    };
    futures_util::stream::unfold(walk, Walk::step)
}

struct Walk<F, T> {
    stream: &'static str,
    fetch: F,
    limit: u32,
    /// Where the next page starts (`None`: no page follows).
    offset: Option<u32>,
    /// The current page's new items not yet yielded.
    page: VecDeque<T>,
    /// The ids of the items yielded last.
    seen: Recent<String>,
    /// Why the walk cannot go on, yielded once the current page is out.
    stuck: Option<Stall>,
}

impl<F, T> Walk<F, T> {
    async fn step<P, Fut>(mut self) -> Option<(Result<T>, Self)>
    where
        P: Page<Item = T>,
        F: FnMut(u32, u32) -> Fut,
        Fut: Future<Output = Result<P>>,
    {
        loop {
            if let Some(item) = self.page.pop_front() {
                return Some((Ok(item), self));
            }
            if let Some(stall) = self.stuck.take() {
                let stream = self.stream;
                return Some((
                    Err(Error::Pagination(PaginationError { stream, stall })),
                    self,
                ));
            }
            let offset = self.offset.take()?;
            let page = match (self.fetch)(offset, self.limit).await {
                Ok(page) => page,
                Err(error) => return Some((Err(error), self)),
            };
            let more = page.has_more();
            let items = page.into_items();
            let count = u32::try_from(items.len()).unwrap_or(u32::MAX);
            let seen = &mut self.seen;
            self.page = items
                .into_iter()
                .filter(|item| seen.insert(P::item_id(item)))
                .collect();
            if !more {
                continue;
            }
            // More follow: the page must bring something new, and the next offset must exist.
            if self.page.is_empty() {
                self.stuck = Some(Stall::StuckOffset { offset });
            } else {
                match offset.checked_add(count) {
                    Some(next) => self.offset = Some(next),
                    None => self.stuck = Some(Stall::OffsetOverflow { offset }),
                }
            }
        }
    }
}

#[cfg(feature = "v2")]
pub(crate) mod cursor;

#[cfg(test)]
mod tests;
