//! Switchboard integrations: create, list, update and delete the integrations of a
//! switchboard.

use crate::v2::V2;
use crate::v2::models::{
    SwitchboardIntegrationCreate, SwitchboardIntegrationListResponse,
    SwitchboardIntegrationResponse, SwitchboardIntegrationUpdate,
};
use crate::{Result, endpoint};

/// The integrations a switchboard passes control between (at most 10 per switchboard), each
/// linking one integration by id or by type
/// ([`LinkedIntegration`](crate::v2::models::LinkedIntegration)). App or account scope.
/// See [`SwitchboardsApi`](super::SwitchboardsApi) for an example.
pub trait SwitchboardIntegrationsApi {
    /// Creates a switchboard integration (201). An eleventh is a 400
    /// (`too_many_switchboard_integrations`).
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/switchboards/<switchboard_id>/switchboardIntegrations",
        body = switchboard_integration
    )]
    async fn create_switchboard_integration(
        &self,
        app_id: &str,
        switchboard_id: &str,
        switchboard_integration: &SwitchboardIntegrationCreate,
    ) -> Result<SwitchboardIntegrationResponse>;

    /// Lists the switchboard's integrations (no paging).
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/switchboards/<switchboard_id>/switchboardIntegrations"
    )]
    async fn list_switchboard_integrations(
        &self,
        app_id: &str,
        switchboard_id: &str,
    ) -> Result<SwitchboardIntegrationListResponse>;

    /// Changes a switchboard integration: only what the body sets.
    #[endpoint(
        PATCH,
        "/v2/apps/<app_id>/switchboards/<switchboard_id>/switchboardIntegrations/<switchboard_integration_id>",
        body = switchboard_integration
    )]
    async fn update_switchboard_integration(
        &self,
        app_id: &str,
        switchboard_id: &str,
        switchboard_integration_id: &str,
        switchboard_integration: &SwitchboardIntegrationUpdate,
    ) -> Result<SwitchboardIntegrationResponse>;

    /// Deletes a switchboard integration (answers `{}`). Refused while it is the default or
    /// another one's next.
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/switchboards/<switchboard_id>/switchboardIntegrations/<switchboard_integration_id>"
    )]
    async fn delete_switchboard_integration(
        &self,
        app_id: &str,
        switchboard_id: &str,
        switchboard_integration_id: &str,
    ) -> Result<()>;
}

impl SwitchboardIntegrationsApi for V2 {}
