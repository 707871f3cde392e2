//! Messages: [`Message`] as the API returns it, with its [`Author`], [`Source`],
//! [`Content`] (nine types), buttons ([`Action`], [`ActionSubset`]), [`QuotedMessage`],
//! [`Reference`]s and system [`ActivityMessage`]; the body of *post message*
//! ([`MessagePost`]) and the answers [`MessagePostResponse`] and [`MessageListResponse`].
//!
//! The same models make up the messages of webhook events: the content, author and source
//! types are shared.

mod action;
mod activity;
mod author;
mod content;
mod form;
mod item;
mod location;
mod post;
mod quoted;
mod source;

use smooch_macros::model;

pub use action::{
    Action, ActionSubset, Buy, ExtraChannelOptions, Link, LocationRequest, MessengerOptions,
    Postback, Reply, Webview, WebviewShareButton, WebviewSize,
};
pub use activity::{ActivityMessage, SystemActivity};
pub use author::{Author, AuthorSubtype, AuthorType};
pub use content::{Content, FileMessage, ImageMessage, TemplateMessage, TextMessage};
pub use form::{
    FieldFormat, FieldType, FormMessage, FormMessageField, FormOption, FormResponseMessage,
    FormResponseMessageField,
};
pub use item::{CarouselMessage, DisplaySettings, ImageAspectRatio, Item, ItemSize, ListMessage};
pub use location::{Coordinates, Location, LocationMessage};
pub use post::{
    AppleCapability, AppleMessageOverridePayload, Destination, MessageOverride,
    MessageOverridePayload, MessagePost,
};
pub use quoted::{QuotedMessage, QuotedMessageExternalMessageId, QuotedMessageMessage};
pub use source::{Campaign, Source};

use super::paged::cursor_page;
use super::{DateTime, PageLinks, PageMeta};
use crate::models::{Id, Metadata};

/// A message as the API returns it (response; also inside webhook events).
///
/// Nothing in it is promised, so every field is optional. What it says is its
/// [`content`](Self::content), one of the [`Content`] types:
///
/// ```
/// use smooch_client::v2::models::{AuthorType, Content, Message};
///
/// let message: Message = serde_json::from_str(r#"{
///     "id": "5f7a1c2b9d1e4a0012345678",
///     "received": "2024-01-10T09:15:00.125Z",
///     "author": {"type": "user", "userId": "c7f6e6d6c3a637261bd9656f", "displayName": "Steve"},
///     "content": {"type": "text", "text": "Where is my order?"},
///     "source": {"type": "whatsapp", "integrationId": "5e1f438bf99fb467810c0ab9"}
/// }"#)?;
/// assert_eq!(message.author.as_ref().map(|a| &a.r#type), Some(&AuthorType::User));
/// match &message.content {
///     Some(Content::Text(text)) => assert_eq!(text.text.as_deref(), Some("Where is my order?")),
///     Some(other) => println!("a {} message", other.tag()),
///     None => {}
/// }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct Message {
    /// The message id.
    pub id: Option<Id>,
    /// When the platform received it.
    pub received: Option<DateTime>,
    /// Who wrote it.
    pub author: Option<Author>,
    /// What it says.
    pub content: Option<Content>,
    /// Where it came from.
    pub source: Option<Source>,
    /// The message it quotes (WhatsApp, and Web Messenger form responses).
    pub quoted_message: Option<QuotedMessage>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// Whether this stands for a deleted message.
    pub deleted: Option<bool>,
    /// Links to the sources of an answer (a bot's), 1 to 10.
    pub references: Vec<Reference>,
    /// The system activity that wrote it, on messages the platform writes itself.
    pub activity: Option<ActivityMessage>,
}

/// A link to a source of a message's content (`references[]`).
#[model(setters)]
pub struct Reference {
    /// The URL of the content.
    #[model(required)]
    pub uri: String,
    /// Its title.
    pub title: Option<String>,
    /// Its description.
    pub description: Option<String>,
}

/// The answer of *post message* (201): the message or messages created (a template sent with
/// leading text makes two).
#[model(setters)]
pub struct MessagePostResponse {
    /// The created messages.
    pub messages: Vec<Message>,
}

/// One page of *list messages*: up to 100 messages, the newest page unless a cursor says
/// otherwise.
///
/// The order of the messages inside a page is not documented; the
/// [`messages`](crate::v2::MessagesApi::messages) stream sorts each page by `received`.
#[model(setters)]
pub struct MessageListResponse {
    /// The messages of the page.
    #[model(with = crate::codec::page_items)]
    pub messages: Vec<Message>,
    /// Whether more follow that way (`hasMore`), and the cursors: `beforeCursor` for older
    /// messages, `afterCursor` for newer ones.
    pub meta: Option<PageMeta>,
    /// The URLs of the pages around.
    pub links: Option<PageLinks>,
}

cursor_page!(MessageListResponse, messages, Message);

impl MessageListResponse {
    /// Orders the page's messages by `received`, newest first (or oldest first); messages with
    /// the same time, or without a valid one (which go last), keep their order.
    pub(crate) fn sort_by_received(&mut self, newest_first: bool) {
        let instant = |message: &Message| {
            let received = message.received.as_ref()?;
            Some((received.unix_seconds()?, received.subsec_nanos()?))
        };
        self.messages
            .sort_by(|a, b| match (instant(a), instant(b)) {
                (Some(a), Some(b)) if newest_first => b.cmp(&a),
                (Some(a), Some(b)) => a.cmp(&b),
                (a, b) => b.is_some().cmp(&a.is_some()),
            });
    }
}
