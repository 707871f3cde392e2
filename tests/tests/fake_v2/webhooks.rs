//! Custom integrations, the Webhooks API, and the v2 deliveries: what is sent, to whom, with
//! which secret, how it is retried, and what the user hooks cause.

use serde_json::json;
use smooch_client::fake::v2::Tap;
use smooch_client::fake::{DeliveryFault, DeliveryOutcome};
use smooch_client::models::Metadata;
use smooch_client::v2::models::{
    ConversationCreate, Custom, CustomWebhook, DateTime, Integration, IntegrationCreate,
    IntegrationKind, Item, Link, MessagePost, ParticipantJoin, ParticipantLeave, Postback, Reply,
    TextMessage, WebhookCreate, WebhookTrigger, WebhookUpdate,
};
use smooch_client::v2::{
    ConversationsApi, IntegrationsApi, MessagesApi, ParticipantsApi, UsersApi, V2, WebhooksApi,
};
use smooch_client::{ConversationApi, WebhookApi};

use super::{APP, Bot, personal, refused, start, user};

/// Creates a custom integration whose one webhook calls `target` for `triggers`.
async fn integration(v2: &V2, target: &str, triggers: &[&str]) -> (String, CustomWebhook) {
    let hook = CustomWebhook::new(target, triggers.iter().copied());
    let created = v2
        .create_integration(APP, &IntegrationCreate::new(Custom::new(hook)))
        .await
        .unwrap();
    let Integration { id, kind, .. } = created.integration.unwrap();
    let IntegrationKind::Custom(custom) = kind else {
        panic!("a custom integration: {kind:?}");
    };
    (id.unwrap().to_string(), custom.webhooks[0].clone())
}

