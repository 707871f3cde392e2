//! What a message says: the [`Content`] union of its nine types, and the models of the plain
//! ones ([`TextMessage`], [`ImageMessage`], [`FileMessage`], [`TemplateMessage`]); carousels
//! and lists are in `item.rs`, forms in `form.rs`, locations in `location.rs`.

use serde_json::Value;
use smooch_macros::model;

use super::{
    Action, CarouselMessage, Coordinates, FormMessage, FormMessageField, FormResponseMessage, Item,
    ListMessage, LocationMessage,
};
use crate::codec::Mode;
use crate::models::Unknown;

/// What a message says (`content`), told apart by `type`: each of the nine types the API
/// knows has its model, and a type this crate does not know is [`Other`](Self::Other), with
/// its tag and every key as received (sent back unchanged).
///
/// Each type a bot can send has a constructor here taking what the API requires
/// ([`text`](Self::text), [`image`](Self::image), [`file`](Self::file),
/// [`carousel`](Self::carousel), [`list`](Self::list), [`location`](Self::location),
/// [`form`](Self::form), [`template`](Self::template)); refine the type's model with its
/// `with_*` setters and convert it (`Content::from`, or pass it where `impl Into<Content>` is
/// taken). `formResponse` is received only.
///
/// Read in one pass over the object; keys that come before `type` wait (as JSON values) until
/// it comes.
///
/// ```
/// use smooch_client::v2::models::{Content, Item, ActionSubset, TextMessage};
///
/// let hello = Content::text("Hello");
/// assert_eq!(serde_json::to_string(&hello)?, r#"{"type":"text","text":"Hello"}"#);
///
/// let shoes = Content::carousel([
///     Item::new("Runner", ActionSubset::postback("Buy", "BUY_RUNNER")),
///     Item::new("Trail", ActionSubset::link("See", "https://shop.example.com/trail")),
/// ]);
/// assert_eq!(shoes.tag(), "carousel");
///
/// let received: Content = serde_json::from_str(r#"{"text":"Hi","type":"text"}"#)?;
/// let Content::Text(text) = &received else { panic!("a text") };
/// assert_eq!(text.text.as_deref(), Some("Hi"));
///
/// let hologram: Content = serde_json::from_str(r#"{"type":"hologram","depth":3}"#)?;
/// assert_eq!(hologram.tag(), "hologram");
/// assert_eq!(serde_json::to_string(&hologram)?, r#"{"type":"hologram","depth":3}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(tag = "type")]
pub enum Content {
    /// `text`: text, rich text and buttons.
    Text(TextMessage),
    /// `carousel`: cards that scroll sideways.
    Carousel(CarouselMessage),
    /// `file`: a file.
    File(FileMessage),
    /// `form`: fields for the user to fill in.
    Form(FormMessage),
    /// `formResponse`: the user's answers to a form (received only).
    FormResponse(FormResponseMessage),
    /// `image`: an image.
    Image(ImageMessage),
    /// `list`: rows.
    List(ListMessage),
    /// `location`: a point on a map.
    Location(LocationMessage),
    /// `template`: a native WhatsApp template (with `schema: "whatsapp"` on the post).
    Template(TemplateMessage),
    /// A type this crate does not know, with its tag and keys as received.
    #[model(other)]
    Other(Unknown),
}

impl Content {
    /// A `text` message.
    pub fn text(text: impl Into<String>) -> Self {
        Content::Text(TextMessage::new(text))
    }

    /// An `image` showing `media_url`.
    pub fn image(media_url: impl Into<String>) -> Self {
        Content::Image(ImageMessage::new(media_url))
    }

    /// A `file` at `media_url`.
    pub fn file(media_url: impl Into<String>) -> Self {
        Content::File(FileMessage::new(media_url))
    }

    /// A `carousel` of 1 to 10 cards.
    pub fn carousel(items: impl IntoIterator<Item = Item>) -> Self {
        Content::Carousel(CarouselMessage::new(items))
    }

    /// A `list` of 1 to 10 rows.
    pub fn list(items: impl IntoIterator<Item = Item>) -> Self {
        Content::List(ListMessage::new(items))
    }

    /// A `location` at latitude `lat` and longitude `long`.
    pub fn location(lat: f64, long: f64) -> Self {
        Content::Location(LocationMessage::new(Coordinates::new(lat, long)))
    }

    /// A `form` of 1 to 20 fields.
    pub fn form(fields: impl IntoIterator<Item = FormMessageField>) -> Self {
        Content::Form(FormMessage::new(fields))
    }

    /// A native WhatsApp `template` object; see
    /// [`MessagePost::whatsapp_template`](super::MessagePost::whatsapp_template), which also
    /// sets the post's `schema`.
    pub fn template(template: Value) -> Self {
        Content::Template(TemplateMessage::new(template))
    }
}

/// `From` each type's model into the union.
macro_rules! into_content {
    ($($variant:ident($model:ident)),* $(,)?) => {$(
        impl From<$model> for Content {
            fn from(content: $model) -> Self {
                Content::$variant(content)
            }
        }
    )*};
}

into_content!(
    Text(TextMessage),
    Carousel(CarouselMessage),
    File(FileMessage),
    Form(FormMessage),
    FormResponse(FormResponseMessage),
    Image(ImageMessage),
    List(ListMessage),
    Location(LocationMessage),
    Template(TemplateMessage),
);

