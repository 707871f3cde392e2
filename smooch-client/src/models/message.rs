//! [`Message`] (a message as the API returns it), its [`Source`] and [`QuotedMessage`].

use serde::Serialize;
use smooch_macros::Decode;

use super::{Extra, Id, Timestamp};

use super::Metadata;
use super::action::Action;
use super::enums::{MessageType, QuotedMessageType, Role};
use super::form::Field;
use super::item::{DisplaySettings, MessageItem};
use super::location::{Coordinates, Location};

/// A message as returned by the API (response).
///
/// `id`, `author_id`, `role`, `type` and `received` are on every real message:
/// a missing key is a decoding error, an explicit `null` decodes to the
/// default (`""`, `Unknown("")`, `0.0`). Everything else is optional; `name`,
/// `avatar_url` and even `text` are required by the spec but absent in real
/// data (the user's messages have no avatar, form responses no name).
///
/// Messages come from [`ConversationApi::get_messages`](crate::ConversationApi::get_messages),
/// [`Client::history`](crate::Client::history), a sent message's [`MessageResponse`] and
/// webhook events. To seed one in a test, start from a constructor ([`Message::text`],
/// [`Message::image`], [`Message::file`], [`Message::location`], [`Message::new`]) and add
/// fields with the `with_*` setters.
///
/// ```rust
/// use smooch_client::models::{Message, MessageType, Role};
///
/// let message: Message = serde_json::from_str(
///     r#"{"_id":"55c8c1498590aa1900b9b9b1","authorId":"c7f6e6d6c3a637261bd9656f",
///        "role":"appUser","type":"text","received":1439220041.586,"text":"Hello!",
///        "source":{"type":"messenger"}}"#,
/// )?;
/// assert_eq!((message.role.clone(), message.r#type.clone()), (Role::AppUser, MessageType::Text));
/// assert_eq!(message.source.and_then(|s| s.r#type).as_deref(), Some("messenger"));
///
/// // The same message, seeded.
/// let seeded = Message::text("55c8c1498590aa1900b9b9b1", Role::AppUser, "Hello!")
///     .with_author_id("c7f6e6d6c3a637261bd9656f");
/// assert_eq!(seeded.text, message.text);
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// [`MessageResponse`]: super::MessageResponse
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Message {
    /// The message id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: Id,
    /// The author: the user's id for `appUser` messages, otherwise a hash of
    /// the app maker's email address.
    #[decode(key)]
    pub author_id: Id,
    /// Who wrote the message.
    #[decode(key)]
    pub role: Role,
    /// The kind of message.
    #[decode(key)]
    pub r#type: MessageType,
    /// When the server received the message (on the wire, Unix seconds with a millisecond
    /// fraction: `1529675979.541`).
    #[decode(key)]
    pub received: Timestamp,
    /// Where the message came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Author display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Text of the message. `" "` on image and file messages sent without text;
    /// a generated fallback on carousel, list and location messages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Author email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Author avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// URL of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// MIME type of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Size of the image or file in bytes (not in the spec; real responses carry it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_size: Option<u64>,
    /// Accessible description of the image or file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// Flat metadata (string, number and boolean values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Items of a `carousel` or `list` message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<MessageItem>,
    /// Buttons of the message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Payload of the `reply` action the user tapped to send this message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Carousel layout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_settings: Option<DisplaySettings>,
    /// Whether a `form` message blocks the chat input until it is answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_chat_input: Option<bool>,
    /// Fields of a `form` or `formResponse` message.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Whether a `form` has been submitted (set by the server).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submitted: Option<bool>,
    /// The form a `formResponse` answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quoted_message: Option<QuotedMessage>,
    /// Text summary of a `formResponse` (set by the server).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_fallback: Option<String>,
    /// Point of a `location` message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Place of a `location` message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl Message {
    /// A message with its id, role and type and nothing else set (`received` is `0.0`): for
    /// tests and fakes that need a [`Message`] as the API would return it. Prefer the
    /// constructor for the type ([`text`](Self::text), [`image`](Self::image), ...).
    ///
    /// ```rust
    /// use smooch_client::models::{Action, Message, MessageType, Role};
    ///
    /// let carousel = Message::new("m2", Role::AppMaker, MessageType::Carousel)
    ///     .with_author_id("biz")
    ///     .with_text("Pick one")
    ///     .with_action(Action::postback("Buy", "buy"));
    /// assert_eq!(carousel.r#type, MessageType::Carousel);
    /// ```
    pub fn new(id: impl Into<Id>, role: Role, r#type: MessageType) -> Self {
        Self {
            id: id.into(),
            role,
            r#type,
            ..Self::default()
        }
    }

    /// A `text` message, as the API returns it (with its id).
    ///
    /// ```rust
    /// use smooch_client::models::{Message, MessageType, Metadata, Role, Source};
    ///
    /// let message = Message::text("m1", Role::AppUser, "Hi there")
    ///     .with_author_id("user_1")
    ///     .with_name("Steve")
    ///     .with_source(Source::new("web"))
    ///     .with_metadata(Metadata::new().with("lang", "en"));
    /// assert_eq!(message.r#type, MessageType::Text);
    /// assert_eq!(message.text.as_deref(), Some("Hi there"));
    /// ```
    pub fn text(id: impl Into<Id>, role: Role, text: impl Into<String>) -> Self {
        Self::new(id, role, MessageType::Text).with_text(text)
    }

    /// An `image` message showing `media_url`.
    pub fn image(id: impl Into<Id>, role: Role, media_url: impl Into<String>) -> Self {
        Self::new(id, role, MessageType::Image).with_media_url(media_url)
    }

    /// A `file` message linking to `media_url`.
    pub fn file(id: impl Into<Id>, role: Role, media_url: impl Into<String>) -> Self {
        Self::new(id, role, MessageType::File).with_media_url(media_url)
    }

    /// A `location` message at `coordinates`; add the place with
    /// [`with_location`](Self::with_location).
    pub fn location(id: impl Into<Id>, role: Role, coordinates: Coordinates) -> Self {
        Self {
            coordinates: Some(coordinates),
            ..Self::new(id, role, MessageType::Location)
        }
    }

    /// Sets the author: the user's id on `appUser` messages, a hash of the app maker's email
    /// otherwise.
    pub fn with_author_id(mut self, author_id: impl Into<Id>) -> Self {
        self.author_id = author_id.into();
        self
    }

    /// Sets when the server received the message.
    ///
    /// ```
    /// use smooch_client::models::{Message, Role, Timestamp};
    ///
    /// let message = Message::text("m1", Role::AppUser, "hi")
    ///     .with_received(Timestamp::from_unix_millis(1_529_600_550_492));
    /// assert_eq!(message.received.to_string(), "2018-06-21T17:02:30.492Z");
    /// ```
    pub fn with_received(mut self, received: Timestamp) -> Self {
        self.received = received;
        self
    }

    /// Sets where the message came from.
    pub fn with_source(mut self, source: Source) -> Self {
        self.source = Some(source);
        self
    }

    /// Sets the author display name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the text.
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
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

    /// Sets the image or file size in bytes.
    pub fn with_media_size(mut self, media_size: u64) -> Self {
        self.media_size = Some(media_size);
        self
    }

    /// Sets the accessible description of the image or file.
    pub fn with_alt_text(mut self, alt_text: impl Into<String>) -> Self {
        self.alt_text = Some(alt_text.into());
        self
    }

    /// Sets the flat metadata.
    pub fn with_metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.metadata = Some(metadata.into());
        self
    }

    /// Sets the items of a `carousel` or `list`, replacing any set before.
    pub fn with_items(mut self, items: Vec<MessageItem>) -> Self {
        self.items = items;
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

    /// Sets the payload of the `reply` action the user tapped to send this message.
    pub fn with_payload(mut self, payload: impl Into<String>) -> Self {
        self.payload = Some(payload.into());
        self
    }

    /// Sets the carousel layout.
    pub fn with_display_settings(mut self, display_settings: DisplaySettings) -> Self {
        self.display_settings = Some(display_settings);
        self
    }

    /// Sets whether a `form` blocks the chat input until it is answered.
    pub fn with_block_chat_input(mut self, block_chat_input: bool) -> Self {
        self.block_chat_input = Some(block_chat_input);
        self
    }

    /// Sets the fields of a `form` or `formResponse`, replacing any set before.
    pub fn with_fields(mut self, fields: Vec<Field>) -> Self {
        self.fields = fields;
        self
    }

    /// Sets whether a `form` has been submitted.
    pub fn with_submitted(mut self, submitted: bool) -> Self {
        self.submitted = Some(submitted);
        self
    }

    /// Sets the form a `formResponse` answers.
    pub fn with_quoted_message(mut self, quoted_message: QuotedMessage) -> Self {
        self.quoted_message = Some(quoted_message);
        self
    }

    /// Sets the text summary of a `formResponse`.
    pub fn with_text_fallback(mut self, text_fallback: impl Into<String>) -> Self {
        self.text_fallback = Some(text_fallback.into());
        self
    }

    /// Sets the point of a `location` message.
    pub fn with_coordinates(mut self, coordinates: Coordinates) -> Self {
        self.coordinates = Some(coordinates);
        self
    }

    /// Sets the place of a `location` message.
    pub fn with_location(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }
}

