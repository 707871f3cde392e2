//! Targeted tests of the models, one file per concern: how responses are decoded whatever the
//! server sends (`tolerance`), how requests are written and checked (`requests`), and the values
//! of the real fixtures (`fixture_values`).

mod constructors;
mod fixture_values;
mod reencode;
mod requests;
mod tolerance;

use std::path::Path;

use serde_json::{Value, json};
use smooch_client::models::{
    Action, ActionSize, ActionState, ActionType, ActivityResponse, ActivityType, ChannelOverride,
    Conversation, ConversationActivity, Coordinates, Destination, DisplaySettings, Field,
    FieldOption, FieldPost, FieldType, GetMessagesResponse, ImageAspectRatio, IntegrationType,
    ItemSize, Location, Message, MessageItem, MessagePost, MessageResponse, MessageType, Metadata,
    QuotedMessageType, Role,
};
use smooch_tests::at;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("does not decode: {e}\n{json}"))
}

fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

/// A minimal valid message with the given extra keys merged in.
fn message_with(extra: Value) -> Value {
    let mut message = json!({
        "_id": "m1",
        "authorId": "a1",
        "role": "appMaker",
        "type": "text",
        "received": 1529675979.541,
        "text": "hi"
    });
    for (k, v) in extra.as_object().unwrap() {
        message[k] = v.clone();
    }
    message
}

fn decode_message(extra: Value) -> Message {
    serde_json::from_value(message_with(extra)).expect("message decodes")
}
