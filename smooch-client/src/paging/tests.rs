use std::sync::{Arc, Mutex};

use futures_util::{StreamExt, TryStreamExt};
use proptest::prelude::*;
use proptest::test_runner::Config;

use super::*;

/// A page of a list of named items.
#[derive(Clone, Debug)]
struct Names {
    items: Vec<String>,
    has_more: bool,
}

impl Page for Names {
    type Item = String;
    fn has_more(&self) -> bool {
        self.has_more
    }
    fn into_items(self) -> Vec<String> {
        self.items
    }
    fn item_id(item: &String) -> &str {
        item
    }
}

fn names(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("i{i}")).collect()
}

/// A list of `total` items served `limit` at a time, recording the offsets asked.
fn list(
    total: usize,
    calls: Arc<Mutex<Vec<u32>>>,
) -> impl FnMut(u32, u32) -> std::future::Ready<Result<Names>> {
    move |offset, limit| {
        calls.lock().unwrap().push(offset);
        let end = total.min(offset as usize + limit as usize);
        std::future::ready(Ok(Names {
            items: names((offset as usize).min(end)..end),
            has_more: end < total,
        }))
    }
}

#[tokio::test]
async fn every_item_comes_once_a_page_at_a_time() {
    for total in [0, 1, 3, 4, 9] {
        let calls = Arc::default();
        let all: Vec<String> = paged("test", 3, list(total, Arc::clone(&calls)))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all, names(0..total), "{total}");
        let expected: Vec<u32> = (0..total.max(1) as u32).step_by(3).collect();
        assert_eq!(*calls.lock().unwrap(), expected, "{total}");
    }
}

#[tokio::test]
async fn an_error_ends_the_stream_and_an_empty_page_cannot_loop() {
    let failing = paged("test", 3, |_, _| async {
        Err::<Names, _>(Error::Config("down".into()))
    });
    let mut failing = std::pin::pin!(failing);
    assert!(failing.try_next().await.is_err());
    assert!(failing.next().await.is_none());

    let stuck = paged("apps", 3, |_, _| async {
        Ok(Names {
            items: Vec::new(),
            has_more: true,
        })
    });
    let results: Vec<Result<String>> = stuck.collect().await;
    assert_eq!(results.len(), 1);
    let Err(Error::Pagination(error)) = &results[0] else {
        panic!("{results:?}")
    };
    assert_eq!(error.stream, "apps");
    assert_eq!(error.stall, Stall::StuckOffset { offset: 0 });
    assert_eq!(
        Error::Pagination(error.clone()).to_string(),
        "apps: the page at offset 0 says more items follow, but brings none that was not yielded already"
    );
}

#[tokio::test]
async fn a_server_that_ignores_the_offset_gets_each_item_once_then_an_error() {
    let calls = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&calls);
    let stuck = paged("templates", 2, move |_, _| {
        *counted.lock().unwrap() += 1;
        std::future::ready(Ok(Names {
            items: names(0..2),
            has_more: true,
        }))
    });
    let results: Vec<Result<String>> = stuck.take(10).collect().await;
    assert_eq!(results.len(), 3, "{results:?}");
    assert_eq!(results[0].as_deref().ok(), Some("i0"));
    assert_eq!(results[1].as_deref().ok(), Some("i1"));
    assert!(matches!(
        &results[2],
        Err(Error::Pagination(PaginationError {
            stream: "templates",
            stall: Stall::StuckOffset { offset: 2 },
        }))
    ));
    assert_eq!(*calls.lock().unwrap(), 2);
}

#[tokio::test]
async fn an_offset_past_the_largest_is_an_error_after_the_page() {
    let walk = Walk {
        stream: "apps",
        fetch: |_, _| {
            std::future::ready(Ok(Names {
                items: names(0..3),
                has_more: true,
            }))
        },
        limit: 3,
        offset: Some(u32::MAX - 1),
        page: VecDeque::new(),
        seen: Recent::new(),
        stuck: None,
    };
    let results: Vec<Result<String>> = futures_util::stream::unfold(walk, Walk::step)
        .take(10)
        .collect()
        .await;
    assert_eq!(results.len(), 4, "{results:?}");
    assert!(matches!(
        &results[3],
        Err(Error::Pagination(PaginationError {
            stall: Stall::OffsetOverflow {
                offset: 4_294_967_294
            },
            ..
        }))
    ));
}

#[test]
fn the_window_forgets_the_oldest_ids_only() {
    let mut recent: Recent<String> = Recent::new();
    for i in 0..DEDUP_WINDOW {
        assert!(recent.insert(format!("{i}").as_str()));
    }
    assert!(!recent.insert("0"), "the first id is still remembered");
    assert!(recent.insert("new"));
    assert!(!recent.insert("1"), "the second one too");
    assert!(recent.insert("0"), "the first was forgotten for the newest");
    assert_eq!(recent.order.len(), DEDUP_WINDOW);
    assert_eq!(recent.ids.len(), DEDUP_WINDOW);
}

