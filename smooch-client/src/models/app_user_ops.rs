//! The bodies of the app-user operations: creating, updating and merging users
//! ([`AppUserPreCreate`], [`AppUserUpdate`], [`AppUserMerge`]), and what they answer
//! ([`AppUserResponse`], [`AuthCodeResponse`]).

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
use super::app_user::{AppUser, JsonObject};

/// A user as the app-user operations answer it (`{"appUser": ...}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppUserResponse {
    /// The user.
    #[decode(key)]
    pub app_user: AppUser,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AppUserPreCreate {
    /// Your own id for the user.
    #[decode(required)]
    pub user_id: String,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Surname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When the user signed up, as ISO-8601 text (`2019-07-11T10:41:52Z`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_up_at: Option<String>,
    /// Custom properties.
    #[serde(skip_serializing_if = "JsonObject::is_empty")]
    pub properties: JsonObject,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppUserPreCreate {
    /// A user known by your id `user_id`.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            ..Self::default()
        }
    }

    /// Sets the given name.
    pub fn with_given_name(mut self, name: impl Into<String>) -> Self {
        self.given_name = Some(name.into());
        self
    }

    /// Sets the surname.
    pub fn with_surname(mut self, name: impl Into<String>) -> Self {
        self.surname = Some(name.into());
        self
    }

    /// Sets the email address.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets when the user signed up (ISO-8601 text).
    pub fn with_signed_up_at(mut self, at: impl Into<String>) -> Self {
        self.signed_up_at = Some(at.into());
        self
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AppUserUpdate {
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Surname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Email address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// When the user signed up, as ISO-8601 text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_up_at: Option<String>,
    /// Custom properties to set (merged into the user's).
    #[serde(skip_serializing_if = "JsonObject::is_empty")]
    pub properties: JsonObject,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl AppUserUpdate {
    /// Sets the given name.
    pub fn with_given_name(mut self, name: impl Into<String>) -> Self {
        self.given_name = Some(name.into());
        self
    }

    /// Sets the surname.
    pub fn with_surname(mut self, name: impl Into<String>) -> Self {
        self.surname = Some(name.into());
        self
    }

    /// Sets the email address.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AppUserMerge {
    /// The user kept.
    #[decode(required)]
    pub surviving: MergedUser,
    /// The user folded into `surviving` and deleted.
    #[decode(required)]
    pub discarded: MergedUser,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MergedUser {
    /// The user's Smooch id (`_id`).
    #[serde(rename = "_id")]
    #[decode(required)]
    pub id: String,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthCodeResponse {
    /// The code (a secret: it logs the user in).
    #[decode(key)]
    pub auth_code: crate::Secret,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}
