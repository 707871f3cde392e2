//! v2 events: every event type decodes from a payload written from its description, with its
//! values checked; and what a delivery tolerates (several events, unknown types, a malformed
//! event among good ones, a missing `webhook.version`, extra keys, nulls, repeated keys).

use serde_json::{Value, json};
use smooch_client::models::ClientStatus;
use smooch_client::v2::models::{
    ActivityType, AuthorType, ClientType, Content, ConversationTruncated, ConversationType,
    DateTime, DeviceStatus, WebhookTrigger,
};
use smooch_client::v2::webhook::{
    ClientAddReason, ClientRemoveReason, ClientUpdateReason, ControlReason, CreationReason,
    Delivery, Event, MergeReason, Payload, UserUpdateReason,
};
use smooch_client::webhook::WebhookError;
use smooch_tests::events_v2::{self as v2, APP_ID, CONVERSATION_ID, USER_ID, WEBHOOK_ID};

fn time(text: &str) -> DateTime {
    text.parse().unwrap()
}

/// The delivery of `events`, decoded from bytes.
fn delivery(events: Vec<Value>) -> Delivery {
    let body = serde_json::to_vec(&v2::delivery(events)).unwrap();
    Delivery::from_slice(&body).unwrap_or_else(|e| panic!("does not decode: {e}"))
}

