//! Users: create, list (by e-mail), get, update and delete an app's users, delete their
//! personal information, and sync them with Zendesk.

use crate::v2::V2;
use crate::v2::models::{SyncUser, UserCreate, UserListResponse, UserResponse, UserUpdate};
use crate::{Result, endpoint};

/// An app's users. Integration, app or account scope.
///
/// A user is named in paths by its `id` or by your `externalId` (`user_id_or_external_id`; any
/// text, sent encoded as one path segment). `brand_id` (`brandId`) picks the user of one brand
/// in an account whose users are separated by brand (`None`: not sent).
///
/// ```no_run
/// use smooch_client::v2::UsersApi;
/// use smooch_client::v2::models::{Profile, UserCreate};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let app_id = "5963c0d619a30a2e00de36b8";
/// let new = UserCreate::new("steve@example.com").with_profile(Profile::default().with_given_name("Steve"));
/// match v2.create_user(app_id, &new).await {
///     Err(error) if error.is_conflict() => println!("already there"),
///     other => drop(other?),
/// }
/// let user = v2.get_user(app_id, "steve@example.com", None).await?;
/// let found = v2.list_users(app_id, "steve@example.com", None).await?;
/// # Ok(()) }
/// ```
pub trait UsersApi {
    /// Creates a user (201). A user with the same `externalId` is a 409 `conflict`
    /// ([`Error::is_conflict`](crate::Error::is_conflict)).
    #[endpoint(POST, "/v2/apps/<app_id>/users", body = user)]
    async fn create_user(&self, app_id: &str, user: &UserCreate) -> Result<UserResponse>;

    /// Lists the users with an identity (a verified e-mail address, not `profile.email`) of
    /// `email` (`filter[identities.email]`; not paged).
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/users?filter[identities.email]=<email>&brandId=<brand_id>"
    )]
    async fn list_users(
        &self,
        app_id: &str,
        email: &str,
        brand_id: Option<&str>,
    ) -> Result<UserListResponse>;

    /// Gets a user by id or `externalId`.
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>?brandId=<brand_id>"
    )]
    async fn get_user(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        brand_id: Option<&str>,
    ) -> Result<UserResponse>;

    /// Changes a user: only what the body sets.
    #[endpoint(
        PATCH,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>?brandId=<brand_id>",
        body = user
    )]
    async fn update_user(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        user: &UserUpdate,
        brand_id: Option<&str>,
    ) -> Result<UserResponse>;

    /// Deletes a user, their conversations and messages (answers `{}`; the deletion completes
    /// in the background, and a `user:remove` event says when).
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>?brandId=<brand_id>"
    )]
    async fn delete_user(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        brand_id: Option<&str>,
    ) -> Result<()>;

    /// Deletes a user's personal information (profile, metadata, identities, and the clients'
    /// data), keeping the user and their conversations; answers the user as it is left.
    /// `None` when a retry found the user already gone (404 after an attempt that may have
    /// taken effect; see [`Removal`](crate::Removal)).
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/personalinformation?brandId=<brand_id>"
    )]
    async fn delete_user_personal_information(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        brand_id: Option<&str>,
    ) -> Result<Option<UserResponse>>;

    /// Brings a user up to date with the Zendesk Support user `zendesk_id`; after a merge of
    /// Support users, the body names the one that survived (otherwise
    /// `&SyncUser::default()`, sent as `{}`).
    #[endpoint(POST, "/v2/apps/<app_id>/users/<zendesk_id>/sync", body = sync)]
    async fn sync_user(
        &self,
        app_id: &str,
        zendesk_id: &str,
        sync: &SyncUser,
    ) -> Result<UserResponse>;
}

impl UsersApi for V2 {}
