use smooch_client::model;

#[model]
#[derive(Debug)]
pub struct Note {
    pub text: Option<String>,
}

fn main() {}
