//! Faults × calls: for every fault the fake can inject, what the caller of an idempotent call
//! (`get_messages`) and of `post_message` gets, how many attempts were made and why they
//! stopped, whether it may have been delivered, and that a posted message is stored at most
//! once.
//!
//! `smooch-client/src/retry_matrix.md` documents the same rows (a test below keeps them in
//! step). Each fault is injected once (a retry would succeed), three times (the three attempts
//! run out) where it is retried, and once with retries disabled; then come the limits: a call
//! refused before sending, the call's deadline, an empty retry budget, the longest waits; the
//! forms of `Retry-After` (long, past, a date, unparseable), never undercut; a removal retried
//! after it may have taken effect; and streams against pages that lie.

use std::time::Duration;

use futures_util::StreamExt;
use serde_json::json;
use smooch_client::fake::{FakeSmooch, Fault};
use smooch_client::models::{MessagePost, Role};
use smooch_client::{
    Client, ConversationApi, DEFAULT_CALL_TIMEOUT, Error, MenuApi, RetryBudget, RetryPolicy, Stop,
};

const APP: &str = "app";
const USER: &str = "user";
/// Where the injected redirects point: nothing listens there, so following one would fail.
const ELSEWHERE: &str = "http://127.0.0.1:1/elsewhere";
/// The client's timeout, generous so a loaded machine does not time out by accident;
/// [`Kind::Slow`] answers after three seconds.
const TIMEOUT: Duration = Duration::from_secs(1);

/// The faults of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// 429 with `Retry-After: 1` (within the policy's 1 s `max_delay`: waited).
    RateLimitedWithRetryAfter,
    /// 429 without `Retry-After`.
    RateLimited,
    /// 500 with Smooch's error body.
    Status500,
    /// 503 with Smooch's error body.
    Status503,
    /// 502 with an HTML page, as a proxy sends it.
    Html502,
    /// The request is handled; the success body is cut in half.
    TruncatedJson,
    /// The request is handled; the success body is not JSON.
    MalformedJson,
    /// The request is handled; the answer comes after 3 s, past the 1 s timeout.
    Slow,
    /// The request is handled; the connection is cut in the middle of the response body.
    Dropped,
    /// A 303 redirect to another host (a followed POST would become a GET there).
    Redirect303,
    /// A 307 redirect to another host (a followed POST would be sent there again).
    Redirect307,
    /// A user id longer than the client sends: nothing can be sent.
    TooLongId,
    /// The request is handled; the answer comes after 3 s, past the call's 300 ms deadline.
    PastTheDeadline,
    /// The request is handled; the success answer has an empty body.
    EmptyBody,
    /// 429 with `Retry-After: 18446744073709551615` (`u64::MAX` seconds).
    LongestRetryAfter,
    /// 500, then 404 on the retry (the first attempt may have removed the menu).
    GoneAfter500,
    /// An answer slower than the timeout (the menu was removed), then 404 on the retry.
    GoneAfterSlow,
    /// The connection dropped mid-response (the menu was removed), then 404 on the retry.
    GoneAfterDropped,
    /// The same list page, more to follow, whatever the offset: two apps.
    RepeatedListPage,
    /// List pages that overlap: apps 1-2, 2-3, then 3-4 (the last).
    OverlappingListPages,
    /// The same full page of 100 messages, whatever the bound.
    RepeatedMessagePage,
    /// Two full pages of 100 messages, then the last 50; the third also repeats ten messages
    /// of the first (outside its bound) and one of its own.
    MessagesFromTwoPagesBack,
    /// 429 with `Retry-After: 30`, past the policy's 1 s cap.
    LongRetryAfter429,
    /// 503 with `Retry-After: 30`, past the policy's 1 s cap.
    LongRetryAfter503,
    /// 429 with `Retry-After: 1`, longer than what is left of the call's 300 ms deadline.
    RetryAfterPastTheDeadline,
    /// 429 with `Retry-After` an HTTP date in the past: nothing to wait for.
    RetryAfterInThePast,
    /// 429 with `Retry-After` an HTTP date in the year 9999.
    RetryAfterDate,
    /// 429 with a `Retry-After` that is neither seconds nor a date: as if there were none.
    RetryAfterUnparseable,
}

use Kind::*;

impl Kind {
    /// The faults of the first three tables: each has rows injected once, with retries
    /// disabled, and (where it is retried) until the attempts run out.
    const FAULTS: [Kind; 12] = [
        RateLimitedWithRetryAfter,
        RateLimited,
        Status500,
        Status503,
        Html502,
        TruncatedJson,
        MalformedJson,
        EmptyBody,
        Slow,
        Dropped,
        Redirect303,
        Redirect307,
    ];

    /// The removals whose retry finds the menu gone.
    const GONE: [Kind; 3] = [GoneAfter500, GoneAfterSlow, GoneAfterDropped];

    /// The forms of `Retry-After`, each for both calls.
    const RETRY_AFTER: [Kind; 6] = [
        LongRetryAfter429,
        LongRetryAfter503,
        RetryAfterPastTheDeadline,
        RetryAfterInThePast,
        RetryAfterDate,
        RetryAfterUnparseable,
    ];

    /// The lying pages, and the stream each is for.
    const LIES: [(Kind, Call); 4] = [
        (RepeatedListPage, Apps),
        (OverlappingListPages, Apps),
        (RepeatedMessagePage, History),
        (MessagesFromTwoPagesBack, History),
    ];

