//! Query keys written as the API names them (brackets, dots), and `<name..>` spreads of query
//! options declared with `#[model(query)]`, beside plain keys.

use smooch_client::{Client, Result, endpoint, model};

/// Query options of a list.
#[model(query)]
pub struct Filters {
    /// A bracketed key.
    #[serde(rename = "filter[userExternalId]")]
    pub user_external_id: Option<String>,
    /// A camelCase key.
    pub brand_id: Option<String>,
}

pub trait Lists {
    /// Bracketed keys, one with a dot inside the brackets.
    #[endpoint(GET, "/v2/apps/<app_id>/users?filter[identities.email]=<email>&page[size]=<size>")]
    async fn users(&self, app_id: &str, email: &str, size: Option<u32>) -> Result<serde_json::Value>;

    /// Options spread into the query, and a plain key after them.
    #[endpoint(GET, "/v2/apps/<app_id>/conversations?<filters..>&page[after]=<after>")]
    async fn conversations(&self, app_id: &str, filters: &Filters, after: Option<&str>) -> Result<serde_json::Value>;
}

impl Lists for Client {}

fn main() {
    let filters = Filters::default().with_user_external_id("steve").with_brand_id("b1");
    assert_eq!(filters.user_external_id.as_deref(), Some("steve"));
}
