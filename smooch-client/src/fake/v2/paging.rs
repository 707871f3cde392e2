//! Cursor paging as API v2 pages its lists: `page[after]` / `page[before]` (record ids of 24
//! characters, not both) and `page[size]` (1–100, default 25), answered with `meta` (`hasMore`,
//! `afterCursor`, `beforeCursor`) and `links` (`next`, `prev`).

use std::collections::HashMap;
use std::ops::Range;

use axum::http::StatusCode;
use axum::response::Response;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::bad_request;
use crate::fake::reply::json;
use crate::v2::models::{PageLinks, PageMeta};

/// The page size when none is asked for.
pub(crate) const DEFAULT_SIZE: usize = 25;
/// The largest page size.
pub(crate) const MAX_SIZE: usize = 100;
/// A message page's fixed size (`page[size]` is ignored).
pub(crate) const MESSAGE_PAGE: usize = 100;

/// Which page a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageQuery {
    after: Option<String>,
    before: Option<String>,
    size: usize,
}

impl PageQuery {
    /// Reads `page[after]`, `page[before]` and (unless `fixed_size` is given) `page[size]`;
    /// the error says what is wrong.
    pub(crate) fn read(
        query: &HashMap<String, String>,
        fixed_size: Option<usize>,
    ) -> Result<PageQuery, String> {
        let cursor = |key: &str| -> Result<Option<String>, String> {
            match query.get(key) {
                None => Ok(None),
                Some(id) if id.chars().count() == 24 => Ok(Some(id.clone())),
                Some(_) => Err(format!("`{key}` must be a record id of 24 characters")),
            }
        };
        let (after, before) = (cursor("page[after]")?, cursor("page[before]")?);
        if after.is_some() && before.is_some() {
            return Err("`page[after]` and `page[before]` are mutually exclusive".to_owned());
        }
        let size = match (fixed_size, query.get("page[size]")) {
            (Some(fixed), _) => fixed,
            (None, None) => DEFAULT_SIZE,
            (None, Some(text)) => match text.parse::<usize>() {
                Ok(size) if (1..=MAX_SIZE).contains(&size) => size,
                _ => {
                    return Err(format!(
                        "`page[size]` must be an integer from 1 to {MAX_SIZE}"
                    ));
                }
            },
        };
        Ok(PageQuery {
            after,
            before,
            size,
        })
    }
}

/// One page of a list: which records, and what the answer says of the pages around it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paged {
    pub(crate) range: Range<usize>,
    pub(crate) meta: PageMeta,
    pub(crate) links: PageLinks,
}

/// The page `query` asks for of the records whose ids are `ids` (oldest first): the first
/// records by default, or the last ones when `newest_first` (messages page backwards). A
/// cursor that names no record is an error. `url` is the list's URL with the query parameters
/// to keep (e.g. a filter), to which the links add their cursor.
pub(crate) fn page(
    ids: &[&str],
    query: &PageQuery,
    newest_first: bool,
    url: &str,
) -> Result<Paged, String> {
    let find = |id: &str| {
        ids.iter()
            .position(|candidate| *candidate == id)
            .ok_or_else(|| format!("No record has the id `{id}` given as a cursor"))
    };
    let size = query.size;
    let (range, forward) = match (&query.after, &query.before) {
        (Some(after), _) => {
            let start = find(after)? + 1;
            (start..(start + size).min(ids.len()), true)
        }
        (None, Some(before)) => {
            let end = find(before)?;
            (end.saturating_sub(size)..end, false)
        }
        (None, None) if newest_first => (ids.len().saturating_sub(size)..ids.len(), false),
        (None, None) => (0..size.min(ids.len()), true),
    };
    let older = range.start > 0;
    let newer = range.end < ids.len();
    let first = ids.get(range.start).filter(|_| !range.is_empty());
    let last = range.end.checked_sub(1).and_then(|i| ids.get(i));
    let separator = if url.contains('?') { '&' } else { '?' };
    let link = |key: &str, id: &str| {
        let id = utf8_percent_encode(id, NON_ALPHANUMERIC);
        format!("{url}{separator}page[{key}]={id}")
    };
    let after_cursor = last.filter(|_| newer).map(|id| (*id).to_owned());
    let before_cursor = first.filter(|_| older).map(|id| (*id).to_owned());
    Ok(Paged {
        meta: PageMeta {
            has_more: Some(if forward { newer } else { older }),
            after_cursor: after_cursor.clone(),
            before_cursor: before_cursor.clone(),
            ..PageMeta::default()
        },
        links: PageLinks {
            next: after_cursor.map(|id| link("after", &id)),
            prev: before_cursor.map(|id| link("before", &id)),
            ..PageLinks::default()
        },
        range,
    })
}

