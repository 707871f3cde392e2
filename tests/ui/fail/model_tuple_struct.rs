use smooch_client::model;

#[model]
pub struct Note(pub String);

fn main() {}
