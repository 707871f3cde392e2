use super::*;

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
    let metadata = Metadata::new().with("lang", "en");
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
// Request bodies are strict where the API requires a field
// ---------------------------------------------------------------------------

/// A valid body of each request model with a required field set to `json`, and where that field
/// is: `(model, body, path)`.
fn with_required(value: Value) -> Vec<(&'static str, Value, &'static str)> {
    let action = |v: &Value| json!({"type": v, "text": "Go", "payload": "go"});
    vec![
        (
            "MessagePost",
            json!({"role": value, "type": "text", "text": "Hi"}),
            "role",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "location", "coordinates": {"lat": value, "long": 2.5}}),
            "coordinates.lat",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "location", "coordinates": {"lat": 1.5, "long": value}}),
            "coordinates.long",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "text", "text": "Hi", "actions": [action(&json!("reply")), action(&value)]}),
            "actions[1].type",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "carousel", "items": [{"title": value, "actions": [action(&json!("postback"))]}]}),
            "items[0].title",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "carousel", "items": [{"title": "t", "actions": [action(&value)]}]}),
            "items[0].actions[0].type",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "form", "fields": [{"type": value, "name": "n", "label": "l"}]}),
            "fields[0].type",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "form", "fields": [{"type": "text", "name": value, "label": "l"}]}),
            "fields[0].name",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "form", "fields": [{"type": "text", "name": "n", "label": value}]}),
            "fields[0].label",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "form", "fields": [{"type": "select", "name": "n", "label": "l", "options": [{"name": value, "label": "L"}]}]}),
            "fields[0].options[0].name",
        ),
        (
            "MessagePost",
            json!({"role": "appMaker", "type": "form", "fields": [{"type": "select", "name": "n", "label": "l", "options": [{"name": "o", "label": value}]}]}),
            "fields[0].options[0].label",
        ),
        (
            "ConversationActivity",
            json!({"role": value, "type": "typing:start"}),
            "role",
        ),
        (
            "ConversationActivity",
            json!({"role": "appMaker", "type": value}),
            "type",
        ),
    ]
}

fn decode_request(model: &str, body: Value) -> Result<(), String> {
    match model {
        "MessagePost" => serde_json::from_value::<MessagePost>(body).map(drop),
        "ConversationActivity" => serde_json::from_value::<ConversationActivity>(body).map(drop),
        other => panic!("no model {other}"),
    }
    .map_err(|e| e.to_string())
}

#[test]
fn null_or_missing_required_fields_of_a_request_are_refused_naming_the_field() {
    for (model, body, path) in with_required(Value::Null) {
        let error = decode_request(model, body.clone())
            .expect_err(&format!("{model}.{path} = null decoded: {body}"));
        let field = path.rsplit('.').next().unwrap();
        let field = field.split('[').next().unwrap();
        assert!(
            error.contains(&format!("`{field}` is required and must not be null")),
            "{model}.{path}: {error}"
        );
        if path.contains('.') {
            let parent = &path[..path.rfind('.').unwrap()];
            assert!(
                error.starts_with(&format!("{model}.{parent}")),
                "{model}.{path}: {error}"
            );
        }
    }
    // A missing key is refused just as well.
    let error = decode_request(
        "MessagePost",
        json!({"role": "appMaker", "type": "location", "coordinates": {"long": 2.5}}),
    )
    .unwrap_err();
    assert!(
        error.starts_with("MessagePost.coordinates") && error.contains("missing field `lat`"),
        "{error}"
    );
    let error = decode_request("ConversationActivity", json!({"role": "appMaker"})).unwrap_err();
    assert!(error.contains("missing field `type`"), "{error}");
}

#[test]
fn wrong_types_in_a_request_are_refused_naming_the_field() {
    for (model, body, path) in with_required(json!({"not": "a string or number"})) {
        let error = decode_request(model, body).expect_err(path);
        assert!(
            error.contains("invalid type: map"),
            "{model}.{path}: {error}"
        );
        if path.contains('.') {
            assert!(
                error.starts_with(&format!("{model}.")),
                "{model}.{path}: {error}"
            );
        }
    }
}

#[test]
fn the_same_values_are_tolerated_in_responses_and_accepted_when_given() {
    // Given, each body decodes.
    for (model, body, path) in with_required(json!("text")) {
        let body = match path {
            // Numbers where numbers go.
            "coordinates.lat" | "coordinates.long" => {
                let mut body = body;
                let (_, key) = path.split_once('.').unwrap();
                body["coordinates"][key] = json!(45.5);
                body
            }
            _ => body,
        };
        decode_request(model, body.clone())
            .unwrap_or_else(|e| panic!("{model}.{path}: {e}: {body}"));
    }
    // The shared models are tolerant inside a response: `null` is the default.
    let message = decode_message(json!({
        "coordinates": {"lat": null, "long": 2.5},
        "actions": [{"type": null, "text": "Go"}],
        "items": [{"title": null, "actions": []}]
    }));
    assert_eq!(message.coordinates.as_ref().unwrap().lat, 0.0);
    assert!(message.actions[0].r#type.is_unknown());
    assert_eq!(message.items[0].title, "");
    // And a request decoded after a refused one is not affected by it.
    assert!(decode_request("MessagePost", json!({"role": null})).is_err());
    let _: Coordinates = decode(r#"{"lat":null,"long":null}"#);
}

#[test]
fn request_bodies_keep_unknown_keys_and_send_them() {
    let body = json!({"role": "appMaker", "type": "text", "text": "Hi", "newOption": {"x": 1}});
    let post: MessagePost = serde_json::from_value(body.clone()).unwrap();
    assert_eq!(post.extra["newOption"], json!({"x": 1}));
    assert_eq!(to_json(&post), body);
}