#[tokio::test]
async fn custom_integrations_and_their_webhooks_are_managed() {
    let (fake, v2) = start().await;
    let (integration_id, first) =
        integration(&v2, "https://bot.example/v2", &["conversation:message"]).await;
    let secret = first.secret.clone().unwrap();
    assert_eq!(secret.expose().len(), 32);
    assert!(secret.expose().chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(first.version.as_deref(), Some("v2"));
    let got = v2.get_integration(APP, &integration_id).await.unwrap();
    assert_eq!(
        got.integration.unwrap().id.as_deref(),
        Some(integration_id.as_str())
    );

    let create = WebhookCreate::new("https://bot.example/other", ["conversation:postback"])
        .with_include_full_user(true);
    let second = v2
        .create_webhook(APP, &integration_id, &create)
        .await
        .unwrap()
        .webhook
        .unwrap();
    assert_ne!(second.secret, first.secret);
    assert_eq!(second.include_full_user, Some(true));
    assert_eq!(second.include_full_source, Some(false));
    let listed = v2
        .list_webhooks(APP, &integration_id)
        .await
        .unwrap()
        .webhooks;
    assert_eq!(listed.len(), 2);
    assert_eq!(listed, fake.v2().webhooks(APP));
    let second_id = second.id.clone().unwrap();
    let got = v2
        .get_webhook(APP, &integration_id, &second_id)
        .await
        .unwrap();
    assert_eq!(got.webhook, Some(second.clone()));

    let update = WebhookUpdate::default().with_triggers([WebhookTrigger::ConversationRead]);
    let updated = v2
        .update_webhook(APP, &integration_id, &second_id, &update)
        .await
        .unwrap()
        .webhook
        .unwrap();
    assert_eq!(updated.triggers, [WebhookTrigger::ConversationRead]);
    assert_eq!(updated.secret, second.secret, "the secret stays");

    v2.delete_webhook(APP, &integration_id, &second_id)
        .await
        .unwrap();
    assert_eq!(
        refused(v2.get_webhook(APP, &integration_id, &second_id).await),
        (404, "not_found".into(), "Webhook not found".into())
    );
    v2.delete_integration(APP, &integration_id).await.unwrap();
    assert!(
        fake.v2().webhooks(APP).is_empty(),
        "its webhooks went with it"
    );
    assert_eq!(
        refused(v2.get_integration(APP, &integration_id).await).1,
        "integration_not_found"
    );
}

#[tokio::test]
async fn integrations_and_webhooks_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    let bad_hooks = [
        CustomWebhook::new("ftp://bot.example", ["conversation:message"]),
        CustomWebhook::new("https://bot.example", Vec::<String>::new()),
        CustomWebhook::new("https://bot.example", ["conversation:nope"]),
    ];
    for hook in bad_hooks {
        let body = IntegrationCreate::new(Custom::new(hook));
        assert_eq!(refused(v2.create_integration(APP, &body).await).0, 400);
    }
    let mut two = Custom::new(CustomWebhook::new("https://a.example", ["user:update"]));
    two.webhooks
        .push(CustomWebhook::new("https://b.example", ["user:update"]));
    let (status, _, title) = refused(
        v2.create_integration(APP, &IntegrationCreate::new(two))
            .await,
    );
    assert_eq!(status, 400);
    assert!(title.contains("exactly one webhook"), "{title}");

    let (integration_id, webhook) =
        integration(&v2, "https://bot.example", &["conversation:message"]).await;
    let webhook_id = webhook.id.unwrap();
    let bad = WebhookCreate::new("not a url", ["conversation:message"]);
    assert_eq!(
        refused(v2.create_webhook(APP, &integration_id, &bad).await).0,
        400
    );
    let no_triggers = WebhookUpdate::default().with_triggers(Vec::<WebhookTrigger>::new());
    assert_eq!(
        refused(
            v2.update_webhook(APP, &integration_id, &webhook_id, &no_triggers)
                .await
        )
        .0,
        400
    );
    let good = WebhookCreate::new("https://bot.example", ["conversation:message"]);
    for _ in 1..10 {
        v2.create_webhook(APP, &integration_id, &good)
            .await
            .unwrap();
    }
    let (status, _, title) = refused(v2.create_webhook(APP, &integration_id, &good).await);
    assert_eq!(status, 400);
    assert!(title.contains("at most 10"), "{title}");

    let missing = "i".repeat(24);
    for (status, code, _) in [
        refused(v2.create_webhook(APP, &missing, &good).await),
        refused(v2.list_webhooks(APP, &missing).await),
        refused(v2.get_webhook(APP, &missing, &webhook_id).await),
        refused(v2.delete_integration(APP, &missing).await),
    ] {
        assert_eq!((status, code.as_str()), (404, "integration_not_found"));
    }
    for (status, code, _) in [
        refused(
            v2.update_webhook(APP, &integration_id, &missing, &WebhookUpdate::default())
                .await,
        ),
        refused(v2.delete_webhook(APP, &integration_id, &missing).await),
    ] {
        assert_eq!((status, code.as_str()), (404, "not_found"));
    }
}

#[tokio::test]
async fn a_user_message_reaches_the_webhook_as_a_v2_event() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    let (_, webhook) =
        integration(&v2, &url, &["conversation:create", "conversation:message"]).await;
    let ana = user(&v2, "crm-55102").await;
    let conversation = personal(&v2, &ana).await;
    let said = fake
        .v2()
        .user_says(APP, &conversation, "crm-55102", "Can I change the address?")
        .unwrap();
    fake.deliveries_settled().await;

    let calls = bot.calls();
    assert_eq!(
        bot.event_types(),
        ["conversation:create", "conversation:message"]
    );
    let secret = webhook.secret.unwrap();
    assert!(
        calls.iter().all(|(key, _)| key == secret.expose()),
        "X-API-Key is the secret"
    );
    let created = &calls[0].1["events"][0]["payload"];
    assert_eq!(created["creationReason"], "none");
    assert_eq!(created["user"]["id"], ana.as_str());
    assert_eq!(created["conversation"]["id"], conversation.as_str());

    let body = &calls[1].1;
    assert_eq!(body["app"], json!({"id": APP}));
    assert_eq!(
        body["webhook"],
        json!({"id": webhook.id.unwrap().as_str(), "version": "v2"})
    );
    let event = &body["events"][0];
    assert_eq!(event["id"].as_str().unwrap().len(), 24);
    assert!(DateTime::parse(event["createdAt"].as_str().unwrap()).is_ok());
    let message = &event["payload"]["message"];
    assert_eq!(message["id"], said.id.unwrap().as_str());
    assert_eq!(
        message["content"],
        json!({"type": "text", "text": "Can I change the address?"})
    );
    assert_eq!(message["source"]["type"], "web");
    assert_eq!(message["author"]["type"], "user");
    assert_eq!(
        message["author"]["user"],
        json!({"id": ana, "externalId": "crm-55102", "authenticated": false}),
        "the short user: the webhook does not ask for the full one"
    );
    assert_eq!(event["payload"]["conversation"]["type"], "personal");
    assert_eq!(event["payload"]["recentNotifications"], json!([]));
    let attempts = fake.deliveries();
    assert!(
        attempts
            .iter()
            .all(|a| a.version == "v2" && a.outcome.is_success())
    );
    assert_eq!(attempts[1].trigger.as_str(), "conversation:message");
}

