use smooch_client::{Result, endpoint};

pub trait Api {
    #[endpoint(POST, "/apps/<app_id>/messages", body = app_id)]
    async fn post(&self, app_id: &str) -> Result<()>;
}

fn main() {}
