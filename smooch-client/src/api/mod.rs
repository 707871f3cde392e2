//! The endpoint traits: each endpoint is one `#[endpoint]` line on a trait method.

mod app_user;
mod attachment;
mod conversation;
mod notification;
mod webhook;

pub use app_user::AppUserApi;
pub use attachment::AttachmentApi;
pub use conversation::ConversationApi;
pub use notification::NotificationApi;
pub use webhook::WebhookApi;
