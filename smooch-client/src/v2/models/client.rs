//! Clients (a user's presence on one channel): [`Client`]; the body [`ClientCreate`], which
//! links a user to a channel ([`MatchCriteria`], [`Confirmation`], [`ClientTarget`]); the
//! answers [`ClientResponse`] and [`ClientListResponse`].

use serde_json::{Map, Value};
use smooch_macros::model;

use super::{ClientType, DateTime, PageLinks, PageMeta};
use crate::models::{ClientStatus, Id, Unknown, string_enum};
use crate::v2::models::paged::cursor_page;

/// A client: a user on one channel (a phone number on Twilio, an SDK install, ...) (response).
/// Not to be confused with [`smooch_client::Client`](crate::Client), which calls the API.
#[model]
pub struct Client {
    /// The client id.
    pub id: Option<Id>,
    /// The channel (`sdk` for the Web, iOS, Android and Unity SDKs).
    pub r#type: Option<ClientType>,
    /// Whether it can receive messages (`pending` until a link is confirmed).
    pub status: Option<ClientStatus>,
    /// The integration it was created for (not for `sdk` clients).
    pub integration_id: Option<Id>,
    /// The user's id on the channel: a phone number, a page-scoped id, ... (not for `sdk`
    /// clients).
    pub external_id: Option<String>,
    /// The last time the user was active through it.
    pub last_seen: Option<DateTime>,
    /// When it was linked to the user.
    pub linked_at: Option<DateTime>,
    /// The user's name on the channel.
    pub display_name: Option<String>,
    /// The user's avatar on the channel.
    pub avatar_url: Option<String>,
    /// What the platform keeps of the channel's data, per channel (free-form).
    pub info: Option<Map<String, Value>>,
    /// The channel's raw data (free-form).
    pub raw: Option<Map<String, Value>>,
}

/// The body of *create client* (request): link a user to a channel, to reach them there.
///
/// ```
/// use smooch_client::v2::models::{ClientCreate, Confirmation, MatchCriteria};
///
/// let link = ClientCreate::new(
///     MatchCriteria::twilio("5e4af71a81966c000f7f8cd1", "+15145555555"),
///     Confirmation::prompt(),
///     "c7f6e6d6c3a637261bd9656f",
/// );
/// assert_eq!(
///     serde_json::to_value(&link)?,
///     serde_json::json!({
///         "matchCriteria": {"type": "twilio", "integrationId": "5e4af71a81966c000f7f8cd1",
///                           "phoneNumber": "+15145555555"},
///         "confirmation": {"type": "prompt"},
///         "target": {"conversationId": "c7f6e6d6c3a637261bd9656f"}
///     }),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct ClientCreate {
    /// How to find the user on the channel.
    #[model(required)]
    pub match_criteria: MatchCriteria,
    /// How the link is confirmed.
    #[model(required)]
    pub confirmation: Confirmation,
    /// The conversation the client joins.
    #[model(required)]
    pub target: ClientTarget,
}

impl ClientCreate {
    /// A link found by `match_criteria`, confirmed by `confirmation`, to the conversation
    /// `conversation_id`.
    pub fn new(
        match_criteria: MatchCriteria,
        confirmation: Confirmation,
        conversation_id: impl Into<String>,
    ) -> Self {
        Self::default()
            .with_match_criteria(match_criteria)
            .with_confirmation(confirmation)
            .with_target(ClientTarget::default().with_conversation_id(conversation_id))
    }
}

/// How *create client* finds the user on a channel, told apart by `type`.
#[model(tag = "type", request)]
pub enum MatchCriteria {
    /// `mailgun`: by e-mail address.
    Mailgun(MatchCriteriaMailgun),
    /// `messagebird`: by phone number.
    Messagebird(MatchCriteriaPhone),
    /// `twilio`: by phone number.
    Twilio(MatchCriteriaPhone),
    /// `whatsapp`: by phone number.
    Whatsapp(MatchCriteriaPhone),
    /// A channel this crate does not know: its tag and keys, sent as they are.
    #[model(other)]
    Other(Unknown),
}

impl MatchCriteria {
    /// The user at the e-mail `address`, on the `mailgun` integration `integration_id`.
    pub fn mailgun(integration_id: impl Into<String>, address: impl Into<String>) -> Self {
        MatchCriteria::Mailgun(
            MatchCriteriaMailgun::default()
                .with_integration_id(integration_id)
                .with_address(address),
        )
    }

