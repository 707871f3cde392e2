//! Business accounts on social platforms: [`Messenger`], [`Instagram`], [`Twitter`] and
//! [`Apple`] Business Chat.

use smooch_macros::model;

use crate::Secret;
use crate::models::TwitterTier;

/// A `messenger` integration: a Facebook Page on Messenger. Created with
/// [`IntegrationCreate::messenger`](super::IntegrationCreate::messenger).
#[model(setters)]
pub struct Messenger {
    /// The Facebook Page access token (required to create).
    pub page_access_token: Option<Secret>,
    /// The Facebook app's id (required to create); not a Smooch app id.
    pub app_id: Option<String>,
    /// The Facebook app's secret (required to create).
    pub app_secret: Option<Secret>,
    /// The Facebook Page's id (set by the server).
    #[model(no_setter)]
    pub page_id: Option<String>,
}

/// An `instagram` integration: an Instagram business account, through its Facebook Page.
/// Created with [`IntegrationCreate::instagram`](super::IntegrationCreate::instagram). (The
/// v1.1 spec names this type in prose only.)
#[model(setters)]
pub struct Instagram {
    /// The access token of the Facebook Page the account is linked to (required to create).
    pub page_access_token: Option<Secret>,
    /// The Facebook app's id (required to create); not a Smooch app id.
    pub app_id: Option<String>,
    /// The Facebook app's secret (required to create).
    pub app_secret: Option<Secret>,
    /// The Facebook Page's id (set by the server).
    #[model(no_setter)]
    pub page_id: Option<String>,
    /// The Instagram account's user id (set by the server).
    #[model(no_setter)]
    pub user_id: Option<String>,
    /// The Instagram account's user name (set by the server).
    #[model(no_setter)]
    pub username: Option<String>,
    /// The Instagram account's name (set by the server).
    #[model(no_setter)]
    pub business_name: Option<String>,
    /// The Instagram business account's user name (set by the server).
    #[model(no_setter)]
    pub business_username: Option<String>,
    /// The Instagram business account's id (set by the server).
    #[model(no_setter)]
    pub business_id: Option<String>,
}

/// A `twitter` integration: direct messages of a Twitter account. Created with
/// [`IntegrationCreate::twitter`](super::IntegrationCreate::twitter); the `premium` tier also
/// needs [`env_name`](Self::env_name).
#[model(setters)]
pub struct Twitter {
    /// The Twitter app's consumer key (required to create).
    pub consumer_key: Option<String>,
    /// The Twitter app's consumer secret (required to create).
    pub consumer_secret: Option<Secret>,
    /// The account's access token key (required to create).
    pub access_token_key: Option<String>,
    /// The account's access token secret (required to create).
    pub access_token_secret: Option<Secret>,
    /// The Twitter API tier.
    pub tier: Option<TwitterTier>,
    /// The Twitter environment name (required to create with the `premium` tier).
    pub env_name: Option<String>,
    /// The account's user id (set by the server).
    #[model(no_setter)]
    pub user_id: Option<String>,
    /// The account's user name (set by the server).
    #[model(no_setter)]
    pub username: Option<String>,
}

/// An `apple` integration: Apple Business Chat, through a messaging service provider (MSP).
/// Created with [`IntegrationCreate::apple`](super::IntegrationCreate::apple). (The v1.1 spec
/// names its fields in prose only.)
#[model(setters)]
pub struct Apple {
    /// The Business Chat account's id (required to create).
    pub business_id: Option<String>,
    /// The MSP's secret key (required to create).
    pub api_secret: Option<Secret>,
    /// The MSP's id (required to create).
    pub msp_id: Option<String>,
}
