//! The client itself: configuration, secrets, cloning, and futures that can be spawned.

use std::future::Future;

use httpmock::prelude::*;
use smooch_client::models::Cursor;
use smooch_client::models::{ConversationActivity, MessagePost, Role};
use smooch_client::{Client, ConversationApi, Error, Region, Secret};
use smooch_tests::{
    APP, BASIC, JWT, KEY_ID, SECRET, USER, client, client_at, closed_port_url, user_path,
};

fn assert_send_static<F: Future + Send + 'static>(future: F) -> F {
    future
}

#[test]
fn client_is_clone_send_sync_and_errors_fit_anyhow() {
    fn client<T: Clone + Send + Sync + 'static>() {}
    fn error<T: std::error::Error + Send + Sync + 'static>() {}
    client::<Client>();
    error::<Error>();
}

/// Compile-time proof: every endpoint's future is `Send + 'static` even with borrowed arguments.
#[tokio::test]
async fn every_endpoint_future_can_be_spawned() {
    let server = MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200)
                .body(r#"{"conversation":{"_id":"c","unreadCount":0},"messages":[]}"#);
        })
        .await;
    let client = client(&server);
    let (app, user) = (APP.to_owned(), USER.to_owned());
    let message = MessagePost::text(Role::AppMaker, "hi");
    let activity = ConversationActivity::typing_stop();

    let handles = vec![
        tokio::spawn(async move { Ok::<(), Error>(()) }),
        tokio::spawn(assert_send_static(client.delete_message(&app, &user, "m1"))),
        tokio::spawn(assert_send_static(client.delete_messages(&app, &user))),
        tokio::spawn(assert_send_static(client.reset_unread_count(&app, &user))),
    ];
    let get = tokio::spawn(assert_send_static(client.get_messages(
        &app,
        &user,
        Cursor::Latest,
    )));
    let activity = tokio::spawn(assert_send_static(
        client.conversation_activity(&app, &user, &activity),
    ));
    let post = tokio::spawn(assert_send_static(
        client.post_message(&app, &user, &message),
    ));
    drop((app, user, message));

    for handle in handles {
        handle.await.unwrap().unwrap();
    }
    get.await.unwrap().unwrap();
    activity.await.unwrap().unwrap();
    // The canned body is not a MessageResponse: the call went out and came back as a decode error.
    assert!(matches!(post.await.unwrap(), Err(Error::Decode(_))));
    assert_eq!(any.calls_async().await, 6);
}

#[tokio::test]
async fn clones_share_the_configuration() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.path(user_path("/conversation/read"))
                .header("authorization", BASIC);
            then.status(200);
        })
        .await;
    let original = client(&server);
    let clone = original.clone();
    drop(original);
    clone.reset_unread_count(APP, USER).await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn a_user_supplied_reqwest_client_is_used_with_our_headers() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.path(user_path("/messages"))
                .header("authorization", BASIC)
                .header("x-from-user-client", "yes");
            then.status(200).body("{}");
        })
        .await;
    let client = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url(server.base_url())
        .configure_http(|http| {
            let mut headers = reqwest::header::HeaderMap::new();
            headers.insert("x-from-user-client", "yes".parse().unwrap());
            http.default_headers(headers)
        })
        .build()
        .unwrap();

    client.delete_messages(APP, USER).await.unwrap();
    mock.assert_async().await;
}

#[test]
fn base_url_defaults_to_the_us_region_and_has_an_eu_helper() {
    let us = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .build()
        .unwrap();
    assert_eq!(us.base_url().as_str(), "https://api.smooch.io/");
    let eu = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .region(Region::Eu1)
        .build()
        .unwrap();
    assert_eq!(eu.base_url().as_str(), "https://api.eu-1.smooch.io/");
    let local = Client::builder()
        .jwt(JWT)
        .base_url("http://127.0.0.1:8080")
        .build()
        .unwrap();
    assert_eq!(local.base_url().as_str(), "http://127.0.0.1:8080/");
    assert_eq!(us.timeout(), smooch_client::DEFAULT_TIMEOUT);
}

#[test]
fn bad_configuration_is_a_clear_error() {
    let error = Client::builder().build().unwrap_err();
    assert!(matches!(error, Error::Config(_)));
    assert!(error.to_string().contains("no credentials"), "{error}");

    let error = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url("ftp://x")
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("http or https"), "{error}");

    let error = Client::builder()
        .basic_auth("", SECRET)
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("key id is empty"), "{error}");

    let error = Client::builder().jwt("line\nbreak").build().unwrap_err();
    assert!(
        error
            .to_string()
            .contains("cannot be sent in an HTTP header"),
        "{error}"
    );
    assert!(!error.to_string().contains("line"), "{error}");
}

