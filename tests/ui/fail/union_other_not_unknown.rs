use smooch_client::model;

#[model]
pub struct Sms {
    pub number: Option<String>,
}

#[model(tag = "type")]
pub enum Channel {
    Sms(Sms),
    #[model(other)]
    Other(serde_json::Value),
}

fn main() {}
