//! Users: the 7 operations on the wire (a user named by an `externalId` that needs encoding,
//! `brandId` sent when given), and the user models read tolerantly.

use httpmock::prelude::*;
use serde_json::{Value, json};
use smooch_client::v2::UsersApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{
    DateTime, Profile, ProfileUpdate, SyncUser, User, UserCreate, UserTruncated, UserUpdate,
};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Users",
        "CreateUser",
        "POST",
        "/v2/apps/<app_id>/users",
        201,
    ),
    row("Users", "ListUsers", "GET", "/v2/apps/<app_id>/users", 200),
    row(
        "Users",
        "GetUser",
        "GET",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>",
        200,
    ),
    row(
        "Users",
        "UpdateUser",
        "PATCH",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>",
        200,
    ),
    row(
        "Users",
        "DeleteUser",
        "DELETE",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>",
        200,
    ),
    row(
        "Users",
        "DeleteUserPersonalInformation",
        "DELETE",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/personalinformation",
        200,
    ),
    row(
        "Users",
        "SyncUser",
        "POST",
        "/v2/apps/<app_id>/users/<zendesk_id>/sync",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "CreateUser" => boxed(v2.create_user(ID, &UserCreate::default())),
        "ListUsers" => boxed(v2.list_users(ID, "a@example.com", Some(ID))),
        "GetUser" => boxed(v2.get_user(ID, ID, Some(ID))),
        "UpdateUser" => boxed(v2.update_user(ID, ID, &UserUpdate::default(), Some(ID))),
        "DeleteUser" => boxed(v2.delete_user(ID, ID, Some(ID))),
        "DeleteUserPersonalInformation" => {
            boxed(v2.delete_user_personal_information(ID, ID, Some(ID)))
        }
        "SyncUser" => boxed(v2.sync_user(ID, ID, &SyncUser::default())),
        _ => None,
    }
}

/// A user id.
const USER: &str = "42589ad070d43be9b00ff7e5";
/// An `externalId` that must be encoded as one path segment, and its encoding.
const EXTERNAL: (&str, &str) = ("crm/42@acme co", "crm%2F42%40acme%20co");
/// A brand id.
const BRAND: &str = "360004155631";

/// A user as the sheet's examples answer it (with their undeclared `hasPaymentInfo` and
/// `profile.localeOrigin`).
fn user_json() -> Value {
    json!({
        "id": USER,
        "externalId": EXTERNAL.0,
        "zendeskId": "1234567890",
        "brandId": BRAND,
        "authenticated": true,
        "signedUpAt": "2020-05-21T15:43:29.000+00:00",
        "toBeRetained": false,
        "profile": {"givenName": "Steve", "surname": "Ramirez", "email": "steve@example.com",
                    "avatarUrl": "https://example.org/steve.png", "locale": "en-US",
                    "localeOrigin": "zendeskAccount"},
        "metadata": {"lang": "en-ca", "vip": true},
        "identities": [{"type": "email", "value": "steve@example.com", "verification": "sso"}],
        "hasPaymentInfo": false
    })
}

