use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET, "/v1.1/apps/<app_id>")]
    async fn get(&self, (app_id, user_id): (&str, &str)) -> Result<()>;
}

impl Api for Client {}

fn main() {}
