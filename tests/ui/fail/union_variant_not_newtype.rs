use smooch_client::model;
use smooch_client::models::Unknown;

#[model(tag = "type")]
pub enum Channel {
    Sms { number: String },
    #[model(other)]
    Other(Unknown),
}

fn main() {}