    fn fault(self) -> Option<Fault> {
        Some(match self {
            RateLimitedWithRetryAfter | RetryAfterPastTheDeadline => {
                Fault::rate_limited(Some(Duration::from_secs(1)))
            }
            LongRetryAfter429 => Fault::rate_limited(Some(Duration::from_secs(30))),
            LongRetryAfter503 => Fault::Status {
                status: 503,
                retry_after: Some("30".into()),
            },
            RetryAfterInThePast => Fault::Status {
                status: 429,
                retry_after: Some("Wed, 21 Oct 2015 07:28:00 GMT".into()),
            },
            RetryAfterDate => Fault::Status {
                status: 429,
                retry_after: Some("Fri, 31 Dec 9999 23:59:59 GMT".into()),
            },
            RetryAfterUnparseable => Fault::Status {
                status: 429,
                retry_after: Some("soon".into()),
            },
            RateLimited => Fault::rate_limited(None),
            Status500 | GoneAfter500 => Fault::status(500),
            Status503 => Fault::status(503),
            Html502 => Fault::HtmlError(502),
            TruncatedJson => Fault::TruncatedBody,
            MalformedJson => Fault::MalformedBody,
            EmptyBody => Fault::EmptyBody,
            Slow | PastTheDeadline | GoneAfterSlow => Fault::Delay(Duration::from_secs(3)),
            Dropped | GoneAfterDropped => Fault::DropConnection,
            Redirect303 => Fault::redirect(303, ELSEWHERE),
            Redirect307 => Fault::redirect(307, ELSEWHERE),
            LongestRetryAfter => Fault::Status {
                status: 429,
                retry_after: Some(u64::MAX.to_string()),
            },
            TooLongId
            | RepeatedListPage
            | OverlappingListPages
            | RepeatedMessagePage
            | MessagesFromTwoPagesBack => return None,
        })
    }

    /// What the fake answers, request by request: the fault `injected` times, then (for a
    /// removal) the 404 of a menu already gone, or the lying pages.
    fn faults(self, injected: usize) -> Vec<Fault> {
        let page = |apps: &[u32], more: bool| {
            let apps: Vec<_> = apps
                .iter()
                .map(|i| json!({"_id": format!("app{i}"), "appToken": "t", "name": "App"}))
                .collect();
            Fault::answer(200, json!({"apps": apps, "hasMore": more}).to_string())
        };
        match self {
            RepeatedListPage => vec![page(&[1, 2], true); 2],
            OverlappingListPages => vec![
                page(&[1, 2], true),
                page(&[2, 3], true),
                page(&[3, 4], false),
            ],
            RepeatedMessagePage => vec![messages(200..300, &[]); 2],
            MessagesFromTwoPagesBack => vec![
                messages(200..300, &[]),
                messages(100..200, &[]),
                messages(
                    50..100,
                    &[200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 60],
                ),
            ],
            _ => {
                let mut faults: Vec<Fault> =
                    self.fault().into_iter().cycle().take(injected).collect();
                if Kind::GONE.contains(&self) {
                    faults.push(Fault::status(404));
                }
                faults
            }
        }
    }

    /// The items a stream yields before it ends.
    fn items(self) -> usize {
        match self {
            RepeatedListPage => 2,
            OverlappingListPages => 4,
            RepeatedMessagePage => 100,
            MessagesFromTwoPagesBack => 250,
            _ => 0,
        }
    }

    /// At least how long the error must say Smooch asked to wait (`Error::retry_after`), for
    /// the faults that ask in a form that can be read.
    fn asked(self) -> Option<Duration> {
        match self {
            RateLimitedWithRetryAfter | RetryAfterPastTheDeadline => Some(Duration::from_secs(1)),
            LongRetryAfter429 | LongRetryAfter503 => Some(Duration::from_secs(30)),
            // Over 7,000 years from any clock this test runs on.
            RetryAfterDate => Some(Duration::from_secs(7_000 * 365 * 24 * 3600)),
            LongestRetryAfter => Some(Duration::from_secs(u64::MAX)),
            _ => None,
        }
    }

    /// The user the call is for.
    fn user(self) -> String {
        match self {
            TooLongId => "u".repeat(smooch_client::MAX_VALUE_LEN + 1),
            _ => USER.to_owned(),
        }
    }
}

/// A page of `get_messages` holding the messages at these positions (each at 1,700,000,000 s
/// plus its position), and then those of `extra`.
fn messages(positions: std::ops::Range<u32>, extra: &[u32]) -> Fault {
    let messages: Vec<_> = positions
        .chain(extra.iter().copied())
        .map(|i| {
            json!({
                "_id": format!("m{i:04}"), "authorId": "a", "role": "appUser", "type": "text",
                "received": 1_700_000_000.0 + f64::from(i), "text": "hi"
            })
        })
        .collect();
    Fault::answer(200, json!({ "messages": messages }).to_string())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    /// `get_messages` on a user with one message (idempotent).
    Get,
    /// `post_message` to a user without a conversation (not idempotent).
    Post,
    /// `delete_menu`: a removal that answers the menu (`Option<MenuResponse>`).
    Remove,
    /// The `apps(None)` stream, read to its end.
    Apps,
    /// The `history` stream of a user, read to its end.
    History,
}

impl Call {
    /// The call's name in `retry_matrix.md`.
    fn label(self) -> &'static str {
        match self {
            Get => "GET",
            Post => "POST",
            Remove => "DELETE",
            Apps => "`apps`",
            History => "`history`",
        }
    }
}

use Call::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Policy {
    /// 3 attempts, 5 ms base delay, 1 s cap.
    Three,
    /// [`RetryPolicy::disabled`]: 1 attempt.
    Disabled,
    /// `Three`, with a call timeout (deadline) of 300 ms.
    Deadline,
    /// `Three`, with a retry budget that is empty.
    EmptyBudget,
    /// `Three` without a cap (`max_delay: Duration::MAX`), with the default call deadline.
    Uncapped,
    /// `Uncapped`, with a base delay of `Duration::MAX` too.
    LongestBackoff,
}

