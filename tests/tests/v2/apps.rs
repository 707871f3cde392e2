//! Apps.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::AppsApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{AppCreate, AppListFilter, AppSettings, AppUpdate, Page};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row("Apps", "CreateApp", "POST", "/v2/apps", 201),
    row("Apps", "ListApps", "GET", "/v2/apps", 200),
    row("Apps", "GetApp", "GET", "/v2/apps/<app_id>", 200),
    row("Apps", "UpdateApp", "PATCH", "/v2/apps/<app_id>", 200),
    row("Apps", "DeleteApp", "DELETE", "/v2/apps/<app_id>", 200),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateApp" => boxed(v2.create_app(&AppCreate::new("x"))),
        "ListApps" => boxed(v2.list_apps(&Page::first(), &AppListFilter::default())),
        "GetApp" => boxed(v2.get_app(ID)),
        "UpdateApp" => boxed(v2.update_app(ID, &AppUpdate::default())),
        "DeleteApp" => boxed(v2.delete_app(ID)),
        _ => None,
    }
}

/// An app as the sheet's example answers it.
fn app_json() -> serde_json::Value {
    json!({
        "id": APP,
        "displayName": "My App",
        "settings": {"conversationRetentionSeconds": 2592000, "maskCreditCardNumbers": true,
                     "useAnimalNames": false, "echoPostback": false,
                     "ignoreAutoConversationStart": false, "multiConvoEnabled": true,
                     "appLocalizationEnabled": false},
        "metadata": {"tier": "gold"}
    })
}

#[tokio::test]
async fn create_app_posts_its_body_and_decodes_the_app() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/v2/apps")
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(
                    json!({"displayName": "My App", "settings": {"multiConvoEnabled": true}}),
                );
            then.status(201).json_body(json!({"app": app_json()}));
        })
        .await;
    let body = AppCreate::new("My App")
        .with_settings(AppSettings::default().with_multi_convo_enabled(true));
    let app = v2(&server).create_app(&body).await.unwrap().app.unwrap();
    mock.assert_async().await;
    assert_eq!(app.id.as_deref(), Some(APP));
    assert_eq!(app.display_name.as_deref(), Some("My App"));
    let settings = app.settings.unwrap();
    assert_eq!(settings.conversation_retention_seconds, Some(2_592_000));
    assert_eq!(settings.multi_convo_enabled, Some(true));
    assert_eq!(app.metadata.unwrap()["tier"], "gold");
}

#[tokio::test]
async fn list_apps_sends_the_page_and_filter_keys_and_reads_the_cursors() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v2/apps")
                .query_param("page[after]", "5e4af71a81966c000f7f8cd0")
                .query_param("page[size]", "10")
                .query_param("filter[serviceAccountId]", "svc_1")
                .query_param_count(".*", ".*", 3);
            then.status(200).json_body(json!({
                "apps": [app_json()],
                "meta": {"hasMore": true, "afterCursor": "5e4af71a81966c000f7f8cd1"},
                "links": {"next": "https://api.smooch.io/v2/apps?page[after]=5e4af71a81966c000f7f8cd1"}
            }));
        })
        .await;
    let page = Page::after("5e4af71a81966c000f7f8cd0").with_size(10);
    let filter = AppListFilter::default().with_service_account_id("svc_1");
    let list = v2(&server).list_apps(&page, &filter).await.unwrap();
    mock.assert_async().await;
    assert_eq!(list.apps.len(), 1);
    let meta = list.meta.unwrap();
    assert_eq!(meta.has_more, Some(true));
    assert_eq!(
        meta.after_cursor.as_deref(),
        Some("5e4af71a81966c000f7f8cd1")
    );
    assert!(
        list.links
            .unwrap()
            .next
            .unwrap()
            .ends_with("5e4af71a81966c000f7f8cd1")
    );
}

#[tokio::test]
async fn get_app_reads_the_subdomain() {
    let server = MockServer::start_async().await;
    let mut app = app_json();
    app["subdomain"] = json!("acme");
    let mock = server
        .mock_async(|when, then| {
            when.method(GET).path(format!("/v2/apps/{APP}"));
            then.status(200).json_body(json!({"app": app}));
        })
        .await;
    let got = v2(&server).get_app(APP).await.unwrap().app.unwrap();
    mock.assert_async().await;
    assert_eq!(got.subdomain.as_deref(), Some("acme"));
}

#[tokio::test]
async fn update_app_patches_only_what_is_set_and_null_clears() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PATCH)
                .path(format!("/v2/apps/{APP}"))
                .json_body(json!({"displayName": "Renamed", "metadata": null}));
            then.status(200).json_body(json!({"app": app_json()}));
        })
        .await;
    let update = AppUpdate::default()
        .with_display_name("Renamed")
        .with_metadata(None);
    v2(&server).update_app(APP, &update).await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn delete_app_accepts_an_empty_object_and_a_404_says_app_not_found() {
    let server = MockServer::start_async().await;
    let deleted = server
        .mock_async(|when, then| {
            when.method(DELETE).path(format!("/v2/apps/{APP}"));
            then.status(200).json_body(json!({}));
        })
        .await;
    let missing = server
        .mock_async(|when, then| {
            when.method(DELETE).path("/v2/apps/nope");
            then.status(404).json_body(
                json!({"errors": [{"code": "app_not_found", "title": "App not found"}]}),
            );
        })
        .await;
    v2(&server).delete_app(APP).await.unwrap();
    deleted.assert_async().await;
    let error = v2(&server).delete_app("nope").await.unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
    let smooch_client::Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("app_not_found"));
    assert_eq!(api.errors[0].title.as_deref(), Some("App not found"));
}

#[tokio::test]
async fn the_apps_stream_follows_the_after_cursors_and_ends_on_a_repeated_one() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let app = |id: &str| json!({"id": id, "displayName": id});
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v2/apps")
                .query_param_missing("page[after]")
                .query_param("page[size]", "100");
            then.status(200).json_body(json!({
                "apps": [app("a1"), app("a2")],
                "meta": {"hasMore": true, "afterCursor": "a2"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/v2/apps")
                .query_param("page[after]", "a2");
            // A lying server: the same cursor again, with one new app and one seen already.
            then.status(200).json_body(json!({
                "apps": [app("a2"), app("a3")],
                "meta": {"hasMore": true, "afterCursor": "a2"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server).apps(AppListFilter::default()).collect().await;
    first.assert_async().await;
    second.assert_async().await;
    let ids: Vec<_> = items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|app| app.id.clone().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a1", "a2", "a3"], "each app once");
    let error = items.last().unwrap().as_ref().unwrap_err();
    let smooch_client::Error::Pagination(stall) = error else {
        panic!("{error}")
    };
    assert_eq!(stall.stream, "apps");
}
