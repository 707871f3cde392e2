//! The app and users: get the app; create, get (by id and externalId), update, delete users.

use serde_json::json;
use smooch_client::models::Metadata;
use smooch_client::v2::models::{Profile, ProfileUpdate, UserCreate, UserUpdate};
use smooch_client::v2::{AppsApi, UsersApi};

use super::{APP, personal, refused, start, user};

#[tokio::test]
async fn the_app_is_served() {
    let (_fake, v2) = start().await;
    let app = v2.get_app(APP).await.unwrap().app.unwrap();
    assert_eq!(app.id.as_deref(), Some(APP));
}

#[tokio::test]
async fn users_are_created_read_by_id_or_external_id_updated_and_deleted() {
    let (fake, v2) = start().await;
    let profile = Profile::default()
        .with_given_name("Marta")
        .with_email("marta@example.net");
    let metadata: Metadata = serde_json::from_value(json!({"plan": "annual"})).unwrap();
    let create = UserCreate::new("crm 55/102")
        .with_profile(profile)
        .with_metadata(metadata);
    let created = v2.create_user(APP, &create).await.unwrap().user.unwrap();
    let id = created.id.clone().unwrap();
    assert_eq!(id.len(), 24);
    assert_eq!(created.external_id.as_deref(), Some("crm 55/102"));
    assert!(created.signed_up_at.is_some());

    let by_external = v2.get_user(APP, "crm 55/102", None).await.unwrap().user;
    let by_id = v2.get_user(APP, &id, None).await.unwrap().user;
    assert_eq!(by_external, Some(created.clone()));
    assert_eq!(by_id, Some(created.clone()));
    assert_eq!(fake.v2().user(APP, &id), Some(created));

    let update = UserUpdate::default()
        .with_to_be_retained(true)
        .with_profile(
            ProfileUpdate::default()
                .with_surname("Oliveira".to_owned())
                .with_email(None::<String>),
        );
    let updated = v2
        .update_user(APP, &id, &update, None)
        .await
        .unwrap()
        .user
        .unwrap();
    let profile = updated.profile.unwrap();
    assert_eq!(profile.given_name.as_deref(), Some("Marta"), "kept");
    assert_eq!(profile.surname.as_deref(), Some("Oliveira"), "set");
    assert_eq!(profile.email, None, "null removes it");
    assert_eq!(updated.to_be_retained, Some(true));
    assert_eq!(
        updated.metadata.unwrap().get("plan"),
        Some(&json!("annual"))
    );

    let conversation = personal(&v2, &id).await;
    v2.delete_user(APP, "crm 55/102", None).await.unwrap();
    assert_eq!(refused(v2.get_user(APP, &id, None).await).0, 404);
    assert!(
        fake.v2().conversation(APP, &conversation).is_none(),
        "their personal conversation went with them"
    );
}

#[tokio::test]
async fn users_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    user(&v2, "taken").await;
    assert_eq!(
        refused(v2.create_user(APP, &UserCreate::new("taken")).await),
        (409, "conflict".into(), "User already exists".into())
    );
    let (status, code, title) = refused(
        v2.create_user(
            APP,
            &UserCreate::new("x").with_profile(Profile::default().with_email("not an address")),
        )
        .await,
    );
    assert_eq!((status, code.as_str()), (400, "bad_request"));
    assert!(title.contains("profile.email"), "{title}");
    let long = UserCreate::new("x".repeat(1025));
    assert_eq!(refused(v2.create_user(APP, &long).await).0, 400);
    let empty_name =
        UserUpdate::default().with_profile(ProfileUpdate::default().with_given_name(String::new()));
    let id = user(&v2, "u").await;
    assert_eq!(
        refused(v2.update_user(APP, &id, &empty_name, None).await).0,
        400
    );

    for missing in [
        refused(v2.get_user(APP, "nobody", None).await),
        refused(
            v2.update_user(APP, "nobody", &UserUpdate::default(), None)
                .await,
        ),
        refused(v2.delete_user(APP, "nobody", None).await),
    ] {
        assert_eq!(
            missing,
            (404, "user_not_found".into(), "User not found".into())
        );
    }
}
