//! Conformance to the v1.1 spec: a table of its operations (group, operation id, method, path
//! template, success status), written from `shared/reference/api-v1.1.md` §1 as test data, is
//! checked against what the declared endpoints send. Each row calls its Rust method against a
//! server that records the request line and answers the row's status: the method and the path
//! (with every id encoded as one segment) must be the row's, and the status must be taken as a
//! success. A missing operation does not compile; a mis-pathed one fails here.

use std::future::Future;
use std::pin::Pin;

use serde_json::json;
use smooch_client::models::{
    AppCreate, AppUpdate, AppUserLink, AppUserMerge, AppUserPreCreate, AppUserUpdate,
    AttachmentAccess, AttachmentRemove, Confirmation, ConversationActivity,
    DeploymentActivatePhoneNumber, DeploymentConfirmCode, DeploymentCreate, IntegrationCreate,
    IntegrationProfileUpdate, IntegrationType, IntegrationUpdate, Menu, MenuItem, MessagePost,
    NotificationDestination, NotificationPost, Role, SecretKeyCreate, ServiceAccountCreate,
    ServiceAccountUpdate, TemplateCreate, TemplateUpdate, UploadAttachmentOptions, WebhookCreate,
    WebhookUpdate,
};
use smooch_client::prelude::*;
use smooch_client::{Error, Upload};
use smooch_tests::Recorder;

/// One operation of the spec.
struct Row {
    group: &'static str,
    operation: &'static str,
    method: &'static str,
    path: &'static str,
    status: u16,
}

const fn row(
    group: &'static str,
    operation: &'static str,
    method: &'static str,
    path: &'static str,
    status: u16,
) -> Row {
    Row {
        group,
        operation,
        method,
        path,
        status,
    }
}

