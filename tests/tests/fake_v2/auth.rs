//! What the v2 client cannot send but the fake must still answer right: every v2 route refuses
//! missing or wrong credentials (401, v2's `errors[]`), bodies and queries the types cannot
//! build are refused with a 400 naming the fault, and the gate's own answers (injected faults,
//! unknown paths) take the shape of the version asked.

use reqwest::Method;
use serde_json::{Value, json};
use smooch_client::fake::{FakeSmooch, Fault};

use super::{APP, personal, start, user};

/// Every route the fake serves for v2, with ids that need not exist.
const ROUTES: &[(&str, &str)] = &[
    ("GET", "/v2/apps/a"),
    ("POST", "/v2/apps/a/users"),
    ("GET", "/v2/apps/a/users/u"),
    ("PATCH", "/v2/apps/a/users/u"),
    ("DELETE", "/v2/apps/a/users/u"),
    ("POST", "/v2/apps/a/users/u/clients"),
    ("GET", "/v2/apps/a/users/u/clients"),
    ("DELETE", "/v2/apps/a/users/u/clients/c"),
    ("POST", "/v2/apps/a/conversations"),
    ("GET", "/v2/apps/a/conversations"),
    ("GET", "/v2/apps/a/conversations/c"),
    ("PATCH", "/v2/apps/a/conversations/c"),
    ("DELETE", "/v2/apps/a/conversations/c"),
    ("POST", "/v2/apps/a/conversations/c/join"),
    ("POST", "/v2/apps/a/conversations/c/leave"),
    ("GET", "/v2/apps/a/conversations/c/participants"),
    ("POST", "/v2/apps/a/conversations/c/messages"),
    ("GET", "/v2/apps/a/conversations/c/messages"),
    ("DELETE", "/v2/apps/a/conversations/c/messages"),
    ("DELETE", "/v2/apps/a/conversations/c/messages/m"),
    ("POST", "/v2/apps/a/conversations/c/activity"),
    ("POST", "/v2/apps/a/conversations/c/passControl"),
    ("POST", "/v2/apps/a/conversations/c/offerControl"),
    ("POST", "/v2/apps/a/conversations/c/acceptControl"),
    ("POST", "/v2/apps/a/conversations/c/releaseControl"),
    ("POST", "/v2/apps/a/integrations"),
    ("GET", "/v2/apps/a/integrations/i"),
    ("DELETE", "/v2/apps/a/integrations/i"),
    ("POST", "/v2/apps/a/integrations/i/webhooks"),
    ("GET", "/v2/apps/a/integrations/i/webhooks"),
    ("GET", "/v2/apps/a/integrations/i/webhooks/w"),
    ("PATCH", "/v2/apps/a/integrations/i/webhooks/w"),
    ("DELETE", "/v2/apps/a/integrations/i/webhooks/w"),
    ("POST", "/v2/apps/a/attachments"),
    ("POST", "/v2/apps/a/attachments/remove"),
];

