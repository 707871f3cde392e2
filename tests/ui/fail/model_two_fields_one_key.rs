use smooch_client::model;

#[model]
pub struct Note {
    pub text: Option<String>,
    #[serde(rename = "text")]
    pub body: Option<String>,
}

fn main() {}
