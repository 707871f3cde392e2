use smooch_client::model;

#[model]
pub struct Note {
    #[serde(skip_deserializing)]
    pub text: Option<String>,
}

fn main() {}
