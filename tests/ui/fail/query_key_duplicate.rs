use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers?for=<first>&for=<second>")]
    async fn list(&self, app_id: &str, first: &str, second: &str) -> Result<()>;
}

impl Api for Client {}

fn main() {}
