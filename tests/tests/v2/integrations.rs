//! Integrations: the 5 operations on the wire, the integrations stream, and the 16 types as
//! read, created and updated.

use httpmock::prelude::*;
use serde_json::{Value, json};
use smooch_client::Secret;
use smooch_client::v2::IntegrationsApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    AndroidCreate, AndroidUpdate, AppleCreate, AppleUpdate, Custom, CustomUpdate, CustomWebhook,
    FacebookCredentials, InstagramCreate, InstagramUpdate, Integration, IntegrationCreate,
    IntegrationCreateKind, IntegrationKind, IntegrationListFilter, IntegrationResponse,
    IntegrationStatus, IntegrationType, IntegrationUpdate, IosCreate, IosUpdate, LineCreate,
    LineUpdate, MailgunCreate, MailgunUpdate, MessagebirdCreate, MessagebirdUpdate,
    MessengerCreate, MessengerUpdate, Page, PrechatCapture, PrechatField, ResponderSettings,
    TelegramCreate, TelegramUpdate, TwilioCreate, TwilioSender, TwilioUpdate, TwitterCreate,
    TwitterUpdate, UnityCreate, UnityUpdate, ViberCreate, ViberUpdate, WebCreate, WebSettings,
    WebUpdate, WhatsappCreate, WhatsappUpdate,
};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Integrations",
        "CreateIntegration",
        "POST",
        "/v2/apps/<app_id>/integrations",
        201,
    ),
    row(
        "Integrations",
        "ListIntegrations",
        "GET",
        "/v2/apps/<app_id>/integrations",
        200,
    ),
    row(
        "Integrations",
        "GetIntegration",
        "GET",
        "/v2/apps/<app_id>/integrations/<integration_id>",
        200,
    ),
    row(
        "Integrations",
        "UpdateIntegration",
        "PATCH",
        "/v2/apps/<app_id>/integrations/<integration_id>",
        200,
    ),
    row(
        "Integrations",
        "DeleteIntegration",
        "DELETE",
        "/v2/apps/<app_id>/integrations/<integration_id>",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateIntegration" => {
            boxed(v2.create_integration(ID, &IntegrationCreate::new(TelegramCreate::new("t"))))
        }
        "ListIntegrations" => {
            boxed(v2.list_integrations(ID, &Page::first(), &IntegrationListFilter::default()))
        }
        "GetIntegration" => boxed(v2.get_integration(ID, ID)),
        "UpdateIntegration" => {
            boxed(v2.update_integration(ID, ID, &CustomUpdate::default().into()))
        }
        "DeleteIntegration" => boxed(v2.delete_integration(ID, ID)),
        _ => None,
    }
}

/// The integration id used in paths.
const INTEGRATION: &str = "5e4af71a81966c000f7f8cd0";

/// A `messenger` integration as the sheet's fields answer it (no `appSecret`: write-only).
fn messenger_json() -> Value {
    json!({
        "id": INTEGRATION,
        "type": "messenger",
        "status": "active",
        "displayName": "Acme on Messenger",
        "pageAccessToken": "page-token",
        "appId": "fb-app",
        "pageId": "104823511187233",
        "pageName": "Acme",
        "defaultResponder": {
            "name": "bot", "integrationId": "5e4af71a81966c000f7f8cd9",
            "integrationType": "custom", "deliverStandbyEvents": false,
            "nextSwitchboardIntegrationId": null, "messageHistoryCount": 5,
            "inherited": true
        },
        "showAIDisclaimer": true
    })
}

fn only(response: IntegrationResponse) -> Integration {
    response.integration.expect("an integration")
}

