//! A user's own models, declared outside smooch-client with `#[model]`: a struct embedding
//! another and a union (flattened), setters, a request read strictly, and the crate's own
//! models and secrets as fields.

use smooch_client::model;
use smooch_client::models::{Metadata, Unknown};
use smooch_client::Secret;

/// What every event shares.
#[model]
pub struct Head {
    /// The event's id.
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// When it happened.
    pub at: Option<f64>,
}

/// A ticket in a help desk.
#[model(setters)]
pub struct Ticket {
    /// Its number.
    pub number: Option<u64>,
    /// Its labels.
    #[model(add = with_label)]
    pub labels: Vec<String>,
    /// The desk's token.
    pub token: Option<Secret>,
}

/// A call back.
#[model(setters)]
pub struct Callback {
    /// The number to call.
    pub phone: Option<String>,
}

/// What the event asks for.
#[model(tag = "kind")]
pub enum Action {
    /// Open a ticket.
    Ticket(Ticket),
    /// Call the user back (`"kind": "call"`).
    #[serde(rename = "call")]
    Callback(Callback),
    /// Anything else.
    #[model(other)]
    Other(Unknown),
}

/// An event of a user's own.
#[model(setters)]
pub struct Escalation {
    /// The shared keys.
    #[serde(flatten)]
    #[model(no_setter)]
    pub head: Head,
    /// What to do.
    #[serde(flatten)]
    pub action: Action,
    /// Free-form data.
    pub metadata: Option<Metadata>,
}

/// A body the user's own server receives.
#[model(request, setters)]
#[serde(rename_all = "none")]
pub struct Assign {
    /// Who takes it.
    #[model(required)]
    pub agent_id: String,
    /// A note, sent as `null` to clear it.
    #[model(always)]
    pub note: Option<String>,
}

fn main() {
    let text = r#"{"number":7,"labels":[],"kind":"ticket","_id":"e1","at":1.5,"priority":2}"#;
    let event: Escalation = serde_json::from_str(text).unwrap();
    assert_eq!(event.head.id, "e1");
    assert_eq!(event.head.at, Some(1.5));
    let Action::Ticket(ticket) = &event.action else {
        panic!("{event:?}")
    };
    assert_eq!(ticket.number, Some(7));
    assert_eq!(ticket.extra["priority"], 2);
    assert_eq!(event.action.tag(), "ticket");
    let again: serde_json::Value = serde_json::to_value(&event).unwrap();
    assert_eq!(again, serde_json::from_str::<serde_json::Value>(text).unwrap());

    let built = Escalation::default().with_action(Action::Ticket(
        Ticket::default()
            .with_number(8)
            .with_label("vip")
            .with_token("desk-token-1"),
    ));
    assert!(!format!("{built:?}").contains("desk-token-1"));
    assert_eq!(
        serde_json::to_string(&built).unwrap(),
        r#"{"_id":"","kind":"ticket","number":8,"labels":["vip"],"token":"desk-token-1"}"#
    );
    let call = Escalation::default().with_action(Action::Callback(
        Callback::default().with_phone("+15145550100"),
    ));
    assert_eq!(serde_json::to_value(&call).unwrap()["kind"], "call");

    let fax: Escalation = serde_json::from_str(r#"{"_id":"e2","kind":"fax","to":"+1"}"#).unwrap();
    assert!(matches!(&fax.action, Action::Other(unknown) if unknown.tag == "fax"));

    let assign = Assign::default().with_agent_id("a1");
    assert_eq!(
        serde_json::to_string(&assign).unwrap(),
        r#"{"agent_id":"a1","note":null}"#
    );
    let error = serde_json::from_str::<Assign>(r#"{"note":"x"}"#).unwrap_err();
    assert!(error.to_string().contains("agent_id"), "{error}");
}
