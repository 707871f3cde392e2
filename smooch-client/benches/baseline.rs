//! The bar decoding is measured against: the structs a hand-written client would write for the
//! same fields as this crate's models, with plain `#[derive(Deserialize)]` (strings for the
//! API's enums, `Option` for optional fields, `#[serde(default)]` on arrays). They do none of
//! what the models add: `null` on a required field, a repeated key or an unknown enum value
//! would fail or allocate here.
#![allow(dead_code, missing_docs)]

use serde::Deserialize;

pub type Metadata = serde_json::Map<String, serde_json::Value>;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    #[serde(rename = "_id")]
    pub id: String,
    pub unread_count: u64,
    pub app_maker_last_read: Option<f64>,
    pub app_user_last_read: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub id: Option<String>,
    pub original_message_id: Option<String>,
    pub original_message_timestamp: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    #[serde(rename = "_id")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub text: Option<String>,
    pub payload: Option<String>,
    pub metadata: Option<Metadata>,
    pub amount: Option<u64>,
    pub currency: Option<String>,
    pub default: Option<bool>,
    pub icon_url: Option<String>,
    pub uri: Option<String>,
    pub fallback: Option<String>,
    pub size: Option<String>,
    pub extra_channel_options: Option<Metadata>,
    pub open_on_receive: Option<bool>,
    pub state: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    #[serde(rename = "_id")]
    pub id: Option<String>,
    pub title: String,
    pub description: Option<String>,
    pub media_url: Option<String>,
    pub media_type: Option<String>,
    pub alt_text: Option<String>,
    pub size: Option<String>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DisplaySettings {
    pub image_aspect_ratio: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldOption {
    #[serde(rename = "_id")]
    pub id: Option<String>,
    pub name: String,
    pub label: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    #[serde(rename = "_id")]
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub label: String,
    pub placeholder: Option<String>,
    pub min_size: Option<u64>,
    pub max_size: Option<u64>,
    #[serde(default)]
    pub options: Vec<FieldOption>,
    pub select_size: Option<u64>,
    pub text: Option<String>,
    pub email: Option<String>,
    #[serde(default)]
    pub select: Vec<FieldOption>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuotedMessage {
    #[serde(rename = "type")]
    pub kind: String,
    pub external_message_id: Option<String>,
    pub content: Option<Box<Message>>,
}

#[derive(Deserialize)]
pub struct Coordinates {
    pub lat: f64,
    pub long: f64,
}

#[derive(Deserialize)]
pub struct Location {
    pub address: Option<String>,
    pub name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    #[serde(rename = "_id")]
    pub id: String,
    pub author_id: String,
    pub role: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub received: f64,
    pub source: Option<Source>,
    pub name: Option<String>,
    pub text: Option<String>,
    pub email: Option<String>,
    pub avatar_url: Option<String>,
    pub media_url: Option<String>,
    pub media_type: Option<String>,
    pub media_size: Option<u64>,
    pub alt_text: Option<String>,
    pub metadata: Option<Metadata>,
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub actions: Vec<Action>,
    pub payload: Option<String>,
    pub display_settings: Option<DisplaySettings>,
    pub block_chat_input: Option<bool>,
    #[serde(default)]
    pub fields: Vec<Field>,
    pub submitted: Option<bool>,
    pub quoted_message: Option<QuotedMessage>,
    pub text_fallback: Option<String>,
    pub coordinates: Option<Coordinates>,
    pub location: Option<Location>,
}

#[derive(Deserialize)]
pub struct GetMessagesResponse {
    pub conversation: Option<Conversation>,
    #[serde(default)]
    pub messages: Vec<Message>,
    pub next: Option<String>,
    pub previous: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageResponse {
    pub message: Message,
    #[serde(default)]
    pub extra_messages: Vec<Message>,
    pub conversation: Conversation,
}
