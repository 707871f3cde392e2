use smooch_client::model;

#[model]
pub struct Sms {
    pub number: Option<String>,
}

#[model(tag = "type")]
pub enum Channel {
    Sms(Sms),
}

fn main() {}
