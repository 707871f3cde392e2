//! App users: pre-create, get (by `_id` or `userId`), update, delete, channels, profile delete.

use serde_json::json;
use smooch_client::models::{
    AppUser, AppUserClient, AppUserPreCreate, AppUserUpdate, IntegrationType, MessagePost, Role,
};
use smooch_client::{AppUserApi, ConversationApi};

use super::{APP, refused, start};
use smooch_client::models::Cursor;

fn customer() -> AppUserPreCreate {
    AppUserPreCreate::new("customer-4711")
        .with_given_name("Inês")
        .with_surname("Silva")
        .with_email("ines@example.com")
        .with_signed_up_at("2019-07-11T10:41:52Z")
        .with_property("plan", json!("gold"))
}

#[tokio::test]
async fn a_pre_created_user_is_found_by_user_id_and_by_smooch_id() {
    let (fake, client) = start().await;
    let created = client
        .pre_create_app_user(APP, &customer())
        .await
        .unwrap()
        .app_user;
    assert_eq!(created.user_id.as_deref(), Some("customer-4711"));
    assert_eq!(created.given_name.as_deref(), Some("Inês"));
    assert_eq!(
        created.signed_up_at.as_deref(),
        Some("2019-07-11T10:41:52Z")
    );
    assert_eq!(created.properties["plan"], json!("gold"));
    assert_eq!(created.conversation_started, Some(false));
    assert_eq!(created.id.len(), 24, "a Smooch-shaped _id: {}", created.id);

    let by_user_id = client.get_app_user(APP, "customer-4711").await.unwrap();
    let by_smooch_id = client.get_app_user(APP, &created.id).await.unwrap();
    assert_eq!(by_user_id.app_user, created);
    assert_eq!(by_smooch_id.app_user, created);
    assert_eq!(fake.app_user(APP, "customer-4711"), Some(created));
    let elsewhere = client
        .get_app_user("another_app", "customer-4711")
        .await
        .unwrap_err();
    refused(elsewhere, 404, "user_not_found");
}

#[tokio::test]
async fn pre_creating_a_taken_user_id_is_a_conflict() {
    let (fake, client) = start().await;
    let first = client
        .pre_create_app_user(APP, &customer())
        .await
        .unwrap()
        .app_user;
    let again = AppUserPreCreate::new("customer-4711").with_given_name("Someone else");
    let error = client.pre_create_app_user(APP, &again).await.unwrap_err();
    let description = refused(error, 409, "conflict");
    assert!(description.contains("customer-4711"), "{description}");
    assert_eq!(
        fake.app_user(APP, "customer-4711"),
        Some(first),
        "unchanged"
    );

    client
        .post_message(APP, "walk-in", &MessagePost::text(Role::AppUser, "hi"))
        .await
        .unwrap();
    let taken = client
        .pre_create_app_user(APP, &AppUserPreCreate::new("walk-in"))
        .await
        .unwrap_err();
    refused(taken, 409, "conflict");
}

#[tokio::test]
async fn pre_create_refuses_an_empty_user_id_and_a_date_that_is_not_iso8601() {
    let (fake, client) = start().await;
    let empty = client
        .pre_create_app_user(APP, &AppUserPreCreate::new(""))
        .await
        .unwrap_err();
    assert!(refused(empty, 400, "bad_request").contains("`userId`"));
    let misdated = AppUserPreCreate::new("c-1").with_signed_up_at("11/07/2019");
    let error = client
        .pre_create_app_user(APP, &misdated)
        .await
        .unwrap_err();
    assert!(refused(error, 400, "bad_request").contains("`signedUpAt`"));
    assert_eq!(fake.app_user(APP, "c-1"), None, "nothing stored");
}

#[tokio::test]
async fn a_user_who_writes_exists_and_their_messages_reach_one_conversation() {
    let (fake, client) = start().await;
    client
        .post_message(APP, "walk-in", &MessagePost::text(Role::AppUser, "hi"))
        .await
        .unwrap();
    let walk_in = client.get_app_user(APP, "walk-in").await.unwrap().app_user;
    assert_eq!(walk_in.id, "walk-in");
    assert_eq!(walk_in.conversation_started, Some(true));
    assert_eq!(walk_in.clients[0].platform, Some(IntegrationType::Web));

    let created = client
        .pre_create_app_user(APP, &customer())
        .await
        .unwrap()
        .app_user;
    let posted = client
        .post_message(
            APP,
            "customer-4711",
            &MessagePost::text(Role::AppUser, "hello"),
        )
        .await
        .unwrap();
    assert_eq!(posted.message.author_id, created.id, "authored by the _id");
    let page = client
        .get_messages(APP, &created.id, Cursor::Latest)
        .await
        .unwrap();
    assert_eq!(page.messages, vec![posted.message]);
    let user = fake.app_user(APP, &created.id).unwrap();
    assert_eq!(user.conversation_started, Some(true));
}

