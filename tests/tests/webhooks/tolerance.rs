//! What the event decoder tolerates (as much as the response models do), what it refuses, and
//! that refusals quote nothing of the payload.

use serde_json::json;
use smooch_client::models::{MessageType, Role};
use smooch_client::webhook::{Event, WebhookError};
use smooch_tests::events::{self as payloads, APP_ID};

use super::{at, event, refused};

#[test]
fn an_unknown_trigger_is_kept_with_its_raw_json() {
    let raw = json!({
        "trigger": "conversation:archive",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "archivedBy": {"role": "appMaker"}
    });
    let decoded = event(raw.clone());
    assert!(decoded.is_unknown());
    assert_eq!(decoded.trigger(), "conversation:archive");
    assert_eq!(decoded.app_id(), Some(APP_ID));
    assert_eq!(decoded.version(), Some("v1.1"));
    assert_eq!(
        decoded,
        Event::Unknown {
            trigger: "conversation:archive".into(),
            raw: raw.clone()
        }
    );
    assert_eq!(serde_json::to_value(&decoded).unwrap(), raw);

    // Subscription-only values never name a payload's trigger: kept as unknown too.
    for trigger in ["message", "*"] {
        assert!(event(json!({"trigger": trigger, "app": {"_id": "a"}})).is_unknown());
    }
    // An unknown trigger needs nothing else.
    let bare = event(json!({"trigger": "brand:new"}));
    assert_eq!(bare.app_id(), None);
    assert_eq!(bare.version(), None);
}

#[test]
fn explicit_nulls_are_absent() {
    let mut value = payloads::message_app_user();
    value["version"] = json!(null);
    value["conversation"] = json!(null);
    value["client"] = json!(null);
    value["appUser"]["userId"] = json!(null);
    value["messages"][0]["name"] = json!(null);
    value["messages"][0]["source"] = json!(null);
    let Event::MessageAppUser(e) = event(value) else {
        panic!("wrong variant");
    };
    assert_eq!(e.envelope.version, None);
    assert_eq!(e.envelope.conversation, None);
    assert_eq!(e.envelope.client, None);
    assert_eq!(e.envelope.app_user.unwrap().user_id, None);
    assert_eq!(e.messages[0].name, None);
    assert_eq!(e.messages[0].source, None);

    let Event::Postback(e) = event(json!({
        "trigger": "postback", "app": {"_id": "a"}, "postbacks": null, "appUser": null
    })) else {
        panic!("wrong variant");
    };
    assert!(e.postbacks.is_empty());
}

#[test]
fn unknown_keys_and_enum_values_are_kept() {
    let mut value = payloads::message_app_user();
    value["deliveredVia"] = json!({"region": "eu-1"});
    value["messages"][0]["type"] = json!("sticker");
    value["messages"][0]["role"] = json!("business");
    value["messages"][0]["sticker"] = json!({"id": 77});
    value["client"]["platform"] = json!("kakao");
    value["client"]["status"] = json!("snoozed");
    let Event::MessageAppUser(e) = event(value.clone()) else {
        panic!("wrong variant");
    };
    assert_eq!(e.extra["deliveredVia"]["region"], "eu-1");
    let message = &e.messages[0];
    assert_eq!(message.r#type, MessageType::Unknown("sticker".into()));
    assert_eq!(message.role, Role::Unknown("business".into()));
    assert_eq!(message.extra["sticker"]["id"], 77);
    let client = e.envelope.client.as_ref().unwrap();
    assert_eq!(client.platform.as_ref().unwrap().as_str(), "kakao");
    assert!(client.platform.as_ref().unwrap().is_unknown());
    assert_eq!(client.status.as_ref().unwrap().as_str(), "snoozed");
    let again = serde_json::to_value(Event::MessageAppUser(e)).unwrap();
    assert_eq!(again["deliveredVia"], value["deliveredVia"]);
    assert_eq!(
        again["messages"][0]["sticker"],
        value["messages"][0]["sticker"]
    );
}

#[test]
fn integer_times_are_seconds() {
    let decoded = event(json!({
        "trigger": "conversation:read", "app": {"_id": "a"}, "appUser": {"_id": "u"},
        "timestamp": 1704877450
    }));
    assert_eq!(decoded.timestamp(), Some(at(1704877450.0)));
}

#[test]
fn several_messages_in_one_payload_are_all_read() {
    let mut value = payloads::message_app_user();
    let mut second = payloads::user_message();
    second["_id"] = json!("65a2c0de1f9b4e37a8d05c12");
    second["text"] = json!("And on Sundays?");
    second["received"] = json!(1704877201);
    value["messages"].as_array_mut().unwrap().push(second);
    let decoded = event(value);
    let texts: Vec<&str> = decoded
        .messages()
        .iter()
        .map(|m| m.text.as_deref().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Do you deliver to Porto on Saturdays?", "And on Sundays?"]
    );

    let mut taps = payloads::postback();
    taps["postbacks"]
        .as_array_mut()
        .unwrap()
        .push(json!({"action": {"type": "postback", "payload": "MENU_HELP"}}));
    let Event::Postback(e) = event(taps) else {
        panic!("wrong variant");
    };
    assert_eq!(e.postbacks.len(), 2);
    assert_eq!(e.postbacks[1].message, None, "a persistent-menu postback");
    assert_eq!(e.postbacks[1].action.payload.as_deref(), Some("MENU_HELP"));
}

#[test]
fn bodies_that_are_not_json_are_refused_with_where_they_break() {
    for body in [
        &b""[..],
        b"trigger=message",
        b"{\"trigger\": ",
        b"\xff\xfe",
        b"{} {}",
    ] {
        let error = Event::from_slice(body).unwrap_err();
        assert!(matches!(error, WebhookError::NotJson { .. }), "{error:?}");
        assert_eq!(error.status().as_u16(), 400);
    }
    assert_eq!(
        Event::from_slice(b"{\n  \"trigger\" x").unwrap_err(),
        WebhookError::NotJson {
            line: 2,
            column: 13
        }
    );
}

#[test]
fn json_that_is_not_an_event_is_invalid() {
    for value in [
        json!([1, 2]),
        json!("message:appUser"),
        json!({"app": {"_id": "a"}}),
        json!({"trigger": 7}),
    ] {
        let error = refused(value.clone());
        assert!(
            matches!(error, WebhookError::Invalid { .. }),
            "{value}: {error:?}"
        );
        assert_eq!(error.status().as_u16(), 400);
    }
    // A known trigger needs its app.
    let error = refused(json!({"trigger": "postback", "postbacks": []}));
    assert!(error.to_string().contains("missing field `app`"), "{error}");
}

#[test]
fn a_known_trigger_with_a_wrong_value_names_the_path_but_not_the_value() {
    let mut value = payloads::message_app_user();
    value["messages"][0]["received"] = json!("s3cr3t-customer-text");
    let error = refused(value);
    let text = error.to_string();
    assert_eq!(
        error,
        WebhookError::Invalid {
            trigger: "message:appUser".into(),
            problem: "messages[0].received: invalid value: string, expected Unix seconds".into()
        }
    );
    let debug = format!("{error:?}");
    assert!(
        !text.contains("s3cr3t") && !debug.contains("s3cr3t"),
        "{text} {debug}"
    );
}
