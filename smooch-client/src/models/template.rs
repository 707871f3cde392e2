//! Message templates: [`Template`], the bodies [`TemplateCreate`] and [`TemplateUpdate`], and
//! the responses [`TemplateResponse`] and [`ListTemplatesResponse`].
//!
//! A template's message is a [`MessagePost`], the shape a message is sent in: the spec reuses
//! the response `Message` there, whose server fields (`_id`, `authorId`, `received`) no request
//! can give.

use serde::Serialize;
use smooch_macros::Decode;

use super::Extra;
use super::message_post::MessagePost;

/// A message template, sent to users with the shorthand `%((template: name))%` in a message's
/// text (response).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Template {
    /// The template id (`_id`).
    #[serde(rename = "_id")]
    #[decode(key)]
    pub id: String,
    /// The name the shorthand refers to.
    #[decode(required)]
    pub name: String,
    /// The message the template sends, in the shape it was given. Decoded as tolerantly as the
    /// rest of the response: a field the server left out (even `role`) is its default.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[decode(with = super::decode::lenient)]
    pub message: Option<MessagePost>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The body of *create template* (request).
///
/// ```rust
/// use smooch_client::models::{MessagePost, Role, TemplateCreate};
///
/// let template = TemplateCreate::new("greeting", MessagePost::text(Role::AppMaker, "Hello!"));
/// assert_eq!(
///     serde_json::to_string(&template)?,
///     r#"{"name":"greeting","message":{"role":"appMaker","type":"text","text":"Hello!"}}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct TemplateCreate {
    /// The name the shorthand refers to.
    #[decode(required)]
    pub name: String,
    /// The message the template sends.
    #[decode(required)]
    pub message: MessagePost,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl TemplateCreate {
    /// A template named `name` that sends `message`.
    pub fn new(name: impl Into<String>, message: MessagePost) -> Self {
        Self {
            name: name.into(),
            message,
            ..Self::default()
        }
    }
}

/// The body of *update template* (request): only what is set is sent, and changed.
///
/// ```rust
/// use smooch_client::models::{MessagePost, Role, TemplateUpdate};
///
/// let update = TemplateUpdate::new().with_message(MessagePost::text(Role::AppMaker, "Hi!"));
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"message":{"role":"appMaker","type":"text","text":"Hi!"}}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[decode(request)]
#[non_exhaustive]
pub struct TemplateUpdate {
    /// The new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<MessagePost>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl TemplateUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the template.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Replaces the message.
    pub fn with_message(mut self, message: MessagePost) -> Self {
        self.message = Some(message);
        self
    }
}

/// Response of *create*, *get* and *update template*.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TemplateResponse {
    /// The template.
    #[decode(key)]
    pub template: Template,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// Response of *list templates*: one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListTemplatesResponse {
    /// The templates of this page.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
    /// Whether more templates follow (absent means no).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
    /// The offset of this page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

impl crate::Page for ListTemplatesResponse {
    type Item = Template;

    fn has_more(&self) -> bool {
        self.has_more.unwrap_or(false)
    }

    fn into_items(self) -> Vec<Template> {
        self.templates
    }

    fn item_id(item: &Template) -> &str {
        &item.id
    }
}