/// The operations of the spec (api-v1.1.md §1), in its order.
const ROWS: &[Row] = &[
    row(
        "AppUser",
        "getAppUser",
        "GET",
        "/v1.1/apps/<app_id>/appusers/<user_id>",
        200,
    ),
    row(
        "AppUser",
        "updateAppUser",
        "PUT",
        "/v1.1/apps/<app_id>/appusers/<user_id>",
        200,
    ),
    row(
        "AppUser",
        "deleteAppUser",
        "DELETE",
        "/v1.1/apps/<app_id>/appusers/<user_id>",
        200,
    ),
    row(
        "AppUser",
        "preCreateAppUser",
        "POST",
        "/v1.1/apps/<app_id>/appusers",
        201,
    ),
    row(
        "AppUser",
        "mergeUsers",
        "POST",
        "/v1.1/apps/<app_id>/appusers/merge",
        200,
    ),
    row(
        "AppUser",
        "postImageMessage",
        "POST",
        "/v1.1/apps/<app_id>/appusers/<user_id>/images",
        201,
    ),
    row(
        "AppUser",
        "deleteAppUserProfile",
        "DELETE",
        "/v1.1/apps/<app_id>/appusers/<user_id>/profile",
        200,
    ),
    row(
        "AppUser",
        "getAppUserAuthCode",
        "GET",
        "/v1.1/apps/<app_id>/appusers/<user_id>/authcode",
        200,
    ),
    row(
        "AppUser",
        "getAppUserEntityIds",
        "GET",
        "/v1.1/apps/<app_id>/appusers/<user_id>/channels",
        200,
    ),
    row(
        "AppUser",
        "linkAppUser",
        "POST",
        "/v1.1/apps/<app_id>/appusers/<user_id>/channels",
        200,
    ),
    row(
        "AppUser",
        "getAppUserBusinessSystemIds",
        "GET",
        "/v1.1/apps/<app_id>/appusers/<user_id>/businesssystems",
        200,
    ),
    row(
        "AppUser",
        "unlinkAppUser",
        "DELETE",
        "/v1.1/apps/<app_id>/appusers/<user_id>/channels/<channel>",
        200,
    ),
    row(
        "AppUser",
        "getLinkRequests",
        "GET",
        "/v1.1/apps/<app_id>/appusers/<user_id>/linkrequest",
        200,
    ),
    row(
        "Integration",
        "createIntegration",
        "POST",
        "/v1.1/apps/<app_id>/integrations",
        201,
    ),
    row(
        "Integration",
        "listIntegrations",
        "GET",
        "/v1.1/apps/<app_id>/integrations",
        200,
    ),
    row(
        "Integration",
        "getIntegration",
        "GET",
        "/v1.1/apps/<app_id>/integrations/<integration_id>",
        200,
    ),
    row(
        "Integration",
        "updateIntegration",
        "PUT",
        "/v1.1/apps/<app_id>/integrations/<integration_id>",
        200,
    ),
    row(
        "Integration",
        "deleteIntegration",
        "DELETE",
        "/v1.1/apps/<app_id>/integrations/<integration_id>",
        200,
    ),
    row(
        "Integration",
        "getIntegrationMenu",
        "GET",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/menu",
        200,
    ),
    row(
        "Integration",
        "createIntegrationMenu",
        "POST",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/menu",
        201,
    ),
    row(
        "Integration",
        "updateIntegrationMenu",
        "PUT",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/menu",
        200,
    ),
    row(
        "Integration",
        "deleteIntegrationMenu",
        "DELETE",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/menu",
        200,
    ),
    row(
        "Integration",
        "getIntegrationProfile",
        "GET",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/profile",
        200,
    ),
    row(
        "Integration",
        "updateIntegrationProfile",
        "PUT",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/profile",
        200,
    ),
    row(
        "Integration",
        "uploadIntegrationProfilePhoto",
        "PUT",
        "/v1.1/apps/<app_id>/integrations/<integration_id>/profile/photo",
        200,
    ),
    row("App", "createApp", "POST", "/v1.1/apps", 201),
    row("App", "listApps", "GET", "/v1.1/apps", 200),
    row("App", "getApp", "GET", "/v1.1/apps/<app_id>", 200),
    row("App", "updateApp", "PUT", "/v1.1/apps/<app_id>", 200),
    row("App", "deleteApp", "DELETE", "/v1.1/apps/<app_id>", 200),
    row("App", "getSdkIds", "GET", "/v1.1/apps/<app_id>/sdks", 200),
    row(
        "App",
        "createSecretKey",
        "POST",
        "/v1.1/apps/<app_id>/keys",
        200,
    ),
    row(
        "App",
        "listSecretKeys",
        "GET",
        "/v1.1/apps/<app_id>/keys",
        200,
    ),
    row(
        "App",
        "getSecretKey",
        "GET",
        "/v1.1/apps/<app_id>/keys/<key_id>",
        200,
    ),
    row(
        "App",
        "deleteSecretKey",
        "DELETE",
        "/v1.1/apps/<app_id>/keys/<key_id>",
        200,
    ),
    row(
        "App",
        "getAppJwt",
        "GET",
        "/v1.1/apps/<app_id>/keys/<key_id>/jwt",
        200,
    ),
    row(
        "ServiceAccount",
        "createServiceAccount",
        "POST",
        "/v1.1/serviceaccounts",
        201,
    ),
    row(
        "ServiceAccount",
        "listServiceAccounts",
        "GET",
        "/v1.1/serviceaccounts",
        200,
    ),
    row(
        "ServiceAccount",
        "getServiceAccount",
        "GET",
        "/v1.1/serviceaccounts/<service_account_id>",
        200,
    ),
    row(
        "ServiceAccount",
        "updateServiceAccount",
        "PUT",
        "/v1.1/serviceaccounts/<service_account_id>",
        200,
    ),
    row(
        "ServiceAccount",
        "deleteServiceAccount",
        "DELETE",
        "/v1.1/serviceaccounts/<service_account_id>",
        200,
    ),
    row(
        "ServiceAccount",
        "createSecretKey",
        "POST",
        "/v1.1/serviceaccounts/<service_account_id>/keys",
        200,
    ),
    row(
        "ServiceAccount",
        "listSecretKeys",
        "GET",
        "/v1.1/serviceaccounts/<service_account_id>/keys",
        200,
    ),
    row(
        "ServiceAccount",
        "getSecretKey",
        "GET",
        "/v1.1/serviceaccounts/<service_account_id>/keys/<key_id>",
        200,
    ),
    row(
        "ServiceAccount",
        "deleteSecretKey",
        "DELETE",
        "/v1.1/serviceaccounts/<service_account_id>/keys/<key_id>",
        200,
    ),
    row(
        "ServiceAccount",
        "getJwt",
        "GET",
        "/v1.1/serviceaccounts/<service_account_id>/keys/<key_id>/jwt",
        200,
    ),
    row(
        "Conversation",
        "getMessages",
        "GET",
        "/v1.1/apps/<app_id>/appusers/<user_id>/messages",
        200,
    ),
    row(
        "Conversation",
        "postMessage",
        "POST",
        "/v1.1/apps/<app_id>/appusers/<user_id>/messages",
        201,
    ),
    row(
        "Conversation",
        "deleteMessages",
        "DELETE",
        "/v1.1/apps/<app_id>/appusers/<user_id>/messages",
        200,
    ),
    row(
        "Conversation",
        "deleteMessage",
        "DELETE",
        "/v1.1/apps/<app_id>/appusers/<user_id>/messages/<message_id>",
        200,
    ),
    row(
        "Conversation",
        "resetUnreadCount",
        "POST",
        "/v1.1/apps/<app_id>/appusers/<user_id>/conversation/read",
        200,
    ),
    row(
        "Conversation",
        "conversationActivity",
        "POST",
        "/v1.1/apps/<app_id>/appusers/<user_id>/conversation/activity",
        200,
    ),
    row(
        "Deployment",
        "createDeployment",
        "POST",
        "/v1.1/whatsapp/deployments",
        201,
    ),
    row(
        "Deployment",
        "listDeployments",
        "GET",
        "/v1.1/whatsapp/deployments",
        200,
    ),
    row(
        "Deployment",
        "getDeployment",
        "GET",
        "/v1.1/whatsapp/deployments/<deployment_id>",
        200,
    ),
    row(
        "Deployment",
        "deleteDeployment",
        "DELETE",
        "/v1.1/whatsapp/deployments/<deployment_id>",
        200,
    ),
    row(
        "Deployment",
        "activatePhoneNumber",
        "POST",
        "/v1.1/whatsapp/deployments/<deployment_id>/activate",
        200,
    ),
    row(
        "Deployment",
        "confirmCode",
        "POST",
        "/v1.1/whatsapp/deployments/<deployment_id>/code/confirm",
        200,
    ),
    row(
        "Webhook",
        "createWebhook",
        "POST",
        "/v1.1/apps/<app_id>/webhooks",
        201,
    ),
    row(
        "Webhook",
        "listWebhooks",
        "GET",
        "/v1.1/apps/<app_id>/webhooks",
        200,
    ),
    row(
        "Webhook",
        "getWebhook",
        "GET",
        "/v1.1/apps/<app_id>/webhooks/<webhook_id>",
        200,
    ),
    row(
        "Webhook",
        "updateWebhook",
        "PUT",
        "/v1.1/apps/<app_id>/webhooks/<webhook_id>",
        200,
    ),
    row(
        "Webhook",
        "deleteWebhook",
        "DELETE",
        "/v1.1/apps/<app_id>/webhooks/<webhook_id>",
        200,
    ),
    row(
        "Template",
        "createTemplate",
        "POST",
        "/v1.1/apps/<app_id>/templates",
        201,
    ),
    row(
        "Template",
        "listTemplates",
        "GET",
        "/v1.1/apps/<app_id>/templates",
        200,
    ),
    row(
        "Template",
        "getTemplate",
        "GET",
        "/v1.1/apps/<app_id>/templates/<template_id>",
        200,
    ),
    row(
        "Template",
        "updateTemplate",
        "PUT",
        "/v1.1/apps/<app_id>/templates/<template_id>",
        200,
    ),
    row(
        "Template",
        "deleteTemplate",
        "DELETE",
        "/v1.1/apps/<app_id>/templates/<template_id>",
        200,
    ),
    row("Menu", "getMenu", "GET", "/v1.1/apps/<app_id>/menu", 200),
    row("Menu", "updateMenu", "PUT", "/v1.1/apps/<app_id>/menu", 200),
    row(
        "Menu",
        "deleteMenu",
        "DELETE",
        "/v1.1/apps/<app_id>/menu",
        200,
    ),
    row(
        "Attachments",
        "uploadAttachment",
        "POST",
        "/v1.1/apps/<app_id>/attachments",
        201,
    ),
    row(
        "Attachments",
        "removeAttachment",
        "POST",
        "/v1.1/apps/<app_id>/attachments/remove",
        200,
    ),
    row(
        "Notification",
        "postNotification",
        "POST",
        "/v1/apps/<app_id>/notifications",
        201,
    ),
];

