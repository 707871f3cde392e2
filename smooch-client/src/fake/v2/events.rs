//! The v2 webhook deliveries: events built as JSON exactly as the platform sends them (an
//! envelope `{app: {id}, webhook: {id, version: "v2"}, events: [{id, type, createdAt,
//! payload}]}`), shaped per webhook (`includeFullUser`), and handed to the same deliveries as
//! v1.1's (retries, stop statuses, injected faults).

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::store::id_of;
use crate::fake::delivery::Recipient;
use crate::fake::state::Shared;
use crate::models::WebhookTrigger as DeliveredAs;
use crate::v2::models::{Conversation, DateTime, Message, User, Webhook, WebhookTrigger};

/// One event, before it is addressed to the webhooks subscribed to its type.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub(crate) r#type: WebhookTrigger,
    pub(crate) payload: Value,
}

/// The keys of the short user form (`userTruncated`).
const TRUNCATED_USER: [&str; 5] = ["id", "authenticated", "externalId", "zendeskId", "brandId"];
/// The keys of the short conversation form (`conversationTruncated`).
const TRUNCATED_CONVERSATION: [&str; 5] = [
    "id",
    "type",
    "metadata",
    "activeSwitchboardIntegration",
    "pendingSwitchboardIntegration",
];

fn value(model: &impl Serialize) -> Value {
    serde_json::to_value(model).unwrap_or(Value::Null)
}

/// `object` with only `keys`.
fn only(mut object: Value, keys: &[&str]) -> Value {
    if let Value::Object(map) = &mut object {
        map.retain(|key, _| keys.contains(&key.as_str()));
    }
    object
}

/// The short form of a conversation.
pub(crate) fn conversation(conversation: &Conversation) -> Value {
    only(value(conversation), &TRUNCATED_CONVERSATION)
}

/// The short form of a user.
pub(crate) fn user_truncated(user: &User) -> Value {
    only(value(user), &TRUNCATED_USER)
}

/// The author of a message or an activity, with the user (full; shortened per webhook).
fn author(author: Value, user: Option<&User>) -> Value {
    let mut author = author;
    if let (Value::Object(map), Some(user)) = (&mut author, user) {
        map.insert("user".to_owned(), value(user));
    }
    author
}

/// `conversation:message`: a message in a conversation, from anyone.
pub(crate) fn message(
    conversation_: &Conversation,
    message: &Message,
    user: Option<&User>,
) -> Event {
    let mut message = value(message);
    if let Value::Object(map) = &mut message
        && let Some(by) = map.remove("author")
    {
        map.insert("author".to_owned(), author(by, user));
    }
    Event {
        r#type: WebhookTrigger::ConversationMessage,
        payload: json!({
            "conversation": conversation(conversation_),
            "message": message,
            "recentNotifications": [],
        }),
    }
}

/// `conversation:postback`: the user tapped a postback button.
pub(crate) fn postback(
    conversation_: &Conversation,
    user: &User,
    payload: &str,
    metadata: Option<Value>,
    source: Value,
) -> Event {
    let mut postback = Map::new();
    postback.insert("payload".to_owned(), Value::from(payload));
    if let Some(metadata) = metadata {
        postback.insert("metadata".to_owned(), metadata);
    }
    Event {
        r#type: WebhookTrigger::ConversationPostback,
        payload: json!({
            "postback": postback,
            "conversation": conversation(conversation_),
            "user": value(user),
            "source": source,
        }),
    }
}

/// `conversation:create`, through the API (`creationReason: none`); the user of a personal
/// conversation.
pub(crate) fn created(conversation_: &Conversation, user: Option<&User>) -> Event {
    let mut payload = json!({
        "conversation": conversation(conversation_),
        "creationReason": "none",
        "source": {"type": "api"},
    });
    if let (Value::Object(map), Some(user)) = (&mut payload, user) {
        map.insert("user".to_owned(), value(user));
    }
    Event {
        r#type: WebhookTrigger::ConversationCreate,
        payload,
    }
}

/// `conversation:remove`.
pub(crate) fn removed(conversation_: &Conversation) -> Event {
    Event {
        r#type: WebhookTrigger::ConversationRemove,
        payload: json!({"conversation": conversation(conversation_)}),
    }
}

/// `conversation:join` or `conversation:leave` (`joined: false`).
pub(crate) fn membership(conversation_: &Conversation, user: &User, joined: bool) -> Event {
    Event {
        r#type: if joined {
            WebhookTrigger::ConversationJoin
        } else {
            WebhookTrigger::ConversationLeave
        },
        payload: json!({
            "conversation": conversation(conversation_),
            "user": user_truncated(user),
        }),
    }
}

