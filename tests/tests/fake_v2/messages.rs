//! Messages (post every content type, list backwards and forwards by cursor, delete one, delete
//! all) and activities.

use futures_util::TryStreamExt;
use smooch_client::v2::models::{
    ActivityPost, ActivityType, Author, AuthorType, Content, FormMessageField, Item, Message,
    MessagePost, Page, Postback, Reply, TextMessage,
};
use smooch_client::v2::{ActivitiesApi, MessagesApi};

use super::{APP, personal, refused, start, user};

fn ids(messages: &[Message]) -> Vec<String> {
    messages
        .iter()
        .map(|m| m.id.clone().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn every_content_type_is_posted_stored_and_read_back() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let contents: Vec<Content> = vec![
        Content::text("Hello"),
        TextMessage::new("Pick")
            .with_action(Reply::new("Yes", "yes"))
            .into(),
        Content::image("https://cdn.example.org/a/photo.jpg"),
        Content::file("https://cdn.example.org/a/terms.pdf"),
        Content::carousel([Item::new("Shoe", Postback::new("Buy", "buy-shoe"))]),
        Content::list([Item::new("Hat", Postback::new("Buy", "buy-hat"))]),
        Content::location(38.72, -9.14),
        Content::form([FormMessageField::text("name", "Your name")]),
    ];
    let mut posted = Vec::new();
    for content in &contents {
        let post = MessagePost::business(content.clone());
        let answer = v2.post_message(APP, &conversation, &post).await.unwrap();
        assert_eq!(answer.messages.len(), 1);
        posted.push(answer.messages[0].clone());
    }
    let template = MessagePost::whatsapp_template(serde_json::json!({"name": "hello"}));
    posted.extend(
        v2.post_message(APP, &conversation, &template)
            .await
            .unwrap()
            .messages,
    );

    let from_user = MessagePost::user(ana.as_str(), Content::text("Hi back"));
    let mine = v2
        .post_message(APP, &conversation, &from_user)
        .await
        .unwrap()
        .messages;
    let author = mine[0].author.clone().unwrap();
    assert_eq!(
        (author.r#type, author.user_id.as_deref()),
        (AuthorType::User, Some(ana.as_str()))
    );
    posted.extend(mine);

    let Some(Content::Image(image)) = &posted[2].content else {
        panic!("an image: {:?}", posted[2]);
    };
    assert_eq!(
        image.media_type.as_deref(),
        Some("image/jpeg"),
        "added as the server adds it"
    );
    let Some(Content::Carousel(carousel)) = &posted[4].content else {
        panic!("a carousel");
    };
    assert_eq!(carousel.text.as_deref(), Some("Shoe"), "a text fallback");
    assert!(
        posted
            .iter()
            .all(|m| m.source.as_ref().and_then(|s| s.r#type.as_deref()) == Some("api"))
    );
    let times: Vec<_> = posted.iter().map(|m| m.received.clone().unwrap()).collect();
    assert!(
        times.windows(2).all(|w| w[0] < w[1]),
        "strictly increasing: {times:?}"
    );

    let listed = v2
        .list_messages(APP, &conversation, &Page::first())
        .await
        .unwrap();
    assert_eq!(listed.messages, posted, "every type read back as posted");
    assert_eq!(listed.meta.unwrap().has_more, Some(false));
    let stored = fake.v2().conversation(APP, &conversation).unwrap();
    assert_eq!(stored.messages, posted);
    assert_eq!(
        stored.participants[0].unread_count,
        Some(9),
        "each business message is unread by the user"
    );
}

#[tokio::test]
async fn messages_are_refused_as_the_api_refuses_them() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let ben = user(&v2, "ben").await;
    let conversation = personal(&v2, &ana).await;
    let bad = [
        MessagePost::business(TextMessage::default()),
        MessagePost::business(Content::text("x".repeat(4097))),
        MessagePost::business(Content::carousel([])),
        MessagePost::business(Content::image("file:///etc/passwd")),
        MessagePost::business(Content::location(0.0, 181.0)),
        MessagePost::business(Content::template(serde_json::json!({}))),
        MessagePost::business(Content::form([])),
        MessagePost::new(Author::new(AuthorType::User), Content::text("who?")),
        MessagePost::user(ben.as_str(), Content::text("not my conversation")),
    ];
    for post in &bad {
        let (status, code, title) = refused(v2.post_message(APP, &conversation, post).await);
        assert_eq!(
            (status, code.as_str()),
            (400, "bad_request"),
            "{post:?}: {title}"
        );
    }
    let stranger = MessagePost::user("nobody", Content::text("hi"));
    assert_eq!(
        refused(v2.post_message(APP, &conversation, &stranger).await).1,
        "user_not_found"
    );
    assert!(
        fake.v2()
            .conversation(APP, &conversation)
            .unwrap()
            .messages
            .is_empty()
    );

    let missing = "c".repeat(24);
    let hello = MessagePost::business(Content::text("hi"));
    assert_eq!(
        refused(v2.post_message(APP, &missing, &hello).await).1,
        "conversation_not_found"
    );
    assert_eq!(
        refused(v2.list_messages(APP, &missing, &Page::first()).await).1,
        "not_found"
    );
    assert_eq!(
        refused(v2.delete_all_messages(APP, &missing).await).1,
        "conversation_not_found"
    );
    assert_eq!(
        refused(v2.delete_message(APP, &missing, &missing).await).1,
        "conversation_not_found"
    );
    assert_eq!(
        refused(v2.delete_message(APP, &conversation, &missing).await),
        (404, "not_found".into(), "Message not found".into())
    );
    let stale = Page::before("f".repeat(24));
    assert_eq!(
        refused(v2.list_messages(APP, &conversation, &stale).await).0,
        400
    );
}

#[tokio::test]
async fn a_full_conversation_is_locked() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let history = (0..30_000).map(|i| Message::default().with_id(format!("{i:024}")));
    assert!(fake.v2().seed_messages(APP, &conversation, history));
    let hello = MessagePost::business(Content::text("one too many"));
    assert_eq!(
        refused(v2.post_message(APP, &conversation, &hello).await).0,
        423
    );
    v2.delete_all_messages(APP, &conversation).await.unwrap();
    v2.post_message(APP, &conversation, &hello).await.unwrap();
    assert_eq!(
        fake.v2()
            .conversation(APP, &conversation)
            .unwrap()
            .messages
            .len(),
        1
    );
}

#[tokio::test]
async fn messages_page_backwards_from_the_newest() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let mut posted = Vec::new();
    for i in 0..230 {
        let post = MessagePost::business(Content::text(format!("#{i}")));
        let answer = v2.post_message(APP, &conversation, &post).await.unwrap();
        posted.extend(ids(&answer.messages));
    }
    let latest = v2
        .list_messages(APP, &conversation, &Page::first().with_size(5))
        .await
        .unwrap();
    assert_eq!(
        ids(&latest.messages),
        posted[130..],
        "100, whatever the size asked"
    );
    let meta = latest.meta.unwrap();
    assert_eq!(meta.has_more, Some(true), "older messages remain");
    assert_eq!(meta.before_cursor.as_deref(), Some(posted[130].as_str()));
    assert_eq!(meta.after_cursor, None);
    let links = latest.links.unwrap();
    assert!(
        links
            .prev
            .unwrap()
            .ends_with(&format!("page[before]={}", posted[130]))
    );
    assert_eq!(links.next, None);

    let older = v2
        .list_messages(APP, &conversation, &Page::before(&posted[130]))
        .await
        .unwrap();
    assert_eq!(ids(&older.messages), posted[30..130]);
    let oldest = v2
        .list_messages(APP, &conversation, &Page::before(&posted[30]))
        .await
        .unwrap();
    assert_eq!(ids(&oldest.messages), posted[..30]);
    let meta = oldest.meta.unwrap();
    assert_eq!(meta.has_more, Some(false));
    assert_eq!(meta.after_cursor.as_deref(), Some(posted[29].as_str()));
    let newer = v2
        .list_messages(APP, &conversation, &Page::after(&posted[29]))
        .await
        .unwrap();
    assert_eq!(ids(&newer.messages), posted[30..130]);
    assert_eq!(
        newer.meta.unwrap().has_more,
        Some(true),
        "newer ones remain"
    );

    let streamed: Vec<Message> = v2.messages(APP, &conversation).try_collect().await.unwrap();
    let mut newest_first = posted.clone();
    newest_first.reverse();
    assert_eq!(
        ids(&streamed),
        newest_first,
        "every message once, newest first"
    );
    let after: Vec<Message> = v2
        .messages_after(APP, &conversation, &posted[199])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&after), posted[200..]);
}

