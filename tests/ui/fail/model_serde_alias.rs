use smooch_client::model;

#[model]
pub struct Note {
    #[serde(alias = "body")]
    pub text: Option<String>,
}

fn main() {}
