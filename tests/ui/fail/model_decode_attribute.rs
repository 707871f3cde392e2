use smooch_client::model;

#[model]
pub struct Note {
    #[decode(required)]
    pub text: String,
}

fn main() {}
