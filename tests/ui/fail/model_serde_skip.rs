use smooch_client::model;

#[model]
pub struct Note {
    pub text: Option<String>,
    #[serde(skip)]
    pub cache: Option<String>,
}

fn main() {}
