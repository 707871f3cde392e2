//! OAuth: served on the OAuth host (its own base URL, path prefix included), never with the
//! client's credentials; the access token as `Authorization: Bearer` where one is given; the
//! 302 of authorize returned, never followed.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::v2::models::{AuthorizeOptions, ResponseType, TokenRequest};
use smooch_client::v2::{OAuthApi, V2};
use smooch_client::{Client, Error, Secret};

use super::APP;
use super::conformance::{Call, Row, boxed, row};

pub const ROWS: &[Row] = &[
    row(
        "OAuth Endpoints",
        "GetTokenInfo",
        "GET",
        "/v2/tokenInfo",
        200,
    ),
    row(
        "OAuth Endpoints",
        "Authorize",
        "GET",
        "/oauth/authorize",
        302,
    ),
    row("OAuth Endpoints", "GetToken", "POST", "/oauth/token", 200),
    row(
        "OAuth Endpoints",
        "RevokeAccess",
        "DELETE",
        "/oauth/authorization",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    let token = Secret::new("tok");
    match operation {
        "GetTokenInfo" => boxed(v2.get_token_info(&token)),
        "Authorize" => {
            boxed(v2.authorize("client", ResponseType::Code, &AuthorizeOptions::default()))
        }
        "GetToken" => boxed(v2.get_token(&TokenRequest::new("code", "client", "secret"))),
        "RevokeAccess" => boxed(v2.revoke_access(&token)),
        _ => None,
    }
}

/// A client whose API host is `api` and whose OAuth host is `oauth` under the `/sc` prefix.
fn split(api: &MockServer, oauth: &MockServer) -> V2 {
    Client::builder()
        .basic_auth(smooch_tests::KEY_ID, smooch_tests::SECRET)
        .base_url(api.base_url())
        .oauth_base_url(format!("{}/sc", oauth.base_url()))
        .build()
        .unwrap()
        .v2()
}

/// Nothing reaches the API's host, and no request to the OAuth host carries the client's
/// credentials.
async fn nothing_on_the_api_host(api: &MockServer) -> httpmock::Mock<'_> {
    api.mock_async(|when, then| {
        when.any_request();
        then.status(500);
    })
    .await
}

#[tokio::test]
async fn get_token_info_sends_the_access_token_not_the_client_key() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    let stray = nothing_on_the_api_host(&api).await;
    let mock = oauth
        .mock_async(|when, then| {
            when.method(GET)
                .path("/sc/v2/tokenInfo")
                .header("authorization", "Bearer at-1234");
            then.status(200).json_body(json!({
                "app": {"id": APP, "displayName": "Acme", "subdomain": "acme"}
            }));
        })
        .await;
    let app = split(&api, &oauth)
        .get_token_info(&Secret::new("at-1234"))
        .await
        .unwrap()
        .app
        .unwrap();
    mock.assert_async().await;
    stray.assert_calls_async(0).await;
    assert_eq!(app.id.as_deref(), Some(APP));
    assert_eq!(app.subdomain.as_deref(), Some("acme"));
}

#[tokio::test]
async fn authorize_returns_the_302_with_its_location_and_never_follows_it() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    let stray = nothing_on_the_api_host(&api).await;
    let target = format!("{}/picked", api.base_url());
    let mock = oauth
        .mock_async(|when, then| {
            when.method(GET)
                .path("/sc/oauth/authorize")
                .query_param("client_id", "acme bot")
                .query_param("response_type", "code")
                .query_param("state", "s&1")
                .query_param("redirect_uri", "https://bot.example.com/done?x=1")
                .header_missing("authorization");
            then.status(302)
                .header("location", target.as_str())
                .body("Found. Redirecting");
        })
        .await;
    let options = AuthorizeOptions::default()
        .with_state("s&1")
        .with_redirect_uri("https://bot.example.com/done?x=1");
    let redirect = split(&api, &oauth)
        .authorize("acme bot", ResponseType::Code, &options)
        .await
        .unwrap();
    mock.assert_async().await;
    stray.assert_calls_async(0).await;
    assert_eq!(redirect.status(), 302);
    assert_eq!(redirect.location(), Some(target.as_str()));
}

#[tokio::test]
async fn an_endpoint_not_declared_redirect_still_refuses_a_redirect() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    oauth
        .mock_async(|when, then| {
            when.path("/sc/v2/tokenInfo");
            then.status(302)
                .header("location", "https://elsewhere.example/");
        })
        .await;
    let error = split(&api, &oauth)
        .get_token_info(&Secret::new("t"))
        .await
        .unwrap_err();
    let Error::Api(api_error) = &error else {
        panic!("{error}")
    };
    assert_eq!(api_error.status, 302);
    assert_eq!(api_error.location(), Some("https://elsewhere.example/"));
}

