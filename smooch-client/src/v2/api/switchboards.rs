//! Switchboards: create, list, update and delete an app's switchboard.

use crate::v2::V2;
use crate::v2::models::{SwitchboardListResponse, SwitchboardResponse, SwitchboardUpdate};
use crate::{Result, endpoint};

/// An app's switchboard, which hands each conversation to one integration at a time (one
/// switchboard per app). App or account scope.
///
/// ```no_run
/// use smooch_client::v2::{SwitchboardIntegrationsApi, SwitchboardsApi};
/// use smooch_client::v2::models::{
///     LinkedIntegration, SwitchboardIntegrationCreate, SwitchboardUpdate,
/// };
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let (v2, app_id) = (client.v2(), "5963c0d619a30a2e00de36b8");
/// let switchboard = v2.create_switchboard(app_id).await?.switchboard.unwrap_or_default();
/// let switchboard_id = switchboard.id.unwrap_or_default();
/// let bot = SwitchboardIntegrationCreate::new("bot", LinkedIntegration::id("5e4af71a81966c000f7f8cd4"));
/// let bot = v2
///     .create_switchboard_integration(app_id, &switchboard_id, &bot)
///     .await?
///     .switchboard_integration
///     .unwrap_or_default();
/// let update = SwitchboardUpdate::default()
///     .with_enabled(true)
///     .with_default_switchboard_integration_id(bot.id.unwrap_or_default());
/// v2.update_switchboard(app_id, &switchboard_id, &update).await?;
/// # Ok(()) }
/// ```
pub trait SwitchboardsApi {
    /// Creates the app's switchboard (201; the request has no body). A second one is a 400.
    #[endpoint(POST, "/v2/apps/<app_id>/switchboards")]
    async fn create_switchboard(&self, app_id: &str) -> Result<SwitchboardResponse>;

    /// Lists the app's switchboards (no paging).
    #[endpoint(GET, "/v2/apps/<app_id>/switchboards")]
    async fn list_switchboards(&self, app_id: &str) -> Result<SwitchboardListResponse>;

    /// Changes a switchboard: only what the body sets.
    #[endpoint(PATCH, "/v2/apps/<app_id>/switchboards/<switchboard_id>", body = switchboard)]
    async fn update_switchboard(
        &self,
        app_id: &str,
        switchboard_id: &str,
        switchboard: &SwitchboardUpdate,
    ) -> Result<SwitchboardResponse>;

    /// Deletes a switchboard (answers `{}`); its integrations then get every event.
    #[endpoint(DELETE, "/v2/apps/<app_id>/switchboards/<switchboard_id>")]
    async fn delete_switchboard(&self, app_id: &str, switchboard_id: &str) -> Result<()>;
}

impl SwitchboardsApi for V2 {}
