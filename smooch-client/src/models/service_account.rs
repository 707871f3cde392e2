//! Service accounts and API keys: [`ServiceAccount`], the bodies [`ServiceAccountCreate`],
//! [`ServiceAccountUpdate`] and [`SecretKeyCreate`], and the responses
//! [`ServiceAccountResponse`], [`ListServiceAccountsResponse`], [`SecretKey`] (in
//! [`SecretKeyResponse`] and [`ListSecretKeysResponse`]) and [`JwtResponse`]. The key models are
//! shared by app keys and service account keys.

use smooch_macros::model;

use crate::Secret;

/// A service account: an account-level identity for a server, with API keys of its own
/// (response).
#[model]
pub struct ServiceAccount {
    /// The service account id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// Its name.
    #[model(required)]
    pub name: String,
}

/// The body of *create service account* (request).
///
/// ```rust
/// use smooch_client::models::ServiceAccountCreate;
///
/// let body = ServiceAccountCreate::new("Deploy bot");
/// assert_eq!(serde_json::to_string(&body)?, r#"{"name":"Deploy bot"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request)]
pub struct ServiceAccountCreate {
    /// Its name.
    #[model(required)]
    pub name: String,
}

impl ServiceAccountCreate {
    /// A service account named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// The body of *update service account* (request): the name is required, as the update
/// replaces it.
#[model(request)]
pub struct ServiceAccountUpdate {
    /// The new name.
    #[model(required)]
    pub name: String,
}

impl ServiceAccountUpdate {
    /// Renames the service account to `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// Response of *create*, *get* and *update service account*.
#[model]
pub struct ServiceAccountResponse {
    /// The service account.
    #[model(key)]
    pub service_account: ServiceAccount,
}

/// Response of *list service accounts*: one page.
#[model]
pub struct ListServiceAccountsResponse {
    /// The service accounts of this page.
    pub service_accounts: Vec<ServiceAccount>,
    /// Whether more service accounts follow (absent means no).
    pub has_more: Option<bool>,
    /// The offset of this page.
    pub offset: Option<u64>,
}

impl crate::Page for ListServiceAccountsResponse {
    type Item = ServiceAccount;

    fn has_more(&self) -> bool {
        self.has_more.unwrap_or(false)
    }

    fn into_items(self) -> Vec<ServiceAccount> {
        self.service_accounts
    }

    fn item_id(item: &ServiceAccount) -> &str {
        &item.id
    }
}

/// The body of *create key* for an app or a service account (request).
///
/// ```rust
/// use smooch_client::models::SecretKeyCreate;
///
/// let body = SecretKeyCreate::new("CI");
/// assert_eq!(serde_json::to_string(&body)?, r#"{"name":"CI"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request)]
pub struct SecretKeyCreate {
    /// A label for the key.
    #[model(required)]
    pub name: String,
}

impl SecretKeyCreate {
    /// A key labelled `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// An API key of an app or a service account (response). Its `Debug` output never shows the
/// secret.
///
/// ```rust
/// use smooch_client::models::SecretKey;
///
/// let key: SecretKey = serde_json::from_str(
///     r#"{"_id":"app_5723a347f82ba0516cb4ea34","name":"CI","secret":"5XJ85yjUtRcaQu_pDINblPZb"}"#,
/// )?;
/// assert_eq!(key.secret.as_ref().unwrap().expose(), "5XJ85yjUtRcaQu_pDINblPZb");
/// assert!(!format!("{key:?}").contains("5XJ85yjUtRcaQu_pDINblPZb"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct SecretKey {
    /// The key id (`_id`): the `kid` of a JWT, or the user name of basic auth.
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// The key's label.
    #[model(required)]
    pub name: String,
    /// The secret (the password of basic auth, or what signs a JWT).
    pub secret: Option<Secret>,
}

/// Response of *create* and *get key*.
#[model]
pub struct SecretKeyResponse {
    /// The key.
    #[model(key)]
    pub key: SecretKey,
}

/// Response of *list keys* (not paged).
#[model]
pub struct ListSecretKeysResponse {
    /// Every key.
    pub keys: Vec<SecretKey>,
}

/// Response of *get app JWT* and *get service account JWT*: a JWT signed by Smooch for a key
/// (`app` scope for an app key, `account` scope for a service account key). Its `Debug` output
/// never shows the token.
#[model]
pub struct JwtResponse {
    /// The JWT; use it with [`ClientBuilder::jwt`](crate::ClientBuilder::jwt).
    pub jwt: Option<Secret>,
}
