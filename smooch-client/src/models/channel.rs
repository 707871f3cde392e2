//! A user's channels: linking a channel ([`AppUserLink`], [`Confirmation`]), the ids of a user
//! on each channel ([`ChannelEntityItem`]) and in business systems ([`BusinessSystemItem`]),
//! and pending link requests ([`LinkRequest`]).

use smooch_macros::model;

use super::enums::IntegrationType;
use super::message_post::MessagePost;

string_enum! {
    /// How a channel link is started (`confirmation.type`).
    pub enum ConfirmationType {
        /// `immediate`: the business sends the first message right away.
        Immediate => "immediate",
        /// `userActivity`: the link completes when the user writes on the new channel.
        UserActivity => "userActivity",
        /// `prompt`: the user is asked to accept.
        Prompt => "prompt",
    }
}

string_enum! {
    /// A business system a conversation is tied to.
    pub enum BusinessSystemType {
        /// `helpscout`: Help Scout.
        Helpscout => "helpscout",
        /// `slack`: Slack.
        Slack => "slack",
        /// `zendesk`: Zendesk.
        Zendesk => "zendesk",
    }
}

/// A channel to link to a user (request body of *link app user*).
///
/// ```
/// use smooch_client::models::{AppUserLink, Confirmation, IntegrationType, MessagePost, Role};
///
/// let link = AppUserLink::new(IntegrationType::Twilio, Confirmation::immediate())
///     .with_phone_number("+15145550100");
/// let prompt = AppUserLink::new(
///     IntegrationType::Messenger,
///     Confirmation::prompt(MessagePost::text(Role::AppMaker, "Shall we continue on Messenger?")),
/// );
/// # let _ = (link, prompt);
/// ```
#[model(request)]
pub struct AppUserLink {
    /// The channel to link.
    #[model(required)]
    pub r#type: IntegrationType,
    /// The integration of that channel, when the app has several.
    #[model(setter)]
    pub integration_id: Option<String>,
    /// The user's phone number, E.164 with `+` (Messenger, Twilio, MessageBird, WhatsApp).
    #[model(setter)]
    pub phone_number: Option<String>,
    /// The user's email address (Mailgun).
    #[model(setter)]
    pub address: Option<String>,
    /// A hint to find the user (Messenger).
    pub given_name: Option<String>,
    /// A hint to find the user (Messenger).
    pub surname: Option<String>,
    /// The subject of the first email (Mailgun).
    pub subject: Option<String>,
    /// How the link is started.
    #[model(required)]
    pub confirmation: Confirmation,
}

impl AppUserLink {
    /// Links the channel `type` (set the fields it needs: [`with_phone_number`](Self::with_phone_number), ...).
    pub fn new(r#type: IntegrationType, confirmation: Confirmation) -> Self {
        Self {
            r#type,
            confirmation,
            ..Self::default()
        }
    }
}

/// How a channel link starts (`confirmation`).
#[model]
pub struct Confirmation {
    /// The kind of confirmation.
    #[model(required)]
    pub r#type: ConfirmationType,
    /// The first message on the new channel. The spec names the response `Message` model here,
    /// whose server fields no request can carry: the request model is used instead.
    pub message: Option<MessagePost>,
}

impl Confirmation {
    /// Starts right away.
    pub fn immediate() -> Self {
        Self::new(ConfirmationType::Immediate, None)
    }

    /// Completes when the user writes on the new channel.
    pub fn user_activity() -> Self {
        Self::new(ConfirmationType::UserActivity, None)
    }

    /// Asks the user, with `message`.
    pub fn prompt(message: MessagePost) -> Self {
        Self::new(ConfirmationType::Prompt, Some(message))
    }

    fn new(r#type: ConfirmationType, message: Option<MessagePost>) -> Self {
        Self {
            r#type,
            message,
            ..Self::default()
        }
    }
}

/// A user's ids on their channels (response of *get app user channels*).
#[model]
pub struct AppUserChannelsResponse {
    /// One entry per channel.
    pub channels: Vec<ChannelEntityItem>,
}

/// A user on one channel: which id it has there (the field set depends on the channel).
#[model]
pub struct ChannelEntityItem {
    /// The channel.
    #[model(required)]
    pub r#type: IntegrationType,
    /// The integration.
    pub integration_id: Option<String>,
    /// Phone number (Twilio, MessageBird).
    pub phone_number: Option<String>,
    /// The user's id on the channel (Messenger, Viber, LINE, WeChat, Twitter).
    pub user_id: Option<String>,
    /// Email address (Mailgun).
    pub address: Option<String>,
    /// WhatsApp user name (phone number).
    pub username: Option<String>,
    /// Telegram chat id.
    pub chat_id: Option<String>,
}

/// The business systems a user's conversation is tied to (response of *get app user business
/// system ids*).
#[model]
pub struct AppUserBusinessSystemsResponse {
    /// One entry per system.
    pub business_systems: Vec<BusinessSystemItem>,
}

/// A conversation's place in a business system.
#[model]
pub struct BusinessSystemItem {
    /// The system.
    #[model(required)]
    pub r#type: BusinessSystemType,
    /// Slack channel id.
    pub channel_id: Option<String>,
    /// Zendesk ticket id.
    pub ticket_id: Option<String>,
    /// HipChat room id (a number; HipChat is gone from the enum).
    pub room_id: Option<i64>,
    /// Help Scout conversation id.
    pub conversation_id: Option<String>,
}

/// Pending link requests of a user (response of *get link requests*).
#[model]
pub struct LinkRequestResponse {
    /// One per integration asked.
    pub link_requests: Vec<LinkRequest>,
}

/// A link request: the code and URL a user follows to link a channel.
#[model]
pub struct LinkRequest {
    /// The integration.
    #[model(required)]
    pub integration_id: String,
    /// Its channel.
    #[model(required)]
    pub r#type: IntegrationType,
    /// The link request code.
    #[model(required)]
    pub code: String,
    /// The URL the user opens.
    #[model(required)]
    pub url: String,
}