#[tokio::test]
async fn an_update_sets_what_it_carries_and_merges_properties() {
    let (fake, client) = start().await;
    client.pre_create_app_user(APP, &customer()).await.unwrap();
    let update = AppUserUpdate::default()
        .with_surname("Carvalho")
        .with_property("vip", json!(true));
    let updated = client
        .update_app_user(APP, "customer-4711", &update)
        .await
        .unwrap()
        .app_user;
    assert_eq!(updated.surname.as_deref(), Some("Carvalho"));
    assert_eq!(updated.given_name.as_deref(), Some("Inês"), "kept");
    assert_eq!(updated.properties["plan"], json!("gold"), "kept");
    assert_eq!(updated.properties["vip"], json!(true), "added");
    assert_eq!(fake.app_user(APP, "customer-4711"), Some(updated));
}

#[tokio::test]
async fn an_update_of_an_unknown_user_or_with_a_bad_date_is_refused() {
    let (fake, client) = start().await;
    let update = AppUserUpdate::default().with_surname("Carvalho");
    let unknown = client
        .update_app_user(APP, "nobody", &update)
        .await
        .unwrap_err();
    refused(unknown, 404, "user_not_found");
    assert_eq!(fake.app_user(APP, "nobody"), None, "not created");

    let before = client
        .pre_create_app_user(APP, &customer())
        .await
        .unwrap()
        .app_user;
    let mut misdated = AppUserUpdate::default().with_surname("Carvalho");
    misdated.signed_up_at = Some("yesterday".into());
    let error = client
        .update_app_user(APP, "customer-4711", &misdated)
        .await
        .unwrap_err();
    assert!(refused(error, 400, "bad_request").contains("got `yesterday`"));
    assert_eq!(
        fake.app_user(APP, "customer-4711"),
        Some(before),
        "unchanged"
    );
}

#[tokio::test]
async fn a_deleted_user_and_their_conversation_are_gone() {
    let (fake, client) = start().await;
    let created = client
        .pre_create_app_user(APP, &customer())
        .await
        .unwrap()
        .app_user;
    client
        .post_message(
            APP,
            "customer-4711",
            &MessagePost::text(Role::AppUser, "hi"),
        )
        .await
        .unwrap();
    client.delete_app_user(APP, "customer-4711").await.unwrap();

    assert_eq!(fake.app_user(APP, &created.id), None);
    assert!(fake.conversation(APP, &created.id).is_none());
    let get = client.get_app_user(APP, &created.id).await.unwrap_err();
    refused(get, 404, "user_not_found");
    let messages = client
        .get_messages(APP, "customer-4711", Cursor::Latest)
        .await
        .unwrap_err();
    refused(messages, 404, "conversation_not_found");
    let channels = client
        .get_app_user_channels(APP, "customer-4711")
        .await
        .unwrap_err();
    refused(channels, 404, "user_not_found");
    let again = client
        .delete_app_user(APP, "customer-4711")
        .await
        .unwrap_err();
    refused(again, 404, "user_not_found");
}

#[tokio::test]
async fn channels_are_the_users_ids_on_their_channels_without_the_sdks() {
    let (fake, client) = start().await;
    let mut messenger = smooch_client_of(IntegrationType::Messenger);
    messenger.integration_id = Some("int-messenger".into());
    messenger.external_id = Some("psid-1".into());
    let mut user = AppUser::new("5f00000000000000000000aa");
    user.user_id = Some("customer-4711".into());
    user.clients = vec![smooch_client_of(IntegrationType::Web), messenger];
    fake.seed_app_user(APP, user);

    let channels = client
        .get_app_user_channels(APP, "customer-4711")
        .await
        .unwrap()
        .channels;
    assert_eq!(
        channels.len(),
        1,
        "the Web Messenger is an SDK: {channels:?}"
    );
    assert_eq!(channels[0].r#type, IntegrationType::Messenger);
    assert_eq!(channels[0].integration_id.as_deref(), Some("int-messenger"));
    assert_eq!(channels[0].user_id.as_deref(), Some("psid-1"));

    let unknown = client
        .get_app_user_channels(APP, "nobody")
        .await
        .unwrap_err();
    refused(unknown, 404, "user_not_found");
}

/// A client of the user on `platform`.
fn smooch_client_of(platform: IntegrationType) -> AppUserClient {
    let mut client = AppUserClient::default();
    client.id = format!("client-{platform}");
    client.platform = Some(platform);
    client
}

#[tokio::test]
async fn deleting_a_profile_clears_it_and_keeps_the_user_and_conversation() {
    let (fake, client) = start().await;
    let created = client
        .pre_create_app_user(APP, &customer())
        .await
        .unwrap()
        .app_user;
    client
        .post_message(
            APP,
            "customer-4711",
            &MessagePost::text(Role::AppUser, "hi"),
        )
        .await
        .unwrap();
    let cleared = client
        .delete_app_user_profile(APP, "customer-4711")
        .await
        .unwrap()
        .expect("the fake answers the user without the profile")
        .app_user;
    assert_eq!(cleared.id, created.id);
    assert_eq!(cleared.user_id.as_deref(), Some("customer-4711"), "kept");
    assert_eq!(
        (cleared.given_name, cleared.surname, cleared.email),
        (None, None, None)
    );
    assert!(cleared.properties.is_empty());
    assert_eq!(
        fake.conversation(APP, &created.id).unwrap().messages.len(),
        1
    );

    let unknown = client
        .delete_app_user_profile(APP, "nobody")
        .await
        .unwrap_err();
    refused(unknown, 404, "user_not_found");
}