/// Checks every field of [`user_json`] as decoded.
fn check_user(user: &User) {
    assert_eq!(user.id.as_deref(), Some(USER));
    assert_eq!(user.external_id.as_deref(), Some(EXTERNAL.0));
    assert_eq!(user.zendesk_id.as_deref(), Some("1234567890"));
    assert_eq!(user.brand_id.as_deref(), Some(BRAND));
    assert_eq!(user.authenticated, Some(true));
    let signed_up: DateTime = "2020-05-21T15:43:29Z".parse().unwrap();
    assert_eq!(user.signed_up_at.as_ref(), Some(&signed_up), "+00:00 is Z");
    assert_eq!(user.to_be_retained, Some(false));
    let profile = user.profile.as_ref().unwrap();
    assert_eq!(profile.given_name.as_deref(), Some("Steve"));
    assert_eq!(profile.surname.as_deref(), Some("Ramirez"));
    assert_eq!(profile.email.as_deref(), Some("steve@example.com"));
    assert_eq!(
        profile.avatar_url.as_deref(),
        Some("https://example.org/steve.png")
    );
    assert_eq!(profile.locale.as_deref(), Some("en-US"));
    assert_eq!(profile.locale_origin.as_deref(), Some("zendeskAccount"));
    let metadata = user.metadata.as_ref().unwrap();
    assert_eq!(metadata["vip"], true);
    assert_eq!(user.identities.len(), 1);
    assert_eq!(user.identities[0].r#type.as_deref(), Some("email"));
    assert_eq!(
        user.identities[0].value.as_deref(),
        Some("steve@example.com")
    );
    assert_eq!(user.identities[0].verification.as_deref(), Some("sso"));
    assert_eq!(user.has_payment_info, Some(false));
    assert!(user.extra.is_empty(), "{:?}", user.extra);
}

/// The path of the user named by [`EXTERNAL`], encoded, with `rest` after it.
fn external_path(rest: &str) -> String {
    format!("/v2/apps/{APP}/users/{}{rest}", EXTERNAL.1)
}

#[tokio::test]
async fn create_user_posts_its_body_and_reads_the_user() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/users"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({
                    "externalId": EXTERNAL.0,
                    "brandId": BRAND,
                    "signedUpAt": "2020-05-21T15:43:29.000Z",
                    "toBeRetained": false,
                    "profile": {"givenName": "Steve", "locale": "en-US"},
                    "metadata": {"vip": true}
                }));
            then.status(201).json_body(json!({"user": user_json()}));
        })
        .await;
    let metadata = smooch_client::models::Metadata::new().with("vip", true);
    let body = UserCreate::new(EXTERNAL.0)
        .with_brand_id(BRAND)
        .with_signed_up_at(DateTime::from_unix_millis(1_590_075_809_000))
        .with_to_be_retained(false)
        .with_profile(
            Profile::default()
                .with_given_name("Steve")
                .with_locale("en-US"),
        )
        .with_metadata(metadata);
    let user = v2(&server).create_user(APP, &body).await.unwrap();
    mock.assert_async().await;
    check_user(user.user.as_ref().unwrap());
}

#[tokio::test]
async fn create_user_that_exists_is_a_conflict() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path(format!("/v2/apps/{APP}/users"));
            then.status(409).json_body(json!({"errors": [
                {"code": "conflict", "title": "User already exists"}
            ]}));
        })
        .await;
    let error = v2(&server)
        .create_user(APP, &UserCreate::new("steve"))
        .await
        .unwrap_err();
    mock.assert_async().await;
    assert!(error.is_conflict(), "{error}");
    let smooch_client::Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("conflict"));
}

#[tokio::test]
async fn list_users_sends_the_bracketed_email_filter_and_the_brand() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/users"))
                .header("authorization", BASIC)
                .query_param("filter[identities.email]", "steve+1@example.com")
                .query_param("brandId", BRAND)
                .query_param_count(".*", ".*", 2);
            then.status(200)
                .json_body(json!({"users": [user_json(), {"id": "u2"}]}));
        })
        .await;
    let list = v2(&server)
        .list_users(APP, "steve+1@example.com", Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.users.len(), 2);
    check_user(&list.users[0]);
    assert_eq!(list.users[1].id.as_deref(), Some("u2"));
}

#[tokio::test]
async fn a_brand_left_out_sends_no_brand_id() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/users"))
                .query_param("filter[identities.email]", "a@example.com")
                .query_param_missing("brandId");
            then.status(200).json_body(json!({"users": []}));
        })
        .await;
    let list = v2(&server)
        .list_users(APP, "a@example.com", None)
        .await
        .unwrap();
    mock.assert_async().await;
    assert!(list.users.is_empty());
}

#[tokio::test]
async fn get_user_by_external_id_encodes_it_as_one_segment() {
    let server = MockServer::start_async().await;
    let path = external_path("");
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .header("authorization", BASIC)
                .query_param("brandId", BRAND)
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({"user": user_json()}));
        })
        .await;
    let user = v2(&server)
        .get_user(APP, EXTERNAL.0, Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
    check_user(user.user.as_ref().unwrap());
}

