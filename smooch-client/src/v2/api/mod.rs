//! The v2 endpoint traits, one file per group of the API, implemented for [`V2`](super::V2).

mod app_keys;
mod apps;
mod clients;
mod custom_integration_keys;
mod devices;
mod integrations;
mod switchboard_actions;
mod switchboard_integrations;
mod switchboards;
mod users;
mod webhooks;

pub use app_keys::AppKeysApi;
pub use apps::AppsApi;
pub use clients::ClientsApi;
pub use custom_integration_keys::CustomIntegrationKeysApi;
pub use devices::DevicesApi;
pub use integrations::IntegrationsApi;
pub use switchboard_actions::SwitchboardActionsApi;
pub use switchboard_integrations::SwitchboardIntegrationsApi;
pub use switchboards::SwitchboardsApi;
pub use users::UsersApi;
pub use webhooks::WebhooksApi;
