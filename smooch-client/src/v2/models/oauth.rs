//! OAuth: the query of *authorize* ([`ResponseType`], [`AuthorizeOptions`]), the body of *get
//! token* ([`TokenRequest`], [`GrantType`]) and its answer ([`TokenResponse`]).

use smooch_macros::model;

use crate::Secret;
use crate::models::string_enum;

string_enum! {
    in "v2::models";
    /// What *authorize* asks for (`response_type`): an authorization code.
    pub enum ResponseType {
        /// `code`: the only value the API takes.
        Code => "code",
    }
}

string_enum! {
    in "v2::models";
    /// How *get token* proves the grant (`grant_type`).
    pub enum GrantType {
        /// `authorization_code`: the only value the API takes.
        AuthorizationCode => "authorization_code",
    }
}

/// The optional query of *authorize*.
///
/// ```
/// use smooch_client::v2::models::AuthorizeOptions;
///
/// let options = AuthorizeOptions::default()
///     .with_state("b6bd9e3c")
///     .with_redirect_uri("https://bot.example.com/oauth/done");
/// # let _ = options;
/// ```
#[model(query)]
pub struct AuthorizeOptions {
    /// Echoed back to the redirect URI unchanged: tie the answer to the request.
    pub state: Option<String>,
    /// Where the user is sent with the code (one of the OAuth client's redirect URIs).
    #[serde(rename = "redirect_uri")]
    pub redirect_uri: Option<String>,
}

/// The body of *get token* (request): the code from the redirect and the OAuth client's
/// credentials. `Debug` does not show the client secret.
///
/// ```
/// use smooch_client::v2::models::TokenRequest;
///
/// let request = TokenRequest::new("4ad7e1b4", "acme-bot", "s3cr3t");
/// assert_eq!(
///     serde_json::to_string(&request)?,
///     r#"{"code":"4ad7e1b4","grant_type":"authorization_code","client_id":"acme-bot","client_secret":"s3cr3t"}"#
/// );
/// assert!(!format!("{request:?}").contains("s3cr3t"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct TokenRequest {
    /// The authorization code the redirect carried.
    #[model(required)]
    pub code: String,
    /// Always [`GrantType::AuthorizationCode`].
    #[model(required)]
    #[serde(rename = "grant_type")]
    pub grant_type: GrantType,
    /// The OAuth client's id.
    #[model(required)]
    #[serde(rename = "client_id")]
    pub client_id: String,
    /// The OAuth client's secret.
    #[model(required)]
    #[serde(rename = "client_secret")]
    pub client_secret: Secret,
}

impl TokenRequest {
    /// Exchanges `code` for an access token as the OAuth client `client_id`.
    pub fn new(
        code: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
    ) -> Self {
        Self::default()
            .with_code(code)
            .with_grant_type(GrantType::AuthorizationCode)
            .with_client_id(client_id)
            .with_client_secret(client_secret)
    }
}

/// The answer of *get token*: an access token with integration scope, for
/// `Authorization: Bearer` (`Debug` does not show it).
#[model]
pub struct TokenResponse {
    /// The access token.
    #[serde(rename = "access_token")]
    pub access_token: Option<Secret>,
    /// Its type: `Bearer`.
    #[serde(rename = "token_type")]
    pub token_type: Option<String>,
}