/// Setters of the rich text of a content type: `htmlText` and `markdownText` exclude each
/// other, so setting one clears the other.
macro_rules! rich_text {
    ($($model:ident),*) => {$(
        impl $model {
            /// Sets [`html_text`](Self::html_text) (and clears `markdown_text`, which it
            /// excludes).
            pub fn with_html_text(mut self, html: impl Into<String>) -> Self {
                self.html_text = Some(html.into());
                self.markdown_text = None;
                self
            }

            /// Sets [`markdown_text`](Self::markdown_text) (and clears `html_text`, which it
            /// excludes).
            pub fn with_markdown_text(mut self, markdown: impl Into<String>) -> Self {
                self.markdown_text = Some(markdown.into());
                self.html_text = None;
                self
            }
        }
    )*};
}

rich_text!(TextMessage, ImageMessage, FileMessage);

/// A `text` message: text (needed unless there are actions or rich text), rich text, buttons.
///
/// ```
/// use smooch_client::v2::models::{Action, Buy, TextMessage};
///
/// let text = TextMessage::new("Ready to check out?")
///     .with_markdown_text("Ready to **check out**?")
///     .with_action(Buy::new("Pay", 1999).with_currency("usd"))
///     .with_action(Action::link("See the cart", "https://shop.example.com/cart"));
/// assert_eq!(text.actions.len(), 2);
/// // Rich text is HTML or Markdown, not both: setting one clears the other.
/// let html = text.with_html_text("Ready to <b>check out</b>?");
/// assert_eq!(html.markdown_text, None);
/// ```
#[model(setters)]
pub struct TextMessage {
    /// The text (at most 4096 characters).
    pub text: Option<String>,
    /// Rich text in HTML, in place of `text` (excludes `markdown_text`).
    #[model(no_setter)]
    pub html_text: Option<String>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// Rich text in Markdown, converted to `htmlText` (requests only; excludes `html_text`).
    #[model(no_setter)]
    pub markdown_text: Option<String>,
    /// Buttons.
    #[model(add = with_action)]
    pub actions: Vec<Action>,
    /// The payload of the reply button that sent this message (received).
    pub payload: Option<String>,
}

impl TextMessage {
    /// The text `text`.
    pub fn new(text: impl Into<String>) -> Self {
        TextMessage::default().with_text(text)
    }
}

/// An `image` message.
#[model(setters)]
pub struct ImageMessage {
    /// The image's URL.
    #[model(required)]
    pub media_url: String,
    /// Its MIME type (responses only).
    pub media_type: Option<String>,
    /// Its size in bytes (responses only).
    #[model(with = byte_size)]
    pub media_size: Option<u64>,
    /// A description for accessibility (defaults to the file name).
    pub alt_text: Option<String>,
    /// A caption.
    pub text: Option<String>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// The caption as HTML (excludes `markdown_text`).
    #[model(no_setter)]
    pub html_text: Option<String>,
    /// The caption as Markdown (requests only; excludes `html_text`).
    #[model(no_setter)]
    pub markdown_text: Option<String>,
    /// Buttons.
    #[model(add = with_action)]
    pub actions: Vec<Action>,
    /// An internal identifier of the uploaded file.
    pub attachment_id: Option<String>,
}

impl ImageMessage {
    /// The image at `media_url` (upload one with
    /// [`upload_attachment`](crate::v2::AttachmentsApi::upload_attachment)).
    pub fn new(media_url: impl Into<String>) -> Self {
        ImageMessage::default().with_media_url(media_url)
    }
}

/// A `file` message.
#[model(setters)]
pub struct FileMessage {
    /// The file's URL.
    #[model(required)]
    pub media_url: String,
    /// Its size in bytes (responses only).
    #[model(with = byte_size)]
    pub media_size: Option<u64>,
    /// Its MIME type (responses only).
    pub media_type: Option<String>,
    /// A description for accessibility (defaults to the file name).
    pub alt_text: Option<String>,
    /// Text sent with it.
    pub text: Option<String>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// The text as HTML (excludes `markdown_text`).
    #[model(no_setter)]
    pub html_text: Option<String>,
    /// The text as Markdown (requests only; excludes `html_text`).
    #[model(no_setter)]
    pub markdown_text: Option<String>,
    /// An internal identifier of the uploaded file.
    pub attachment_id: Option<String>,
}

impl FileMessage {
    /// The file at `media_url`.
    pub fn new(media_url: impl Into<String>) -> Self {
        FileMessage::default().with_media_url(media_url)
    }
}

/// A `template` message: a native WhatsApp template object, sent with `schema: "whatsapp"`.
#[model(setters)]
pub struct TemplateMessage {
    /// The WhatsApp template object, as WhatsApp defines it.
    #[model(required)]
    pub template: Value,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
}

impl TemplateMessage {
    /// The template object `template`.
    pub fn new(template: Value) -> Self {
        TemplateMessage::default().with_template(template)
    }
}

/// Reads a size in bytes: the API declares a `number`, and sends integers; a fraction (never
/// seen) is rounded rather than failing the message.
fn byte_size<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    _: Mode,
) -> Result<Option<u64>, D::Error> {
    let number: Option<serde_json::Number> = serde::Deserialize::deserialize(deserializer)?;
    Ok(match number {
        None => None,
        Some(number) => number.as_u64().or_else(|| {
            number
                .as_f64()
                .filter(|size| size.is_finite() && *size >= 0.0)
                .map(|size| size.round() as u64)
        }),
    })
}
