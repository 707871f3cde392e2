//! Business accounts on social platforms: [`Apple`] Messages for Business, [`Instagram`]
//! Direct, Facebook [`Messenger`] and [`Twitter`], with their create and update bodies.

use smooch_macros::model;

use super::{IntegrationUpdateBase, Responder, ResponderSettings};
use crate::Secret;
use crate::models::TwitterTier;

/// An `apple` integration: Apple Messages for Business, through a messaging service provider
/// (response; the provider's secret is write-only and never comes back).
#[model]
pub struct Apple {
    /// The Apple Messages for Business id.
    pub business_id: Option<String>,
    /// The messaging service provider's id.
    pub msp_id: Option<String>,
    /// The secret of the `state` of Apple authentication 2.0 messages.
    pub authentication_message_secret: Option<Secret>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `apple` integration (request).
#[model(request, setters)]
pub struct AppleCreate {
    /// The Apple Messages for Business id.
    #[model(required)]
    pub business_id: String,
    /// The API secret of the messaging service provider (write-only).
    #[model(required)]
    pub api_secret: Secret,
    /// The messaging service provider's id.
    #[model(required)]
    pub msp_id: String,
    /// The secret of the `state` of Apple authentication 2.0 messages (at least 88 characters).
    pub authentication_message_secret: Option<Secret>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl AppleCreate {
    /// The business id, and the provider's secret and id: what an `apple` integration
    /// requires.
    pub fn new(
        business_id: impl Into<String>,
        api_secret: impl Into<Secret>,
        msp_id: impl Into<String>,
    ) -> Self {
        Self::default()
            .with_business_id(business_id)
            .with_api_secret(api_secret)
            .with_msp_id(msp_id)
    }
}

/// The changes to an `apple` integration (request): only what is set is sent.
#[model(request, setters)]
pub struct AppleUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// A new secret for Apple authentication 2.0 messages (at least 88 characters).
    pub authentication_message_secret: Option<Secret>,
}

/// An `instagram` integration: Instagram Direct, through the Facebook Page the account is
/// linked to (response; the token and the app secret are write-only and never come back).
#[model]
pub struct Instagram {
    /// The Facebook app's id (not a Sunshine Conversations app id).
    pub app_id: Option<String>,
    /// The Instagram business account's name (read-only).
    pub business_name: Option<String>,
    /// The Instagram business account's user name (read-only).
    pub business_username: Option<String>,
    /// The linked Facebook Page's id (read-only).
    pub page_id: Option<String>,
    /// The Instagram business account's id (read-only).
    pub business_id: Option<String>,
    /// The Facebook user's name, for integrations made in the dashboard (read-only).
    pub username: Option<String>,
    /// The Facebook user's id, for integrations made in the dashboard (read-only).
    pub user_id: Option<String>,
    /// Whether replies to a story create messages (default `true`).
    pub story_replies_enabled: Option<bool>,
    /// Whether mentions in a story create referral events (default `true`).
    pub story_mentions_enabled: Option<bool>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `instagram` integration (request).
#[model(request, setters)]
pub struct InstagramCreate {
    /// The Facebook app and Page the account is linked through.
    #[serde(flatten)]
    pub facebook: FacebookCredentials,
    /// Whether replies to a story create messages (default `true`).
    pub story_replies_enabled: Option<bool>,
    /// Whether mentions in a story create referral events (default `true`).
    pub story_mentions_enabled: Option<bool>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl InstagramCreate {
    /// The Facebook app and Page the account is linked through: what an `instagram`
    /// integration requires.
    pub fn new(facebook: FacebookCredentials) -> Self {
        Self::default().with_facebook(facebook)
    }
}

/// The Facebook app and Page a `messenger` or an `instagram` integration is created with
/// (request): all three are required, and the app's secret never comes back (nor does the
/// Page's token of an `instagram` integration).
#[model(request, setters)]
pub struct FacebookCredentials {
    /// The Facebook Page's access token.
    #[model(required)]
    pub page_access_token: Secret,
    /// The Facebook app's id (not a Sunshine Conversations app id).
    #[model(required)]
    pub app_id: String,
    /// The Facebook app's secret (write-only).
    #[model(required)]
    pub app_secret: Secret,
}

impl FacebookCredentials {
    /// The Page's access token, and the Facebook app's id and secret.
    pub fn new(
        page_access_token: impl Into<Secret>,
        app_id: impl Into<String>,
        app_secret: impl Into<Secret>,
    ) -> Self {
        Self::default()
            .with_page_access_token(page_access_token)
            .with_app_id(app_id)
            .with_app_secret(app_secret)
    }
}

/// The changes to an `instagram` integration (request): only what is set is sent.
#[model(request, setters)]
pub struct InstagramUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// A new Page access token.
    pub page_access_token: Option<Secret>,
    /// Whether replies to a story create messages.
    pub story_replies_enabled: Option<bool>,
    /// Whether mentions in a story create referral events.
    pub story_mentions_enabled: Option<bool>,
}

/// A `messenger` integration: a Facebook Page on Messenger (response; the app secret is
/// write-only and never comes back).
#[model]
pub struct Messenger {
    /// The Facebook Page's access token.
    pub page_access_token: Option<Secret>,
    /// The Facebook app's id (not a Sunshine Conversations app id).
    pub app_id: Option<String>,
    /// The Facebook Page's id (declared a number, sent as a string: either is read as text).
    #[model(with = crate::v2::models::lenient::string_or_number)]
    pub page_id: Option<String>,
    /// The Facebook Page's name.
    pub page_name: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `messenger` integration (request).
///
/// ```
/// use smooch_client::v2::models::{FacebookCredentials, IntegrationCreate, MessengerCreate};
///
/// let facebook = FacebookCredentials::new("page-token", "fb-app", "fb-secret");
/// let messenger =
///     IntegrationCreate::new(MessengerCreate::new(facebook)).with_display_name("Acme on Messenger");
/// assert_eq!(
///     serde_json::to_string(&messenger)?,
///     r#"{"displayName":"Acme on Messenger","type":"messenger","pageAccessToken":"page-token","appId":"fb-app","appSecret":"fb-secret"}"#,
/// );
/// assert!(!format!("{messenger:?}").contains("fb-secret"), "secrets are not printed");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct MessengerCreate {
    /// The Facebook app and Page.
    #[serde(flatten)]
    pub facebook: FacebookCredentials,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl MessengerCreate {
    /// The Facebook app and Page: what a `messenger` integration requires.
    pub fn new(facebook: FacebookCredentials) -> Self {
        Self::default().with_facebook(facebook)
    }
}

/// The changes to a `messenger` integration (request): only what is set is sent.
#[model(request, setters)]
pub struct MessengerUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// A new Page access token.
    pub page_access_token: Option<Secret>,
}

/// A `twitter` integration: direct messages of an X (Twitter) account (response; the keys and
/// secrets are write-only and never come back).
#[model]
pub struct Twitter {
    /// The X API tier.
    pub tier: Option<TwitterTier>,
    /// The dev environment's label, for the sandbox and premium tiers (read-only).
    pub env_name: Option<String>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `twitter` integration (request): the `enterprise` tier (the only one
/// new integrations take) and the four credentials, all write-only.
#[model(request, setters)]
pub struct TwitterCreate {
    /// The X API tier: `enterprise`.
    #[model(required)]
    pub tier: TwitterTier,
    /// The X app's consumer key.
    #[model(required)]
    pub consumer_key: Secret,
    /// The X app's consumer secret.
    #[model(required)]
    pub consumer_secret: Secret,
    /// The account's access token key.
    #[model(required)]
    pub access_token_key: Secret,
    /// The account's access token secret.
    #[model(required)]
    pub access_token_secret: Secret,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

impl TwitterCreate {
    /// The `enterprise` tier, the app's consumer key and secret, and the account's access
    /// token key and secret: what a `twitter` integration requires.
    pub fn new(
        consumer_key: impl Into<Secret>,
        consumer_secret: impl Into<Secret>,
        access_token_key: impl Into<Secret>,
        access_token_secret: impl Into<Secret>,
    ) -> Self {
        Self::default()
            .with_tier(TwitterTier::Enterprise)
            .with_consumer_key(consumer_key)
            .with_consumer_secret(consumer_secret)
            .with_access_token_key(access_token_key)
            .with_access_token_secret(access_token_secret)
    }
}

/// The changes to a `twitter` integration (request): its name, default responder and AI
/// disclaimer only.
#[model(request, setters)]
pub struct TwitterUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
}
