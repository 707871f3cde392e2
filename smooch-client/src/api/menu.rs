//! The app's persistent menu, shown on the channels that have one (Messenger, Web Messenger,
//! ...).

use crate::models::{Menu, MenuResponse};
use crate::{Client, Result, endpoint};

/// The app's persistent menu (Smooch's `MenuApi`). App scope. An integration can have its own
/// menu instead: see [`IntegrationApi`](crate::IntegrationApi).
///
/// ```
/// use smooch_client::{Client, MenuApi};
/// use smooch_client::models::{Menu, MenuItem};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// let menu = Menu::new(vec![
///     MenuItem::link("Our shop", "https://shop.example.org"),
///     MenuItem::postback("Talk to an agent", "AGENT"),
/// ]);
/// client.update_menu("app_id", &menu).await?;
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
pub trait MenuApi {
    /// Gets the menu.
    #[endpoint(GET, "/v1.1/apps/<app_id>/menu")]
    async fn get_menu(&self, app_id: &str) -> Result<MenuResponse>;

    /// Sets the menu, replacing the one before.
    #[endpoint(PUT, "/v1.1/apps/<app_id>/menu", body = menu)]
    async fn update_menu(&self, app_id: &str, menu: &Menu) -> Result<MenuResponse>;

    /// Removes the menu; answers the (empty) menu.
    ///
    /// `None` when Smooch answered without a body, or when an attempt that may have removed the
    /// menu failed (a 5xx, a timeout, a lost connection) and its retry was answered 404: the
    /// menu is gone, as asked ([`Removal`](crate::Removal)).
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/menu")]
    async fn delete_menu(&self, app_id: &str) -> Result<Option<MenuResponse>>;
}

impl MenuApi for Client {}
