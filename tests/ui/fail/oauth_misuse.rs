use smooch_client::{Client, Redirect, Result, Secret, endpoint};

pub trait Api {
    // A bearer token is for the OAuth host: the API's host gets the client's credentials.
    #[endpoint(GET, "/v2/tokenInfo", bearer = token)]
    async fn info(&self, token: &Secret) -> Result<()>;

    // The only other host is `oauth`.
    #[endpoint(GET, "/v2/tokenInfo", host = zendesk)]
    async fn elsewhere(&self) -> Result<()>;

    // Only a GET answers with a redirect.
    #[endpoint(POST, "/oauth/token", host = oauth, redirect)]
    async fn token(&self) -> Result<Redirect>;

    // The bearer names a parameter.
    #[endpoint(DELETE, "/oauth/authorization", host = oauth, bearer = tokn)]
    async fn revoke(&self, token: &Secret) -> Result<()>;
}

impl Api for Client {}

fn main() {}
