use httpmock::prelude::*;
use serde_json::json;
use smooch_client::MenuApi;
use smooch_client::models::{Menu, MenuItem, MenuItemType, SubMenuItem};
use smooch_tests::{APP, BASIC};

use super::client;

/// A menu answer as the spec describes it: a link, a postback and a submenu of one link.
fn answer() -> serde_json::Value {
    json!({"menu": {"items": [
        {"type": "link", "text": "Our shop", "uri": "https://shop.example.org"},
        {"type": "postback", "text": "Talk to an agent", "payload": "AGENT"},
        {"type": "submenu", "text": "More", "items": [
            {"type": "link", "text": "Help", "uri": "https://help.example.org"}
        ]}
    ]}})
}

fn check(menu: &Menu) {
    let kinds: Vec<&MenuItemType> = menu.items.iter().map(|item| &item.r#type).collect();
    assert_eq!(
        kinds,
        [
            &MenuItemType::Link,
            &MenuItemType::Postback,
            &MenuItemType::Submenu
        ]
    );
    assert_eq!(
        menu.items[0].uri.as_deref(),
        Some("https://shop.example.org")
    );
    assert_eq!(menu.items[1].payload.as_deref(), Some("AGENT"));
    assert_eq!(menu.items[2].items[0].text, "Help");
    assert_eq!(
        menu.items[2].items[0].uri.as_deref(),
        Some("https://help.example.org")
    );
}

#[tokio::test]
async fn get_menu_gets_the_apps_menu_without_a_body() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v1.1/apps/{APP}/menu"))
                .header("authorization", BASIC)
                .header_missing("content-type")
                .is_true(|request| {
                    request.uri().query().is_none() && request.body_ref().is_empty()
                });
            then.status(200).json_body(answer());
        })
        .await;
    let response = client(&server).get_menu(APP).await.unwrap();
    mock.assert_async().await;
    check(&response.menu);
}

#[tokio::test]
async fn update_menu_puts_the_whole_menu_and_decodes_the_answer() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path(format!("/v1.1/apps/{APP}/menu"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({"items": [
                    {"text": "Our shop", "type": "link", "uri": "https://shop.example.org"},
                    {"text": "Talk to an agent", "type": "postback", "payload": "AGENT"},
                    {"text": "More", "type": "submenu", "items": [
                        {"text": "Help", "type": "link", "uri": "https://help.example.org"}
                    ]}
                ]}));
            then.status(200).json_body(answer());
        })
        .await;
    let menu = Menu::new(vec![
        MenuItem::link("Our shop", "https://shop.example.org"),
        MenuItem::postback("Talk to an agent", "AGENT"),
        MenuItem::submenu(
            "More",
            vec![SubMenuItem::link("Help", "https://help.example.org")],
        ),
    ]);
    let response = client(&server).update_menu(APP, &menu).await.unwrap();
    mock.assert_async().await;
    check(&response.menu);
    assert_eq!(response.menu, menu, "the answer is the menu that was sent");
}

#[tokio::test]
async fn an_empty_menu_is_sent_with_its_items_key() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .path(format!("/v1.1/apps/{APP}/menu"))
                .json_body(json!({"items": []}));
            then.status(200).json_body(json!({"menu": {"items": []}}));
        })
        .await;
    let response = client(&server)
        .update_menu(APP, &Menu::new(Vec::new()))
        .await
        .unwrap();
    mock.assert_async().await;
    assert!(response.menu.items.is_empty());
}

#[tokio::test]
async fn delete_menu_sends_a_bodyless_delete_and_decodes_the_empty_menu() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("/v1.1/apps/{APP}/menu"))
                .header("authorization", BASIC)
                .header_missing("content-type")
                .is_true(|request| request.body_ref().is_empty());
            then.status(200).json_body(json!({"menu": {"items": []}}));
        })
        .await;
    let response = client(&server).delete_menu(APP).await.unwrap();
    mock.assert_async().await;
    assert!(response.is_some_and(|response| response.menu.items.is_empty()));
}
