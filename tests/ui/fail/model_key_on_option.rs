use smooch_client::model;

#[model]
pub struct Note {
    #[model(key)]
    pub id: Option<String>,
}

fn main() {}