/// `value` as the one event of a delivery; its id, type and time checked against the JSON.
fn one(value: Value) -> Event {
    let (id, r#type, created_at) = (
        value["id"].as_str().unwrap().to_owned(),
        value["type"].as_str().unwrap().to_owned(),
        value["createdAt"].as_str().unwrap().to_owned(),
    );
    let mut events = delivery(vec![value]).events;
    assert_eq!(events.len(), 1);
    let event = events.remove(0);
    assert_eq!(event.error(), None, "{event:?}");
    assert_eq!(event.id.as_deref(), Some(id.as_str()));
    assert_eq!(event.r#type.as_str(), r#type);
    assert!(!event.r#type.is_unknown(), "{type} is a known type");
    assert_eq!(event.created_at, Some(time(&created_at)));
    assert_eq!(event.app_id.as_deref(), Some(APP_ID));
    event
}

/// The shared conversation of the builders (with its switchboard integration and metadata).
fn check_conversation(conversation: Option<&ConversationTruncated>) {
    let conversation = conversation.expect("a conversation");
    assert_eq!(conversation.id.as_deref(), Some(CONVERSATION_ID));
    assert_eq!(conversation.r#type, Some(ConversationType::Personal));
    assert_eq!(conversation.metadata.as_ref().unwrap()["tier"], "gold");
    let active = conversation
        .active_switchboard_integration
        .as_ref()
        .unwrap();
    assert_eq!(active.name.as_deref(), Some("triage-bot"));
    assert_eq!(
        active.integration_id.as_deref(),
        Some("92b37466836553fbb058c3fe")
    );
}

#[test]
fn client_add() {
    let event = one(v2::client_add());
    check_conversation(event.conversation());
    let Payload::ClientAdd(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(payload.reason, Some(ClientAddReason::ChannelLinking));
    let user = payload.user.as_ref().unwrap();
    assert_eq!(user.id.as_deref(), Some(USER_ID));
    assert_eq!(user.external_id.as_deref(), Some("crm-55102"));
    assert_eq!(user.authenticated, Some(true));
    let client = payload.client.as_ref().unwrap();
    assert_eq!(client.r#type, Some(ClientType::Whatsapp));
    assert_eq!(client.status, Some(ClientStatus::Active));
    assert_eq!(client.external_id.as_deref(), Some("351917704421"));
    assert_eq!(client.last_seen, Some(time("2026-03-14T08:59:12.441Z")));
    assert_eq!(client.linked_at, Some(time("2026-03-01T10:00:00Z")));
    assert_eq!(
        payload.source.as_ref().unwrap().r#type.as_deref(),
        Some("api")
    );
}

#[test]
fn client_remove() {
    let event = one(v2::client_remove());
    let Payload::ClientRemove(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(payload.reason, Some(ClientRemoveReason::LinkFailed));
    let client = payload.client.as_ref().unwrap();
    assert_eq!(client.id.as_deref(), Some("eab92f86eca3bb0ffc698b2f"));
    assert_eq!(client.r#type, Some(ClientType::Messenger));
    assert_eq!(client.status, Some(ClientStatus::Inactive));
    let error = payload.error.as_ref().unwrap();
    assert_eq!(error.code.as_deref(), Some("link_timeout"));
    assert_eq!(
        error.message.as_deref(),
        Some("The user did not confirm the link")
    );
    assert_eq!(
        error.extra["retryable"], false,
        "the free-form error is kept whole"
    );
    let source = payload.source.as_ref().unwrap();
    assert_eq!(
        source.integration_id.as_deref(),
        Some("f89f156a6e35300e7c304ed6")
    );
    check_conversation(event.conversation());
}

#[test]
fn client_update() {
    let event = one(v2::client_update());
    let Payload::ClientUpdate(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(payload.reason, Some(ClientUpdateReason::Matched));
    assert_eq!(payload.user.as_ref().unwrap().id.as_deref(), Some(USER_ID));
    let client = payload.client.as_ref().unwrap();
    assert_eq!(
        client.integration_id.as_deref(),
        Some("482d0c099f6e8301e4051b98")
    );
    check_conversation(event.conversation());
}

#[test]
fn conversation_create() {
    let event = one(v2::conversation_create());
    check_conversation(event.conversation());
    let Payload::ConversationCreate(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(
        payload.creation_reason,
        Some(CreationReason::ProactiveMessaging)
    );
    let source = payload.source.as_ref().unwrap();
    assert_eq!(source.r#type.as_deref(), Some("whatsapp"));
    let campaign = source.campaign.as_ref().unwrap();
    assert_eq!(campaign.id.as_deref(), Some("c0ffee11c0ffee22c0ffee33"));
    let user = payload.user.as_ref().unwrap();
    assert_eq!(user.signed_up_at, Some(time("2025-11-02T17:40:05.611Z")));
    let profile = user.profile.as_ref().unwrap();
    assert_eq!(profile.given_name.as_deref(), Some("Marta"));
    assert_eq!(profile.locale.as_deref(), Some("pt-PT"));
    let referral = payload.referral.as_ref().unwrap();
    assert_eq!(referral.code.as_deref(), Some("SPRING26"));
    let details = referral.details.as_ref().unwrap();
    assert_eq!(details.source.as_deref(), Some("ADS"));
    assert_eq!(details.r#type.as_deref(), Some("OPEN-THREAD"));
    assert_eq!(details.ad_id.as_deref(), Some("ad-7781"));
}

#[test]
fn conversation_join_and_leave() {
    for (value, user, join) in [
        (v2::conversation_join(), "a7298559446c2e757c524147", true),
        (v2::conversation_leave(), "90e494e75af2090918bb5e48", false),
    ] {
        let event = one(value);
        let payload = match (&event.payload, join) {
            (Payload::ConversationJoin(payload), true) => payload,
            (Payload::ConversationLeave(payload), false) => payload,
            _ => panic!("{event:?}"),
        };
        let conversation = payload.conversation.as_ref().unwrap();
        assert_eq!(conversation.id.as_deref(), Some("9b1f2e3d4c5b6a7980f1e2d3"));
        assert_eq!(conversation.r#type, Some(ConversationType::SdkGroup));
        let who = payload.user.as_ref().unwrap();
        assert_eq!(who.id.as_deref(), Some(user));
        assert_eq!(who.authenticated, Some(false));
    }
}

#[test]
fn conversation_remove() {
    let event = one(v2::conversation_remove());
    let Payload::ConversationRemove(payload) = &event.payload else {
        panic!("{event:?}")
    };
    let conversation = payload.conversation.as_ref().unwrap();
    assert_eq!(conversation.id.as_deref(), Some("b43f78b34a82721ed479f8d6"));
    assert_eq!(conversation.r#type, Some(ConversationType::Personal));
}

#[test]
fn conversation_message_with_full_user_and_full_source() {
    let event = one(v2::conversation_message());
    check_conversation(event.conversation());
    let Payload::ConversationMessage(payload) = &event.payload else {
        panic!("{event:?}")
    };
    let message = payload.message.as_ref().unwrap();
    assert_eq!(message.id.as_deref(), Some("626c641c1e3258c6162b438f"));
    assert_eq!(message.received, Some(time("2026-03-14T09:26:53.402Z")));
    let author = message.author.as_ref().unwrap();
    assert_eq!(author.r#type, AuthorType::User);
    assert_eq!(author.user_id.as_deref(), Some(USER_ID));
    assert_eq!(author.display_name.as_deref(), Some("Marta Oliveira"));
    let user = author.user.as_ref().expect("author.user is typed");
    assert_eq!(user.external_id.as_deref(), Some("crm-55102"));
    let profile = user.profile.as_ref().unwrap();
    assert_eq!(profile.email.as_deref(), Some("marta.oliveira@example.net"));
    assert_eq!(user.identities[0].verification.as_deref(), Some("sso"));
    let Some(Content::Text(text)) = &message.content else {
        panic!("{message:?}")
    };
    assert_eq!(
        text.text.as_deref(),
        Some("Can the courier come after 18:00?")
    );
    let source = message.source.as_ref().unwrap();
    assert_eq!(source.r#type.as_deref(), Some("whatsapp"));
    assert_eq!(
        source.original_message_timestamp,
        Some(time("2026-03-14T09:26:53Z"))
    );
    let client = source.client.as_ref().expect("source.client is typed");
    assert_eq!(client.id.as_deref(), Some("653ffe41a3e23ba2ec295c08"));
    let device = source.device.as_ref().expect("source.device is typed");
    assert_eq!(
        device.guid.as_deref(),
        Some("5b0e2f6c9d7a4e31b8c2a1f04d6e9b37")
    );
    assert_eq!(device.status, Some(DeviceStatus::Active));
    assert_eq!(device.last_seen, Some(time("2026-03-14T09:26:52.998Z")));
    assert_eq!(message.metadata.as_ref().unwrap()["ticketRef"], "TK-3381");
    let [notification] = &payload.recent_notifications[..] else {
        panic!("{payload:?}")
    };
    assert_eq!(
        notification.author.as_ref().unwrap().r#type,
        AuthorType::Business
    );
    assert_eq!(notification.received, Some(time("2026-03-14T09:00:00Z")));
}

#[test]
fn conversation_message_delivery_events() {
    let cases = [
        (v2::conversation_message_delivery_channel(), false, 1),
        (v2::conversation_message_delivery_user(), true, 1),
        (v2::conversation_message_delivery_failure(), true, 0),
    ];
    for (value, last, external) in cases {
        let event = one(value);
        check_conversation(event.conversation());
        let payload = match &event.payload {
            Payload::ConversationMessageDeliveryChannel(payload)
                if event.r#type == WebhookTrigger::ConversationMessageDeliveryChannel =>
            {
                payload
            }
            Payload::ConversationMessageDeliveryUser(payload)
                if event.r#type == WebhookTrigger::ConversationMessageDeliveryUser =>
            {
                payload
            }
            Payload::ConversationMessageDeliveryFailure(payload)
                if event.r#type == WebhookTrigger::ConversationMessageDeliveryFailure =>
            {
                payload
            }
            _ => panic!("{event:?}"),
        };
        assert_eq!(payload.user.as_ref().unwrap().id.as_deref(), Some(USER_ID));
        assert_eq!(
            payload.message.as_ref().unwrap().id.as_deref(),
            Some("67497cd7360e2150fcc9759d")
        );
        let destination = payload.destination.as_ref().unwrap();
        assert_eq!(destination.r#type.as_deref(), Some("whatsapp"));
        assert_eq!(
            destination.integration_id.as_deref(),
            Some("482d0c099f6e8301e4051b98")
        );
        assert_eq!(payload.is_final_event, Some(last));
        assert_eq!(payload.external_messages.len(), external);
        if external == 1 {
            assert_eq!(
                payload.external_messages[0].id.as_deref(),
                Some("wamid.HBgMMzUxOTE3NzA0NDIxFQIAERgSOTk2QjQyRkQ1QTgwRTg")
            );
        }
        match &payload.error {
            Some(error) => {
                assert_eq!(
                    event.r#type,
                    WebhookTrigger::ConversationMessageDeliveryFailure
                );
                assert_eq!(error.code.as_deref(), Some("uncategorized_error"));
                assert_eq!(
                    error.message.as_deref(),
                    Some("Re-engagement window closed; a template is required")
                );
            }
            None => assert_ne!(
                event.r#type,
                WebhookTrigger::ConversationMessageDeliveryFailure
            ),
        }
    }
}

#[test]
fn conversation_postback() {
    let event = one(v2::conversation_postback());
    check_conversation(event.conversation());
    let Payload::ConversationPostback(payload) = &event.payload else {
        panic!("{event:?}")
    };
    let postback = payload.postback.as_ref().unwrap();
    assert_eq!(postback.payload.as_deref(), Some("RESCHEDULE_DELIVERY"));
    let metadata = postback.metadata.as_ref().unwrap();
    assert_eq!(metadata["orderId"], "88-1042");
    assert_eq!(metadata["slot"], 3);
    assert_eq!(
        payload.user.as_ref().unwrap().external_id.as_deref(),
        Some("crm-55102")
    );
    assert_eq!(
        payload.source.as_ref().unwrap().r#type.as_deref(),
        Some("messenger")
    );
}

#[test]
fn conversation_read_and_typing() {
    for (value, kind) in [
        (v2::conversation_read(), ActivityType::ConversationRead),
        (v2::conversation_typing(), ActivityType::TypingStart),
    ] {
        let event = one(value);
        let payload = match &event.payload {
            Payload::ConversationRead(p) if kind == ActivityType::ConversationRead => p,
            Payload::ConversationTyping(p) if kind == ActivityType::TypingStart => p,
            _ => panic!("{event:?}"),
        };
        let conversation = event.conversation().unwrap();
        assert_eq!(conversation.id.as_deref(), Some("757e18312c3b054876464bc8"));
        let activity = payload.activity.as_ref().unwrap();
        assert_eq!(activity.r#type, Some(kind));
        let author = activity.author.as_ref().unwrap();
        assert_eq!(author.r#type, AuthorType::User);
        assert_eq!(author.user_id.as_deref(), Some("90e494e75af2090918bb5e48"));
        assert_eq!(author.user.as_ref().unwrap().authenticated, Some(false));
        let source = activity.source.as_ref().unwrap();
        assert_eq!(source.r#type.as_deref(), Some("web"));
        assert_eq!(
            source.integration_id.as_deref(),
            Some("71cc28b677618e44d58d6e2d")
        );
    }
}

#[test]
fn conversation_referral() {
    let event = one(v2::conversation_referral());
    check_conversation(event.conversation());
    let Payload::ConversationReferral(payload) = &event.payload else {
        panic!("{event:?}")
    };
    let referral = payload.referral.as_ref().unwrap();
    assert_eq!(referral.code.as_deref(), Some("STORE-PORTO"));
    let details = referral.details.as_ref().unwrap();
    assert_eq!(details.source.as_deref(), Some("MESSENGER_CODE"));
    assert_eq!(details.ad_id, None);
    assert_eq!(payload.user.as_ref().unwrap().id.as_deref(), Some(USER_ID));
    assert_eq!(
        payload.source.as_ref().unwrap().r#type.as_deref(),
        Some("messenger")
    );
}

#[test]
fn passthrough_messaging_keeps_its_undocumented_payload() {
    let event = one(v2::passthrough_messaging());
    let Payload::PassthroughMessaging(raw) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(raw["interactiveDataRef"]["bid"], "com.apple.messages");
    assert!(
        !event.is_unknown(),
        "a type of the sheet, not an unknown one"
    );
}

#[test]
fn switchboard_events() {
    let cases = [
        (v2::switchboard_accept_control(), None, None),
        (
            v2::switchboard_accept_control_failure(),
            None,
            Some("switchboard_invalid_action"),
        ),
        (v2::switchboard_offer_control(), None, None),
        (
            v2::switchboard_offer_control_failure(),
            None,
            Some("switchboard_invalid_target"),
        ),
        (
            v2::switchboard_pass_control(),
            Some(ControlReason::TicketClosed),
            None,
        ),
        (
            v2::switchboard_pass_control_failure(),
            None,
            Some("switchboard_invalid_action"),
        ),
        (
            v2::switchboard_release_control(),
            Some(ControlReason::TransferToEmail),
            None,
        ),
    ];
    let mut seen = Vec::new();
    for (value, reason, code) in cases {
        let event = one(value);
        let payload = match &event.payload {
            Payload::SwitchboardAcceptControl(p)
            | Payload::SwitchboardAcceptControlFailure(p)
            | Payload::SwitchboardOfferControl(p)
            | Payload::SwitchboardOfferControlFailure(p)
            | Payload::SwitchboardPassControl(p)
            | Payload::SwitchboardPassControlFailure(p)
            | Payload::SwitchboardReleaseControl(p) => p,
            _ => panic!("{event:?}"),
        };
        // The variant is the type's.
        let variant = format!("{:?}", event.payload);
        let expected = format!("{:?}", event.r#type);
        assert!(variant.starts_with(&format!("{expected}(")), "{variant}");
        seen.push(event.r#type.clone());
        assert_eq!(
            payload.metadata.as_ref().unwrap()["handoverNote"],
            "VIP customer"
        );
        assert_eq!(payload.reason, reason);
        assert_eq!(payload.error.as_ref().and_then(|e| e.code.as_deref()), code);
        let conversation = payload.conversation.as_ref().unwrap();
        assert_eq!(conversation.id.as_deref(), Some(CONVERSATION_ID));
        match event.r#type {
            WebhookTrigger::SwitchboardOfferControl => {
                let pending = conversation
                    .pending_switchboard_integration
                    .as_ref()
                    .unwrap();
                assert_eq!(
                    pending.integration_type.as_deref(),
                    Some("zd:agentWorkspace")
                );
            }
            WebhookTrigger::SwitchboardReleaseControl => {
                assert_eq!(conversation.active_switchboard_integration, None);
            }
            _ => check_conversation(Some(conversation)),
        }
    }
    seen.dedup();
    assert_eq!(seen.len(), 7);
}

#[test]
fn user_merge() {
    let event = one(v2::user_merge());
    let Payload::UserMerge(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(payload.reason, Some(MergeReason::ChannelLinking));
    assert_eq!(payload.discarded_metadata, None, "null is absent");
    let users = payload.merged_users.as_ref().unwrap();
    assert_eq!(
        users.surviving.as_ref().unwrap().id.as_deref(),
        Some(USER_ID)
    );
    assert_eq!(
        users.discarded.as_ref().unwrap().id.as_deref(),
        Some("a7298559446c2e757c524147")
    );
    let conversations = payload.merged_conversations.as_ref().unwrap();
    assert_eq!(
        conversations.discarded.as_ref().unwrap().id.as_deref(),
        Some("b43f78b34a82721ed479f8d6")
    );
    assert_eq!(
        event.conversation().and_then(|c| c.id.as_deref()),
        Some(CONVERSATION_ID),
        "the surviving conversation"
    );
    let clients = payload.merged_clients.as_ref().unwrap();
    assert_eq!(
        clients.surviving.as_ref().unwrap().status,
        Some(ClientStatus::Active)
    );
    assert_eq!(
        clients.discarded.as_ref().unwrap().status,
        Some(ClientStatus::Pending)
    );
}

#[test]
fn user_update() {
    let event = one(v2::user_update());
    let Payload::UserUpdate(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(payload.reason, Some(UserUpdateReason::Authentication));
    let user = payload.user.as_ref().unwrap();
    assert_eq!(user.to_be_retained, Some(true));
    assert_eq!(user.metadata.as_ref().unwrap()["plan"], "annual");
    assert_eq!(
        payload.source.as_ref().unwrap().r#type.as_deref(),
        Some("web")
    );
    assert_eq!(event.conversation(), None);
}

#[test]
fn user_remove() {
    let event = one(v2::user_remove());
    let Payload::UserRemove(payload) = &event.payload else {
        panic!("{event:?}")
    };
    let user = payload.user.as_ref().unwrap();
    assert_eq!(user.id.as_deref(), Some("a7298559446c2e757c524147"));
    assert_eq!(user.zendesk_id.as_deref(), Some("zd-381"));
}

#[test]
fn every_type_of_the_sheet_has_a_payload_and_decodes_to_its_own_variant() {
    let all = v2::all();
    assert_eq!(all.len(), 26);
    for (r#type, value) in all {
        let event = one(value);
        assert_eq!(event.r#type.as_str(), r#type);
        assert!(!event.is_unknown() && event.error().is_none(), "{type}");
        let variant = format!("{:?}", event.payload);
        let expected = format!("{:?}", event.r#type);
        assert!(
            variant.starts_with(&format!("{expected}(")),
            "{type}: {variant}"
        );
        // Encoded back, the event reads the same (its app is the delivery's, not its own).
        let mut again = Event::from_value(serde_json::to_value(&event).unwrap());
        assert_eq!(again.app_id, None);
        again.app_id = event.app_id.clone();
        assert_eq!(again, event, "{type}");
    }
}

#[test]
fn a_delivery_carries_several_events_in_order() {
    let delivery = delivery(vec![
        v2::conversation_message(),
        v2::conversation_message_delivery_user(),
        v2::conversation_typing(),
    ]);
    assert_eq!(delivery.app_id(), Some(APP_ID));
    assert_eq!(delivery.version(), Some("v2"));
    assert_eq!(
        delivery.webhook.as_ref().unwrap().id.as_deref(),
        Some(WEBHOOK_ID)
    );
    let types: Vec<&str> = delivery.events.iter().map(|e| e.r#type.as_str()).collect();
    assert_eq!(
        types,
        [
            "conversation:message",
            "conversation:message:delivery:user",
            "conversation:typing"
        ]
    );
    // Different conversations in one delivery.
    let conversations: Vec<_> = delivery
        .events
        .iter()
        .map(|e| e.conversation().and_then(|c| c.id.clone()))
        .collect();
    assert_eq!(conversations[0], conversations[1]);
    assert_ne!(conversations[0], conversations[2]);
    assert!(delivery.extra.is_empty());
}

#[test]
fn an_unknown_type_is_kept_with_its_payload_and_the_others_are_read() {
    let pin = json!({
        "id": "a79eb94810241743e245863d",
        "type": "conversation:pin",
        "createdAt": "2026-03-14T14:00:09.645Z",
        "payload": {
            "conversation": {"id": CONVERSATION_ID, "type": "personal"},
            "pinnedBy": {"type": "business", "displayName": "Night shift"}
        },
        "priority": 2
    });
    let delivery = delivery(vec![pin.clone(), v2::conversation_remove()]);
    let [unknown, known] = &delivery.events[..] else {
        panic!("{delivery:?}")
    };
    assert!(unknown.is_unknown());
    assert_eq!(
        unknown.r#type,
        WebhookTrigger::Unknown("conversation:pin".into())
    );
    assert_eq!(unknown.id.as_deref(), Some("a79eb94810241743e245863d"));
    assert_eq!(unknown.created_at, Some(time("2026-03-14T14:00:09.645Z")));
    let Payload::Unknown(raw) = &unknown.payload else {
        panic!("{unknown:?}")
    };
    assert_eq!(raw, &pin["payload"]);
    assert_eq!(unknown.extra["priority"], 2);
    assert_eq!(
        serde_json::to_value(unknown).unwrap(),
        pin,
        "sent back as it came"
    );
    assert!(matches!(known.payload, Payload::ConversationRemove(_)));
}

#[test]
fn a_malformed_event_is_kept_with_its_error_and_fails_none_of_the_others() {
    let mut bad = v2::conversation_message();
    bad["payload"]["message"]["received"] = json!(["SECRET-CANARY"]);
    let not_an_object = json!("SECRET-CANARY");
    let no_type = json!({"id": "5a1d0e7c3b9f4a2e8d6c1b99", "payload": {}});
    let bad_id = json!({"id": 12, "type": "conversation:remove", "payload": {}});
    let delivery = delivery(vec![
        v2::conversation_postback(),
        bad.clone(),
        not_an_object.clone(),
        no_type.clone(),
        bad_id.clone(),
        v2::conversation_read(),
    ]);
    assert_eq!(delivery.events.len(), 6, "nothing is lost");
    assert!(matches!(
        delivery.events[0].payload,
        Payload::ConversationPostback(_)
    ));
    assert!(matches!(
        delivery.events[5].payload,
        Payload::ConversationRead(_)
    ));

    let malformed = &delivery.events[1];
    assert_eq!(
        malformed.id.as_deref(),
        Some("970b4ceb4059d935b0b442b3"),
        "still keyed"
    );
    assert_eq!(malformed.r#type, WebhookTrigger::ConversationMessage);
    let Payload::Malformed { raw, error } = &malformed.payload else {
        panic!("{malformed:?}")
    };
    assert_eq!(raw, &bad);
    let WebhookError::Invalid { trigger, problem } = error else {
        panic!("{error:?}")
    };
    assert_eq!(trigger, "conversation:message");
    assert!(
        problem.starts_with("payload.message.received: invalid type"),
        "{problem}"
    );
    for (event, raw) in delivery.events[2..5]
        .iter()
        .zip([&not_an_object, &no_type, &bad_id])
    {
        let error = event.error().unwrap_or_else(|| panic!("{event:?}"));
        assert!(!error.to_string().contains("CANARY"), "{error}");
        assert!(!format!("{error:?}").contains("CANARY"));
        assert_eq!(
            &serde_json::to_value(event).unwrap(),
            raw,
            "kept as received"
        );
    }
    assert!(!error.to_string().contains("CANARY"));
}

#[test]
fn a_missing_version_nulls_extra_keys_and_repeated_keys_are_tolerated() {
    let body = format!(
        r#"{{"app": {{"id": "{APP_ID}", "region": "eu-1"}}, "webhook": {{"id": "{WEBHOOK_ID}"}},
            "deliveredAt": "2026-03-14T14:00:11.000Z", "attempt": 2,
            "events": [{{"id": "first", "type": "conversation:remove", "createdAt": null,
                "payload": {{"conversation": {{"id": "c-old", "id": "c-new", "metadata": null,
                                              "brandId": "b-9"}}}}, "id": "e-last"}}]}}"#
    );
    let delivery = Delivery::from_slice(body.as_bytes()).unwrap();
    assert_eq!(delivery.version(), None, "webhook.version may be missing");
    assert_eq!(
        delivery.webhook.as_ref().unwrap().id.as_deref(),
        Some(WEBHOOK_ID)
    );
    assert_eq!(delivery.app.as_ref().unwrap().extra["region"], "eu-1");
    assert_eq!(delivery.extra["attempt"], 2);
    assert_eq!(delivery.extra["deliveredAt"], "2026-03-14T14:00:11.000Z");
    let event = &delivery.events[0];
    assert_eq!(
        event.id.as_deref(),
        Some("e-last"),
        "the last of a repeated key wins"
    );
    assert_eq!(event.created_at, None, "null is absent");
    let conversation = event.conversation().unwrap();
    assert_eq!(conversation.id.as_deref(), Some("c-new"));
    assert_eq!(conversation.metadata, None);
    assert_eq!(
        conversation.extra["brandId"], "b-9",
        "undeclared keys are kept"
    );
    // Encoded back, the extra keys are there.
    let again = serde_json::to_value(&delivery).unwrap();
    assert_eq!(again["attempt"], 2);
    assert_eq!(again["app"]["region"], "eu-1");

    // Unknown enum values, a time that is not RFC 3339, an empty event list.
    let odd = delivery_of(
        json!([{"id": "e1", "type": "client:update", "createdAt": "yesterday",
        "payload": {"reason": "renamed", "client": {"type": "carrierPigeon"}}}]),
    );
    let event = &odd.events[0];
    assert!(!event.created_at.as_ref().unwrap().is_valid());
    assert_eq!(event.created_at.as_ref().unwrap().as_str(), "yesterday");
    let Payload::ClientUpdate(payload) = &event.payload else {
        panic!("{event:?}")
    };
    assert_eq!(
        payload.reason,
        Some(ClientUpdateReason::Unknown("renamed".into()))
    );
    assert_eq!(
        payload.client.as_ref().unwrap().r#type,
        Some(ClientType::Unknown("carrierPigeon".into()))
    );
    assert!(delivery_of(json!([])).events.is_empty());
}

fn delivery_of(events: Value) -> Delivery {
    Delivery::from_value(json!({"app": {"id": APP_ID}, "events": events})).unwrap()
}

#[test]
fn a_body_that_is_not_a_delivery_is_invalid_without_quoting_it() {
    let cases = [
        json!(["SECRET-CANARY"]),
        json!({"app": {"id": APP_ID}}),
        json!({"app": {"id": APP_ID}, "events": null}),
        json!({"app": {"id": APP_ID}, "events": {"0": "SECRET-CANARY"}}),
        json!({"app": "SECRET-CANARY", "events": []}),
        json!({"webhook": ["SECRET-CANARY"], "events": []}),
        // A v1.1 body is not a v2 delivery.
        smooch_tests::events::message_app_user(),
    ];
    for case in cases {
        let error = Delivery::from_value(case.clone()).expect_err(&case.to_string());
        assert!(matches!(error, WebhookError::Invalid { .. }), "{error:?}");
        assert_eq!(error.status().as_u16(), 400);
        assert!(!error.to_string().contains("CANARY"), "{error}");
    }
    assert!(matches!(
        Delivery::from_slice(b"{\"events\": [").unwrap_err(),
        WebhookError::NotJson { .. }
    ));
}
