//! Webhooks, the management side: [`Webhook`] and its [`WebhookTrigger`]s, the bodies
//! [`WebhookCreate`] and [`WebhookUpdate`], and the answers [`WebhookResponse`] and
//! [`WebhookListResponse`]. (What a webhook receives is another matter.)

use smooch_macros::model;

use crate::Secret;
use crate::models::Id;
use crate::models::string_enum;

string_enum! {
    in "v2::models";
    /// What a v2 webhook subscribes to (`triggers`), and the `type` of each event it receives.
    /// Case-sensitive. The API declares them as free strings: a trigger this crate does not
    /// know is kept as [`Unknown`](Self::Unknown) and sent back as it came.
    pub enum WebhookTrigger {
        /// `client:add`: a channel link started, or an SDK client was created.
        ClientAdd => "client:add",
        /// `client:remove`: a client was removed (by the API or an SDK, moved to another user
        /// by a link, or a link failed or was cancelled).
        ClientRemove => "client:remove",
        /// `client:update`: a client changed (matched to a user, activated, the user
        /// unsubscribed or blocked).
        ClientUpdate => "client:update",
        /// `conversation:create`: a conversation was created.
        ConversationCreate => "conversation:create",
        /// `conversation:join`: a participant joined an `sdkGroup` conversation.
        ConversationJoin => "conversation:join",
        /// `conversation:leave`: a participant left an `sdkGroup` conversation.
        ConversationLeave => "conversation:leave",
        /// `conversation:remove`: a conversation was deleted.
        ConversationRemove => "conversation:remove",
        /// `conversation:message`: a message was added to a conversation, whoever wrote it.
        ConversationMessage => "conversation:message",
        /// `conversation:message:delivery:channel`: a message was handed to its channel.
        ConversationMessageDeliveryChannel => "conversation:message:delivery:channel",
        /// `conversation:message:delivery:failure`: a message could not be delivered.
        ConversationMessageDeliveryFailure => "conversation:message:delivery:failure",
        /// `conversation:message:delivery:user`: the channel reports the user received it.
        ConversationMessageDeliveryUser => "conversation:message:delivery:user",
        /// `conversation:postback`: the user pressed a postback button.
        ConversationPostback => "conversation:postback",
        /// `conversation:read`: the user read the conversation.
        ConversationRead => "conversation:read",
        /// `conversation:referral`: the user was referred into a conversation.
        ConversationReferral => "conversation:referral",
        /// `passthrough:messaging`: a message arrived with data to be forwarded unchanged.
        PassthroughMessaging => "passthrough:messaging",
        /// `conversation:typing`: the user started or stopped typing.
        ConversationTyping => "conversation:typing",
        /// `switchboard:acceptControl`: a switchboard integration accepted control.
        SwitchboardAcceptControl => "switchboard:acceptControl",
        /// `switchboard:acceptControl:failure`: accepting control failed.
        SwitchboardAcceptControlFailure => "switchboard:acceptControl:failure",
        /// `switchboard:offerControl`: a switchboard integration was offered control.
        SwitchboardOfferControl => "switchboard:offerControl",
        /// `switchboard:offerControl:failure`: offering control failed.
        SwitchboardOfferControlFailure => "switchboard:offerControl:failure",
        /// `switchboard:passControl`: control passed to another switchboard integration.
        SwitchboardPassControl => "switchboard:passControl",
        /// `switchboard:passControl:failure`: passing control failed.
        SwitchboardPassControlFailure => "switchboard:passControl:failure",
        /// `switchboard:releaseControl`: a switchboard integration released control.
        SwitchboardReleaseControl => "switchboard:releaseControl",
        /// `user:merge`: two or more users were merged into one.
        UserMerge => "user:merge",
        /// `user:update`: a user was updated (today: their identification changed).
        UserUpdate => "user:update",
        /// `user:remove`: a user was deleted.
        UserRemove => "user:remove",
    }
}

/// A webhook (response): where an integration's events go, and which.
///
/// Its [`secret`](Self::secret) is what every delivery carries in its `X-API-Key` header; it
/// never shows in `Debug`, and cannot be changed (to rotate it, create a webhook and delete
/// the old one).
#[model]
pub struct Webhook {
    /// The webhook id.
    pub id: Option<Id>,
    /// The payload version of its events (`v2` for a webhook made with API v2; also `v1`,
    /// `v1.1`).
    pub version: Option<String>,
    /// The URL the events are POSTed to.
    pub target: Option<String>,
    /// What it subscribes to.
    pub triggers: Vec<WebhookTrigger>,
    /// The shared secret sent as `X-API-Key` with every delivery.
    pub secret: Option<Secret>,
    /// Whether events carry complete users (with their profile) instead of short ones.
    pub include_full_user: Option<bool>,
    /// Whether events carry the `client` and `device` of their `source`.
    pub include_full_source: Option<bool>,
}

/// The body of *create webhook* (request; `webhookCreateBody`).
///
/// ```
/// use smooch_client::v2::models::{WebhookCreate, WebhookTrigger};
///
/// let hook = WebhookCreate::new(
///     "https://bots.example.net/sunco",
///     [WebhookTrigger::ConversationMessage, WebhookTrigger::ConversationPostback],
/// )
/// .with_include_full_user(true);
/// assert_eq!(
///     serde_json::to_string(&hook)?,
///     r#"{"target":"https://bots.example.net/sunco","triggers":["conversation:message","conversation:postback"],"includeFullUser":true}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct WebhookCreate {
    /// The URL to POST events to (use `https`).
    #[model(required)]
    pub target: String,
    /// What to subscribe to (sent even when empty, which the API refuses).
    #[model(required, always, add = with_trigger)]
    pub triggers: Vec<WebhookTrigger>,
    /// Whether events carry complete users (default `false`).
    pub include_full_user: Option<bool>,
    /// Whether events carry the `client` and `device` of their `source` (default `false`).
    pub include_full_source: Option<bool>,
}

impl WebhookCreate {
    /// A webhook POSTing the events of `triggers` to `target`.
    pub fn new(
        target: impl Into<String>,
        triggers: impl IntoIterator<Item = impl Into<WebhookTrigger>>,
    ) -> Self {
        Self::default().with_target(target).with_triggers(triggers)
    }
}

/// The body of *update webhook* (request; `webhookBody`): only what is set is sent, and
/// changed. The secret cannot be changed.
///
/// ```
/// use smooch_client::v2::models::{WebhookTrigger, WebhookUpdate};
///
/// let change = WebhookUpdate::default().with_triggers([WebhookTrigger::ConversationMessage]);
/// assert_eq!(serde_json::to_string(&change)?, r#"{"triggers":["conversation:message"]}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct WebhookUpdate {
    /// A new target URL.
    pub target: Option<String>,
    /// New triggers, replacing the old ones.
    pub triggers: Option<Vec<WebhookTrigger>>,
    /// Whether events carry complete users.
    pub include_full_user: Option<bool>,
    /// Whether events carry the `client` and `device` of their `source`.
    pub include_full_source: Option<bool>,
}

/// The answer of *create*, *get* and *update webhook*.
#[model]
pub struct WebhookResponse {
    /// The webhook, secret included.
    pub webhook: Option<Webhook>,
}

/// The answer of *list webhooks*: every webhook of the integration (no paging).
#[model]
pub struct WebhookListResponse {
    /// The webhooks, secrets included.
    pub webhooks: Vec<Webhook>,
}
