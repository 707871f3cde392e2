use smooch_client::{Client, Result, Upload, endpoint};

pub trait Api {
    #[endpoint(POST, "/v1.1/apps/<app_id>", body = message, multipart(source))]
    async fn post(&self, app_id: &str, message: &str, source: &Upload) -> Result<()>;
}

impl Api for Client {}

fn main() {}
