//! OAuth: what an OAuth integration (a Zendesk Marketplace app, say) calls to be installed on
//! an app and to act with the access token it gets.

use crate::v2::V2;
use crate::v2::models::{AppResponse, AuthorizeOptions, ResponseType, TokenRequest, TokenResponse};
use crate::{Redirect, Result, Secret, endpoint};

/// The OAuth endpoints, served on Zendesk's OAuth bridge
/// ([`OAUTH_BASE_URL`](crate::OAUTH_BASE_URL), changed with
/// [`ClientBuilder::oauth_base_url`](crate::ClientBuilder::oauth_base_url)), whatever host the
/// client's other calls go to. The client's own credentials are never sent there: *get token*
/// authenticates with the OAuth client's secret in its body, *get token info* and *revoke
/// access* with the access token they are given.
///
/// The sheet does not say which host *revoke access* is on, nor how *get token info* is
/// authenticated (it declares no scheme); this client sends both to the OAuth bridge with the
/// access token as `Authorization: Bearer`.
///
/// An access token acts with integration scope: build a client with it
/// (`Client::builder().jwt(token)`) for the users, conversations and `integrations/me/webhooks`
/// of the app it was issued for.
///
/// ```no_run
/// use smooch_client::v2::{OAuthApi, models::{AuthorizeOptions, ResponseType, TokenRequest}};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// // 1. Where to send the user's browser (the 302 is returned, never followed).
/// let options = AuthorizeOptions::default().with_state("b6bd9e3c");
/// let redirect = v2.authorize("acme-bot", ResponseType::Code, &options).await?;
/// println!("send the user to {:?}", redirect.location());
/// // 2. The redirect URI got `?code=...`: exchange it for an access token.
/// let token = v2.get_token(&TokenRequest::new("4ad7e1b4", "acme-bot", "s3cr3t")).await?;
/// let access_token = token.access_token.expect("a token");
/// // 3. Which app it is for, and later, give it back.
/// let app = v2.get_token_info(&access_token).await?;
/// println!("installed on {:?}", app.app.and_then(|app| app.subdomain));
/// v2.revoke_access(&access_token).await?;
/// # Ok(()) }
/// ```
pub trait OAuthApi {
    /// The app an access token was issued for, with its Zendesk `subdomain`.
    #[endpoint(GET, "/v2/tokenInfo", host = oauth, bearer = access_token)]
    async fn get_token_info(&self, access_token: &Secret) -> Result<AppResponse>;

    /// Starts installing the OAuth client `client_id` on an app: the answer is a 302 to the
    /// page where a user picks the app, returned as a [`Redirect`] (never followed).
    #[endpoint(GET, "/oauth/authorize?<client_id>&<response_type>&<options..>", host = oauth, redirect)]
    async fn authorize(
        &self,
        client_id: &str,
        response_type: ResponseType,
        options: &AuthorizeOptions,
    ) -> Result<Redirect>;

    /// Exchanges an authorization code for an access token.
    #[endpoint(POST, "/oauth/token", host = oauth, body = request)]
    async fn get_token(&self, request: &TokenRequest) -> Result<TokenResponse>;

    /// Revokes an access token: the integration is uninstalled from its app (answers `{}`).
    #[endpoint(DELETE, "/oauth/authorization", host = oauth, bearer = access_token)]
    async fn revoke_access(&self, access_token: &Secret) -> Result<()>;
}

impl OAuthApi for V2 {}
