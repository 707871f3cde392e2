//! Switchboard integrations: the integrations a switchboard passes control between
//! ([`SwitchboardIntegration`]), the bodies that create and change them, and the answers.

use smooch_macros::model;

use crate::models::Id;

/// A switchboard integration (response): one integration as a switchboard sees it, at most
/// 10 per switchboard.
#[model]
pub struct SwitchboardIntegration {
    /// The switchboard integration's id.
    pub id: Option<Id>,
    /// Its name, used to pass or offer control to it (letters, digits, `-` and `_`).
    pub name: Option<String>,
    /// The integration that receives the events it is sent.
    pub integration_id: Option<Id>,
    /// That integration's type; for an OAuth integration, its client id (`zd:agentWorkspace`).
    pub integration_type: Option<String>,
    /// Whether it gets webhooks while another one is in control (standby).
    pub deliver_standby_events: Option<bool>,
    /// The switchboard integration that control goes to when it is passed or offered to
    /// `next`.
    pub next_switchboard_integration_id: Option<Id>,
    /// How many messages of history are given as context when it gets control (1 to 10).
    pub message_history_count: Option<u32>,
}

/// Which integration a switchboard integration links: by id (`integrationId`, for a custom
/// integration) or by type (`integrationType`, for an OAuth integration). The API takes one,
/// never both: [`id`](Self::id) and [`of_type`](Self::of_type) build one or the other, and the
/// default links nothing (an update that does not change the link).
///
/// ```
/// use smooch_client::v2::models::{LinkedIntegration, SwitchboardIntegrationCreate};
///
/// let bot = SwitchboardIntegrationCreate::new("bot", LinkedIntegration::id("5ef21b86e933b7355c11c605"));
/// let agents = SwitchboardIntegrationCreate::new("agents", LinkedIntegration::of_type("zd:agentWorkspace"));
/// assert_eq!(
///     serde_json::to_string(&agents)?,
///     r#"{"name":"agents","integrationType":"zd:agentWorkspace"}"#,
/// );
/// assert_eq!(bot.integration.integration_id(), Some("5ef21b86e933b7355c11c605"));
/// assert_eq!(bot.integration.integration_type(), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct LinkedIntegration {
    /// The linked integration's id.
    integration_id: Option<String>,
    /// The linked integration's type.
    integration_type: Option<String>,
}

impl LinkedIntegration {
    /// The integration with the id `id` (a custom integration).
    pub fn id(id: impl Into<String>) -> Self {
        LinkedIntegration {
            integration_id: Some(id.into()),
            ..Self::default()
        }
    }

    /// The integration of the type `integration_type`; for an OAuth integration, its client
    /// id (`zd:agentWorkspace`).
    pub fn of_type(integration_type: impl Into<String>) -> Self {
        LinkedIntegration {
            integration_type: Some(integration_type.into()),
            ..Self::default()
        }
    }

    /// The linked integration's id (`integrationId`), if it is linked by id.
    pub fn integration_id(&self) -> Option<&str> {
        self.integration_id.as_deref()
    }

    /// The linked integration's type (`integrationType`), if it is linked by type.
    pub fn integration_type(&self) -> Option<&str> {
        self.integration_type.as_deref()
    }
}

/// The body of *create switchboard integration* (request): a name, and the integration it
/// links ([`LinkedIntegration`]).
///
/// ```
/// use smooch_client::v2::models::{LinkedIntegration, SwitchboardIntegrationCreate};
///
/// let bot = SwitchboardIntegrationCreate::new("bot", LinkedIntegration::id("5ef21b86e933b7355c11c605"))
///     .with_deliver_standby_events(false)
///     .with_next_switchboard_integration_id("5ef21b86e933b7355c11c606")
///     .with_message_history_count(5);
/// assert_eq!(
///     serde_json::to_string(&bot)?,
///     concat!(
///         r#"{"name":"bot","integrationId":"5ef21b86e933b7355c11c605","deliverStandbyEvents":false,"#,
///         r#""nextSwitchboardIntegrationId":"5ef21b86e933b7355c11c606","messageHistoryCount":5}"#,
///     ),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct SwitchboardIntegrationCreate {
    /// Its name, used to pass or offer control to it (up to 128 letters, digits, `-` and
    /// `_`).
    #[model(required)]
    pub name: String,
    /// The integration it links: `integrationId` or `integrationType`.
    #[serde(flatten)]
    pub integration: LinkedIntegration,
    /// Whether it gets webhooks while another one is in control (the API's default: `true`).
    pub deliver_standby_events: Option<bool>,
    /// The switchboard integration that control goes to when it is passed or offered to
    /// `next`.
    pub next_switchboard_integration_id: Option<String>,
    /// How many messages of history to give as context when it gets control (1 to 10).
    pub message_history_count: Option<u32>,
}

impl SwitchboardIntegrationCreate {
    /// A switchboard integration named `name` that links `integration`.
    pub fn new(name: impl Into<String>, integration: LinkedIntegration) -> Self {
        Self::default()
            .with_name(name)
            .with_integration(integration)
    }
}

/// The body of *update switchboard integration* (request): only what is set is sent, and
/// changed; `without_..` sends `null`, which removes a value.
///
/// ```
/// use smooch_client::v2::models::SwitchboardIntegrationUpdate;
///
/// let update = SwitchboardIntegrationUpdate::default()
///     .with_name("agents")
///     .without_next_switchboard_integration_id()
///     .with_message_history_count(10);
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"name":"agents","nextSwitchboardIntegrationId":null,"messageHistoryCount":10}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct SwitchboardIntegrationUpdate {
    /// A new name.
    pub name: Option<String>,
    /// Another integration to link: `integrationId` or `integrationType`; the default
    /// changes nothing.
    #[serde(flatten)]
    pub integration: LinkedIntegration,
    /// Whether it gets webhooks while another one is in control.
    pub deliver_standby_events: Option<bool>,
    /// The switchboard integration control goes to when passed or offered to `next`;
    /// `Some(None)` sends `null`, which removes it.
    #[model(no_setter)]
    pub next_switchboard_integration_id: Option<Option<String>>,
    /// How many messages of history to give as context (1 to 10); `Some(None)` sends `null`,
    /// which removes it.
    #[model(no_setter)]
    pub message_history_count: Option<Option<u32>>,
}

impl SwitchboardIntegrationUpdate {
    /// Sets the switchboard integration control goes to when passed or offered to `next`.
    pub fn with_next_switchboard_integration_id(mut self, id: impl Into<String>) -> Self {
        self.next_switchboard_integration_id = Some(Some(id.into()));
        self
    }

    /// Removes the next switchboard integration (sends `null`).
    pub fn without_next_switchboard_integration_id(mut self) -> Self {
        self.next_switchboard_integration_id = Some(None);
        self
    }

    /// Sets how many messages of history to give as context (1 to 10).
    pub fn with_message_history_count(mut self, count: u32) -> Self {
        self.message_history_count = Some(Some(count));
        self
    }

    /// Removes the message history count (sends `null`).
    pub fn without_message_history_count(mut self) -> Self {
        self.message_history_count = Some(None);
        self
    }
}

/// The answer of *create* and *update switchboard integration*.
#[model]
pub struct SwitchboardIntegrationResponse {
    /// The switchboard integration.
    pub switchboard_integration: Option<SwitchboardIntegration>,
}

/// The answer of *list switchboard integrations* (no paging).
#[model]
pub struct SwitchboardIntegrationListResponse {
    /// Every switchboard integration of the switchboard.
    pub switchboard_integrations: Vec<SwitchboardIntegration>,
}
