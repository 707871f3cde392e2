//! Notifications (messages to users who may not have a conversation yet, e.g. WhatsApp
//! templates): [`NotificationPost`] and [`NotificationResponse`].

use smooch_macros::model;

use super::enums::Role;

/// A notification to send (request body of *post notification*).
///
/// ```
/// use serde_json::json;
/// use smooch_client::models::{NotificationDestination, NotificationPost};
///
/// let notification = NotificationPost::new(
///     NotificationDestination::new("5e1f438bf99fb467810c0ab9", "+15145555333"),
///     json!({"type": "text", "text": "Your order has shipped"}),
/// );
/// assert_eq!(notification.author.role.as_str(), "appMaker");
/// ```
#[model(request, setters)]
pub struct NotificationPost {
    /// Who receives it, on which integration.
    #[model(required)]
    pub destination: NotificationDestination,
    /// The schema of `message`: `whatsapp` for a WhatsApp template; Smooch's own otherwise.
    pub message_schema: Option<String>,
    /// Who sends it (always the business).
    #[model(required)]
    pub author: Author,
    /// The message, as JSON in the form `message_schema` names (free-form in the spec).
    #[model(required)]
    pub message: serde_json::Value,
}

impl NotificationPost {
    /// `message` to `destination`, from the business.
    pub fn new(destination: NotificationDestination, message: serde_json::Value) -> Self {
        Self {
            destination,
            author: Author::app_maker(),
            message,
            ..Self::default()
        }
    }
}

/// The recipient of a notification: an integration and the user's id on it.
#[model]
pub struct NotificationDestination {
    /// The integration to send through.
    #[model(required)]
    pub integration_id: String,
    /// The user's id on that channel (a phone number for WhatsApp or SMS).
    #[model(required)]
    pub destination_id: String,
}

impl NotificationDestination {
    /// The user `destination_id` on the integration `integration_id`.
    pub fn new(integration_id: impl Into<String>, destination_id: impl Into<String>) -> Self {
        Self {
            integration_id: integration_id.into(),
            destination_id: destination_id.into(),
            ..Self::default()
        }
    }
}

/// The author of a notification.
#[model]
pub struct Author {
    /// Must be `appMaker`.
    #[model(required)]
    pub role: Role,
    /// Display name.
    #[model(setter)]
    pub name: Option<String>,
    /// Email address (used to find an avatar).
    pub email: Option<String>,
    /// Avatar URL.
    pub avatar_url: Option<String>,
}

impl Author {
    /// The business (`appMaker`), without a name.
    pub fn app_maker() -> Self {
        Self {
            role: Role::AppMaker,
            ..Self::default()
        }
    }
}

/// Response of *post notification* (201).
#[model]
pub struct NotificationResponse {
    /// The notification sent.
    #[model(key)]
    pub notification: NotificationRef,
}

/// A notification sent: its id ties it to its `notification:delivery:*` webhooks.
#[model]
pub struct NotificationRef {
    /// The notification's id (a UUID).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
}