#[tokio::test]
async fn create_integration_posts_the_type_its_fields_and_secrets_and_reads_the_answer() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/integrations"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({
                    "displayName": "Acme on Messenger",
                    "type": "messenger",
                    "pageAccessToken": "page-token",
                    "appId": "fb-app",
                    "appSecret": "fb-secret",
                    "defaultResponderId": "5e4af71a81966c000f7f8cd9",
                    "showAIDisclaimer": true
                }));
            then.status(201)
                .json_body(json!({"integration": messenger_json()}));
        })
        .await;
    let body = IntegrationCreate::new(
        MessengerCreate::new(FacebookCredentials::new(
            "page-token",
            "fb-app",
            "fb-secret",
        ))
        .with_responder(
            ResponderSettings::default()
                .with_default_responder_id("5e4af71a81966c000f7f8cd9")
                .with_show_ai_disclaimer(true),
        ),
    )
    .with_display_name("Acme on Messenger");
    let integration = only(v2(&server).create_integration(APP, &body).await.unwrap());
    mock.assert_async().await;
    assert_eq!(integration.id.as_deref(), Some(INTEGRATION));
    assert_eq!(integration.status, Some(IntegrationStatus::Active));
    assert_eq!(
        integration.display_name.as_deref(),
        Some("Acme on Messenger")
    );
    assert_eq!(
        integration.kind.integration_type(),
        IntegrationType::Messenger
    );
    let IntegrationKind::Messenger(messenger) = integration.kind else {
        panic!("a messenger integration")
    };
    assert_eq!(messenger.app_id.as_deref(), Some("fb-app"));
    assert_eq!(messenger.page_id.as_deref(), Some("104823511187233"));
    assert_eq!(messenger.page_name.as_deref(), Some("Acme"));
    assert_eq!(messenger.page_access_token, Some(Secret::new("page-token")));
    assert!(messenger.extra.is_empty(), "{:?}", messenger.extra);
    let responder = messenger.responder.default_responder.unwrap();
    assert_eq!(responder.name.as_deref(), Some("bot"));
    assert_eq!(responder.integration_type.as_deref(), Some("custom"));
    assert_eq!(responder.message_history_count, Some(5.0));
    assert_eq!(responder.inherited, Some(true));
    assert_eq!(responder.next_switchboard_integration_id, None);
    assert_eq!(messenger.responder.show_ai_disclaimer, Some(true));
}

#[tokio::test]
async fn create_integration_of_a_custom_type_reads_its_webhook_and_secret() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/integrations"))
                .json_body(json!({
                    "type": "custom",
                    "webhooks": [{"target": "https://example.org/hook",
                                  "triggers": ["conversation:message", "conversation:read"],
                                  "includeFullSource": true}]
                }));
            then.status(201).json_body(json!({"integration": {
                "id": INTEGRATION, "type": "custom", "status": "active",
                "webhooks": [{"id": "5e4af71a81966c000f7f8cd2", "version": "v2",
                              "target": "https://example.org/hook",
                              "triggers": ["conversation:message", "conversation:read"],
                              "secret": "8564b3e6a8b20a4bdb68b05d9ea97aace9bc5936",
                              "includeFullUser": false, "includeFullSource": true}]
            }}));
        })
        .await;
    let hook = CustomWebhook::new(
        "https://example.org/hook",
        ["conversation:message", "conversation:read"],
    )
    .with_include_full_source(true);
    let integration = only(
        v2(&server)
            .create_integration(APP, &IntegrationCreate::new(Custom::new(hook)))
            .await
            .unwrap(),
    );
    mock.assert_async().await;
    let IntegrationKind::Custom(custom) = &integration.kind else {
        panic!("a custom integration")
    };
    let webhook = &custom.webhooks[0];
    assert_eq!(webhook.id.as_deref(), Some("5e4af71a81966c000f7f8cd2"));
    assert_eq!(webhook.version.as_deref(), Some("v2"));
    assert_eq!(
        webhook.triggers,
        ["conversation:message", "conversation:read"]
    );
    assert_eq!(
        webhook.secret,
        Some(Secret::new("8564b3e6a8b20a4bdb68b05d9ea97aace9bc5936"))
    );
    assert_eq!(webhook.include_full_user, Some(false));
    assert!(
        !format!("{integration:?}").contains("8564b3e6"),
        "the webhook secret is not printed"
    );
}

