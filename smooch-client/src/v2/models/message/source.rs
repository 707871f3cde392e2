//! Where a message came from: [`Source`], and the [`Campaign`] webhook events name in it.

use smooch_macros::model;

use crate::models::Id;
use crate::v2::models::{Client, DateTime, Device};

/// Where a message (or a webhook event) came from (response).
///
/// Webhook events add, with the webhook's `includeFullSource`, the authoring
/// [`client`](Self::client) and [`device`](Self::device), and, in some events, the
/// [`campaign`](Self::campaign) the user interacted with.
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
    /// The authoring client (webhook events of a webhook with `includeFullSource`). Boxed, as
    /// the other fields only webhook events carry: a message read from the API holds a pointer,
    /// not the space of a client.
    #[model(no_setter)]
    pub client: Option<Box<Client>>,
    /// The authoring device (webhook events of a webhook with `includeFullSource`).
    #[model(no_setter)]
    pub device: Option<Box<Device>>,
    /// The campaign the user interacted with, if any (`conversation:create`, `:postback`,
    /// `:referral` and `:message` events).
    #[model(no_setter)]
    pub campaign: Option<Box<Campaign>>,
}

/// A proactive-messaging campaign a webhook event's [`Source`] names (response).
#[model]
pub struct Campaign {
    /// The campaign id.
    pub id: Option<Id>,
}

impl Source {
    /// A source of this channel type.
    pub fn new(r#type: impl Into<String>) -> Self {
        Source::default().with_type(r#type)
    }
}
