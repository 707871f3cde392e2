//! v2 webhook events written for the tests from the descriptions of each event type in the v2
//! webhook sheet (§4, §5): one per type, with values of their own, and the delivery envelope
//! they come in. The v2 event tests check every value; the fuzz tests start from them.

use serde_json::{Value, json};

/// The app of every delivery.
pub const APP_ID: &str = "becc19241bb7606be1a69d67";
/// The webhook that delivers them.
pub const WEBHOOK_ID: &str = "12e86689789a887e759880a0";
/// Its secret.
pub const SECRET: &str = "b1cec6162f09a5343463409953bf66e7";
/// The user of most events.
pub const USER_ID: &str = "633e0da0b028932438f909e2";
/// Their conversation.
pub const CONVERSATION_ID: &str = "4cc91364ec094a7fe2195bd9";

/// A delivery of `events` (the envelope).
pub fn delivery(events: Vec<Value>) -> Value {
    json!({
        "app": {"id": APP_ID},
        "webhook": {"id": WEBHOOK_ID, "version": "v2"},
        "events": events
    })
}

/// An event of `type` with `id`, created at `created_at`, carrying `payload`.
pub fn event(id: &str, r#type: &str, created_at: &str, payload: Value) -> Value {
    json!({"id": id, "type": r#type, "createdAt": created_at, "payload": payload})
}

fn conversation() -> Value {
    json!({
        "id": CONVERSATION_ID,
        "type": "personal",
        "metadata": {"tier": "gold"},
        "activeSwitchboardIntegration": {
            "id": "026a00e56374699e67f4eef5",
            "name": "triage-bot",
            "integrationId": "92b37466836553fbb058c3fe",
            "integrationType": "custom"
        }
    })
}

fn user_truncated() -> Value {
    json!({"id": USER_ID, "externalId": "crm-55102", "authenticated": true})
}

fn whatsapp_client() -> Value {
    json!({
        "id": "653ffe41a3e23ba2ec295c08",
        "type": "whatsapp",
        "status": "active",
        "integrationId": "482d0c099f6e8301e4051b98",
        "externalId": "351917704421",
        "lastSeen": "2026-03-14T08:59:12.441Z",
        "linkedAt": "2026-03-01T10:00:00.000Z"
    })
}

/// `client:add`: a channel link started (with its conversation).
pub fn client_add() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b01",
        "client:add",
        "2026-03-14T08:00:01.101Z",
        json!({
            "conversation": conversation(),
            "user": user_truncated(),
            "client": whatsapp_client(),
            "reason": "channelLinking",
            "source": {"type": "api", "integrationId": "92b37466836553fbb058c3fe"}
        }),
    )
}

/// `client:remove`: a link failed, with the error.
pub fn client_remove() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b02",
        "client:remove",
        "2026-03-14T08:00:02.202Z",
        json!({
            "conversation": conversation(),
            "user": user_truncated(),
            "client": {"id": "eab92f86eca3bb0ffc698b2f", "type": "messenger", "status": "inactive"},
            "reason": "linkFailed",
            "error": {"code": "link_timeout", "message": "The user did not confirm the link", "retryable": false},
            "source": {"type": "messenger", "integrationId": "f89f156a6e35300e7c304ed6"}
        }),
    )
}

/// `client:update`: the channel matched a user.
pub fn client_update() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b03",
        "client:update",
        "2026-03-14T08:00:03.303Z",
        json!({
            "conversation": conversation(),
            "user": user_truncated(),
            "client": whatsapp_client(),
            "reason": "matched"
        }),
    )
}

/// `conversation:create`: a campaign started it, with a referral and the full user.
pub fn conversation_create() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b04",
        "conversation:create",
        "2026-03-14T08:10:00.000Z",
        json!({
            "conversation": conversation(),
            "creationReason": "proactiveMessaging",
            "source": {
                "type": "whatsapp",
                "integrationId": "482d0c099f6e8301e4051b98",
                "campaign": {"id": "c0ffee11c0ffee22c0ffee33"}
            },
            "user": {
                "id": USER_ID,
                "externalId": "crm-55102",
                "authenticated": true,
                "signedUpAt": "2025-11-02T17:40:05.611Z",
                "profile": {"givenName": "Marta", "surname": "Oliveira", "locale": "pt-PT"}
            },
            "referral": {"code": "SPRING26", "details": {"source": "ADS", "type": "OPEN-THREAD", "adId": "ad-7781"}}
        }),
    )
}