#[tokio::test]
async fn business_messages_and_full_users_go_out_too() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    let (integration_id, webhook) = integration(&v2, &url, &["conversation:message"]).await;
    let full = WebhookUpdate::default().with_include_full_user(true);
    v2.update_webhook(APP, &integration_id, &webhook.id.unwrap(), &full)
        .await
        .unwrap();
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let post = MessagePost::business(TextMessage::new("Welcome"));
    v2.post_message(APP, &conversation, &post).await.unwrap();
    let metadata: Metadata = serde_json::from_value(json!({"plan": "gold"})).unwrap();
    let update = smooch_client::v2::models::UserUpdate::default().with_metadata(metadata);
    v2.update_user(APP, &ana, &update, None).await.unwrap();
    fake.v2()
        .user_says(APP, &conversation, &ana, "Thanks")
        .unwrap();
    fake.deliveries_settled().await;

    let calls = bot.calls();
    assert_eq!(calls.len(), 2);
    let business = &calls[0].1["events"][0]["payload"]["message"];
    assert_eq!(business["author"]["type"], "business");
    assert_eq!(business["source"]["type"], "api");
    let user = &calls[1].1["events"][0]["payload"]["message"]["author"]["user"];
    assert_eq!(user["metadata"], json!({"plan": "gold"}), "the full user");
}

#[tokio::test]
async fn failed_deliveries_are_retried_until_answered_and_stopped_by_the_stop_statuses() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    integration(&v2, &url, &["conversation:message"]).await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;

    bot.answer(&[500, 503]);
    fake.v2()
        .user_says(APP, &conversation, &ana, "one")
        .unwrap();
    fake.deliveries_settled().await;
    let outcomes: Vec<_> = fake.deliveries().into_iter().map(|a| a.outcome).collect();
    assert_eq!(
        outcomes,
        [
            DeliveryOutcome::Answered(500),
            DeliveryOutcome::Answered(503),
            DeliveryOutcome::Answered(200)
        ]
    );
    let calls = bot.calls();
    let ids: Vec<_> = calls
        .iter()
        .map(|(_, b)| b["events"][0]["id"].clone())
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] == w[1]),
        "the same event each time: {ids:?}"
    );

    for stop in [400, 401, 403, 404, 406] {
        let before = fake.deliveries().len();
        bot.answer(&[stop]);
        fake.v2()
            .user_says(APP, &conversation, &ana, "stop")
            .unwrap();
        fake.deliveries_settled().await;
        let attempts = fake.deliveries();
        assert_eq!(attempts.len(), before + 1, "{stop}: not retried");
        assert_eq!(attempts[before].outcome, DeliveryOutcome::Answered(stop));
    }

    let before = fake.deliveries().len();
    fake.inject_delivery(6, DeliveryFault::Unreachable);
    fake.v2()
        .user_says(APP, &conversation, &ana, "nobody home")
        .unwrap();
    fake.deliveries_settled().await;
    assert_eq!(
        fake.deliveries().len(),
        before + 6,
        "the first attempt and 5 retries"
    );
}

#[tokio::test]
async fn a_first_delivery_that_fails_is_retried_and_handled_once() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    integration(&v2, &url, &["conversation:message"]).await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    fake.inject_delivery(1, DeliveryFault::Status(503));
    fake.v2()
        .user_says(APP, &conversation, &ana, "hello")
        .unwrap();
    fake.deliveries_settled().await;
    let attempts = fake.deliveries();
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0].fault, Some(DeliveryFault::Status(503)));
    assert!(attempts[1].outcome.is_success());
    assert_eq!(
        attempts[0].payload, attempts[1].payload,
        "the same delivery again"
    );
    assert_eq!(bot.calls().len(), 1, "the receiver saw it once");
}

