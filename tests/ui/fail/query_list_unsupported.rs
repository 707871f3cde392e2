use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>/linkrequest?integrationIds=<integration_ids>")]
    async fn link_requests(&self, app_id: &str, user_id: &str, integration_ids: &[std::time::Duration]) -> Result<()>;
}

impl Api for Client {}

fn main() {}
