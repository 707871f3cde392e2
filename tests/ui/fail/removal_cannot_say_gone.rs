use smooch_client::{Client, Result, endpoint};

#[derive(serde::Deserialize)]
pub struct Menu {
    pub items: Vec<String>,
}

pub trait Api {
    /// A DELETE that answers the menu: a retry answered 404 has no menu to give.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/menu")]
    async fn delete_menu(&self, app_id: &str) -> Result<Menu>;

    /// The same for a POST declared `removes`.
    #[endpoint(POST, "/v1.1/apps/<app_id>/things/remove", removes)]
    async fn remove_thing(&self, app_id: &str) -> Result<serde_json::Value>;
}

impl Api for Client {}

fn main() {}
