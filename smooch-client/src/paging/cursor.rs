//! Cursor-paged lists (API v2: `page[after]`/`page[before]` in, `meta` out) as streams that fetch
//! one page at a time as they are read, with the same guarantees as the offset-paged ones.

use std::collections::VecDeque;
use std::future::Future;

use futures_core::Stream;

use super::Recent;
use crate::error::{PaginationError, Stall};
use crate::{Error, Result};

/// A page of a cursor-paged list: its records, and the cursors around it.
pub(crate) trait CursorPage {
    /// What the list holds.
    type Item;

    /// Whether more records follow in the direction being paged (`meta.hasMore`; absent: no).
    fn has_more(&self) -> bool;

    /// The cursor of the next page that way (`meta.afterCursor` or `meta.beforeCursor`).
    fn cursor(&self, direction: Direction) -> Option<&str>;

    /// The page's records, in order.
    fn into_items(self) -> Vec<Self::Item>;

    /// A record's id, by which a stream knows a record it yielded already (a record without
    /// one is always yielded).
    fn item_id(item: &Self::Item) -> Option<&str>;
}

/// Which way a stream pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// With `page[after]`, from the first page on.
    Forward,
    /// With `page[before]`, from the first page back (the messages: newest first).
    Backward,
}

/// Every record of a list, a page at a time: `fetch(None)` loads the first page,
/// `fetch(Some(cursor))` the page `direction` of it. Only one page is held, and the ids of the
/// last [`DEDUP_WINDOW`](crate::DEDUP_WINDOW) records and cursors: a record yielded already is
/// skipped, a page without `hasMore` or without a cursor is the last, and a page that says more
/// follow but brings nothing new or points back to a page read already ends the stream with
/// [`Error::Pagination`] naming `stream`. An error is yielded once and ends the stream.
pub(crate) fn cursor_paged<P, F, Fut>(
    stream: &'static str,
    direction: Direction,
    fetch: F,
) -> impl Stream<Item = Result<P::Item>> + Send + 'static
where
    P: CursorPage + Send + 'static,
    P::Item: Send + 'static,
    F: FnMut(Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<P>> + Send + 'static,
{
    let walk = Walk {
        stream,
        direction,
        fetch,
        next: Some(None),
        page: VecDeque::new(),
        seen: Recent::new(),
        cursors: Recent::new(),
        stuck: None,
    };
    futures_util::stream::unfold(walk, Walk::step)
}

struct Walk<F, T> {
    stream: &'static str,
    direction: Direction,
    fetch: F,
    /// The page to read next: `Some(None)` the first, `None` no more.
    next: Option<Option<String>>,
    /// The current page's new records not yet yielded.
    page: VecDeque<T>,
    /// The ids of the records yielded last.
    seen: Recent<String>,
    /// The cursors read already.
    cursors: Recent<String>,
    /// Why the walk cannot go on, yielded once the current page is out.
    stuck: Option<Stall>,
}

impl<F, T> Walk<F, T> {
    async fn step<P, Fut>(mut self) -> Option<(Result<T>, Self)>
    where
        P: CursorPage<Item = T>,
        F: FnMut(Option<String>) -> Fut,
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
            let at = self.next.take()?;
            let page = match (self.fetch)(at.clone()).await {
                Ok(page) => page,
                Err(error) => return Some((Err(error), self)),
            };
            let more = page.has_more();
            let cursor = page.cursor(self.direction).map(str::to_owned);
            let seen = &mut self.seen;
            self.page = page
                .into_items()
                .into_iter()
                .filter(|item| P::item_id(item).is_none_or(|id| seen.insert(id)))
                .collect();
            let Some(cursor) = cursor.filter(|_| more) else {
                // No more, or no way to them: the last page.
                continue;
            };
            if let Some(at) = &at {
                self.cursors.insert(at.as_str());
            }
            if self.page.is_empty() || !self.cursors.insert(cursor.as_str()) {
                self.stuck = Some(Stall::StuckPage { cursor: at });
            } else {
                self.next = Some(Some(cursor));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    #[derive(Clone)]
    struct Records {
        items: Vec<String>,
        more: bool,
        after: Option<String>,
        before: Option<String>,
    }

    impl CursorPage for Records {
        type Item = String;
        fn has_more(&self) -> bool {
            self.more
        }
        fn cursor(&self, direction: Direction) -> Option<&str> {
            match direction {
                Direction::Forward => self.after.as_deref(),
                Direction::Backward => self.before.as_deref(),
            }
        }
        fn into_items(self) -> Vec<String> {
            self.items
        }
        fn item_id(item: &String) -> Option<&str> {
            (!item.starts_with('-')).then_some(item.as_str())
        }
    }

    fn page(items: &[&str], more: bool, after: Option<&str>) -> Records {
        Records {
            items: items.iter().map(|s| s.to_string()).collect(),
            more,
            after: after.map(str::to_owned),
            before: None,
        }
    }

    /// The records and errors a stream over `pages` (by cursor: `""` is the first) yields.
    async fn walk(pages: Vec<(&'static str, Records)>) -> (Vec<String>, Vec<Error>) {
        let stream = cursor_paged(
            "things",
            Direction::Forward,
            move |cursor: Option<String>| {
                let cursor = cursor.unwrap_or_default();
                let found = pages
                    .iter()
                    .find(|(at, _)| *at == cursor)
                    .map(|(_, p)| p.clone());
                async move { found.ok_or_else(|| Error::Config(format!("no page at {cursor}"))) }
            },
        );
        let (mut items, mut errors) = (Vec::new(), Vec::new());
        let mut stream = std::pin::pin!(stream);
        while let Some(next) = stream.next().await {
            match next {
                Ok(item) => items.push(item),
                Err(error) => errors.push(error),
            }
        }
        (items, errors)
    }

    #[tokio::test]
    async fn every_record_once_across_pages_that_overlap_or_repeat() {
        let (items, errors) = walk(vec![
            ("", page(&["a", "b", "b"], true, Some("b"))),
            ("b", page(&["b", "c", "-x", "-x"], true, Some("c"))),
            ("c", page(&["d"], false, Some("d"))),
        ])
        .await;
        assert_eq!(
            items,
            ["a", "b", "c", "-x", "-x", "d"],
            "records without an id always come"
        );
        assert!(errors.is_empty());
    }

    #[tokio::test]
    async fn a_page_without_more_or_without_a_cursor_is_the_last() {
        let (items, errors) = walk(vec![("", page(&["a"], true, None))]).await;
        assert_eq!((items.len(), errors.len()), (1, 0));
        let (items, errors) = walk(vec![("", page(&["a"], false, Some("a")))]).await;
        assert_eq!((items.len(), errors.len()), (1, 0));
    }

    #[tokio::test]
    async fn a_repeated_cursor_or_a_page_with_nothing_new_ends_the_stream_naming_it() {
        for pages in [
            // The server answers the same page whatever the cursor.
            vec![
                ("", page(&["a"], true, Some("a"))),
                ("a", page(&["a"], true, Some("a"))),
            ],
            // The cursors go round in a circle.
            vec![
                ("", page(&["a"], true, Some("x"))),
                ("x", page(&["b"], true, Some("y"))),
                ("y", page(&["c"], true, Some("x"))),
            ],
        ] {
            let (items, errors) = walk(pages).await;
            assert!(!items.is_empty());
            let [Error::Pagination(error)] = &errors[..] else {
                panic!("{errors:?}")
            };
            assert_eq!(error.stream, "things");
            assert!(matches!(error.stall, Stall::StuckPage { .. }), "{error}");
        }
    }
}
