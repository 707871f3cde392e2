//! Webhook payloads written for the tests from the descriptions in the reference sheet
//! (`webhooks.md` §5–§7): one per trigger, with values of their own. The event tests check
//! every value; the fuzz tests start from them.

use serde_json::{Value, json};

/// The app every payload belongs to.
pub const APP_ID: &str = "66f0a1b2c3d4e5f60718293a";
/// The user of most payloads.
pub const USER_ID: &str = "d41c7e09b2a35f8861e0c7a4";
/// Their conversation.
pub const CONVERSATION_ID: &str = "1f3e5d7c9b0a2c4e6f8a0b22";

/// A user message as a v1.1 `message:appUser` carries it.
pub fn user_message() -> Value {
    json!({
        "_id": "65a2c0de1f9b4e37a8d05c11",
        "type": "text",
        "text": "Do you deliver to Porto on Saturdays?",
        "role": "appUser",
        "authorId": USER_ID,
        "name": "Marta Sousa",
        "received": 1704877200.125,
        "source": {"type": "whatsapp", "integrationId": "60b7e2f1a9c3d5e7f9a1b3c5"}
    })
}

/// `message:appUser` (v1.1): one message, a truncated user, the conversation, the client.
pub fn message_app_user() -> Value {
    json!({
        "trigger": "message:appUser",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "messages": [user_message()],
        "appUser": {"_id": USER_ID, "userId": "cust-5512", "conversationStarted": true},
        "conversation": {"_id": CONVERSATION_ID},
        "client": {
            "_id": "5c9d0e1f2a3b4c5d6e7f8091",
            "id": "b8a4f2e6-1c3d-4e5f-9a7b-2c4d6e8f0a1b",
            "platform": "whatsapp",
            "status": "active",
            "integrationId": "60b7e2f1a9c3d5e7f9a1b3c5",
            "displayName": "Marta",
            "lastSeen": "2024-01-10T09:00:00.125Z",
            "info": {"phoneNumber": "+351910000222"},
            "raw": {"profile": {"name": "Marta"}}
        }
    })
}

/// `message:appMaker` (v1.1): a carousel the business sent, with its generated text.
pub fn message_app_maker() -> Value {
    json!({
        "trigger": "message:appMaker",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "messages": [{
            "_id": "65a2c1f03e8d4b2a9c71d0e4",
            "type": "carousel",
            "text": "Tote bag\nBackpack",
            "role": "appMaker",
            "authorId": "Xr4WqL9mZt2KpV7sBn0Ahj",
            "name": "Shop Assistant",
            "avatarUrl": "https://cdn.example.org/assistant.png",
            "received": 1704877262.5,
            "source": {"type": "api"},
            "items": [
                {"_id": "65a2c1f03e8d4b2a9c71d0e5", "title": "Tote bag", "actions": [
                    {"_id": "65a2c1f03e8d4b2a9c71d0e6", "type": "postback", "text": "Pick", "payload": "TOTE"}]},
                {"_id": "65a2c1f03e8d4b2a9c71d0e7", "title": "Backpack", "actions": [
                    {"_id": "65a2c1f03e8d4b2a9c71d0e8", "type": "postback", "text": "Pick", "payload": "PACK"}]}
            ]
        }],
        "appUser": {"_id": USER_ID, "conversationStarted": true},
        "conversation": {"_id": CONVERSATION_ID}
    })
}

/// `postback` (v1): a tap whose action label differs from the message's copy of it.
pub fn postback() -> Value {
    json!({
        "trigger": "postback",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "postbacks": [{
            "message": {
                "_id": "65a2c3117b0e4f9d8a2c6e13",
                "type": "text",
                "text": "When should we call you?",
                "role": "appMaker",
                "authorId": "Xr4WqL9mZt2KpV7sBn0Ahj",
                "received": 1704877300.75,
                "source": {"type": "api"},
                "actions": [{"_id": "65a2c3117b0e4f9d8a2c6e14", "type": "postback", "text": "Evening", "payload": "CALL_PM"}]
            },
            "action": {"_id": "65a2c3117b0e4f9d8a2c6e14", "type": "postback", "text": "Evening (18-21h)", "payload": "CALL_PM"}
        }],
        "appUser": {"_id": USER_ID, "conversationStarted": true}
    })
}

/// `conversation:start` with a Messenger referral.
pub fn conversation_start() -> Value {
    json!({
        "trigger": "conversation:start",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "source": {"type": "messenger"},
        "appUser": {"_id": "e7b3a9c1d5f2048b6e9a3c70", "conversationStarted": false},
        "referral": {"code": "winter-sale", "details": {"source": "MESSENGER_CODE", "type": "OPEN_THREAD"}},
        "timestamp": 1704877400.333
    })
}

/// `conversation:read` (v1 shape: no version).
pub fn conversation_read() -> Value {
    json!({
        "trigger": "conversation:read",
        "app": {"_id": APP_ID},
        "source": {"type": "web"},
        "appUser": {"_id": USER_ID},
        "timestamp": 1704877450.08
    })
}

