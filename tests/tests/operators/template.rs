//! TemplateApi: the five operations and the `templates` stream.

use futures_util::TryStreamExt;
use httpmock::prelude::*;
use serde_json::json;
use smooch_client::TemplateApi;
use smooch_client::models::{
    Action, MessagePost, MessageType, Role, TemplateCreate, TemplateUpdate,
};

use super::{APP, Expect, ODD_ID, ODD_ID_ENCODED, app_path, client};

const TEMPLATE: &str = "5b4f6b7f9a1c2d0022e3f4a5";
const TEMPLATE_BODY: &str = r#"{"template":{"_id":"5b4f6b7f9a1c2d0022e3f4a5","name":"greeting",
    "message":{"role":"appMaker","type":"text","text":"Hello! How can we help?",
               "actions":[{"type":"reply","text":"Billing","payload":"BILLING"}]}}}"#;

fn path(rest: &str) -> String {
    app_path(&format!("/templates/{TEMPLATE}{rest}"))
}

fn greeting() -> MessagePost {
    MessagePost::text(Role::AppMaker, "Hello! How can we help?")
        .with_action(Action::reply("Billing", "BILLING"))
}

#[tokio::test]
async fn create_template_posts_a_request_shaped_message() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, app_path("/templates"))
        .body(json!({
            "name": "greeting",
            "message": {
                "role": "appMaker",
                "type": "text",
                "text": "Hello! How can we help?",
                "actions": [{"type": "reply", "text": "Billing", "payload": "BILLING"}]
            }
        }))
        .answer(&server, 201, TEMPLATE_BODY)
        .await;
    let result = client(&server)
        .create_template(APP, &TemplateCreate::new("greeting", greeting()))
        .await;
    mock.assert_async().await;
    let template = result.unwrap().template;
    assert_eq!(template.id, TEMPLATE);
    assert_eq!(template.name, "greeting");
    assert_eq!(template.message, Some(greeting()));
}

#[tokio::test]
async fn list_templates_sends_paging() {
    let server = MockServer::start_async().await;
    let paged = Expect::new(GET, app_path("/templates"))
        .query("limit=1&offset=3")
        .answer(
            &server,
            200,
            r#"{"templates":[{"_id":"t4","name":"bye","message":{"role":"appMaker","type":"text","text":"Bye!"}}],"hasMore":true,"offset":3}"#,
        )
        .await;
    let bare = Expect::new(GET, app_path("/templates"))
        .answer(&server, 200, r#"{"templates":[]}"#)
        .await;
    let client = client(&server);

    let result = client.list_templates(APP, Some(1), Some(3)).await;
    paged.assert_async().await;
    let list = result.unwrap();
    assert_eq!((list.has_more, list.offset), (Some(true), Some(3)));
    let message = list.templates[0].message.as_ref().unwrap();
    assert_eq!(message.r#type, Some(MessageType::Text));
    assert_eq!(message.text.as_deref(), Some("Bye!"));

    let result = client.list_templates(APP, None, None).await;
    bare.assert_async().await;
    assert!(result.unwrap().templates.is_empty());
}

#[tokio::test]
async fn get_template_encodes_both_ids() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(
        GET,
        format!("/v1.1/apps/{ODD_ID_ENCODED}/templates/{ODD_ID_ENCODED}"),
    )
    .answer(&server, 200, TEMPLATE_BODY)
    .await;
    let result = client(&server).get_template(ODD_ID, ODD_ID).await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().template.name, "greeting");
}

#[tokio::test]
async fn update_template_puts_only_what_changes() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(PUT, path(""))
        .body(json!({"name": "welcome"}))
        .answer(
            &server,
            200,
            r#"{"template":{"_id":"5b4f6b7f9a1c2d0022e3f4a5","name":"welcome","message":{"role":"appMaker","type":"text","text":"Hi"}}}"#,
        )
        .await;
    let result = client(&server)
        .update_template(APP, TEMPLATE, &TemplateUpdate::new().with_name("welcome"))
        .await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().template.name, "welcome");
}

#[tokio::test]
async fn delete_template_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(DELETE, path("")).answer(&server, 200, "").await;
    let result = client(&server).delete_template(APP, TEMPLATE).await;
    mock.assert_async().await;
    result.unwrap();
}

#[tokio::test]
async fn templates_streams_every_page_once() {
    let server = MockServer::start_async().await;
    let template = |n: u32| {
        json!({"_id": format!("t{n}"), "name": format!("t{n}"),
               "message": {"role": "appMaker", "type": "text", "text": format!("text {n}")}})
    };
    let first = Expect::new(GET, app_path("/templates"))
        .query("limit=100&offset=0")
        .answer(
            &server,
            200,
            &json!({"templates": [template(1), template(2)], "hasMore": true}).to_string(),
        )
        .await;
    let second = Expect::new(GET, app_path("/templates"))
        .query("limit=100&offset=2")
        .answer(
            &server,
            200,
            &json!({"templates": [template(3)], "hasMore": true, "offset": 2}).to_string(),
        )
        .await;
    let third = Expect::new(GET, app_path("/templates"))
        .query("limit=100&offset=3")
        .answer(
            &server,
            200,
            &json!({"templates": [template(4)], "hasMore": false}).to_string(),
        )
        .await;

    let all: Vec<_> = client(&server).templates(APP).try_collect().await.unwrap();

    for mock in [&first, &second, &third] {
        assert_eq!(mock.calls_async().await, 1);
    }
    let names: Vec<&str> = all.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["t1", "t2", "t3", "t4"]);
}
