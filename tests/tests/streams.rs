//! Every stream against a local server whose pages lie (the unit tests of `paging` and
//! `history` drive the same machinery against generated lies): each item comes once, none from
//! outside the bound asked for, and a page that makes no progress ends the stream with
//! `Error::Pagination` naming it, after as many requests as there were pages.

use futures_util::{Stream, StreamExt};
use httpmock::prelude::*;
use serde_json::{Value, json};
use smooch_client::AppApi;
use smooch_client::ConversationApi;
use smooch_client::IntegrationApi;
use smooch_client::ServiceAccountApi;
use smooch_client::TemplateApi;
use smooch_client::models::{Cursor, Timestamp};
use smooch_client::{Error, Stall};
use smooch_tests::{APP, USER, client, user_path};

/// Reads a stream to its end, at most 1,000 items (a stream that would not end fails the test
/// instead of hanging it): the ids it yielded, and the error it ended with.
async fn read<T>(
    stream: impl Stream<Item = Result<T, Error>>,
    id: impl Fn(&T) -> String,
) -> (Vec<String>, Option<Error>) {
    let all: Vec<Result<T, Error>> = stream.take(1000).collect().await;
    assert!(all.len() < 1000, "the stream did not end");
    let mut ids = Vec::new();
    let mut end = None;
    let count = all.len();
    for (at, item) in all.into_iter().enumerate() {
        match item {
            Ok(item) => ids.push(id(&item)),
            Err(error) => {
                assert_eq!(at + 1, count, "an error before the end: {error}");
                end = Some(error);
            }
        }
    }
    (ids, end)
}

/// `server` answers every `GET path` with `body` (JSON), whatever the query.
async fn answers<'a>(server: &'a MockServer, path: &str, body: &str) -> httpmock::Mock<'a> {
    server
        .mock_async(|when, then| {
            when.method(GET).path(path);
            then.status(200)
                .header("content-type", "application/json")
                .body(body);
        })
        .await
}

/// Two items of a list (`key`), and more to follow.
fn stuck_page(key: &str, items: [Value; 2]) -> String {
    json!({ key: items, "hasMore": true, "offset": 0 }).to_string()
}

#[tokio::test]
async fn every_list_stream_ends_when_the_server_ignores_the_offset() {
    let server = MockServer::start_async().await;
    let template = |id: &str| json!({"_id": id, "name": id, "message": {"role": "appMaker", "type": "text", "text": "Hi"}});
    let lists = [
        (
            "/v1.1/apps".to_owned(),
            stuck_page(
                "apps",
                [
                    json!({"_id": "x1", "appToken": "t1", "name": "One"}),
                    json!({"_id": "x2", "appToken": "t2", "name": "Two"}),
                ],
            ),
        ),
        (
            "/v1.1/serviceaccounts".to_owned(),
            stuck_page(
                "serviceAccounts",
                [
                    json!({"_id": "x1", "name": "One"}),
                    json!({"_id": "x2", "name": "Two"}),
                ],
            ),
        ),
        (
            format!("/v1.1/apps/{APP}/integrations"),
            stuck_page(
                "integrations",
                [
                    json!({"_id": "x1", "type": "web"}),
                    json!({"_id": "x2", "type": "web"}),
                ],
            ),
        ),
        (
            format!("/v1.1/apps/{APP}/templates"),
            stuck_page("templates", [template("x1"), template("x2")]),
        ),
    ];
    let mut mocks = Vec::new();
    for (path, page) in &lists {
        mocks.push(answers(&server, path, page).await);
    }
    let client = client(&server);
    let read = [
        ("apps", read(client.apps(None), |a| a.id.clone()).await),
        (
            "service_accounts",
            read(client.service_accounts(), |a| a.id.clone()).await,
        ),
        (
            "integrations",
            read(client.integrations(APP, None), |i| i.id.clone()).await,
        ),
        (
            "templates",
            read(client.templates(APP), |t| t.id.clone()).await,
        ),
    ];
    for ((name, (ids, error)), mock) in read.into_iter().zip(&mocks) {
        assert_eq!(ids, ["x1", "x2"], "{name}: each item once");
        let Some(Error::Pagination(error)) = error else {
            panic!("{name}: {error:?}")
        };
        assert_eq!(error.stream, name);
        assert_eq!(error.stall, Stall::StuckOffset { offset: 2 }, "{name}");
        assert!(
            error
                .to_string()
                .starts_with(&format!("{name}: the page at offset 2"))
        );
        assert_eq!(mock.calls_async().await, 2, "{name}: the second page told");
    }
}