#[tokio::test]
async fn messages_are_deleted_one_or_all() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let mut sent = Vec::new();
    for text in ["a", "b", "c"] {
        let post = MessagePost::business(Content::text(text));
        sent.extend(ids(&v2
            .post_message(APP, &conversation, &post)
            .await
            .unwrap()
            .messages));
    }
    v2.delete_message(APP, &conversation, &sent[1])
        .await
        .unwrap();
    let left = v2
        .list_messages(APP, &conversation, &Page::first())
        .await
        .unwrap();
    assert_eq!(ids(&left.messages), [sent[0].clone(), sent[2].clone()]);
    v2.delete_all_messages(APP, &conversation).await.unwrap();
    let stored = fake.v2().conversation(APP, &conversation).unwrap();
    assert!(stored.messages.is_empty(), "the conversation stays, empty");
}

#[tokio::test]
async fn activities_read_and_type() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let hello = MessagePost::business(Content::text("hi"));
    v2.post_message(APP, &conversation, &hello).await.unwrap();
    let stored = fake.v2().conversation(APP, &conversation).unwrap();
    assert_eq!(stored.participants[0].unread_count, Some(1));

    v2.post_activity(
        APP,
        &conversation,
        &ActivityPost::read(Author::user(ana.as_str())),
    )
    .await
    .unwrap();
    v2.post_activity(APP, &conversation, &ActivityPost::read(Author::business()))
        .await
        .unwrap();
    v2.post_activity(APP, &conversation, &ActivityPost::typing_start())
        .await
        .unwrap();
    let stored = fake.v2().conversation(APP, &conversation).unwrap();
    assert_eq!(stored.participants[0].unread_count, Some(0));
    assert!(stored.participants[0].last_read.is_some());
    assert!(stored.conversation.business_last_read.is_some());

    let user_typing = ActivityPost::default()
        .with_author(Author::user(ana.as_str()))
        .with_type(ActivityType::TypingStart);
    let (status, _, title) = refused(v2.post_activity(APP, &conversation, &user_typing).await);
    assert_eq!(status, 400);
    assert!(title.contains("conversation:read"), "{title}");
    let unknown = ActivityPost::default()
        .with_author(Author::business())
        .with_type(ActivityType::from("typing:maybe"));
    assert_eq!(
        refused(v2.post_activity(APP, &conversation, &unknown).await).0,
        400
    );
    let missing = "c".repeat(24);
    assert_eq!(
        refused(
            v2.post_activity(APP, &missing, &ActivityPost::typing_start())
                .await
        )
        .1,
        "conversation_not_found"
    );
}
