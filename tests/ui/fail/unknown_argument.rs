use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(POST, "/v1.1/apps/<app_id>", bdy = message)]
    async fn post(&self, app_id: &str, message: &str) -> Result<()>;
}

impl Api for Client {}

fn main() {}
