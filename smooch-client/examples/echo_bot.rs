//! An echo bot that runs with no account: the embedded fake Smooch delivers a user's message to
//! the bot's webhook (served by the axum handler), and the bot answers through the API.
//!
//! It answers each text with `You said: <text>` and two reply buttons; tapping one sends the
//! button's text as the user's message, with the button's payload, which the bot answers in
//! kind. Smooch may deliver an event more than once: the handler's `Dedup` runs the bot once
//! per event, and once per tap.
//!
//! ```sh
//! cargo run -p smooch-client --example echo_bot --features fake,axum
//! ```
//!
//! Against the real API, the bot is the same: serve `bot_router` on a public `https` URL,
//! create the webhook once (`create_webhook`, or the dashboard), and give the secret to the
//! `Verifier`.

use std::error::Error;

use smooch_client::fake::{FakeSmooch, Tap};
use smooch_client::models::{Action, MessagePost, Role, WebhookCreate, WebhookTrigger};
use smooch_client::webhook::{Dedup, Event, Receiver, Verifier};
use smooch_client::{Client, ConversationApi, Secret, WebhookApi};

/// The payload of the "Nice" reply button.
pub const NICE: &str = "NICE";
/// The payload of the "Not quite" reply button.
pub const NOT_QUITE: &str = "NOT_QUITE";

/// Answers every text a user sends with `You said: <text>` and two reply buttons, and a tap on
/// a button with a word of its own.
#[derive(Clone)]
pub struct EchoBot {
    client: Client,
}

impl EchoBot {
    /// A bot answering through `client`.
    pub fn new(client: Client) -> Self {
        EchoBot { client }
    }

    /// What the bot answers to `message`, if anything.
    fn answer(message: &smooch_client::models::Message) -> Option<MessagePost> {
        // A tap on a reply button is a message with the button's payload.
        let answer = match (message.payload.as_deref(), message.text.as_deref()) {
            (Some(NICE), _) => MessagePost::text(Role::AppMaker, "Glad it helped!"),
            (Some(NOT_QUITE), _) => {
                MessagePost::text(Role::AppMaker, "Sorry! Try saying it another way.")
            }
            (_, Some(text)) => MessagePost::text(Role::AppMaker, format!("You said: {text}"))
                .with_actions(vec![
                    Action::reply("Nice", NICE),
                    Action::reply("Not quite", NOT_QUITE),
                ]),
            (_, None) => return None,
        };
        Some(answer)
    }

    /// Handles one verified event. An error makes the handler answer 500, and Smooch retries.
    pub async fn on_event(self, event: Event) -> Result<(), smooch_client::Error> {
        let Event::MessageAppUser(event) = event else {
            return Ok(()); // subscribed to message:appUser only; anything else is not for us
        };
        let Some(user) = &event.envelope.app_user else {
            return Ok(());
        };
        for message in &event.messages {
            if let Some(answer) = Self::answer(message) {
                self.client
                    .post_message(&event.envelope.app.id, &user.id, &answer)
                    .await?;
            }
        }
        Ok(())
    }
}

/// The bot's HTTP routes: `POST /smooch`, verified against the webhook's secret for `app_id`,
/// each event handled once.
pub fn bot_router(bot: EchoBot, app_id: &str, secret: Secret) -> axum::Router {
    let receiver = Receiver::new(Verifier::for_app(app_id, secret));
    let on_event = Dedup::new().guard(move |event| bot.clone().on_event(event));
    axum::Router::new().route(
        "/smooch",
        smooch_client::webhook::axum::handler(receiver, on_event),
    )
}

/// Serves the bot on 127.0.0.1 and registers its webhook for `message:appUser` with the API
/// `client` points at. Returns the bot's webhook URL.
pub async fn start_bot(client: &Client, app_id: &str) -> Result<String, Box<dyn Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/smooch", listener.local_addr()?);
    let hook = WebhookCreate::new(&url).with_triggers([WebhookTrigger::MessageAppUser]);
    let webhook = client.create_webhook(app_id, &hook).await?.webhook;
    let router = bot_router(EchoBot::new(client.clone()), app_id, webhook.secret);
    tokio::spawn(async move {
        // Serving only ends with the process.
        let _ = axum::serve(listener, router).await;
    });
    Ok(url)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let (app_id, user_id) = ("app_echo", "user_ines");
    let fake = FakeSmooch::start().await?;
    let client = fake.client()?;

    let url = start_bot(&client, app_id).await?;
    println!("bot listening at {url}");

    for text in ["Hello, bot!", "Is the Lisbon store open on Sunday?"] {
        println!("user: {text}");
        fake.user_says(app_id, user_id, text)?;
        fake.deliveries_settled().await;
    }
    // The user taps "Nice" under the bot's last answer.
    let conversation = fake
        .conversation(app_id, user_id)
        .ok_or("the conversation was not created")?;
    let answer = conversation
        .messages
        .last()
        .ok_or("the bot did not answer")?;
    let nice = answer
        .actions
        .iter()
        .find(|action| action.payload.as_deref() == Some(NICE))
        .and_then(|action| action.id.as_deref())
        .ok_or("the answer has no Nice button")?;
    if let Tap::Reply(tap) = fake.user_taps(app_id, user_id, &answer.id, nice)? {
        println!("user taps: {}", tap.text.as_deref().unwrap_or(""));
    }
    fake.deliveries_settled().await;

    let conversation = fake
        .conversation(app_id, user_id)
        .ok_or("the conversation was not created")?;
    println!("\nthe conversation as Smooch stores it:");
    for message in &conversation.messages {
        let buttons: Vec<&str> = message
            .actions
            .iter()
            .filter_map(|action| action.text.as_deref())
            .collect();
        println!(
            "  {:>8}: {}{}",
            message.role.as_str(),
            message.text.as_deref().unwrap_or(""),
            if buttons.is_empty() {
                String::new()
            } else {
                format!("  {buttons:?}")
            }
        );
    }
    for attempt in fake.deliveries() {
        println!(
            "delivery {} of {} to the bot: {:?}",
            attempt.attempt, attempt.trigger, attempt.outcome
        );
    }
    Ok(())
}
