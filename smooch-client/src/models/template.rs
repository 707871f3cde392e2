//! Message templates: [`Template`], the bodies [`TemplateCreate`] and [`TemplateUpdate`], and
//! the responses [`TemplateResponse`] and [`ListTemplatesResponse`].
//!
//! A template's message is a [`MessagePost`], the shape a message is sent in: the spec reuses
//! the response `Message` there, whose server fields (`_id`, `authorId`, `received`) no request
//! can give.

use smooch_macros::model;

use super::message_post::MessagePost;

/// A message template, sent to users with the shorthand `%((template: name))%` in a message's
/// text (response).
#[model]
pub struct Template {
    /// The template id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// The name the shorthand refers to.
    #[model(required)]
    pub name: String,
    /// The message the template sends, in the shape it was given. Decoded as tolerantly as the
    /// rest of the response: a field the server left out (even `role`) is its default.
    pub message: Option<MessagePost>,
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
#[model(request)]
pub struct TemplateCreate {
    /// The name the shorthand refers to.
    #[model(required)]
    pub name: String,
    /// The message the template sends.
    #[model(required)]
    pub message: MessagePost,
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
#[model(request, setters)]
pub struct TemplateUpdate {
    /// The new name.
    pub name: Option<String>,
    /// The new message.
    pub message: Option<MessagePost>,
}

impl TemplateUpdate {
    /// An update that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

/// Response of *create*, *get* and *update template*.
#[model]
pub struct TemplateResponse {
    /// The template.
    #[model(key)]
    pub template: Template,
}

/// Response of *list templates*: one page.
#[model]
pub struct ListTemplatesResponse {
    /// The templates of this page.
    pub templates: Vec<Template>,
    /// Whether more templates follow (absent means no).
    pub has_more: Option<bool>,
    /// The offset of this page.
    pub offset: Option<u64>,
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
