//! Switchboard control passing: pass, offer, accept and release control, recorded on the
//! conversation and sent as `switchboard:*` events.

use serde_json::json;
use smooch_client::models::Metadata;
use smooch_client::v2::models::Conversation;
use smooch_client::v2::models::{
    AcceptControl, Custom, CustomWebhook, IntegrationCreate, PassControl, ReleaseControl,
};
use smooch_client::v2::{ConversationsApi, IntegrationsApi, SwitchboardActionsApi, V2};

use super::{APP, Bot, personal, refused, start, user};

/// The conversation as *get conversation* answers it now.
async fn current(v2: &V2, conversation: &str) -> Conversation {
    let got = v2.get_conversation(APP, conversation).await.unwrap();
    got.conversation.unwrap()
}

#[tokio::test]
async fn control_is_passed_offered_accepted_and_released() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    let triggers = [
        "switchboard:passControl",
        "switchboard:offerControl",
        "switchboard:acceptControl",
        "switchboard:releaseControl",
        "switchboard:acceptControl:failure",
    ];
    let hook = CustomWebhook::new(url, triggers);
    v2.create_integration(APP, &IntegrationCreate::new(Custom::new(hook)))
        .await
        .unwrap();
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    let metadata: Metadata = serde_json::from_value(json!({"reason": "billing"})).unwrap();

    let pass = PassControl::new("agents").with_metadata(metadata);
    v2.pass_control(APP, &conversation, &pass).await.unwrap();
    let active = |c: &Conversation| {
        c.active_switchboard_integration
            .as_ref()
            .and_then(|s| s.name.clone())
    };
    let now = current(&v2, &conversation).await;
    assert_eq!(active(&now).as_deref(), Some("agents"));

    v2.offer_control(APP, &conversation, &PassControl::new("bot"))
        .await
        .unwrap();
    let now = current(&v2, &conversation).await;
    let pending = now.pending_switchboard_integration.and_then(|s| s.name);
    assert_eq!(pending.as_deref(), Some("bot"));
    v2.accept_control(APP, &conversation, &AcceptControl::default())
        .await
        .unwrap();
    let now = current(&v2, &conversation).await;
    assert_eq!(active(&now).as_deref(), Some("bot"));
    assert_eq!(now.pending_switchboard_integration, None);
    v2.release_control(APP, &conversation, &ReleaseControl::default())
        .await
        .unwrap();
    let now = current(&v2, &conversation).await;
    assert_eq!(now.active_switchboard_integration, None);

    v2.accept_control(APP, &conversation, &AcceptControl::default())
        .await
        .expect("answered 200: the failure is reported by an event");
    assert_eq!(
        current(&v2, &conversation)
            .await
            .active_switchboard_integration,
        None
    );

    fake.deliveries_settled().await;
    assert_eq!(bot.event_types(), triggers);
    let calls = bot.calls();
    let failure = &calls[4].1["events"][0]["payload"];
    assert_eq!(failure["error"]["code"], "switchboard_invalid_action");
    let passed = &calls[0].1["events"][0]["payload"];
    assert!(passed.get("reason").is_none(), "{passed}");
    let first = &bot.calls()[0].1["events"][0]["payload"];
    assert_eq!(first["metadata"], json!({"reason": "billing"}));
    assert_eq!(
        first["conversation"]["activeSwitchboardIntegration"]["name"],
        "agents"
    );
}

#[tokio::test]
async fn switchboard_actions_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    assert_eq!(
        refused(
            v2.pass_control(APP, &conversation, &PassControl::new(""))
                .await
        )
        .0,
        400
    );
    let missing = "c".repeat(24);
    for (status, code, _) in [
        refused(v2.pass_control(APP, &missing, &PassControl::new("a")).await),
        refused(
            v2.offer_control(APP, &missing, &PassControl::new("a"))
                .await,
        ),
        refused(
            v2.accept_control(APP, &missing, &AcceptControl::default())
                .await,
        ),
        refused(
            v2.release_control(APP, &missing, &ReleaseControl::default())
                .await,
        ),
    ] {
        assert_eq!((status, code.as_str()), (404, "conversation_not_found"));
    }
}