#[tokio::test]
async fn get_token_posts_the_code_and_client_credentials_and_keeps_the_token_secret() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    let stray = nothing_on_the_api_host(&api).await;
    let mock = oauth
        .mock_async(|when, then| {
            when.method(POST)
                .path("/sc/oauth/token")
                .header_missing("authorization")
                .header("content-type", "application/json")
                .json_body(json!({
                    "code": "4ad7e1b4", "grant_type": "authorization_code",
                    "client_id": "acme-bot", "client_secret": "cs-9"
                }));
            then.status(200)
                .json_body(json!({"access_token": "at-secret-77", "token_type": "Bearer"}));
        })
        .await;
    let token = split(&api, &oauth)
        .get_token(&TokenRequest::new("4ad7e1b4", "acme-bot", "cs-9"))
        .await
        .unwrap();
    mock.assert_async().await;
    stray.assert_calls_async(0).await;
    assert_eq!(
        token.access_token.as_ref().unwrap().expose(),
        "at-secret-77"
    );
    assert_eq!(token.token_type.as_deref(), Some("Bearer"));
    assert!(!format!("{token:?}").contains("at-secret-77"));
}

#[tokio::test]
async fn revoke_access_deletes_with_the_access_token() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    let stray = nothing_on_the_api_host(&api).await;
    let mock = oauth
        .mock_async(|when, then| {
            when.method(DELETE)
                .path("/sc/oauth/authorization")
                .header("authorization", "Bearer at-1234");
            then.status(200).json_body(json!({}));
        })
        .await;
    split(&api, &oauth)
        .revoke_access(&Secret::new("at-1234"))
        .await
        .unwrap();
    mock.assert_async().await;
    stray.assert_calls_async(0).await;
}

#[tokio::test]
async fn a_token_that_cannot_be_a_header_is_refused_before_sending_without_showing_it() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    let stray = nothing_on_the_api_host(&api).await;
    let nothing = nothing_on_the_api_host(&oauth).await;
    let error = split(&api, &oauth)
        .get_token_info(&Secret::new("line\nbreak-secret"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput { .. }), "{error}");
    let shown = format!("{error} {error:?}");
    assert!(shown.contains("access_token"), "{shown}");
    assert!(!shown.contains("break-secret"), "{shown}");
    stray.assert_calls_async(0).await;
    nothing.assert_calls_async(0).await;
}

#[tokio::test]
async fn oauth_errors_come_back_as_api_errors() {
    let (api, oauth) = (
        MockServer::start_async().await,
        MockServer::start_async().await,
    );
    oauth
        .mock_async(|when, then| {
            when.path("/sc/oauth/token");
            then.status(401).json_body(
                json!({"errors": [{"code": "unauthorized", "title": "Invalid client"}]}),
            );
        })
        .await;
    let error = split(&api, &oauth)
        .get_token(&TokenRequest::new("c", "id", "bad"))
        .await
        .unwrap_err();
    assert!(error.is_unauthorized(), "{error}");
    assert!(!format!("{error} {error:?}").contains("bad\""), "{error:?}");
}

#[test]
fn the_oauth_host_is_zendesks_bridge_by_default_and_a_zendesk_subdomain_keeps_its_prefix() {
    let client = Client::builder()
        .basic_auth("k", "s")
        .zendesk_subdomain("acme-support")
        .build()
        .unwrap();
    assert_eq!(
        client.base_url().as_str(),
        "https://acme-support.zendesk.com/sc"
    );
    assert_eq!(
        client.oauth_base_url().as_str(),
        "https://oauth-bridge.zendesk.com/sc"
    );
    for bad in [
        "",
        "-acme",
        "acme-",
        "acme.evil.com",
        "acme/x",
        "a b",
        "acme@x",
    ] {
        let built = Client::builder()
            .basic_auth("k", "s")
            .zendesk_subdomain(bad)
            .build();
        assert!(matches!(built, Err(Error::Config(_))), "{bad:?}");
    }
}

#[tokio::test]
async fn a_zendesk_style_prefix_goes_before_every_v2_path() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET).path(format!("/sc/v2/apps/{APP}"));
            then.status(200).json_body(json!({"app": {"id": APP}}));
        })
        .await;
    let v2 = Client::builder()
        .basic_auth("k", "s")
        .base_url(format!("{}/sc", server.base_url()))
        .build()
        .unwrap()
        .v2();
    use smooch_client::v2::AppsApi;
    let app = v2.get_app(APP).await.unwrap().app.unwrap();
    mock.assert_async().await;
    assert_eq!(app.id.as_deref(), Some(APP));
}
