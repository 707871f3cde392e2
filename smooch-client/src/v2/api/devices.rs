//! Devices: a user's installs of the SDKs.

use crate::v2::V2;
use crate::v2::models::{DeviceListResponse, DeviceResponse};
use crate::{Result, endpoint};

/// A user's devices (Web, iOS and Android SDK installs). Integration, app or account scope.
/// The user is named by id or `externalId`, and `brand_id` picks the user of one brand (see
/// [`UsersApi`](super::UsersApi)).
///
/// ```no_run
/// use smooch_client::v2::DevicesApi;
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let devices = client.v2().list_devices("5963c0d619a30a2e00de36b8", "steve@example.com", None).await?;
/// for device in devices.devices {
///     println!("{:?} last seen {:?}", device.r#type, device.last_seen);
/// }
/// # Ok(()) }
/// ```
pub trait DevicesApi {
    /// Lists every device of a user, the most recently active first (not paged).
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/devices?brandId=<brand_id>"
    )]
    async fn list_devices(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        brand_id: Option<&str>,
    ) -> Result<DeviceListResponse>;

    /// Gets a device of a user.
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/devices/<device_id>?brandId=<brand_id>"
    )]
    async fn get_device(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        device_id: &str,
        brand_id: Option<&str>,
    ) -> Result<DeviceResponse>;
}

impl DevicesApi for V2 {}
