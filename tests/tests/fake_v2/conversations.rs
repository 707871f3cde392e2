//! Conversations (create, list with filters and cursors, get, update, delete) and their
//! participants (join, leave, list).

use futures_util::TryStreamExt;
use smooch_client::v2::models::{
    ConversationCreate, ConversationListFilter, ConversationType, ConversationUpdate, Page,
    ParticipantJoin, ParticipantLeave,
};
use smooch_client::v2::{ConversationsApi, ParticipantsApi};

use super::{APP, personal, refused, start, user};

#[tokio::test]
async fn personal_and_group_conversations_are_created_read_changed_and_deleted() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let ben = user(&v2, "ben").await;

    let first = personal(&v2, &ana).await;
    let got = v2
        .get_conversation(APP, &first)
        .await
        .unwrap()
        .conversation
        .unwrap();
    assert_eq!(got.r#type, Some(ConversationType::Personal));
    assert_eq!(
        got.is_default,
        Some(true),
        "the user's first personal conversation"
    );
    assert!(got.created_at.is_some() && got.last_updated_at.is_some());
    let second = ConversationCreate::personal(ParticipantJoin::user_external_id("ana"));
    let second = v2
        .create_conversation(APP, &second)
        .await
        .unwrap()
        .conversation
        .unwrap();
    assert_eq!(second.is_default, Some(false));

    let group = ConversationCreate::sdk_group()
        .with_participant(ParticipantJoin::user_id(&ana))
        .with_participant(ParticipantJoin::user_external_id("ben"))
        .with_display_name("Team");
    let group = v2
        .create_conversation(APP, &group)
        .await
        .unwrap()
        .conversation
        .unwrap();
    let group_id = group.id.clone().unwrap().to_string();
    assert_eq!(group.display_name.as_deref(), Some("Team"));
    let stored = fake.v2().conversation(APP, &group_id).unwrap();
    let members: Vec<String> = stored
        .participants
        .iter()
        .map(|p| p.user_id.clone().unwrap().to_string())
        .collect();
    assert_eq!(members, [ana.clone(), ben.clone()]);

    let update = ConversationUpdate::default()
        .with_description("Our team")
        .clear_display_name();
    let updated = v2
        .update_conversation(APP, &group_id, &update)
        .await
        .unwrap();
    let updated = updated.conversation.unwrap();
    assert_eq!(updated.description.as_deref(), Some("Our team"));
    assert_eq!(updated.display_name, None, "null removes it");

    v2.delete_conversation(APP, &group_id).await.unwrap();
    assert_eq!(
        refused(v2.get_conversation(APP, &group_id).await),
        (
            404,
            "conversation_not_found".into(),
            "Conversation not found".into()
        )
    );
    let (status, _, title) = refused(v2.delete_conversation(APP, &first).await);
    assert_eq!(status, 400);
    assert!(title.contains("default"), "{title}");
}

#[tokio::test]
async fn conversations_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let none = ConversationCreate::new(ConversationType::Personal);
    assert_eq!(refused(v2.create_conversation(APP, &none).await).0, 400);
    let two = ConversationCreate::personal(ParticipantJoin::user_id(&ana))
        .with_participant(ParticipantJoin::user_external_id("someone"));
    assert_eq!(refused(v2.create_conversation(APP, &two).await).0, 400);
    let mut crowd = ConversationCreate::sdk_group();
    for i in 0..11 {
        crowd = crowd.with_participant(ParticipantJoin::user_external_id(format!("u{i}")));
    }
    assert_eq!(refused(v2.create_conversation(APP, &crowd).await).0, 400);
    let long_name = ConversationCreate::sdk_group().with_display_name("x".repeat(101));
    assert_eq!(
        refused(v2.create_conversation(APP, &long_name).await).0,
        400
    );
    let stranger = ConversationCreate::personal(ParticipantJoin::user_id("nobody"));
    assert_eq!(
        refused(v2.create_conversation(APP, &stranger).await),
        (404, "user_not_found".into(), "User not found".into())
    );

    let update = ConversationUpdate::default().with_display_name("");
    let conversation = personal(&v2, &ana).await;
    assert_eq!(
        refused(v2.update_conversation(APP, &conversation, &update).await).0,
        400
    );
    let missing = "c".repeat(24);
    for (status, code, _) in [
        refused(v2.get_conversation(APP, &missing).await),
        refused(
            v2.update_conversation(APP, &missing, &ConversationUpdate::default())
                .await,
        ),
        refused(v2.delete_conversation(APP, &missing).await),
    ] {
        assert_eq!((status, code.as_str()), (404, "conversation_not_found"));
    }
    let unknown = ConversationListFilter::user_external_id("nobody");
    assert_eq!(
        refused(v2.list_conversations(APP, &Page::first(), &unknown).await).1,
        "user_not_found"
    );
    let filter = ConversationListFilter::user_id(&ana);
    let too_big = Page::first().with_size(101);
    assert_eq!(
        refused(v2.list_conversations(APP, &too_big, &filter).await).0,
        400
    );
    let stale = Page::after("f".repeat(24));
    assert_eq!(
        refused(v2.list_conversations(APP, &stale, &filter).await).0,
        400
    );
}