/// The value of each placeholder, chosen so that each needs encoding, and its encoded form.
const VALUES: &[(&str, &str, &str)] = &[
    ("app_id", "app 1", "app%201"),
    (
        "user_id",
        "ines+vip@example.com",
        "ines%2Bvip%40example.com",
    ),
    ("message_id", "m/1", "m%2F1"),
    ("webhook_id", "wh:1", "wh%3A1"),
    ("channel", "messenger", "messenger"),
    ("integration_id", "int 1", "int%201"),
    ("key_id", "app_5963:k", "app_5963%3Ak"),
    ("service_account_id", "svc/1", "svc%2F1"),
    ("template_id", "tpl~1", "tpl~1"),
    ("deployment_id", "dep.1", "dep.1"),
];

fn value(name: &str) -> &'static str {
    VALUES
        .iter()
        .find(|(n, ..)| *n == name)
        .unwrap_or_else(|| panic!("no value for <{name}>"))
        .1
}

/// The row's path with every placeholder replaced by its encoded value.
fn filled(template: &str) -> String {
    template
        .split('/')
        .map(
            |segment| match segment.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                Some(name) => VALUES
                    .iter()
                    .find(|(n, ..)| *n == name)
                    .unwrap_or_else(|| panic!("no value for <{name}>"))
                    .2
                    .to_owned(),
                None => segment.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

type Call<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + Send + 'a>>;

/// Calls the Rust method of `operation`.
fn call<'a>(client: &'a Client, group: &str, operation: &str) -> Call<'a> {
    let (app, user) = (value("app_id"), value("user_id"));
    macro_rules! done {
        ($call:expr) => {
            Box::pin(async move { $call.await.map(drop) })
        };
    }
    match operation {
        "getAppUser" => done!(client.get_app_user(app, user)),
        "updateAppUser" => done!(client.update_app_user(app, user, &AppUserUpdate::default())),
        "deleteAppUser" => done!(client.delete_app_user(app, user)),
        "preCreateAppUser" => done!(client.pre_create_app_user(app, &AppUserPreCreate::new("u1"))),
        "mergeUsers" => done!(client.merge_users(app, &AppUserMerge::new("a", "b"))),
        "postImageMessage" => Box::pin(async move {
            let image = Upload::new("a.png", &b"png"[..]);
            client
                .post_image_message(app, user, &image, Role::AppUser)
                .await
                .map(drop)
        }),
        "deleteAppUserProfile" => done!(client.delete_app_user_profile(app, user)),
        "getAppUserAuthCode" => done!(client.get_app_user_auth_code(app, user)),
        "getAppUserEntityIds" => done!(client.get_app_user_channels(app, user)),
        "linkAppUser" => Box::pin(async move {
            let link = AppUserLink::new(IntegrationType::Twilio, Confirmation::immediate());
            client.link_app_user(app, user, &link).await.map(drop)
        }),
        "getAppUserBusinessSystemIds" => done!(client.get_app_user_business_systems(app, user)),
        "unlinkAppUser" => done!(client.unlink_app_user(app, user, &IntegrationType::Messenger)),
        "getLinkRequests" => done!(client.get_link_requests(app, user, &["i1"])),
        "getMessages" => done!(client.get_messages(app, user, Cursor::Latest)),
        "postMessage" => Box::pin(async move {
            let message = MessagePost::text(Role::AppUser, "hi");
            client.post_message(app, user, &message).await.map(drop)
        }),
        "deleteMessages" => done!(client.delete_messages(app, user)),
        "deleteMessage" => done!(client.delete_message(app, user, value("message_id"))),
        "resetUnreadCount" => done!(client.reset_unread_count(app, user)),
        "conversationActivity" => Box::pin(async move {
            let typing = ConversationActivity::typing_start();
            client
                .conversation_activity(app, user, &typing)
                .await
                .map(drop)
        }),
        "createWebhook" => Box::pin(async move {
            let webhook = WebhookCreate::new("https://bot.example.org/hook");
            client.create_webhook(app, &webhook).await.map(drop)
        }),
        "listWebhooks" => done!(client.list_webhooks(app)),
        "getWebhook" => done!(client.get_webhook(app, value("webhook_id"))),
        "updateWebhook" => Box::pin(async move {
            let update = WebhookUpdate::default();
            client
                .update_webhook(app, value("webhook_id"), &update)
                .await
                .map(drop)
        }),
        "deleteWebhook" => done!(client.delete_webhook(app, value("webhook_id"))),
        "uploadAttachment" => Box::pin(async move {
            let file = Upload::new("a.pdf", &b"%PDF"[..]);
            client
                .upload_attachment(
                    app,
                    &file,
                    AttachmentAccess::Public,
                    &UploadAttachmentOptions::default(),
                )
                .await
                .map(drop)
        }),
        "removeAttachment" => {
            done!(client.remove_attachment(app, &AttachmentRemove::new("https://x")))
        }
        "createIntegration" => done!(client.create_integration(app, &IntegrationCreate::web())),
        "listIntegrations" => done!(client.list_integrations(app, &Default::default())),
        "getIntegration" => done!(client.get_integration(app, value("integration_id"))),
        "updateIntegration" => {
            done!(client.update_integration(
                app,
                value("integration_id"),
                &IntegrationUpdate::new()
            ))
        }
        "deleteIntegration" => done!(client.delete_integration(app, value("integration_id"))),
        "getIntegrationMenu" => done!(client.get_integration_menu(app, value("integration_id"))),
        "createIntegrationMenu" => Box::pin(async move {
            let menu = Menu::new(vec![MenuItem::postback("Agent", "AGENT")]);
            client
                .create_integration_menu(app, value("integration_id"), &menu)
                .await
                .map(drop)
        }),
        "updateIntegrationMenu" => Box::pin(async move {
            let menu = Menu::new(vec![MenuItem::postback("Agent", "AGENT")]);
            client
                .update_integration_menu(app, value("integration_id"), &menu)
                .await
                .map(drop)
        }),
        "deleteIntegrationMenu" => {
            done!(client.delete_integration_menu(app, value("integration_id")))
        }
        "getIntegrationProfile" => {
            done!(client.get_integration_profile(app, value("integration_id")))
        }
        "updateIntegrationProfile" => Box::pin(async move {
            let profile = IntegrationProfileUpdate::new();
            client
                .update_integration_profile(app, value("integration_id"), &profile)
                .await
                .map(drop)
        }),
        "uploadIntegrationProfilePhoto" => Box::pin(async move {
            let photo = Upload::new("p.png", &b"png"[..]);
            client
                .upload_integration_profile_photo(app, value("integration_id"), &photo)
                .await
                .map(drop)
        }),
        "createApp" => done!(client.create_app(&AppCreate::new("shop"))),
        "listApps" => done!(client.list_apps(&Default::default())),
        "getApp" => done!(client.get_app(app)),
        "updateApp" => done!(client.update_app(app, &AppUpdate::new())),
        "deleteApp" => done!(client.delete_app(app)),
        "getSdkIds" => done!(client.get_sdk_ids(app)),
        "createSecretKey" if group == "App" => {
            done!(client.create_app_key(app, &SecretKeyCreate::new("server")))
        }
        "listSecretKeys" if group == "App" => done!(client.list_app_keys(app)),
        "getSecretKey" if group == "App" => done!(client.get_app_key(app, value("key_id"))),
        "deleteSecretKey" if group == "App" => done!(client.delete_app_key(app, value("key_id"))),
        "getAppJwt" => done!(client.get_app_jwt(app, value("key_id"))),
        "createServiceAccount" => {
            done!(client.create_service_account(&ServiceAccountCreate::new("ops")))
        }
        "listServiceAccounts" => done!(client.list_service_accounts(None, None)),
        "getServiceAccount" => done!(client.get_service_account(value("service_account_id"))),
        "updateServiceAccount" => done!(client.update_service_account(
            value("service_account_id"),
            &ServiceAccountUpdate::new("ops")
        )),
        "deleteServiceAccount" => done!(client.delete_service_account(value("service_account_id"))),
        "createSecretKey" => done!(client.create_service_account_key(
            value("service_account_id"),
            &SecretKeyCreate::new("server")
        )),
        "listSecretKeys" => done!(client.list_service_account_keys(value("service_account_id"))),
        "getSecretKey" => {
            done!(client.get_service_account_key(value("service_account_id"), value("key_id")))
        }
        "deleteSecretKey" => {
            done!(client.delete_service_account_key(value("service_account_id"), value("key_id")))
        }
        "getJwt" => {
            done!(client.get_service_account_jwt(value("service_account_id"), value("key_id")))
        }
        "createDeployment" => done!(client.create_deployment(&DeploymentCreate::smooch())),
        "listDeployments" => done!(client.list_deployments()),
        "getDeployment" => done!(client.get_deployment(value("deployment_id"))),
        "deleteDeployment" => done!(client.delete_deployment(value("deployment_id"))),
        "activatePhoneNumber" => Box::pin(async move {
            let activation = DeploymentActivatePhoneNumber::sms("+15145550100", "cert");
            client
                .activate_deployment_phone_number(value("deployment_id"), &activation)
                .await
                .map(drop)
        }),
        "confirmCode" => done!(client.confirm_deployment_code(
            value("deployment_id"),
            &DeploymentConfirmCode::new("123456")
        )),
        "createTemplate" => Box::pin(async move {
            let template = TemplateCreate::new("greeting", MessagePost::text(Role::AppMaker, "Hi"));
            client.create_template(app, &template).await.map(drop)
        }),
        "listTemplates" => done!(client.list_templates(app, None, None)),
        "getTemplate" => done!(client.get_template(app, value("template_id"))),
        "updateTemplate" => {
            done!(client.update_template(app, value("template_id"), &TemplateUpdate::new()))
        }
        "deleteTemplate" => done!(client.delete_template(app, value("template_id"))),
        "getMenu" => done!(client.get_menu(app)),
        "updateMenu" => Box::pin(async move {
            let menu = Menu::new(vec![MenuItem::link("Shop", "https://shop.example.org")]);
            client.update_menu(app, &menu).await.map(drop)
        }),
        "deleteMenu" => done!(client.delete_menu(app)),
        "postNotification" => Box::pin(async move {
            let notification = NotificationPost::new(
                NotificationDestination::new("i1", "+15145550100"),
                json!({"type": "text", "text": "hi"}),
            );
            client.post_notification(app, &notification).await.map(drop)
        }),
        other => panic!("no call for {other}"),
    }
}

