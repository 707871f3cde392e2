use smooch_client::model;

#[model]
pub struct Note {
    pub text: Option<String>,
    pub extra: serde_json::Map<String, serde_json::Value>,
}

fn main() {}
