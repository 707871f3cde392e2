//! The mobile SDKs: [`Android`], [`Ios`] and [`Unity`], with their create and update bodies,
//! and the multi-conversation switches they share with the Web Messenger
//! ([`ConversationListSettings`]).

use smooch_macros::model;

use super::{IntegrationUpdateBase, Responder, ResponderSettings};
use crate::Secret;

/// What an SDK user may do in a multi-conversation app: see the list of their conversations,
/// start more. Flattened into the `android`, `ios`, `unity` and `web` models and their bodies.
#[model(setters)]
pub struct ConversationListSettings {
    /// Whether the user sees a list of their conversations (multi-conversation apps only).
    pub can_user_see_conversation_list: Option<bool>,
    /// Whether the user may start more conversations.
    pub can_user_create_more_conversations: Option<bool>,
}

/// An `android` integration: the Android SDK, with push notifications through Firebase Cloud
/// Messaging (response; the credentials are write-only and never come back).
#[model]
pub struct Android {
    /// The legacy FCM sender id (deprecated).
    pub sender_id: Option<String>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
    /// Whether users may send attachments (set in Admin Center only; read-only).
    pub attachments_enabled: Option<bool>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `android` integration (request): none is required.
#[model(request, setters)]
pub struct AndroidCreate {
    /// The Firebase project id, from the service account's key file (write-only).
    pub project_id: Option<String>,
    /// The client e-mail of the same key file (write-only).
    pub client_email: Option<String>,
    /// The private key of the same key file (write-only).
    pub private_key: Option<Secret>,
    /// The legacy FCM server key (deprecated: legacy FCM stopped working in June 2024;
    /// write-only).
    pub server_key: Option<Secret>,
    /// The legacy FCM sender id (deprecated).
    pub sender_id: Option<String>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// The changes to an `android` integration (request): only what is set is sent; `Some(None)`
/// sends `null`, which removes the value.
#[model(request, setters)]
pub struct AndroidUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// A new Firebase project id.
    pub project_id: Option<Option<String>>,
    /// A new client e-mail of the key file.
    pub client_email: Option<Option<String>>,
    /// A new private key of the key file.
    pub private_key: Option<Option<Secret>>,
    /// A new legacy FCM server key (deprecated).
    pub server_key: Option<Option<Secret>>,
    /// A new legacy FCM sender id (deprecated).
    pub sender_id: Option<Option<String>>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
}

/// An `ios` integration: the iOS SDK, with push notifications through APN (response; the
/// certificate and its password are write-only and never come back).
#[model]
pub struct Ios {
    /// Whether APN's production servers are used (`false`: the sandbox).
    pub production: Option<bool>,
    /// Whether the app badge shows the number of unread messages.
    pub auto_update_badge: Option<bool>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
    /// Whether users may send attachments (set in Admin Center only; read-only).
    pub attachments_enabled: Option<bool>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `ios` integration (request): none is required.
#[model(request, setters)]
pub struct IosCreate {
    /// The APN certificate (`.p12`), base64-encoded (write-only).
    pub certificate: Option<Secret>,
    /// The certificate's password (write-only).
    pub password: Option<Secret>,
    /// Whether APN's production servers are used; inferred from the certificate when absent.
    pub production: Option<bool>,
    /// Whether the app badge shows the number of unread messages.
    pub auto_update_badge: Option<bool>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// The changes to an `ios` integration (request): only what is set is sent.
#[model(request, setters)]
pub struct IosUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// A new APN certificate, base64-encoded; `Some(None)` sends `null`.
    pub certificate: Option<Option<Secret>>,
    /// The new certificate's password.
    pub password: Option<Secret>,
    /// Production (`true`) or sandbox APN servers.
    pub production: Option<bool>,
    /// Whether the app badge shows the number of unread messages.
    pub auto_update_badge: Option<bool>,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
}

/// A `unity` integration: the Unity SDK (response).
#[model]
pub struct Unity {
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
    /// Whether users may send attachments (set in Admin Center only; read-only).
    pub attachments_enabled: Option<bool>,
    /// The default responder.
    #[serde(flatten)]
    pub responder: Responder,
}

/// The fields of a new `unity` integration (request): none is required.
#[model(request, setters)]
pub struct UnityCreate {
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
    /// The default responder.
    #[serde(flatten)]
    pub responder: ResponderSettings,
}

/// The changes to a `unity` integration (request): only what is set is sent.
#[model(request, setters)]
pub struct UnityUpdate {
    /// The name, default responder and AI disclaimer.
    #[serde(flatten)]
    pub base: IntegrationUpdateBase,
    /// The multi-conversation switches.
    #[serde(flatten)]
    pub conversation_list: ConversationListSettings,
}
