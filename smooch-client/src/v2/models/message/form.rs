//! Forms: [`FormMessage`] and its [`FormMessageField`]s, and the user's answers,
//! [`FormResponseMessage`] and its [`FormResponseMessageField`]s.

use smooch_macros::model;

use crate::models::string_enum;

/// A `form` message: 1 to 20 fields for the user to fill in (Web Messenger, WhatsApp; links
/// elsewhere).
///
/// ```
/// use smooch_client::v2::models::{FormMessage, FormMessageField, FormOption};
///
/// let form = FormMessage::new([
///     FormMessageField::text("name", "Your name").with_placeholder("Jane Doe"),
///     FormMessageField::email("email", "Your email"),
///     FormMessageField::select("size", "Size", [FormOption::new("s", "Small"), FormOption::new("l", "Large")]),
/// ])
/// .with_block_chat_input(true);
/// # assert_eq!(form.fields.len(), 3);
/// ```
#[model(setters)]
pub struct FormMessage {
    /// Whether the user has submitted it (responses only).
    pub submitted: Option<bool>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// The fields (1 to 20).
    #[model(required, add = with_field)]
    pub fields: Vec<FormMessageField>,
    /// Text shown above the form's link on social channels.
    pub text: Option<String>,
}

impl FormMessage {
    /// A form of these fields.
    pub fn new(fields: impl IntoIterator<Item = FormMessageField>) -> Self {
        FormMessage::default().with_fields(fields)
    }
}

/// A `formResponse` message: the user's answers to a form (received, never sent).
#[model(setters)]
pub struct FormResponseMessage {
    /// The answers (1 to 20).
    #[model(required, add = with_field)]
    pub fields: Vec<FormResponseMessageField>,
    /// `label: value` lines of every answer (responses only).
    pub text_fallback: Option<String>,
}

string_enum! {
    in "v2::models";
    /// The kind of a form field (`type`).
    pub enum FieldType {
        /// `email`: an email address.
        Email => "email",
        /// `select`: a choice among options.
        Select => "select",
        /// `text`: free text.
        Text => "text",
    }
}

string_enum! {
    in "v2::models";
    /// The number a `text` field expects (`format`).
    pub enum FieldFormat {
        /// `integer`.
        Integer => "integer",
        /// `decimal`.
        Decimal => "decimal",
    }
}

/// A field of a form: what to ask (and, as sent back, the answer).
#[model(setters)]
pub struct FormMessageField {
    /// The kind of field.
    #[model(required)]
    pub r#type: FieldType,
    /// Its key, unique in the form (1 to 128 characters).
    #[model(required)]
    pub name: String,
    /// The label shown (1 to 128 characters).
    #[model(required)]
    pub label: String,
    /// The answer of a `text` field.
    pub text: Option<String>,
    /// The answer of an `email` field.
    pub email: Option<String>,
    /// The options chosen in a `select` field.
    pub select: Vec<FormOption>,
    /// The number a `text` field expects.
    pub format: Option<FieldFormat>,
    /// A hint shown in the empty field.
    pub placeholder: Option<String>,
    /// The shortest answer of a `text` field (1 to 256; 1 by default).
    pub min_size: Option<u32>,
    /// The longest answer of a `text` field (1 to 256; 128 by default).
    pub max_size: Option<u32>,
    /// The choices of a `select` field (at most 200).
    #[model(add = with_option)]
    pub options: Vec<FormOption>,
}

impl FormMessageField {
    /// A field of this type.
    pub fn new(r#type: FieldType, name: impl Into<String>, label: impl Into<String>) -> Self {
        FormMessageField {
            r#type,
            name: name.into(),
            label: label.into(),
            ..FormMessageField::default()
        }
    }

    /// A `text` field.
    pub fn text(name: impl Into<String>, label: impl Into<String>) -> Self {
        FormMessageField::new(FieldType::Text, name, label)
    }

    /// An `email` field.
    pub fn email(name: impl Into<String>, label: impl Into<String>) -> Self {
        FormMessageField::new(FieldType::Email, name, label)
    }

    /// A `select` field offering `options`.
    pub fn select(
        name: impl Into<String>,
        label: impl Into<String>,
        options: impl IntoIterator<Item = FormOption>,
    ) -> Self {
        FormMessageField::new(FieldType::Select, name, label).with_options(options)
    }
}

/// An answer of a form response.
#[model(setters)]
pub struct FormResponseMessageField {
    /// The kind of field.
    #[model(required)]
    pub r#type: FieldType,
    /// Its key, unique in the response.
    #[model(required)]
    pub name: String,
    /// The label shown.
    #[model(required)]
    pub label: String,
    /// The answer of a `text` field.
    pub text: Option<String>,
    /// The answer of an `email` field.
    pub email: Option<String>,
    /// The options chosen in a `select` field.
    pub select: Vec<FormOption>,
    /// The number a `text` field expects.
    pub format: Option<FieldFormat>,
    /// The id of the form message this answers (requests only).
    pub quoted_message_id: Option<String>,
}

/// An option of a `select` field.
#[model(setters)]
pub struct FormOption {
    /// Its label (1 to 128 characters).
    pub label: Option<String>,
    /// Its key, unique in the field (1 to 128 characters).
    pub name: Option<String>,
}

impl FormOption {
    /// The option `name`, shown as `label`.
    pub fn new(name: impl Into<String>, label: impl Into<String>) -> Self {
        FormOption::default().with_name(name).with_label(label)
    }
}
