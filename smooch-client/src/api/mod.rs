//! The endpoint traits: each endpoint is one `#[endpoint]` line on a trait method.

mod conversation;
mod webhook;

pub use conversation::ConversationApi;
pub use webhook::WebhookApi;
