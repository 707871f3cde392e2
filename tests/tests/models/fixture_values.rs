use super::*;

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
    assert_eq!(conversation.app_maker_last_read, Some(at(1529675979.541)));

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
        Some(at(1529675979.541))
    );
    assert_eq!(
        response.conversation.app_user_last_read,
        Some(at(1529675790.625))
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
