use super::*;

// ---------------------------------------------------------------------------
// Unknown enum values
// ---------------------------------------------------------------------------

#[test]
fn unknown_message_type_and_role_are_kept_and_sent_back() {
    let original = message_with(json!({"type": "hologram", "role": "bot"}));
    let message: Message = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(message.r#type, MessageType::Unknown("hologram".into()));
    assert_eq!(message.role, Role::Unknown("bot".into()));
    assert!(message.r#type.is_unknown());
    assert_eq!(to_json(&message), original);
}

#[test]
fn unknown_values_of_every_enum_decode_into_unknown_and_encode_unchanged() {
    let original = message_with(json!({
        "actions": [{"type": "teleport", "text": "Go", "size": "huge", "state": "refunded"}],
        "items": [{"title": "t", "size": "gigantic", "actions": [{"type": "link", "uri": "u"}]}],
        "displaySettings": {"imageAspectRatio": "vertical"},
        "fields": [{"type": "date", "name": "n", "label": "l"}],
        "quotedMessage": {"type": "reference"}
    }));
    let message: Message = serde_json::from_value(original.clone()).unwrap();
    let action = &message.actions[0];
    assert_eq!(action.r#type, ActionType::Unknown("teleport".into()));
    assert_eq!(action.size, Some(ActionSize::Unknown("huge".into())));
    assert_eq!(action.state, Some(ActionState::Unknown("refunded".into())));
    assert_eq!(
        message.items[0].size,
        Some(ItemSize::Unknown("gigantic".into()))
    );
    assert_eq!(
        message
            .display_settings
            .as_ref()
            .unwrap()
            .image_aspect_ratio,
        Some(ImageAspectRatio::Unknown("vertical".into()))
    );
    assert_eq!(message.fields[0].r#type, FieldType::Unknown("date".into()));
    assert_eq!(
        message.quoted_message.as_ref().unwrap().r#type,
        QuotedMessageType::Unknown("reference".into())
    );
    assert_eq!(to_json(&message), original);

    let activity: ConversationActivity =
        decode(r#"{"role":"appMaker","type":"conversation:archive"}"#);
    assert_eq!(
        activity.r#type,
        ActivityType::Unknown("conversation:archive".into())
    );
    assert_eq!(
        serde_json::to_string(&activity).unwrap(),
        r#"{"role":"appMaker","type":"conversation:archive"}"#
    );

    let post: MessagePost =
        decode(r#"{"role":"appMaker","destination":{"integrationType":"slack"}}"#);
    assert_eq!(
        post.destination.unwrap().integration_type,
        Some(IntegrationType::Unknown("slack".into()))
    );
}

#[test]
fn enum_conversions_and_escaped_strings() {
    assert_eq!(ActivityType::TypingStart.as_str(), "typing:start");
    assert_eq!(ActionType::LocationRequest.to_string(), "locationRequest");
    assert_eq!(
        "formResponse".parse::<MessageType>(),
        Ok(MessageType::FormResponse)
    );
    assert_eq!(Role::from("whisper"), Role::Whisper);
    assert_eq!(Role::from(String::from("appUser")), Role::AppUser);
    assert_eq!(Role::from("x"), Role::Unknown("x".into()));
    assert_eq!(Role::default(), Role::Unknown(String::new()));
    assert_eq!(IntegrationType::from("whatsapp"), IntegrationType::Whatsapp);
    assert_eq!(
        QuotedMessageType::ExternalMessageId.as_str(),
        "externalMessageId"
    );

    // An escaped string is not borrowed from the input: the owned path must
    // still recognise known values.
    let message = decode_message(json!({}));
    assert_eq!(message.r#type, MessageType::Text);
    let escaped: Message = decode(
        r#"{"_id":"m","authorId":"a","role":"app\u004daker","type":"t\u0065xt","received":1.5}"#,
    );
    assert_eq!(escaped.role, Role::AppMaker);
    assert_eq!(escaped.r#type, MessageType::Text);
    // From a reader (no borrowing at all).
    let from_reader: Message = serde_json::from_reader(
        r#"{"_id":"m","authorId":"a","role":"appUser","type":"image","received":1.5}"#.as_bytes(),
    )
    .unwrap();
    assert_eq!(from_reader.role, Role::AppUser);
    assert_eq!(from_reader.r#type, MessageType::Image);
}

// ---------------------------------------------------------------------------
// Unknown keys
// ---------------------------------------------------------------------------

#[test]
fn unknown_keys_are_kept_at_every_level_and_sent_back() {
    let json = json!({
        "message": message_with(json!({
            "newTopLevel": {"deep": [1, 2, 3]},
            "actions": [{"type": "link", "text": "t", "uri": "u", "newActionKey": true}],
            "items": [{"title": "t", "newItemKey": 1, "actions": [{"type": "link", "uri": "v"}]}],
            "fields": [{"type": "select", "name": "n", "label": "l", "newFieldKey": null,
                        "options": [{"name": "o", "label": "O", "newOptionKey": "x"}]}],
            "source": {"type": "web", "newSourceKey": 2},
            "coordinates": {"lat": 1.5, "long": 2.5, "_id": "c1"},
            "location": {"address": "a", "newLocationKey": "x"}
        })),
        "conversation": {"_id": "c", "unreadCount": 2, "newConversationKey": {"a": [null]}},
        "newResponseKey": "x"
    });
    let response: MessageResponse = serde_json::from_value(json.clone()).unwrap();
    let message = &response.message;
    assert_eq!(message.actions[0].uri.as_deref(), Some("u"));
    assert_eq!(message.extra["newTopLevel"], json!({"deep": [1, 2, 3]}));
    assert_eq!(message.actions[0].extra["newActionKey"], true);
    assert_eq!(message.items[0].extra["newItemKey"], 1);
    assert_eq!(
        message.fields[0].extra.get("newFieldKey"),
        Some(&Value::Null)
    );
    assert_eq!(message.fields[0].options[0].extra["newOptionKey"], "x");
    assert_eq!(message.source.as_ref().unwrap().extra["newSourceKey"], 2);
    assert_eq!(message.coordinates.as_ref().unwrap().extra["_id"], "c1");
    assert_eq!(
        message.location.as_ref().unwrap().extra["newLocationKey"],
        "x"
    );
    assert_eq!(
        response.conversation.extra["newConversationKey"],
        json!({"a": [null]})
    );
    assert_eq!(response.extra["newResponseKey"], "x");
    // Known keys never land in `extra`.
    assert_eq!(message.extra.len(), 1, "{:?}", message.extra);
    assert_eq!(to_json(&response), json, "sent back unchanged");
}

#[test]
fn a_message_of_an_unknown_type_keeps_its_fields() {
    let original = message_with(json!({
        "type": "richLink",
        "richLink": {"url": "https://example.org", "title": "Example"},
        "preview": true,
        "actions": [{"type": "call", "text": "Call us", "phoneNumber": "+15145550100"}]
    }));
    let message: Message = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(message.r#type, MessageType::Unknown("richLink".into()));
    assert_eq!(message.extra["richLink"]["title"], "Example");
    assert_eq!(message.extra["preview"], true);
    let action = &message.actions[0];
    assert_eq!(action.r#type, ActionType::Unknown("call".into()));
    assert_eq!(action.text.as_deref(), Some("Call us"));
    assert_eq!(action.extra["phoneNumber"], "+15145550100");
    assert_eq!(to_json(&message), original);
}

/// The class: in every real body, a key added to every object of the tree is kept by the model
/// that decodes that object, and the whole body is sent back as it came.
#[test]
fn every_object_of_every_fixture_keeps_an_unknown_key() {
    fn add_key(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (_, child) in map.iter_mut() {
                    add_key(child);
                }
                map.insert("zzUnknown".into(), json!({"kept": [1, "two", null]}));
            }
            Value::Array(items) => items.iter_mut().for_each(add_key),
            _ => {}
        }
    }
    let mut checked = 0;
    for (name, kind) in smooch_tests::response_fixtures() {
        let mut value: Value = serde_json::from_str(&fixture(&name)).unwrap();
        add_key(&mut value);
        let reencoded = kind
            .round_trip(&value)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(reencoded, value, "{name}: an unknown key was lost");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} fixtures");
}

// ---------------------------------------------------------------------------
// Repeated keys
// ---------------------------------------------------------------------------

#[test]
fn a_repeated_key_keeps_its_last_value_in_every_model() {
    let message: Message = decode(
        r#"{"_id":"m","authorId":"a","role":"appUser","type":"text","received":1.0,
            "text":"first","received":2.5,"text":"last","role":"appMaker",
            "actions":[{"type":"link","uri":"a","uri":"b","type":"reply"}],
            "source":{"type":"web","type":"ios"},"_id":"n"}"#,
    );
    assert_eq!(message.text.as_deref(), Some("last"));
    assert_eq!(message.received, 2.5);
    assert_eq!(message.role, Role::AppMaker);
    assert_eq!(message.id, "n");
    assert_eq!(message.actions[0].uri.as_deref(), Some("b"));
    assert_eq!(message.actions[0].r#type, ActionType::Reply);
    assert_eq!(message.source.unwrap().r#type.as_deref(), Some("ios"));
    // `null` last is the last value too.
    let message: Message = decode(
        r#"{"_id":"m","authorId":"a","role":"appUser","type":"text","received":1,"text":"x","text":null}"#,
    );
    assert_eq!(message.text, None);
}

/// The class: every key of every object of every real body, sent twice (first `null`, then the
/// real value), decodes to the same model as the body as it is.
#[test]
fn every_key_of_every_fixture_may_repeat() {
    fn doubled(value: &Value) -> String {
        match value {
            Value::Object(map) => {
                let pairs: Vec<String> = map
                    .iter()
                    .map(|(key, child)| {
                        let key = serde_json::to_string(key).unwrap();
                        format!("{key}:null,{key}:{}", doubled(child))
                    })
                    .collect();
                format!("{{{}}}", pairs.join(","))
            }
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(doubled).collect();
                format!("[{}]", items.join(","))
            }
            other => other.to_string(),
        }
    }
    let mut checked = 0;
    for (name, kind) in smooch_tests::response_fixtures() {
        let value: Value = serde_json::from_str(&fixture(&name)).unwrap();
        let plain = kind.round_trip(&value).unwrap();
        let text = doubled(&value);
        let twice = kind
            .round_trip_text(&text)
            .unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        assert_eq!(twice, plain, "{name}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} fixtures");
}

// ---------------------------------------------------------------------------
// Explicit null
// ---------------------------------------------------------------------------

#[test]
fn null_on_required_fields_of_a_message_decodes_to_defaults() {
    let message: Message =
        decode(r#"{"_id":null,"authorId":null,"role":null,"type":null,"received":null}"#);
    assert_eq!(message.id, ""); // required string
    assert_eq!(message.author_id, "");
    assert_eq!(message.role, Role::Unknown(String::new())); // required enum
    assert_eq!(message.r#type, MessageType::Unknown(String::new()));
    assert_eq!(message.received, 0.0); // required number
}

#[test]
fn null_on_optional_fields_collections_and_objects_decodes() {
    let message = decode_message(json!({
        "name": null, "text": null, "email": null, "avatarUrl": null,
        "mediaUrl": null, "mediaType": null, "mediaSize": null, "altText": null,
        "metadata": null, "payload": null, "blockChatInput": null, "submitted": null,
        "textFallback": null,
        "items": null, "actions": null, "fields": null,
        "source": null, "displaySettings": null, "quotedMessage": null,
        "coordinates": null, "location": null
    }));
    assert_eq!(message.text, None);
    assert_eq!(message.media_size, None);
    assert!(message.items.is_empty() && message.actions.is_empty() && message.fields.is_empty());
    assert!(message.source.is_none() && message.coordinates.is_none());
    assert_eq!(
        to_json(&message),
        json!({"_id":"m1","authorId":"a1","role":"appMaker","type":"text","received":1529675979.541})
    );
}

#[test]
fn null_inside_nested_objects_decodes() {
    let message = decode_message(json!({
        "source": {"type": null, "id": null, "originalMessageId": null, "originalMessageTimestamp": null},
        "actions": [{
            "_id": null, "type": null, "text": null, "payload": null, "metadata": null,
            "amount": null, "currency": null, "default": null, "iconUrl": null, "uri": null,
            "fallback": null, "size": null, "extraChannelOptions": null, "openOnReceive": null,
            "state": null
        }],
        "items": [{"_id": null, "title": null, "description": null, "mediaUrl": null,
                   "mediaType": null, "altText": null, "size": null, "actions": null}],
        "fields": [{"_id": null, "type": null, "name": null, "label": null, "placeholder": null,
                    "minSize": null, "maxSize": null, "options": [{"_id": null, "name": null, "label": null}],
                    "selectSize": null, "text": null, "email": null,
                    "select": [{"_id": null, "name": null, "label": null}]}],
        "displaySettings": {"imageAspectRatio": null},
        "coordinates": {"lat": null, "long": null},
        "location": {"address": null, "name": null},
        "quotedMessage": {"type": null, "externalMessageId": null, "content": null}
    }));
    assert_eq!(
        message.actions[0].r#type,
        ActionType::Unknown(String::new())
    );
    assert_eq!(message.actions[0].text, None);
    assert_eq!(message.items[0].title, "");
    assert!(message.items[0].actions.is_empty());
    assert_eq!(message.fields[0].name, "");
    assert_eq!(message.fields[0].options[0].label, "");
    assert_eq!(message.fields[0].select[0].name, "");
    assert_eq!(message.coordinates, Some(Coordinates::new(0.0, 0.0)));
    assert_eq!(message.location, Some(Location::default()));
    assert_eq!(
        message.quoted_message.as_ref().unwrap().r#type,
        QuotedMessageType::Unknown(String::new())
    );
}

#[test]
fn null_in_responses_and_conversations_decodes() {
    let conversation: Conversation =
        decode(r#"{"_id":null,"unreadCount":null,"appMakerLastRead":null,"appUserLastRead":null}"#);
    assert_eq!(conversation, Conversation::default());

    let response: MessageResponse =
        decode(r#"{"message":null,"extraMessages":null,"conversation":null}"#);
    assert_eq!(response, MessageResponse::default());

    let page: GetMessagesResponse =
        decode(r#"{"conversation":null,"messages":null,"next":null,"previous":null}"#);
    assert_eq!(page, GetMessagesResponse::default());

    let activity: ActivityResponse = decode(r#"{"conversation":null}"#);
    assert_eq!(activity.conversation.id, "");

    // Request bodies are strict instead: see `requests::null_or_missing_required_fields_*`.
}

#[test]
fn a_missing_identity_key_is_an_error_but_other_keys_default() {
    // A message without `_id` (or a conversation without `_id`) is not a
    // message: decoding fails instead of producing an empty struct.
    assert!(
        serde_json::from_str::<Message>(
            r#"{"authorId":"a","role":"appUser","type":"text","received":1.5}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<Message>(
            r#"{"_id":"m","role":"appUser","type":"text","received":1.5}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<Message>(
            r#"{"_id":"m","authorId":"a","type":"text","received":1.5}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<Message>(
            r#"{"_id":"m","authorId":"a","role":"appUser","received":1.5}"#
        )
        .is_err()
    );
    assert!(
        serde_json::from_str::<Message>(
            r#"{"_id":"m","authorId":"a","role":"appUser","type":"text"}"#
        )
        .is_err()
    );
    assert!(serde_json::from_str::<Conversation>(r#"{"unreadCount":1}"#).is_err());
    assert!(
        serde_json::from_str::<MessageResponse>(r#"{"error":{"code":"unauthorized"}}"#).is_err()
    );
    assert!(serde_json::from_str::<ActivityResponse>("{}").is_err());

    // Missing non-identity keys default.
    let conversation: Conversation = decode(r#"{"_id":"c"}"#);
    assert_eq!(conversation.unread_count, 0);
    let action: Action = decode("{}");
    assert_eq!(action, Action::default());
    let item: MessageItem = decode("{}");
    assert_eq!(item.title, "");
    let field: Field = decode("{}");
    assert_eq!(field, Field::default());
    let coordinates: Coordinates = decode("{}");
    assert_eq!(coordinates, Coordinates::new(0.0, 0.0));
}

#[test]
fn repeated_unread_count_keeps_the_last_value() {
    let conversation: Conversation = decode(
        r#"{"unreadCount":3,"_id":"c","appMakerLastRead":1.5,"unreadCount":5,"_id":"d","appMakerLastRead":2.5}"#,
    );
    assert_eq!(conversation.unread_count, 5);
    assert_eq!(conversation.id, "d");
    assert_eq!(conversation.app_maker_last_read, Some(at(2.5)));
    assert_eq!(conversation.app_user_last_read, None);

    let conversation: Conversation = decode(r#"{"_id":"c","unreadCount":3,"unreadCount":null}"#);
    assert_eq!(conversation.unread_count, 0);

    let receipt: ActivityResponse = decode(&fixture(
        "business-read-receipt.business-read-receipt-example.200.json",
    ));
    assert_eq!(receipt.conversation.id, "884ac26bfa519a0bb4cb0162");
    assert_eq!(receipt.conversation.unread_count, 0);
    assert_eq!(
        receipt.conversation.app_maker_last_read,
        Some(at(1529677514.686))
    );
    assert_eq!(
        receipt.conversation.app_user_last_read,
        Some(at(1529677341.517))
    );
}

#[test]
fn a_page_of_messages_may_be_null_empty_short_or_full() {
    let page = |messages: serde_json::Value| -> GetMessagesResponse {
        smooch_client::__private::parse(json!({ "messages": messages }).to_string().as_bytes())
            .unwrap()
    };
    assert!(page(json!(null)).messages.is_empty());
    assert!(page(json!([])).messages.is_empty());
    let short = page(json!([
        message_with(json!({"_id": "a"})),
        message_with(json!({"_id": "b"}))
    ]));
    let ids: Vec<&str> = short.messages.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    assert!(
        short.messages.capacity() < 50,
        "a short page gives back the room it does not use"
    );
    let full: Vec<_> = (0..250)
        .map(|i| message_with(json!({"_id": i.to_string()})))
        .collect();
    let full = page(json!(full));
    assert_eq!(full.messages.len(), 250);
    assert_eq!(full.messages[249].id, "249");
    let error = smooch_client::__private::parse::<GetMessagesResponse>(br#"{"messages": "x"}"#)
        .unwrap_err();
    assert!(error.to_string().contains("expected a list"), "{error}");
}
