//! Switchboard actions: pass, release, offer and accept control of a conversation.

use crate::v2::V2;
use crate::v2::models::{AcceptControl, OfferControl, PassControl, ReleaseControl};
use crate::{Result, endpoint};

/// Moving control of a conversation between the integrations of the app's switchboard. Each
/// answers `{}`, and sends its `switchboard:*` event with the body's metadata. Integration,
/// app or account scope; called with integration scope, releasing needs the integration in
/// control and accepting the one offered control (else 403).
///
/// ```no_run
/// use smooch_client::v2::SwitchboardActionsApi;
/// use smooch_client::v2::models::{AcceptControl, OfferControl, PassControl};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let (v2, app_id, conversation_id) = (client.v2(), "5963c0d619a30a2e00de36b8", "029c31f25a21b47effd7be90");
/// // The bot gives up: the agents take over.
/// v2.pass_control(app_id, conversation_id, &PassControl::new("agents")).await?;
/// // Or: offer it, and the agents accept when ready.
/// v2.offer_control(app_id, conversation_id, &OfferControl::next()).await?;
/// v2.accept_control(app_id, conversation_id, &AcceptControl::default()).await?;
/// # Ok(()) }
/// ```
pub trait SwitchboardActionsApi {
    /// Makes the target switchboard integration the one in control; the others go to standby.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/passControl",
        body = control
    )]
    async fn pass_control(
        &self,
        app_id: &str,
        conversation_id: &str,
        control: &PassControl,
    ) -> Result<()>;

    /// Clears the conversation's switchboard state: no integration is in control, and every
    /// one gets its events. The API lets the body be left out;
    /// `&ReleaseControl::default()` sends `{}`, which says the same.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/releaseControl",
        body = release
    )]
    async fn release_control(
        &self,
        app_id: &str,
        conversation_id: &str,
        release: &ReleaseControl,
    ) -> Result<()>;

    /// Offers control to the target switchboard integration, which becomes pending (an
    /// earlier offer is replaced); it must not be the one in control.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/offerControl",
        body = offer
    )]
    async fn offer_control(
        &self,
        app_id: &str,
        conversation_id: &str,
        offer: &OfferControl,
    ) -> Result<()>;

    /// Takes the control offered to the calling (pending) switchboard integration.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/acceptControl",
        body = accept
    )]
    async fn accept_control(
        &self,
        app_id: &str,
        conversation_id: &str,
        accept: &AcceptControl,
    ) -> Result<()>;
}

impl SwitchboardActionsApi for V2 {}
