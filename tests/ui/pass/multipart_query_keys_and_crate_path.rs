//! The shapes the whole API needs: multipart bodies, query keys that differ from the parameter,
//! lists in the query, the crate under another name.

use smooch_client as smooch;
use smooch_client::models::Role;
use smooch_client::{Client, Result, Upload, endpoint};

pub trait Uploads {
    /// A file part and a text part.
    #[endpoint(POST, "/v1.1/apps/<app_id>/appusers/<user_id>/images", multipart(source = image, role))]
    async fn post_image(&self, app_id: &str, user_id: &str, image: &Upload, role: Role) -> Result<serde_json::Value>;

    /// Query keys that are not Rust names; a required key; optional ones.
    #[endpoint(POST, "/v1.1/apps/<app_id>/attachments?<access>&for=<for_what>&appUserId=<app_user_id>", multipart(source))]
    async fn upload(&self, app_id: &str, source: &Upload, access: &str, for_what: Option<&str>, app_user_id: Option<&str>) -> Result<()>;

    /// A list, comma-joined.
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>/linkrequest?integrationIds=<integration_ids>")]
    async fn link_requests(&self, app_id: &str, user_id: &str, integration_ids: &[&str]) -> Result<()>;

    /// The crate named as the user's manifest renames it.
    #[endpoint(GET, "/v1.1/apps/<app_id>", crate = smooch)]
    async fn get_app(&self, app_id: &str) -> smooch::Result<()>;
}

impl Uploads for Client {}

fn main() {}
