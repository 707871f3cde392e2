//! The bodies of the switchboard actions: [`PassControl`] and [`OfferControl`] name a
//! switchboard integration; [`AcceptControl`] and [`ReleaseControl`] carry only metadata.

use smooch_macros::model;

use crate::models::Metadata;

/// The body of *pass control* (request; `passControlBody`), and, as [`OfferControl`], of
/// *offer control*: the switchboard integration to give control to (or offer it to), and
/// metadata forwarded in the event that says so.
///
/// The target is a switchboard integration's id, name or integration type (looked up in that
/// order; an ambiguous one is an error), or `next`: the
/// `nextSwitchboardIntegrationId` of the one in control ([`PassControl::next`]).
///
/// ```
/// use smooch_client::models::Metadata;
/// use smooch_client::v2::models::{OfferControl, PassControl};
///
/// let to_agents = PassControl::new("agents")
///     .with_metadata(Metadata::new().with("reason", "asked for a human"));
/// assert_eq!(
///     serde_json::to_string(&to_agents)?,
///     r#"{"switchboardIntegration":"agents","metadata":{"reason":"asked for a human"}}"#,
/// );
/// let offer = OfferControl::next();
/// assert_eq!(serde_json::to_string(&offer)?, r#"{"switchboardIntegration":"next"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct PassControl {
    /// The target: a switchboard integration's id, name or integration type, or `next`.
    #[model(required)]
    pub switchboard_integration: String,
    /// Flat metadata, forwarded in the `switchboard:passControl` (or `offerControl`) event.
    pub metadata: Option<Metadata>,
}

impl PassControl {
    /// Control for the switchboard integration `target` (an id, a name or an integration
    /// type).
    pub fn new(target: impl Into<String>) -> Self {
        Self::default().with_switchboard_integration(target)
    }

    /// Control for the next switchboard integration of the one in control (the target
    /// `next`).
    pub fn next() -> Self {
        Self::new("next")
    }
}

/// The body of *offer control* (request; `offerControlBody`): the same fields as
/// [`PassControl`]. The target becomes pending (replacing an earlier offer) and must not be
/// the one in control; metadata is forwarded in the `switchboard:offerControl` event.
pub type OfferControl = PassControl;

/// The body of *accept control* (request; `acceptControlBody`), and, as [`ReleaseControl`], of
/// *release control*: only metadata, forwarded in the event that says so. The default sends
/// `{}`.
///
/// ```
/// use smooch_client::models::Metadata;
/// use smooch_client::v2::models::{AcceptControl, ReleaseControl};
///
/// assert_eq!(serde_json::to_string(&ReleaseControl::default())?, "{}");
/// let accept = AcceptControl::default().with_metadata(Metadata::new().with("agent", 42));
/// assert_eq!(serde_json::to_string(&accept)?, r#"{"metadata":{"agent":42}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct AcceptControl {
    /// Flat metadata, forwarded in the `switchboard:acceptControl` (or `releaseControl`)
    /// event.
    pub metadata: Option<Metadata>,
}

/// The body of *release control* (request; `releaseControlBody`, which the API lets a call
/// leave out: [`ReleaseControl::default()`](AcceptControl::default) sends `{}`, which says
/// the same). The same fields as [`AcceptControl`]; metadata is forwarded in the
/// `switchboard:releaseControl` event.
pub type ReleaseControl = AcceptControl;
