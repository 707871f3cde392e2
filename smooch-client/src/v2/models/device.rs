//! Devices (a user's installs of an SDK): [`Device`], and the answers [`DeviceResponse`] and
//! [`DeviceListResponse`].

use serde_json::{Map, Value};
use smooch_macros::model;

use super::DateTime;
use crate::models::{Id, string_enum};

/// A device: one install of the Web, iOS or Android SDK by a user (response).
#[model]
pub struct Device {
    /// The device id.
    pub id: Option<Id>,
    /// The SDK's platform.
    pub r#type: Option<DeviceType>,
    /// The id the SDK generated for the device.
    pub guid: Option<String>,
    /// The client the device belongs to.
    pub client_id: Option<Id>,
    /// Whether it receives push notifications.
    pub status: Option<DeviceStatus>,
    /// The integration it was created for.
    pub integration_id: Option<Id>,
    /// The last time the user was active on it.
    pub last_seen: Option<DateTime>,
    /// Its push notification token (Android and iOS).
    pub push_notification_token: Option<String>,
    /// What the SDK reports of it (`currentUrl`, `userAgent`, `sdkVersion`, ...; free-form).
    pub info: Option<Map<String, Value>>,
    /// The version of the app the SDK runs in (not for the web).
    pub app_version: Option<String>,
}

string_enum! {
    in "v2::models";
    /// The platform of a [`Device`].
    pub enum DeviceType {
        /// `android`: the Android SDK.
        Android => "android",
        /// `ios`: the iOS SDK.
        Ios => "ios",
        /// `web`: the Web Messenger.
        Web => "web",
    }
}

string_enum! {
    in "v2::models";
    /// Whether a [`Device`] receives push notifications.
    pub enum DeviceStatus {
        /// `active`: it does.
        Active => "active",
        /// `inactive`: it no longer does.
        Inactive => "inactive",
    }
}

/// The answer of *get device*.
#[model]
pub struct DeviceResponse {
    /// The device.
    pub device: Option<Device>,
}

/// The answer of *list devices*: every device of the user, by last activity (not paged).
#[model]
pub struct DeviceListResponse {
    /// The devices.
    pub devices: Vec<Device>,
}
