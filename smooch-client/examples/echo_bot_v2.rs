//! An API v2 echo bot that runs with no account: the embedded fake Smooch delivers a user's
//! message to the bot's webhook (a custom integration's, served by the axum handler), and the
//! bot answers through API v2.
//!
//! It answers each text with `You said: <text>`, a reply button and a postback button. Tapping
//! the reply button sends its text as the user's message, with the button's payload; tapping the
//! postback button sends a `conversation:postback` event. The bot answers both in kind. Smooch
//! may deliver an event more than once, and a delivery may carry several events: the handler
//! hands them over one by one, and its `Dedup` runs the bot once per event.
//!
//! ```sh
//! cargo run -p smooch-client --example echo_bot_v2 --features fake,axum
//! ```
//!
//! Against the real API, the bot is the same: serve `bot_router` on a public `https` URL,
//! create the custom integration once (`create_integration`, or the dashboard) with its
//! webhook, and give the webhook's secret to the `Verifier`.

use std::error::Error;

use smooch_client::fake::FakeSmooch;
use smooch_client::fake::v2::Tap;
use smooch_client::v2::models::{
    Action, AuthorType, Content, ConversationCreate, Custom, CustomWebhook, IntegrationCreate,
    IntegrationKind, Message, MessagePost, ParticipantJoin, Postback, Reply, TextMessage,
    UserCreate,
};
use smooch_client::v2::webhook::{Event, Payload};
use smooch_client::v2::{ConversationsApi, IntegrationsApi, MessagesApi, UsersApi, V2};
use smooch_client::webhook::{Dedup, Receiver, Verifier};
use smooch_client::{Client, Secret};

/// The payload of the "Nice" reply button.
pub const NICE: &str = "NICE";
/// The payload of the "Talk to a human" postback button.
pub const HUMAN: &str = "HUMAN";

/// Answers every text a user sends with `You said: <text>` and two buttons, and a tap on either
/// with a word of its own.
#[derive(Clone)]
pub struct EchoBot {
    v2: V2,
}

impl EchoBot {
    /// A bot answering through `client`'s API v2.
    pub fn new(client: &Client) -> Self {
        EchoBot { v2: client.v2() }
    }

    /// What the bot answers to a user's `message`, if anything.
    fn answer(message: &Message) -> Option<TextMessage> {
        if message.author.as_ref()?.r#type != AuthorType::User {
            return None; // the bot's own messages come back too: never answer those
        }
        let Some(Content::Text(text)) = &message.content else {
            return None;
        };
        // A tap on a reply button is a text message with the button's payload.
        Some(match (text.payload.as_deref(), text.text.as_deref()) {
            (Some(NICE), _) => TextMessage::new("Glad it helped!"),
            (_, Some(said)) => TextMessage::new(format!("You said: {said}"))
                .with_action(Reply::new("Nice", NICE))
                .with_action(Postback::new("Talk to a human", HUMAN)),
            (_, None) => return None,
        })
    }

    /// Handles one verified event. An error makes the handler answer 500, and Smooch delivers
    /// the whole delivery again (the `Dedup` skips the events handled already).
    pub async fn on_event(self, event: Event) -> Result<(), smooch_client::Error> {
        let (Some(app), Some(conversation)) = (
            event.app_id.clone(),
            event.conversation().and_then(|c| c.id.clone()),
        ) else {
            return Ok(());
        };
        let answer = match &event.payload {
            Payload::ConversationMessage(payload) => {
                payload.message.as_ref().and_then(Self::answer)
            }
            Payload::ConversationPostback(payload) => payload
                .postback
                .as_ref()
                .filter(|postback| postback.payload.as_deref() == Some(HUMAN))
                .map(|_| TextMessage::new("A human will be with you shortly.")),
            // Subscribed to messages and postbacks only; anything else is not for us.
            _ => None,
        };
        if let Some(answer) = answer {
            let post = MessagePost::business(answer);
            self.v2.post_message(&app, &conversation, &post).await?;
        }
        Ok(())
    }
}

/// The bot's HTTP routes: `POST /sunco`, verified against the webhook's secret, each event
/// handled once.
pub fn bot_router(bot: EchoBot, secret: Secret) -> axum::Router {
    let receiver = Receiver::v2(Verifier::new(secret));
    let on_event = Dedup::new().guard(move |event| bot.clone().on_event(event));
    axum::Router::new().route(
        "/sunco",
        smooch_client::webhook::axum::handler(receiver, on_event),
    )
}

