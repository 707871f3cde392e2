//! [`Unknown`]: a member of a union this crate does not know.

use std::fmt;

use serde_json::{Map, Value};

use super::extra::debug_fields;

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
/// assert!(!format!("{unknown:?}").contains("k-1"), "`channelKey` is named like a credential");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// `Debug` shows its keys, but not the values of those named like credentials (`token`,
/// `secret`, `password`, ...), as for a model's [`Extra`](super::Extra) keys.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Unknown {
    /// The tag (`type`) as received; empty when there was none.
    pub tag: String,
    /// Every other key, with its value as received.
    pub fields: Map<String, Value>,
}

impl Unknown {
    /// A member with the tag `tag` and no other key yet (add them to
    /// [`fields`](Self::fields)), to send a member this crate does not know.
    pub fn new(tag: impl Into<String>) -> Self {
        Unknown {
            tag: tag.into(),
            fields: Map::new(),
        }
    }
}

impl fmt::Debug for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Fields<'a>(&'a Map<String, Value>);
        impl fmt::Debug for Fields<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                debug_fields(f, self.0.iter())
            }
        }
        f.debug_struct("Unknown")
            .field("tag", &self.tag)
            .field("fields", &Fields(&self.fields))
            .finish()
    }
}
