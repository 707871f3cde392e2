//! A user's own endpoints, declared outside smooch-client, with every supported shape.

use serde::{Deserialize, Serialize};
use smooch_client::{Client, Result, endpoint};

#[derive(Serialize)]
pub struct Profile {
    pub given_name: String,
}

#[derive(Deserialize)]
pub struct User {
    pub _id: String,
}

/// Extra endpoints on top of the built-in ones.
pub trait AppUserApi {
    /// Gets a user.
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>")]
    async fn get_app_user(&self, app_id: &str, user_id: &str) -> Result<User>;

    /// Updates a user.
    #[endpoint(PUT, "/v1.1/apps/<app_id>/appusers/<user_id>", body = profile)]
    async fn update_app_user(&self, app_id: &str, user_id: String, profile: &Profile) -> Result<User>;

    /// Patches with a query and owned values.
    #[endpoint(PATCH, "/v1.1/apps/<app_id>/things?<limit>&<name>&<flag>", body = patch)]
    async fn patch_things(&self, app_id: &String, limit: Option<u32>, name: Option<&str>, flag: bool, patch: &serde_json::Value) -> Result<serde_json::Value>;

    /// A POST that removes something, retried like a DELETE.
    #[endpoint(POST, "/v1.1/apps/<app_id>/things/remove", body = thing, removes)]
    async fn remove_thing(&self, app_id: &str, thing: &serde_json::Value) -> Result<()>;

    /// A removal that answers a body: `None` when a retry found the user already gone.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/appusers/<user_id>/profile")]
    async fn delete_profile(&self, app_id: &str, user_id: &str) -> Result<Option<User>>;

    /// No parameters at all.
    #[endpoint(GET, "/")]
    async fn root(&self) -> smooch_client::Result<()>;
}

impl AppUserApi for Client {}

/// A wrapper that hands out its client gets the endpoints too.
pub struct Bot {
    client: Client,
}

impl AsRef<Client> for Bot {
    fn as_ref(&self) -> &Client {
        &self.client
    }
}

impl AppUserApi for Bot {}

fn spawnable(bot: Bot) {
    let user_id = String::from("user");
    let future = bot.get_app_user("app", &user_id);
    drop(user_id);
    fn assert_send_static<F: std::future::Future + Send + 'static>(_: F) {}
    assert_send_static(future);
}

fn main() {
    let _ = spawnable;
}