#[tokio::test]
async fn list_integrations_sends_the_page_and_types_keys_and_reads_each_type() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations"))
                .header("authorization", BASIC)
                .query_param("page[before]", "5e4af71a81966c000f7f8cd5")
                .query_param("page[size]", "2")
                .query_param("filter[types]", "web,custom")
                .query_param_count(".*", ".*", 3);
            then.status(200).json_body(json!({
                "integrations": [
                    {"id": "5e4af71a81966c000f7f8cd3", "type": "web", "status": "active",
                     "brandColor": "65758e", "displayStyle": "tab", "buttonWidth": "58",
                     "integrationOrder": ["5e4af71a81966c000f7f8cd0"],
                     "originWhitelist": ["https://example.org"],
                     "prechatCapture": {"enabled": true, "avatarUrl": "undefined",
                                        "fields": [{"type": "email", "name": "email",
                                                    "label": "Your e-mail",
                                                    "placeholder": "you@example.org"}]},
                     "canUserSeeConversationList": true, "attachmentsEnabled": false,
                     "showAIDisclaimer": false},
                    {"id": "5e4af71a81966c000f7f8cd4", "type": "custom", "webhooks": []}
                ],
                "meta": {"hasMore": true, "beforeCursor": "5e4af71a81966c000f7f8cd3"},
                "links": {"prev": "https://api.smooch.io/v2/apps/x/integrations?page[before]=5e4af71a81966c000f7f8cd3"}
            }));
        })
        .await;
    let page = Page::before("5e4af71a81966c000f7f8cd5").with_size(2);
    let filter = IntegrationListFilter::default()
        .with_types([IntegrationType::Web, IntegrationType::Custom]);
    let list = v2(&server)
        .list_integrations(APP, &page, &filter)
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.integrations.len(), 2);
    let IntegrationKind::Web(web) = &list.integrations[0].kind else {
        panic!("a web integration")
    };
    assert_eq!(web.settings.brand_color.as_deref(), Some("65758e"));
    assert_eq!(
        web.settings.display_style,
        Some(smooch_client::models::WebDisplayStyle::Tab)
    );
    assert_eq!(
        web.integration_order.as_deref(),
        Some(&[INTEGRATION.to_owned()][..])
    );
    assert_eq!(
        web.settings
            .conversation_list
            .can_user_see_conversation_list,
        Some(true)
    );
    assert_eq!(web.attachments_enabled, Some(false));
    assert_eq!(web.responder.show_ai_disclaimer, Some(false));
    let prechat = web.settings.prechat_capture.as_ref().unwrap();
    assert_eq!(prechat.enabled, Some(true));
    assert_eq!(
        prechat.fields[0].placeholder.as_deref(),
        Some("you@example.org")
    );
    assert_eq!(
        list.integrations[1].kind.integration_type(),
        IntegrationType::Custom
    );
    let meta = list.meta.unwrap();
    assert_eq!(
        meta.before_cursor.as_deref(),
        Some("5e4af71a81966c000f7f8cd3")
    );
    assert!(list.links.unwrap().prev.is_some());
}

#[tokio::test]
async fn get_integration_encodes_its_id_and_a_404_says_integration_not_found() {
    let server = MockServer::start_async().await;
    let found = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations/{INTEGRATION}"))
                .header("authorization", BASIC);
            then.status(200)
                .json_body(json!({"integration": messenger_json()}));
        })
        .await;
    let missing = server
        .mock_async(|when, then| {
            when.method(GET).is_true(|request| {
                request.uri().path() == format!("/v2/apps/{APP}/integrations/no%2Fsuch%20one")
            });
            then.status(404).json_body(json!({"errors": [
                {"code": "integration_not_found", "title": "Integration not found"}
            ]}));
        })
        .await;
    let integration = only(v2(&server).get_integration(APP, INTEGRATION).await.unwrap());
    found.assert_async().await;
    assert!(matches!(integration.kind, IntegrationKind::Messenger(_)));
    let error = v2(&server)
        .get_integration(APP, "no/such one")
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
    let smooch_client::Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("integration_not_found"));
}

