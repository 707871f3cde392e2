//! Carousels and lists: [`CarouselMessage`], [`ListMessage`], their [`Item`]s and the
//! carousel's [`DisplaySettings`].

use smooch_macros::model;

use super::ActionSubset;
use crate::models::Metadata;
use crate::models::string_enum;

/// A `carousel` message: 1 to 10 cards that scroll sideways (Messenger, LINE, Telegram, Viber,
/// the SDKs; plain text elsewhere).
///
/// ```
/// use smooch_client::v2::models::{
///     ActionSubset, CarouselMessage, DisplaySettings, ImageAspectRatio, Item,
/// };
///
/// let carousel = CarouselMessage::new([
///     Item::new("Runner", ActionSubset::postback("Buy", "BUY_RUNNER"))
///         .with_description("Light, for the road")
///         .with_media_url("https://shop.example.com/runner.jpg"),
/// ])
/// .with_display_settings(
///     DisplaySettings::default().with_image_aspect_ratio(ImageAspectRatio::Square),
/// );
/// # assert_eq!(carousel.items.len(), 1);
/// ```
#[model(setters)]
pub struct CarouselMessage {
    /// A fallback text the server writes for channels without carousels (responses only).
    pub text: Option<String>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// The cards (1 to 10).
    #[model(required, add = with_item)]
    pub items: Vec<Item>,
    /// How the cards look.
    pub display_settings: Option<DisplaySettings>,
}

impl CarouselMessage {
    /// A carousel of these cards.
    pub fn new(items: impl IntoIterator<Item = Item>) -> Self {
        CarouselMessage::default().with_items(items)
    }
}

/// A `list` message: 1 to 10 rows, and buttons for the whole list (native on Messenger and
/// WeChat; a carousel, several messages or text elsewhere).
#[model(setters)]
pub struct ListMessage {
    /// A fallback text (not in the API's schema, but its examples send one).
    pub text: Option<String>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// The rows (1 to 10).
    #[model(required, add = with_item)]
    pub items: Vec<Item>,
    /// Buttons for the whole list (1 to 10; a channel may show fewer).
    #[model(add = with_action)]
    pub actions: Vec<ActionSubset>,
}

impl ListMessage {
    /// A list of these rows.
    pub fn new(items: impl IntoIterator<Item = Item>) -> Self {
        ListMessage::default().with_items(items)
    }
}

/// A card of a carousel or a row of a list.
#[model(setters)]
pub struct Item {
    /// The title (1 to 128 characters).
    #[model(required)]
    pub title: String,
    /// The subtitle.
    pub description: Option<String>,
    /// An image's URL.
    pub media_url: Option<String>,
    /// The image's MIME type.
    pub media_type: Option<String>,
    /// A description of the image for accessibility.
    pub alt_text: Option<String>,
    /// The image's size.
    pub size: Option<ItemSize>,
    /// Buttons (1 to 3).
    #[model(required, add = with_action)]
    pub actions: Vec<ActionSubset>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
}

impl Item {
    /// An item titled `title` with one button (add more with
    /// [`with_action`](Self::with_action)).
    pub fn new(title: impl Into<String>, action: impl Into<ActionSubset>) -> Self {
        Item::default().with_title(title).with_action(action)
    }
}

string_enum! {
    in "v2::models";
    /// The size of an item's image (`size`).
    pub enum ItemSize {
        /// `compact`.
        Compact => "compact",
        /// `large`.
        Large => "large",
    }
}

/// How a carousel's cards look (`displaySettings`).
#[model(setters)]
pub struct DisplaySettings {
    /// The shape of the images (Messenger, Web, Android, iOS; horizontal by default).
    pub image_aspect_ratio: Option<ImageAspectRatio>,
}

string_enum! {
    in "v2::models";
    /// The shape of a carousel's images (`imageAspectRatio`).
    pub enum ImageAspectRatio {
        /// `horizontal`.
        Horizontal => "horizontal",
        /// `square`.
        Square => "square",
    }
}
