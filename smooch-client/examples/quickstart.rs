//! The quickstart: a whole conversation flow, offline against the embedded fake Smooch server,
//! or against the real API when credentials are set.
//!
//! ```sh
//! cargo run -p smooch-client --example quickstart --features fake
//! ```
//!
//! Real API: set `SMOOCH_APP_ID` and `SMOOCH_USER_ID` (an existing app user) and the credentials
//! [`ClientBuilder::from_env`] reads (`SMOOCH_KEY_ID` and `SMOOCH_SECRET`, or `SMOOCH_JWT`;
//! optionally `SMOOCH_REGION=eu` or `SMOOCH_BASE_URL`). The flow then
//! sends real messages to that user and finally clears their history.

use std::env;
use std::error::Error;

use futures_util::TryStreamExt;
use smooch_client::fake::FakeSmooch;
use smooch_client::models::Cursor;
use smooch_client::models::{
    Action, ConversationActivity, Message, MessageItem, MessagePost, Role,
};
use smooch_client::{Client, ClientBuilder, ConversationApi};

/// Runs the flow against the real API when SMOOCH_* credentials are set, else against the
/// embedded fake (public so a test can run it).
#[tokio::main]
pub async fn main() -> Result<(), Box<dyn Error>> {
    // Keeps the fake running until the end of `main` when there are no credentials.
    let (client, app_id, user_id, _fake) = match RealApi::from_env()? {
        Some(real) => {
            println!("Using the real Smooch API at {}", real.client.base_url());
            (real.client, real.app_id, real.user_id, None)
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
    let page = client.get_messages(app, user, Cursor::Latest).await?;
    let unread = page.conversation.map_or(0, |c| c.unread_count);
    println!("6. Marked the conversation read: unread count is now {unread}");

    client
        .delete_message(app, user, &carousel.message.id)
        .await?;
    let page = client.get_messages(app, user, Cursor::Latest).await?;
    println!(
        "7. Deleted the carousel: {} messages left",
        page.messages.len()
    );

    client.delete_messages(app, user).await?;
    let page = client.get_messages(app, user, Cursor::Latest).await?;
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

/// The real API's client and conversation, from the environment.
struct RealApi {
    client: Client,
    app_id: String,
    user_id: String,
}

impl RealApi {
    /// The variables naming the conversation; the credentials are read by
    /// [`ClientBuilder::from_env`].
    const CONVERSATION: [&str; 2] = ["SMOOCH_APP_ID", "SMOOCH_USER_ID"];
    /// The variables that ask for the real API when any of them is set.
    const ANY: [&str; 5] = [
        "SMOOCH_KEY_ID",
        "SMOOCH_SECRET",
        "SMOOCH_JWT",
        "SMOOCH_APP_ID",
        "SMOOCH_USER_ID",
    ];

    /// `None` when no credential is set (run offline); an error naming what is missing when only
    /// some are.
    fn from_env() -> Result<Option<Self>, Box<dyn Error>> {
        let var = |name: &str| env::var(name).ok().filter(|v| !v.is_empty());
        if Self::ANY.iter().all(|name| var(name).is_none()) {
            return Ok(None);
        }
        let offline = "(or unset the SMOOCH_* variables to run offline)";
        let missing: Vec<&str> = Self::CONVERSATION
            .into_iter()
            .filter(|name| var(name).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "to use the real API, also set {} {offline}",
                missing.join(", ")
            )
            .into());
        }
        let client = ClientBuilder::from_env()
            .and_then(ClientBuilder::build)
            .map_err(|e| format!("to use the real API: {e} {offline}"))?;
        let [app_id, user_id] = Self::CONVERSATION.map(|name| var(name).unwrap_or_default());
        Ok(Some(RealApi {
            client,
            app_id,
            user_id,
        }))
    }
}
