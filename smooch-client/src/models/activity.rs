//! [`ConversationActivity`] (typing indicators, read receipts) and its [`ActivityResponse`].

use smooch_macros::model;

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
#[model(request, setters)]
pub struct ConversationActivity {
    /// Who performs the activity; must be `appMaker`.
    #[model(required)]
    pub role: Role,
    /// The activity.
    #[model(required)]
    pub r#type: ActivityType,
    /// Name of the app maker who is typing.
    pub name: Option<String>,
    /// Avatar of the app maker who is typing.
    pub avatar_url: Option<String>,
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
}

/// Response of *conversation activity*.
///
/// ```rust
/// use smooch_client::models::{ActivityResponse, Conversation};
///
/// let response = ActivityResponse::new(Conversation::new("c1"));
/// assert_eq!(response.conversation.unread_count, 0);
/// ```
#[model]
pub struct ActivityResponse {
    /// The conversation after the activity.
    #[model(key)]
    pub conversation: Conversation,
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
