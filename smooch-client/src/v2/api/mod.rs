//! The v2 endpoint traits, one file per group of the API, implemented for [`V2`](super::V2).

mod activities;
mod apps;
mod attachments;
mod conversations;
mod messages;
mod participants;

pub use activities::ActivitiesApi;
pub use apps::AppsApi;
pub use attachments::AttachmentsApi;
pub use conversations::ConversationsApi;
pub use messages::MessagesApi;
pub use participants::ParticipantsApi;
