use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET, "/v2/apps/<options..>")]
    async fn list(&self, options: &str) -> Result<()>;
}

impl Api for Client {}

fn main() {}
