use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET, "/v1.1/apps?service account=<service_account>")]
    async fn list(&self, service_account: Option<&str>) -> Result<()>;
}

impl Api for Client {}

fn main() {}
