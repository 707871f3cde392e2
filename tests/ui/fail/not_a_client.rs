use smooch_client::{ConversationApi, Result};

pub struct NotAClient;

impl ConversationApi for NotAClient {}

async fn call(it: NotAClient) -> Result<()> {
    it.delete_messages("app", "user").await
}

fn main() {
    let _ = call;
}
