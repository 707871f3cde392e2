use smooch_client::{Client, Result, endpoint};

pub struct NotSerialize;

pub trait Api {
    #[endpoint(POST, "/v1.1/apps/<app_id>", body = body)]
    async fn post(&self, app_id: &str, body: &NotSerialize) -> Result<()>;
}

impl Api for Client {}

fn main() {}
