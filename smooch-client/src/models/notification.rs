//! Notifications (messages to users who may not have a conversation yet, e.g. WhatsApp
//! templates): [`NotificationPost`] and [`NotificationResponse`].

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct NotificationPost {
    /// Who receives it, on which integration.
    #[decode(required)]
    pub destination: NotificationDestination,
    /// The schema of `message`: `whatsapp` for a WhatsApp template; Smooch's own otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_schema: Option<String>,
    /// Who sends it (always the business).
    #[decode(required)]
    pub author: Author,
    /// The message, as JSON in the form `message_schema` names (free-form in the spec).
    #[decode(required)]
    pub message: serde_json::Value,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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

    /// Sets the schema of the message, e.g. `whatsapp`.
    pub fn with_message_schema(mut self, schema: impl Into<String>) -> Self {
        self.message_schema = Some(schema.into());
        self
    }

    /// Sets the author.
    pub fn with_author(mut self, author: Author) -> Self {
        self.author = author;
        self
    }
}

/// The recipient of a notification: an integration and the user's id on it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationDestination {
    /// The integration to send through.
    #[decode(required)]
    pub integration_id: String,
    /// The user's id on that channel (a phone number for WhatsApp or SMS).
    #[decode(required)]
    pub destination_id: String,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Author {
    /// Must be `appMaker`.
    #[decode(required)]
    pub role: Role,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Email address (used to find an avatar).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Keys this crate does not know, sent as they are.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Author {
    /// The business (`appMaker`), without a name.
    pub fn app_maker() -> Self {
        Self {
            role: Role::AppMaker,
            ..Self::default()
        }
    }

    /// Sets the display name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// Response of *post notification* (201).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationResponse {
    /// The notification sent.
    #[decode(key)]
    pub notification: NotificationRef,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A notification sent: its id ties it to its `notification:delivery:*` webhooks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NotificationRef {
    /// The notification's id (a UUID).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// Keys this crate does not know, with their values as received.
    #[serde(flatten)]
    pub extra: Extra,
}