#[test]
fn secrets_never_show_in_debug_or_errors() {
    let builder = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url("http://127.0.0.1:1");
    let client = builder.clone().build().unwrap();
    let jwt_builder = Client::builder().jwt(JWT);
    let jwt_client = jwt_builder.clone().build().unwrap();
    let credentials_in_url = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url(format!("https://u:{SECRET}@h"));

    let texts = [
        format!("{builder:?}"),
        format!("{builder:#?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{jwt_builder:?}"),
        format!("{jwt_client:?}"),
        format!("{credentials_in_url:?}"),
        format!("{:?}", Secret::new(SECRET)),
        credentials_in_url.clone().build().unwrap_err().to_string(),
        format!("{:?}", credentials_in_url.build().unwrap_err()),
    ];
    for text in &texts {
        assert!(!text.contains(SECRET), "secret in {text}");
        assert!(!text.contains(JWT), "JWT in {text}");
        assert!(!text.contains(&BASIC[6..]), "basic token in {text}");
    }
    assert!(texts[0].contains("<redacted>"), "{}", texts[0]);
    assert!(texts[2].contains("127.0.0.1"), "{}", texts[2]);
}

#[tokio::test]
async fn transport_errors_do_not_carry_secrets() {
    let client = client_at(closed_port_url(), smooch_client::DEFAULT_TIMEOUT);
    let error = client.delete_messages(APP, USER).await.unwrap_err();
    let mut texts = vec![error.to_string(), format!("{error:?}")];
    let mut source = std::error::Error::source(&error);
    while let Some(inner) = source {
        texts.push(inner.to_string());
        source = inner.source();
    }
    for text in texts {
        assert!(
            !text.contains(SECRET) && !text.contains(&BASIC[6..]),
            "{text}"
        );
    }
}

#[tokio::test]
async fn redirects_are_never_followed_and_say_where_they_pointed() {
    let configured = MockServer::start_async().await;
    let elsewhere = MockServer::start_async().await;
    let reached = smooch_tests::catch_all(&elsewhere).await;
    let target = format!("{}/landing/{USER}", elsewhere.base_url());
    for status in [301, 302, 303, 307, 308] {
        let redirect = configured
            .mock_async(|when, then| {
                when.any_request();
                then.status(status).header("location", target.clone());
            })
            .await;
        let clients = [
            Client::builder()
                .basic_auth(KEY_ID, SECRET)
                .base_url(configured.base_url())
                .build()
                .unwrap(),
            // A user's configuration cannot turn redirects back on.
            Client::builder()
                .jwt("header.payload.signature")
                .base_url(configured.base_url())
                .configure_http(|http| http.redirect(reqwest::redirect::Policy::limited(10)))
                .build()
                .unwrap(),
        ];
        for client in clients {
            let post = client
                .post_message(APP, USER, &MessagePost::text(Role::AppMaker, "hi"))
                .await
                .map(drop);
            let get = client
                .get_messages(APP, USER, Cursor::Latest)
                .await
                .map(drop);
            for (call, result) in [("post_message", post), ("get_messages", get)] {
                let error = result.expect_err(call);
                let Error::Api(api) = &error else {
                    panic!("{call} {status}: {error:?}")
                };
                assert_eq!(api.status.as_u16(), status);
                assert_eq!(api.location(), Some(target.as_str()));
                assert_eq!(api.attempts.count, 1, "{call} {status}: not retried");
                assert!(!error.may_have_been_delivered(), "{call} {status}");
                let text = error.to_string();
                assert!(text.contains("which is not followed"), "{text}");
                assert!(!text.contains(USER), "{text}");
            }
        }
        assert_eq!(redirect.calls_async().await, 4, "{status}");
        redirect.delete_async().await;
    }
    assert_eq!(reached.calls_async().await, 0, "a redirect was followed");
}

#[tokio::test]
async fn signed_jwts_are_accepted_by_the_fake_and_lifetimes_need_sign_jwt() {
    use smooch_client::JwtScope;
    use smooch_client::fake::FakeSmooch;

    let fake = FakeSmooch::with_credentials(KEY_ID, SECRET).await.unwrap();
    for scope in [
        JwtScope::App,
        JwtScope::Account,
        JwtScope::AppUser {
            user_id: USER.into(),
        },
    ] {
        let client = Client::builder()
            .jwt_lifetime(std::time::Duration::from_secs(600))
            .sign_jwt(KEY_ID, SECRET, scope.clone())
            .base_url(fake.base_url())
            .build()
            .unwrap();
        client
            .conversation_activity(APP, USER, &ConversationActivity::typing_start())
            .await
            .unwrap();
    }
    let wrong_secret = Client::builder()
        .sign_jwt(KEY_ID, "not-the-secret", JwtScope::App)
        .base_url(fake.base_url())
        .retry(smooch_client::RetryPolicy::disabled())
        .build()
        .unwrap();
    let error = wrong_secret.delete_messages(APP, USER).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));

    let error = Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .jwt_lifetime(std::time::Duration::from_secs(60))
        .build();
    assert!(matches!(error, Err(Error::Config(_))));
}
