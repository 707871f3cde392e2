//! Raw requests (`Client::request`): any method and path, sent through the same client as a
//! declared endpoint (credentials, retries and their idempotency rules, deadline, body limits,
//! span, `Error`), answered as a model or as JSON.

use std::time::Duration;

use httpmock::prelude::*;
use serde::Deserialize;
use serde_json::json;
use smooch_client::fake::{FakeSmooch, Fault};
use smooch_client::models::{Cursor, MessagePost, Role};
use smooch_client::{Client, ConversationApi, Error, Method, RawRequest, RetryPolicy, Stop};
use smooch_tests::{
    APP, BASIC, KEY_ID, Recorder, SECRET, USER, catch_all, client, client_at, closed_port_url,
    user_path,
};

const JSON: &str = "application/json";

/// A page of API v2's conversations, as far as the test reads it.
#[derive(Debug, Deserialize)]
struct Conversations {
    conversations: Vec<Conversation>,
    meta: Meta,
}

#[derive(Debug, Deserialize)]
struct Conversation {
    id: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Meta {
    has_more: bool,
}

/// A client that retries fast, so that the retried rows take milliseconds.
fn fast(server: &MockServer) -> Client {
    client(server).with_retry(
        RetryPolicy::default()
            .with_base_delay(Duration::from_millis(1))
            .with_max_delay(Duration::from_secs(1)),
    )
}

#[tokio::test]
async fn a_get_with_path_values_and_a_query_decodes_as_a_model_or_as_json() {
    let server = MockServer::start_async().await;
    let page = json!({
        "conversations": [{"id": "c1", "type": "personal"}, {"id": "c2"}],
        "meta": {"hasMore": true, "afterCursor": "c2"},
    });
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/conversations"))
                .query_param("page[size]", "2")
                .query_param("filter[userId]", "steve@example.com")
                .query_param_count("page[after]", ".*", 0)
                .header("authorization", BASIC)
                .header("accept", JSON);
            then.status(200)
                .header("content-type", JSON)
                .json_body(page.clone());
        })
        .await;
    let client = client(&server);
    fn list(client: &Client) -> RawRequest<'_> {
        client
            .request(Method::GET, "/v2/apps/<app_id>/conversations")
            .operation("list_conversations")
            .param("app_id", APP)
            .query("page[size]", &2u32)
            .query("filter[userId]", "steve@example.com")
            .query("page[after]", &None::<String>)
    }

    let typed: Conversations = list(&client).send().await.unwrap();
    let ids: Vec<&str> = typed.conversations.iter().map(|c| c.id.as_str()).collect();
    assert_eq!((ids, typed.meta.has_more), (vec!["c1", "c2"], true));
    let raw: serde_json::Value = list(&client).send().await.unwrap();
    assert_eq!(raw, page, "the JSON as it came");
    assert_eq!(mock.calls_async().await, 2);
}

/// Keys and values are percent-encoded as a declared endpoint's are (RFC 3986: all but the
/// unreserved characters), and a path value is one segment whatever it holds.
#[tokio::test]
async fn keys_values_and_path_values_are_encoded_on_the_wire() {
    let recorder = Recorder::start().await;
    let client = client_at(recorder.base_url(), Duration::from_secs(5));
    let _: serde_json::Value = client
        .request(Method::GET, "/v2/apps/<app_id>/users/<user_id>")
        .param("app_id", APP)
        .param("user_id", "bob+1@example.com/x y")
        .query("filter[identities.email]", "a.b+c@example.com")
        .query("fields", &["id", "a,b"][..])
        .send()
        .await
        .unwrap();
    let received = recorder.take();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].method, "GET");
    assert_eq!(
        received[0].target,
        format!(
            "/v2/apps/{APP}/users/bob%2B1%40example.com%2Fx%20y?filter%5Bidentities.email%5D=a.b%2Bc%40example.com&fields=id,a%2Cb"
        )
    );
}