impl Policy {
    fn retry(self) -> RetryPolicy {
        let three = RetryPolicy::default()
            .with_max_attempts(3)
            .with_base_delay(Duration::from_millis(5))
            .with_max_delay(Duration::from_secs(1));
        match self {
            Policy::Three | Policy::Deadline => three,
            Policy::Disabled => RetryPolicy::disabled(),
            Policy::EmptyBudget => three.with_budget(Some(RetryBudget::default().with_capacity(0))),
            Policy::Uncapped => three.with_max_delay(Duration::MAX),
            Policy::LongestBackoff => three
                .with_max_delay(Duration::MAX)
                .with_base_delay(Duration::MAX),
        }
    }

    fn call_timeout(self) -> Option<Duration> {
        match self {
            Policy::Deadline => Some(Duration::from_millis(300)),
            Policy::Uncapped | Policy::LongestBackoff => Some(DEFAULT_CALL_TIMEOUT),
            _ => None,
        }
    }

    /// What `retry_matrix.md` adds to a fault's name for this policy.
    fn label(self) -> &'static str {
        match self {
            Policy::EmptyBudget => ", the retry budget empty",
            Policy::Uncapped => ", no cap (`max_delay` of `Duration::MAX`)",
            Policy::LongestBackoff => ", a base delay and cap of `Duration::MAX`",
            _ => "",
        }
    }
}

/// What the caller gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gets {
    Ok,
    /// `Error::Api` with this status.
    Api(u16),
    /// `Error::Timeout`.
    Timeout,
    /// `Error::Transport`.
    Transport,
    /// `Error::Decode` of a success answer with this status.
    Decode(u16),
    /// `Error::Decode` of a success answer with this status and an empty body, which it says.
    Empty(u16),
    /// `Error::Pagination`, naming the stream.
    Pagination,
    /// `Error::InvalidInput`: refused before sending.
    Invalid,
    /// Anything else (never expected).
    Other,
}

/// One cell of the matrix.
#[derive(Clone, Copy, Debug)]
struct Row {
    kind: Kind,
    call: Call,
    /// How many times the fault is injected.
    injected: usize,
    policy: Policy,
    gets: Gets,
    /// Attempts made: both `error.attempts().count` and the requests the fake received.
    attempts: u32,
    /// `error.attempts().stop`; `None` for `Ok`.
    stop: Option<Stop>,
    /// Messages the call stored in the fake (a GET stores none).
    stored: usize,
    /// `error.may_have_been_delivered()`.
    delivered: bool,
}

const fn get(kind: Kind) -> Row {
    Row {
        kind,
        call: Get,
        injected: 1,
        policy: Policy::Three,
        gets: Gets::Ok,
        attempts: 0,
        stop: None,
        stored: 0,
        delivered: false,
    }
}

const fn post(kind: Kind) -> Row {
    Row {
        call: Post,
        ..get(kind)
    }
}

const fn remove(kind: Kind) -> Row {
    Row {
        call: Remove,
        ..get(kind)
    }
}

const fn stream(kind: Kind, call: Call) -> Row {
    Row { call, ..get(kind) }
}

impl Row {
    /// Injects the fault `n` times instead of once.
    const fn times(self, injected: usize) -> Row {
        Row { injected, ..self }
    }

    const fn disabled(self) -> Row {
        Row {
            policy: Policy::Disabled,
            ..self
        }
    }

    const fn ok(self, attempts: u32) -> Row {
        Row {
            gets: Gets::Ok,
            attempts,
            stop: None,
            ..self
        }
    }

    const fn fails(self, gets: Gets, attempts: u32, stop: Stop) -> Row {
        Row {
            gets,
            attempts,
            stop: Some(stop),
            delivered: matches!(stop, Stop::MayHaveBeenDelivered),
            ..self
        }
    }

    const fn undecodable(self, status: u16) -> Row {
        Row {
            gets: Gets::Decode(status),
            attempts: 1,
            stop: Some(Stop::Answered),
            delivered: true,
            ..self
        }
    }

    /// A success answer with an empty body where JSON was expected.
    const fn empty(self, status: u16) -> Row {
        Row {
            gets: Gets::Empty(status),
            ..self.undecodable(status)
        }
    }

    /// A stream that ends with `Error::Pagination` after `requests` pages.
    const fn stalls(self, requests: u32) -> Row {
        Row {
            gets: Gets::Pagination,
            attempts: requests,
            stop: None,
            ..self
        }
    }

    /// Refused before sending: nothing attempted, nothing stored.
    const fn refused(self) -> Row {
        Row {
            gets: Gets::Invalid,
            attempts: 0,
            stop: None,
            ..self
        }
    }

    /// The request may have taken effect although the stop reason is another.
    const fn delivered(self) -> Row {
        Row {
            delivered: true,
            ..self
        }
    }

    const fn with(self, policy: Policy) -> Row {
        Row { policy, ..self }
    }

    const fn stores(self, stored: usize) -> Row {
        Row { stored, ..self }
    }
}

use Stop::{Exhausted, MayHaveBeenDelivered as Maybe, NotRetryable};
use smooch_client::AppApi;
use smooch_client::models::Cursor;

