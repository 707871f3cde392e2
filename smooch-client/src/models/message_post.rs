//! [`MessagePost`] (the body of *post message*), its [`Destination`] and [`ChannelOverride`].

use std::collections::BTreeMap;

use smooch_macros::model;

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
#[model(request, setters)]
pub struct MessagePost {
    /// Who sends the message.
    #[model(required)]
    pub role: Role,
    /// The kind of message. Required by the spec, but real requests that only
    /// carry an `override` (Apple Business Chat) or a `messageSchema` omit it.
    pub r#type: Option<MessageType>,
    /// Author display name. `appUser` messages default to the user's name;
    /// `appMaker` messages have no default.
    pub name: Option<String>,
    /// Author email, used to find an avatar (gravatar).
    pub email: Option<String>,
    /// Author avatar URL; overrides the one found through `email`.
    pub avatar_url: Option<String>,
    /// Flat metadata (string, number and boolean values).
    pub metadata: Option<Metadata>,
    /// The payload of a reply action, if applicable.
    pub payload: Option<String>,
    /// Text of the message (required for `text` unless `actions` are present).
    pub text: Option<String>,
    /// URL of the image or file (required for `image` and `file`).
    pub media_url: Option<String>,
    /// MIME type of the image or file; resolved from `mediaUrl` when omitted.
    pub media_type: Option<String>,
    /// Accessible description of the image or file.
    pub alt_text: Option<String>,
    /// Items of a `carousel` (1–10) or `list` (up to 10).
    pub items: Vec<MessageItem>,
    /// Buttons of the message (role `appMaker` only).
    #[model(add = with_action)]
    pub actions: Vec<Action>,
    /// Whether a `form` blocks the chat input until answered (Web Messenger).
    pub block_chat_input: Option<bool>,
    /// Carousel layout.
    pub display_settings: Option<DisplaySettings>,
    /// Fields of a `form` (required for `form`).
    pub fields: Vec<FieldPost>,
    /// Send on one channel only (role `appMaker` only; the user needs a client
    /// on that channel).
    pub destination: Option<Destination>,
    /// Raw per-channel payloads (`override`), keyed by channel: `messenger`,
    /// `whatsapp`, `line`, `apple`, …
    #[model(with = crate::codec::map_of_defaults, no_setter)]
    pub r#override: BTreeMap<String, ChannelOverride>,
    /// Point of a `location` message (required for `location`).
    pub coordinates: Option<Coordinates>,
    /// Place of a `location` message.
    pub location: Option<Location>,
    /// Schema of [`message`](Self::message), e.g. `"whatsapp"` for a WhatsApp
    /// template (undocumented; seen in the official Postman collection).
    pub message_schema: Option<String>,
    /// A message in the format named by [`message_schema`](Self::message_schema).
    pub message: Option<serde_json::Value>,
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
}

/// Targets one channel of the user (`destination`, request only). The spec
/// marks both fields required, the docs ask for one of them.
#[model]
pub struct Destination {
    /// The id of the integration to send through.
    pub integration_id: Option<String>,
    /// The type of integration to send through.
    pub integration_type: Option<IntegrationType>,
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
#[model]
pub struct ChannelOverride {
    /// The channel's own message payload.
    pub payload: serde_json::Value,
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
