use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET, "/v1.1/apps/<app_id>?<before>&<after>", exclusive(before, before))]
    async fn get(&self, app_id: &str, before: Option<f64>, after: Option<f64>) -> Result<()>;
}

impl Api for Client {}

fn main() {}
