use smooch_client::{Client, Result, endpoint};

pub trait Api {
    #[endpoint(GET)]
    async fn get(&self) -> Result<()>;
}

impl Api for Client {}

fn main() {}
