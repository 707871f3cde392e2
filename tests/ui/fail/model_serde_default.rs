use smooch_client::model;

#[model]
pub struct Note {
    #[serde(default = "hello")]
    pub text: String,
}

fn hello() -> String {
    "hello".into()
}

fn main() {}