#[tokio::test]
async fn taps_reads_and_typing_cause_their_events() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    integration(
        &v2,
        &url,
        &[
            "conversation:message",
            "conversation:postback",
            "conversation:read",
            "conversation:typing",
        ],
    )
    .await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let metadata: Metadata = serde_json::from_value(json!({"sku": "A-1"})).unwrap();
    let question = TextMessage::new("Size?")
        .with_action(Reply::new("Small", "size-s"))
        .with_action(Postback::new("Order", "order").with_metadata(metadata))
        .with_action(Link::new("Guide", "https://shop.example/guide"));
    let sent = v2
        .post_message(APP, &conversation, &MessagePost::business(question))
        .await
        .unwrap()
        .messages[0]
        .id
        .clone()
        .unwrap();
    let carousel = smooch_client::v2::models::Content::carousel([Item::new(
        "Hat",
        Postback::new("Buy", "buy-hat"),
    )]);
    let cards = v2
        .post_message(APP, &conversation, &MessagePost::business(carousel))
        .await
        .unwrap()
        .messages[0]
        .id
        .clone()
        .unwrap();

    let hooks = fake.v2();
    let Tap::Reply(reply) = hooks
        .user_taps(APP, &conversation, "ana", &sent, "size-s")
        .unwrap()
    else {
        panic!("a reply button sends a message");
    };
    assert_eq!(
        hooks
            .user_taps(APP, &conversation, "ana", &sent, "order")
            .unwrap(),
        Tap::Postback
    );
    assert_eq!(
        hooks
            .user_taps(APP, &conversation, "ana", &cards, "buy-hat")
            .unwrap(),
        Tap::Postback
    );
    let error = hooks
        .user_taps(APP, &conversation, "ana", &sent, "nothing")
        .unwrap_err();
    assert!(error.to_string().contains("nothing"), "{error}");
    hooks.user_reads(APP, &conversation, "ana").unwrap();
    hooks.user_types(APP, &conversation, "ana", true).unwrap();
    fake.deliveries_settled().await;

    let mut types = bot.event_types();
    types.sort();
    assert_eq!(
        types,
        [
            "conversation:message",
            "conversation:message",
            "conversation:message",
            "conversation:postback",
            "conversation:postback",
            "conversation:read",
            "conversation:typing",
        ]
    );
    let events: Vec<_> = bot
        .calls()
        .into_iter()
        .map(|(_, body)| body["events"][0].clone())
        .collect();
    let of =
        |t: &str| -> Vec<&serde_json::Value> { events.iter().filter(|e| e["type"] == t).collect() };
    let reply_event = of("conversation:message")
        .into_iter()
        .find(|e| e["payload"]["message"]["author"]["type"] == "user")
        .unwrap();
    assert_eq!(
        reply_event["payload"]["message"]["content"],
        json!({"type": "text", "text": "Small", "payload": "size-s"})
    );
    assert_eq!(
        reply_event["payload"]["message"]["id"],
        reply.id.unwrap().as_str()
    );
    let postbacks: Vec<_> = of("conversation:postback")
        .into_iter()
        .map(|e| e["payload"].clone())
        .collect();
    assert_eq!(
        postbacks[0]["postback"],
        json!({"payload": "order", "metadata": {"sku": "A-1"}})
    );
    assert_eq!(postbacks[1]["postback"], json!({"payload": "buy-hat"}));
    assert_eq!(postbacks[0]["user"]["id"], ana.as_str());
    let read = of("conversation:read")[0];
    assert_eq!(read["payload"]["activity"]["type"], "conversation:read");
    assert_eq!(
        read["payload"]["activity"]["author"]["userId"],
        ana.as_str()
    );
    let typing = of("conversation:typing")[0];
    assert_eq!(typing["payload"]["activity"]["type"], "typing:start");
    let stored = fake.v2().conversation(APP, &conversation).unwrap();
    assert_eq!(stored.participants[0].unread_count, Some(0), "read");
}

