//! [`Unknown`]: a member of a union this crate does not know.

use serde_json::{Map, Value};

/// A member of a union (an integration type, say) that this crate does not know yet: its tag
/// and its other keys, as received, sent back unchanged when serialized. The API adds members
/// without a version bump; they stay readable without waiting for a release.
///
/// ```
/// use smooch_client::models::{Integration, IntegrationKind};
///
/// let integration: Integration =
///     serde_json::from_str(r#"{"_id": "i1", "type": "kakao", "channelKey": "k-1"}"#)?;
/// let IntegrationKind::Other(unknown) = &integration.kind else { panic!("not known") };
/// assert_eq!(unknown.tag, "kakao");
/// assert_eq!(unknown.fields["channelKey"], "k-1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Unknown {
    /// The tag (`type`) as received; empty when there was none.
    pub tag: String,
    /// Every other key, with its value as received.
    pub fields: Map<String, Value>,
}