#[tokio::test]
async fn update_integration_patches_the_members_keys_without_a_type_and_nulls_what_is_unset() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(PATCH)
                .path(format!("/v2/apps/{APP}/integrations/{INTEGRATION}"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({
                    "displayName": "Support",
                    "defaultResponderId": null,
                    "brandColor": "65a4e0",
                    "canUserCreateMoreConversations": false,
                    "buttonIconUrl": null,
                    "originWhitelist": ["https://example.org"]
                }));
            then.status(200).json_body(json!({"integration": {
                "id": INTEGRATION, "type": "web", "displayName": "Support",
                "brandColor": "65a4e0", "originWhitelist": ["https://example.org"]
            }}));
        })
        .await;
    let update = WebUpdate::default()
        .with_display_name("Support".to_owned())
        .with_default_responder_id(None)
        .with_settings(
            WebSettings::default()
                .with_brand_color("65a4e0")
                .with_conversation_list(
                    smooch_client::v2::models::ConversationListSettings::default()
                        .with_can_user_create_more_conversations(false),
                ),
        )
        .with_button_icon_url(None)
        .with_origin_whitelist(Some(vec!["https://example.org".to_owned()]));
    let integration = only(
        v2(&server)
            .update_integration(APP, INTEGRATION, &update.into())
            .await
            .unwrap(),
    );
    mock.assert_async().await;
    assert_eq!(integration.display_name.as_deref(), Some("Support"));
    let IntegrationKind::Web(web) = integration.kind else {
        panic!("a web integration")
    };
    assert_eq!(web.settings.brand_color.as_deref(), Some("65a4e0"));
}

#[tokio::test]
async fn delete_integration_accepts_an_empty_object_and_a_400_is_a_bad_request() {
    let server = MockServer::start_async().await;
    let deleted = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("/v2/apps/{APP}/integrations/{INTEGRATION}"))
                .header("authorization", BASIC);
            then.status(200).json_body(json!({}));
        })
        .await;
    let refused = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .path(format!("/v2/apps/{APP}/integrations/sdk"));
            then.status(400).json_body(json!({"errors": [
                {"code": "bad_request", "title": "Integrations created in Admin Center cannot be deleted"}
            ]}));
        })
        .await;
    v2(&server)
        .delete_integration(APP, INTEGRATION)
        .await
        .unwrap();
    deleted.assert_async().await;
    let error = v2(&server)
        .delete_integration(APP, "sdk")
        .await
        .unwrap_err();
    refused.assert_async().await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    let smooch_client::Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("bad_request"));
}

/// The `n`th integration of the stream tests.
fn numbered(n: u32) -> Value {
    json!({"id": format!("5e4af71a81966c000f7f8c{n:02}"), "type": "web"})
}

fn ids(items: &[smooch_client::Result<Integration>]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item.as_ref().ok())
        .map(|integration| integration.id.clone().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_integrations_stream_walks_two_pages_with_the_filter_on_each() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations"))
                .query_param_missing("page[after]")
                .query_param("page[size]", "100")
                .query_param("filter[types]", "web");
            then.status(200).json_body(json!({
                "integrations": [numbered(1), numbered(2)],
                "meta": {"hasMore": true, "afterCursor": "5e4af71a81966c000f7f8c02"}
            }));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations"))
                .query_param("page[after]", "5e4af71a81966c000f7f8c02")
                .query_param("page[size]", "100")
                .query_param("filter[types]", "web");
            then.status(200).json_body(json!({
                "integrations": [numbered(3)],
                "meta": {"hasMore": false}
            }));
        })
        .await;
    let filter = IntegrationListFilter::default().with_types([IntegrationType::Web]);
    let items: Vec<_> = v2(&server).integrations(APP, filter).collect().await;
    first.assert_async().await;
    second.assert_async().await;
    assert_eq!(
        ids(&items),
        [
            "5e4af71a81966c000f7f8c01",
            "5e4af71a81966c000f7f8c02",
            "5e4af71a81966c000f7f8c03"
        ]
    );
    assert!(items.iter().all(Result::is_ok), "no error: {items:?}");
}

#[tokio::test]
async fn the_integrations_stream_ends_on_a_repeated_cursor() {
    use futures_util::StreamExt;
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations"))
                .query_param_missing("page[after]");
            then.status(200).json_body(json!({
                "integrations": [numbered(1)],
                "meta": {"hasMore": true, "afterCursor": "5e4af71a81966c000f7f8c01"}
            }));
        })
        .await;
    let again = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/integrations"))
                .query_param("page[after]", "5e4af71a81966c000f7f8c01");
            // The same cursor again, with one new integration and one seen already.
            then.status(200).json_body(json!({
                "integrations": [numbered(1), numbered(2)],
                "meta": {"hasMore": true, "afterCursor": "5e4af71a81966c000f7f8c01"}
            }));
        })
        .await;
    let items: Vec<_> = v2(&server)
        .integrations(APP, IntegrationListFilter::default())
        .collect()
        .await;
    first.assert_async().await;
    assert_eq!(
        again.calls_async().await,
        1,
        "the repeated cursor is not read again"
    );
    assert_eq!(
        ids(&items),
        ["5e4af71a81966c000f7f8c01", "5e4af71a81966c000f7f8c02"]
    );
    let error = items.last().unwrap().as_ref().unwrap_err();
    let smooch_client::Error::Pagination(stall) = error else {
        panic!("{error}")
    };
    assert_eq!(stall.stream, "integrations");
}

