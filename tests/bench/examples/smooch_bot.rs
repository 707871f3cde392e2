//! The smallest bot on smooch-client, for `build-cost.sh`: one client, one `post_message`,
//! default features. `reqwest_bot.rs` is the same bot written with reqwest, serde and tokio.
//!
//! Run it with `SMOOCH_KEY_ID`, `SMOOCH_SECRET`, `SMOOCH_APP_ID`, `SMOOCH_USER_ID` and
//! optionally `SMOOCH_BASE_URL` set: it posts one text message and prints its id.

use smooch_client::models::{MessagePost, Role};
use smooch_client::{ClientBuilder, ConversationApi};

// build-cost.sh edits this line between builds.
const TEXT: &str = "Your order has shipped.";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app_id = std::env::var("SMOOCH_APP_ID")?;
    let user_id = std::env::var("SMOOCH_USER_ID")?;
    let client = ClientBuilder::from_env()?.build()?;

    let message = MessagePost::text(Role::AppMaker, TEXT);
    let sent = client.post_message(&app_id, &user_id, &message).await?;
    println!("sent {}", sent.message.id);
    Ok(())
}
