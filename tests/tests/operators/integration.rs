//! IntegrationApi: the twelve operations, the `integrations` stream, and the per-type
//! constructors of the create body (the per-type models are in `integration_kinds.rs`).

use futures_util::TryStreamExt;
use httpmock::prelude::*;
use serde_json::json;
use smooch_client::models::{
    Apple, Integration, IntegrationCreate, IntegrationKind, IntegrationProfileUpdate,
    IntegrationStatus, IntegrationType, IntegrationUpdate, ListIntegrationsOptions, Menu, MenuItem,
    MenuItemType, SubMenuItem, Twitter, TwitterTier, Unknown, Web, WebDisplayStyle, Whatsapp,
    WhatsappSettings,
};
use smooch_client::{Error, IntegrationApi, Upload};
use smooch_tests::BASIC;

use super::{APP, Expect, ODD_ID, ODD_ID_ENCODED, app_path, assert_redacted, client};

const INTEGRATION: &str = "5e4af71a81966c000f7f8cd0";

fn path(rest: &str) -> String {
    app_path(&format!("/integrations/{INTEGRATION}{rest}"))
}

const MESSENGER_BODY: &str = r#"{"integration":{"_id":"5e4af71a81966c000f7f8cd0","type":"messenger",
    "status":"active","displayName":"Acme on Messenger","pageId":"1708485032789876",
    "appId":"1543297539210977","pageAccessToken":"EAAC-page-token-x7","appSecret":"fb-app-secret-y8"}}"#;

#[tokio::test]
async fn create_integration_posts_the_types_required_fields() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, app_path("/integrations"))
        .body(json!({
            "type": "messenger",
            "displayName": "Acme on Messenger",
            "pageAccessToken": "EAAC-page-token-x7",
            "appId": "1543297539210977",
            "appSecret": "fb-app-secret-y8"
        }))
        .answer(&server, 201, MESSENGER_BODY)
        .await;
    let body =
        IntegrationCreate::messenger("EAAC-page-token-x7", "1543297539210977", "fb-app-secret-y8")
            .with_display_name("Acme on Messenger");
    assert_redacted(&body, &["EAAC-page-token-x7", "fb-app-secret-y8"]);

    let result = client(&server).create_integration(APP, &body).await;

    mock.assert_async().await;
    let integration = result.unwrap().integration;
    assert_redacted(&integration, &["EAAC-page-token-x7", "fb-app-secret-y8"]);
    assert_eq!(integration.id, INTEGRATION);
    assert_eq!(
        integration.kind.integration_type(),
        IntegrationType::Messenger
    );
    assert_eq!(integration.status, Some(IntegrationStatus::Active));
    assert_eq!(
        integration.display_name.as_deref(),
        Some("Acme on Messenger")
    );
    let IntegrationKind::Messenger(messenger) = &integration.kind else {
        panic!("{:?}", integration.kind);
    };
    assert_eq!(
        messenger.page_access_token.as_ref().unwrap().expose(),
        "EAAC-page-token-x7"
    );
    assert_eq!(messenger.app_id.as_deref(), Some("1543297539210977"));
    assert_eq!(
        messenger.app_secret.as_ref().unwrap().expose(),
        "fb-app-secret-y8"
    );
    assert_eq!(messenger.page_id.as_deref(), Some("1708485032789876"));
    assert!(messenger.extra.is_empty(), "{messenger:?}");
}

