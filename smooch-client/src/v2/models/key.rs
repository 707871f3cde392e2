//! API keys: an app's keys ([`AppKey`], `app_…`) and a custom integration's ([`ApiKey`],
//! `int_…`), the bodies that create them and the answers that carry them.
//!
//! Both kinds have the same three fields and travel in the same wrappers (`{"key": ..}`,
//! `{"keys": [..]}`), so each shape is one type here; the integration-key names are aliases of
//! the app-key types.

use smooch_macros::model;

use crate::Secret;
use crate::models::Id;

/// An API key (response): an app's (`appKey`) or, as [`ApiKey`], a custom integration's.
///
/// Its id and secret are the credentials: the user name and password of basic auth, or the
/// `kid` and signing key of a JWT. The secret comes with every answer that carries the key
/// (`get` and `list` too); `Debug` never shows it.
///
/// ```
/// use smooch_client::v2::models::AppKeyResponse;
///
/// let answer: AppKeyResponse = serde_json::from_str(
///     r#"{"key": {"id": "app_5723a347f82ba0516cb4ea34", "displayName": "Ops",
///                 "secret": "5XJ85yjUtRcaQu_pDINblPZb"}}"#,
/// )?;
/// let key = answer.key.unwrap();
/// assert_eq!(key.secret.as_ref().unwrap().expose(), "5XJ85yjUtRcaQu_pDINblPZb");
/// assert!(!format!("{key:?}").contains("5XJ85"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct AppKey {
    /// The key id (`app_…` for an app key, `int_…` for an integration key).
    pub id: Option<Id>,
    /// The key's label.
    pub display_name: Option<String>,
    /// The key secret.
    pub secret: Option<Secret>,
}

/// A custom integration's key (`apiKey`): the same fields as an [`AppKey`], with an `int_…` id.
pub type ApiKey = AppKey;

/// The answer of *create* and *get app key* (`appKeyResponse`), and of *create* and *get
/// custom integration key* ([`IntegrationApiKeyResponse`]).
#[model]
pub struct AppKeyResponse {
    /// The key, secret included.
    pub key: Option<AppKey>,
}

/// The answer of *create* and *get custom integration key* (`integrationApiKeyResponse`).
pub type IntegrationApiKeyResponse = AppKeyResponse;

/// The answer of *list app keys* (`appKeyListResponse`; at most 10, no paging), and of *list
/// custom integration keys* ([`IntegrationApiKeyListResponse`]).
#[model]
pub struct AppKeyListResponse {
    /// Every key, secrets included.
    pub keys: Vec<AppKey>,
}

/// The answer of *list custom integration keys* (at most 10 keys, no paging).
pub type IntegrationApiKeyListResponse = AppKeyListResponse;

/// The body of *create app key* (request; `AppKeyCreateBody`), and of *create custom
/// integration key* ([`IntegrationApiKeyCreate`]).
///
/// ```
/// use smooch_client::v2::models::AppKeyCreate;
///
/// let key = AppKeyCreate::new("Ops dashboard");
/// assert_eq!(serde_json::to_string(&key)?, r#"{"displayName":"Ops dashboard"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppKeyCreate {
    /// The new key's label (1 to 100 characters for an app key).
    #[model(required)]
    pub display_name: String,
}

impl AppKeyCreate {
    /// A key labelled `display_name`.
    pub fn new(display_name: impl Into<String>) -> Self {
        Self::default().with_display_name(display_name)
    }
}

/// The body of *create custom integration key* (request; `IntegrationApiKey`).
pub type IntegrationApiKeyCreate = AppKeyCreate;
