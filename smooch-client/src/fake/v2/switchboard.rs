//! Switchboard control passing on a conversation: `POST .../passControl`, `.../offerControl`,
//! `.../acceptControl` and `.../releaseControl`. The fake keeps no switchboards: the
//! switchboard integration named is taken as it is, recorded on the conversation
//! (`activeSwitchboardIntegration`, `pendingSwitchboardIntegration`), and the matching
//! `switchboard:*` event goes to the subscribed webhooks. Accepting control when none was
//! offered is answered 200 (the API declares no error for it) and reported as
//! `switchboard:acceptControl:failure` (`switchboard_invalid_action`). A pass or release has
//! no `reason`: the sheet's (`ticketClosed`, `transferToEmail`) come from Zendesk, not the API.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::{Refusal, events, no_conversation, ok, parse};
use crate::fake::state::Shared;
use crate::models::Metadata;
use crate::v2::models::{
    AcceptControl, Conversation, OfferControl, PassControl, ReleaseControl,
    SwitchboardIntegrationRef, WebhookTrigger,
};

/// What an action does to the conversation's control.
enum Action {
    Pass(String),
    Offer(String),
    Accept,
    Release,
}

fn reference(name: String) -> SwitchboardIntegrationRef {
    SwitchboardIntegrationRef {
        id: Some(name.as_str().into()),
        name: Some(name),
        ..SwitchboardIntegrationRef::default()
    }
}

/// Applies `action`, then sends its event.
fn act(
    shared: &Shared,
    app_id: &str,
    conversation_id: &str,
    action: Action,
    metadata: Option<Metadata>,
) -> Result<(), Box<Response>> {
    let mut event = match &action {
        Action::Pass(_) => WebhookTrigger::SwitchboardPassControl,
        Action::Offer(_) => WebhookTrigger::SwitchboardOfferControl,
        Action::Accept => WebhookTrigger::SwitchboardAcceptControl,
        Action::Release => WebhookTrigger::SwitchboardReleaseControl,
    };
    let mut error = None;
    let conversation: Conversation = {
        let mut store = shared.store();
        let Some(thread) = store.v2.app(app_id).thread_mut(conversation_id) else {
            return Err(Box::new(no_conversation()));
        };
        let c = &mut thread.conversation;
        match action {
            Action::Pass(to) => {
                c.active_switchboard_integration = Some(reference(to));
                c.pending_switchboard_integration = None;
            }
            Action::Offer(to) => c.pending_switchboard_integration = Some(reference(to)),
            Action::Accept => match c.pending_switchboard_integration.take() {
                Some(pending) => c.active_switchboard_integration = Some(pending),
                None => {
                    event = WebhookTrigger::SwitchboardAcceptControlFailure;
                    error = Some(json!({
                        "code": "switchboard_invalid_action",
                        "message": "No switchboard integration was offered control",
                    }));
                }
            },
            Action::Release => c.active_switchboard_integration = None,
        }
        c.clone()
    };
    let metadata = metadata.and_then(|m| serde_json::to_value(m).ok());
    events::emit(
        shared,
        app_id,
        events::switchboard(event, &conversation, metadata, error),
    );
    Ok(())
}

/// Reads the body (an absent or empty one as `{}` where `optional`).
fn body<T: DeserializeOwned + Default>(
    body: Result<Bytes, BytesRejection>,
    optional: bool,
) -> Result<T, Box<Response>> {
    if optional && body.as_ref().is_ok_and(|b| b.is_empty()) {
        return Ok(T::default());
    }
    parse(body)
}

fn answer(result: Result<(), Box<Response>>) -> Response {
    result.map_or_else(|response| *response, |()| ok())
}

fn name(integration: String) -> Result<String, Box<Response>> {
    if integration.is_empty() {
        let refusal = Refusal::bad_request("`switchboardIntegration` must not be empty");
        Err(Box::new(refusal.into_response()))
    } else {
        Ok(integration)
    }
}

/// `POST .../passControl`: the named switchboard integration becomes active.
pub(crate) async fn pass_control(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    raw: Result<Bytes, BytesRejection>,
) -> Response {
    answer(body::<PassControl>(raw, false).and_then(|pass| {
        let to = name(pass.switchboard_integration)?;
        act(
            &shared,
            &app_id,
            &conversation_id,
            Action::Pass(to),
            pass.metadata,
        )
    }))
}

/// `POST .../offerControl`: the named switchboard integration is offered control (pending).
pub(crate) async fn offer_control(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    raw: Result<Bytes, BytesRejection>,
) -> Response {
    answer(body::<OfferControl>(raw, false).and_then(|offer| {
        let to = name(offer.switchboard_integration)?;
        act(
            &shared,
            &app_id,
            &conversation_id,
            Action::Offer(to),
            offer.metadata,
        )
    }))
}

/// `POST .../acceptControl`: the pending switchboard integration becomes active (400 when
/// nothing was offered).
pub(crate) async fn accept_control(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    raw: Result<Bytes, BytesRejection>,
) -> Response {
    answer(body::<AcceptControl>(raw, false).and_then(|accept| {
        act(
            &shared,
            &app_id,
            &conversation_id,
            Action::Accept,
            accept.metadata,
        )
    }))
}

/// `POST .../releaseControl` (the body is optional): no integration is active any more.
pub(crate) async fn release_control(
    State(shared): State<Arc<Shared>>,
    Path((app_id, conversation_id)): Path<(String, String)>,
    raw: Result<Bytes, BytesRejection>,
) -> Response {
    answer(body::<ReleaseControl>(raw, true).and_then(|release| {
        act(
            &shared,
            &app_id,
            &conversation_id,
            Action::Release,
            release.metadata,
        )
    }))
}
