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
    AppUserLink, AppUserMerge, AppUserPreCreate, AppUserUpdate, AttachmentAccess, AttachmentRemove,
    Confirmation, ConversationActivity, IntegrationType, MessagePost, NotificationDestination,
    NotificationPost, Role, WebhookCreate, WebhookUpdate,
};
use smooch_client::{
    AppUserApi, AttachmentApi, Client, ConversationApi, Error, NotificationApi, Upload, WebhookApi,
};
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
fn call<'a>(client: &'a Client, operation: &str) -> Call<'a> {
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
        "getMessages" => done!(client.get_messages(app, user, None, None)),
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
                .upload_attachment(app, &file, AttachmentAccess::Public, None, None, None)
                .await
                .map(drop)
        }),
        "removeAttachment" => {
            done!(client.remove_attachment(app, &AttachmentRemove::new("https://x")))
        }
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
        let result = call(&client, row.operation).await;
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