/// Each of the 16 types: its tag, an answer written from the sheet's fields (read-only ones
/// included), its create body and its update body.
fn types() -> Vec<(IntegrationType, Value, IntegrationCreate, IntegrationUpdate)> {
    vec![
        (
            IntegrationType::Android,
            json!({"senderId": "1234", "attachmentsEnabled": true,
                   "canUserCreateMoreConversations": true}),
            IntegrationCreate::new(AndroidCreate::default().with_private_key("pk")),
            AndroidUpdate::default().with_server_key(None).into(),
        ),
        (
            IntegrationType::Apple,
            json!({"businessId": "b1", "mspId": "m1"}),
            IntegrationCreate::new(AppleCreate::new("b1", "msp-secret", "m1")),
            AppleUpdate::default()
                .with_authentication_message_secret("s".repeat(88))
                .into(),
        ),
        (
            IntegrationType::Custom,
            json!({"webhooks": [{"target": "https://example.org", "triggers": ["*"]}]}),
            IntegrationCreate::new(Custom::new(CustomWebhook::new(
                "https://example.org",
                ["*"],
            ))),
            CustomUpdate::default().with_display_name(None).into(),
        ),
        (
            IntegrationType::Instagram,
            json!({"appId": "a", "businessName": "Acme", "businessUsername": "acme",
                   "pageId": "p", "businessId": "b", "username": "u", "userId": "u1",
                   "storyRepliesEnabled": true}),
            IntegrationCreate::new(InstagramCreate::new(FacebookCredentials::new(
                "token", "a", "secret",
            ))),
            InstagramUpdate::default()
                .with_story_mentions_enabled(false)
                .into(),
        ),
        (
            IntegrationType::Ios,
            json!({"production": true, "autoUpdateBadge": false, "attachmentsEnabled": true}),
            IntegrationCreate::new(IosCreate::default().with_certificate("cert")),
            IosUpdate::default().with_production(true).into(),
        ),
        (
            IntegrationType::Line,
            json!({"channelId": "c", "serviceCode": "s", "qrCodeUrl": "https://qr",
                   "lineId": "@acme"}),
            IntegrationCreate::new(LineCreate::default()),
            LineUpdate::default().with_show_ai_disclaimer(true).into(),
        ),
        (
            IntegrationType::Mailgun,
            json!({"domain": "mg.example.org", "incomingAddress": "help@mg.example.org",
                   "hideUnsubscribeLink": true, "fromAddress": "help@example.org"}),
            IntegrationCreate::new(MailgunCreate::new(
                "key",
                "mg.example.org",
                "help@mg.example.org",
            )),
            MailgunUpdate::default().with_from_address(None).into(),
        ),
        (
            IntegrationType::Messagebird,
            json!({"originator": "+15145555555", "webhookSecret": "ws"}),
            IntegrationCreate::new(MessagebirdCreate::new("access", "signing", "+15145555555")),
            MessagebirdUpdate::default()
                .with_display_name("SMS".to_owned())
                .into(),
        ),
        (
            IntegrationType::Messenger,
            json!({"appId": "a", "pageId": 104823511187233u64, "pageName": "Acme"}),
            IntegrationCreate::new(MessengerCreate::new(FacebookCredentials::new(
                "token", "a", "secret",
            ))),
            MessengerUpdate::default()
                .with_page_access_token("token")
                .into(),
        ),
        (
            IntegrationType::Telegram,
            json!({"username": "acme_bot", "botId": "42"}),
            IntegrationCreate::new(TelegramCreate::new("token")),
            TelegramUpdate::default().into(),
        ),
        (
            IntegrationType::Twilio,
            json!({"accountSid": "AC1", "phoneNumberSid": "PN1"}),
            IntegrationCreate::new(TwilioCreate::new(
                "AC1",
                "token",
                TwilioSender::PhoneNumber("PN1".into()),
            )),
            TwilioUpdate::default().into(),
        ),
        (
            IntegrationType::Twitter,
            json!({"tier": "enterprise", "envName": "prod"}),
            IntegrationCreate::new(TwitterCreate::new("ck", "cs", "atk", "ats")),
            TwitterUpdate::default().into(),
        ),
        (
            IntegrationType::Unity,
            json!({"canUserSeeConversationList": false, "attachmentsEnabled": true}),
            IntegrationCreate::new(UnityCreate::default()),
            UnityUpdate::default().into(),
        ),
        (
            IntegrationType::Viber,
            json!({"uri": "acme", "accountId": "v1"}),
            IntegrationCreate::new(ViberCreate::new("token")),
            ViberUpdate::default().into(),
        ),
        (
            IntegrationType::Web,
            json!({"brandColor": "65758e", "attachmentsEnabled": true}),
            IntegrationCreate::new(WebCreate::default().with_settings(
                WebSettings::default().with_prechat_capture(
                    PrechatCapture::default().with_field(PrechatField::new(
                        "text",
                        "name",
                        "Your name",
                    )),
                ),
            )),
            WebUpdate::default().with_integration_order(None).into(),
        ),
        (
            IntegrationType::Whatsapp,
            json!({"hsmFallbackLanguage": "en_US", "accountId": "w1", "phoneNumber": "+15145555555"}),
            IntegrationCreate::new(WhatsappCreate::default()),
            WhatsappUpdate::default().with_account_id(None).into(),
        ),
    ]
}