/// `conversation:referral` from an ad.
pub fn conversation_referral() -> Value {
    json!({
        "trigger": "conversation:referral",
        "app": {"_id": APP_ID},
        "source": {"type": "messenger"},
        "appUser": {"_id": USER_ID},
        "referral": {"code": "ad-set-42", "details": {"source": "ADS", "type": "OPEN_THREAD", "adId": "6050113377001"}},
        "timestamp": 1704877500.0
    })
}

/// `typing:appUser`: the user stopped typing.
pub fn typing_app_user() -> Value {
    json!({
        "trigger": "typing:appUser",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": USER_ID, "conversationStarted": true},
        "conversation": {"_id": CONVERSATION_ID},
        "activity": {"type": "typing:stop"},
        "timestamp": 1704877555.901
    })
}

/// `merge:appUser`: two users folded into one.
pub fn merge_app_user() -> Value {
    json!({
        "trigger": "merge:appUser",
        "app": {"_id": APP_ID},
        "surviving": {"_id": "a0b1c2d3e4f5061728394a5b", "userId": "cust-8841", "conversationStarted": true},
        "discarded": [
            {"_id": "b1c2d3e4f5061728394a5b6c", "conversationStarted": false},
            {"_id": "c2d3e4f5061728394a5b6c7d", "conversationStarted": true}
        ]
    })
}

/// `delivery:failure` (v1): a Viber message that did not go through.
pub fn delivery_failure() -> Value {
    json!({
        "trigger": "delivery:failure",
        "app": {"_id": APP_ID},
        "appUser": {"_id": USER_ID, "userId": "cust-5512"},
        "destination": {"type": "viber"},
        "error": {"code": "unauthorized", "underlyingError": {"status": 6, "status_message": "notSubscribed"}},
        "messages": [{
            "_id": "65a2c4aa9f1e4c0b7d3e2a55", "type": "text", "text": "Your order is ready.",
            "role": "appMaker", "authorId": "Xr4WqL9mZt2KpV7sBn0Ahj", "received": 1704877600.2,
            "source": {"type": "api"}
        }],
        "timestamp": 1704877601.7
    })
}

/// `delivery:success` (v1).
pub fn delivery_success() -> Value {
    json!({
        "trigger": "delivery:success",
        "app": {"_id": APP_ID},
        "appUser": {"_id": USER_ID},
        "destination": {"type": "line", "id": "5a6b7c8d9e0f1a2b3c4d5e6f"},
        "messages": [{
            "_id": "65a2c4bb0a2f4d1c8e4f3b66", "type": "image", "text": " ",
            "mediaUrl": "https://media.example.org/receipt.png", "mediaType": "image/png",
            "role": "appMaker", "authorId": "Xr4WqL9mZt2KpV7sBn0Ahj", "received": 1704877610,
            "source": {"type": "api"}
        }],
        "timestamp": 1704877611
    })
}

/// `message:delivery:channel` (v1.1).
pub fn message_delivery_channel() -> Value {
    json!({
        "trigger": "message:delivery:channel",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": USER_ID, "conversationStarted": true},
        "conversation": {"_id": CONVERSATION_ID},
        "destination": {"type": "whatsapp", "integrationId": "60b7e2f1a9c3d5e7f9a1b3c5"},
        "isFinalEvent": false,
        "externalMessages": [{"id": "wamid.QUJDREVGR0hJSktMTU5PUA=="}],
        "message": {"_id": "65a2c5cc1b3a4e2d9f5a4c77"},
        "timestamp": 1704877700.404
    })
}

/// `message:delivery:user` (v1.1): the last event for the message.
pub fn message_delivery_user() -> Value {
    json!({
        "trigger": "message:delivery:user",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": USER_ID},
        "conversation": {"_id": CONVERSATION_ID},
        "destination": {"type": "whatsapp"},
        "isFinalEvent": true,
        "externalMessages": [],
        "message": {"_id": "65a2c5cc1b3a4e2d9f5a4c77"},
        "timestamp": 1704877705.5
    })
}

/// `message:delivery:failure` (v1.1): WhatsApp refused it.
pub fn message_delivery_failure() -> Value {
    json!({
        "trigger": "message:delivery:failure",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": USER_ID},
        "conversation": {"_id": CONVERSATION_ID},
        "destination": {"type": "whatsapp", "integrationId": "60b7e2f1a9c3d5e7f9a1b3c5"},
        "isFinalEvent": true,
        "message": {"_id": "65a2c6dd2c4b4f3e0a6b5d88"},
        "error": {
            "code": "uncategorized_error",
            "message": "Message failed to send",
            "underlyingError": {"errors": [{"code": 1013, "title": "User is not valid"}]}
        },
        "timestamp": 1704877800.75
    })
}

/// `notification:delivery:channel`.
pub fn notification_delivery_channel() -> Value {
    notification("notification:delivery:channel", false, None)
}

/// `notification:delivery:user`.
pub fn notification_delivery_user() -> Value {
    notification("notification:delivery:user", true, None)
}

