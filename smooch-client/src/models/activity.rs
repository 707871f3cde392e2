//! [`ConversationActivity`] (typing indicators, read receipts) and its [`ActivityResponse`].

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

use super::conversation::Conversation;
use super::enums::{ActivityType, Role};

/// An activity to notify (request body of *conversation activity*): typing
/// started / stopped, or the business read the conversation.
///
/// ```rust
/// use smooch_client::models::ConversationActivity;
///
/// let typing = ConversationActivity::typing_start().with_name("Galifrey");
/// assert_eq!(
///     serde_json::to_string(&typing).unwrap(),
///     r#"{"role":"appMaker","type":"typing:start","name":"Galifrey"}"#,
/// );
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct ConversationActivity {
    /// Who performs the activity; must be `appMaker`.
    #[decode(required)]
    pub role: Role,
    /// The activity.
    #[decode(required)]
    pub r#type: ActivityType,
    /// Name of the app maker who is typing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Avatar of the app maker who is typing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ConversationActivity {
    /// An activity of the given type by the business (`appMaker`).
    pub fn new(r#type: ActivityType) -> Self {
        Self {
            role: Role::AppMaker,
            r#type,
            ..Self::default()
        }
    }

    /// The business started typing (`typing:start`).
    pub fn typing_start() -> Self {
        Self::new(ActivityType::TypingStart)
    }

    /// The business stopped typing (`typing:stop`).
    pub fn typing_stop() -> Self {
        Self::new(ActivityType::TypingStop)
    }

    /// The business read the conversation (`conversation:read`, a read receipt;
    /// updates the conversation's `appMakerLastRead`).
    pub fn read() -> Self {
        Self::new(ActivityType::ConversationRead)
    }

    /// Sets the name shown for the typing app maker.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the avatar shown for the typing app maker.
    pub fn with_avatar_url(mut self, avatar_url: impl Into<String>) -> Self {
        self.avatar_url = Some(avatar_url.into());
        self
    }
}

/// Response of *conversation activity*.
///
/// ```rust
/// use smooch_client::models::{ActivityResponse, Conversation};
///
/// let response = ActivityResponse::new(Conversation::new("c1"));
/// assert_eq!(response.conversation.unread_count, 0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActivityResponse {
    /// The conversation after the activity.
    #[decode(key)]
    pub conversation: Conversation,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ActivityResponse {
    /// The response carrying `conversation`.
    pub fn new(conversation: Conversation) -> Self {
        Self {
            conversation,
            ..Self::default()
        }
    }
}