/// Where a message came from (response only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Source {
    /// The channel: `api`, `web`, `ios`, `android`, `messenger`, `whatsapp`, …
    /// An open set, hence a plain string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Identifier of the source client (for internal purposes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The integration the message came through (API v1.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<Id>,
    /// The message's id on its channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_message_id: Option<String>,
    /// The message's timestamp on its channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_message_timestamp: Option<Timestamp>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl Source {
    /// A source of the given channel type (`api`, `web`, `messenger`, ...).
    ///
    /// ```rust
    /// use smooch_client::models::Source;
    ///
    /// let source = Source::new("whatsapp")
    ///     .with_integration_id("5e1f438bf99fb467810c0ab9")
    ///     .with_original_message_id("wamid.1");
    /// assert_eq!(source.r#type.as_deref(), Some("whatsapp"));
    /// ```
    pub fn new(r#type: impl Into<String>) -> Self {
        Self {
            r#type: Some(r#type.into()),
            ..Self::default()
        }
    }

    /// Sets the identifier of the source client.
    pub fn with_id(mut self, id: impl Into<Id>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the integration the message came through.
    pub fn with_integration_id(mut self, integration_id: impl Into<Id>) -> Self {
        self.integration_id = Some(integration_id.into());
        self
    }

    /// Sets the message's id on its channel.
    pub fn with_original_message_id(mut self, original_message_id: impl Into<String>) -> Self {
        self.original_message_id = Some(original_message_id.into());
        self
    }
}