fn participant(id: &str, r#type: &str, user: &str) -> Value {
    event(
        id,
        r#type,
        "2026-03-14T08:20:00.500Z",
        json!({
            "conversation": {"id": "9b1f2e3d4c5b6a7980f1e2d3", "type": "sdkGroup"},
            "user": {"id": user, "authenticated": false}
        }),
    )
}

/// `conversation:join`: a user joined an `sdkGroup` conversation.
pub fn conversation_join() -> Value {
    participant(
        "5a1d0e7c3b9f4a2e8d6c1b05",
        "conversation:join",
        "a7298559446c2e757c524147",
    )
}

/// `conversation:leave`: a user left it.
pub fn conversation_leave() -> Value {
    participant(
        "5a1d0e7c3b9f4a2e8d6c1b06",
        "conversation:leave",
        "90e494e75af2090918bb5e48",
    )
}

/// `conversation:remove`: a conversation was deleted.
pub fn conversation_remove() -> Value {
    event(
        "e1a04c6b2f9d83a57c01be46",
        "conversation:remove",
        "2026-03-14T14:00:10.002Z",
        json!({"conversation": {"id": "b43f78b34a82721ed479f8d6", "type": "personal"}}),
    )
}

/// A user's text message, with a full user (`includeFullUser`) and the source's client and
/// device (`includeFullSource`).
pub fn user_text_message() -> Value {
    json!({
        "id": "626c641c1e3258c6162b438f",
        "received": "2026-03-14T09:26:53.402Z",
        "author": {
            "type": "user",
            "userId": USER_ID,
            "displayName": "Marta Oliveira",
            "user": {
                "id": USER_ID,
                "externalId": "crm-55102",
                "authenticated": true,
                "profile": {"givenName": "Marta", "email": "marta.oliveira@example.net"},
                "identities": [{"type": "email", "value": "marta.oliveira@example.net", "verification": "sso"}]
            }
        },
        "content": {"type": "text", "text": "Can the courier come after 18:00?"},
        "source": {
            "type": "whatsapp",
            "integrationId": "482d0c099f6e8301e4051b98",
            "originalMessageId": "wamid.HBgMMzUxOTE3NzA0NDIxFQIAEhgUM0E",
            "originalMessageTimestamp": "2026-03-14T09:26:53.000Z",
            "client": whatsapp_client(),
            "device": {
                "id": "26ec8768beaf99cae1d5e237",
                "type": "web",
                "guid": "5b0e2f6c9d7a4e31b8c2a1f04d6e9b37",
                "status": "active",
                "lastSeen": "2026-03-14T09:26:52.998Z"
            }
        },
        "metadata": {"ticketRef": "TK-3381"}
    })
}

/// `conversation:message`: a user's text, with a recent notification.
pub fn conversation_message() -> Value {
    event(
        "970b4ceb4059d935b0b442b3",
        "conversation:message",
        "2026-03-14T09:26:53.418Z",
        json!({
            "conversation": conversation(),
            "message": user_text_message(),
            "recentNotifications": [{
                "id": "67497cd7360e2150fcc9759d",
                "received": "2026-03-14T09:00:00.000Z",
                "author": {"type": "business", "displayName": "Acme Deliveries"},
                "content": {"type": "text", "text": "Your parcel arrives today."}
            }]
        }),
    )
}