#[tokio::test]
async fn a_post_with_a_body_is_sent_once_and_never_repeated_unless_said_idempotent() {
    let server = MockServer::start_async().await;
    let body = json!({"author": {"type": "business"}, "content": {"type": "text", "text": "Hi"}});
    let path = format!("/v2/apps/{APP}/conversations/c1/messages");
    let created = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(path.clone())
                .header("authorization", BASIC)
                .header("content-type", JSON)
                .json_body(body.clone());
            then.status(201)
                .header("content-type", JSON)
                .json_body(json!({"messages": [{"id": "m1"}]}));
        })
        .await;
    let client = fast(&server);
    fn post<'c>(client: &'c Client, body: &serde_json::Value) -> RawRequest<'c> {
        client
            .request(
                Method::POST,
                "/v2/apps/<app_id>/conversations/<conversation_id>/messages",
            )
            .operation("post_message_v2")
            .param("app_id", APP)
            .param("conversation_id", "c1")
            .json(body)
    }
    let answer: serde_json::Value = post(&client, &body).send().await.unwrap();
    assert_eq!(answer["messages"][0]["id"], "m1");
    assert_eq!(created.calls_async().await, 1);
    created.delete_async().await;

    // A 500 after a POST: it may have been delivered, so it is not sent again.
    let failing = server
        .mock_async(|when, then| {
            when.method(POST).path(path.clone());
            then.status(500)
                .json_body(json!({"error": {"code": "internal_error", "description": "x"}}));
        })
        .await;
    let error = post(&client, &body)
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    let attempts = error.attempts().unwrap();
    assert_eq!(
        (attempts.count, attempts.stop),
        (1, Stop::MayHaveBeenDelivered)
    );
    assert!(error.may_have_been_delivered());
    assert_eq!(failing.calls_async().await, 1);
    assert!(
        error.to_string().starts_with(
            "post_message_v2 /v2/apps/<app_id>/conversations/<conversation_id>/messages: Smooch answered HTTP 500"
        ),
        "{error}"
    );

    // Said idempotent, it is retried as a GET is, until the attempts run out.
    let error = post(&client, &body)
        .idempotent(true)
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    let attempts = error.attempts().unwrap();
    assert_eq!((attempts.count, attempts.stop), (3, Stop::Exhausted));
    assert!(!error.may_have_been_delivered());
    assert_eq!(failing.calls_async().await, 4);
}

/// The same failure, met by a declared endpoint and by a raw request for the same route: the
/// same error, variant by variant, field by field, word for word but for the route's query part
/// (a raw route is a path).
#[tokio::test]
async fn a_failure_is_classified_exactly_as_an_endpoints_would_be() {
    let template = <Client as ConversationApi>::GET_MESSAGES;
    let route = template.path();
    let failures: [(&str, u16, &str, Option<&str>); 5] = [
        (
            "not found",
            404,
            r#"{"error":{"code":"user_not_found","description":"No user"}}"#,
            None,
        ),
        ("a proxy's page", 502, "<html>bad gateway</html>", None),
        (
            "unavailable",
            503,
            r#"{"error":{"code":"service_unavailable"}}"#,
            None,
        ),
        (
            "rate limited for long",
            429,
            r#"{"error":{"code":"too_many_requests"}}"#,
            Some("30"),
        ),
        ("not JSON on success", 200, "{not json", None),
    ];
    for (what, status, body, retry_after) in failures {
        let server = MockServer::start_async().await;
        let mock = server
            .mock_async(|when, then| {
                when.method(GET).path(user_path("/messages"));
                let then = then.status(status).header("content-type", JSON).body(body);
                if let Some(wait) = retry_after {
                    then.header("retry-after", wait);
                }
            })
            .await;
        let client = fast(&server);
        let declared = client
            .get_messages(APP, USER, Cursor::Latest)
            .await
            .map(drop)
            .unwrap_err();
        let raw = client
            .request(Method::GET, route)
            .operation("get_messages")
            .param("app_id", APP)
            .param("user_id", USER)
            .send::<smooch_client::models::GetMessagesResponse>()
            .await
            .map(drop)
            .unwrap_err();
        assert_same(what, &declared, &raw, template.template(), route);
        let attempts = declared.attempts().map_or(0, |a| a.count) as usize;
        assert_eq!(mock.calls_async().await, 2 * attempts, "{what}");
    }

    // No server at all: the same transport error, retried as often.
    let client = client_at(closed_port_url(), Duration::from_secs(5))
        .with_retry(RetryPolicy::default().with_base_delay(Duration::from_millis(1)));
    let declared = client
        .post_message(APP, USER, &MessagePost::text(Role::AppMaker, "hi"))
        .await
        .map(drop)
        .unwrap_err();
    let raw = client
        .request(
            Method::POST,
            "/v1.1/apps/<app_id>/appusers/<user_id>/messages",
        )
        .operation("post_message")
        .param("app_id", APP)
        .param("user_id", USER)
        .json(&MessagePost::text(Role::AppMaker, "hi"))
        .send::<serde_json::Value>()
        .await
        .map(drop)
        .unwrap_err();
    let route = "/v1.1/apps/<app_id>/appusers/<user_id>/messages";
    assert_same("refused connection", &declared, &raw, route, route);
}

/// Everything a caller can ask of the two errors is the same.
fn assert_same(what: &str, declared: &Error, raw: &Error, template: &str, route: &str) {
    let kind = |error: &Error| match error {
        Error::Api(_) => "api",
        Error::Decode(_) => "decode",
        Error::Transport { .. } => "transport",
        Error::Timeout { .. } => "timeout",
        _ => "other",
    };
    assert_eq!(kind(declared), kind(raw), "{what}");
    assert_eq!(declared.status(), raw.status(), "{what}");
    assert_eq!(declared.attempts(), raw.attempts(), "{what}");
    assert_eq!(declared.retry_after(), raw.retry_after(), "{what}");
    assert_eq!(
        declared.may_have_been_delivered(),
        raw.may_have_been_delivered(),
        "{what}"
    );
    if let (Error::Api(declared), Error::Api(raw)) = (declared, raw) {
        assert_eq!(
            (&declared.code, &declared.description, &declared.body),
            (&raw.code, &raw.description, &raw.body),
            "{what}"
        );
    }
    assert_eq!(
        declared.to_string().replace(template, route),
        raw.to_string(),
        "{what}"
    );
}

