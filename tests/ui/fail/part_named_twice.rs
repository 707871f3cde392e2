use smooch_client::{Client, Result, Upload, endpoint};

pub trait Api {
    #[endpoint(POST, "/v1.1/apps/<app_id>", multipart(source = first, source = second))]
    async fn post(&self, app_id: &str, first: &Upload, second: &Upload) -> Result<()>;
}

impl Api for Client {}

fn main() {}