    /// The user at `phone_number` (`+` and the country code), on the `messagebird`
    /// integration `integration_id`.
    pub fn messagebird(integration_id: impl Into<String>, phone_number: impl Into<String>) -> Self {
        MatchCriteria::Messagebird(MatchCriteriaPhone::new(integration_id, phone_number))
    }

    /// The user at `phone_number` (`+` and the country code), on the `twilio` integration
    /// `integration_id`.
    pub fn twilio(integration_id: impl Into<String>, phone_number: impl Into<String>) -> Self {
        MatchCriteria::Twilio(MatchCriteriaPhone::new(integration_id, phone_number))
    }

    /// The user at `phone_number` (`+` and the country code), on the `whatsapp` integration
    /// `integration_id`.
    pub fn whatsapp(integration_id: impl Into<String>, phone_number: impl Into<String>) -> Self {
        MatchCriteria::Whatsapp(MatchCriteriaPhone::new(integration_id, phone_number))
    }
}

/// A `mailgun` match: the user's e-mail address (request).
#[model(request, setters)]
pub struct MatchCriteriaMailgun {
    /// The `mailgun` integration to link.
    #[model(required)]
    pub integration_id: String,
    /// Whether the new client becomes the conversation's primary one (default `true`).
    pub primary: Option<bool>,
    /// The user's e-mail address.
    #[model(required)]
    pub address: String,
    /// The subject of the e-mail (default `New message from {appName}`).
    pub subject: Option<String>,
}

/// A match by phone number, for `messagebird`, `twilio` and `whatsapp` (request).
#[model(request, setters)]
pub struct MatchCriteriaPhone {
    /// The integration to link (of the match's type).
    #[model(required)]
    pub integration_id: String,
    /// Whether the new client becomes the conversation's primary one (default `true`).
    pub primary: Option<bool>,
    /// The user's phone number, with `+` and the country code.
    #[model(required)]
    pub phone_number: String,
}

impl MatchCriteriaPhone {
    /// The user at `phone_number` on the integration `integration_id`.
    pub fn new(integration_id: impl Into<String>, phone_number: impl Into<String>) -> Self {
        Self::default()
            .with_integration_id(integration_id)
            .with_phone_number(phone_number)
    }
}

/// How a new client's link is confirmed (request).
///
/// ```
/// use smooch_client::v2::models::Confirmation;
///
/// let ask = Confirmation::prompt().with_message(serde_json::json!({
///     "author": {"type": "business"},
///     "content": {"type": "text", "text": "Reply YES to continue here"}
/// }));
/// assert_eq!(serde_json::to_value(&ask)?["type"], "prompt");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct Confirmation {
    /// The way: at once, at the user's next activity, or after a prompt.
    #[model(required)]
    pub r#type: ConfirmationType,
    /// The outreach message (a `messagePost`: text or image, link actions only), not stored
    /// in the conversation.
    pub message: Option<Value>,
}

impl Confirmation {
    /// Confirmed at once.
    pub fn immediate() -> Self {
        Self::default().with_type(ConfirmationType::Immediate)
    }

    /// Confirmed when the user is next active on the channel.
    pub fn user_activity() -> Self {
        Self::default().with_type(ConfirmationType::UserActivity)
    }

    /// Confirmed when the user answers a prompt (the [`message`](Self::message)).
    pub fn prompt() -> Self {
        Self::default().with_type(ConfirmationType::Prompt)
    }
}

string_enum! {
    in "v2::models";
    /// How a new client's link is confirmed ([`Confirmation`]).
    pub enum ConfirmationType {
        /// `immediate`: at once.
        Immediate => "immediate",
        /// `userActivity`: when the user is next active on the channel.
        UserActivity => "userActivity",
        /// `prompt`: when the user answers the confirmation message.
        Prompt => "prompt",
    }
}

/// The conversation a new client joins (request).
#[model(request, setters)]
pub struct ClientTarget {
    /// The conversation's id.
    #[model(required)]
    pub conversation_id: String,
}

/// The answer of *create client*.
#[model]
pub struct ClientResponse {
    /// The new client (`pending` until confirmed).
    pub client: Option<Client>,
}

/// One page of *list clients*: the user's linked and pending clients.
#[model]
pub struct ClientListResponse {
    /// The clients of the page.
    pub clients: Vec<Client>,
    /// Whether more follow, and the cursors.
    pub meta: Option<PageMeta>,
    /// The URLs of the pages around.
    pub links: Option<PageLinks>,
}

cursor_page!(ClientListResponse, clients, Client);
