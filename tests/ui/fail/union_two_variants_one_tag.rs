use smooch_client::model;
use smooch_client::models::Unknown;

#[model]
pub struct Sms {
    pub number: Option<String>,
}

#[model(tag = "type")]
pub enum Channel {
    Sms(Sms),
    #[serde(rename = "sms")]
    Text(Sms),
    #[model(other)]
    Other(Unknown),
}

fn main() {}
