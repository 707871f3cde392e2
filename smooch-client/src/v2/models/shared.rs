//! What several groups of API v2 share: the kind of a client ([`ClientType`]), and the short
//! form of a switchboard integration that conversations and events carry
//! ([`SwitchboardIntegrationRef`]).

use smooch_macros::model;

use crate::models::Id;
use crate::models::string_enum;

string_enum! {
    in "v2::models";
    /// The channel of a client (`clientType`): a messaging channel, or `sdk` for the Web,
    /// iOS, Android and Unity SDKs.
    pub enum ClientType {
        /// `apple`: Apple Messages for Business.
        Apple => "apple",
        /// `gbm`: Google's Business Messages.
        Gbm => "gbm",
        /// `googlercs`: Google RCS.
        GoogleRcs => "googlercs",
        /// `instagram`: Instagram Direct.
        Instagram => "instagram",
        /// `kakao`: KakaoTalk.
        Kakao => "kakao",
        /// `line`: LINE.
        Line => "line",
        /// `mailgun`: email through Mailgun.
        Mailgun => "mailgun",
        /// `messagebird`: SMS through MessageBird.
        Messagebird => "messagebird",
        /// `messenger`: Facebook Messenger.
        Messenger => "messenger",
        /// `slackconnect`: Slack Connect.
        SlackConnect => "slackconnect",
        /// `sdk`: the Web, iOS, Android or Unity SDK.
        Sdk => "sdk",
        /// `telegram`: Telegram.
        Telegram => "telegram",
        /// `twilio`: SMS through Twilio.
        Twilio => "twilio",
        /// `twitter`: Twitter (X) direct messages.
        Twitter => "twitter",
        /// `viber`: Viber.
        Viber => "viber",
        /// `wechat`: WeChat.
        Wechat => "wechat",
        /// `whatsapp`: WhatsApp.
        Whatsapp => "whatsapp",
    }
}

/// The short form of a switchboard integration that a conversation (and events) carry: who
/// controls the conversation, or has been offered control (`switchboardIntegrationWebhook`).
#[model]
pub struct SwitchboardIntegrationRef {
    /// The switchboard integration's id.
    pub id: Option<Id>,
    /// Its name.
    pub name: Option<String>,
    /// The integration behind it.
    pub integration_id: Option<Id>,
    /// That integration's type, or the OAuth client id of an OAuth integration
    /// (`zd:agentWorkspace`).
    pub integration_type: Option<String>,
}