#[tokio::test]
async fn a_user_s_conversations_are_listed_by_cursor() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let other = user(&v2, "other").await;
    personal(&v2, &other).await;
    let mut made = Vec::new();
    for _ in 0..27 {
        let group =
            ConversationCreate::sdk_group().with_participant(ParticipantJoin::user_id(&ana));
        let created = v2.create_conversation(APP, &group).await.unwrap();
        made.push(created.conversation.unwrap().id.unwrap().to_string());
    }
    let filter = ConversationListFilter::user_external_id("ana");
    let first = v2
        .list_conversations(APP, &Page::first().with_size(10), &filter)
        .await
        .unwrap();
    let ids = |list: &[smooch_client::v2::models::Conversation]| -> Vec<String> {
        list.iter()
            .map(|c| c.id.clone().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&first.conversations), made[..10]);
    let meta = first.meta.unwrap();
    assert_eq!(meta.has_more, Some(true));
    assert_eq!(meta.after_cursor.as_deref(), Some(made[9].as_str()));
    assert!(
        first
            .links
            .unwrap()
            .next
            .unwrap()
            .contains("filter[userExternalId]=ana")
    );
    let second = v2
        .list_conversations(APP, &Page::after(&made[9]).with_size(10), &filter)
        .await
        .unwrap();
    assert_eq!(ids(&second.conversations), made[10..20]);
    let before = v2
        .list_conversations(APP, &Page::before(&made[10]).with_size(5), &filter)
        .await
        .unwrap();
    assert_eq!(ids(&before.conversations), made[5..10]);

    let all: Vec<_> = v2
        .conversations(APP, ConversationListFilter::user_id(&ana))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        ids(&all),
        made,
        "every one, once, in order, and not the other user's"
    );
}

#[tokio::test]
async fn participants_join_leave_and_are_listed() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let ben = user(&v2, "ben").await;
    let group = ConversationCreate::sdk_group().with_participant(ParticipantJoin::user_id(&ana));
    let group = v2.create_conversation(APP, &group).await.unwrap();
    let group = group.conversation.unwrap().id.unwrap().to_string();

    let joined = v2
        .join_conversation(APP, &group, &ParticipantJoin::user_external_id("ben"))
        .await
        .unwrap()
        .participant
        .unwrap();
    assert_eq!(joined.user_id.as_deref(), Some(ben.as_str()));
    assert_eq!(joined.user_external_id.as_deref(), Some("ben"));
    assert_eq!(joined.unread_count, Some(0));
    let listed = v2
        .list_participants(APP, &group, &Page::first())
        .await
        .unwrap();
    assert_eq!(listed.participants.len(), 2);
    assert_eq!(listed.participants[1], joined);
    assert_eq!(listed.meta.unwrap().has_more, Some(false));
    let first_only = v2
        .list_participants(APP, &group, &Page::first().with_size(1))
        .await
        .unwrap();
    assert_eq!(
        first_only.participants[0].user_id.as_deref(),
        Some(ana.as_str())
    );
    assert_eq!(first_only.meta.unwrap().has_more, Some(true));

    v2.leave_conversation(APP, &group, &ParticipantLeave::UserId(ana.clone()))
        .await
        .unwrap();
    let left = fake.v2().conversation(APP, &group).unwrap().participants;
    assert_eq!(left, std::slice::from_ref(&joined));
    let by_participant = ParticipantLeave::ParticipantId(joined.id.unwrap().to_string());
    v2.leave_conversation(APP, &group, &by_participant)
        .await
        .unwrap();
    assert!(
        fake.v2()
            .conversation(APP, &group)
            .unwrap()
            .participants
            .is_empty()
    );
}

#[tokio::test]
async fn participants_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let own = personal(&v2, &ana).await;
    let (status, _, title) = refused(
        v2.join_conversation(APP, &own, &ParticipantJoin::user_id(&ana))
            .await,
    );
    assert_eq!(status, 400);
    assert!(title.contains("sdkGroup"), "{title}");
    let group = ConversationCreate::sdk_group().with_participant(ParticipantJoin::user_id(&ana));
    let group = v2.create_conversation(APP, &group).await.unwrap();
    let group = group.conversation.unwrap().id.unwrap().to_string();
    assert_eq!(
        refused(
            v2.join_conversation(APP, &group, &ParticipantJoin::user_id(&ana))
                .await
        )
        .0,
        400,
        "already in"
    );
    assert_eq!(
        refused(
            v2.join_conversation(APP, &group, &ParticipantJoin::user_id("nobody"))
                .await
        )
        .1,
        "user_not_found"
    );
    assert_eq!(
        refused(
            v2.leave_conversation(APP, &group, &ParticipantLeave::UserExternalId("x".into()))
                .await
        ),
        (
            404,
            "not_found".into(),
            "The user is not a participant of the conversation".into()
        )
    );
    let missing = "c".repeat(24);
    for (status, code, _) in [
        refused(
            v2.join_conversation(APP, &missing, &ParticipantJoin::user_id(&ana))
                .await,
        ),
        refused(
            v2.leave_conversation(APP, &missing, &ParticipantLeave::UserId(ana.clone()))
                .await,
        ),
        refused(v2.list_participants(APP, &missing, &Page::first()).await),
    ] {
        assert_eq!((status, code.as_str()), (404, "conversation_not_found"));
    }
    let bad_page = Page::first().with_size(0);
    assert_eq!(
        refused(v2.list_participants(APP, &group, &bad_page).await).0,
        400
    );
}