/// The matrix. `post(..).ok(2).stores(1)`: the first attempt failed, the second succeeded, and
/// the message was stored once.
const ROWS: &[Row] = &[
    // 429 with Retry-After: retried for both calls (nothing was processed).
    get(RateLimitedWithRetryAfter).ok(2),
    post(RateLimitedWithRetryAfter).ok(2).stores(1),
    get(RateLimitedWithRetryAfter)
        .times(3)
        .fails(Gets::Api(429), 3, Exhausted),
    post(RateLimitedWithRetryAfter)
        .times(3)
        .fails(Gets::Api(429), 3, Exhausted),
    get(RateLimitedWithRetryAfter)
        .disabled()
        .fails(Gets::Api(429), 1, Exhausted),
    post(RateLimitedWithRetryAfter)
        .disabled()
        .fails(Gets::Api(429), 1, Exhausted),
    // 429 without Retry-After: the same, with backoff.
    get(RateLimited).ok(2),
    post(RateLimited).ok(2).stores(1),
    get(RateLimited)
        .times(3)
        .fails(Gets::Api(429), 3, Exhausted),
    post(RateLimited)
        .times(3)
        .fails(Gets::Api(429), 3, Exhausted),
    get(RateLimited)
        .disabled()
        .fails(Gets::Api(429), 1, Exhausted),
    post(RateLimited)
        .disabled()
        .fails(Gets::Api(429), 1, Exhausted),
    // 500: retried for GET; POST stops (the fake did not store it, but a real server might have).
    get(Status500).ok(2),
    post(Status500).fails(Gets::Api(500), 1, Maybe),
    get(Status500).times(3).fails(Gets::Api(500), 3, Exhausted),
    get(Status500)
        .disabled()
        .fails(Gets::Api(500), 1, Exhausted),
    post(Status500).disabled().fails(Gets::Api(500), 1, Maybe),
    // 503: the same.
    get(Status503).ok(2),
    post(Status503).fails(Gets::Api(503), 1, Maybe),
    get(Status503).times(3).fails(Gets::Api(503), 3, Exhausted),
    get(Status503)
        .disabled()
        .fails(Gets::Api(503), 1, Exhausted),
    post(Status503).disabled().fails(Gets::Api(503), 1, Maybe),
    // An HTML 502 page from a proxy: the same as any 5xx.
    get(Html502).ok(2),
    post(Html502).fails(Gets::Api(502), 1, Maybe),
    get(Html502).times(3).fails(Gets::Api(502), 3, Exhausted),
    get(Html502).disabled().fails(Gets::Api(502), 1, Exhausted),
    post(Html502).disabled().fails(Gets::Api(502), 1, Maybe),
    // Truncated JSON on a success status: a decode error, never retried; the POST was stored.
    get(TruncatedJson).undecodable(200),
    post(TruncatedJson).undecodable(201).stores(1),
    get(TruncatedJson).disabled().undecodable(200),
    post(TruncatedJson).disabled().undecodable(201).stores(1),
    // Malformed JSON on a success status: the same.
    get(MalformedJson).undecodable(200),
    post(MalformedJson).undecodable(201).stores(1),
    get(MalformedJson).disabled().undecodable(200),
    post(MalformedJson).disabled().undecodable(201).stores(1),
    // An answer slower than the timeout: retried for GET; POST stops, stored exactly once.
    get(Slow).ok(2),
    post(Slow).fails(Gets::Timeout, 1, Maybe).stores(1),
    get(Slow).times(3).fails(Gets::Timeout, 3, Exhausted),
    get(Slow).disabled().fails(Gets::Timeout, 1, Exhausted),
    post(Slow)
        .disabled()
        .fails(Gets::Timeout, 1, Maybe)
        .stores(1),
    // The connection dropped mid-response: the same, as a transport error.
    get(Dropped).ok(2),
    post(Dropped).fails(Gets::Transport, 1, Maybe).stores(1),
    get(Dropped).times(3).fails(Gets::Transport, 3, Exhausted),
    get(Dropped).disabled().fails(Gets::Transport, 1, Exhausted),
    post(Dropped)
        .disabled()
        .fails(Gets::Transport, 1, Maybe)
        .stores(1),
    // A redirect is never followed: an error with the status, for every call, never retried.
    get(Redirect303).fails(Gets::Api(303), 1, NotRetryable),
    post(Redirect303).fails(Gets::Api(303), 1, NotRetryable),
    get(Redirect303)
        .disabled()
        .fails(Gets::Api(303), 1, NotRetryable),
    post(Redirect303)
        .disabled()
        .fails(Gets::Api(303), 1, NotRetryable),
    get(Redirect307).fails(Gets::Api(307), 1, NotRetryable),
    post(Redirect307).fails(Gets::Api(307), 1, NotRetryable),
    get(Redirect307)
        .disabled()
        .fails(Gets::Api(307), 1, NotRetryable),
    post(Redirect307)
        .disabled()
        .fails(Gets::Api(307), 1, NotRetryable),
    // The limits: refused before sending, the deadline, an empty retry budget.
    get(TooLongId).refused(),
    post(TooLongId).refused(),
    get(PastTheDeadline)
        .with(Policy::Deadline)
        .fails(Gets::Timeout, 1, Stop::Deadline),
    post(PastTheDeadline)
        .with(Policy::Deadline)
        .fails(Gets::Timeout, 1, Stop::Deadline)
        .delivered()
        .stores(1),
    get(Status503)
        .with(Policy::EmptyBudget)
        .fails(Gets::Api(503), 1, Stop::BudgetExhausted),
    post(RateLimited)
        .with(Policy::EmptyBudget)
        .fails(Gets::Api(429), 1, Stop::BudgetExhausted),
    // An empty body where JSON is expected: a decode error that says so; the POST was stored.
    get(EmptyBody).empty(200),
    post(EmptyBody).empty(201).stores(1),
    get(EmptyBody).disabled().empty(200),
    post(EmptyBody).disabled().empty(201).stores(1),
    // The longest waits, from the server or the policy: the call stops (for the wait Smooch
    // asked, longer than the deadline leaves; at the deadline for the policy's), nothing
    // overflows.
    get(LongestRetryAfter)
        .with(Policy::Uncapped)
        .fails(Gets::Api(429), 1, Stop::RetryAfter),
    post(LongestRetryAfter)
        .with(Policy::Uncapped)
        .fails(Gets::Api(429), 1, Stop::RetryAfter),
    get(Status503)
        .with(Policy::LongestBackoff)
        .fails(Gets::Api(503), 1, Stop::Deadline),
    post(RateLimited)
        .with(Policy::LongestBackoff)
        .fails(Gets::Api(429), 1, Stop::Deadline),
    // A removal whose retry finds the menu gone: done, as asked (`None`: no menu came back).
    remove(GoneAfter500).ok(2),
    remove(GoneAfterSlow).ok(2),
    remove(GoneAfterDropped).ok(2),
    // A GET's 404 is an answer, whatever came before it.
    get(GoneAfter500).fails(Gets::Api(404), 2, NotRetryable),
    // Retry-After is honoured, never undercut: a wait longer than the cap or the deadline
    // stops the call at once (a 429 was not processed: nothing stored); a 503 of a POST stops
    // as any 5xx does, may have been delivered.
    get(LongRetryAfter429).fails(Gets::Api(429), 1, Stop::RetryAfter),
    post(LongRetryAfter429).fails(Gets::Api(429), 1, Stop::RetryAfter),
    get(LongRetryAfter503).fails(Gets::Api(503), 1, Stop::RetryAfter),
    post(LongRetryAfter503).fails(Gets::Api(503), 1, Maybe),
    get(RetryAfterPastTheDeadline).with(Policy::Deadline).fails(
        Gets::Api(429),
        1,
        Stop::RetryAfter,
    ),
    post(RetryAfterPastTheDeadline)
        .with(Policy::Deadline)
        .fails(Gets::Api(429), 1, Stop::RetryAfter),
    get(RetryAfterDate).fails(Gets::Api(429), 1, Stop::RetryAfter),
    post(RetryAfterDate).fails(Gets::Api(429), 1, Stop::RetryAfter),
    // A date in the past, or a value that is no wait, asks for none: retried after the backoff.
    get(RetryAfterInThePast).ok(2),
    post(RetryAfterInThePast).ok(2).stores(1),
    get(RetryAfterUnparseable).ok(2),
    post(RetryAfterUnparseable).ok(2).stores(1),
    // Streams against pages that lie: each item once, and an end.
    stream(RepeatedListPage, Apps).stalls(2),
    stream(OverlappingListPages, Apps).ok(3),
    stream(RepeatedMessagePage, History).stalls(2),
    stream(MessagesFromTwoPagesBack, History).ok(3),
];