/// Messages at 1,700,000,000 s plus their position, with ids `m<position>`.
fn messages(positions: impl IntoIterator<Item = u32>) -> String {
    let messages: Vec<Value> = positions
        .into_iter()
        .map(|i| {
            json!({
                "_id": format!("m{i:04}"), "authorId": "a", "role": "appUser", "type": "text",
                "received": 1_700_000_000.0 + f64::from(i), "text": "hi"
            })
        })
        .collect();
    json!({ "messages": messages }).to_string()
}

fn at(position: f64) -> Timestamp {
    Timestamp::from_unix_seconds(1_700_000_000.0 + position).unwrap()
}

#[tokio::test]
async fn history_and_forward_end_when_the_server_ignores_the_bound() {
    let server = MockServer::start_async().await;
    let page = answers(&server, &user_path("/messages"), &messages(100..200)).await;
    let client = client(&server);
    let history = read(client.history(APP, USER), |m| m.id.to_string()).await;
    let forward = read(client.forward(APP, USER, at(0.0)), |m| m.id.to_string()).await;
    for ((ids, error), name) in [(history, "history"), (forward, "forward")] {
        assert_eq!(ids.len(), 100, "{name}: each message once");
        let Some(Error::Pagination(error)) = error else {
            panic!("{name}: {error:?}")
        };
        assert_eq!(error.stream, name);
        let Stall::StuckCursor { cursor } = error.stall else {
            panic!("{name}: {error}")
        };
        // Stuck at the second page, past the first.
        assert!(
            matches!(
                (name, cursor),
                ("history", Cursor::Before(_)) | ("forward", Cursor::After(_))
            ),
            "{name}: {cursor:?}"
        );
    }
    assert_eq!(page.calls_async().await, 4, "two pages each");
}

/// The `before` a request asks for, as seconds past 1,700,000,000.
fn before(request: &HttpMockRequest) -> Option<f64> {
    let uri = request.uri();
    let value = uri
        .query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("before="))?;
    Some(value.parse::<f64>().ok()? - 1_700_000_000.0)
}

/// Three pages: 200-299, 100-199, then 50-99 with ten messages of the first page again (newer
/// than its bound) and one of its own twice.
#[tokio::test]
async fn history_yields_no_message_twice_nor_one_newer_than_its_bound() {
    let server = MockServer::start_async().await;
    let pages = [
        (None, messages(200..300)),
        (Some(200.0), messages(100..200)),
        (Some(100.0), messages((50..100).chain(200..210).chain([60]))),
    ];
    let mut mocks = Vec::new();
    for (bound, page) in &pages {
        let bound = *bound;
        mocks.push(
            server
                .mock_async(|when, then| {
                    when.method(GET)
                        .path(user_path("/messages"))
                        .is_true(move |request| match (bound, before(request)) {
                            (None, None) => true,
                            (Some(low), Some(before)) => (low..low + 1.0).contains(&before),
                            _ => false,
                        });
                    then.status(200)
                        .header("content-type", "application/json")
                        .body(page.as_str());
                })
                .await,
        );
    }
    let (ids, error) = read(client(&server).history(APP, USER), |m| m.id.to_string()).await;
    assert!(error.is_none(), "{error:?}");
    let expected: Vec<String> = (50..300).rev().map(|i| format!("m{i:04}")).collect();
    assert_eq!(ids, expected, "each message once, newest first");
    for mock in &mocks {
        assert_eq!(mock.calls_async().await, 1);
    }
}

/// "Everything since T" from a server that ignores `after`: nothing from before T comes.
#[tokio::test]
async fn forward_yields_nothing_from_before_the_time_asked_for() {
    let server = MockServer::start_async().await;
    let page = answers(&server, &user_path("/messages"), &messages(0..50)).await;
    let (ids, error) = read(client(&server).forward(APP, USER, at(20.0)), |m| {
        m.id.to_string()
    })
    .await;
    assert!(error.is_none(), "{error:?}");
    let expected: Vec<String> = (21..50).map(|i| format!("m{i:04}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(
        page.calls_async().await,
        1,
        "a page that is not full is the last"
    );
}
