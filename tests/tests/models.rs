//! Targeted tests of the models: tolerant decoding, wire format, constructors,
//! and values taken from the real fixtures.

use std::path::Path;

use serde_json::{Value, json};
use smooch_client::models::{
    Action, ActionSize, ActionState, ActionType, ActivityResponse, ActivityType, ChannelOverride,
    Conversation, ConversationActivity, Coordinates, Destination, DisplaySettings, Field,
    FieldOption, FieldPost, FieldType, GetMessagesResponse, ImageAspectRatio, IntegrationType,
    ItemSize, Location, Message, MessageItem, MessagePost, MessageResponse, MessageType, Metadata,
    QuotedMessageType, Role,
};

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
fn unknown_keys_are_ignored_at_every_level() {
    let json = json!({
        "message": message_with(json!({
            "newTopLevel": {"deep": [1, 2, 3]},
            "actions": [{"type": "link", "text": "t", "uri": "u", "newActionKey": true}],
            "items": [{"title": "t", "newItemKey": 1, "actions": []}],
            "fields": [{"type": "select", "name": "n", "label": "l", "newFieldKey": null,
                        "options": [{"name": "o", "label": "O", "newOptionKey": "x"}]}],
            "source": {"type": "web", "newSourceKey": 2},
            "coordinates": {"lat": 1.5, "long": 2.5, "_id": "c1"},
            "location": {"address": "a", "newLocationKey": "x"}
        })),
        "conversation": {"_id": "c", "unreadCount": 2, "newConversationKey": {"a": [null]}},
        "newResponseKey": "x"
    });
    let response: MessageResponse = serde_json::from_value(json).unwrap();
    assert_eq!(response.message.actions[0].uri.as_deref(), Some("u"));
    assert_eq!(response.message.fields[0].options[0].name, "o");
    assert_eq!(response.message.coordinates.as_ref().unwrap().long, 2.5);
    assert_eq!(response.conversation.unread_count, 2);
    let encoded = to_json(&response);
    assert!(!encoded.to_string().contains("new"), "{encoded}");
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
fn null_in_responses_conversations_and_requests_decodes() {
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

    let post: MessagePost = decode(
        r#"{"role":null,"type":null,"name":null,"email":null,"avatarUrl":null,"metadata":null,
            "payload":null,"text":null,"mediaUrl":null,"mediaType":null,"altText":null,
            "items":null,"actions":null,"blockChatInput":null,"displaySettings":null,
            "fields":[{"type":null,"name":null,"label":null,"placeholder":null,
                       "minSize":null,"maxSize":null,"options":null}],
            "destination":{"integrationId":null,"integrationType":null},
            "override":{"apple":{"payload":null},"line":null},
            "coordinates":null,"location":null,"messageSchema":null,"message":null}"#,
    );
    assert_eq!(post.role, Role::Unknown(String::new()));
    assert_eq!(post.r#type, None);
    assert_eq!(post.fields[0].r#type, FieldType::Unknown(String::new()));
    assert_eq!(post.r#override["apple"], ChannelOverride::new(Value::Null));
    assert_eq!(post.r#override["line"], ChannelOverride::default());

    let post: MessagePost = decode(r#"{"role":"appUser","override":null}"#);
    assert!(post.r#override.is_empty());

    let activity: ConversationActivity =
        decode(r#"{"role":null,"type":null,"name":null,"avatarUrl":null}"#);
    assert_eq!(activity, ConversationActivity::default());
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

// ---------------------------------------------------------------------------
// Conversation: repeated keys
// ---------------------------------------------------------------------------

#[test]
fn repeated_unread_count_keeps_the_last_value() {
    let conversation: Conversation = decode(
        r#"{"unreadCount":3,"_id":"c","appMakerLastRead":1.5,"unreadCount":5,"_id":"d","appMakerLastRead":2.5}"#,
    );
    assert_eq!(conversation.unread_count, 5);
    assert_eq!(conversation.id, "d");
    assert_eq!(conversation.app_maker_last_read, Some(2.5));
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
        Some(1529677514.686)
    );
    assert_eq!(
        receipt.conversation.app_user_last_read,
        Some(1529677341.517)
    );
}

// ---------------------------------------------------------------------------
// Wire format
// ---------------------------------------------------------------------------

#[test]
fn text_message_serializes_exactly() {
    assert_eq!(
        serde_json::to_string(&MessagePost::text(Role::AppMaker, "hi")).unwrap(),
        r#"{"role":"appMaker","type":"text","text":"hi"}"#
    );
}

#[test]
fn none_fields_and_empty_collections_are_absent() {
    for value in [
        to_json(&MessagePost::default()),
        to_json(&Message::default()),
        to_json(&Action::default()),
        to_json(&MessageItem::default()),
        to_json(&Field::default()),
        to_json(&FieldPost::default()),
        to_json(&MessageResponse::default()),
        to_json(&GetMessagesResponse::default()),
        to_json(&ConversationActivity::default()),
        to_json(&Destination::default()),
        to_json(&ChannelOverride::default()),
        to_json(&DisplaySettings::default()),
        to_json(&Location::default()),
    ] {
        let text = value.to_string();
        assert!(!text.contains("null"), "{text}");
        assert!(!text.contains("[]"), "{text}");
        assert!(!text.contains("{}") || text == "{}", "{text}");
    }
    assert_eq!(to_json(&GetMessagesResponse::default()), json!({}));
    assert_eq!(to_json(&Action::default()), json!({"type": ""}));
    assert_eq!(
        to_json(&Message::default()),
        json!({"_id": "", "authorId": "", "role": "", "type": "", "received": 0.0})
    );
    assert_eq!(
        to_json(&Conversation::default()),
        json!({"_id": "", "unreadCount": 0})
    );
}

#[test]
fn json_names_are_exact() {
    let mut metadata = Metadata::new();
    metadata.insert("lang".into(), json!("en"));
    let post = MessagePost::image(Role::AppUser, "https://x/y.png")
        .with_name("N")
        .with_email("e@x")
        .with_avatar_url("https://x/a.png")
        .with_metadata(metadata.clone())
        .with_payload("p")
        .with_text("t")
        .with_media_type("image/png")
        .with_alt_text("alt")
        .with_display_settings(DisplaySettings::new(ImageAspectRatio::Square))
        .with_block_chat_input(false)
        .with_destination(Destination::integration_id("int_1"))
        .with_override("messenger", json!({"text": "raw"}))
        .with_location(Location::default().with_name("here"))
        .with_action(
            Action::webview("W", "https://w", "https://f")
                .with_size(ActionSize::Tall)
                .with_open_on_receive(true)
                .with_metadata(metadata)
                .with_extra_channel_options(
                    json!({"messenger": {"messenger_extensions": true}})
                        .as_object()
                        .unwrap()
                        .clone(),
                ),
        );
    assert_eq!(
        to_json(&post),
        json!({
            "role": "appUser", "type": "image", "mediaUrl": "https://x/y.png",
            "name": "N", "email": "e@x", "avatarUrl": "https://x/a.png",
            "metadata": {"lang": "en"}, "payload": "p", "text": "t",
            "mediaType": "image/png", "altText": "alt",
            "displaySettings": {"imageAspectRatio": "square"},
            "blockChatInput": false,
            "destination": {"integrationId": "int_1"},
            "override": {"messenger": {"payload": {"text": "raw"}}},
            "location": {"name": "here"},
            "actions": [{
                "type": "webview", "text": "W", "uri": "https://w", "fallback": "https://f",
                "size": "tall", "openOnReceive": true, "metadata": {"lang": "en"},
                "extraChannelOptions": {"messenger": {"messenger_extensions": true}}
            }]
        })
    );
    let decoded: MessagePost = serde_json::from_value(to_json(&post)).unwrap();
    assert_eq!(decoded, post);
}

// ---------------------------------------------------------------------------
// Constructors (api.md §2.8)
// ---------------------------------------------------------------------------

#[test]
fn message_constructors_set_what_each_type_requires() {
    assert_eq!(
        to_json(&MessagePost::image(Role::AppMaker, "https://x/i.jpg")),
        json!({"role": "appMaker", "type": "image", "mediaUrl": "https://x/i.jpg"})
    );
    assert_eq!(
        to_json(&MessagePost::file(Role::AppUser, "https://x/f.pdf")),
        json!({"role": "appUser", "type": "file", "mediaUrl": "https://x/f.pdf"})
    );
    let item = MessageItem::new("T", vec![Action::link("L", "https://l")]);
    assert_eq!(
        to_json(&MessagePost::carousel(vec![item.clone()])),
        json!({"role": "appMaker", "type": "carousel",
               "items": [{"title": "T", "actions": [{"type": "link", "text": "L", "uri": "https://l"}]}]})
    );
    let list = MessagePost::list(vec![item]);
    assert_eq!(list.role, Role::AppMaker);
    assert_eq!(list.r#type, Some(MessageType::List));
    assert_eq!(list.items.len(), 1);
    assert_eq!(
        to_json(&MessagePost::location(
            Role::AppUser,
            Coordinates::new(1.5, -2.5)
        )),
        json!({"role": "appUser", "type": "location", "coordinates": {"lat": 1.5, "long": -2.5}})
    );
    assert_eq!(
        to_json(&MessagePost::form(vec![FieldPost::email("e", "E")])),
        json!({"role": "appMaker", "type": "form",
               "fields": [{"type": "email", "name": "e", "label": "E"}]})
    );
    assert_eq!(
        to_json(&MessagePost::new(Role::Whisper, MessageType::Text)),
        json!({"role": "whisper", "type": "text"})
    );
    assert_eq!(
        to_json(&MessagePost::message_schema(
            "whatsapp",
            json!({"type": "hsm"})
        )),
        json!({"role": "appMaker", "messageSchema": "whatsapp", "message": {"type": "hsm"}})
    );
}

#[test]
fn action_and_other_constructors() {
    assert_eq!(to_json(&Action::share()), json!({"type": "share"}));
    assert_eq!(
        to_json(&Action::location_request("Where?")),
        json!({"type": "locationRequest", "text": "Where?"})
    );
    assert_eq!(
        to_json(&Action::postback("P", "PAY")),
        json!({"type": "postback", "text": "P", "payload": "PAY"})
    );
    assert_eq!(
        to_json(
            &Action::buy("Buy", 1000)
                .with_currency("usd")
                .with_default(false)
        ),
        json!({"type": "buy", "text": "Buy", "amount": 1000, "currency": "usd", "default": false})
    );
    assert_eq!(
        to_json(&Action::reply("R", "r").with_icon_url("https://i")),
        json!({"type": "reply", "text": "R", "payload": "r", "iconUrl": "https://i"})
    );
    assert_eq!(
        to_json(&Action::new(ActionType::Unknown("custom".into()))),
        json!({"type": "custom"})
    );
    assert_eq!(
        to_json(
            &MessageItem::new("T", vec![Action::share()])
                .with_description("D")
                .with_media_url("https://m")
                .with_media_type("image/png")
                .with_alt_text("A")
                .with_size(ItemSize::Compact)
        ),
        json!({"title": "T", "description": "D", "mediaUrl": "https://m", "mediaType": "image/png",
               "altText": "A", "size": "compact", "actions": [{"type": "share"}]})
    );
    assert_eq!(
        to_json(
            &FieldPost::text("n", "N")
                .with_placeholder("p")
                .with_min_size(2)
                .with_max_size(9)
        ),
        json!({"type": "text", "name": "n", "label": "N", "placeholder": "p", "minSize": 2, "maxSize": 9})
    );
    assert_eq!(
        to_json(&Destination::integration_type(IntegrationType::Messenger)),
        json!({"integrationType": "messenger"})
    );
    assert_eq!(
        to_json(&Location::default().with_address("A").with_name("N")),
        json!({"address": "A", "name": "N"})
    );
    assert_eq!(
        to_json(&ConversationActivity::typing_start()),
        json!({"role": "appMaker", "type": "typing:start"})
    );
    assert_eq!(
        to_json(
            &ConversationActivity::typing_stop()
                .with_name("Galifrey")
                .with_avatar_url("https://a")
        ),
        json!({"role": "appMaker", "type": "typing:stop", "name": "Galifrey", "avatarUrl": "https://a"})
    );
}

/// Requests built with the constructors equal the real request bodies.
#[test]
fn constructors_rebuild_the_real_requests() {
    let cases: Vec<(&str, MessagePost)> = vec![
        (
            "post-message.request.json",
            MessagePost::text(Role::AppMaker, "Hello there"),
        ),
        (
            "action-buy-message.request.json",
            MessagePost::text(Role::AppMaker, "Great! Ready to checkout?")
                .with_action(Action::buy("Purchase", 1000)),
        ),
        (
            "action-link-message.request.json",
            MessagePost::text(Role::AppMaker, "Hello!")
                .with_actions(vec![Action::link("More info", "http://example.org")]),
        ),
        (
            "action-location-request-message.request.json",
            MessagePost::text(Role::AppMaker, "Let us know where you are.")
                .with_action(Action::location_request("Send Location")),
        ),
        (
            "action-postback-message.request.json",
            MessagePost::text(
                Role::AppMaker,
                "Your reservation for 7 guests at Lazy Bear on June 6th 7:00 PM is confirmed.",
            )
            .with_actions(vec![
                Action::postback("Add to iCalendar", "icalendar"),
                Action::postback("Add to Google Calendar", "google calendar"),
                Action::postback("Add to Outlook", "outlook"),
            ]),
        ),
        (
            "action-webview-message.request.json",
            MessagePost::text(Role::AppMaker, "Hello!").with_action(
                Action::webview("Check out the site", "http://smooch.io", "http://example.org")
                    .with_size(ActionSize::Full),
            ),
        ),
        (
            "action-share-message.request.json",
            MessagePost::carousel(vec![
                MessageItem::new("Scandinave Getaway", vec![Action::share()])
                    .with_description("Enjoy massage treatments situated in a serene natural forest with an on-site bistro serving healthy local fare")
                    .with_media_url("https://www.scandinave.com/app/uploads/sites/5/2017/01/2015-upper-hot-bath-hp-820x779.jpg")
                    .with_media_type("image/jpeg"),
            ]),
        ),
        (
            "image-message.request.json",
            MessagePost::image(
                Role::AppMaker,
                "https://smooch.io/static_assets/images/shoplifter/double-breasted-coat.jpg",
            )
            .with_text("This is the jacket that we currently have in stock.")
            .with_media_type("image/jpeg"),
        ),
        (
            "file-message.request.json",
            MessagePost::file(
                Role::AppMaker,
                "https://www.arista.com/assets/data/pdf/Warranty.pdf",
            )
            .with_media_type("application/pdf"),
        ),
        (
            "location-message.request.json",
            MessagePost::location(Role::AppMaker, Coordinates::new(45.5261583, -73.595346))
                .with_location(
                    Location::default()
                        .with_address("5333 avenue Casgrain")
                        .with_name("Zendesk Montréal"),
                ),
        ),
        (
            "form-message-web-messenger-only.request.json",
            MessagePost::form(vec![
                FieldPost::text("full_name", "Your name?")
                    .with_placeholder("Type your name...")
                    .with_min_size(1)
                    .with_max_size(30),
                FieldPost::email("email_address", "Your email?")
                    .with_placeholder("email@example.com"),
                FieldPost::select(
                    "meal_selection",
                    "Your meal?",
                    vec![
                        FieldOption::new("pizza", "Pizza"),
                        FieldOption::new("tacos", "Tacos"),
                        FieldOption::new("ramen", "Ramen"),
                    ],
                ),
            ])
            .with_block_chat_input(true),
        ),
        (
            "abc-text.request.json",
            MessagePost::text(Role::AppMaker, "Hello there")
                .with_override("apple", json!({"type": "text", "body": "goodbye"})),
        ),
        (
            "line.request.json",
            MessagePost::text(Role::AppMaker, "This message was not received by LINE")
                .with_override(
                    "line",
                    json!({"messages": [{"type": "sticker", "packageId": "3", "stickerId": "229"}]}),
                ),
        ),
    ];
    for (name, built) in cases {
        let real: MessagePost = decode(&fixture(name));
        assert_eq!(built, real, "{name}");
    }

    let typing: ConversationActivity = decode(&fixture("conversation-activity.request.json"));
    assert_eq!(typing, ConversationActivity::typing_start());
    let read: ConversationActivity = decode(&fixture("business-read-receipt.request.json"));
    assert_eq!(read, ConversationActivity::read());
}

// ---------------------------------------------------------------------------
// Values from the real fixtures
// ---------------------------------------------------------------------------

#[test]
fn get_messages_fixture_values() {
    let page: GetMessagesResponse = decode(&fixture("get-messages.get-messages-example.200.json"));
    assert_eq!(page.messages.len(), 10);
    assert_eq!(page.next, None);
    assert_eq!(page.previous, None);
    let conversation = page.conversation.as_ref().unwrap();
    assert_eq!(conversation.unread_count, 1);
    assert_eq!(conversation.app_maker_last_read, Some(1529675979.541));

    let image = &page.messages[4];
    assert_eq!(image.r#type, MessageType::Image);
    assert_eq!(image.role, Role::AppUser);
    assert_eq!(image.media_size, Some(190607));
    assert_eq!(image.media_type.as_deref(), Some("image/jpeg"));
    assert_eq!(image.avatar_url, None); // appUser messages have no avatar
    assert_eq!(image.received, 1529603864.317);

    let quick_replies = &page.messages[8];
    assert_eq!(quick_replies.actions.len(), 4);
    assert_eq!(quick_replies.actions[0].r#type, ActionType::Reply);
    assert_eq!(quick_replies.actions[0].uri.as_deref(), Some(""));

    let answer = &page.messages[9];
    assert_eq!(answer.payload.as_deref(), Some("great"));
    let source = answer.source.as_ref().unwrap();
    assert_eq!(source.r#type.as_deref(), Some("web"));
    assert_eq!(
        source.id.as_deref(),
        Some("5a10afcec7824b51ab1c53f05719f583")
    );
    // Oldest first.
    assert!(
        page.messages
            .windows(2)
            .all(|w| w[0].received <= w[1].received)
    );
}

#[test]
fn post_message_response_fixture_values() {
    let response: MessageResponse = decode(&fixture("post-message.message-example.201.json"));
    assert_eq!(response.message.id, "5b2d00cb3e3adc00228bdd0b");
    assert_eq!(response.message.author_id, "00uejytoekz520ZEG0h7");
    assert_eq!(response.message.text.as_deref(), Some("Hello there"));
    assert_eq!(response.message.name.as_deref(), Some("Galifrey"));
    assert_eq!(
        response.message.source.as_ref().unwrap().r#type.as_deref(),
        Some("api")
    );
    assert!(response.extra_messages.is_empty());
    assert_eq!(response.conversation.id, "884ac26bfa519a0bb4cb0162");
    assert_eq!(
        response.conversation.app_maker_last_read,
        Some(1529675979.541)
    );
    assert_eq!(
        response.conversation.app_user_last_read,
        Some(1529675790.625)
    );
}

#[test]
fn action_fixture_values() {
    let buy: MessageResponse = decode(&fixture("action-buy-message.action-buy-example.201.json"));
    let action = &buy.message.actions[0];
    assert_eq!(action.r#type, ActionType::Buy);
    assert_eq!(action.state, Some(ActionState::Offered));
    assert_eq!(action.amount, Some(1000));
    assert_eq!(action.currency.as_deref(), Some("usd"));
    assert_eq!(action.id.as_deref(), Some("5b2bf681fffb6d00221cdd07"));
    assert_eq!(
        action.uri.as_deref(),
        Some("https://app.smooch.io/checkout/5b2bf681fffb6d00221cdd07")
    );

    let webview: MessageResponse =
        decode(&fixture("action-webview-message.action-webview.201.json"));
    assert_eq!(webview.message.actions[0].size, Some(ActionSize::Full));
    assert_eq!(
        webview.message.actions[0].fallback.as_deref(),
        Some("http://example.org")
    );

    let share: MessageResponse = decode(&fixture(
        "action-share-message.action-share-example.201.json",
    ));
    assert_eq!(share.message.r#type, MessageType::Carousel);
    let item = &share.message.items[0];
    assert_eq!(item.id.as_deref(), Some("5b2cf9653e3adc00228ba421"));
    assert_eq!(item.actions[0].r#type, ActionType::Share);
    assert_eq!(item.actions[0].text, None); // share actions have no label
    assert_eq!(
        item.actions[0].id.as_deref(),
        Some("5b2cf9653e3adc00228ba422")
    );

    let list: MessageResponse = decode(&fixture("list-message.list-example.201.json"));
    assert_eq!(list.message.items.len(), 5);
    assert_eq!(list.message.items[0].size, Some(ItemSize::Large));
    assert_eq!(
        list.message.items[0].actions[1].payload.as_deref(),
        Some("CHECK_AVAILABILITY")
    );
}

#[test]
fn form_fixture_values() {
    let form: MessageResponse = decode(&fixture(
        "form-message-web-messenger-only.form-example.201.json",
    ));
    let message = &form.message;
    assert_eq!(message.r#type, MessageType::Form);
    assert_eq!(message.name, None); // the form response has no name
    assert_eq!(message.text, None);
    assert_eq!(message.submitted, Some(false));
    assert_eq!(message.block_chat_input, Some(true));
    assert_eq!(message.fields.len(), 3);
    assert_eq!(message.fields[0].r#type, FieldType::Text);
    assert_eq!(message.fields[0].min_size, Some(1));
    assert_eq!(message.fields[0].max_size, Some(30));
    assert_eq!(
        message.fields[0].id.as_deref(),
        Some("5cd09442d70f413fp1w2d0f9")
    );
    let select = &message.fields[2];
    assert_eq!(select.r#type, FieldType::Select);
    assert_eq!(select.select_size, Some(1));
    assert_eq!(select.id.as_deref(), Some("5cd09442d70f413fp1w2d0f4"));
    let ids: Vec<_> = select
        .options
        .iter()
        .map(|o| o.id.as_deref().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "5cd09442d70f413fp1w2d0f1",
            "5cd09442d70f413fp1w2d0f2",
            "5cd09442d70f413fp1w2d0f3"
        ]
    );
    assert_eq!(select.options[1].name, "tacos");
    assert_eq!(form.conversation.unread_count, 2);
}

#[test]
fn media_location_and_override_fixture_values() {
    let file: MessageResponse = decode(&fixture("file-message.file-example.201.json"));
    assert_eq!(file.message.text.as_deref(), Some(" ")); // no text sent
    assert_eq!(file.message.media_size, Some(794118));

    let gif: MessageResponse = decode(&fixture(
        "animated-gif-message.animated-gif-example.201.json",
    ));
    assert_eq!(gif.message.media_size, Some(6046663));

    let location: MessageResponse = decode(&fixture("location-message.location-example.201.json"));
    assert_eq!(
        location.message.coordinates,
        Some(Coordinates::new(45.5261583, -73.595346))
    );
    assert_eq!(
        location.message.location.as_ref().unwrap().name.as_deref(),
        Some("Zendesk Montréal")
    );
    assert!(
        location
            .message
            .text
            .as_deref()
            .unwrap()
            .starts_with("Location shared:\n")
    );

    for name in [
        "abc-custom-extension.request.json",
        "abc-large-interactive.request.json",
        "abc-list-picker.request.json",
        "abc-timepicker.request.json",
    ] {
        let post: MessagePost = decode(&fixture(name));
        assert_eq!(post.r#type, None, "{name} has no type");
        assert_eq!(
            post.r#override["apple"].payload["type"], "interactive",
            "{name}"
        );
    }
    let abc: MessagePost = decode(&fixture("abc-interactive.request.json"));
    assert_eq!(abc.r#type, Some(MessageType::Image));
    assert!(abc.r#override.contains_key("apple"));

    let whatsapp: MessagePost = decode(&fixture("whatsapp.request.json"));
    let hsm = &whatsapp.r#override["whatsapp"].payload;
    assert_eq!(hsm["hsm"]["element_name"], "hello_world");
}

#[test]
fn form_response_with_quoted_message_decodes() {
    // Shape from api.md §2.8/§2.12/§2.13 (no real sample exists).
    let original = json!({
        "_id": "r1", "authorId": "u1", "role": "appUser", "type": "formResponse",
        "received": 1557173320.5,
        "fields": [
            {"_id": "f1", "type": "text", "name": "full_name", "label": "Your name?", "text": "John"},
            {"_id": "f2", "type": "email", "name": "email_address", "label": "Your email?", "email": "j@x.org"},
            {"_id": "f3", "type": "select", "name": "meal", "label": "Your meal?",
             "select": [{"_id": "o1", "name": "pizza", "label": "Pizza"}]}
        ],
        "quotedMessage": {
            "type": "message",
            "content": {"_id": "m1", "authorId": "a1", "role": "appMaker", "type": "form",
                        "received": 1557173314.465, "submitted": true}
        },
        "textFallback": "Your name?: John"
    });
    let message: Message = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(message.r#type, MessageType::FormResponse);
    assert_eq!(message.fields[0].text.as_deref(), Some("John"));
    assert_eq!(message.fields[1].email.as_deref(), Some("j@x.org"));
    assert_eq!(message.fields[2].select[0].id.as_deref(), Some("o1"));
    let quoted = message.quoted_message.as_ref().unwrap();
    assert_eq!(quoted.r#type, QuotedMessageType::Message);
    assert_eq!(quoted.content.as_ref().unwrap().submitted, Some(true));
    assert_eq!(message.text_fallback.as_deref(), Some("Your name?: John"));
    assert_eq!(to_json(&message), original);
}