fn client_at(base_url: &str, policy: Policy) -> Client {
    Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(base_url)
        .timeout(TIMEOUT)
        .call_timeout(policy.call_timeout())
        .retry(policy.retry())
        .build()
        .unwrap()
}

fn message(text: &str) -> MessagePost {
    MessagePost::text(Role::AppMaker, text)
}

fn stored(fake: &FakeSmooch) -> usize {
    fake.conversation(APP, USER).map_or(0, |c| c.messages.len())
}

fn gets<T>(result: &Result<T, Error>) -> Gets {
    match result {
        Ok(_) => Gets::Ok,
        Err(Error::Api(e)) => Gets::Api(e.status.as_u16()),
        Err(Error::Timeout { .. }) => Gets::Timeout,
        Err(Error::Transport { .. }) => Gets::Transport,
        Err(Error::Decode(e))
            if e.body_is_empty() && e.to_string().contains("response has an empty body") =>
        {
            Gets::Empty(e.status.as_u16())
        }
        Err(Error::Decode(e)) => Gets::Decode(e.status.as_u16()),
        Err(Error::InvalidInput { .. }) => Gets::Invalid,
        Err(Error::Pagination(_)) => Gets::Pagination,
        Err(_) => Gets::Other,
    }
}

/// What reading a stream to its end came to.
struct Read {
    /// The items yielded (each counted once).
    items: usize,
    /// `Ok` with the count, or the error it ended with.
    result: Result<usize, Error>,
    /// An item that came twice, an error before the end, no end.
    problems: Vec<String>,
}

/// Reads a stream to its end, at most 1,000 items, so that one that would not end fails the
/// row instead of hanging it.
async fn read<T, S>(stream: S, id: impl Fn(&T) -> String) -> Read
where
    S: futures_util::Stream<Item = Result<T, Error>>,
{
    let all: Vec<Result<T, Error>> = stream.take(1000).collect().await;
    let mut problems = Vec::new();
    let count = all.len();
    let mut ids = std::collections::HashSet::new();
    let mut end = None;
    for (at, item) in all.into_iter().enumerate() {
        match item {
            Ok(item) if !ids.insert(id(&item)) => {
                problems.push(format!("item {} came twice", id(&item)));
            }
            Ok(_) => {}
            Err(error) if at + 1 != count => {
                problems.push(format!("an error before the end: {error}"));
            }
            Err(error) => end = Some(error),
        }
    }
    if count == 1000 {
        problems.push("the stream did not end".to_owned());
    }
    Read {
        items: ids.len(),
        result: end.map_or(Ok(ids.len()), Err),
        problems,
    }
}