/// The URL of a list: the base URL and the path `segments`, each percent-encoded.
pub(crate) fn list_url(base_url: &str, segments: &[&str]) -> String {
    let mut url = base_url.to_owned();
    for segment in segments {
        url.push('/');
        url.extend(utf8_percent_encode(segment, NON_ALPHANUMERIC));
    }
    url
}

/// A list's answer: the page of `items` (oldest first, each named by `id`) the `query` asks
/// for, as [`page`] cuts it, put in the list's response by `wrap` (the items, `meta`,
/// `links`); or 400 for a bad page query or a cursor that names no item.
pub(crate) fn answer<T: Clone, R: Serialize>(
    query: &HashMap<String, String>,
    fixed_size: Option<usize>,
    newest_first: bool,
    items: &[T],
    id: impl Fn(&T) -> &str,
    url: &str,
    wrap: impl FnOnce(Vec<T>, PageMeta, PageLinks) -> R,
) -> Response {
    let ids: Vec<&str> = items.iter().map(id).collect();
    let paged = PageQuery::read(query, fixed_size)
        .and_then(|paging| page(&ids, &paging, newest_first, url));
    match paged {
        Ok(paged) => json(
            StatusCode::OK,
            &wrap(items[paged.range].to_vec(), paged.meta, paged.links),
        ),
        Err(text) => bad_request(&text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{i:024}")).collect()
    }

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn pages_go_forward_by_default_and_backward_for_messages() {
        let owned = ids(30);
        let all: Vec<&str> = owned.iter().map(String::as_str).collect();
        let first = PageQuery::read(&query(&[]), None).unwrap();
        let page1 = page(&all, &first, false, "http://x/l").unwrap();
        assert_eq!(page1.range, 0..25);
        assert_eq!(page1.meta.has_more, Some(true));
        assert_eq!(page1.meta.after_cursor.as_deref(), Some(all[24]));
        assert_eq!(page1.meta.before_cursor, None);
        let next = page1.links.next.unwrap();
        assert_eq!(next, format!("http://x/l?page[after]={}", all[24]));

        let after = PageQuery::read(&query(&[("page[after]", all[24])]), None).unwrap();
        let page2 = page(&all, &after, false, "http://x/l?f=1").unwrap();
        assert_eq!(page2.range, 25..30);
        assert_eq!(page2.meta.has_more, Some(false));
        assert_eq!(page2.meta.before_cursor.as_deref(), Some(all[25]));
        assert!(
            page2
                .links
                .prev
                .unwrap()
                .starts_with("http://x/l?f=1&page[before]=")
        );

        let latest = PageQuery::read(&query(&[("page[size]", "7")]), Some(10)).unwrap();
        let back = page(&all, &latest, true, "u").unwrap();
        assert_eq!(back.range, 20..30, "the fixed size wins");
        assert_eq!(back.meta.has_more, Some(true), "older records remain");
        assert_eq!(back.meta.before_cursor.as_deref(), Some(all[20]));
    }

    #[test]
    fn bad_page_queries_are_refused() {
        for bad in [
            query(&[("page[size]", "0")]),
            query(&[("page[size]", "101")]),
            query(&[("page[size]", "x")]),
            query(&[("page[after]", "short")]),
            query(&[
                ("page[after]", &"a".repeat(24)),
                ("page[before]", &"b".repeat(24)),
            ]),
        ] {
            assert!(PageQuery::read(&bad, None).is_err(), "{bad:?}");
        }
        let owned = ids(3);
        let all: Vec<&str> = owned.iter().map(String::as_str).collect();
        let unknown = PageQuery::read(&query(&[("page[before]", &"z".repeat(24))]), None).unwrap();
        assert!(page(&all, &unknown, false, "u").is_err());
    }
}
