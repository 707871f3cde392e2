//! Where a message came from: [`Source`].

use smooch_macros::model;

use crate::models::Id;
use crate::v2::models::DateTime;

/// Where a message came from (response).
///
/// With `includeFullSource`, webhook payloads add the authoring `client` and `device`; until
/// those models are typed here they are kept, as every unknown key is, in
/// [`extra`](Self::extra).
#[model(setters)]
pub struct Source {
    /// The channel: `api`, `sdk`, `messenger`, `whatsapp`, ... (an open set; examples also
    /// show `api:conversations`).
    pub r#type: Option<String>,
    /// The integration it came through (user messages).
    pub integration_id: Option<Id>,
    /// Its id on the originating channel.
    pub original_message_id: Option<String>,
    /// When the originating channel received it.
    pub original_message_timestamp: Option<DateTime>,
}

impl Source {
    /// A source of this channel type.
    pub fn new(r#type: impl Into<String>) -> Self {
        Source::default().with_type(r#type)
    }
}
