//! API v2: every operation on the wire (httpmock: method, path, query keys as sent, headers,
//! body, and an answer written from the sheet, decoded and checked), and the conformance table
//! of all 68 checked against a recording server and the README.
//!
//! One file per group of the API; each also lists its rows of the conformance table
//! ([`conformance::Row`]) and how to call each of them ([`conformance::Call`]).

mod activities;
mod apps;
mod attachments;
mod conformance;
mod conversations;
mod messages;
mod participants;

use httpmock::MockServer;
use smooch_client::Client;
use smooch_client::v2::V2;

/// The app id used in paths.
pub const APP: &str = "5963c0d619a30a2e00de36b8";

/// A v2 handle on a client with basic auth pointed at `server`.
pub fn v2(server: &MockServer) -> V2 {
    smooch_tests::client(server).v2()
}

/// A client pointed at `base_url`, for the recorder.
pub fn v2_at(base_url: &str) -> V2 {
    Client::builder()
        .basic_auth(smooch_tests::KEY_ID, smooch_tests::SECRET)
        .base_url(base_url)
        .build()
        .unwrap()
        .v2()
}
