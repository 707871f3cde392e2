use smooch_client::model;

#[model]
pub struct Note {
    #[model(always)]
    pub text: String,
}

fn main() {}