/// Runs one row against a fresh fake; `Err` lists every way it differs from the row.
async fn check(row: Row) -> Result<(), String> {
    let label = format!(
        "{:?} ×{} on {:?} with {:?} retries",
        row.kind, row.injected, row.call, row.policy
    );
    let fake = FakeSmooch::start()
        .await
        .map_err(|e| format!("{label}: fake: {e}"))?;
    let client = client_at(fake.base_url(), row.policy);
    let seeded = match row.call {
        Get => {
            // Seeded with the fake's own client (default timeout): only the call under test
            // runs with the short one.
            let seeder = fake.client().unwrap();
            seeder
                .post_message(APP, USER, &message("seed"))
                .await
                .unwrap();
            1
        }
        _ => 0,
    };
    for fault in row.kind.faults(row.injected) {
        fake.inject(1, fault);
    }
    let requests_before = fake.request_count();

    let user = row.kind.user();
    let mut problems = Vec::new();
    let result = match row.call {
        Get => client
            .get_messages(APP, &user, Cursor::Latest)
            .await
            .map(|page| page.messages.len()),
        Post => client
            .post_message(APP, &user, &message("hello"))
            .await
            .map(|_| 1),
        // 1 when the menu came back, 0 when it was already gone.
        Remove => client
            .delete_menu(APP)
            .await
            .map(|menu| usize::from(menu.is_some())),
        Apps | History => {
            let read = match row.call {
                Apps => read(client.apps(None), |app| app.id.clone()).await,
                _ => read(client.history(APP, &user), |m| m.id.to_string()).await,
            };
            problems.extend(read.problems);
            let name = if row.call == Apps { "apps" } else { "history" };
            if let Err(Error::Pagination(error)) = &read.result
                && error.stream != name
            {
                problems.push(format!("the error names {}, not {name}", error.stream));
            }
            if read.items != row.kind.items() {
                problems.push(format!(
                    "the stream yielded {} items, expected {}",
                    read.items,
                    row.kind.items()
                ));
            }
            read.result
        }
    };

    let requests = fake.request_count() - requests_before;
    let stored = stored(&fake) - seeded;
    let got = gets(&result);
    if got != row.gets {
        problems.push(format!("the caller got {got:?}, expected {:?}", row.gets));
    }
    match &result {
        Ok(count) if row.call == Get && *count != 1 => {
            problems.push(format!(
                "the page has {count} messages, expected the seeded one"
            ));
        }
        Ok(count) if row.call == Remove && *count != 0 => {
            problems.push("the menu came back, expected `None` (already gone)".to_owned());
        }
        Ok(_) => {}
        Err(error) => {
            match (error.attempts(), row.stop) {
                (Some(attempts), Some(stop))
                    if (attempts.count, attempts.stop) != (row.attempts, stop) =>
                {
                    problems.push(format!(
                        "error.attempts() is {} attempt(s), stop {:?}; expected {}, {stop:?}",
                        attempts.count, attempts.stop, row.attempts
                    ));
                }
                (None, Some(stop)) => problems.push(format!(
                    "error.attempts() is None; expected {}, {stop:?}",
                    row.attempts
                )),
                (Some(attempts), None) => {
                    problems.push(format!("error.attempts() is {attempts:?}; expected Ok"))
                }
                _ => {}
            }
            if error.may_have_been_delivered() != row.delivered {
                problems.push(format!(
                    "error.may_have_been_delivered() is not {}",
                    row.delivered
                ));
            }
            problems.extend(said_wait(row, error));
        }
    }
    if requests != row.attempts as usize {
        problems.push(format!(
            "the fake received {requests} request(s), expected {}",
            row.attempts
        ));
    }
    if stored != row.stored {
        problems.push(format!(
            "the call stored {stored} message(s), expected {}",
            row.stored
        ));
    }
    if stored > 1 {
        problems.push("THE MESSAGE WAS STORED MORE THAN ONCE".to_owned());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{label}: {}\n    result: {result:?}",
            problems.join("; ")
        ))
    }
}

/// What is wrong with what `error` says of the wait Smooch asked for: how long (uncapped,
/// whatever stopped the call), and, when that wait stopped it, that it did and (for a 429)
/// that nothing was sent.
fn said_wait(row: Row, error: &Error) -> Vec<String> {
    let mut problems = Vec::new();
    let Error::Api(api) = error else {
        return problems;
    };
    let text = error.to_string();
    match (row.kind.asked(), api.retry_after) {
        (Some(asked), Some(said)) if said >= asked => {
            if !text.contains(&format!("Smooch asked to wait {said:?}")) {
                problems.push(format!("the error does not say the wait: {text}"));
            }
        }
        (None, None) => {}
        (asked, said) => problems.push(format!(
            "error.retry_after() is {said:?}, expected at least {asked:?}"
        )),
    }
    if api.attempts.stop == Stop::RetryAfter {
        let sent = if api.status.as_u16() == 429 {
            "not sent"
        } else {
            "not retried"
        };
        if !text.contains(&format!("{sent}: Smooch asked to wait")) {
            problems.push(format!("the error does not say `{sent}`: {text}"));
        }
    }
    problems
}