fn message_delivery(id: &str, r#type: &str, extra: Value) -> Value {
    let mut payload = json!({
        "user": user_truncated(),
        "conversation": conversation(),
        "message": {"id": "67497cd7360e2150fcc9759d"},
        "destination": {"type": "whatsapp", "integrationId": "482d0c099f6e8301e4051b98"},
        "externalMessages": [{"id": "wamid.HBgMMzUxOTE3NzA0NDIxFQIAERgSOTk2QjQyRkQ1QTgwRTg"}],
        "isFinalEvent": false
    });
    if let (Some(payload), Value::Object(extra)) = (payload.as_object_mut(), extra) {
        payload.extend(extra);
    }
    event(id, r#type, "2026-03-14T09:26:54.001Z", payload)
}

/// `conversation:message:delivery:channel`: the channel accepted a business message.
pub fn conversation_message_delivery_channel() -> Value {
    message_delivery(
        "5a1d0e7c3b9f4a2e8d6c1b07",
        "conversation:message:delivery:channel",
        json!({}),
    )
}

/// `conversation:message:delivery:user`: the user received it (the last event for it).
pub fn conversation_message_delivery_user() -> Value {
    message_delivery(
        "5a1d0e7c3b9f4a2e8d6c1b08",
        "conversation:message:delivery:user",
        json!({"isFinalEvent": true}),
    )
}

/// `conversation:message:delivery:failure`: no channel id, an error.
pub fn conversation_message_delivery_failure() -> Value {
    message_delivery(
        "3f6d9a0e5b7c21d84e0a9c17",
        "conversation:message:delivery:failure",
        json!({
            "externalMessages": null,
            "isFinalEvent": true,
            "error": {"code": "uncategorized_error", "message": "Re-engagement window closed; a template is required"}
        }),
    )
}

/// `conversation:postback`: a button's payload and metadata.
pub fn conversation_postback() -> Value {
    event(
        "97feb36f478fde213b443718",
        "conversation:postback",
        "2026-03-14T12:08:17.530Z",
        json!({
            "conversation": conversation(),
            "postback": {"payload": "RESCHEDULE_DELIVERY", "metadata": {"orderId": "88-1042", "slot": 3}},
            "user": user_truncated(),
            "source": {"type": "messenger", "integrationId": "f89f156a6e35300e7c304ed6"}
        }),
    )
}

fn activity(id: &str, r#type: &str, activity: &str) -> Value {
    event(
        id,
        r#type,
        "2026-03-14T12:15:02.771Z",
        json!({
            "conversation": {"id": "757e18312c3b054876464bc8", "type": "personal"},
            "activity": {
                "type": activity,
                "author": {
                    "type": "user",
                    "userId": "90e494e75af2090918bb5e48",
                    "user": {"id": "90e494e75af2090918bb5e48", "authenticated": false}
                },
                "source": {"type": "web", "integrationId": "71cc28b677618e44d58d6e2d"}
            }
        }),
    )
}

/// `conversation:read`: a Web Messenger user read the conversation.
pub fn conversation_read() -> Value {
    activity(
        "35e5f9e02330492445fb78ff",
        "conversation:read",
        "conversation:read",
    )
}

/// `conversation:typing`: the same user started typing.
pub fn conversation_typing() -> Value {
    activity(
        "d25d2abf4ef4087716ad9975",
        "conversation:typing",
        "typing:start",
    )
}

/// `conversation:referral`: a Messenger code brought the user back.
pub fn conversation_referral() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b09",
        "conversation:referral",
        "2026-03-14T12:30:00.000Z",
        json!({
            "conversation": conversation(),
            "user": user_truncated(),
            "source": {"type": "messenger", "integrationId": "f89f156a6e35300e7c304ed6"},
            "referral": {"code": "STORE-PORTO", "details": {"source": "MESSENGER_CODE", "type": "OPEN-THREAD"}}
        }),
    )
}

/// `passthrough:messaging`: no documented shape.
pub fn passthrough_messaging() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b10",
        "passthrough:messaging",
        "2026-03-14T12:40:00.000Z",
        json!({"interactiveDataRef": {"url": "https://example.org/ref/1", "bid": "com.apple.messages"}}),
    )
}

fn switchboard(id: &str, r#type: &str, extra: Value) -> Value {
    let mut payload = json!({
        "conversation": conversation(),
        "metadata": {"handoverNote": "VIP customer"}
    });
    if let (Some(payload), Value::Object(extra)) = (payload.as_object_mut(), extra) {
        payload.extend(extra);
    }
    event(id, r#type, "2026-03-14T13:00:00.000Z", payload)
}

fn switchboard_error() -> Value {
    json!({"error": {"code": "switchboard_invalid_action", "message": "The integration is not in control"}})
}

/// `switchboard:acceptControl`.
pub fn switchboard_accept_control() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c01",
        "switchboard:acceptControl",
        json!({}),
    )
}

/// `switchboard:acceptControl:failure`.
pub fn switchboard_accept_control_failure() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c02",
        "switchboard:acceptControl:failure",
        switchboard_error(),
    )
}

/// `switchboard:offerControl`: the offered side pending.
pub fn switchboard_offer_control() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c03",
        "switchboard:offerControl",
        json!({"conversation": {
            "id": CONVERSATION_ID,
            "type": "personal",
            "activeSwitchboardIntegration": {"id": "026a00e56374699e67f4eef5", "name": "triage-bot"},
            "pendingSwitchboardIntegration": {"id": "7d9e8f0a1b2c3d4e5f6a7b8c", "name": "agent-workspace", "integrationType": "zd:agentWorkspace"}
        }}),
    )
}