#[tokio::test]
async fn every_operation_sends_its_method_and_path_and_takes_its_status() {
    let recorder = Recorder::start().await;
    let client = smooch_client::Client::builder()
        .basic_auth(smooch_tests::KEY_ID, smooch_tests::SECRET)
        .base_url(recorder.base_url())
        .retry(smooch_client::RetryPolicy::disabled())
        .build()
        .unwrap();
    let mut failures = Vec::new();
    for row in ROWS {
        recorder.answer(row.status);
        let result = call(&client, row.group, row.operation).await;
        let received = recorder.take();
        let label = format!("{} {}", row.group, row.operation);
        match &result {
            // The answer is `{}`: a success that does not decode as the model is still a success.
            Ok(()) | Err(Error::Decode(_)) => {}
            Err(error) => failures.push(format!(
                "{label}: HTTP {} not taken as success: {error}",
                row.status
            )),
        }
        let expected = (row.method.to_owned(), filled(row.path));
        let got: Vec<(String, String)> = received
            .iter()
            .map(|r| {
                let path = r.target.split('?').next().unwrap_or("").to_owned();
                (r.method.clone(), path)
            })
            .collect();
        if got != [expected.clone()] {
            failures.push(format!("{label}: sent {got:?}, the spec says {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_lists_each_operation_once() {
    assert_eq!(ROWS.len(), 74, "the spec has 74 operations");
    let mut seen = std::collections::HashSet::new();
    for row in ROWS {
        assert!(
            seen.insert((row.group, row.operation)),
            "{} twice",
            row.operation
        );
        assert!(["GET", "POST", "PUT", "DELETE"].contains(&row.method));
        assert!(row.path.starts_with("/v1"), "{}", row.path);
    }
}

#[test]
fn the_readme_lists_every_operation_with_its_method_and_path() {
    let listed = smooch_tests::readme_endpoints("Endpoints");
    let mut listed_routes: Vec<(&str, &str)> = listed
        .iter()
        .map(|(_, method, path)| (method.as_str(), path.as_str()))
        .collect();
    let mut spec_routes: Vec<(&str, &str)> =
        ROWS.iter().map(|row| (row.method, row.path)).collect();
    listed_routes.sort_unstable();
    spec_routes.sort_unstable();
    assert_eq!(
        listed_routes, spec_routes,
        "README.md's endpoint table differs from the spec"
    );
    // Each method the README names is one this test calls (so it exists), on its route's row.
    let source = include_str!("conformance.rs");
    for (name, method, path) in &listed {
        assert!(
            source.contains(&format!(".{name}(")),
            "README.md names `{name}` ({method} {path}), which is not called here"
        );
    }
}