/// Runs the rows of `kind` one after the other, each against its own fake, and reports every
/// failure. (Not concurrently: on a single-threaded runtime, one row's setup would delay
/// another's request towards the timeout.)
async fn run(kind: Kind) {
    let rows: Vec<Row> = ROWS
        .iter()
        .copied()
        .filter(|row| row.kind == kind)
        .collect();
    assert!(!rows.is_empty(), "no rows for {kind:?}");
    let mut failures = Vec::new();
    for row in &rows {
        if let Err(failure) = check(*row).await {
            failures.push(failure);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows for {kind:?} failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn rate_limited_with_retry_after() {
    run(RateLimitedWithRetryAfter).await;
}

#[tokio::test]
async fn rate_limited_without_retry_after() {
    run(RateLimited).await;
}

#[tokio::test]
async fn status_500() {
    run(Status500).await;
}

#[tokio::test]
async fn status_503() {
    run(Status503).await;
}

#[tokio::test]
async fn html_502_page() {
    run(Html502).await;
}

#[tokio::test]
async fn truncated_json() {
    run(TruncatedJson).await;
}

#[tokio::test]
async fn malformed_json() {
    run(MalformedJson).await;
}

#[tokio::test]
async fn slower_than_the_timeout() {
    run(Slow).await;
}

#[tokio::test]
async fn connection_dropped_mid_response() {
    run(Dropped).await;
}

#[tokio::test]
async fn redirect_303() {
    run(Redirect303).await;
}

#[tokio::test]
async fn redirect_307() {
    run(Redirect307).await;
}

#[tokio::test]
async fn id_too_long_to_send() {
    run(TooLongId).await;
}

#[tokio::test]
async fn answer_past_the_deadline() {
    run(PastTheDeadline).await;
}

#[tokio::test]
async fn empty_body() {
    run(EmptyBody).await;
}

#[tokio::test]
async fn the_longest_retry_after() {
    run(LongestRetryAfter).await;
}

#[tokio::test]
async fn a_long_retry_after_on_a_429() {
    run(LongRetryAfter429).await;
}

#[tokio::test]
async fn a_long_retry_after_on_a_503() {
    run(LongRetryAfter503).await;
}

#[tokio::test]
async fn a_retry_after_past_the_deadline() {
    run(RetryAfterPastTheDeadline).await;
}

#[tokio::test]
async fn a_retry_after_in_the_past() {
    run(RetryAfterInThePast).await;
}

#[tokio::test]
async fn a_retry_after_date() {
    run(RetryAfterDate).await;
}

#[tokio::test]
async fn an_unparseable_retry_after() {
    run(RetryAfterUnparseable).await;
}

#[tokio::test]
async fn removal_gone_after_500() {
    run(GoneAfter500).await;
}

#[tokio::test]
async fn removal_gone_after_a_timeout() {
    run(GoneAfterSlow).await;
}

#[tokio::test]
async fn removal_gone_after_a_dropped_connection() {
    run(GoneAfterDropped).await;
}

#[tokio::test]
async fn a_repeated_list_page() {
    run(RepeatedListPage).await;
}

#[tokio::test]
async fn overlapping_list_pages() {
    run(OverlappingListPages).await;
}

#[tokio::test]
async fn a_repeated_message_page() {
    run(RepeatedMessagePage).await;
}

#[tokio::test]
async fn messages_from_two_pages_back() {
    run(MessagesFromTwoPagesBack).await;
}

/// Every fault has a row per call injected once, one per call with retries disabled, and one
/// that exhausts the attempts wherever the fault is retried.
#[test]
fn the_matrix_is_complete() {
    for kind in Kind::FAULTS {
        for call in [Get, Post] {
            let rows: Vec<&Row> = ROWS
                .iter()
                .filter(|r| r.kind == kind && r.call == call)
                .filter(|r| matches!(r.policy, Policy::Three | Policy::Disabled))
                .collect();
            let once = rows
                .iter()
                .filter(|r| r.injected == 1 && r.policy == Policy::Three);
            assert_eq!(once.count(), 1, "{kind:?} on {call:?} injected once");
            let disabled = rows.iter().filter(|r| r.policy == Policy::Disabled);
            assert_eq!(
                disabled.count(),
                1,
                "{kind:?} on {call:?} with retries disabled"
            );
            let retried = rows
                .iter()
                .any(|r| r.policy == Policy::Three && r.attempts > 1);
            let exhausts = rows
                .iter()
                .any(|r| r.injected == 3 && r.stop == Some(Exhausted));
            assert_eq!(
                retried, exhausts,
                "{kind:?} on {call:?}: retried, so it must run out"
            );
        }
    }
    // A removal found gone after each fault that may have removed it succeeds.
    for kind in Kind::GONE {
        assert!(
            ROWS.iter()
                .any(|r| r.kind == kind && r.call == Remove && r.gets == Gets::Ok),
            "{kind:?}: a removal found gone"
        );
    }
    // Every form of Retry-After, for both calls.
    for kind in Kind::RETRY_AFTER {
        for call in [Get, Post] {
            assert!(
                ROWS.iter().any(|r| r.kind == kind && r.call == call),
                "{kind:?} on {call:?}"
            );
        }
    }
    // Every lie, against its stream.
    for (kind, call) in Kind::LIES {
        assert!(
            ROWS.iter().any(|r| r.kind == kind && r.call == call),
            "{kind:?} on {call:?}"
        );
    }
    // The limits, for both calls.
    for call in [Get, Post] {
        let limits = |test: &dyn Fn(&Row) -> bool| ROWS.iter().filter(|r| r.call == call).any(test);
        assert!(
            limits(&|r| r.gets == Gets::Invalid),
            "{call:?} refused before sending"
        );
        assert!(
            limits(&|r| r.stop == Some(Stop::Deadline)),
            "{call:?} past its deadline"
        );
        assert!(
            limits(&|r| r.stop == Some(Stop::BudgetExhausted)),
            "{call:?} with an empty budget"
        );
    }
}

/// A refused connection never reached the server: even `post_message` is retried, until the
/// attempts run out.
#[tokio::test]
async fn connection_refused_is_retried_even_for_post() {
    let url = smooch_tests::closed_port_url();
    for (policy, attempts) in [(Policy::Three, 3), (Policy::Disabled, 1)] {
        let client = client_at(&url, policy);
        let post = client
            .post_message(APP, USER, &message("hello"))
            .await
            .map(drop);
        let get = client
            .get_messages(APP, USER, Cursor::Latest)
            .await
            .map(drop);
        for (call, result) in [("post_message", post), ("get_messages", get)] {
            let error = result.expect_err(call);
            assert!(
                matches!(error, Error::Transport { .. }),
                "{call} {policy:?}: {error:?}"
            );
            let got = error.attempts().expect("transport errors carry attempts");
            assert_eq!(
                (got.count, got.stop),
                (attempts, Exhausted),
                "{call} with {policy:?} retries: {error}"
            );
            assert!(
                !error.may_have_been_delivered(),
                "{call}: nothing was sent: {error}"
            );
            assert_eq!(error.status(), None, "{call}");
        }
    }
}

impl Kind {
    /// The fault's name in `retry_matrix.md`.
    fn label(self) -> &'static str {
        match self {
            RateLimitedWithRetryAfter => "429 with `Retry-After`",
            RateLimited => "429 without `Retry-After`",
            Status500 => "500",
            Status503 => "503",
            Html502 => "502 HTML page (a proxy's error)",
            TruncatedJson => "truncated JSON on a success status",
            MalformedJson => "malformed JSON on a success status",
            Slow => "answer slower than the timeout",
            Dropped => "connection dropped mid-response",
            Redirect303 => "303 redirect to another host",
            Redirect307 => "307 redirect to another host",
            TooLongId => "an id longer than `MAX_VALUE_LEN`",
            PastTheDeadline => "answer slower than the call's deadline",
            EmptyBody => "an empty body on a success status",
            LongestRetryAfter => "429 with `Retry-After: 18446744073709551615`",
            GoneAfter500 => "500, then 404 on the retry",
            GoneAfterSlow => "answer slower than the timeout, then 404 on the retry",
            GoneAfterDropped => "connection dropped mid-response, then 404 on the retry",
            RepeatedListPage => "the same page, more to follow, whatever the `offset`",
            OverlappingListPages => "pages that overlap (apps 1-2, 2-3, then 3-4)",
            RepeatedMessagePage => "the same full page, whatever the bound",
            MessagesFromTwoPagesBack => {
                "a page repeats messages of two pages back (outside its bound) and one of its own"
            }
            LongRetryAfter429 => "429 with `Retry-After: 30`, past the cap",
            LongRetryAfter503 => "503 with `Retry-After: 30`, past the cap",
            RetryAfterPastTheDeadline => {
                "429 with `Retry-After: 1`, past the call's deadline (300 ms)"
            }
            RetryAfterInThePast => "429 with `Retry-After` a date in the past",
            RetryAfterDate => "429 with `Retry-After` a date in the year 9999",
            RetryAfterUnparseable => "429 with `Retry-After: soon` (neither seconds nor a date)",
        }
    }
}

/// The table in the `RetryPolicy` docs says what these rows check: same cells, same counts.
#[test]
fn the_documented_table_matches_the_rows() {
    let doc = include_str!("../../smooch-client/src/retry_matrix.md");
    let mut documented = Vec::new();
    let mut section = "";
    for line in doc.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            section = if title.starts_with("The failure happens once") {
                "once"
            } else if title.starts_with("The failure persists") {
                "persists"
            } else if title.starts_with("Retries disabled") {
                "disabled"
            } else if title.starts_with("A removal") {
                "removal"
            } else if title.starts_with("Streams") {
                "streams"
            } else if title.starts_with("`Retry-After`") {
                "retry-after"
            } else {
                "limits"
            };
            continue;
        }
        let cells: Vec<&str> = line
            .split(" | ")
            .map(|c| c.trim_matches(|c| c == '|' || c == ' '))
            .collect();
        if cells.len() != 5 || cells[0] == "fault" || cells[0].starts_with("---") {
            continue;
        }
        // Connection refused has its own test below the table rows.
        if cells[0].starts_with("connection refused") {
            continue;
        }
        let delivered = cells[2].contains("may have been delivered");
        documented.push(format!(
            "{section} | {} | {} | {} | {} | delivered: {delivered}",
            cells[0], cells[1], cells[3], cells[4]
        ));
    }

    let mut tested: Vec<String> = ROWS
        .iter()
        .map(|row| {
            let section = match (row.policy, row.injected) {
                _ if Kind::GONE.contains(&row.kind) => "removal",
                _ if Kind::RETRY_AFTER.contains(&row.kind) => "retry-after",
                _ if matches!(row.call, Apps | History) => "streams",
                _ if row.kind == TooLongId => "limits",
                (
                    Policy::Deadline
                    | Policy::EmptyBudget
                    | Policy::Uncapped
                    | Policy::LongestBackoff,
                    _,
                ) => "limits",
                (Policy::Disabled, _) => "disabled",
                (Policy::Three, 1) => "once",
                (Policy::Three, _) => "persists",
            };
            let stored = match (row.call, row.stored) {
                (Post, 1) => "exactly 1".to_owned(),
                (Post, n) => n.to_string(),
                _ => "—".to_owned(),
            };
            let call = row.call.label();
            let fault = format!("{}{}", row.kind.label(), row.policy.label());
            format!(
                "{section} | {fault} | {call} | {} | {stored} | delivered: {}",
                row.attempts, row.delivered
            )
        })
        .collect();
    documented.sort();
    tested.sort();
    assert_eq!(documented, tested, "retry_matrix.md and ROWS disagree");
}
