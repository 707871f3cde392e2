//! The real bodies in `tests/fixtures/` and the model each one decodes into, chosen from its
//! file name.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use smooch_client::models::{
    ActivityResponse, ConversationActivity, GetMessagesResponse, MessagePost, MessageResponse,
};

/// The model a fixture decodes into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    MessagePost,
    ConversationActivity,
    MessageResponse,
    GetMessagesResponse,
    ActivityResponse,
    /// DELETE answers `{}`.
    EmptyObject,
}

impl Model {
    /// The model of the fixture named `name`, if its name says.
    pub fn of(name: &str) -> Option<Model> {
        let is_activity =
            name.starts_with("conversation-activity") || name.starts_with("business-read-receipt");
        if name.ends_with(".request.json") {
            Some(if is_activity {
                Model::ConversationActivity
            } else {
                Model::MessagePost
            })
        } else if name.ends_with(".201.json") {
            Some(Model::MessageResponse)
        } else if name.ends_with(".200.json") {
            if name.starts_with("get-messages") {
                Some(Model::GetMessagesResponse)
            } else if is_activity {
                Some(Model::ActivityResponse)
            } else if name.starts_with("delete-single-message") {
                Some(Model::EmptyObject)
            } else {
                None
            }
        } else {
            None
        }
    }

    /// Whether the server sends it (rather than the client).
    pub fn is_response(self) -> bool {
        !matches!(self, Model::MessagePost | Model::ConversationActivity)
    }

    /// `json` decoded as this model and encoded back.
    pub fn round_trip(self, json: &Value) -> Result<Value, String> {
        self.round_trip_text(&json.to_string())
    }

    /// `text` decoded as this model and encoded back.
    pub fn round_trip_text(self, text: &str) -> Result<Value, String> {
        match self {
            Model::MessagePost => decode_encode::<MessagePost>(text),
            Model::ConversationActivity => decode_encode::<ConversationActivity>(text),
            Model::MessageResponse => decode_encode::<MessageResponse>(text),
            Model::GetMessagesResponse => decode_encode::<GetMessagesResponse>(text),
            Model::ActivityResponse => decode_encode::<ActivityResponse>(text),
            Model::EmptyObject => serde_json::from_str(text).map_err(|e| e.to_string()),
        }
    }
}

fn decode_encode<T: DeserializeOwned + Serialize>(text: &str) -> Result<Value, String> {
    let decoded: T = serde_json::from_str(text)
        .map_err(|e| format!("does not decode as {}: {e}", std::any::type_name::<T>()))?;
    serde_json::to_value(&decoded).map_err(|e| format!("does not encode: {e}"))
}

/// `tests/fixtures/`.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every fixture file, sorted: `(file name, contents)`.
pub fn all() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(dir())
        .expect("read tests/fixtures")
        .map(|entry| {
            let path = entry.expect("directory entry").path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            (name, text)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures found");
    files
}