/// Serves the bot on 127.0.0.1 and creates a custom integration of `app_id` whose webhook
/// calls it for messages and postbacks, with the API `client` points at. Returns the bot's
/// webhook URL.
pub async fn start_bot(client: &Client, app_id: &str) -> Result<String, Box<dyn Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/sunco", listener.local_addr()?);
    let hook = CustomWebhook::new(&url, ["conversation:message", "conversation:postback"]);
    let body = IntegrationCreate::new(Custom::new(hook)).with_display_name("Echo bot");
    let created = client.v2().create_integration(app_id, &body).await?;
    let secret = match created.integration.map(|integration| integration.kind) {
        Some(IntegrationKind::Custom(custom)) => custom
            .webhooks
            .into_iter()
            .next()
            .and_then(|webhook| webhook.secret),
        _ => None,
    }
    .ok_or("the custom integration came back without its webhook's secret")?;
    let router = bot_router(EchoBot::new(client), secret);
    tokio::spawn(async move {
        // Serving only ends with the process.
        let _ = axum::serve(listener, router).await;
    });
    Ok(url)
}

/// A user with the external id `user` and their personal conversation; returns its id.
pub async fn conversation_with(
    v2: &V2,
    app_id: &str,
    user: &str,
) -> Result<String, Box<dyn Error>> {
    v2.create_user(app_id, &UserCreate::new(user)).await?;
    let personal = ConversationCreate::personal(ParticipantJoin::user_external_id(user));
    let created = v2.create_conversation(app_id, &personal).await?;
    Ok(created
        .conversation
        .and_then(|conversation| conversation.id)
        .ok_or("the conversation came back without an id")?
        .to_string())
}

/// The payloads of a text message's buttons.
fn buttons(message: &Message) -> Vec<&str> {
    let Some(Content::Text(text)) = &message.content else {
        return Vec::new();
    };
    text.actions
        .iter()
        .filter_map(|action| match action {
            Action::Reply(reply) => Some(reply.payload.as_str()),
            Action::Postback(postback) => Some(postback.payload.as_str()),
            _ => None,
        })
        .collect()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let (app_id, user) = ("app_echo", "ines@example.com");
    let fake = FakeSmooch::start().await?;
    let client = fake.client()?;

    let url = start_bot(&client, app_id).await?;
    println!("bot listening at {url}");
    let conversation = conversation_with(&client.v2(), app_id, user).await?;

    for text in ["Hello, bot!", "Is the Lisbon store open on Sunday?"] {
        println!("user: {text}");
        fake.v2().user_says(app_id, &conversation, user, text)?;
        fake.deliveries_settled().await;
    }
    // The user taps the buttons under the bot's last answer.
    let stored = fake
        .v2()
        .conversation(app_id, &conversation)
        .ok_or("the conversation is gone")?;
    let answer = stored.messages.last().ok_or("the bot did not answer")?;
    let answer_id = answer.id.clone().ok_or("the answer has no id")?;
    println!("the bot's buttons: {:?}", buttons(answer));
    for payload in [NICE, HUMAN] {
        match fake
            .v2()
            .user_taps(app_id, &conversation, user, &answer_id, payload)?
        {
            Tap::Reply(_) => println!("user taps the reply button {payload}"),
            Tap::Postback => println!("user taps the postback button {payload}"),
            _ => {}
        }
        fake.deliveries_settled().await;
    }

    let stored = fake
        .v2()
        .conversation(app_id, &conversation)
        .ok_or("the conversation is gone")?;
    println!("\nthe conversation as Smooch stores it:");
    for message in &stored.messages {
        let who = message
            .author
            .as_ref()
            .map_or("?", |author| author.r#type.as_str());
        let text = match &message.content {
            Some(Content::Text(text)) => text.text.as_deref().unwrap_or(""),
            _ => "",
        };
        println!("  {who:>8}: {text}");
    }
    for attempt in fake.deliveries() {
        println!(
            "delivery {} of {} to the bot: {:?}",
            attempt.attempt, attempt.trigger, attempt.outcome
        );
    }
    Ok(())
}
