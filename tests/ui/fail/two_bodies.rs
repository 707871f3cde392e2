use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(POST, "/v1.1/apps/<app_id>", body = first, body = second)]
    async fn post(&self, app_id: &str, first: &str, second: &str) -> Result<()>;
}

impl Api for Client {}

fn main() {}
