//! The quickstart: a whole conversation flow, offline against the embedded fake Smooch server,
//! or against the real API when credentials are set.
//!
//! ```sh
//! cargo run -p smooch-client --example quickstart --features fake
//! ```
//!
//! Real API: set `SMOOCH_KEY_ID`, `SMOOCH_SECRET`, `SMOOCH_APP_ID` and `SMOOCH_USER_ID` (an
//! existing app user), and optionally `SMOOCH_BASE_URL` or `SMOOCH_REGION=eu`. The flow then
//! sends real messages to that user and finally clears their history.

use std::env;
use std::error::Error;

use futures_util::TryStreamExt;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::{
    Action, ConversationActivity, Message, MessageItem, MessagePost, Role,
};
use smooch_client::{Client, ConversationApi, Region};

/// Runs the flow against the real API when SMOOCH_* credentials are set, else against the
/// embedded fake (public so a test can run it).
#[tokio::main]
pub async fn main() -> Result<(), Box<dyn Error>> {
    // Keeps the fake running until the end of `main` when there are no credentials.
    let (client, app_id, user_id, _fake) = match RealApi::from_env()? {
        Some(real) => {
            println!("Using the real Smooch API at {}", real.base_url);
            let client = Client::builder()
                .basic_auth(real.key_id, real.secret)
                .base_url(real.base_url)
                .build()?;
            (client, real.app_id, real.user_id, None)
        }
        None => {
            let fake = FakeSmooch::start().await?;
            println!(
                "No SMOOCH_* credentials set: using the embedded fake Smooch at {}",
                fake.base_url()
            );
            let (app, user) = ("quickstart-app".to_owned(), "steve@example.com".to_owned());
            (fake.client()?, app, user, Some(fake))
        }
    };
    let (app, user) = (app_id.as_str(), user_id.as_str());

    client
        .conversation_activity(app, user, &ConversationActivity::typing_start())
        .await?;
    println!("1. The business starts typing...");

    let hello = MessagePost::text(
        Role::AppMaker,
        "Hi Steve! Which plan are you interested in?",
    )
    .with_name("Support");
    let sent = client.post_message(app, user, &hello).await?;
    println!(
        "2. Sent a text message {} (unread by the user: {})",
        sent.message.id, sent.conversation.unread_count
    );

    let carousel = MessagePost::carousel(vec![
        MessageItem::new(
            "Basic",
            vec![Action::postback("Choose Basic", "PLAN_BASIC")],
        )
        .with_description("Everything to get started"),
        MessageItem::new(
            "Pro",
            vec![
                Action::postback("Choose Pro", "PLAN_PRO"),
                Action::link("Compare plans", "https://example.com/plans"),
            ],
        )
        .with_description("For growing teams"),
    ]);
    let carousel = client.post_message(app, user, &carousel).await?;
    println!(
        "3. Sent a carousel {} with {} items; its text fallback is {:?}",
        carousel.message.id,
        carousel.message.items.len(),
        carousel.message.text.as_deref().unwrap_or("")
    );

    let reply = MessagePost::text(Role::AppUser, "Pro, please!").with_payload("PLAN_PRO");
    let reply = client.post_message(app, user, &reply).await?;
    println!(
        "4. The user replied: {:?}",
        reply.message.text.as_deref().unwrap_or("")
    );

    println!("5. The history, newest first:");
    let mut history = std::pin::pin!(client.history(app, user));
    while let Some(message) = history.try_next().await? {
        println!("   {}", describe(&message));
    }

    client.reset_unread_count(app, user).await?;
    let page = client.get_messages(app, user, None, None).await?;
    let unread = page.conversation.map_or(0, |c| c.unread_count);
    println!("6. Marked the conversation read: unread count is now {unread}");

    client
        .delete_message(app, user, &carousel.message.id)
        .await?;
    let page = client.get_messages(app, user, None, None).await?;
    println!(
        "7. Deleted the carousel: {} messages left",
        page.messages.len()
    );

    client.delete_messages(app, user).await?;
    let page = client.get_messages(app, user, None, None).await?;
    println!(
        "8. Cleared the history: {} messages left; the conversation stays",
        page.messages.len()
    );

    println!("Done.");
    Ok(())
}

/// One readable line per message.
pub fn describe(message: &Message) -> String {
    let who = match message.role {
        Role::AppMaker => "business",
        Role::AppUser => "user",
        _ => message.role.as_str(),
    };
    let text = message.text.as_deref().unwrap_or("").replace('\n', " / ");
    format!("[{}] {who} ({}): {text}", message.received, message.r#type)
}

/// Credentials for the real API, from the environment.
struct RealApi {
    key_id: String,
    secret: String,
    app_id: String,
    user_id: String,
    base_url: String,
}

impl RealApi {
    const REQUIRED: [&str; 4] = [
        "SMOOCH_KEY_ID",
        "SMOOCH_SECRET",
        "SMOOCH_APP_ID",
        "SMOOCH_USER_ID",
    ];

    /// `None` when no credential is set (run offline); an error naming what is missing when only
    /// some are.
    fn from_env() -> Result<Option<Self>, String> {
        let var = |name: &str| env::var(name).ok().filter(|v| !v.is_empty());
        let values: Vec<Option<String>> = Self::REQUIRED.iter().map(|name| var(name)).collect();
        let missing: Vec<&str> = Self::REQUIRED
            .iter()
            .zip(&values)
            .filter(|(_, value)| value.is_none())
            .map(|(name, _)| *name)
            .collect();
        if missing.len() == Self::REQUIRED.len() {
            return Ok(None);
        }
        if !missing.is_empty() {
            return Err(format!(
                "to use the real API, also set {} (or unset the SMOOCH_* variables to run offline)",
                missing.join(", ")
            ));
        }
        let base_url = var("SMOOCH_BASE_URL").unwrap_or_else(|| {
            match var("SMOOCH_REGION").as_deref() {
                Some("eu" | "eu-1") => Region::Eu1,
                _ => Region::Us,
            }
            .base_url()
            .to_owned()
        });
        let mut values = values.into_iter().flatten();
        let mut next = || values.next().unwrap_or_default();
        Ok(Some(RealApi {
            key_id: next(),
            secret: next(),
            app_id: next(),
            user_id: next(),
            base_url,
        }))
    }
}
