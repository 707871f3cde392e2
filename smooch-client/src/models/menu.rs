//! [`Menu`]: the persistent menu of an app or of one integration, its [`MenuItem`]s and
//! [`SubMenuItem`]s, and the [`MenuResponse`] that returns it.

use smooch_macros::model;

use super::enums::MenuItemType;

/// A persistent menu (request and response): the body of *create/update integration menu* and
/// *update menu*, and what [`MenuResponse`] holds.
///
/// ```rust
/// use smooch_client::models::{Menu, MenuItem, SubMenuItem};
///
/// let menu = Menu::new(vec![
///     MenuItem::link("Our site", "https://example.org"),
///     MenuItem::submenu("More", vec![SubMenuItem::postback("Talk to a human", "HUMAN")]),
/// ]);
/// assert_eq!(
///     serde_json::to_value(&menu)?,
///     serde_json::json!({"items": [
///         {"text": "Our site", "type": "link", "uri": "https://example.org"},
///         {"text": "More", "type": "submenu", "items": [
///             {"text": "Talk to a human", "type": "postback", "payload": "HUMAN"}
///         ]}
///     ]}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct Menu {
    /// The top-level entries, in order (always sent, also when empty).
    #[model(required, always)]
    pub items: Vec<MenuItem>,
}

impl Menu {
    /// A menu of these entries.
    pub fn new(items: Vec<MenuItem>) -> Self {
        Self {
            items,
            ..Self::default()
        }
    }
}

/// A top-level entry of a [`Menu`] (request and response).
#[model]
pub struct MenuItem {
    /// The label.
    #[model(required)]
    pub text: String,
    /// What the entry does.
    #[model(required)]
    pub r#type: MenuItemType,
    /// The URL a `link` opens.
    pub uri: Option<String>,
    /// The payload a `postback` sends.
    pub payload: Option<String>,
    /// The entries of a `submenu`.
    pub items: Vec<SubMenuItem>,
}

impl MenuItem {
    /// An entry that opens `uri`.
    pub fn link(text: impl Into<String>, uri: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            r#type: MenuItemType::Link,
            uri: Some(uri.into()),
            ..Self::default()
        }
    }

    /// An entry that sends `payload` to the business as a postback.
    pub fn postback(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            r#type: MenuItemType::Postback,
            payload: Some(payload.into()),
            ..Self::default()
        }
    }

    /// An entry that opens a submenu of these entries (menus nest one level deep).
    pub fn submenu(text: impl Into<String>, items: Vec<SubMenuItem>) -> Self {
        Self {
            text: text.into(),
            r#type: MenuItemType::Submenu,
            items,
            ..Self::default()
        }
    }
}

/// An entry of a submenu (request and response). It has no entries of its own: menus nest one
/// level deep, although the spec's [`MenuItemType`] still allows `submenu` here.
#[model]
pub struct SubMenuItem {
    /// The label.
    #[model(required)]
    pub text: String,
    /// What the entry does.
    #[model(required)]
    pub r#type: MenuItemType,
    /// The URL a `link` opens.
    pub uri: Option<String>,
    /// The payload a `postback` sends.
    pub payload: Option<String>,
}

impl SubMenuItem {
    /// An entry that opens `uri`.
    pub fn link(text: impl Into<String>, uri: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            r#type: MenuItemType::Link,
            uri: Some(uri.into()),
            ..Self::default()
        }
    }

    /// An entry that sends `payload` to the business as a postback.
    pub fn postback(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            r#type: MenuItemType::Postback,
            payload: Some(payload.into()),
            ..Self::default()
        }
    }
}

/// Response of the menu operations that return the menu.
#[model]
pub struct MenuResponse {
    /// The menu.
    #[model(key)]
    pub menu: Menu,
}
