use std::collections::HashSet;

use proptest::prelude::*;
use proptest::test_runner::Config;

use super::*;

fn message(index: usize, received: f64) -> Message {
    serde_json::from_value(serde_json::json!({
        "_id": format!("m{index:04}"), "authorId": "a", "role": "appUser", "type": "text",
        "received": received, "text": "hi"
    }))
    .unwrap()
}

/// A walk that never touches the network: the tests hand it pages with `take`.
fn walk(direction: Direction, first: Cursor) -> Walk {
    // Built once: a client loads the TLS roots.
    static CLIENT: std::sync::LazyLock<Client> =
        std::sync::LazyLock::new(|| Client::builder().basic_auth("k", "s").build().unwrap());
    Walk::new(CLIENT.clone(), "app", "user", direction, first)
}

/// What a walk yielded from a server, page by page.
struct Walked {
    /// Each page asked for, and the messages yielded from it.
    pages: Vec<(Cursor, Vec<Message>)>,
    /// The error that ended the walk, if any.
    error: Option<Error>,
}

impl Walked {
    fn messages(&self) -> impl Iterator<Item = &Message> {
        self.pages.iter().flat_map(|(_, page)| page)
    }
}

/// Walks `server` (the page answered at a cursor) as `step` does, at most `runaway` pages: a
/// walk that would loop ends the test there instead of hanging it.
fn drive(mut walk: Walk, mut server: impl FnMut(Cursor) -> Vec<Message>, runaway: usize) -> Walked {
    let mut walked = Walked {
        pages: Vec::new(),
        error: None,
    };
    loop {
        while let Some(item) = walk.ready() {
            match item {
                Ok(message) => match walked.pages.last_mut() {
                    Some((_, page)) => page.push(message),
                    None => panic!("a message before any page"),
                },
                Err(error) => {
                    walked.error = Some(error);
                    assert!(walk.ready().is_none(), "the error ends the walk");
                    assert!(walk.next.is_none(), "no page follows the error");
                    return walked;
                }
            }
        }
        let Some(at) = walk.next.take() else {
            return walked;
        };
        if walked.pages.len() >= runaway {
            walked.error = Some(Error::Config("runaway".into()));
            return walked;
        }
        walked.pages.push((at, Vec::new()));
        walk.take(at, server(at));
    }
}

/// The messages of a conversation, oldest first.
struct Conversation(Vec<Message>);

impl std::fmt::Debug for Conversation {
    /// The times only: the ids are the positions.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let times: Vec<f64> = self
            .0
            .iter()
            .map(|m| m.received.as_unix_seconds())
            .collect();
        write!(f, "Conversation({times:?})")
    }
}

impl Conversation {
    /// The page an honest server answers at `at`, oldest first.
    fn page(&self, at: Cursor) -> Vec<Message> {
        let all = &self.0;
        let (start, end) = match at {
            Cursor::Before(before) => {
                let end = all.partition_point(|m| m.received < before);
                (end.saturating_sub(PAGE_ITEMS), end)
            }
            Cursor::After(after) => {
                let start = all.partition_point(|m| m.received <= after);
                (start, (start + PAGE_ITEMS).min(all.len()))
            }
            _ => (all.len().saturating_sub(PAGE_ITEMS), all.len()),
        };
        all[start..end].to_vec()
    }

    /// Whether `PAGE_ITEMS` messages lie within one `OVERLAP`: no bound can page past them.
    fn crowded(&self) -> bool {
        self.0.windows(PAGE_ITEMS).any(|w| {
            w[PAGE_ITEMS - 1].received.as_unix_seconds() - w[0].received.as_unix_seconds()
                <= OVERLAP
        })
    }
}

#[test]
fn a_page_repeated_from_two_pages_back_and_a_message_twice_in_a_page_come_once() {
    let all = Conversation((0..250).map(|i| message(i, 1000.0 + i as f64)).collect());
    let mut pages = 0;
    let walked = drive(
        walk(Direction::Back, Cursor::Latest),
        |at| {
            pages += 1;
            let mut page = all.page(at);
            if pages == 3 {
                // The third page repeats the first page's newest messages (outside its bound),
                // and one of its own twice.
                page.extend(all.0[240..].iter().cloned());
                page.push(page[0].clone());
            }
            page
        },
        10,
    );
    assert!(walked.error.is_none(), "{:?}", walked.error);
    let ids: Vec<&str> = walked.messages().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 250, "{ids:?}");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 250);
}

#[test]
fn forward_drops_what_lies_before_the_time_asked_for() {
    // 150 messages; "since" falls between 49 and 50. A server that ignores `after` answers the
    // first 100 messages: the 50 older than the time are not "since".
    let all = Conversation((0..150).map(|i| message(i, 1000.0 + i as f64)).collect());
    let since = Timestamp::from_unix_seconds(1049.5).unwrap();
    let walked = drive(
        walk(Direction::Forward, Cursor::After(since)),
        |_| all.page(Cursor::After(Timestamp::from_unix_seconds(0.0).unwrap())),
        10,
    );
    assert!(walked.messages().all(|m| m.received > since));
    assert_eq!(walked.messages().count(), 50, "messages 50..100, once");
    assert!(matches!(
        walked.error,
        Some(Error::Pagination(PaginationError {
            stream: "forward",
            stall: Stall::StuckCursor { .. },
        }))
    ));
}

