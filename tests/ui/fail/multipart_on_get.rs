use smooch_client::{Client, Result, Upload, endpoint};

pub trait Api {
    #[endpoint(GET, "/v1.1/apps/<app_id>", multipart(source))]
    async fn get(&self, app_id: &str, source: &Upload) -> Result<()>;
}

impl Api for Client {}

fn main() {}
