//! The v2 endpoint traits, one file per group of the API, implemented for [`V2`](super::V2).

mod app_keys;
mod apps;
mod custom_integration_keys;
mod switchboard_actions;
mod switchboard_integrations;
mod switchboards;
mod webhooks;

pub use app_keys::AppKeysApi;
pub use apps::AppsApi;
pub use custom_integration_keys::CustomIntegrationKeysApi;
pub use switchboard_actions::SwitchboardActionsApi;
pub use switchboard_integrations::SwitchboardIntegrationsApi;
pub use switchboards::SwitchboardsApi;
pub use webhooks::WebhooksApi;
