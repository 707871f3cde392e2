use smooch_client::{Client, Result, endpoint};

pub trait Api {
    // A spread takes query options (`#[model(query)]`), not a single value.
    #[endpoint(GET, "/v2/apps?<limit..>")]
    async fn list(&self, limit: Option<u32>) -> Result<()>;
}

impl Api for Client {}

fn main() {}
