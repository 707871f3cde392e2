//! The endpoint traits: each endpoint is one `#[endpoint]` line on a trait method.

mod attachment;
mod conversation;
mod notification;

pub use attachment::AttachmentApi;
pub use conversation::ConversationApi;
pub use notification::NotificationApi;
