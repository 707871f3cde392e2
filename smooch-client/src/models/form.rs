//! Form fields: [`FieldPost`] (request), [`Field`] (response), [`FieldOption`], [`Select`].

use serde::Serialize;
use smooch_macros::Decode;

use super::{Extra, Id};

use super::enums::FieldType;

/// A form field as sent in a `form` message (request).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FieldPost {
    /// The kind of field.
    #[decode(required)]
    pub r#type: FieldType,
    /// The field's name, unique within the form.
    #[decode(required)]
    pub name: String,
    /// The label shown above the field.
    #[decode(required)]
    pub label: String,
    /// Placeholder text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Minimum length of a `text` field's answer (server default 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_size: Option<u64>,
    /// Maximum length of a `text` field's answer (server default 128).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// The choices of a `select` field (at most 20).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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

    /// Sets the placeholder text.
    pub fn with_placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
    }

    /// Sets the minimum answer length of a `text` field.
    pub fn with_min_size(mut self, min_size: u64) -> Self {
        self.min_size = Some(min_size);
        self
    }

    /// Sets the maximum answer length of a `text` field.
    pub fn with_max_size(mut self, max_size: u64) -> Self {
        self.max_size = Some(max_size);
        self
    }
}

/// A form field as returned on `form` and `formResponse` messages (response).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Field {
    /// The field id (`_id`), set by the server.
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The kind of field.
    #[decode(required)]
    pub r#type: FieldType,
    /// The field's name, unique within the form.
    #[decode(required)]
    pub name: String,
    /// The label shown above the field.
    #[decode(required)]
    pub label: String,
    /// Placeholder text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Minimum length of a `text` field's answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_size: Option<u64>,
    /// Maximum length of a `text` field's answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_size: Option<u64>,
    /// The choices of a `select` field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// How many options can be chosen in a `select` field (set by the server).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select_size: Option<u64>,
    /// The user's answer to a `text` field (`formResponse`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The user's answer to an `email` field (`formResponse`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The options the user chose in a `select` field (`formResponse`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub select: Vec<Select>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
}

/// One choice of a `select` field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FieldOption {
    /// The option id (`_id`); set by the server (response only).
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The option's name, unique within the field.
    #[decode(required)]
    pub name: String,
    /// The option's label.
    #[decode(required)]
    pub label: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Select {
    /// The chosen option's id (`_id`).
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The chosen option's name.
    #[decode(required)]
    pub name: String,
    /// The chosen option's label.
    #[decode(required)]
    pub label: String,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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
