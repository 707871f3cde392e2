//! Cursor paging, as API v2 pages its lists: which page to read ([`Page`]), and what a page says
//! of the pages around it ([`PageMeta`], [`PageLinks`]).

use smooch_macros::model;

use crate::request::{QueryParams, Request};

/// Which page of a cursor-paged list to read: the first, or the one after or before a record
/// (`page[after]`, `page[before]`: at most one, so this type holds one), and how many records
/// (`page[size]`, 1 to 100; the API's default is 25; `list_messages` ignores it and answers 100).
///
/// A page's [`PageMeta`] gives the cursors to read the pages around it; the streams of each
/// list walk them for you.
///
/// ```
/// use smooch_client::v2::models::Page;
///
/// let first = Page::first().with_size(100);
/// let next = Page::after("5e4af71a81966c000f7f8cd0");
/// assert_eq!(next.cursor(), Some("5e4af71a81966c000f7f8cd0"));
/// # let _ = first;
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    at: At,
    size: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum At {
    #[default]
    First,
    After(String),
    Before(String),
}

impl Page {
    /// The first page (for `list_messages`: the newest).
    pub fn first() -> Self {
        Page::default()
    }

    /// The page of records that follow the record `id` (`meta.afterCursor`).
    pub fn after(id: impl Into<String>) -> Self {
        Page {
            at: At::After(id.into()),
            size: None,
        }
    }

    /// The page of records that precede the record `id` (`meta.beforeCursor`).
    pub fn before(id: impl Into<String>) -> Self {
        Page {
            at: At::Before(id.into()),
            size: None,
        }
    }

    /// Sets how many records the page holds (`page[size]`; the API takes 1 to 100).
    pub fn with_size(mut self, size: u32) -> Self {
        self.size = Some(size);
        self
    }

    /// The record the page starts after or before, if any.
    pub fn cursor(&self) -> Option<&str> {
        match &self.at {
            At::First => None,
            At::After(id) | At::Before(id) => Some(id),
        }
    }
}

/// Sent as `page[after]=<id>` or `page[before]=<id>` (never both), and `page[size]=<n>`.
impl QueryParams for Page {
    fn write_query(&self, request: &mut Request<'_>) {
        match &self.at {
            At::First => {}
            At::After(id) => request.query("page", "page[after]", id.as_str()),
            At::Before(id) => request.query("page", "page[before]", id.as_str()),
        }
        request.query("page", "page[size]", &self.size);
    }
}

/// What a page of a cursor-paged list says of the pages around it (`meta`). Every key is
/// optional: a missing `hasMore` means no more, a missing cursor means no page that way.
#[model(setters)]
pub struct PageMeta {
    /// Whether more records exist in the direction being paged.
    pub has_more: Option<bool>,
    /// The record id to pass as `page[after]` for the next page.
    pub after_cursor: Option<String>,
    /// The record id to pass as `page[before]` for the previous page.
    pub before_cursor: Option<String>,
}

/// The absolute URLs of the pages around a page (`links`), on the API's host.
#[model(setters)]
pub struct PageLinks {
    /// The previous page.
    pub prev: Option<String>,
    /// The next page.
    pub next: Option<String>,
}
