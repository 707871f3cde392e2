//! Every real request and response body in `tests/fixtures/` decodes into its
//! model, and encodes back to the same JSON (so every field is modelled).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use smooch_client::models::{
    ActivityResponse, ConversationActivity, GetMessagesResponse, MessagePost, MessageResponse,
};

/// The model a fixture decodes into, chosen from its file name.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    MessagePost,
    ConversationActivity,
    MessageResponse,
    GetMessagesResponse,
    ActivityResponse,
    /// DELETE answers `{}`.
    EmptyObject,
}

fn kind_of(name: &str) -> Option<Kind> {
    let is_activity =
        name.starts_with("conversation-activity") || name.starts_with("business-read-receipt");
    if name.ends_with(".request.json") {
        Some(if is_activity {
            Kind::ConversationActivity
        } else {
            Kind::MessagePost
        })
    } else if name.ends_with(".201.json") {
        Some(Kind::MessageResponse)
    } else if name.ends_with(".200.json") {
        if name.starts_with("get-messages") {
            Some(Kind::GetMessagesResponse)
        } else if is_activity {
            Some(Kind::ActivityResponse)
        } else if name.starts_with("delete-single-message") {
            Some(Kind::EmptyObject)
        } else {
            None
        }
    } else {
        None
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// All fixture files, sorted: `(file name, contents)`.
fn fixtures() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(fixtures_dir())
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

/// Decodes `text` as `T` (failing with the file name), then encodes it back.
fn decode_encode<T: DeserializeOwned + Serialize>(name: &str, text: &str) -> Value {
    let decoded: T = serde_json::from_str(text).unwrap_or_else(|e| {
        panic!(
            "{name}: does not decode as {}: {e}",
            std::any::type_name::<T>()
        )
    });
    serde_json::to_value(&decoded).unwrap_or_else(|e| panic!("{name}: does not encode: {e}"))
}

/// The fixture decoded as its model and encoded back to JSON.
fn round_trip(kind: Kind, name: &str, text: &str) -> Value {
    match kind {
        Kind::MessagePost => decode_encode::<MessagePost>(name, text),
        Kind::ConversationActivity => decode_encode::<ConversationActivity>(name, text),
        Kind::MessageResponse => decode_encode::<MessageResponse>(name, text),
        Kind::GetMessagesResponse => decode_encode::<GetMessagesResponse>(name, text),
        Kind::ActivityResponse => decode_encode::<ActivityResponse>(name, text),
        Kind::EmptyObject => {
            serde_json::from_str::<Value>(text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"))
        }
    }
}

#[test]
fn every_fixture_decodes_as_its_model() {
    let files = fixtures();
    let mut checked = 0;
    for (name, text) in &files {
        let kind = kind_of(name).unwrap_or_else(|| panic!("{name}: no model for this file name"));
        let encoded = round_trip(kind, name, text);
        if kind == Kind::EmptyObject {
            assert_eq!(encoded, serde_json::json!({}), "{name}: expected {{}}");
        }
        checked += 1;
    }
    let in_dir = fs::read_dir(fixtures_dir()).unwrap().count();
    assert_eq!(checked, in_dir, "some fixtures were not checked");
}

#[test]
fn every_fixture_round_trips_to_the_same_json() {
    // No adjustment is needed: no fixture carries an empty array or a `null`
    // in a modelled field (those would be left out when encoding), and every
    // float in a modelled field has a fraction (an integer `received` would
    // come back as a float). The one file with a repeated key
    // (business-read-receipt...200.json, `unreadCount` twice) is compared
    // with serde_json's own parse of it, which also keeps the last value.
    let mut checked = 0;
    for (name, text) in fixtures() {
        let kind = kind_of(&name).unwrap();
        let original: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let encoded = round_trip(kind, &name, &text);
        assert_eq!(
            encoded,
            original,
            "{name}: the re-encoded JSON differs from the fixture\nre-encoded: {}\noriginal:   {}",
            serde_json::to_string(&encoded).unwrap(),
            serde_json::to_string(&original).unwrap(),
        );
        checked += 1;
    }
    assert_eq!(checked, fs::read_dir(fixtures_dir()).unwrap().count());
}

#[test]
fn every_file_name_maps_to_the_expected_model() {
    let expect = [
        (
            "conversation-activity.request.json",
            Kind::ConversationActivity,
        ),
        (
            "business-read-receipt.request.json",
            Kind::ConversationActivity,
        ),
        ("abc-text.request.json", Kind::MessagePost),
        (
            "post-message.message-example.201.json",
            Kind::MessageResponse,
        ),
        (
            "get-messages.get-messages-example.200.json",
            Kind::GetMessagesResponse,
        ),
        (
            "conversation-activity.conversation-activity-example.200.json",
            Kind::ActivityResponse,
        ),
        (
            "business-read-receipt.business-read-receipt-example.200.json",
            Kind::ActivityResponse,
        ),
        (
            "delete-single-message.delete-single-message-example.200.json",
            Kind::EmptyObject,
        ),
    ];
    for (name, kind) in expect {
        assert_eq!(kind_of(name), Some(kind), "{name}");
        assert!(fixtures_dir().join(name).is_file(), "{name} is missing");
    }
}
