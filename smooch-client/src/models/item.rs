//! [`MessageItem`] of carousel and list messages, and carousel [`DisplaySettings`].

use serde::Serialize;
use smooch_macros::Decode;

use super::{Extra, Id};

use super::action::Action;
use super::enums::{ImageAspectRatio, ItemSize};

/// One item of a `carousel` or `list` message (request and response).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageItem {
    /// The item id (`_id`); set by the server (response only).
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The item's title.
    #[decode(required)]
    pub title: String,
    /// The item's subtitle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// URL of the item's image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// MIME type of the image; resolved from `mediaUrl` when omitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Accessible description of the image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt_text: Option<String>,
    /// Display size (only the top item of a Facebook Messenger list honours it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<ItemSize>,
    /// The item's buttons: at least 1, at most 3.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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

    /// Sets the subtitle.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the image URL.
    pub fn with_media_url(mut self, media_url: impl Into<String>) -> Self {
        self.media_url = Some(media_url.into());
        self
    }

    /// Sets the image's MIME type.
    pub fn with_media_type(mut self, media_type: impl Into<String>) -> Self {
        self.media_type = Some(media_type.into());
        self
    }

    /// Sets the image's accessible description.
    pub fn with_alt_text(mut self, alt_text: impl Into<String>) -> Self {
        self.alt_text = Some(alt_text.into());
        self
    }

    /// Sets the display size.
    pub fn with_size(mut self, size: ItemSize) -> Self {
        self.size = Some(size);
        self
    }
}

/// Layout of a carousel (Facebook Messenger only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisplaySettings {
    /// Aspect ratio of the item images; `horizontal` when omitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_aspect_ratio: Option<ImageAspectRatio>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
