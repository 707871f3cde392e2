//! `smooch_bot.rs` written with reqwest, serde and tokio alone, as a user without smooch-client
//! would: the same environment variables, the same message, its id printed.

use reqwest::header::CONTENT_TYPE;
use serde::{Deserialize, Serialize};

// build-cost.sh edits this line between builds.
const TEXT: &str = "Your order has shipped.";

#[derive(Serialize)]
struct MessagePost<'a> {
    role: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    text: &'a str,
}

#[derive(Deserialize)]
struct Posted {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    #[serde(rename = "_id")]
    id: String,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app_id = std::env::var("SMOOCH_APP_ID")?;
    let user_id = std::env::var("SMOOCH_USER_ID")?;
    let key_id = std::env::var("SMOOCH_KEY_ID")?;
    let secret = std::env::var("SMOOCH_SECRET")?;
    let base = std::env::var("SMOOCH_BASE_URL").unwrap_or_else(|_| "https://api.smooch.io".into());

    let message = MessagePost {
        role: "appMaker",
        kind: "text",
        text: TEXT,
    };
    let response = reqwest::Client::new()
        .post(format!(
            "{base}/v1.1/apps/{app_id}/appusers/{user_id}/messages"
        ))
        .basic_auth(key_id, Some(secret))
        .header(CONTENT_TYPE, "application/json")
        .body(serde_json::to_vec(&message)?)
        .send()
        .await?
        .error_for_status()?;
    let sent: Posted = serde_json::from_slice(&response.bytes().await?)?;
    println!("sent {}", sent.message.id);
    Ok(())
}
