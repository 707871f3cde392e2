//! [`MessagePost`] (the body of *post message*), its [`Destination`] and [`ChannelOverride`].

use std::collections::BTreeMap;

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;

use super::Metadata;
use super::action::Action;
use super::enums::{IntegrationType, MessageType, Role};
use super::form::FieldPost;
use super::item::{DisplaySettings, MessageItem};
use super::location::{Coordinates, Location};

/// A message to post (request body of *post message*).
///
/// Start from the constructor for the message type and chain `with_*` setters:
///
/// ```rust
/// use smooch_client::models::{MessagePost, Role};
///
/// let message = MessagePost::text(Role::AppMaker, "Hello!").with_name("Galifrey");
/// assert_eq!(
///     serde_json::to_string(&message).unwrap(),
///     r#"{"role":"appMaker","type":"text","name":"Galifrey","text":"Hello!"}"#,
/// );
/// ```
///
/// What each type requires: `text` → `text` (or `actions`); `image`, `file` →
/// `mediaUrl`; `carousel`, `list` → `items`; `location` → `coordinates`;
/// `form` → `fields`. Actions and destinations need role `appMaker`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct MessagePost {
    /// Who sends the message.
    #[decode(required)]
    pub role: Role,
    /// The kind of message. Required by the spec, but real requests that only
    /// carry an `override` (Apple Business Chat) or a `messageSchema` omit it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<MessageType>,
    /// Author display name. `appUser` messages default to the user's name;
    /// `appMaker` messages have no default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Author email, used to find an avatar (gravatar).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Author avatar URL; overrides the one found through `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Flat metadata (string, number and boolean values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// The payload of a reply action, if applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Text of the message (required for `text` unless `actions` are present).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// URL of the image or file (required for `image` and `file`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// MIME type of the image or file; resolved from `mediaUrl` when omitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Accessible description of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// Items of a `carousel` (1–10) or `list` (up to 10).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<MessageItem>,
    /// Buttons of the message (role `appMaker` only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Whether a `form` blocks the chat input until answered (Web Messenger).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_chat_input: Option<bool>,
    /// Carousel layout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_settings: Option<DisplaySettings>,
    /// Fields of a `form` (required for `form`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldPost>,
    /// Send on one channel only (role `appMaker` only; the user needs a client
    /// on that channel).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination: Option<Destination>,
    /// Raw per-channel payloads (`override`), keyed by channel: `messenger`,
    /// `whatsapp`, `line`, `apple`, …
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[decode(with = super::decode::map_of_defaults)]
    pub r#override: BTreeMap<String, ChannelOverride>,
    /// Point of a `location` message (required for `location`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Place of a `location` message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Schema of [`message`](Self::message), e.g. `"whatsapp"` for a WhatsApp
    /// template (undocumented; seen in the official Postman collection).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_schema: Option<String>,
    /// A message in the format named by [`message_schema`](Self::message_schema).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<serde_json::Value>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl MessagePost {
    /// A message of the given role and type with nothing else set; prefer the
    /// constructor for the type.
    pub fn new(role: Role, r#type: MessageType) -> Self {
        Self {
            role,
            r#type: Some(r#type),
            ..Self::default()
        }
    }

    /// A `text` message.
    ///
    /// ```rust
    /// use smooch_client::models::{MessagePost, Role};
    ///
    /// let message = MessagePost::text(Role::AppMaker, "Hello!");
    /// assert_eq!(
    ///     serde_json::to_string(&message).unwrap(),
    ///     r#"{"role":"appMaker","type":"text","text":"Hello!"}"#,
    /// );
    /// ```
    pub fn text(role: Role, text: impl Into<String>) -> Self {
        Self::new(role, MessageType::Text).with_text(text)
    }

    /// An `image` message; add a caption with [`with_text`](Self::with_text).
    ///
    /// ```rust
    /// use smooch_client::models::{MessagePost, Role};
    ///
    /// let message = MessagePost::image(Role::AppMaker, "https://example.org/coat.jpg")
    ///     .with_text("This is the jacket we have in stock.")
    ///     .with_media_type("image/jpeg");
    /// # assert_eq!(message.media_url.as_deref(), Some("https://example.org/coat.jpg"));
    /// ```
    pub fn image(role: Role, media_url: impl Into<String>) -> Self {
        Self::new(role, MessageType::Image).with_media_url(media_url)
    }

    /// A `file` message.
    pub fn file(role: Role, media_url: impl Into<String>) -> Self {
        Self::new(role, MessageType::File).with_media_url(media_url)
    }

    /// A `carousel` message (1–10 items) from the business (`appMaker`:
    /// items carry actions, which only the business may send).
    pub fn carousel(items: Vec<MessageItem>) -> Self {
        Self {
            items,
            ..Self::new(Role::AppMaker, MessageType::Carousel)
        }
    }

    /// A `list` message (up to 10 items) from the business (`appMaker`).
    pub fn list(items: Vec<MessageItem>) -> Self {
        Self {
            items,
            ..Self::new(Role::AppMaker, MessageType::List)
        }
    }

    /// A `location` message; add the place with [`with_location`](Self::with_location).
    pub fn location(role: Role, coordinates: Coordinates) -> Self {
        Self {
            coordinates: Some(coordinates),
            ..Self::new(role, MessageType::Location)
        }
    }

    /// A `form` message from the business (`appMaker`; Web Messenger only).
    pub fn form(fields: Vec<FieldPost>) -> Self {
        Self {
            fields,
            ..Self::new(Role::AppMaker, MessageType::Form)
        }
    }

    /// A message given in another schema (`messageSchema` + `message`), e.g. a
    /// WhatsApp template with schema `"whatsapp"`; role `appMaker`, no `type`.
    /// Undocumented in the spec; taken from the official Postman collection.
    pub fn message_schema(schema: impl Into<String>, message: serde_json::Value) -> Self {
        Self {
            role: Role::AppMaker,
            message_schema: Some(schema.into()),
            message: Some(message),
            ..Self::default()
        }
    }

    /// Sets the author display name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the author email.
    pub fn with_email(mut self, email: impl Into<String>) -> Self {
        self.email = Some(email.into());
        self
    }

    /// Sets the author avatar URL.
    pub fn with_avatar_url(mut self, avatar_url: impl Into<String>) -> Self {
        self.avatar_url = Some(avatar_url.into());
        self
    }

    /// Sets the flat metadata.
    pub fn with_metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.metadata = Some(metadata.into());
        self
    }

    /// Sets the reply payload.
    pub fn with_payload(mut self, payload: impl Into<String>) -> Self {
        self.payload = Some(payload.into());
        self
    }

    /// Sets the text (the caption of an image or file).
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// Sets the buttons, replacing any set before.
    pub fn with_actions(mut self, actions: Vec<Action>) -> Self {
        self.actions = actions;
        self
    }

    /// Adds one button.
    pub fn with_action(mut self, action: Action) -> Self {
        self.actions.push(action);
        self
    }

    /// Sets the image or file URL.
    pub fn with_media_url(mut self, media_url: impl Into<String>) -> Self {
        self.media_url = Some(media_url.into());
        self
    }

    /// Sets the image or file MIME type.
    pub fn with_media_type(mut self, media_type: impl Into<String>) -> Self {
        self.media_type = Some(media_type.into());
        self
    }

    /// Sets the accessible description of the image or file.
    pub fn with_alt_text(mut self, alt_text: impl Into<String>) -> Self {
        self.alt_text = Some(alt_text.into());
        self
    }

    /// Sets the carousel layout.
    pub fn with_display_settings(mut self, display_settings: DisplaySettings) -> Self {
        self.display_settings = Some(display_settings);
        self
    }

    /// Sets whether a `form` blocks the chat input until answered.
    pub fn with_block_chat_input(mut self, block_chat_input: bool) -> Self {
        self.block_chat_input = Some(block_chat_input);
        self
    }

    /// Sends on one channel only.
    ///
    /// ```rust
    /// use smooch_client::models::{Destination, IntegrationType, MessagePost, Role};
    ///
    /// let message = MessagePost::text(Role::AppMaker, "Hi on Messenger")
    ///     .with_destination(Destination::integration_type(IntegrationType::Messenger));
    /// # assert!(message.destination.is_some());
    /// ```
    pub fn with_destination(mut self, destination: Destination) -> Self {
        self.destination = Some(destination);
        self
    }

    /// Sets the raw payload for one channel (`override.<channel>.payload`),
    /// replacing any payload set before for that channel.
    ///
    /// ```rust
    /// use smooch_client::models::{MessagePost, Role};
    ///
    /// let message = MessagePost::text(Role::AppMaker, "Hello there")
    ///     .with_override("apple", serde_json::json!({"type": "text", "body": "goodbye"}));
    /// assert_eq!(
    ///     serde_json::to_value(&message).unwrap()["override"]["apple"]["payload"]["body"],
    ///     "goodbye",
    /// );
    /// ```
    pub fn with_override(mut self, channel: impl Into<String>, payload: serde_json::Value) -> Self {
        self.r#override
            .insert(channel.into(), ChannelOverride::new(payload));
        self
    }

    /// Sets the place of a `location` message.
    pub fn with_location(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
}

/// Targets one channel of the user (`destination`, request only). The spec
/// marks both fields required, the docs ask for one of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Destination {
    /// The id of the integration to send through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// The type of integration to send through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<IntegrationType>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl Destination {
    /// The integration with this id.
    pub fn integration_id(integration_id: impl Into<String>) -> Self {
        Self {
            integration_id: Some(integration_id.into()),
            ..Self::default()
        }
    }

    /// The user's integration of this type.
    pub fn integration_type(integration_type: IntegrationType) -> Self {
        Self {
            integration_type: Some(integration_type),
            ..Self::default()
        }
    }
}

/// A raw payload for one channel (an entry of `override`, request only),
/// passed to the channel as is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChannelOverride {
    /// The channel's own message payload.
    #[serde(skip_serializing_if = "serde_json::Value::is_null")]
    pub payload: serde_json::Value,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl ChannelOverride {
    /// An override with the channel's own message payload.
    pub fn new(payload: serde_json::Value) -> Self {
        Self {
            payload,
            ..Self::default()
        }
    }
}
