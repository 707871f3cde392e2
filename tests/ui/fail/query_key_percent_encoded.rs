use smooch_client::{Client, Result, endpoint};

pub trait Api {
    // Written encoded: the key is written as the API names it, and encoded when sent.
    #[endpoint(GET, "/v2/apps?page%5Bafter%5D=<after>")]
    async fn list(&self, after: Option<&str>) -> Result<()>;
}

impl Api for Client {}

fn main() {}
