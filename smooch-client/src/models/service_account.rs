//! Service accounts and API keys: [`ServiceAccount`], the bodies [`ServiceAccountCreate`],
//! [`ServiceAccountUpdate`] and [`SecretKeyCreate`], and the responses
//! [`ServiceAccountResponse`], [`ListServiceAccountsResponse`], [`SecretKey`] (in
//! [`SecretKeyResponse`] and [`ListSecretKeysResponse`]) and [`JwtResponse`]. The key models are
//! shared by app keys and service account keys.

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
use crate::Secret;

/// A service account: an account-level identity for a server, with API keys of its own
/// (response).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServiceAccount {
    /// The service account id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// Its name.
    #[decode(required)]
    pub name: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct ServiceAccountCreate {
    /// Its name.
    #[decode(required)]
    pub name: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct ServiceAccountUpdate {
    /// The new name.
    #[decode(required)]
    pub name: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ServiceAccountResponse {
    /// The service account.
    #[decode(key)]
    pub service_account: ServiceAccount,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *list service accounts*: one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListServiceAccountsResponse {
    /// The service accounts of this page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_accounts: Vec<ServiceAccount>,
    /// Whether more service accounts follow (absent means no).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
    /// The offset of this page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct SecretKeyCreate {
    /// A label for the key.
    #[decode(required)]
    pub name: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SecretKey {
    /// The key id (`_id`): the `kid` of a JWT, or the user name of basic auth.
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// The key's label.
    #[decode(required)]
    pub name: String,
    /// The secret (the password of basic auth, or what signs a JWT).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<Secret>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *create* and *get key*.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SecretKeyResponse {
    /// The key.
    #[decode(key)]
    pub key: SecretKey,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *list keys* (not paged).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListSecretKeysResponse {
    /// Every key.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keys: Vec<SecretKey>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *get app JWT* and *get service account JWT*: a JWT signed by Smooch for a key
/// (`app` scope for an app key, `account` scope for a service account key). Its `Debug` output
/// never shows the token.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct JwtResponse {
    /// The JWT; use it with [`ClientBuilder::jwt`](crate::ClientBuilder::jwt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwt: Option<Secret>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}
