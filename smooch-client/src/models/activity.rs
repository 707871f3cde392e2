//! [`ConversationActivity`] (typing indicators, read receipts) and its [`ActivityResponse`].

use serde::{Deserialize, Serialize};

use super::conversation::Conversation;
use super::de::null_default;
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationActivity {
    /// Who performs the activity; must be `appMaker`.
    #[serde(default, deserialize_with = "null_default")]
    pub role: Role,
    /// The activity.
    #[serde(default, deserialize_with = "null_default")]
    pub r#type: ActivityType,
    /// Name of the app maker who is typing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Avatar of the app maker who is typing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
}

impl ConversationActivity {
    /// An activity of the given type by the business (`appMaker`).
    pub fn new(r#type: ActivityType) -> Self {
        Self {
            role: Role::AppMaker,
            r#type,
            name: None,
            avatar_url: None,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActivityResponse {
    /// The conversation after the activity.
    #[serde(deserialize_with = "null_default")]
    pub conversation: Conversation,
}
