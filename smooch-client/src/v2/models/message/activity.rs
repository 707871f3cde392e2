//! Messages that system activities write: the [`ActivityMessage`] union.

use serde_json::{Map, Value};
use smooch_macros::model;

use crate::models::Unknown;

/// The system activity that wrote a message (`activity`), told apart by `type`; the type
/// picks the localized text shown. The three the API knows share one shape,
/// [`SystemActivity`].
#[model(tag = "type")]
pub enum ActivityMessage {
    /// `ticket:closed`: the ticket was closed.
    #[serde(rename = "ticket:closed")]
    TicketClosed(SystemActivity),
    /// `ticket:transfer:email`: the conversation moved to email.
    #[serde(rename = "ticket:transfer:email")]
    TransferToEmail(SystemActivity),
    /// `conversation:endedByUser`: the user ended the conversation.
    #[serde(rename = "conversation:endedByUser")]
    EndedByUser(SystemActivity),
    /// A type this crate does not know, with its tag and keys as received.
    #[model(other)]
    Other(Unknown),
}

/// What a system activity carries (responses only).
#[model(setters)]
pub struct SystemActivity {
    /// Free-form data (none defined yet).
    pub data: Option<Map<String, Value>>,
}
