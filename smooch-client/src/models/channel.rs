//! A user's channels: linking a channel ([`AppUserLink`], [`Confirmation`]), the ids of a user
//! on each channel ([`ChannelEntityItem`]) and in business systems ([`BusinessSystemItem`]),
//! and pending link requests ([`LinkRequest`]).

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct AppUserLink {
    /// The channel to link.
    #[decode(required)]
    pub r#type: IntegrationType,
    /// The integration of that channel, when the app has several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// The user's phone number, E.164 with `+` (Messenger, Twilio, MessageBird, WhatsApp).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The user's email address (Mailgun).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// A hint to find the user (Messenger).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// A hint to find the user (Messenger).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// The subject of the first email (Mailgun).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// How the link is started.
    #[decode(required)]
    pub confirmation: Confirmation,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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

    /// Sets the integration.
    pub fn with_integration_id(mut self, id: impl Into<String>) -> Self {
        self.integration_id = Some(id.into());
        self
    }

    /// Sets the phone number (E.164, with `+`).
    pub fn with_phone_number(mut self, number: impl Into<String>) -> Self {
        self.phone_number = Some(number.into());
        self
    }

    /// Sets the email address (Mailgun).
    pub fn with_address(mut self, address: impl Into<String>) -> Self {
        self.address = Some(address.into());
        self
    }
}

/// How a channel link starts (`confirmation`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Confirmation {
    /// The kind of confirmation.
    #[decode(required)]
    pub r#type: ConfirmationType,
    /// The first message on the new channel. The spec names the response `Message` model here,
    /// whose server fields no request can carry: the request model is used instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<MessagePost>,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppUserChannelsResponse {
    /// One entry per channel.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<ChannelEntityItem>,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A user on one channel: which id it has there (the field set depends on the channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChannelEntityItem {
    /// The channel.
    #[decode(required)]
    pub r#type: IntegrationType,
    /// The integration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// Phone number (Twilio, MessageBird).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The user's id on the channel (Messenger, Viber, LINE, WeChat, Twitter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Email address (Mailgun).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// WhatsApp user name (phone number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Telegram chat id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The business systems a user's conversation is tied to (response of *get app user business
/// system ids*).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppUserBusinessSystemsResponse {
    /// One entry per system.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub business_systems: Vec<BusinessSystemItem>,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A conversation's place in a business system.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BusinessSystemItem {
    /// The system.
    #[decode(required)]
    pub r#type: BusinessSystemType,
    /// Slack channel id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<String>,
    /// Zendesk ticket id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<String>,
    /// HipChat room id (a number; HipChat is gone from the enum).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub room_id: Option<i64>,
    /// Help Scout conversation id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Pending link requests of a user (response of *get link requests*).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LinkRequestResponse {
    /// One per integration asked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub link_requests: Vec<LinkRequest>,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A link request: the code and URL a user follows to link a channel.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LinkRequest {
    /// The integration.
    #[decode(required)]
    pub integration_id: String,
    /// Its channel.
    #[decode(required)]
    pub r#type: IntegrationType,
    /// The link request code.
    #[decode(required)]
    pub code: String,
    /// The URL the user opens.
    #[decode(required)]
    pub url: String,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}
