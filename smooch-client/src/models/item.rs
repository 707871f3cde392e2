//! [`MessageItem`] of carousel and list messages, and carousel [`DisplaySettings`].

use smooch_macros::model;

use super::Id;

use super::action::Action;
use super::enums::{ImageAspectRatio, ItemSize};

/// One item of a `carousel` or `list` message (request and response).
#[model(setters)]
pub struct MessageItem {
    /// The item id (`_id`); set by the server (response only).
    #[serde(rename = "_id")]
    pub id: Option<Id>,
    /// The item's title.
    #[model(required)]
    pub title: String,
    /// The item's subtitle.
    pub description: Option<String>,
    /// URL of the item's image.
    pub media_url: Option<String>,
    /// MIME type of the image; resolved from `mediaUrl` when omitted.
    pub media_type: Option<String>,
    /// Accessible description of the image.
    pub alt_text: Option<String>,
    /// Display size (only the top item of a Facebook Messenger list honours it).
    pub size: Option<ItemSize>,
    /// The item's buttons: at least 1, at most 3.
    pub actions: Vec<Action>,
}

impl MessageItem {
    /// An item with a title and its buttons (1 to 3).
    ///
    /// ```rust
    /// use smooch_client::models::{Action, MessageItem, MessagePost};
    ///
    /// let item = MessageItem::new("Brewery Tour", vec![Action::link("Learn more", "https://example.org")])
    ///     .with_description("Taste 18 types of beer")
    ///     .with_media_url("https://example.org/tour.jpg");
    /// let message = MessagePost::carousel(vec![item]);
    /// # assert_eq!(message.items.len(), 1);
    /// ```
    pub fn new(title: impl Into<String>, actions: Vec<Action>) -> Self {
        Self {
            title: title.into(),
            actions,
            ..Self::default()
        }
    }
}

/// Layout of a carousel (Facebook Messenger only).
#[model]
pub struct DisplaySettings {
    /// Aspect ratio of the item images; `horizontal` when omitted.
    pub image_aspect_ratio: Option<ImageAspectRatio>,
}

impl DisplaySettings {
    /// Display settings with the given image aspect ratio.
    pub fn new(image_aspect_ratio: ImageAspectRatio) -> Self {
        Self {
            image_aspect_ratio: Some(image_aspect_ratio),
            ..Self::default()
        }
    }
}
