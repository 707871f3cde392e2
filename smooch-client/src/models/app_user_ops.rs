//! The bodies of the app-user operations: creating, updating and merging users
//! ([`AppUserPreCreate`], [`AppUserUpdate`], [`AppUserMerge`]), and what they answer
//! ([`AppUserResponse`], [`AuthCodeResponse`]).

use smooch_macros::model;

use super::app_user::{AppUser, JsonObject};

/// A user as the app-user operations answer it (`{"appUser": ...}`).
#[model]
pub struct AppUserResponse {
    /// The user.
    #[model(key)]
    pub app_user: AppUser,
}

/// A user to create before they first write (request body of *pre-create app user*).
///
/// ```
/// use serde_json::json;
/// use smooch_client::models::AppUserPreCreate;
///
/// let user = AppUserPreCreate::new("customer-4711")
///     .with_given_name("Inês")
///     .with_email("ines@example.com")
///     .with_property("plan", json!("gold"));
/// assert_eq!(
///     serde_json::to_value(&user)?,
///     json!({"userId": "customer-4711", "givenName": "Inês", "email": "ines@example.com", "properties": {"plan": "gold"}})
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppUserPreCreate {
    /// Your own id for the user.
    #[model(required)]
    pub user_id: String,
    /// Given name.
    pub given_name: Option<String>,
    /// Surname.
    pub surname: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// When the user signed up, as ISO-8601 text (`2019-07-11T10:41:52Z`).
    pub signed_up_at: Option<String>,
    /// Custom properties.
    pub properties: JsonObject,
}

impl AppUserPreCreate {
    /// A user known by your id `user_id`.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            ..Self::default()
        }
    }

    /// Sets one custom property.
    pub fn with_property(mut self, key: impl Into<String>, value: serde_json::Value) -> Self {
        self.properties.insert(key.into(), value);
        self
    }
}

/// Changes to a user's profile (request body of *update app user*); what is `None` stays as it
/// is.
///
/// ```
/// use smooch_client::models::AppUserUpdate;
///
/// let update = AppUserUpdate::default().with_surname("Carvalho");
/// assert_eq!(serde_json::to_string(&update)?, r#"{"surname":"Carvalho"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AppUserUpdate {
    /// Given name.
    pub given_name: Option<String>,
    /// Surname.
    pub surname: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// When the user signed up, as ISO-8601 text.
    pub signed_up_at: Option<String>,
    /// Custom properties to set (merged into the user's).
    pub properties: JsonObject,
}

impl AppUserUpdate {
    /// Sets one custom property.
    pub fn with_property(mut self, key: impl Into<String>, value: serde_json::Value) -> Self {
        self.properties.insert(key.into(), value);
        self
    }
}

/// Two users to merge into one (request body of *merge users*).
///
/// ```
/// use smooch_client::models::AppUserMerge;
///
/// let merge = AppUserMerge::new("c81e4f0a9d2b73e65a0f1d88", "d92f5a1b0e3c84f76b1a2e99");
/// assert_eq!(
///     serde_json::to_string(&merge)?,
///     r#"{"surviving":{"_id":"c81e4f0a9d2b73e65a0f1d88"},"discarded":{"_id":"d92f5a1b0e3c84f76b1a2e99"}}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request)]
pub struct AppUserMerge {
    /// The user kept.
    #[model(required)]
    pub surviving: MergedUser,
    /// The user folded into `surviving` and deleted.
    #[model(required)]
    pub discarded: MergedUser,
}

impl AppUserMerge {
    /// Merges the user with Smooch id `discarded` into the one with Smooch id `surviving`.
    pub fn new(surviving: impl Into<String>, discarded: impl Into<String>) -> Self {
        Self {
            surviving: MergedUser::new(surviving),
            discarded: MergedUser::new(discarded),
            ..Self::default()
        }
    }
}

/// A user in a merge, by Smooch id.
#[model]
pub struct MergedUser {
    /// The user's Smooch id (`_id`).
    #[serde(rename = "_id")]
    #[model(required)]
    pub id: String,
}

impl MergedUser {
    /// The user with Smooch id `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }
}

/// A code to authenticate the user in an SDK (response of *get app user auth code*).
#[model]
pub struct AuthCodeResponse {
    /// The code (a secret: it logs the user in).
    #[model(key)]
    pub auth_code: crate::Secret,
}
