use smooch_client::model;

#[model]
pub struct Note {
    #[model(key, required)]
    pub id: String,
}

fn main() {}