// ---------------------------------------------------------------------------------------------
// A generated lying server
// ---------------------------------------------------------------------------------------------

/// How the server answers one request.
#[derive(Clone, Copy, Debug)]
enum Lie {
    /// The page at the offset asked for.
    Honest,
    /// The first page, whatever the offset (and more follow).
    IgnoresOffset,
    /// The page that starts this many items before the offset asked for.
    Overlaps(usize),
    /// The page it answered last, again.
    RepeatsItself,
    /// The honest page with its first item twice.
    DuplicateWithin,
    /// The honest page, without `hasMore`.
    MissingHasMore,
    /// No items, and more follow.
    EmptyWithMore,
    /// The first half of the honest page, and more follow.
    Short,
}

fn lie() -> impl Strategy<Value = Lie> {
    prop_oneof![
        3 => Just(Lie::Honest),
        1 => Just(Lie::IgnoresOffset),
        1 => (1..30usize).prop_map(Lie::Overlaps),
        1 => Just(Lie::RepeatsItself),
        1 => Just(Lie::DuplicateWithin),
        1 => Just(Lie::MissingHasMore),
        1 => Just(Lie::EmptyWithMore),
        1 => Just(Lie::Short),
    ]
}

/// The server: a list of `total` items, and the lies it tells, one per request in turn (then
/// again from the first).
struct Liar {
    total: usize,
    lies: Vec<Lie>,
    requests: usize,
    last: Option<Names>,
}

impl Liar {
    fn answer(&mut self, offset: u32, limit: u32) -> Names {
        let lie = self.lies[self.requests % self.lies.len()];
        self.requests += 1;
        let page = |start: usize| {
            let start = start.min(self.total);
            let end = self.total.min(start + limit as usize);
            Names {
                items: names(start..end),
                has_more: end < self.total,
            }
        };
        let offset = offset as usize;
        let answer = match lie {
            Lie::Honest => page(offset),
            Lie::IgnoresOffset => Names {
                has_more: true,
                ..page(0)
            },
            Lie::Overlaps(back) => page(offset.saturating_sub(back)),
            Lie::RepeatsItself => self.last.clone().unwrap_or_else(|| page(offset)),
            Lie::DuplicateWithin => {
                let mut honest = page(offset);
                if let Some(first) = honest.items.first().cloned() {
                    honest.items.push(first);
                }
                honest
            }
            Lie::MissingHasMore => Names {
                has_more: false,
                ..page(offset)
            },
            Lie::EmptyWithMore => Names {
                items: Vec::new(),
                has_more: true,
            },
            Lie::Short => {
                let mut honest = page(offset);
                honest.items.truncate(honest.items.len() / 2);
                honest.has_more = true;
                honest
            }
        };
        self.last = Some(answer.clone());
        answer
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Whatever the server answers: the stream ends after at most one request per item it
    /// yields (and one more), yields no item twice, and ends with at most one error, which
    /// names the stream. An honest server gets every item, in order, without an error.
    #[test]
    fn a_lying_server_gets_each_item_once_and_the_stream_ends(
        total in 0..300usize,
        limit in 1..20u32,
        lies in proptest::collection::vec(lie(), 1..8),
    ) {
        let honest = lies.iter().all(|lie| matches!(lie, Lie::Honest));
        let server = Arc::new(Mutex::new(Liar { total, lies, requests: 0, last: None }));
        // Far more requests than a stream that ends may make: past them, the server fails, so
        // a stream that would loop fails this test instead of hanging it.
        let runaway = 2 * total + 10;
        let asked = Arc::clone(&server);
        let stream = paged("integrations", limit, move |offset, limit| {
            let mut server = asked.lock().unwrap();
            std::future::ready(if server.requests >= runaway {
                Err(Error::Config("runaway".into()))
            } else {
                Ok(server.answer(offset, limit))
            })
        });
        let results: Vec<Result<String>> = futures_executor(stream.collect());
        let requests = server.lock().unwrap().requests;

        let items: Vec<&String> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
        let errors: Vec<&Error> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        prop_assert!(requests <= items.len() + 1, "{requests} requests for {} items", items.len());
        let distinct: std::collections::HashSet<&&String> = items.iter().collect();
        prop_assert_eq!(distinct.len(), items.len(), "an item came twice: {:?}", items);
        prop_assert!(errors.len() <= 1, "{errors:?}");
        if let Some(error) = errors.first() {
            prop_assert!(results.last().is_some_and(|r| r.is_err()), "the error is last");
            let Error::Pagination(error) = error else {
                return Err(TestCaseError::fail(format!("{error}")));
            };
            prop_assert_eq!(error.stream, "integrations");
        }
        if honest {
            prop_assert!(errors.is_empty());
            let expected = names(0..total);
            prop_assert_eq!(items, expected.iter().collect::<Vec<_>>());
        }
    }
}

/// Runs a future to completion on a fresh single-threaded runtime.
fn futures_executor<T>(future: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}
