//! The endpoint traits: each endpoint is one `#[endpoint]` line on a trait method, one file
//! per group of the API. The paged lists also have streams on [`Client`](crate::Client), beside
//! their trait.

mod app;
mod app_user;
mod attachment;
mod conversation;
mod deployment;
mod integration;
mod menu;
mod notification;
mod service_account;
mod template;
mod webhook;

pub use app::AppApi;
pub use app_user::AppUserApi;
pub use attachment::AttachmentApi;
pub use conversation::ConversationApi;
pub use deployment::DeploymentApi;
pub use integration::IntegrationApi;
pub use menu::MenuApi;
pub use notification::NotificationApi;
pub use service_account::ServiceAccountApi;
pub use template::TemplateApi;
pub use webhook::WebhookApi;