/// `notification:delivery:failure`.
pub fn notification_delivery_failure() -> Value {
    notification(
        "notification:delivery:failure",
        true,
        Some(json!({"code": "bad_request", "message": "Template not approved"})),
    )
}

fn notification(trigger: &str, last: bool, error: Option<Value>) -> Value {
    let mut value = json!({
        "trigger": trigger,
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "destination": {"type": "whatsapp", "integrationId": "60b7e2f1a9c3d5e7f9a1b3c5", "destinationId": "351910000333"},
        "isFinalEvent": last,
        "externalMessages": [{"id": "gBGGFlB5YjkfAgkXcv4f"}],
        "notification": {"_id": "9c4f1a2e-7b3d-4e8a-a1c5-0d2e4f6a8b91"},
        "matchResult": {
            "appUser": {"_id": "f0e1d2c3b4a5968778695a4b", "conversationStarted": true},
            "conversation": {"_id": "7a8b9c0d1e2f3a4b5c6d7e8f"}
        },
        "timestamp": 1704877900.12
    });
    if let Some(error) = error {
        value["error"] = error;
    }
    value
}

/// `payment:success`: a paid `buy` action.
pub fn payment_success() -> Value {
    let action = json!({
        "_id": "65a2c7ee3d5c4a4f1b7c6e99", "type": "buy", "text": "Express shipping", "amount": 1299,
        "currency": "eur", "state": "paid", "uri": "https://app.smooch.io/checkout/65a2c7ee3d5c4a4f1b7c6e99"
    });
    json!({
        "trigger": "payment:success",
        "app": {"_id": APP_ID},
        "appUser": {"_id": USER_ID},
        "payments": [{
            "source": {"type": "web"},
            "message": {
                "_id": "65a2c7ee3d5c4a4f1b7c6e98", "type": "text", "text": "Upgrade your shipping?",
                "role": "appMaker", "authorId": "Xr4WqL9mZt2KpV7sBn0Ahj", "received": 1704878000.0,
                "source": {"type": "api"}, "actions": [action.clone()]
            },
            "action": action,
            "charge": {"id": "ch_3OaB1cD2eF3gH4iJ5kL6mN7o"}
        }],
        "timestamp": 1704878042.5
    })
}

/// `link:success`.
pub fn link_success() -> Value {
    link("link:success", None)
}

/// `link:match`.
pub fn link_match() -> Value {
    link("link:match", None)
}

/// `link:failure`.
pub fn link_failure() -> Value {
    link(
        "link:failure",
        Some(json!({"code": "bad_request", "message": "No user with this number on the channel"})),
    )
}

fn link(trigger: &str, error: Option<Value>) -> Value {
    let mut value = json!({
        "trigger": trigger,
        "app": {"_id": APP_ID},
        "appUser": {"_id": USER_ID},
        "channel": "twilio",
        "criteria": {"phoneNumber": "+351910000444", "givenName": "Ana", "surname": "Reis"}
    });
    if let Some(error) = error {
        value["error"] = error;
    }
    value
}

/// `client:add` (payload undocumented: a user and a client, as v2 describes).
pub fn client_add() -> Value {
    json!({
        "trigger": "client:add",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": USER_ID},
        "client": {"id": "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6", "platform": "telegram"},
        "timestamp": 1704878100.6
    })
}

/// `client:remove` (payload undocumented).
pub fn client_remove() -> Value {
    json!({
        "trigger": "client:remove",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": USER_ID},
        "clients": [{"id": "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6", "platform": "telegram"}]
    })
}

/// `appUser:delete` (payload undocumented).
pub fn app_user_delete() -> Value {
    json!({
        "trigger": "appUser:delete",
        "app": {"_id": APP_ID},
        "version": "v1.1",
        "appUser": {"_id": "9a8b7c6d5e4f30211f2e3d4c"},
        "timestamp": 1704878200
    })
}

/// Every payload above, by trigger.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("message:appUser", message_app_user()),
        ("message:appMaker", message_app_maker()),
        ("postback", postback()),
        ("conversation:start", conversation_start()),
        ("conversation:read", conversation_read()),
        ("conversation:referral", conversation_referral()),
        ("typing:appUser", typing_app_user()),
        ("merge:appUser", merge_app_user()),
        ("delivery:success", delivery_success()),
        ("delivery:failure", delivery_failure()),
        ("message:delivery:channel", message_delivery_channel()),
        ("message:delivery:user", message_delivery_user()),
        ("message:delivery:failure", message_delivery_failure()),
        (
            "notification:delivery:channel",
            notification_delivery_channel(),
        ),
        ("notification:delivery:user", notification_delivery_user()),
        (
            "notification:delivery:failure",
            notification_delivery_failure(),
        ),
        ("payment:success", payment_success()),
        ("link:success", link_success()),
        ("link:match", link_match()),
        ("link:failure", link_failure()),
        ("client:add", client_add()),
        ("client:remove", client_remove()),
        ("appUser:delete", app_user_delete()),
    ]
}
