use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(DELETE, "/v1.1/apps/<app_id>", body = message)]
    async fn delete(&self, app_id: &str, message: &str) -> Result<()>;
}

impl Api for Client {}

fn main() {}