/// Sends a request with the fake's credentials (or none); its status and JSON body.
async fn send(
    fake: &FakeSmooch,
    method: &str,
    path: &str,
    body: Option<Value>,
    auth: bool,
) -> (u16, Value) {
    let method = Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = reqwest::Client::new().request(method, format!("{}{path}", fake.base_url()));
    if auth {
        request = request.basic_auth(FakeSmooch::KEY_ID, Some(FakeSmooch::SECRET));
    }
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let bytes = response.bytes().await.unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// The `errors[0]` of a v2 error body, checked to be the only entry and to have a title.
#[track_caller]
fn v2_error(body: &Value) -> (String, String) {
    let errors = body["errors"].as_array().expect("a v2 error body");
    assert_eq!(errors.len(), 1, "{body}");
    let code = errors[0]["code"].as_str().unwrap().to_owned();
    let title = errors[0]["title"].as_str().unwrap().to_owned();
    assert!(!title.is_empty());
    (code, title)
}

#[tokio::test]
async fn every_v2_route_needs_credentials() {
    let (fake, _v2) = start().await;
    for (method, path) in ROUTES {
        let (status, body) = send(&fake, method, path, None, false).await;
        assert_eq!(status, 401, "{method} {path}");
        assert_eq!(v2_error(&body).0, "unauthorized", "{method} {path}");
    }
    let wrong = FakeSmooch::with_credentials("app_other", "other")
        .await
        .unwrap();
    let (status, body) = send(&wrong, "GET", "/v2/apps/a", None, true).await;
    assert_eq!(
        (status, v2_error(&body).1.as_str()),
        (401, "Invalid key id or secret")
    );
}

#[tokio::test]
async fn every_v2_route_answers_its_refusals_in_the_v2_shape() {
    let (fake, _v2) = start().await;
    for (method, path) in ROUTES {
        let (status, body) = send(&fake, method, path, Some(json!({})), true).await;
        assert!(
            matches!(status, 200 | 201 | 400 | 404),
            "{method} {path}: {status} {body}"
        );
        if status >= 400 {
            v2_error(&body);
        }
    }
}

#[tokio::test]
async fn what_the_types_cannot_send_is_refused_with_a_reason() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let messages = format!("/v2/apps/{APP}/conversations/{conversation}/messages");
    let refusals = [
        (
            "POST",
            messages.clone(),
            json!({"content": {"type": "text", "text": "x"}}),
            "author",
        ),
        (
            "POST",
            messages.clone(),
            json!({"author": {"type": "business"}, "content": {"type": "text", "text": "a",
                "htmlText": "<b>a</b>", "markdownText": "*a*"}}),
            "exclude each other",
        ),
        (
            "POST",
            messages.clone(),
            json!({"author": {"type": "business"}, "content": {"type": "hologram"}}),
            "hologram",
        ),
        (
            "POST",
            messages.clone(),
            json!({"author": {"type": "business"}, "content": {"type": "formResponse",
                "fields": [{"type": "text", "name": "n", "label": "N", "text": "x"}]}}),
            "cannot be sent",
        ),
        (
            "POST",
            messages.clone(),
            json!({"author": {"type": "business", "userId": ana}, "content": {"type": "text", "text": "x"}}),
            "only for a `user` author",
        ),
        (
            "POST",
            format!("/v2/apps/{APP}/users/ana/clients"),
            json!({"matchCriteria": {"type": "line", "integrationId": "i"},
                "confirmation": {"type": "immediate"}, "target": {"conversationId": conversation}}),
            "`matchCriteria.type`",
        ),
        (
            "POST",
            format!("/v2/apps/{APP}/users/ana/clients"),
            json!({"matchCriteria": {"type": "twilio", "integrationId": "i", "phoneNumber": "+1"},
                "confirmation": {"type": "carrierPigeon"}, "target": {"conversationId": conversation}}),
            "`confirmation.type`",
        ),
        (
            "POST",
            format!("/v2/apps/{APP}/integrations"),
            json!({"type": "web"}),
            "only `custom`",
        ),
        (
            "POST",
            format!("/v2/apps/{APP}/conversations"),
            json!({"type": "party", "participants": []}),
            "`type`",
        ),
    ];
    for (method, path, body, reason) in refusals {
        let (status, answer) = send(&fake, method, &path, Some(body.clone()), true).await;
        assert_eq!(status, 400, "{body}");
        let (code, title) = v2_error(&answer);
        assert_eq!(code, "bad_request");
        assert!(title.contains(reason), "{body}: {title}");
    }

    let list = format!("/v2/apps/{APP}/conversations");
    for query in [
        String::new(),
        format!("?filter[userId]={ana}&filter[userExternalId]=ana"),
        format!(
            "?filter[userId]={ana}&page[after]={0}&page[before]={0}",
            "a".repeat(24)
        ),
        format!("?filter[userId]={ana}&page[size]=many"),
    ] {
        let (status, answer) = send(&fake, "GET", &format!("{list}{query}"), None, true).await;
        assert_eq!(status, 400, "{query}");
        v2_error(&answer);
    }
    let (status, answer) = send(&fake, "POST", &messages, None, true).await;
    assert_eq!(status, 400, "no body");
    assert!(v2_error(&answer).1.contains("Invalid JSON"));

    let release = format!("/v2/apps/{APP}/conversations/{conversation}/releaseControl");
    let (status, _) = send(&fake, "POST", &release, None, true).await;
    assert_eq!(status, 200, "releaseControl's body is optional");
}

#[tokio::test]
async fn the_gate_answers_in_the_shape_of_the_version_asked() {
    let (fake, _v2) = start().await;
    let (status, body) = send(&fake, "GET", "/v2/apps/a/nothing", None, true).await;
    assert_eq!((status, v2_error(&body).0.as_str()), (404, "not_found"));
    let (status, body) = send(&fake, "GET", "/v1.1/apps/a/nothing", None, true).await;
    assert_eq!(status, 404);
    assert_eq!(
        body["error"]["code"], "not_found",
        "v1.1 keeps its shape: {body}"
    );

    fake.inject(1, Fault::status(503));
    let (status, body) = send(&fake, "GET", "/v2/apps/a", None, true).await;
    assert_eq!(status, 503);
    v2_error(&body);
    let (status, body) = send(&fake, "GET", "/v2/apps/a", None, true).await;
    assert_eq!((status, body["app"]["id"].as_str()), (200, Some("a")));
}
