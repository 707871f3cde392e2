//! What makes a list response a page of a cursor-paged list: `cursor_page!`.

/// Implements `CursorPage` for the list response `$response`, whose records are in the list
/// `$items` of `$item`s (each with an `id`), and whose cursors are in `meta`.
macro_rules! cursor_page {
    ($response:ty, $items:ident, $item:ty) => {
        impl $crate::paging::cursor::CursorPage for $response {
            type Item = $item;

            fn has_more(&self) -> bool {
                self.meta.as_ref().and_then(|m| m.has_more).unwrap_or(false)
            }

            fn cursor(&self, direction: $crate::paging::cursor::Direction) -> Option<&str> {
                let meta = self.meta.as_ref()?;
                match direction {
                    $crate::paging::cursor::Direction::Forward => meta.after_cursor.as_deref(),
                    $crate::paging::cursor::Direction::Backward => meta.before_cursor.as_deref(),
                }
            }

            fn into_items(self) -> Vec<$item> {
                self.$items
            }

            fn item_id(item: &$item) -> Option<&str> {
                item.id.as_deref()
            }
        }
    };
}

pub(crate) use cursor_page;