#[test]
fn each_of_the_16_types_reads_into_its_member_and_back_unchanged() {
    let types = types();
    assert_eq!(types.len(), 16);
    for (kind, fields, _, _) in types {
        let mut json = fields.clone();
        json["type"] = json!(kind.as_str());
        json["id"] = json!(INTEGRATION);
        json["showAIDisclaimer"] = json!(false);
        let integration: Integration = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(integration.kind.integration_type(), kind, "{json}");
        assert!(
            !matches!(integration.kind, IntegrationKind::Other(_)),
            "{kind} is a known type"
        );
        let mut back = serde_json::to_value(&integration).unwrap();
        if kind == IntegrationType::Messenger {
            // The page id is read as text whether it comes as a number or a string.
            assert_eq!(back["pageId"], "104823511187233");
            back["pageId"] = json["pageId"].clone();
        }
        if kind == IntegrationType::Custom {
            // `custom` has no default responder: the switch is a key it does not know, kept.
            let IntegrationKind::Custom(custom) = &integration.kind else {
                unreachable!()
            };
            assert_eq!(custom.extra["showAIDisclaimer"], false);
        }
        assert_eq!(back, json, "{kind}: every key read is written back");
    }
}

#[test]
fn each_create_body_sends_its_type_and_each_update_none() {
    for (kind, _, create, update) in types() {
        let sent = serde_json::to_value(&create).unwrap();
        assert_eq!(sent["type"], kind.as_str());
        assert!(
            !matches!(create.kind, IntegrationCreateKind::Other(_)),
            "{kind}"
        );
        // What is sent is read back as the same body, strictly.
        let read: IntegrationCreate = serde_json::from_value(sent.clone()).unwrap();
        assert_eq!(read, create, "{kind}");
        let patch = serde_json::to_value(&update).unwrap();
        assert!(patch.get("type").is_none(), "{kind}: {patch}");
    }
}

