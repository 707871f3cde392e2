//! Every real request and response body in `tests/fixtures/` decodes into its
//! model, and encodes back to the same JSON (so nothing is lost, unknown keys included).

use serde_json::Value;
use smooch_tests::fixtures::{self, Model};

#[test]
fn every_fixture_decodes_as_its_model() {
    let files = fixtures::all();
    let mut checked = 0;
    for (name, text) in &files {
        let model =
            Model::of(name).unwrap_or_else(|| panic!("{name}: no model for this file name"));
        let encoded = model
            .round_trip_text(text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        if model == Model::EmptyObject {
            assert_eq!(encoded, serde_json::json!({}), "{name}: expected {{}}");
        }
        checked += 1;
    }
    let in_dir = std::fs::read_dir(fixtures::dir()).unwrap().count();
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
    for (name, text) in fixtures::all() {
        let model = Model::of(&name).unwrap();
        let original: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let encoded = model
            .round_trip_text(&text)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            encoded,
            original,
            "{name}: the re-encoded JSON differs from the fixture\nre-encoded: {}\noriginal:   {}",
            serde_json::to_string(&encoded).unwrap(),
            serde_json::to_string(&original).unwrap(),
        );
        checked += 1;
    }
    assert_eq!(checked, std::fs::read_dir(fixtures::dir()).unwrap().count());
}

#[test]
fn every_file_name_maps_to_the_expected_model() {
    let expect = [
        (
            "conversation-activity.request.json",
            Model::ConversationActivity,
        ),
        (
            "business-read-receipt.request.json",
            Model::ConversationActivity,
        ),
        ("abc-text.request.json", Model::MessagePost),
        (
            "post-message.message-example.201.json",
            Model::MessageResponse,
        ),
        (
            "get-messages.get-messages-example.200.json",
            Model::GetMessagesResponse,
        ),
        (
            "conversation-activity.conversation-activity-example.200.json",
            Model::ActivityResponse,
        ),
        (
            "business-read-receipt.business-read-receipt-example.200.json",
            Model::ActivityResponse,
        ),
        (
            "delete-single-message.delete-single-message-example.200.json",
            Model::EmptyObject,
        ),
    ];
    for (name, model) in expect {
        assert_eq!(Model::of(name), Some(model), "{name}");
        assert!(fixtures::dir().join(name).is_file(), "{name} is missing");
    }
}
