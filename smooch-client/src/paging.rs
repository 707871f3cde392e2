//! Paged list operations (`limit`/`offset` in, `hasMore` out) as streams that fetch one page at
//! a time as they are read.

use std::collections::VecDeque;
use std::future::Future;

use futures_core::Stream;

use crate::{Error, Result};

/// How many items a streamed list asks for per page (the API's largest `limit` is not
/// documented; its default is 25).
pub const PAGE_LIMIT: u32 = 100;

/// A page of a list operation: its items, and whether more follow.
pub trait Page {
    /// What the list holds.
    type Item;

    /// Whether more items follow this page (`hasMore`; absent means no).
    fn has_more(&self) -> bool;

    /// The page's items, in order.
    fn into_items(self) -> Vec<Self::Item>;
}

/// Every item of a list, fetching pages of `limit` as the stream is read: `fetch(offset, limit)`
/// loads the page at `offset`. The offset advances by the length of each page while the page
/// says more follow. Only one page is held at a time. An error is yielded once and ends the
/// stream.
pub(crate) fn paged<P, F, Fut>(
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
        fetch,
        limit,
        offset: Some(0),
        page: VecDeque::new(),
    };
    futures_util::stream::unfold(walk, Walk::step)
}

struct Walk<F, T> {
    fetch: F,
    limit: u32,
    /// Where the next page starts (`None`: no page follows).
    offset: Option<u32>,
    /// The current page's items not yet yielded.
    page: VecDeque<T>,
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
            let offset = self.offset.take()?;
            let page = match (self.fetch)(offset, self.limit).await {
                Ok(page) => page,
                Err(error) => return Some((Err(error), self)),
            };
            let more = page.has_more();
            let items = page.into_items();
            let count = u32::try_from(items.len()).unwrap_or(u32::MAX);
            if more && count == 0 {
                // The server says more follow, but gave nothing to advance past.
                return Some((
                    Err(Error::Pagination(format!(
                        "the page at offset {offset} is empty but says more items follow"
                    ))),
                    self,
                ));
            }
            self.offset = more.then(|| offset.saturating_add(count));
            self.page = items.into();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::TryStreamExt;

    struct Numbers {
        items: Vec<u32>,
        has_more: bool,
    }

    impl Page for Numbers {
        type Item = u32;
        fn has_more(&self) -> bool {
            self.has_more
        }
        fn into_items(self) -> Vec<u32> {
            self.items
        }
    }

    /// A list of `total` numbers served `limit` at a time, recording the offsets asked.
    fn list(
        total: u32,
        calls: std::sync::Arc<std::sync::Mutex<Vec<u32>>>,
    ) -> impl FnMut(u32, u32) -> std::future::Ready<Result<Numbers>> {
        move |offset, limit| {
            calls.lock().unwrap().push(offset);
            let end = total.min(offset + limit);
            std::future::ready(Ok(Numbers {
                items: (offset..end).collect(),
                has_more: end < total,
            }))
        }
    }

    #[tokio::test]
    async fn every_item_comes_once_a_page_at_a_time() {
        for total in [0, 1, 3, 4, 9] {
            let calls = std::sync::Arc::default();
            let all: Vec<u32> = paged(3, list(total, std::sync::Arc::clone(&calls)))
                .try_collect()
                .await
                .unwrap();
            assert_eq!(all, (0..total).collect::<Vec<_>>(), "{total}");
            let expected: Vec<u32> = (0..total.max(1)).step_by(3).collect();
            assert_eq!(*calls.lock().unwrap(), expected, "{total}");
        }
    }

    #[tokio::test]
    async fn an_error_ends_the_stream_and_an_empty_page_cannot_loop() {
        let failing = paged(3, |_, _| async {
            Err::<Numbers, _>(Error::Config("down".into()))
        });
        let mut failing = std::pin::pin!(failing);
        assert!(failing.try_next().await.is_err());
        assert!(futures_util::StreamExt::next(&mut failing).await.is_none());

        let stuck = paged(3, |_, _| async {
            Ok(Numbers {
                items: Vec::new(),
                has_more: true,
            })
        });
        let results: Vec<Result<u32>> = futures_util::StreamExt::collect(stuck).await;
        assert_eq!(results.len(), 1);
        assert!(matches!(results[0], Err(Error::Pagination(_))));
    }
}