/// `conversation:read` or `conversation:typing`: a user's activity (`conversation:read`,
/// `typing:start`, `typing:stop`).
pub(crate) fn activity(
    conversation_: &Conversation,
    user: &User,
    activity_type: &str,
    source: Value,
) -> Event {
    let by = json!({"type": "user", "userId": id_of(&user.id)});
    Event {
        r#type: if activity_type == "conversation:read" {
            WebhookTrigger::ConversationRead
        } else {
            WebhookTrigger::ConversationTyping
        },
        payload: json!({
            "conversation": conversation(conversation_),
            "activity": {
                "type": activity_type,
                "author": author(by, Some(user)),
                "source": source,
            },
        }),
    }
}

/// `user:remove`.
pub(crate) fn user_removed(user: &User) -> Event {
    Event {
        r#type: WebhookTrigger::UserRemove,
        payload: json!({"user": user_truncated(user)}),
    }
}

/// A switchboard event on a conversation (`switchboard:passControl`, ...), with the metadata
/// the action carried, and the `error` of a `...:failure` event.
pub(crate) fn switchboard(
    r#type: WebhookTrigger,
    conversation_: &Conversation,
    metadata: Option<Value>,
    error: Option<Value>,
) -> Event {
    let mut payload = json!({"conversation": conversation(conversation_)});
    if let Value::Object(map) = &mut payload {
        if let Some(metadata) = metadata {
            map.insert("metadata".to_owned(), metadata);
        }
        if let Some(error) = error {
            map.insert("error".to_owned(), error);
        }
    }
    Event { r#type, payload }
}

/// Shortens the users of `payload` to their short form unless the webhook includes full
/// users: `user`, and the author's `user` of a message or an activity.
fn shape(payload: &mut Value, include_full_user: bool) {
    if include_full_user {
        return;
    }
    let shorten = |user: Option<&mut Value>| {
        if let Some(Value::Object(user)) = user {
            user.retain(|key, _| TRUNCATED_USER.contains(&key.as_str()));
        }
    };
    shorten(payload.get_mut("user"));
    for holder in ["message", "activity"] {
        shorten(
            payload
                .get_mut(holder)
                .and_then(|h| h.get_mut("author"))
                .and_then(|a| a.get_mut("user")),
        );
    }
}

/// Sends `event` to every v2 webhook of `app_id` subscribed to its type, one delivery each
/// (the event keeps its id through the retries). Call it without holding the store.
pub(crate) fn emit(shared: &Shared, app_id: &str, event: Event) {
    let (webhooks, event_id): (Vec<Webhook>, String) = {
        let mut store = shared.store();
        let store = &mut *store;
        let webhooks = store
            .v2
            .get(app_id)
            .map(|app| {
                app.webhooks()
                    .filter(|w| w.triggers.contains(&event.r#type))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        (webhooks, store.ids.next())
    };
    let created_at = DateTime::now();
    for webhook in webhooks {
        let mut payload = event.payload.clone();
        shape(&mut payload, webhook.include_full_user == Some(true));
        let body = json!({
            "app": {"id": app_id},
            "webhook": {"id": id_of(&webhook.id), "version": "v2"},
            "events": [{
                "id": event_id,
                "type": event.r#type.as_str(),
                "createdAt": created_at.as_str(),
                "payload": payload,
            }],
        });
        let recipient = Recipient {
            webhook_id: id_of(&webhook.id).to_owned(),
            target: webhook.target.clone().unwrap_or_default(),
            secret: webhook
                .secret
                .as_ref()
                .map(|s| s.expose().to_owned())
                .unwrap_or_default(),
            version: "v2",
        };
        shared
            .deliveries
            .send(recipient, DeliveredAs::from(event.r#type.as_str()), body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_short_unless_the_webhook_asks_for_them_in_full() {
        let user = User {
            id: Some("u1".into()),
            external_id: Some("crm-1".into()),
            authenticated: Some(false),
            to_be_retained: Some(true),
            ..User::default()
        };
        let conversation = Conversation {
            id: Some("c1".into()),
            display_name: Some("Help".into()),
            ..Conversation::default()
        };
        let event = activity(&conversation, &user, "typing:start", json!({"type": "web"}));
        let mut short = event.payload.clone();
        shape(&mut short, false);
        assert_eq!(
            short["activity"]["author"]["user"],
            json!({"id": "u1", "externalId": "crm-1", "authenticated": false})
        );
        assert_eq!(
            short["conversation"],
            json!({"id": "c1"}),
            "the short conversation"
        );
        let mut full = event.payload.clone();
        shape(&mut full, true);
        assert_eq!(full["activity"]["author"]["user"]["toBeRetained"], true);
        assert_eq!(event.r#type, WebhookTrigger::ConversationTyping);
    }
}