#[test]
fn write_only_secrets_go_out_in_create_bodies_and_are_never_printed() {
    let bodies = [
        (
            IntegrationCreate::new(AppleCreate::new("b", "S1-apple", "m")),
            "apiSecret",
            "S1-apple",
        ),
        (
            IntegrationCreate::new(InstagramCreate::new(FacebookCredentials::new(
                "S2-token", "a", "s",
            ))),
            "pageAccessToken",
            "S2-token",
        ),
        (
            IntegrationCreate::new(MailgunCreate::new("S3-key", "d", "i")),
            "apiKey",
            "S3-key",
        ),
        (
            IntegrationCreate::new(MessagebirdCreate::new("S4-access", "s", "o")),
            "accessKey",
            "S4-access",
        ),
        (
            IntegrationCreate::new(MessengerCreate::new(FacebookCredentials::new(
                "t",
                "a",
                "S5-secret",
            ))),
            "appSecret",
            "S5-secret",
        ),
        (
            IntegrationCreate::new(TelegramCreate::new("S6-token")),
            "token",
            "S6-token",
        ),
        (
            IntegrationCreate::new(TwilioCreate::new(
                "AC",
                "S7-auth",
                TwilioSender::MessagingService("MG".into()),
            )),
            "authToken",
            "S7-auth",
        ),
        (
            IntegrationCreate::new(TwitterCreate::new("k", "S8-secret", "t", "s")),
            "consumerSecret",
            "S8-secret",
        ),
        (
            IntegrationCreate::new(ViberCreate::new("S9-token")),
            "token",
            "S9-token",
        ),
        (
            IntegrationCreate::new(AndroidCreate::default().with_private_key("S10-key")),
            "privateKey",
            "S10-key",
        ),
        (
            IntegrationCreate::new(IosCreate::default().with_password("S11-pass")),
            "password",
            "S11-pass",
        ),
    ];
    for (body, key, secret) in bodies {
        assert_eq!(serde_json::to_value(&body).unwrap()[key], secret);
        assert!(!format!("{body:?}").contains(secret), "{key} printed");
    }
}

#[test]
fn create_bodies_refuse_a_missing_or_null_required_field_naming_it() {
    for (body, field) in [
        (
            json!({"type": "messenger", "appId": "a", "pageAccessToken": "t"}),
            "appSecret",
        ),
        (
            json!({"type": "twitter", "tier": "enterprise", "consumerKey": "k",
                "consumerSecret": "s", "accessTokenKey": null, "accessTokenSecret": "x"}),
            "accessTokenKey",
        ),
        (json!({"type": "custom"}), "webhooks"),
        (
            json!({"type": "custom", "webhooks": [{"target": "https://x"}]}),
            "triggers",
        ),
        (
            json!({"type": "web", "prechatCapture": {"fields": [{"type": "text", "name": "n"}]}}),
            "label",
        ),
        (json!({"displayName": "no type"}), "type"),
    ] {
        let error = serde_json::from_value::<IntegrationCreate>(body.clone())
            .unwrap_err()
            .to_string();
        assert!(error.contains(&format!("`{field}`")), "{body}: {error}");
    }
    // The same bodies are answers the API may send: read tolerantly.
    let answer: Integration =
        serde_json::from_value(json!({"type": "custom", "webhooks": [{"target": "https://x"}]}))
            .unwrap();
    assert_eq!(
        serde_json::to_value(&answer).unwrap(),
        json!({"type": "custom", "webhooks": [{"target": "https://x"}]}),
        "a required field the answer lacks is not made up"
    );
}

#[test]
fn twilio_sends_exactly_one_sender() {
    let by_number = TwilioCreate::new("AC", "t", TwilioSender::PhoneNumber("PN".into()))
        .with_sender(TwilioSender::MessagingService("MG".into()));
    let sent = serde_json::to_value(&by_number).unwrap();
    assert_eq!(sent["messagingServiceSid"], "MG");
    assert!(sent.get("phoneNumberSid").is_none(), "{sent}");
}

mod decoding {
    use super::*;

    #[test]
    fn an_unknown_type_is_kept_with_its_tag_and_raw_json_and_written_back() {
        let json = json!({"id": INTEGRATION, "status": "active", "type": "kakao",
                          "channelKey": "k-1", "nested": {"a": [1, 2]}, "displayName": "Kakao"});
        let integration: Integration = serde_json::from_value(json.clone()).unwrap();
        let IntegrationKind::Other(other) = &integration.kind else {
            panic!("an unknown type")
        };
        assert_eq!(other.tag, "kakao");
        assert_eq!(other.fields["nested"], json!({"a": [1, 2]}));
        assert_eq!(
            integration.kind.integration_type(),
            IntegrationType::Unknown("kakao".into())
        );
        assert_eq!(integration.display_name.as_deref(), Some("Kakao"));
        assert_eq!(serde_json::to_value(&integration).unwrap(), json);
    }