#[tokio::test]
async fn list_integrations_joins_the_types_into_one_value() {
    let server = MockServer::start_async().await;
    let filtered = Expect::new(GET, app_path("/integrations"))
        .query("types=twilio,line&limit=5&offset=10")
        .answer(
            &server,
            200,
            r#"{"integrations":[
                {"_id":"i1","type":"twilio","status":"active","phoneNumber":"+15145555555","name":"Acme SMS"},
                {"_id":"i2","type":"line","status":"error","error":"Invalid channel secret","botName":"Acme"}
            ],"hasMore":false,"offset":10}"#,
        )
        .await;
    let bare = Expect::new(GET, app_path("/integrations"))
        .answer(&server, 200, r#"{"integrations":[]}"#)
        .await;
    let client = client(&server);

    let result = client
        .list_integrations(
            APP,
            &ListIntegrationsOptions::default()
                .with_types([IntegrationType::Twilio, IntegrationType::Line])
                .with_limit(5)
                .with_offset(10),
        )
        .await;
    filtered.assert_async().await;
    let list = result.unwrap();
    assert_eq!((list.has_more, list.offset), (Some(false), Some(10)));
    let IntegrationKind::Twilio(twilio) = &list.integrations[0].kind else {
        panic!("{:?}", list.integrations[0])
    };
    assert_eq!(
        (twilio.phone_number.as_deref(), twilio.name.as_deref()),
        (Some("+15145555555"), Some("Acme SMS"))
    );
    let line = &list.integrations[1];
    assert_eq!(line.status, Some(IntegrationStatus::Error));
    assert_eq!(line.error.as_deref(), Some("Invalid channel secret"));
    let IntegrationKind::Line(details) = &line.kind else {
        panic!("{line:?}")
    };
    assert_eq!(details.bot_name.as_deref(), Some("Acme"));

    let result = client
        .list_integrations(APP, &ListIntegrationsOptions::default())
        .await;
    bare.assert_async().await;
    assert!(result.unwrap().integrations.is_empty());

    // An empty filter would ask for no type at all: refused before sending.
    let error = client
        .list_integrations(
            APP,
            &ListIntegrationsOptions::default().with_types(Vec::<IntegrationType>::new()),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::InvalidInput {
                parameter: "types",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(bare.calls_async().await, 1);
    assert_eq!(filtered.calls_async().await, 1);
}

#[tokio::test]
async fn get_integration_encodes_both_ids() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(
        GET,
        format!("/v1.1/apps/{ODD_ID_ENCODED}/integrations/{ODD_ID_ENCODED}"),
    )
    .answer(&server, 200, MESSENGER_BODY)
    .await;
    let result = client(&server).get_integration(ODD_ID, ODD_ID).await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().integration.id, INTEGRATION);
}

#[tokio::test]
async fn update_integration_puts_only_what_changes() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(PUT, path(""))
        .body(json!({
            "displayName": "Acme web",
            "brandColor": "65a4e0",
            "displayStyle": "tab",
            "originWhitelist": [],
            "integrationOrder": ["i1", "i2"]
        }))
        .answer(
            &server,
            200,
            r#"{"integration":{"_id":"5e4af71a81966c000f7f8cd0","type":"web","displayName":"Acme web",
                "brandColor":"65a4e0","displayStyle":"tab","integrationOrder":["i1","i2"],"fixedIntroPane":false}}"#,
        )
        .await;
    let update = IntegrationUpdate::new()
        .with_display_name("Acme web")
        .with_web(
            Web::default()
                .with_brand_color("65a4e0")
                .with_display_style(WebDisplayStyle::Tab)
                .with_origin_whitelist(Vec::<String>::new())
                .with_integration_order(["i1", "i2"]),
        );

    let result = client(&server)
        .update_integration(APP, INTEGRATION, &update)
        .await;

    mock.assert_async().await;
    let integration = result.unwrap().integration;
    let IntegrationKind::Web(web) = &integration.kind else {
        panic!("{integration:?}")
    };
    assert_eq!(web.brand_color.as_deref(), Some("65a4e0"));
    assert_eq!(web.display_style, Some(WebDisplayStyle::Tab));
    assert_eq!(web.integration_order, Some(vec!["i1".into(), "i2".into()]));
    assert_eq!(web.fixed_intro_pane, Some(false));
    assert!(web.origin_whitelist.is_none());
}

#[tokio::test]
async fn delete_integration_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(DELETE, path("")).answer(&server, 200, "").await;
    let result = client(&server).delete_integration(APP, INTEGRATION).await;
    mock.assert_async().await;
    result.unwrap();
}

const MENU_BODY: &str = r#"{"menu":{"items":[
    {"type":"link","text":"Our site","uri":"https://example.org"},
    {"type":"submenu","text":"More","items":[{"type":"postback","text":"Talk to a human","payload":"HUMAN"}]}
]}}"#;

