//! Form fields: [`FieldPost`] (request), [`Field`] (response), [`FieldOption`], [`Select`].

use smooch_macros::model;

use super::Id;

use super::enums::FieldType;

/// A form field as sent in a `form` message (request).
#[model]
pub struct FieldPost {
    /// The kind of field.
    #[model(required)]
    pub r#type: FieldType,
    /// The field's name, unique within the form.
    #[model(required)]
    pub name: String,
    /// The label shown above the field.
    #[model(required)]
    pub label: String,
    /// Placeholder text.
    #[model(setter)]
    pub placeholder: Option<String>,
    /// Minimum length of a `text` field's answer (server default 1).
    #[model(setter)]
    pub min_size: Option<u64>,
    /// Maximum length of a `text` field's answer (server default 128).
    #[model(setter)]
    pub max_size: Option<u64>,
    /// The choices of a `select` field (at most 20).
    pub options: Vec<FieldOption>,
}

impl FieldPost {
    fn new(r#type: FieldType, name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            r#type,
            name: name.into(),
            label: label.into(),
            ..Self::default()
        }
    }

    /// A free-text field.
    ///
    /// ```rust
    /// use smooch_client::models::{FieldOption, FieldPost, MessagePost};
    ///
    /// let form = MessagePost::form(vec![
    ///     FieldPost::text("full_name", "Your name?").with_placeholder("Type your name...").with_max_size(30),
    ///     FieldPost::email("email_address", "Your email?"),
    ///     FieldPost::select("meal", "Your meal?", vec![FieldOption::new("pizza", "Pizza")]),
    /// ]);
    /// # assert_eq!(form.fields.len(), 3);
    /// ```
    pub fn text(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self::new(FieldType::Text, name, label)
    }

    /// An email field.
    pub fn email(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self::new(FieldType::Email, name, label)
    }

    /// A `select` field offering `options` (at most 20).
    pub fn select(
        name: impl Into<String>,
        label: impl Into<String>,
        options: Vec<FieldOption>,
    ) -> Self {
        Self {
            options,
            ..Self::new(FieldType::Select, name, label)
        }
    }
}

/// A form field as returned on `form` and `formResponse` messages (response).
#[model]
pub struct Field {
    /// The field id (`_id`), set by the server.
    #[serde(rename = "_id")]
    pub id: Option<Id>,
    /// The kind of field.
    #[model(required)]
    pub r#type: FieldType,
    /// The field's name, unique within the form.
    #[model(required)]
    pub name: String,
    /// The label shown above the field.
    #[model(required)]
    pub label: String,
    /// Placeholder text.
    pub placeholder: Option<String>,
    /// Minimum length of a `text` field's answer.
    pub min_size: Option<u64>,
    /// Maximum length of a `text` field's answer.
    pub max_size: Option<u64>,
    /// The choices of a `select` field.
    pub options: Vec<FieldOption>,
    /// How many options can be chosen in a `select` field (set by the server).
    pub select_size: Option<u64>,
    /// The user's answer to a `text` field (`formResponse`).
    pub text: Option<String>,
    /// The user's answer to an `email` field (`formResponse`).
    pub email: Option<String>,
    /// The options the user chose in a `select` field (`formResponse`).
    pub select: Vec<Select>,
}

/// One choice of a `select` field.
#[model]
pub struct FieldOption {
    /// The option id (`_id`); set by the server (response only).
    #[serde(rename = "_id")]
    pub id: Option<Id>,
    /// The option's name, unique within the field.
    #[model(required)]
    pub name: String,
    /// The option's label.
    #[model(required)]
    pub label: String,
}

impl FieldOption {
    /// An option with a name (unique within the field) and a label.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            ..Self::default()
        }
    }
}

/// An option chosen by the user in a `select` field (`formResponse`).
#[model]
pub struct Select {
    /// The chosen option's id (`_id`).
    #[serde(rename = "_id")]
    pub id: Option<Id>,
    /// The chosen option's name.
    #[model(required)]
    pub name: String,
    /// The chosen option's label.
    #[model(required)]
    pub label: String,
}

impl Select {
    /// A chosen option with its name and label.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            ..Self::default()
        }
    }
}
