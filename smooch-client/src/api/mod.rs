//! The endpoint traits: each endpoint is one `#[endpoint]` line on a trait method, one file
//! per group of the API. The paged lists also have streams on [`Client`](crate::Client), beside
//! their trait.

mod app;
mod conversation;
mod deployment;
mod integration;
mod service_account;
mod template;

pub use app::AppApi;
pub use conversation::ConversationApi;
pub use deployment::DeploymentApi;
pub use integration::IntegrationApi;
pub use service_account::ServiceAccountApi;
pub use template::TemplateApi;
