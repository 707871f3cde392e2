use smooch_client::model;

#[model(setters)]
pub struct Note {
    #[model(add = with_cc)]
    pub cc: Vec<String>,
}

fn main() {}