#[test]
fn timestamps_at_the_edge_of_the_range_neither_overflow_nor_loop() {
    for edge in [f64::MAX, -f64::MAX, f64::MIN_POSITIVE, 0.0] {
        let all = Conversation((0..PAGE_ITEMS).map(|i| message(i, edge)).collect());
        for (direction, first) in [
            (Direction::Back, Cursor::Latest),
            (
                Direction::Forward,
                Cursor::After(Timestamp::from_unix_seconds(-f64::MAX).unwrap()),
            ),
        ] {
            let walked = drive(walk(direction, first), |at| all.page(at), 10);
            let next = walked.pages.iter().map(|(at, _)| *at).collect::<Vec<_>>();
            assert!(walked.pages.len() <= 2, "{edge}: {next:?}");
            assert!(walked.messages().count() <= PAGE_ITEMS, "{edge}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A generated lying server
// ---------------------------------------------------------------------------------------------

/// How the server answers one request.
#[derive(Clone, Copy, Debug)]
enum Lie {
    /// The page at the cursor.
    Honest,
    /// The page at the first cursor, whatever the cursor.
    IgnoresBound,
    /// The page it answered last, again.
    RepeatsItself,
    /// The honest page with one message twice.
    DuplicateWithin,
    /// The honest page, with messages from outside its bound (on both sides).
    OutsideBound,
    /// The honest page, newest first.
    Reversed,
    /// The first half of the honest page.
    Short,
}

fn lie() -> impl Strategy<Value = Lie> {
    prop_oneof![
        4 => Just(Lie::Honest),
        1 => Just(Lie::IgnoresBound),
        1 => Just(Lie::RepeatsItself),
        1 => Just(Lie::DuplicateWithin),
        1 => Just(Lie::OutsideBound),
        1 => Just(Lie::Reversed),
        1 => Just(Lie::Short),
    ]
}

/// A conversation whose times step by 0, half a millisecond, a millisecond or more, so that
/// messages share times and page boundaries fall inside groups of them.
fn conversation() -> impl Strategy<Value = Conversation> {
    let step = prop_oneof![Just(0u64), Just(1), Just(2), Just(500), Just(2000)];
    proptest::collection::vec(step, 0..350).prop_map(|steps| {
        let mut half_ms = 0u64;
        let messages = steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                half_ms += step;
                message(i, 1_700_000_000.0 + half_ms as f64 * 0.0005)
            })
            .collect();
        Conversation(messages)
    })
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Whatever the server answers, `history` and `forward` end after at most one page per
    /// message they yield (and one more), yield no message twice and none outside the bound of
    /// the page it came in or of the walk, and end with at most a `Pagination` error naming the
    /// stream. An honest server gets every message of the walk's bound once, in order.
    #[test]
    fn a_lying_server_gets_each_message_once_inside_its_bounds(
        all in conversation(),
        lies in proptest::collection::vec(lie(), 1..8),
        forward in any::<bool>(),
        since in 0..400usize,
    ) {
        let honest = lies.iter().all(|lie| matches!(lie, Lie::Honest));
        let (direction, first) = if forward {
            // Often on a message's time, so that the bound cuts a group of equal times.
            let since = all
                .0
                .get(since)
                .map_or(1_699_999_999.0, |m| m.received.as_unix_seconds());
            (Direction::Forward, Cursor::After(Timestamp::from_unix_seconds(since).unwrap()))
        } else {
            (Direction::Back, Cursor::Latest)
        };
        let mut requests = 0;
        let mut last = Vec::new();
        let walked = drive(
            walk(direction, first),
            |at| {
                let lie = lies[requests % lies.len()];
                requests += 1;
                let honest = all.page(at);
                let page = match lie {
                    Lie::Honest => honest,
                    Lie::IgnoresBound => all.page(first),
                    Lie::RepeatsItself if !last.is_empty() => last.clone(),
                    Lie::RepeatsItself => honest,
                    Lie::DuplicateWithin => {
                        let mut page = honest;
                        if let Some(first) = page.first().cloned() {
                            page.insert(page.len() / 2, first);
                        }
                        page
                    }
                    Lie::OutsideBound => {
                        let mut page = honest;
                        page.extend(all.0.iter().take(3).cloned());
                        page.extend(all.0.iter().rev().take(3).cloned());
                        page
                    }
                    Lie::Reversed => honest.into_iter().rev().collect(),
                    Lie::Short => {
                        let mut page = honest;
                        page.truncate(page.len() / 2);
                        page
                    }
                };
                last = page.clone();
                page
            },
            all.0.len() + 10,
        );

        let yielded: Vec<&Message> = walked.messages().collect();
        prop_assert!(
            walked.pages.len() <= yielded.len() + 1,
            "{} pages for {} messages",
            walked.pages.len(),
            yielded.len()
        );
        let ids: HashSet<&str> = yielded.iter().map(|m| m.id.as_str()).collect();
        prop_assert_eq!(ids.len(), yielded.len(), "a message came twice");
        for (at, page) in &walked.pages {
            for message in page {
                prop_assert!(inside(*at, message.received), "{:?} outside {at:?}", message.id);
                prop_assert!(inside(first, message.received), "{:?} outside {first:?}", message.id);
            }
        }
        if let Some(error) = &walked.error {
            let Error::Pagination(error) = error else {
                return Err(TestCaseError::fail(format!("{error}")));
            };
            prop_assert_eq!(error.stream, direction.stream());
        }
        if honest && !all.crowded() {
            prop_assert!(walked.error.is_none(), "{:?}", walked.error);
            let expected: HashSet<&str> = all
                .0
                .iter()
                .filter(|m| inside(first, m.received))
                .map(|m| m.id.as_str())
                .collect();
            prop_assert_eq!(ids, expected);
            let times: Vec<f64> = yielded.iter().map(|m| m.received.as_unix_seconds()).collect();
            prop_assert!(times.windows(2).all(|w| match direction {
                Direction::Back => w[0] >= w[1],
                Direction::Forward => w[0] <= w[1],
            }), "out of order");
        }
    }
}
