use smooch_client::{Client, Result, endpoint};

pub struct NotDeserialize;

pub trait Api {
    #[endpoint(GET, "/v1.1/apps/<app_id>")]
    async fn get(&self, app_id: &str) -> Result<NotDeserialize>;
}

impl Api for Client {}

fn main() {}
