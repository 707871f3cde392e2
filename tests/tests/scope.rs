//! `Client::app(..).user(..)`: the ids given once, each call the endpoint of the same name.

use futures_util::TryStreamExt;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::{ConversationActivity, Cursor, MessagePost, Role, Timestamp};

const APP: &str = "app_1";
const USER: &str = "steve@example.com";

#[tokio::test]
async fn a_user_scope_runs_a_conversation_with_the_ids_given_once() {
    let fake = FakeSmooch::start().await.unwrap();
    let client = fake.client().unwrap();
    let app = client.app(APP);
    let steve = app.user(USER);
    assert_eq!((steve.app().id(), steve.id()), (APP, USER));

    steve
        .conversation_activity(&ConversationActivity::typing_start())
        .await
        .unwrap();
    let first = steve
        .post_message(&MessagePost::text(Role::AppMaker, "Hi Steve!"))
        .await
        .unwrap()
        .message;
    let second = steve
        .post_message(&MessagePost::text(Role::AppMaker, "Anything else?"))
        .await
        .unwrap()
        .message;
    // The conversation is the app's user's, not one with the ids swapped.
    assert_eq!(fake.conversation(APP, USER).unwrap().messages.len(), 2);
    assert!(fake.conversation(USER, APP).is_none());

    let latest = steve.get_messages(Cursor::Latest).await.unwrap();
    assert_eq!(latest.messages.len(), 2);
    let after_first = steve
        .get_messages(Cursor::After(first.received))
        .await
        .unwrap();
    assert_eq!(after_first.messages[0].id, second.id);
    let newest_first: Vec<_> = steve.history().try_collect().await.unwrap();
    assert_eq!(newest_first[0].id, second.id);
    let oldest_first: Vec<_> = steve
        .forward(Timestamp::from_unix_millis(0))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(oldest_first[0].id, first.id);

    // Two business messages the user has not read.
    assert_eq!(
        fake.conversation(APP, USER)
            .unwrap()
            .conversation
            .unread_count,
        2
    );
    steve.reset_unread_count().await.unwrap();
    assert_eq!(
        fake.conversation(APP, USER)
            .unwrap()
            .conversation
            .unread_count,
        0
    );

    steve.delete_message(&first.id).await.unwrap();
    assert_eq!(fake.conversation(APP, USER).unwrap().messages.len(), 1);
    steve.delete_messages().await.unwrap();
    assert!(fake.conversation(APP, USER).unwrap().messages.is_empty());
}

#[test]
fn scopes_are_send_sync_and_clone() {
    fn check<T: Send + Sync + Clone + 'static>() {}
    check::<smooch_client::AppScope>();
    check::<smooch_client::UserScope>();
}