/// `switchboard:offerControl:failure`.
pub fn switchboard_offer_control_failure() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c04",
        "switchboard:offerControl:failure",
        json!({"error": {"code": "switchboard_invalid_target", "message": "No such switchboard integration"}}),
    )
}

/// `switchboard:passControl`: because the ticket was closed.
pub fn switchboard_pass_control() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c05",
        "switchboard:passControl",
        json!({"reason": "ticketClosed"}),
    )
}

/// `switchboard:passControl:failure`.
pub fn switchboard_pass_control_failure() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c06",
        "switchboard:passControl:failure",
        switchboard_error(),
    )
}

/// `switchboard:releaseControl`: nobody in control, because of a move to email.
pub fn switchboard_release_control() -> Value {
    switchboard(
        "5b2e1f8d4c0a5b3f9e7d2c07",
        "switchboard:releaseControl",
        json!({
            "conversation": {"id": CONVERSATION_ID, "type": "personal"},
            "reason": "transferToEmail"
        }),
    )
}

/// `user:merge`: an anonymous web user merged into a known one by a channel link.
pub fn user_merge() -> Value {
    event(
        "70f7bb3263d43eae3ad91e68",
        "user:merge",
        "2026-03-14T13:31:44.080Z",
        json!({
            "mergedUsers": {
                "surviving": user_truncated(),
                "discarded": {"id": "a7298559446c2e757c524147", "authenticated": false}
            },
            "mergedConversations": {
                "surviving": {"id": CONVERSATION_ID, "type": "personal"},
                "discarded": {"id": "b43f78b34a82721ed479f8d6", "type": "personal"}
            },
            "mergedClients": {
                "surviving": whatsapp_client(),
                "discarded": {"id": "eab92f86eca3bb0ffc698b2f", "type": "whatsapp", "status": "pending"}
            },
            "discardedMetadata": null,
            "reason": "channelLinking"
        }),
    )
}

/// `user:update`: the user became authenticated.
pub fn user_update() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b11",
        "user:update",
        "2026-03-14T13:40:00.000Z",
        json!({
            "user": {
                "id": USER_ID,
                "externalId": "crm-55102",
                "authenticated": true,
                "toBeRetained": true,
                "metadata": {"plan": "annual"}
            },
            "reason": "authentication",
            "source": {"type": "web", "integrationId": "71cc28b677618e44d58d6e2d"}
        }),
    )
}

/// `user:remove`: a user was deleted.
pub fn user_remove() -> Value {
    event(
        "5a1d0e7c3b9f4a2e8d6c1b12",
        "user:remove",
        "2026-03-14T13:50:00.000Z",
        json!({"user": {"id": "a7298559446c2e757c524147", "authenticated": false, "zendeskId": "zd-381"}}),
    )
}

/// Every event above, by type (the 26 of the sheet).
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("client:add", client_add()),
        ("client:remove", client_remove()),
        ("client:update", client_update()),
        ("conversation:create", conversation_create()),
        ("conversation:join", conversation_join()),
        ("conversation:leave", conversation_leave()),
        ("conversation:remove", conversation_remove()),
        ("conversation:message", conversation_message()),
        (
            "conversation:message:delivery:channel",
            conversation_message_delivery_channel(),
        ),
        (
            "conversation:message:delivery:failure",
            conversation_message_delivery_failure(),
        ),
        (
            "conversation:message:delivery:user",
            conversation_message_delivery_user(),
        ),
        ("conversation:postback", conversation_postback()),
        ("conversation:read", conversation_read()),
        ("conversation:referral", conversation_referral()),
        ("passthrough:messaging", passthrough_messaging()),
        ("conversation:typing", conversation_typing()),
        ("switchboard:acceptControl", switchboard_accept_control()),
        (
            "switchboard:acceptControl:failure",
            switchboard_accept_control_failure(),
        ),
        ("switchboard:offerControl", switchboard_offer_control()),
        (
            "switchboard:offerControl:failure",
            switchboard_offer_control_failure(),
        ),
        ("switchboard:passControl", switchboard_pass_control()),
        (
            "switchboard:passControl:failure",
            switchboard_pass_control_failure(),
        ),
        ("switchboard:releaseControl", switchboard_release_control()),
        ("user:merge", user_merge()),
        ("user:update", user_update()),
        ("user:remove", user_remove()),
    ]
}
