use smooch_client::{Client, Result, endpoint};

pub struct Photo;

pub trait Api {
    #[endpoint(POST, "/v1.1/apps/<app_id>", multipart(source))]
    async fn post(&self, app_id: &str, source: &Photo) -> Result<()>;
}

impl Api for Client {}

fn main() {}
