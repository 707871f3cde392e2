use smooch_client::model;

#[model]
pub struct Note {
    #[model(add = with_tag)]
    pub tags: Option<String>,
}

fn main() {}
