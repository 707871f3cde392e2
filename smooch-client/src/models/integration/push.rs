//! Push notifications for the mobile SDKs: [`Apn`] (with [`ApnSettings`], its field that can
//! be updated) and [`Fcm`].

use smooch_macros::model;

use crate::Secret;

/// An `apn` integration: Apple Push Notification service for the iOS SDK. Created with
/// [`IntegrationCreate::apn`](super::IntegrationCreate::apn).
#[model(setters)]
pub struct Apn {
    /// The APN certificate, base64-encoded (required to create).
    pub certificate: Option<Secret>,
    /// The certificate's password.
    pub password: Option<Secret>,
    /// Whether the app badge shows the unread count.
    pub auto_update_badge: Option<bool>,
    /// The fields that can be updated.
    #[serde(flatten)]
    pub settings: ApnSettings,
}

/// The fields of an [`Apn`] integration that can be updated
/// ([`IntegrationUpdate::apn`](super::IntegrationUpdate::apn)).
#[model(setters)]
pub struct ApnSettings {
    /// Production (`true`) or sandbox APN servers; inferred from the certificate when absent.
    pub production: Option<bool>,
}

/// An `fcm` integration: Firebase Cloud Messaging for the Android SDK. Created with
/// [`IntegrationCreate::fcm`](super::IntegrationCreate::fcm).
#[model(setters)]
pub struct Fcm {
    /// The FCM server key (required to create).
    pub server_key: Option<Secret>,
    /// The FCM sender id (required to create).
    pub sender_id: Option<String>,
}
