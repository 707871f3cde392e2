use smooch_client::model;

#[model]
pub struct Note {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn main() {}
