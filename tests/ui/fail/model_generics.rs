use smooch_client::model;

#[model]
pub struct Note<T> {
    pub text: Option<T>,
}

fn main() {}