#[tokio::test]
async fn get_user_missing_is_user_not_found() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path(format!("/v2/apps/{APP}/users/{USER}"));
            then.status(404).json_body(json!({"errors": [
                {"code": "user_not_found", "title": "User not found"}
            ]}));
        })
        .await;
    let error = v2(&server).get_user(APP, USER, None).await.unwrap_err();
    mock.assert_async().await;
    assert!(error.is_not_found());
}

#[tokio::test]
async fn update_user_patches_only_what_is_set_and_nulls_what_is_cleared() {
    let server = MockServer::start_async().await;
    let path = external_path("");
    let mock = server
        .mock_async(|when, then| {
            when.method(PATCH)
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .query_param("brandId", BRAND)
                .is_true(move |request| request.uri().path() == path)
                .json_body(json!({
                    "toBeRetained": true,
                    "profile": {"givenName": "Ann", "surname": null},
                    "metadata": null
                }));
            then.status(200).json_body(json!({"user": user_json()}));
        })
        .await;
    let update = UserUpdate::default()
        .with_to_be_retained(true)
        .with_profile(
            ProfileUpdate::default()
                .with_given_name("Ann".to_owned())
                .with_surname(None),
        )
        .with_metadata(None);
    let user = v2(&server)
        .update_user(APP, EXTERNAL.0, &update, Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
    check_user(user.user.as_ref().unwrap());
}

#[tokio::test]
async fn delete_user_accepts_an_empty_object() {
    let server = MockServer::start_async().await;
    let path = external_path("");
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .header("authorization", BASIC)
                .query_param("brandId", BRAND)
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({}));
        })
        .await;
    v2(&server)
        .delete_user(APP, EXTERNAL.0, Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn delete_user_personal_information_answers_the_user_left() {
    let server = MockServer::start_async().await;
    let path = external_path("/personalinformation");
    let mock = server
        .mock_async(|when, then| {
            when.method(DELETE)
                .header("authorization", BASIC)
                .query_param_missing("brandId")
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({"user": {
                "id": USER, "externalId": EXTERNAL.0, "profile": {}, "metadata": {},
                "identities": [], "hasPaymentInfo": false
            }}));
        })
        .await;
    let answered = v2(&server)
        .delete_user_personal_information(APP, EXTERNAL.0, None)
        .await
        .unwrap();
    mock.assert_async().await;
    let user = answered
        .expect("answered, not already gone")
        .user
        .expect("the user");
    assert_eq!(user.id.as_deref(), Some(USER));
    assert_eq!(user.profile.unwrap().given_name, None);
    assert!(user.identities.is_empty());
}

#[tokio::test]
async fn sync_user_posts_the_surviving_id_or_an_empty_object() {
    let server = MockServer::start_async().await;
    let merged = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/users/1234567890/sync"))
                .header("authorization", BASIC)
                .header("content-type", "application/json")
                .json_body(json!({"survivingZendeskId": "1234567899"}));
            then.status(200).json_body(json!({"user": user_json()}));
        })
        .await;
    let plain = server
        .mock_async(|when, then| {
            when.method(POST)
                .path(format!("/v2/apps/{APP}/users/1234567891/sync"))
                .json_body(json!({}));
            then.status(200).json_body(json!({"user": {"id": USER}}));
        })
        .await;
    let body = SyncUser::default().with_surviving_zendesk_id("1234567899");
    let user = v2(&server)
        .sync_user(APP, "1234567890", &body)
        .await
        .unwrap();
    merged.assert_async().await;
    check_user(user.user.as_ref().unwrap());
    let user = v2(&server)
        .sync_user(APP, "1234567891", &SyncUser::default())
        .await
        .unwrap();
    plain.assert_async().await;
    assert_eq!(user.user.unwrap().id.as_deref(), Some(USER));
}

mod decoding {
    use super::*;

