//! The endpoint traits: each endpoint is one `#[endpoint]` line on a trait method.

mod conversation;

pub use conversation::ConversationApi;
