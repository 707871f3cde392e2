//! [`Message`] (a message as the API returns it), its [`Source`] and [`QuotedMessage`].

use smooch_macros::model;

use super::{Id, Timestamp};

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
/// [`ConversationApi::history`](crate::ConversationApi::history), a sent message's [`MessageResponse`] and
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
#[model(setters)]
pub struct Message {
    /// The message id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: Id,
    /// The author: the user's id for `appUser` messages, otherwise a hash of
    /// the app maker's email address.
    #[model(key)]
    pub author_id: Id,
    /// Who wrote the message.
    #[model(key)]
    pub role: Role,
    /// The kind of message.
    #[model(key)]
    pub r#type: MessageType,
    /// When the server received the message (on the wire, Unix seconds with a millisecond
    /// fraction: `1529675979.541`).
    #[model(key)]
    pub received: Timestamp,
    /// Where the message came from.
    pub source: Option<Source>,
    /// Author display name.
    pub name: Option<String>,
    /// Text of the message. `" "` on image and file messages sent without text;
    /// a generated fallback on carousel, list and location messages.
    pub text: Option<String>,
    /// Author email.
    pub email: Option<String>,
    /// Author avatar URL.
    pub avatar_url: Option<String>,
    /// URL of the image or file.
    pub media_url: Option<String>,
    /// MIME type of the image or file.
    pub media_type: Option<String>,
    /// Size of the image or file in bytes (not in the spec; real responses carry it).
    pub media_size: Option<u64>,
    /// Accessible description of the image or file.
    pub alt_text: Option<String>,
    /// Flat metadata (string, number and boolean values).
    pub metadata: Option<Metadata>,
    /// Items of a `carousel` or `list` message.
    pub items: Vec<MessageItem>,
    /// Buttons of the message.
    #[model(add = with_action)]
    pub actions: Vec<Action>,
    /// Payload of the `reply` action the user tapped to send this message.
    pub payload: Option<String>,
    /// Carousel layout.
    pub display_settings: Option<DisplaySettings>,
    /// Whether a `form` message blocks the chat input until it is answered.
    pub block_chat_input: Option<bool>,
    /// Fields of a `form` or `formResponse` message.
    pub fields: Vec<Field>,
    /// Whether a `form` has been submitted (set by the server).
    pub submitted: Option<bool>,
    /// The form a `formResponse` answers.
    pub quoted_message: Option<QuotedMessage>,
    /// Text summary of a `formResponse` (set by the server).
    pub text_fallback: Option<String>,
    /// Point of a `location` message.
    pub coordinates: Option<Coordinates>,
    /// Place of a `location` message.
    pub location: Option<Location>,
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
}

/// Where a message came from (response only).
#[model(setters)]
pub struct Source {
    /// The channel: `api`, `web`, `ios`, `android`, `messenger`, `whatsapp`, …
    /// An open set, hence a plain string.
    pub r#type: Option<String>,
    /// Identifier of the source client (for internal purposes).
    pub id: Option<Id>,
    /// The integration the message came through (API v1.1).
    pub integration_id: Option<Id>,
    /// The message's id on its channel.
    pub original_message_id: Option<String>,
    /// The message's timestamp on its channel.
    pub original_message_timestamp: Option<Timestamp>,
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
}

/// The message a `formResponse` answers (response only).
#[model]
pub struct QuotedMessage {
    /// How the quoted message is given.
    #[model(required)]
    pub r#type: QuotedMessageType,
    /// The quoted message's id on its channel (type `externalMessageId`).
    pub external_message_id: Option<String>,
    /// The quoted message itself (type `message`).
    pub content: Option<Box<Message>>,
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
