//! An echo bot that runs with no account: the embedded fake Smooch delivers a user's message to
//! the bot's webhook (served by the axum handler), and the bot answers through the API.
//!
//! ```sh
//! cargo run -p smooch-client --example echo_bot --features fake,axum
//! ```
//!
//! Against the real API, the bot is the same: serve `bot_router` on a public `https` URL,
//! create the webhook once (`create_webhook`, or the dashboard), and give the secret to the
//! `Verifier`.

use std::collections::HashSet;
use std::error::Error;
use std::sync::{Arc, Mutex};

use smooch_client::fake::FakeSmooch;
use smooch_client::models::{MessagePost, Role, WebhookCreate, WebhookTrigger};
use smooch_client::webhook::{Event, Receiver, Verifier};
use smooch_client::{Client, ConversationApi, Secret, WebhookApi};

/// Answers every text a user sends with `You said: <text>`, once per message.
#[derive(Clone)]
pub struct EchoBot {
    client: Client,
    /// Messages already answered (or being answered): Smooch may deliver an event twice.
    answered: Arc<Mutex<HashSet<String>>>,
}

impl EchoBot {
    /// A bot answering through `client`.
    pub fn new(client: Client) -> Self {
        EchoBot {
            client,
            answered: Arc::default(),
        }
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
            let Some(text) = message.text.as_deref() else {
                continue;
            };
            if !self.first_time(&message.id) {
                continue; // a retry of an event already answered
            }
            let reply = MessagePost::text(Role::AppMaker, format!("You said: {text}"));
            if let Err(error) = self
                .client
                .post_message(&event.envelope.app.id, &user.id, &reply)
                .await
            {
                self.forget(&message.id); // not answered: let the retry try again
                return Err(error);
            }
        }
        Ok(())
    }

    fn first_time(&self, message_id: &str) -> bool {
        let mut answered = self.answered.lock().unwrap_or_else(|e| e.into_inner());
        answered.insert(message_id.to_owned())
    }

    fn forget(&self, message_id: &str) {
        let mut answered = self.answered.lock().unwrap_or_else(|e| e.into_inner());
        answered.remove(message_id);
    }
}

/// The bot's HTTP routes: `POST /smooch`, verified against the webhook's secret for `app_id`.
pub fn bot_router(bot: EchoBot, app_id: &str, secret: Secret) -> axum::Router {
    let receiver = Receiver::new(Verifier::for_app(app_id, secret));
    axum::Router::new().route(
        "/smooch",
        smooch_client::webhook::axum::handler(receiver, move |event| bot.clone().on_event(event)),
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

    let conversation = fake
        .conversation(app_id, user_id)
        .ok_or("the conversation was not created")?;
    println!("\nthe conversation as Smooch stores it:");
    for message in &conversation.messages {
        println!(
            "  {:>8}: {}",
            message.role.as_str(),
            message.text.as_deref().unwrap_or("")
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
