//! `examples/quickstart.rs`, the README's main command: it runs offline against the embedded
//! fake, and prints times a person reads.

use serde_json::json;
use smooch_client::models::Message;

#[allow(dead_code)]
#[path = "../../smooch-client/examples/quickstart.rs"]
mod example;

#[test]
fn messages_are_described_with_readable_times() {
    let message: Message = serde_json::from_value(json!({
        "_id": "m1", "authorId": "a", "role": "appMaker", "type": "text",
        "received": 1529600550.492, "text": "Hi!\nBye."
    }))
    .unwrap();
    assert_eq!(
        example::describe(&message),
        "[2018-06-21T17:02:30.492Z] business (text): Hi! / Bye."
    );
}

#[test]
fn the_quickstart_runs_offline() {
    if std::env::vars().any(|(name, _)| name.starts_with("SMOOCH_")) {
        // Credentials or a base URL are set: the quickstart would use them, not the fake.
        return;
    }
    example::main().expect("the quickstart runs against the fake");
}
