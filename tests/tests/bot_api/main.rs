//! The operations a bot uses beyond messages, one module per group, each operation against a
//! local mock server: exact method, path, query, headers and body, and a response written from
//! the spec decoded with its values checked.

mod app_user;
mod attachment;
mod menu;
mod notification;

use httpmock::MockServer;
use smooch_client::Client;

/// A client for `server` (basic auth).
fn client(server: &MockServer) -> Client {
    smooch_tests::client(server)
}