/// The message a `formResponse` answers (response only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuotedMessage {
    /// How the quoted message is given.
    #[decode(required)]
    pub r#type: QuotedMessageType,
    /// The quoted message's id on its channel (type `externalMessageId`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_message_id: Option<String>,
    /// The quoted message itself (type `message`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<Box<Message>>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl QuotedMessage {
    /// Quotes a whole message (type `message`).
    ///
    /// ```rust
    /// use smooch_client::models::{Message, MessageType, QuotedMessage, QuotedMessageType, Role};
    ///
    /// let form = Message::new("m1", Role::AppMaker, MessageType::Form);
    /// let answer = Message::new("m2", Role::AppUser, MessageType::FormResponse)
    ///     .with_quoted_message(QuotedMessage::message(form))
    ///     .with_text_fallback("Name: Steve");
    /// assert_eq!(answer.quoted_message.unwrap().r#type, QuotedMessageType::Message);
    /// ```
    pub fn message(content: Message) -> Self {
        Self {
            r#type: QuotedMessageType::Message,
            content: Some(Box::new(content)),
            ..Self::default()
        }
    }

    /// Quotes a message by its id on its channel (type `externalMessageId`).
    pub fn external_message_id(external_message_id: impl Into<String>) -> Self {
        Self {
            r#type: QuotedMessageType::ExternalMessageId,
            external_message_id: Some(external_message_id.into()),
            ..Self::default()
        }
    }
}
