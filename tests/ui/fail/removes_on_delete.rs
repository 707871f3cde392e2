use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/things", removes)]
    async fn delete_things(&self, app_id: &str) -> Result<()>;
}

impl Api for Client {}

fn main() {}