    #[test]
    fn a_user_read_is_written_back_with_every_key() {
        let mut json = user_json();
        json["futureFlag"] = json!({"x": 1});
        json["profile"]["pronouns"] = json!("they");
        json["identities"][0]["verifiedAt"] = json!("2020-05-21T15:43:29Z");
        let user: User = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(user.extra["futureFlag"], json!({"x": 1}));
        assert_eq!(user.profile.as_ref().unwrap().extra["pronouns"], "they");
        assert_eq!(
            user.identities[0].extra["verifiedAt"],
            "2020-05-21T15:43:29Z"
        );
        assert_eq!(serde_json::to_value(&user).unwrap(), json);
    }

    #[test]
    fn nulls_read_as_absent_and_an_empty_answer_is_a_user() {
        let user: User = serde_json::from_value(json!({
            "id": USER, "externalId": null, "zendeskId": null, "brandId": null,
            "signedUpAt": null, "profile": {"givenName": null, "email": null},
            "metadata": null, "identities": null, "hasPaymentInfo": null
        }))
        .unwrap();
        assert_eq!(user.external_id, None);
        assert_eq!(user.signed_up_at, None);
        assert_eq!(user.profile.as_ref().unwrap().given_name, None);
        assert_eq!(user.metadata, None);
        assert!(user.identities.is_empty());
        assert_eq!(
            serde_json::to_value(&user).unwrap(),
            json!({"id": USER, "profile": {}})
        );
        let empty: User = serde_json::from_value(json!({})).unwrap();
        assert_eq!(empty, User::default());
    }

    #[test]
    fn times_are_one_instant_whatever_the_offset() {
        let z: User =
            serde_json::from_value(json!({"signedUpAt": "2020-05-21T15:43:29.000Z"})).unwrap();
        let offset: User =
            serde_json::from_value(json!({"signedUpAt": "2020-05-21T17:43:29+02:00"})).unwrap();
        assert_eq!(z.signed_up_at, offset.signed_up_at);
        assert_eq!(
            serde_json::to_value(&offset).unwrap()["signedUpAt"],
            "2020-05-21T17:43:29+02:00",
            "the text is written back as read"
        );
    }

    #[test]
    fn an_external_id_sent_as_a_number_reads_as_its_text() {
        // The `conversation:referral` example writes it unquoted.
        let truncated: UserTruncated =
            serde_json::from_value(json!({"id": USER, "externalId": 123456})).unwrap();
        assert_eq!(truncated.external_id.as_deref(), Some("123456"));
        let user: User = serde_json::from_value(json!({"externalId": 78})).unwrap();
        assert_eq!(user.external_id.as_deref(), Some("78"));
        let error = serde_json::from_value::<User>(json!({"externalId": true}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("a string or a number"), "{error}");
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        let user: User = serde_json::from_str(
            r#"{"id":"u1","profile":{"givenName":"A","givenName":"B"},"toBeRetained":true,
                "toBeRetained":false}"#,
        )
        .unwrap();
        assert_eq!(user.profile.unwrap().given_name.as_deref(), Some("B"));
        assert_eq!(user.to_be_retained, Some(false));
    }

    #[test]
    fn the_truncated_user_keeps_what_it_does_not_know() {
        let json = json!({"id": USER, "authenticated": false, "externalId": "e",
                          "zendeskId": "z", "brandId": "b", "profile": {"givenName": "S"}});
        let user: UserTruncated = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(user.authenticated, Some(false));
        assert_eq!(user.brand_id.as_deref(), Some("b"));
        assert_eq!(user.extra["profile"]["givenName"], "S");
        assert_eq!(serde_json::to_value(&user).unwrap(), json);
    }

    #[test]
    fn request_bodies_send_only_what_is_set() {
        assert_eq!(
            serde_json::to_value(UserCreate::default()).unwrap(),
            json!({})
        );
        assert_eq!(
            serde_json::to_value(UserUpdate::default()).unwrap(),
            json!({})
        );
        assert_eq!(
            serde_json::to_value(SyncUser::default()).unwrap(),
            json!({})
        );
        // A body is read back as written (the fake reads what a client sends).
        let body = UserCreate::new("e").with_to_be_retained(true);
        let read: UserCreate =
            serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
        assert_eq!(read, body);
    }
}
