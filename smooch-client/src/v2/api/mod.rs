//! The v2 endpoint traits, one file per group of the API, implemented for [`V2`](super::V2).

mod activities;
mod app_keys;
mod apps;
mod attachments;
mod clients;
mod conversations;
mod custom_integration_keys;
mod devices;
mod integrations;
mod messages;
mod oauth;
mod participants;
mod switchboard_actions;
mod switchboard_integrations;
mod switchboards;
mod users;
mod webhooks;

pub use activities::ActivitiesApi;
pub use app_keys::AppKeysApi;
pub use apps::AppsApi;
pub use attachments::AttachmentsApi;
pub use clients::ClientsApi;
pub use conversations::ConversationsApi;
pub use custom_integration_keys::CustomIntegrationKeysApi;
pub use devices::DevicesApi;
pub use integrations::IntegrationsApi;
pub use messages::MessagesApi;
pub use oauth::OAuthApi;
pub use participants::ParticipantsApi;
pub use switchboard_actions::SwitchboardActionsApi;
pub use switchboard_integrations::SwitchboardIntegrationsApi;
pub use switchboards::SwitchboardsApi;
pub use users::UsersApi;
pub use webhooks::WebhooksApi;
