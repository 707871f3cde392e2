//! Conformance to the v2 sheet: a table of its 68 operations (group, operation id, method,
//! path template, success status), written from the sheet's operation list as test data, one
//! part per group file. Each row calls its Rust method against a server that records the
//! request line and answers the row's status: the method and the path (every id encoded as one
//! segment) must be the row's, and the status a success. The README's v2 table is the same.

use std::future::Future;
use std::pin::Pin;

use smooch_client::Error;
use smooch_client::v2::V2;
use smooch_tests::Recorder;

/// One operation of the sheet.
pub struct Row {
    pub group: &'static str,
    pub operation: &'static str,
    pub method: &'static str,
    pub path: &'static str,
    pub status: u16,
}

/// A row of the table.
pub const fn row(
    group: &'static str,
    operation: &'static str,
    method: &'static str,
    path: &'static str,
    status: u16,
) -> Row {
    Row {
        group,
        operation,
        method,
        path,
        status,
    }
}

/// A call of one operation, its result reduced to success or the error.
pub type Call = Pin<Box<dyn Future<Output = Result<(), Error>> + Send>>;

/// Turns a call's future into a [`Call`].
pub fn boxed<T, F>(future: F) -> Option<Call>
where
    F: Future<Output = Result<T, Error>> + Send + 'static,
{
    Some(Box::pin(async move { future.await.map(drop) }))
}

/// The value every placeholder is filled with: characters that must be encoded, so a path
/// built without encoding shows.
pub const ID: &str = "id a/b";

/// How a group calls one of its operations, by operation id.
type Caller = fn(&V2, &str) -> Option<Call>;

/// Each group's rows and its caller, in the sheet's tag order.
fn groups() -> Vec<(&'static [Row], Caller)> {
    vec![
        (super::apps::ROWS, super::apps::call),
        (super::app_keys::ROWS, super::app_keys::call),
        (super::attachments::ROWS, super::attachments::call),
        (super::conversations::ROWS, super::conversations::call),
        (super::participants::ROWS, super::participants::call),
        (super::messages::ROWS, super::messages::call),
        (super::activities::ROWS, super::activities::call),
        (
            super::switchboard_actions::ROWS,
            super::switchboard_actions::call,
        ),
        (super::integrations::ROWS, super::integrations::call),
        (
            super::custom_integration_keys::ROWS,
            super::custom_integration_keys::call,
        ),
        (super::switchboards::ROWS, super::switchboards::call),
        (
            super::switchboard_integrations::ROWS,
            super::switchboard_integrations::call,
        ),
        (super::users::ROWS, super::users::call),
        (super::clients::ROWS, super::clients::call),
        (super::devices::ROWS, super::devices::call),
        (super::webhooks::ROWS, super::webhooks::call),
        (super::oauth::ROWS, super::oauth::call),
    ]
}

/// `template` with each `<placeholder>` replaced by [`ID`], encoded as one segment.
fn filled(template: &str) -> String {
    template
        .split('/')
        .map(|segment| {
            if segment.starts_with('<') {
                "id%20a%2Fb".to_owned()
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn every_operation_sends_its_method_and_path_and_takes_its_status() {
    let recorder = Recorder::start().await;
    let v2 = super::v2_at(recorder.base_url());
    let mut checked = 0;
    for (rows, caller) in groups() {
        for row in rows {
            recorder.answer(row.status);
            let call = caller(&v2, row.operation)
                .unwrap_or_else(|| panic!("{}: no call for this operation", row.operation));
            call.await
                .unwrap_or_else(|e| panic!("{} {}: {e}", row.group, row.operation));
            let received = recorder.take();
            assert_eq!(received.len(), 1, "{}: one request", row.operation);
            let sent = &received[0];
            assert_eq!(sent.method, row.method, "{}", row.operation);
            let path = sent.target.split('?').next().unwrap_or("");
            assert_eq!(path, filled(row.path), "{}", row.operation);
            checked += 1;
        }
    }
    assert_eq!(checked, rows().len());
    assert_eq!(checked, 68, "the sheet has 68 operations");
}

/// Every row, in order.
pub fn rows() -> Vec<&'static Row> {
    groups()
        .into_iter()
        .flat_map(|(rows, _)| rows.iter())
        .collect()
}

#[test]
fn the_table_lists_each_operation_once() {
    let rows = rows();
    for (index, row) in rows.iter().enumerate() {
        assert!(
            rows[..index].iter().all(|r| r.operation != row.operation),
            "{} twice",
            row.operation
        );
    }
}

#[test]
fn the_readme_lists_every_operation_in_the_sheets_order_with_its_method_and_path() {
    let listed = smooch_tests::readme_endpoints("API v2 endpoints");
    let listed_routes: Vec<(&str, &str)> = listed
        .iter()
        .map(|(_, method, path)| (method.as_str(), path.as_str()))
        .collect();
    let sheet_routes: Vec<(&str, &str)> = rows().iter().map(|row| (row.method, row.path)).collect();
    assert_eq!(
        listed_routes, sheet_routes,
        "README.md's v2 table differs from the sheet"
    );
    // Each method the README names is one the group files call, so it exists.
    let sources = [
        include_str!("apps.rs"),
        include_str!("app_keys.rs"),
        include_str!("attachments.rs"),
        include_str!("conversations.rs"),
        include_str!("participants.rs"),
        include_str!("messages.rs"),
        include_str!("activities.rs"),
        include_str!("switchboard_actions.rs"),
        include_str!("integrations.rs"),
        include_str!("custom_integration_keys.rs"),
        include_str!("switchboards.rs"),
        include_str!("switchboard_integrations.rs"),
        include_str!("users.rs"),
        include_str!("clients.rs"),
        include_str!("devices.rs"),
        include_str!("webhooks.rs"),
        include_str!("oauth.rs"),
    ]
    .concat();
    for (name, method, path) in &listed {
        assert!(
            sources.contains(&format!(".{name}(")),
            "README.md names `{name}` ({method} {path}), which no v2 test calls"
        );
    }
}
