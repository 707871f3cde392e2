use smooch_client::model;

#[model(strict)]
pub struct Note {
    pub text: Option<String>,
}

fn main() {}
