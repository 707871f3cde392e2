//! App keys: create, list, get and delete the keys of an app.

use crate::v2::V2;
use crate::v2::models::{AppKeyCreate, AppKeyListResponse, AppKeyResponse};
use crate::{Result, endpoint};

/// An app's API keys (`app_…`): at most 10 per app, each an id and a secret that
/// authenticate as the app (basic auth, or a JWT with the `app` scope). Account scope only:
/// call these with an account (`act_`) or service account (`svc_`) key.
///
/// ```no_run
/// use smooch_client::v2::{AppKeysApi, models::AppKeyCreate};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let key = v2
///     .create_app_key("5963c0d619a30a2e00de36b8", &AppKeyCreate::new("Ops dashboard"))
///     .await?
///     .key;
/// if let Some(key) = key {
///     // Keep the secret where the dashboard finds it; `Debug` never shows it.
///     println!("{:?} {key:?}", key.id);
/// }
/// # Ok(()) }
/// ```
pub trait AppKeysApi {
    /// Creates a key for the app (201); the answer carries its secret.
    #[endpoint(POST, "/v2/apps/<app_id>/keys", body = key)]
    async fn create_app_key(&self, app_id: &str, key: &AppKeyCreate) -> Result<AppKeyResponse>;

    /// Lists every key of the app, secrets included (no paging).
    #[endpoint(GET, "/v2/apps/<app_id>/keys")]
    async fn list_app_keys(&self, app_id: &str) -> Result<AppKeyListResponse>;

    /// Gets one key, secret included.
    #[endpoint(GET, "/v2/apps/<app_id>/keys/<key_id>")]
    async fn get_app_key(&self, app_id: &str, key_id: &str) -> Result<AppKeyResponse>;

    /// Deletes a key (answers `{}`): it stops authenticating.
    #[endpoint(DELETE, "/v2/apps/<app_id>/keys/<key_id>")]
    async fn delete_app_key(&self, app_id: &str, key_id: &str) -> Result<()>;
}

impl AppKeysApi for V2 {}
