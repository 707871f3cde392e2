//! Every trigger of the reference sheet, decoded from a payload written from its description
//! (`smooch_tests::events`), with its values checked.

use serde_json::{Value, json};
use smooch_client::models::{
    ActionState, ActionType, ActivityType, ClientStatus, IntegrationType, MessageType, Role,
    WebhookTrigger,
};
use smooch_client::webhook::Event;
use smooch_tests::events::{self as payloads, APP_ID, CONVERSATION_ID, USER_ID};

use super::{at, event};

#[test]
fn message_app_user() {
    let Event::MessageAppUser(e) = event(payloads::message_app_user()) else {
        panic!("wrong variant");
    };
    assert_eq!(e.envelope.trigger, WebhookTrigger::MessageAppUser);
    assert_eq!(e.envelope.app.id, APP_ID);
    assert_eq!(e.envelope.version.as_deref(), Some("v1.1"));
    let [message] = &e.messages[..] else {
        panic!("one message")
    };
    assert_eq!(message.id, "65a2c0de1f9b4e37a8d05c11");
    assert_eq!(message.r#type, MessageType::Text);
    assert_eq!(
        message.text.as_deref(),
        Some("Do you deliver to Porto on Saturdays?")
    );
    assert_eq!(message.role, Role::AppUser);
    assert_eq!(message.author_id, USER_ID);
    assert_eq!(message.name.as_deref(), Some("Marta Sousa"));
    assert_eq!(message.received, 1704877200.125);
    let source = message.source.as_ref().unwrap();
    assert_eq!(source.r#type.as_deref(), Some("whatsapp"));
    assert_eq!(
        source.integration_id.as_deref(),
        Some("60b7e2f1a9c3d5e7f9a1b3c5")
    );
    let user = e.envelope.app_user.as_ref().unwrap();
    assert_eq!(user.id, USER_ID);
    assert_eq!(user.user_id.as_deref(), Some("cust-5512"));
    assert_eq!(user.conversation_started, Some(true));
    assert_eq!(
        e.envelope.conversation.as_ref().unwrap().id,
        CONVERSATION_ID
    );
    let client = e.envelope.client.as_ref().unwrap();
    assert_eq!(client.id, "b8a4f2e6-1c3d-4e5f-9a7b-2c4d6e8f0a1b");
    assert_eq!(client.platform, Some(IntegrationType::Whatsapp));
    assert_eq!(client.status, Some(ClientStatus::Active));
    assert_eq!(
        client.integration_id.as_deref(),
        Some("60b7e2f1a9c3d5e7f9a1b3c5")
    );
    assert_eq!(client.display_name.as_deref(), Some("Marta"));
    assert_eq!(
        client.last_seen.as_deref(),
        Some("2024-01-10T09:00:00.125Z")
    );
    assert_eq!(
        client.info.as_ref().unwrap()["phoneNumber"],
        "+351910000222"
    );
    assert_eq!(client.raw.as_ref().unwrap()["profile"]["name"], "Marta");
    assert_eq!(
        client.extra["_id"], "5c9d0e1f2a3b4c5d6e7f8091",
        "the v1.1 `_id` of a client is kept"
    );
}

#[test]
fn message_app_maker() {
    let decoded = event(payloads::message_app_maker());
    assert_eq!(decoded.trigger(), "message:appMaker");
    assert_eq!(decoded.conversation_id(), Some(CONVERSATION_ID));
    let Event::MessageAppMaker(e) = decoded else {
        panic!("wrong variant");
    };
    let message = &e.messages[0];
    assert_eq!(message.role, Role::AppMaker);
    assert_eq!(message.r#type, MessageType::Carousel);
    assert_eq!(message.author_id, "Xr4WqL9mZt2KpV7sBn0Ahj");
    assert_eq!(
        message.avatar_url.as_deref(),
        Some("https://cdn.example.org/assistant.png")
    );
    assert_eq!(message.received, 1704877262.5);
    assert_eq!(message.text.as_deref(), Some("Tote bag\nBackpack"));
    assert_eq!(message.items.len(), 2);
    assert_eq!(message.items[1].title, "Backpack");
    assert_eq!(message.items[1].actions[0].payload.as_deref(), Some("PACK"));
    assert_eq!(
        e.envelope.app_user.as_ref().unwrap().conversation_started,
        Some(true)
    );
    assert!(e.envelope.client.is_none());
}

#[test]
fn postback() {
    let Event::Postback(e) = event(payloads::postback()) else {
        panic!("wrong variant");
    };
    assert_eq!(e.postbacks.len(), 1);
    let tap = &e.postbacks[0];
    assert_eq!(tap.action.id.as_deref(), Some("65a2c3117b0e4f9d8a2c6e14"));
    assert_eq!(tap.action.r#type, ActionType::Postback);
    assert_eq!(tap.action.payload.as_deref(), Some("CALL_PM"));
    assert_eq!(tap.action.text.as_deref(), Some("Evening (18-21h)"));
    let message = tap.message.as_ref().unwrap();
    assert_eq!(message.id, "65a2c3117b0e4f9d8a2c6e13");
    assert_eq!(
        message.actions[0].text.as_deref(),
        Some("Evening"),
        "the message's copy of the action keeps its own label"
    );
    assert_eq!(e.envelope.app_user.as_ref().unwrap().id, USER_ID);
}

#[test]
fn conversation_start() {
    let decoded = event(payloads::conversation_start());
    assert_eq!(decoded.timestamp(), Some(at(1704877400.333)));
    let Event::ConversationStart(e) = decoded else {
        panic!("wrong variant");
    };
    assert_eq!(e.envelope.trigger, WebhookTrigger::ConversationStart);
    assert_eq!(
        e.source.as_ref().unwrap().r#type.as_deref(),
        Some("messenger")
    );
    let user = e.envelope.app_user.as_ref().unwrap();
    assert_eq!(user.id, "e7b3a9c1d5f2048b6e9a3c70");
    assert_eq!(user.conversation_started, Some(false));
    let referral = e.referral.as_ref().unwrap();
    assert_eq!(referral.code.as_deref(), Some("winter-sale"));
    let details = referral.details.as_ref().unwrap();
    assert_eq!(details.source.as_deref(), Some("MESSENGER_CODE"));
    assert_eq!(details.r#type.as_deref(), Some("OPEN_THREAD"));
    assert_eq!(details.ad_id, None);
}

#[test]
fn conversation_read() {
    let decoded = event(payloads::conversation_read());
    assert_eq!(decoded.version(), None, "a v1 payload has no version");
    assert_eq!(decoded.app_user().map(|u| u.id.as_str()), Some(USER_ID));
    let Event::ConversationRead(e) = decoded else {
        panic!("wrong variant");
    };
    assert_eq!(e.source.as_ref().unwrap().r#type.as_deref(), Some("web"));
    assert_eq!(
        e.envelope.app_user.as_ref().unwrap().conversation_started,
        None
    );
    assert_eq!(e.envelope.timestamp, Some(at(1704877450.08)));
    assert_eq!(e.referral, None);
}

#[test]
fn conversation_referral() {
    let Event::ConversationReferral(e) = event(payloads::conversation_referral()) else {
        panic!("wrong variant");
    };
    let referral = e.referral.as_ref().unwrap();
    assert_eq!(referral.code.as_deref(), Some("ad-set-42"));
    let details = referral.details.as_ref().unwrap();
    assert_eq!(details.source.as_deref(), Some("ADS"));
    assert_eq!(details.ad_id.as_deref(), Some("6050113377001"));
    assert_eq!(e.envelope.timestamp, Some(at(1704877500.0)));
}

#[test]
fn typing_app_user() {
    let Event::TypingAppUser(e) = event(payloads::typing_app_user()) else {
        panic!("wrong variant");
    };
    assert_eq!(
        e.activity.as_ref().unwrap().r#type,
        ActivityType::TypingStop
    );
    assert_eq!(
        e.envelope.conversation.as_ref().unwrap().id,
        CONVERSATION_ID
    );
    assert_eq!(e.envelope.timestamp, Some(at(1704877555.901)));
}

#[test]
fn merge_app_user() {
    let decoded = event(payloads::merge_app_user());
    assert_eq!(
        decoded.app_user().map(|u| u.id.as_str()),
        Some("a0b1c2d3e4f5061728394a5b"),
        "the surviving user"
    );
    let Event::MergeAppUser(e) = decoded else {
        panic!("wrong variant");
    };
    let surviving = e.surviving.as_ref().unwrap();
    assert_eq!(surviving.user_id.as_deref(), Some("cust-8841"));
    let discarded: Vec<(&str, Option<bool>)> = e
        .discarded
        .iter()
        .map(|u| (u.id.as_str(), u.conversation_started))
        .collect();
    assert_eq!(
        discarded,
        [
            ("b1c2d3e4f5061728394a5b6c", Some(false)),
            ("c2d3e4f5061728394a5b6c7d", Some(true))
        ]
    );
}

#[test]
fn delivery_success_v1() {
    let decoded = event(payloads::delivery_success());
    assert_eq!(decoded.messages().len(), 1);
    let Event::DeliverySuccess(e) = decoded else {
        panic!("wrong variant");
    };
    let destination = e.destination.as_ref().unwrap();
    assert_eq!(destination.r#type.as_deref(), Some("line"));
    assert_eq!(destination.id.as_deref(), Some("5a6b7c8d9e0f1a2b3c4d5e6f"));
    let message = &e.messages[0];
    assert_eq!(message.r#type, MessageType::Image);
    assert_eq!(message.received, 1704877610.0, "an integer time");
    assert_eq!(message.media_type.as_deref(), Some("image/png"));
    assert_eq!(e.envelope.timestamp, Some(at(1704877611.0)));
    assert_eq!(e.error, None);
}

#[test]
fn delivery_failure_v1() {
    let Event::DeliveryFailure(e) = event(payloads::delivery_failure()) else {
        panic!("wrong variant");
    };
    assert_eq!(
        e.envelope.app_user.as_ref().unwrap().user_id.as_deref(),
        Some("cust-5512")
    );
    assert_eq!(
        e.destination.as_ref().unwrap().r#type.as_deref(),
        Some("viber")
    );
    let error = e.error.as_ref().unwrap();
    assert_eq!(error.code.as_deref(), Some("unauthorized"));
    assert_eq!(
        error.underlying_error,
        Some(json!({"status": 6, "status_message": "notSubscribed"}))
    );
    assert_eq!(e.messages[0].text.as_deref(), Some("Your order is ready."));
    assert_eq!(e.envelope.timestamp, Some(at(1704877601.7)));
}

#[test]
fn message_delivery_channel() {
    let Event::MessageDeliveryChannel(e) = event(payloads::message_delivery_channel()) else {
        panic!("wrong variant");
    };
    assert_eq!(e.message.as_ref().unwrap().id, "65a2c5cc1b3a4e2d9f5a4c77");
    assert_eq!(e.is_final_event, Some(false));
    assert_eq!(
        e.external_messages[0].id.as_deref(),
        Some("wamid.QUJDREVGR0hJSktMTU5PUA==")
    );
    let destination = e.destination.as_ref().unwrap();
    assert_eq!(destination.r#type.as_deref(), Some("whatsapp"));
    assert_eq!(
        destination.integration_id.as_deref(),
        Some("60b7e2f1a9c3d5e7f9a1b3c5")
    );
    assert_eq!(
        e.envelope.conversation.as_ref().unwrap().id,
        CONVERSATION_ID
    );
    assert_eq!(e.envelope.timestamp, Some(at(1704877700.404)));
}

#[test]
fn message_delivery_user() {
    let Event::MessageDeliveryUser(e) = event(payloads::message_delivery_user()) else {
        panic!("wrong variant");
    };
    assert_eq!(e.is_final_event, Some(true));
    assert!(e.external_messages.is_empty());
    assert_eq!(e.message.as_ref().unwrap().id, "65a2c5cc1b3a4e2d9f5a4c77");
    assert_eq!(e.error, None);
}

#[test]
fn message_delivery_failure() {
    let Event::MessageDeliveryFailure(e) = event(payloads::message_delivery_failure()) else {
        panic!("wrong variant");
    };
    let error = e.error.as_ref().unwrap();
    assert_eq!(error.code.as_deref(), Some("uncategorized_error"));
    assert_eq!(error.message.as_deref(), Some("Message failed to send"));
    assert_eq!(
        error.underlying_error.as_ref().unwrap()["errors"][0]["code"],
        1013
    );
    assert!(e.external_messages.is_empty(), "absent is empty");
    assert_eq!(e.message.as_ref().unwrap().id, "65a2c6dd2c4b4f3e0a6b5d88");
}

#[test]
fn notification_delivery_events() {
    for (value, last, failed) in [
        (payloads::notification_delivery_channel(), false, false),
        (payloads::notification_delivery_user(), true, false),
        (payloads::notification_delivery_failure(), true, true),
    ] {
        let decoded = event(value);
        assert_eq!(
            decoded.app_user().map(|u| u.id.as_str()),
            Some("f0e1d2c3b4a5968778695a4b"),
            "the matched user"
        );
        assert_eq!(decoded.conversation_id(), Some("7a8b9c0d1e2f3a4b5c6d7e8f"));
        let e = match decoded {
            Event::NotificationDeliveryChannel(e) => {
                assert!(!last && !failed);
                e
            }
            Event::NotificationDeliveryUser(e) => {
                assert!(last && !failed);
                e
            }
            Event::NotificationDeliveryFailure(e) => {
                assert!(failed);
                e
            }
            other => panic!("wrong variant {other:?}"),
        };
        assert_eq!(
            e.notification.as_ref().unwrap().id,
            "9c4f1a2e-7b3d-4e8a-a1c5-0d2e4f6a8b91"
        );
        let destination = e.destination.as_ref().unwrap();
        assert_eq!(destination.destination_id.as_deref(), Some("351910000333"));
        assert_eq!(e.is_final_event, Some(last));
        assert_eq!(
            e.external_messages[0].id.as_deref(),
            Some("gBGGFlB5YjkfAgkXcv4f")
        );
        assert_eq!(
            e.error.as_ref().and_then(|error| error.message.as_deref()),
            failed.then_some("Template not approved")
        );
        assert_eq!(e.envelope.timestamp, Some(at(1704877900.12)));
    }
}

#[test]
fn payment_success() {
    let Event::PaymentSuccess(e) = event(payloads::payment_success()) else {
        panic!("wrong variant");
    };
    let [payment] = &e.payments[..] else {
        panic!("one payment")
    };
    let action = payment.action.as_ref().unwrap();
    assert_eq!(action.r#type, ActionType::Buy);
    assert_eq!(action.amount, Some(1299));
    assert_eq!(action.currency.as_deref(), Some("eur"));
    assert_eq!(action.state, Some(ActionState::Paid));
    assert_eq!(
        payment.charge.as_ref().unwrap().id.as_deref(),
        Some("ch_3OaB1cD2eF3gH4iJ5kL6mN7o")
    );
    assert_eq!(
        payment.source.as_ref().unwrap().r#type.as_deref(),
        Some("web")
    );
    let message = payment.message.as_ref().unwrap();
    assert_eq!(message.actions[0].state, Some(ActionState::Paid));
    assert_eq!(message.received, 1704878000.0);
    assert_eq!(e.envelope.timestamp, Some(at(1704878042.5)));
}

#[test]
fn link_events() {
    for (value, trigger) in [
        (payloads::link_success(), "link:success"),
        (payloads::link_match(), "link:match"),
        (payloads::link_failure(), "link:failure"),
    ] {
        let decoded = event(value);
        assert_eq!(decoded.trigger(), trigger);
        let e = match decoded {
            Event::LinkSuccess(e) | Event::LinkMatch(e) | Event::LinkFailure(e) => e,
            other => panic!("wrong variant {other:?}"),
        };
        assert_eq!(e.envelope.trigger.as_str(), trigger);
        assert_eq!(e.channel.as_deref(), Some("twilio"));
        let criteria = e.criteria.as_ref().unwrap();
        assert_eq!(criteria["phoneNumber"], "+351910000444");
        assert_eq!(criteria["surname"], "Reis");
        assert_eq!(
            e.error.as_ref().and_then(|error| error.message.as_deref()),
            (trigger == "link:failure").then_some("No user with this number on the channel")
        );
    }
}

#[test]
fn client_and_user_events_keep_their_undocumented_body() {
    let Event::ClientAdd(add) = event(payloads::client_add()) else {
        panic!("wrong variant");
    };
    assert_eq!(add.envelope.app_user.as_ref().unwrap().id, USER_ID);
    // `client` is what every event with a client carries: typed, not left in `extra`.
    let client = add.envelope.client.as_ref().unwrap();
    assert_eq!(
        client.platform.as_ref().map(|p| p.as_str()),
        Some("telegram")
    );
    assert!(add.extra.get("client").is_none());
    assert_eq!(add.envelope.timestamp, Some(at(1704878100.6)));

    let Event::ClientRemove(remove) = event(payloads::client_remove()) else {
        panic!("wrong variant");
    };
    assert_eq!(
        remove.extra["clients"][0]["id"],
        "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6"
    );

    let Event::AppUserDelete(delete) = event(payloads::app_user_delete()) else {
        panic!("wrong variant");
    };
    assert_eq!(
        delete.envelope.app_user.as_ref().unwrap().id,
        "9a8b7c6d5e4f30211f2e3d4c"
    );
    assert_eq!(delete.envelope.timestamp, Some(at(1704878200.0)));
}

#[test]
fn every_trigger_has_its_variant_and_comes_back_unchanged() {
    let all = payloads::all();
    let spec: Vec<&str> = all.iter().map(|(trigger, _)| *trigger).collect();
    for trigger in [
        "appUser:delete",
        "client:add",
        "client:remove",
        "conversation:read",
        "conversation:referral",
        "conversation:start",
        "link:failure",
        "link:match",
        "link:success",
        "merge:appUser",
        "message:appMaker",
        "message:appUser",
        "message:delivery:channel",
        "message:delivery:failure",
        "message:delivery:user",
        "notification:delivery:channel",
        "notification:delivery:failure",
        "notification:delivery:user",
        "payment:success",
        "postback",
        "typing:appUser",
        "delivery:success",
        "delivery:failure",
    ] {
        assert!(spec.contains(&trigger), "no payload for {trigger}");
        assert!(!WebhookTrigger::from(trigger).is_unknown(), "{trigger}");
    }
    for (trigger, value) in all {
        let decoded = event(value.clone());
        assert!(!decoded.is_unknown(), "{trigger} decoded as unknown");
        assert_eq!(decoded.trigger(), trigger);
        assert_eq!(decoded.app_id(), Some(APP_ID));
        assert_eq!(
            serde_json::to_value(&decoded).unwrap(),
            normalized(value),
            "{trigger} re-encoded"
        );
        let via_serde: Event = serde_json::from_value(serde_json::to_value(&decoded).unwrap())
            .expect("decodes through serde too");
        assert_eq!(via_serde, decoded);
    }
}

/// What re-encoding gives: numbers as floats where the models hold `f64`, empty arrays left out.
fn normalized(mut value: Value) -> Value {
    fn walk(value: &mut Value, key: &str) {
        match value {
            Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    walk(v, k);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, key)),
            Value::Number(n) if matches!(key, "received" | "timestamp") => {
                *value = json!(n.as_f64().unwrap());
            }
            _ => {}
        }
    }
    walk(&mut value, "");
    value
}
