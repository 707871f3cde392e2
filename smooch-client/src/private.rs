//! What generated code calls. Not public API: it may change in any release.

pub use reqwest::Method;
pub use std::borrow::Cow;
pub use tracing;

/// A declared call's span: its callsite, and the level and fields the callsite declares.
pub use crate::__callsite as callsite;
pub use crate::request::{
    Endpoint, PartContent, PartValue, PathValue, QueryParams, QueryValue, Request,
};
/// How a success body is parsed (the benchmarks measure exactly this).
pub use crate::response::parse;
pub use crate::trace::{FIELDS as SPAN_FIELDS, LEVEL as SPAN_LEVEL};
pub use crate::transport::{send, send_empty, send_redirect, send_removal};

/// What `#[model]` code calls.
pub mod model {
    pub use crate::codec::*;
}
