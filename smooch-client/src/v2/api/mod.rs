//! The v2 endpoint traits, one file per group of the API, implemented for [`V2`](super::V2).

mod apps;
mod clients;
mod devices;
mod integrations;
mod users;

pub use apps::AppsApi;
pub use clients::ClientsApi;
pub use devices::DevicesApi;
pub use integrations::IntegrationsApi;
pub use users::UsersApi;
