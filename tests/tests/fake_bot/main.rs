//! The fake serving what a bot uses beyond conversations, one module per group: each route
//! accepted through the typed client (the answer and what it changed in the fake), and refused
//! (the status and Smooch error code the client's error carries, and nothing changed).

mod app_users;
mod attachments;
mod images;
mod menu;
mod notifications;

use smooch_client::fake::FakeSmooch;
use smooch_client::models::{AppUserPreCreate, NotificationPost, UploadAttachmentOptions};
use smooch_client::models::{AttachmentAccess, Menu, MenuItem, NotificationDestination};
use smooch_client::{
    AppUserApi, AttachmentApi, Client, Error, MenuApi, NotificationApi, RetryPolicy, Upload,
};

const APP: &str = "app_bot";

/// A fresh fake and a client for it that attempts each call once.
async fn start() -> (FakeSmooch, Client) {
    let fake = FakeSmooch::start().await.expect("the fake starts");
    let client = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, FakeSmooch::SECRET)
        .base_url(fake.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .expect("a client for the fake");
    (fake, client)
}

/// The Smooch error of a refused call, checked to have `status` and `code`; returns the
/// description.
fn refused(error: Error, status: u16, code: &str) -> String {
    let Error::Api(api) = error else {
        panic!("expected a Smooch error answer, got {error:?}")
    };
    assert_eq!(api.status.as_u16(), status, "{api:?}");
    assert_eq!(api.code.as_deref(), Some(code), "{api:?}");
    api.description.unwrap_or_default()
}

#[tokio::test]
async fn every_new_route_checks_credentials() {
    let (fake, client) = start().await;
    client
        .pre_create_app_user(APP, &AppUserPreCreate::new("known"))
        .await
        .unwrap();
    let stranger = Client::builder()
        .basic_auth(FakeSmooch::KEY_ID, "not-the-secret")
        .base_url(fake.base_url())
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap();

    let errors = [
        stranger.get_app_user(APP, "known").await.unwrap_err(),
        stranger
            .pre_create_app_user(APP, &AppUserPreCreate::new("other"))
            .await
            .unwrap_err(),
        stranger.delete_app_user(APP, "known").await.unwrap_err(),
        stranger
            .upload_attachment(
                APP,
                &Upload::new("a.txt", "a"),
                AttachmentAccess::Public,
                &UploadAttachmentOptions::default(),
            )
            .await
            .unwrap_err(),
        stranger
            .update_menu(APP, &Menu::new(vec![MenuItem::postback("A", "A")]))
            .await
            .unwrap_err(),
        stranger
            .post_notification(
                APP,
                &NotificationPost::new(
                    NotificationDestination::new("int", "+15145550100"),
                    serde_json::json!({"type": "text", "text": "hi"}),
                ),
            )
            .await
            .unwrap_err(),
    ];
    for error in errors {
        refused(error, 401, "unauthorized");
    }
    assert!(fake.app_user(APP, "known").is_some(), "nothing was deleted");
    assert!(fake.app_user(APP, "other").is_none(), "nothing was created");
    assert_eq!(client.get_menu(APP).await.unwrap().menu, Menu::default());
    assert!(fake.notifications(APP).is_empty());
}
