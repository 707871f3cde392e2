//! Notifications: recorded and answered with an id when valid; refused otherwise.

use serde_json::json;
use smooch_client::NotificationApi;
use smooch_client::models::{Author, NotificationDestination, NotificationPost, Role};

use super::{APP, refused, start};

fn shipped() -> NotificationPost {
    NotificationPost::new(
        NotificationDestination::new("5e1f438bf99fb467810c0ab9", "+15145555333"),
        json!({"type": "text", "text": "Your order has shipped"}),
    )
}

#[tokio::test]
async fn a_notification_is_recorded_and_answered_with_its_id() {
    let (fake, client) = start().await;
    let first = client.post_notification(APP, &shipped()).await.unwrap();
    let template = shipped()
        .with_message_schema("whatsapp")
        .with_author(Author::app_maker().with_name("Shop"));
    let mut template = template;
    template.message =
        json!({"type": "template", "template": {"namespace": "ns", "name": "shipped"}});
    let second = client.post_notification(APP, &template).await.unwrap();

    let id = &first.notification.id;
    assert_eq!(id.len(), 36, "a UUID: {id}");
    assert_eq!(id.matches('-').count(), 4, "a UUID: {id}");
    assert_ne!(id, &second.notification.id);
    let sent = fake.notifications(APP);
    assert_eq!(sent.len(), 2);
    assert_eq!((&sent[0].id, &sent[0].notification), (id, &shipped()));
    assert_eq!(sent[1].notification, template);
    assert!(fake.notifications("another_app").is_empty());
}

#[tokio::test]
async fn an_invalid_notification_is_refused_and_not_recorded() {
    let (fake, client) = start().await;
    let mut nowhere = shipped();
    nowhere.destination.destination_id.clear();
    let mut no_integration = shipped();
    no_integration.destination.integration_id.clear();
    let mut user = Author::app_maker();
    user.role = Role::AppUser;
    let from_user = shipped().with_author(user);
    let schema = shipped().with_message_schema("line");
    let mut empty_text = shipped();
    empty_text.message = json!({"type": "text"});
    let mut not_an_object = shipped();
    not_an_object.message = json!("Your order has shipped");
    let cases = [
        (nowhere, "`destination.destinationId`"),
        (no_integration, "`destination.integrationId`"),
        (from_user, "`author.role`"),
        (schema, "`messageSchema`"),
        (empty_text, "`message`: a text message needs"),
        (not_an_object, "`message` must be an object"),
    ];
    for (notification, expected) in cases {
        let error = client
            .post_notification(APP, &notification)
            .await
            .unwrap_err();
        let description = refused(error, 400, "bad_request");
        assert!(description.contains(expected), "{expected}: {description}");
    }
    assert!(fake.notifications(APP).is_empty());
}
