//! Path values arrive as exactly one correctly encoded segment; values no URL can carry are
//! refused before anything is sent.

use httpmock::prelude::*;
use smooch_client::models::Cursor;
use smooch_client::{ConversationApi, Error};
use smooch_tests::{APP, USER, at, catch_all, client};

/// Every character but `A-Z a-z 0-9 - . _ ~` is percent-encoded (UTF-8), as the official Python
/// SDK does; the expected strings are written out by hand.
const CASES: [(&str, &str); 10] = [
    ("user/with/slash", "user%2Fwith%2Fslash"),
    ("a b", "a%20b"),
    ("ü-ñ", "%C3%BC-%C3%B1"),
    ("x?y#z", "x%3Fy%23z"),
    ("%41", "%2541"),
    ("plus+sign", "plus%2Bsign"),
    ("semi;colon", "semi%3Bcolon"),
    ("email@example.com", "email%40example.com"),
    ("日本語", "%E6%97%A5%E6%9C%AC%E8%AA%9E"),
    ("dots...and~tilde_-", "dots...and~tilde_-"),
];

#[tokio::test]
async fn each_id_arrives_as_one_encoded_segment() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    for (raw, encoded) in CASES {
        let path = format!("/v1.1/apps/{APP}/appusers/{encoded}/messages/{encoded}");
        let mock = server
            .mock_async(|when, then| {
                when.method(DELETE)
                    .path(path.clone())
                    .is_true(move |request| {
                        request.uri().path() == path && request.uri().query().is_none()
                    });
                then.status(200).body("{}");
            })
            .await;

        let result = client.delete_message(APP, raw, raw).await;

        assert!(result.is_ok(), "{raw}: {result:?}");
        assert_eq!(
            mock.calls_async().await,
            1,
            "{raw} was not sent as {encoded}"
        );
        mock.delete_async().await;
    }
}

#[tokio::test]
async fn query_values_are_encoded_too() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .is_true(|request| request.uri().query() == Some("before=1529600550.5"));
            then.status(200).body("{}");
        })
        .await;
    client(&server)
        .get_messages(APP, USER, Cursor::Before(at(1529600550.5)))
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn ids_no_url_can_carry_are_refused_before_sending() {
    let server = MockServer::start_async().await;
    let any = catch_all(&server).await;
    let client = client(&server);

    for bad in ["", ".", ".."] {
        let error = client.delete_messages(APP, bad).await.unwrap_err();
        let Error::InvalidInput {
            operation,
            parameter,
            reason,
        } = &error
        else {
            panic!("{bad:?}: {error:?}")
        };
        assert_eq!((&**operation, *parameter), ("delete_messages", "user_id"));
        assert!(!reason.is_empty());

        let error = client.delete_message(bad, USER, "m1").await.unwrap_err();
        assert!(
            matches!(
                error,
                Error::InvalidInput {
                    parameter: "app_id",
                    ..
                }
            ),
            "{error:?}"
        );
        let error = client.delete_message(APP, USER, bad).await.unwrap_err();
        assert!(
            matches!(
                error,
                Error::InvalidInput {
                    parameter: "message_id",
                    ..
                }
            ),
            "{error:?}"
        );
    }
    assert!(
        client
            .delete_messages(APP, "")
            .await
            .unwrap_err()
            .to_string()
            .contains("`user_id`")
    );
    assert_eq!(
        any.calls_async().await,
        0,
        "a refused call reached the server"
    );
}

#[tokio::test]
async fn a_base_url_path_prefix_is_kept() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST).path(format!(
                "/sc/v1.1/apps/{APP}/appusers/{USER}/conversation/read"
            ));
            then.status(200);
        })
        .await;
    let client = smooch_client::Client::builder()
        .basic_auth(smooch_tests::KEY_ID, smooch_tests::SECRET)
        .base_url(format!("{}/sc/", server.base_url()))
        .build()
        .unwrap();
    client.reset_unread_count(APP, USER).await.unwrap();
    mock.assert_async().await;
}
