//! App users: profiles, channels, image messages.

use crate::models::{
    AppUserBusinessSystemsResponse, AppUserChannelsResponse, AppUserLink, AppUserMerge,
    AppUserPreCreate, AppUserResponse, AppUserUpdate, AuthCodeResponse, IntegrationType,
    LinkRequestResponse, MessageResponse, Role,
};
use crate::{Client, Result, Upload, endpoint};

/// A user's profile and channels (Smooch's `AppUserApi`). App scope; `user_id` is the user's
/// Smooch id or your own `userId` for them (any characters: each id is percent-encoded as one
/// path segment).
///
/// ```
/// use smooch_client::{AppUserApi, Client};
/// use smooch_client::models::AppUserUpdate;
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// # client.pre_create_app_user("app_id", &smooch_client::models::AppUserPreCreate::new("customer-4711")).await?;
/// let user = client.get_app_user("app_id", "customer-4711").await?.app_user;
/// println!("{} {:?}", user.id, user.given_name);
/// client
///     .update_app_user("app_id", "customer-4711", &AppUserUpdate::default().with_surname("Carvalho"))
///     .await?;
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
pub trait AppUserApi {
    /// Gets a user.
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>")]
    async fn get_app_user(&self, app_id: &str, user_id: &str) -> Result<AppUserResponse>;

    /// Updates a user's profile.
    #[endpoint(PUT, "/v1.1/apps/<app_id>/appusers/<user_id>", body = update)]
    async fn update_app_user(
        &self,
        app_id: &str,
        user_id: &str,
        update: &AppUserUpdate,
    ) -> Result<AppUserResponse>;

    /// Deletes a user, their conversation and their channels.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/appusers/<user_id>")]
    async fn delete_app_user(&self, app_id: &str, user_id: &str) -> Result<()>;

    /// Creates a user before they first write (201).
    #[endpoint(POST, "/v1.1/apps/<app_id>/appusers", body = user)]
    async fn pre_create_app_user(
        &self,
        app_id: &str,
        user: &AppUserPreCreate,
    ) -> Result<AppUserResponse>;

    /// Merges two users into one.
    #[endpoint(POST, "/v1.1/apps/<app_id>/appusers/merge", body = merge)]
    async fn merge_users(&self, app_id: &str, merge: &AppUserMerge) -> Result<()>;

    /// Sends an image as a message from a file (multipart: the file as `source`, the author's
    /// `role`; 201).
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/appusers/<user_id>/images",
        multipart(source = image, role)
    )]
    async fn post_image_message(
        &self,
        app_id: &str,
        user_id: &str,
        image: &Upload,
        role: Role,
    ) -> Result<MessageResponse>;

    /// Deletes a user's profile (name, email, properties), keeping the user; answers the user without it.
    ///
    /// `None` when Smooch answered without a body, or when an attempt that may have deleted the
    /// profile failed (a 5xx, a timeout, a lost connection) and its retry was answered 404: the
    /// profile is gone, as asked ([`Removal`](crate::Removal)).
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/appusers/<user_id>/profile")]
    async fn delete_app_user_profile(
        &self,
        app_id: &str,
        user_id: &str,
    ) -> Result<Option<AppUserResponse>>;

    /// Gets a code that logs the user in to an SDK.
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>/authcode")]
    async fn get_app_user_auth_code(&self, app_id: &str, user_id: &str)
    -> Result<AuthCodeResponse>;

    /// The user's ids on each of their channels (Smooch's `getAppUserEntityIds`).
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>/channels")]
    async fn get_app_user_channels(
        &self,
        app_id: &str,
        user_id: &str,
    ) -> Result<AppUserChannelsResponse>;

    /// Links a channel to the user; the `link:*`
    /// webhooks say how it went.
    #[endpoint(POST, "/v1.1/apps/<app_id>/appusers/<user_id>/channels", body = link)]
    async fn link_app_user(
        &self,
        app_id: &str,
        user_id: &str,
        link: &AppUserLink,
    ) -> Result<AppUserResponse>;

    /// The business systems the user's conversation is tied to.
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>/businesssystems")]
    async fn get_app_user_business_systems(
        &self,
        app_id: &str,
        user_id: &str,
    ) -> Result<AppUserBusinessSystemsResponse>;

    /// Unlinks a channel from the user.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/appusers/<user_id>/channels/<channel>")]
    async fn unlink_app_user(
        &self,
        app_id: &str,
        user_id: &str,
        channel: &IntegrationType,
    ) -> Result<()>;

    /// Link requests (code and URL) for the user on these integrations (at least one).
    #[endpoint(
        GET,
        "/v1.1/apps/<app_id>/appusers/<user_id>/linkrequest?integrationIds=<integration_ids>"
    )]
    async fn get_link_requests(
        &self,
        app_id: &str,
        user_id: &str,
        integration_ids: &[&str],
    ) -> Result<LinkRequestResponse>;
}

impl AppUserApi for Client {}
