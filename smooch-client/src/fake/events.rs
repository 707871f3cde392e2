//! The webhook events the fake sends, built with the same models the `webhook` module decodes,
//! and shaped per webhook (`includeClient`, `includeFullAppUser`) before delivery.

use serde_json::Value;

use super::state::Shared;
use super::users::web_client;
use crate::models::{
    Action, ActivityType, AppUser, AppUserClient, Message, Role, Source, Timestamp, WebhookTrigger,
};
use crate::webhook::{
    AppRef, ConversationEvent, ConversationRef, Envelope, Event, MessageEvent, Postback,
    PostbackEvent, TypingEvent, UserActivity,
};

/// The payload version the fake's webhooks have.
const VERSION: &str = "v1.1";

/// Sends `event` to every webhook of `app_id` subscribed to its trigger.
pub(crate) fn emit(shared: &Shared, app_id: &str, event: Event) {
    let trigger = WebhookTrigger::from(event.trigger());
    let webhooks = shared.hooks().subscribed(app_id, &trigger);
    if webhooks.is_empty() {
        return;
    }
    let Ok(payload) = serde_json::to_value(&event) else {
        return;
    };
    for webhook in webhooks {
        let mut payload = payload.clone();
        shape(
            &mut payload,
            webhook.include_client == Some(true),
            webhook.include_full_app_user == Some(true),
        );
        shared
            .deliveries
            .send((&webhook).into(), trigger.clone(), payload);
    }
}

/// Leaves out the client unless the webhook includes it, and truncates the user (`_id`,
/// `userId`, `conversationStarted`) unless it includes the full user.
fn shape(payload: &mut Value, include_client: bool, include_full_app_user: bool) {
    let Some(object) = payload.as_object_mut() else {
        return;
    };
    if !include_client {
        object.remove("client");
    }
    if !include_full_app_user && let Some(Value::Object(user)) = object.get_mut("appUser") {
        user.retain(|key, _| matches!(key.as_str(), "_id" | "userId" | "conversationStarted"));
    }
}

/// The client an event comes from: the user's first one (the Web Messenger when they have
/// none).
fn client(user: &AppUser) -> AppUserClient {
    user.clients
        .first()
        .cloned()
        .unwrap_or_else(|| web_client(&user.id))
}

/// What every event the fake sends carries: the trigger, the app, the payload version, and the
/// user, their client and conversation.
fn envelope(
    trigger: WebhookTrigger,
    app_id: &str,
    user: &AppUser,
    conversation_id: &str,
    timestamp: Option<Timestamp>,
) -> Envelope {
    Envelope {
        trigger,
        app: AppRef {
            id: app_id.to_owned(),
            ..AppRef::default()
        },
        version: Some(VERSION.to_owned()),
        app_user: Some(user.clone()),
        conversation: Some(ConversationRef {
            id: conversation_id.into(),
            ..ConversationRef::default()
        }),
        client: Some(client(user)),
        timestamp,
        ..Envelope::default()
    }
}

/// Where the user's messages and actions come from: the Web Messenger.
pub(crate) fn web() -> Source {
    Source {
        r#type: Some("web".to_owned()),
        ..Source::default()
    }
}

/// `message:appUser` or `message:appMaker` (`appMaker` and `whisper`) for a stored message.
pub(crate) fn message(
    app_id: &str,
    user: &AppUser,
    conversation_id: &str,
    message: &Message,
) -> Event {
    let trigger = match message.role {
        Role::AppUser => WebhookTrigger::MessageAppUser,
        _ => WebhookTrigger::MessageAppMaker,
    };
    let event = MessageEvent {
        envelope: envelope(trigger.clone(), app_id, user, conversation_id, None),
        messages: vec![message.clone()],
        ..MessageEvent::default()
    };
    match trigger {
        WebhookTrigger::MessageAppUser => Event::MessageAppUser(event),
        _ => Event::MessageAppMaker(event),
    }
}

/// `postback`: the user tapped `action` of `message`.
pub(crate) fn postback(
    app_id: &str,
    user: &AppUser,
    conversation_id: &str,
    message: &Message,
    action: &Action,
) -> Event {
    Event::Postback(PostbackEvent {
        envelope: envelope(
            WebhookTrigger::Postback,
            app_id,
            user,
            conversation_id,
            None,
        ),
        postbacks: vec![Postback {
            message: Some(message.clone()),
            action: action.clone(),
            ..Postback::default()
        }],
        ..PostbackEvent::default()
    })
}

/// `conversation:read`: the user read the conversation at `timestamp`.
pub(crate) fn read(
    app_id: &str,
    user: &AppUser,
    conversation_id: &str,
    timestamp: Timestamp,
) -> Event {
    Event::ConversationRead(ConversationEvent {
        envelope: envelope(
            WebhookTrigger::ConversationRead,
            app_id,
            user,
            conversation_id,
            Some(timestamp),
        ),
        source: Some(web()),
        ..ConversationEvent::default()
    })
}

/// `typing:appUser`: the user started (or stopped) typing at `timestamp`.
pub(crate) fn typing(
    app_id: &str,
    user: &AppUser,
    conversation_id: &str,
    started: bool,
    timestamp: Timestamp,
) -> Event {
    let activity = if started {
        ActivityType::TypingStart
    } else {
        ActivityType::TypingStop
    };
    Event::TypingAppUser(TypingEvent {
        envelope: envelope(
            WebhookTrigger::TypingAppUser,
            app_id,
            user,
            conversation_id,
            Some(timestamp),
        ),
        activity: Some(UserActivity {
            r#type: activity,
            ..UserActivity::default()
        }),
        ..TypingEvent::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn webhooks_get_the_client_and_the_full_user_only_when_they_ask() {
        let event = read(
            "a",
            &super::super::users::implicit("u"),
            "c",
            Timestamp::try_from(1.5).unwrap(),
        );
        let full = serde_json::to_value(&event).unwrap();
        assert_eq!(full["client"]["platform"], "web");
        assert_eq!(full["appUser"]["clients"][0]["id"], "client_u");

        let mut bare = full.clone();
        shape(&mut bare, false, false);
        assert!(bare.get("client").is_none());
        assert_eq!(
            bare["appUser"],
            json!({"_id": "u", "conversationStarted": true})
        );
        let known = AppUser {
            user_id: Some("customer-1".into()),
            given_name: Some("Inês".into()),
            ..super::super::users::implicit("u")
        };
        let mut bare =
            serde_json::to_value(read("a", &known, "c", Timestamp::try_from(1.5).unwrap()))
                .unwrap();
        shape(&mut bare, false, false);
        assert_eq!(
            bare["appUser"],
            json!({"_id": "u", "userId": "customer-1", "conversationStarted": true})
        );

        let mut both = full.clone();
        shape(&mut both, true, true);
        assert_eq!(both, full);
        assert!(matches!(
            Event::from_value(both),
            Ok(Event::ConversationRead(_))
        ));
    }
}