fn menu() -> Menu {
    Menu::new(vec![
        MenuItem::link("Our site", "https://example.org"),
        MenuItem::submenu(
            "More",
            vec![SubMenuItem::postback("Talk to a human", "HUMAN")],
        ),
    ])
}

fn menu_json() -> serde_json::Value {
    json!({"items": [
        {"type": "link", "text": "Our site", "uri": "https://example.org"},
        {"type": "submenu", "text": "More", "items": [
            {"type": "postback", "text": "Talk to a human", "payload": "HUMAN"}
        ]}
    ]})
}

#[tokio::test]
async fn get_integration_menu_decodes_the_menu() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, path("/menu"))
        .answer(&server, 200, MENU_BODY)
        .await;
    let result = client(&server).get_integration_menu(APP, INTEGRATION).await;
    mock.assert_async().await;
    let menu = result.unwrap().menu;
    assert_eq!(menu, self::menu());
    assert_eq!(menu.items[1].r#type, MenuItemType::Submenu);
    assert_eq!(menu.items[1].items[0].payload.as_deref(), Some("HUMAN"));
}

#[tokio::test]
async fn create_integration_menu_posts_the_menu() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, path("/menu"))
        .body(menu_json())
        .answer(&server, 201, MENU_BODY)
        .await;
    let result = client(&server)
        .create_integration_menu(APP, INTEGRATION, &menu())
        .await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().menu.items.len(), 2);
}

#[tokio::test]
async fn update_integration_menu_puts_the_menu() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(PUT, path("/menu"))
        .body(menu_json())
        .answer(&server, 200, MENU_BODY)
        .await;
    let result = client(&server)
        .update_integration_menu(APP, INTEGRATION, &menu())
        .await;
    mock.assert_async().await;
    assert_eq!(
        result.unwrap().menu.items[0].uri.as_deref(),
        Some("https://example.org")
    );
}

#[tokio::test]
async fn delete_integration_menu_sends_a_bodyless_delete() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(DELETE, path("/menu"))
        .answer(&server, 200, "{}")
        .await;
    let result = client(&server)
        .delete_integration_menu(APP, INTEGRATION)
        .await;
    mock.assert_async().await;
    result.unwrap();
}

#[tokio::test]
async fn get_integration_profile_decodes_the_free_form_profile() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, path("/profile"))
        .answer(
            &server,
            200,
            r#"{"profile":{"about":"Open 9 to 5","vertical":"Retail","websites":["https://example.org"]}}"#,
        )
        .await;
    let result = client(&server)
        .get_integration_profile(APP, INTEGRATION)
        .await;
    mock.assert_async().await;
    let profile = result.unwrap().profile.unwrap();
    assert_eq!(profile["about"], "Open 9 to 5");
    assert_eq!(profile["websites"], json!(["https://example.org"]));
}

#[tokio::test]
async fn update_integration_profile_puts_the_profile_and_expects_no_body() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(PUT, path("/profile"))
        .body(json!({
            "about": "Open 9 to 5",
            "address": "1 Main St",
            "description": "Shoes",
            "email": "hi@example.org",
            "photoUrl": "https://example.org/logo.jpg",
            "vertical": "Retail",
            "websites": ["https://example.org", "https://shop.example.org"]
        }))
        .answer(&server, 200, "")
        .await;
    let profile = IntegrationProfileUpdate::new()
        .with_about("Open 9 to 5")
        .with_address("1 Main St")
        .with_description("Shoes")
        .with_email("hi@example.org")
        .with_photo_url("https://example.org/logo.jpg")
        .with_vertical("Retail")
        .with_websites(["https://example.org", "https://shop.example.org"]);
    let result = client(&server)
        .update_integration_profile(APP, INTEGRATION, &profile)
        .await;
    mock.assert_async().await;
    result.unwrap();
}