    #[test]
    fn unknown_keys_are_kept_at_every_level_and_written_back() {
        let json = json!({
            "id": INTEGRATION, "type": "web", "future": 1,
            "brandColor": "65758e", "webOnlyNew": "x",
            "prechatCapture": {"enabled": true, "newSwitch": true,
                               "fields": [{"type": "text", "name": "n", "label": "N", "minSize": 2}]},
            "defaultResponder": {"name": "bot", "priority": 3}
        });
        let integration: Integration = serde_json::from_value(json.clone()).unwrap();
        let IntegrationKind::Web(web) = &integration.kind else {
            panic!("web")
        };
        assert!(integration.extra.is_empty(), "{:?}", integration.extra);
        assert_eq!(web.extra["future"], 1, "unknown keys go to the member");
        assert_eq!(web.extra["webOnlyNew"], "x");
        let prechat = web.settings.prechat_capture.as_ref().unwrap();
        assert_eq!(prechat.extra["newSwitch"], true);
        assert_eq!(prechat.fields[0].extra["minSize"], 2);
        assert_eq!(
            web.responder.default_responder.as_ref().unwrap().extra["priority"],
            3
        );
        assert_eq!(serde_json::to_value(&integration).unwrap(), json);
    }

    #[test]
    fn explicit_nulls_read_as_absent() {
        let integration: Integration = serde_json::from_value(json!({
            "id": INTEGRATION, "type": "whatsapp", "status": null, "displayName": null,
            "hsmFallbackLanguage": null, "accountId": null, "phoneNumber": null,
            "defaultResponder": null, "showAIDisclaimer": null
        }))
        .unwrap();
        assert_eq!(integration.status, None);
        assert_eq!(integration.display_name, None);
        let IntegrationKind::Whatsapp(whatsapp) = &integration.kind else {
            panic!("whatsapp")
        };
        assert_eq!(whatsapp.settings.hsm_fallback_language, None);
        assert_eq!(whatsapp.phone_number, None);
        assert_eq!(whatsapp.responder.default_responder, None);
        assert_eq!(
            serde_json::to_value(&integration).unwrap(),
            json!({"id": INTEGRATION, "type": "whatsapp"})
        );
        let custom: Integration =
            serde_json::from_value(json!({"type": "custom", "webhooks": null})).unwrap();
        let IntegrationKind::Custom(custom) = custom.kind else {
            panic!("custom")
        };
        assert!(custom.webhooks.is_empty());
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_and_the_type_may_come_last() {
        let integration: Integration = serde_json::from_str(
            r#"{"username":"old","id":"i1","status":"inactive","username":"acme_bot",
                "status":"error","type":"telegram"}"#,
        )
        .unwrap();
        assert_eq!(integration.status, Some(IntegrationStatus::Error));
        let IntegrationKind::Telegram(telegram) = &integration.kind else {
            panic!("telegram")
        };
        assert_eq!(telegram.username.as_deref(), Some("acme_bot"));
    }

    #[test]
    fn an_unknown_status_and_display_style_are_kept() {
        let integration: Integration = serde_json::from_value(json!({
            "type": "web", "status": "paused", "displayStyle": "bubble"
        }))
        .unwrap();
        assert_eq!(
            integration.status,
            Some(IntegrationStatus::Unknown("paused".into()))
        );
        let IntegrationKind::Web(web) = &integration.kind else {
            panic!("web")
        };
        assert_eq!(
            web.settings.display_style.as_ref().unwrap().as_str(),
            "bubble"
        );
    }

    #[test]
    fn an_integration_without_a_type_in_an_answer_is_tolerated() {
        let integration: Integration =
            serde_json::from_value(json!({"id": INTEGRATION, "appId": "a"})).unwrap();
        assert_eq!(integration.kind.tag(), "");
        assert_eq!(integration.id.as_deref(), Some(INTEGRATION));
    }

    #[test]
    fn an_unknown_update_member_sends_its_keys_as_they_are() {
        let mut fields = serde_json::Map::new();
        fields.insert("channelKey".into(), json!("k-2"));
        let update = IntegrationUpdate::Other(fields);
        assert_eq!(
            serde_json::to_value(&update).unwrap(),
            json!({"channelKey": "k-2"})
        );
    }
}
