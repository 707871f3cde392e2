use smooch_client::{Client, Redirect, Result, Secret, endpoint};

pub trait OAuth {
    #[endpoint(GET, "/oauth/authorize?<client_id>", host = oauth, redirect)]
    async fn authorize(&self, client_id: &str) -> Result<Redirect>;

    #[endpoint(GET, "/v2/tokenInfo", host = oauth, bearer = access_token)]
    async fn info(&self, access_token: &Secret) -> Result<serde_json::Value>;
}

impl OAuth for Client {}

fn main() {
    assert_eq!(<Client as OAuth>::AUTHORIZE.path(), "/oauth/authorize");
}