/// A raw DELETE is a removal: retried after an attempt that may have removed the thing, a 404
/// means it is gone, as asked, and the answer reads as `null`.
#[tokio::test]
async fn a_raw_delete_found_gone_by_its_retry_succeeds() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    fake.inject(1, Fault::status(500));
    fake.inject(1, Fault::status(404));
    let gone: serde_json::Value = client
        .request(Method::DELETE, "/v1.1/apps/<app_id>/menu")
        .param("app_id", "app")
        .send()
        .await
        .unwrap();
    assert_eq!(gone, serde_json::Value::Null);
    assert_eq!(fake.request_count(), 2);
    // A result that cannot be `null` gets the 404, as a declared removal whose result cannot
    // say "gone".
    fake.inject(1, Fault::status(500));
    fake.inject(1, Fault::status(404));
    let error = client
        .request(Method::DELETE, "/v1.1/apps/<app_id>/menu")
        .param("app_id", "app")
        .send::<Conversations>()
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
    // A POST is no removal: its 404 is an answer.
    fake.inject(1, Fault::status(404));
    let error = client
        .request(Method::POST, "/v1.1/apps/<app_id>/menu")
        .param("app_id", "app")
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
}

/// A route or a value that cannot be sent refuses the call before anything is sent, naming what
/// is wrong.
#[tokio::test]
async fn what_cannot_be_sent_is_refused_before_sending() {
    let server = MockServer::start_async().await;
    let everything = catch_all(&server).await;
    let client = client(&server);
    let refused = |result: Result<serde_json::Value, Error>| match result {
        Err(Error::InvalidInput {
            operation,
            parameter,
            reason,
        }) => (operation.into_owned(), parameter, reason),
        other => panic!("not refused: {other:?}"),
    };
    let cases = [
        ("v2/apps", &[][..], "route", "must start with `/`"),
        (
            "/v2/apps?limit=1",
            &[][..],
            "route",
            "give query parameters",
        ),
        ("/v2/apps/../admin", &[][..], "route", "dot segment"),
        ("/v2/apps//users", &[][..], "route", "empty path segment"),
        ("/v2/apps/", &[][..], "route", "empty path segment"),
        (
            "/v2/my apps",
            &[][..],
            "route",
            "character ` ` is not allowed",
        ),
        (
            "/v2/apps/<app_id>",
            &[][..],
            "route",
            "`<app_id>` has no value",
        ),
        (
            "/v2/apps/<app_id>",
            &[("app_id", APP), ("user_id", USER)][..],
            "user_id",
            "is not a placeholder",
        ),
        (
            "/v2/apps/<app_id>",
            &[("app_id", "")][..],
            "app_id",
            "empty",
        ),
        (
            "/v2/apps/<app_id>",
            &[("app_id", "..")][..],
            "app_id",
            "`..`",
        ),
        (
            "/v2/apps/x<app_id>",
            &[("app_id", APP)][..],
            "route",
            "a whole segment",
        ),
    ];
    for (route, params, parameter, says) in cases {
        let mut request = client.request(Method::GET, route);
        for (name, value) in params {
            request = request.param(name, value);
        }
        let (operation, got, reason) = refused(request.send().await);
        assert_eq!(operation, "GET", "{route}: by its method unless named");
        assert_eq!(got, parameter, "{route}: {reason}");
        assert!(reason.contains(says), "{route}: {reason}");
    }
    let (_, parameter, reason) = refused(
        client
            .request(Method::GET, "/v2/apps")
            .query("page[size]", &f64::NAN)
            .send()
            .await,
    );
    assert_eq!(parameter, "page[size]", "{reason}");
    assert_eq!(everything.calls_async().await, 0, "nothing was sent");
}

/// A raw request is bounded as every call of its client: the answer's size, and the client's
/// settings (here, a clone's call deadline).
#[tokio::test]
async fn raw_requests_keep_the_clients_limits() {
    let fake = FakeSmooch::with_credentials(KEY_ID, SECRET).await.unwrap();
    let client = client_at(fake.base_url(), Duration::from_secs(5));
    fake.inject(1, Fault::Delay(Duration::from_secs(3)));
    let error = client
        .with_call_timeout(Duration::from_millis(200))
        .request(Method::GET, "/v1.1/apps/<app_id>/appusers/<user_id>")
        .param("app_id", APP)
        .param("user_id", USER)
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error}");
    assert_eq!(error.attempts().map(|a| a.stop), Some(Stop::Deadline));

    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200)
                .header("content-type", JSON)
                .body(vec![b' '; 17 * 1024 * 1024]);
        })
        .await;
    let error = client_at(server.base_url(), Duration::from_secs(30))
        .request(Method::GET, "/v2/apps")
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::TooLarge { .. }), "{error:?}");
}
