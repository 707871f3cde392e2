use smooch_client::model;
use smooch_client::models::Unknown;

#[model]
pub struct Sms {
    pub number: Option<String>,
}

#[model]
pub enum Channel {
    Sms(Sms),
    #[model(other)]
    Other(Unknown),
}

fn main() {}
