use smooch_client::model;

#[model]
pub struct Note {
    #[model(requried)]
    pub text: String,
}

fn main() {}