#[tokio::test]
async fn upload_integration_profile_photo_puts_the_file_as_the_source_part() {
    let server = MockServer::start_async().await;
    let expected_path = path("/profile/photo");
    let mock = server
        .mock_async(|when, then| {
            when.method(PUT)
                .is_true(move |request| {
                    request.uri().path() == expected_path && request.uri().query().is_none()
                })
                .header("authorization", BASIC)
                .header("accept", "application/json")
                .header_matches("content-type", "^multipart/form-data; boundary=.+$")
                .body_includes(
                    "Content-Disposition: form-data; name=\"source\"; filename=\"logo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEGDATA\r\n",
                )
                .is_true(|request| {
                    // One part only: the file.
                    String::from_utf8_lossy(request.body_ref())
                        .matches("Content-Disposition")
                        .count()
                        == 1
                });
            then.status(200)
                .body(r#"{"photoUrl":"https://media.smooch.io/apps/5963c0d619a30a2e00de36b8/logo.jpg"}"#);
        })
        .await;
    let photo = Upload::new("logo.jpg", &b"JPEGDATA"[..]);
    let result = client(&server)
        .upload_integration_profile_photo(APP, INTEGRATION, &photo)
        .await;
    mock.assert_async().await;
    assert_eq!(
        result.unwrap().photo_url,
        "https://media.smooch.io/apps/5963c0d619a30a2e00de36b8/logo.jpg"
    );
}

/// Two pages of one type filter: both ask for the same types, the second from where the first
/// ended; every integration once.
#[tokio::test]
async fn integrations_streams_every_page_once() {
    let server = MockServer::start_async().await;
    let first = Expect::new(GET, app_path("/integrations"))
        .query("types=web&limit=100&offset=0")
        .answer(
            &server,
            200,
            r#"{"integrations":[{"_id":"w1","type":"web"},{"_id":"w2","type":"web"}],"hasMore":true,"offset":0}"#,
        )
        .await;
    let second = Expect::new(GET, app_path("/integrations"))
        .query("types=web&limit=100&offset=2")
        .answer(
            &server,
            200,
            r#"{"integrations":[{"_id":"w3","type":"web"}],"hasMore":false,"offset":2}"#,
        )
        .await;

    let all: Vec<Integration> = client(&server)
        .integrations(APP, Some(&[IntegrationType::Web]))
        .try_collect()
        .await
        .unwrap();

    assert_eq!(first.calls_async().await, 1);
    assert_eq!(second.calls_async().await, 1);
    let ids: Vec<&str> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["w1", "w2", "w3"]);
}

