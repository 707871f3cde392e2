use smooch_client::{Client, Result, endpoint};
use smooch_client::models::AppUserUpdate;

pub trait Api {
    #[endpoint(PUT, "/v1.1/apps/<app_id>/appusers/<user_id>", body = update, idempotent)]
    async fn update(&self, app_id: &str, user_id: &str, update: &AppUserUpdate) -> Result<()>;
}

impl Api for Client {}

fn main() {}