#[tokio::test]
async fn the_hooks_refuse_what_a_user_cannot_do() {
    let (fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    user(&v2, "ben").await;
    let conversation = personal(&v2, &ana).await;
    let hooks = fake.v2();
    assert!(
        hooks.user_says(APP, &conversation, "ben", "hi").is_err(),
        "not a participant"
    );
    assert!(hooks.user_says(APP, &conversation, "nobody", "hi").is_err());
    assert!(hooks.user_says(APP, &"c".repeat(24), "ana", "hi").is_err());
    assert!(
        hooks
            .user_says("other-app", &conversation, "ana", "hi")
            .is_err()
    );
    assert!(
        hooks
            .user_taps(APP, &conversation, "ana", "nope", "x")
            .is_err()
    );
    assert!(hooks.user_types(APP, &conversation, "ben", true).is_err());
    let empty = hooks.user_sends(APP, &conversation, "ana", TextMessage::default());
    assert!(empty.unwrap_err().to_string().contains("needs `text`"));
    assert!(fake.deliveries().is_empty());
}

#[tokio::test]
async fn lifecycle_events_go_only_to_webhooks_subscribed_to_them() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    let (quiet, quiet_url) = Bot::start().await;
    integration(
        &v2,
        &url,
        &[
            "conversation:join",
            "conversation:leave",
            "conversation:remove",
            "user:remove",
        ],
    )
    .await;
    integration(&v2, &quiet_url, &["conversation:postback"]).await;
    let ana = user(&v2, "ana").await;
    let ben = user(&v2, "ben").await;
    let group = ConversationCreate::sdk_group().with_participant(ParticipantJoin::user_id(&ana));
    let group = v2.create_conversation(APP, &group).await.unwrap();
    let group = group.conversation.unwrap().id.unwrap().to_string();
    v2.join_conversation(APP, &group, &ParticipantJoin::user_id(&ben))
        .await
        .unwrap();
    v2.leave_conversation(APP, &group, &ParticipantLeave::UserId(ben.clone()))
        .await
        .unwrap();
    v2.delete_conversation(APP, &group).await.unwrap();
    v2.delete_user(APP, &ben, None).await.unwrap();
    fake.deliveries_settled().await;
    assert_eq!(
        bot.event_types(),
        [
            "conversation:join",
            "conversation:leave",
            "conversation:remove",
            "user:remove"
        ]
    );
    let calls = bot.calls();
    assert_eq!(
        calls[0].1["events"][0]["payload"]["user"]["id"],
        ben.as_str()
    );
    assert_eq!(
        calls[2].1["events"][0]["payload"]["conversation"]["id"],
        group.as_str()
    );
    assert!(quiet.calls().is_empty());
}

#[tokio::test]
async fn v1_and_v2_data_and_deliveries_are_separate() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    integration(&v2, &url, &["conversation:message"]).await;
    let v1_hook = smooch_client::models::WebhookCreate::new(url.clone())
        .with_triggers([smooch_client::models::WebhookTrigger::MessageAppUser]);
    let client = fake.client().unwrap();
    client.create_webhook(APP, &v1_hook).await.unwrap();

    fake.user_says(APP, "ana", "through v1.1").unwrap();
    fake.deliveries_settled().await;
    let versions: Vec<_> = fake.deliveries().iter().map(|a| a.version).collect();
    assert_eq!(versions, ["v1.1"], "no v2 delivery for a v1.1 message");
    assert_eq!(
        refused(v2.get_user(APP, "ana", None).await).1,
        "user_not_found",
        "a v1.1 app user is not a v2 user"
    );

    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    fake.v2()
        .user_says(APP, &conversation, &ana, "through v2")
        .unwrap();
    fake.deliveries_settled().await;
    let versions: Vec<_> = fake.deliveries().iter().map(|a| a.version).collect();
    assert_eq!(
        versions,
        ["v1.1", "v2"],
        "no v1.1 delivery for a v2 message"
    );
    assert_eq!(bot.calls().len(), 2);
    let v1_messages = client
        .get_messages(APP, "ana", smooch_client::models::Cursor::Latest)
        .await
        .unwrap()
        .messages;
    assert_eq!(v1_messages.len(), 1, "the v2 message is not in v1.1 reads");
}