/// Each constructor sends its type and the fields the type requires (spec §2.7), credentials
/// included, byte for byte as the flat create body did before the types had models of their
/// own; the body reads back (strictly) as it was built; and `Debug` shows none of the
/// credentials.
#[test]
fn every_constructor_sends_its_types_required_fields() {
    let cases = [
        (
            IntegrationCreate::messenger("s-page", "fb-app", "s-app"),
            r#"{"type":"messenger","pageAccessToken":"s-page","appId":"fb-app","appSecret":"s-app"}"#,
        ),
        (
            IntegrationCreate::instagram("s-page", "fb-app", "s-app"),
            r#"{"type":"instagram","pageAccessToken":"s-page","appId":"fb-app","appSecret":"s-app"}"#,
        ),
        (
            IntegrationCreate::twilio("AC1", "s-auth", "PN1"),
            r#"{"type":"twilio","accountSid":"AC1","authToken":"s-auth","phoneNumberSid":"PN1"}"#,
        ),
        (
            IntegrationCreate::telegram("s-bot"),
            r#"{"type":"telegram","token":"s-bot"}"#,
        ),
        (
            IntegrationCreate::viber("s-viber"),
            r#"{"type":"viber","token":"s-viber"}"#,
        ),
        (
            IntegrationCreate::line("1553", "s-channel", "s-access"),
            r#"{"type":"line","channelId":"1553","channelSecret":"s-channel","channelAccessToken":"s-access"}"#,
        ),
        (
            IntegrationCreate::wechat("wx1", "s-wechat"),
            r#"{"type":"wechat","appId":"wx1","appSecret":"s-wechat"}"#,
        ),
        (
            IntegrationCreate::mailgun("s-mailgun", "mg.example.org", "support@mg.example.org"),
            r#"{"type":"mailgun","apiKey":"s-mailgun","domain":"mg.example.org","incomingAddress":"support@mg.example.org"}"#,
        ),
        (
            IntegrationCreate::messagebird("s-bird", "+15145555555"),
            r#"{"type":"messagebird","accessKey":"s-bird","originator":"+15145555555"}"#,
        ),
        (
            IntegrationCreate::apn("s-cert"),
            r#"{"type":"apn","certificate":"s-cert"}"#,
        ),
        (
            IntegrationCreate::fcm("s-server", "1029384756"),
            r#"{"type":"fcm","serverKey":"s-server","senderId":"1029384756"}"#,
        ),
        (
            IntegrationCreate::twitter("ck", "s-consumer", "atk", "s-token"),
            r#"{"type":"twitter","consumerKey":"ck","consumerSecret":"s-consumer","accessTokenKey":"atk","accessTokenSecret":"s-token"}"#,
        ),
        (
            IntegrationCreate::new(IntegrationKind::Twitter(
                Twitter::default()
                    .with_consumer_key("ck")
                    .with_consumer_secret("s-consumer")
                    .with_access_token_key("atk")
                    .with_access_token_secret("s-token")
                    .with_tier(TwitterTier::Premium)
                    .with_env_name("prod"),
            )),
            r#"{"type":"twitter","consumerKey":"ck","consumerSecret":"s-consumer","accessTokenKey":"atk","accessTokenSecret":"s-token","tier":"premium","envName":"prod"}"#,
        ),
        (
            IntegrationCreate::whatsapp("dep1"),
            r#"{"type":"whatsapp","deploymentId":"dep1"}"#,
        ),
        (
            IntegrationCreate::new(IntegrationKind::Whatsapp(
                Whatsapp::default()
                    .with_deployment_id("dep1")
                    .with_settings(WhatsappSettings::default().with_hsm_fallback_language("en_US")),
            )),
            r#"{"type":"whatsapp","deploymentId":"dep1","hsmFallbackLanguage":"en_US"}"#,
        ),
        (IntegrationCreate::web(), r#"{"type":"web"}"#),
        (IntegrationCreate::android(), r#"{"type":"android"}"#),
        (IntegrationCreate::ios(), r#"{"type":"ios"}"#),
        (
            IntegrationCreate::apple("b1", "s-apple", "msp1"),
            r#"{"type":"apple","businessId":"b1","apiSecret":"s-apple","mspId":"msp1"}"#,
        ),
        (
            IntegrationCreate::new(IntegrationKind::Apple(
                Apple::default()
                    .with_business_id("b1")
                    .with_msp_id("msp1")
                    .with_api_secret("s-apple"),
            )),
            r#"{"type":"apple","businessId":"b1","apiSecret":"s-apple","mspId":"msp1"}"#,
        ),
        (
            IntegrationCreate::new(IntegrationKind::Other({
                let mut kakao = Unknown::new("kakao");
                kakao.fields.insert("channelKey".into(), json!("k1"));
                kakao
            })),
            r#"{"type":"kakao","channelKey":"k1"}"#,
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(serde_json::to_string(&body).unwrap(), expected);
        let read: IntegrationCreate = serde_json::from_str(expected).unwrap();
        assert_eq!(read, body, "{expected}");
        let shown = format!("{body:?}");
        assert!(!shown.contains("\"s-"), "a credential shown: {shown}");
    }
    // The display name, when given, follows the type's fields.
    let named = IntegrationCreate::telegram("s-bot").with_display_name("Acme bot");
    assert_eq!(
        serde_json::to_string(&named).unwrap(),
        r#"{"type":"telegram","token":"s-bot","displayName":"Acme bot"}"#
    );
}

/// Decoding a create body (a template kept in a file) is strict: no type, no body.
#[test]
fn a_create_body_without_its_type_is_refused() {
    let error = serde_json::from_str::<IntegrationCreate>(r#"{"token":"x"}"#).unwrap_err();
    assert!(error.to_string().contains("type"), "{error}");
    let error = serde_json::from_str::<IntegrationCreate>(r#"{"type":null}"#).unwrap_err();
    assert!(error.to_string().contains("type"), "{error}");
}
