//! The response models' constructors build what decoding the API's JSON gives, so a test can
//! seed a response without spelling its JSON (time fields stay at their defaults).

use smooch_client::models::{
    AppUser, AppUserClient, ClientStatus, IntegrationType, QuotedMessage, Source,
};

use super::*;

#[test]
fn a_seeded_message_equals_the_decoded_one() {
    let seeded = Message::text("m1", Role::AppUser, "Hi")
        .with_author_id("u1")
        .with_name("Steve")
        .with_source(Source::new("web").with_integration_id("i1"))
        .with_metadata(Metadata::new().with("lang", "en").with("n", 2))
        .with_action(Action::reply("Yes", "yes").with_id("a1"));
    let decoded: Message = decode(
        r#"{"_id":"m1","authorId":"u1","role":"appUser","type":"text","received":0,
            "text":"Hi","name":"Steve","source":{"type":"web","integrationId":"i1"},
            "metadata":{"lang":"en","n":2},
            "actions":[{"_id":"a1","type":"reply","text":"Yes","payload":"yes"}]}"#,
    );
    assert_eq!(seeded, decoded);
    assert_eq!(to_json(&seeded), to_json(&decoded));
}

#[test]
fn every_message_constructor_sets_its_type_and_content() {
    let image = Message::image("m", Role::AppMaker, "https://x/y.png").with_media_size(3);
    assert_eq!(
        (image.r#type, image.media_url.as_deref()),
        (MessageType::Image, Some("https://x/y.png"))
    );
    assert_eq!(
        Message::file("m", Role::AppUser, "f").r#type,
        MessageType::File
    );
    let location = Message::location("m", Role::AppUser, Coordinates::new(1.0, 2.0))
        .with_location(Location::new().with_name("here"));
    assert_eq!(location.coordinates, Some(Coordinates::new(1.0, 2.0)));
    assert_eq!(
        location.location.and_then(|l| l.name).as_deref(),
        Some("here")
    );
    let answer = Message::new("m", Role::AppUser, MessageType::FormResponse)
        .with_quoted_message(QuotedMessage::external_message_id("x1"));
    let quoted = answer.quoted_message.unwrap_or_default();
    assert_eq!(quoted.r#type, QuotedMessageType::ExternalMessageId);
    assert_eq!(quoted.external_message_id.as_deref(), Some("x1"));
}

#[test]
fn seeded_responses_equal_the_decoded_ones() {
    let sent = MessageResponse::new(
        Message::text("m1", Role::AppMaker, "Hello").with_author_id("biz"),
        Conversation::new("c1").with_unread_count(1),
    );
    let decoded: MessageResponse = decode(
        r#"{"message":{"_id":"m1","authorId":"biz","role":"appMaker","type":"text",
            "received":0,"text":"Hello"},"conversation":{"_id":"c1","unreadCount":1}}"#,
    );
    assert_eq!(sent, decoded);

    let page = GetMessagesResponse::new(vec![sent.message.clone()])
        .with_conversation(sent.conversation.clone())
        .with_next("https://api.smooch.io/next");
    assert_eq!(page.messages.len(), 1);
    assert_eq!(page.next.as_deref(), Some("https://api.smooch.io/next"));
    assert_eq!(
        ActivityResponse::new(Conversation::new("c1"))
            .conversation
            .id,
        "c1"
    );
}

#[test]
fn a_seeded_user_equals_the_decoded_one() {
    let seeded = AppUser::new("u1")
        .with_user_id("steve@example.com")
        .with_conversation_started(true)
        .with_property("plan", "gold")
        .with_client(
            AppUserClient::new("d1")
                .with_platform(IntegrationType::Web)
                .with_status(ClientStatus::Active)
                .with_primary(true),
        );
    let decoded: AppUser = decode(
        r#"{"_id":"u1","userId":"steve@example.com","conversationStarted":true,
            "properties":{"plan":"gold"},
            "clients":[{"id":"d1","platform":"web","status":"active","primary":true}]}"#,
    );
    assert_eq!(seeded, decoded);
}

#[test]
fn a_paid_buy_action_equals_the_decoded_one() {
    let seeded = Action::buy("Buy", 1000)
        .with_id("a1")
        .with_currency("usd")
        .with_uri("https://pay")
        .with_state(ActionState::Paid);
    let decoded: Action = decode(
        r#"{"_id":"a1","type":"buy","text":"Buy","amount":1000,"currency":"usd",
            "uri":"https://pay","state":"paid"}"#,
    );
    assert_eq!(seeded, decoded);
}
