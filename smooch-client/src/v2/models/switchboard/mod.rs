//! Switchboards, which route a conversation's events to the integration in control: the
//! [`Switchboard`] (one per app), its [`SwitchboardIntegration`]s, and the bodies of the
//! switchboard actions that move control between them ([`PassControl`], ...).

mod control;
mod integration;

pub use control::{AcceptControl, OfferControl, PassControl, ReleaseControl};
pub use integration::{
    LinkedIntegration, SwitchboardIntegration, SwitchboardIntegrationCreate,
    SwitchboardIntegrationListResponse, SwitchboardIntegrationResponse,
    SwitchboardIntegrationUpdate,
};

use smooch_macros::model;

use crate::models::Id;

/// An app's switchboard (response).
#[model]
pub struct Switchboard {
    /// The switchboard id.
    pub id: Option<Id>,
    /// Whether it routes; when `false`, every linked integration gets every event.
    pub enabled: Option<bool>,
    /// The switchboard integration given control of new conversations (and of those that
    /// existed before); a channel's `defaultResponderId` may take precedence.
    pub default_switchboard_integration_id: Option<Id>,
}

/// The body of *update switchboard* (request): only what is set is sent, and changed.
///
/// ```
/// use smooch_client::v2::models::SwitchboardUpdate;
///
/// let update = SwitchboardUpdate::default()
///     .with_enabled(true)
///     .with_default_switchboard_integration_id("5ef21b86e933b7355c11c604");
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"enabled":true,"defaultSwitchboardIntegrationId":"5ef21b86e933b7355c11c604"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct SwitchboardUpdate {
    /// Whether it routes; when `false`, every linked integration gets every event.
    pub enabled: Option<bool>,
    /// The switchboard integration to give control of new conversations.
    pub default_switchboard_integration_id: Option<String>,
}

/// The answer of *create* and *update switchboard*.
#[model]
pub struct SwitchboardResponse {
    /// The switchboard.
    pub switchboard: Option<Switchboard>,
}

/// The answer of *list switchboards* (no paging).
#[model]
pub struct SwitchboardListResponse {
    /// The app's switchboards (at most one).
    pub switchboards: Vec<Switchboard>,
}
