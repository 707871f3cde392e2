//! [`Cursor`]: where a page of messages starts, and the cursors a page hands back.

use super::{GetMessagesResponse, Timestamp};
use crate::request::{QueryParams, Request};

/// Which page of a conversation [`get_messages`](crate::ConversationApi::get_messages) reads:
/// the latest, or the 100 messages strictly before or after a time. A page's
/// [`next_cursor`](GetMessagesResponse::next_cursor) and
/// [`previous_cursor`](GetMessagesResponse::previous_cursor) are cursors too, to be fed back.
///
/// ```
/// use smooch_client::{Client, ConversationApi};
/// use smooch_client::models::{Cursor, Timestamp};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// # client.post_message("app_id", "user_id", &smooch_client::models::MessagePost::text(smooch_client::models::Role::AppUser, "Hi")).await?;
/// let latest = client.get_messages("app_id", "user_id", Cursor::Latest).await?;
/// let a_day_ago = Timestamp::from(std::time::SystemTime::now() - std::time::Duration::from_secs(86_400));
/// let since_yesterday = client.get_messages("app_id", "user_id", Cursor::After(a_day_ago)).await?;
/// if let Some(next) = since_yesterday.next_cursor() {
///     let more = client.get_messages("app_id", "user_id", next).await?;
/// }
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[non_exhaustive]
pub enum Cursor {
    /// The latest 100 messages.
    #[default]
    Latest,
    /// The 100 messages received strictly before this time.
    Before(Timestamp),
    /// The 100 messages received strictly after this time.
    After(Timestamp),
}

/// Sent as the query `before=<time>` or `after=<time>` (nothing for the latest page): the API's
/// two keys, of which one at most is set, as one value that cannot set both.
impl QueryParams for Cursor {
    fn write_query(&self, request: &mut Request<'_>) {
        match self {
            Cursor::Latest => {}
            Cursor::Before(time) => request.query("at", "before", time),
            Cursor::After(time) => request.query("at", "after", time),
        }
    }
}

impl Cursor {
    /// The cursor a page link carries (`...?after=1471995721`), if any: a link without a
    /// `before` or `after` that is a number is not one.
    pub fn from_link(link: &str) -> Option<Cursor> {
        let url = reqwest::Url::parse(link).ok()?;
        url.query_pairs().find_map(|(key, value)| {
            let time = || {
                value
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(|s| s.try_into().ok())
            };
            match &*key {
                "before" => time().map(Cursor::Before),
                "after" => time().map(Cursor::After),
                _ => None,
            }
        })
    }
}

impl GetMessagesResponse {
    /// Where the next (newer) page starts, from the `next` link.
    pub fn next_cursor(&self) -> Option<Cursor> {
        self.next.as_deref().and_then(Cursor::from_link)
    }

    /// Where the previous (older) page starts, from the `previous` link.
    pub fn previous_cursor(&self) -> Option<Cursor> {
        self.previous.as_deref().and_then(Cursor::from_link)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: f64) -> Timestamp {
        Timestamp::from_unix_seconds(seconds).unwrap()
    }

    #[test]
    fn links_carry_cursors() {
        let base = "https://api.smooch.io/v1.1/apps/a/appusers/u%40x/messages";
        assert_eq!(
            Cursor::from_link(&format!("{base}?after=1471995721")),
            Some(Cursor::After(at(1471995721.0)))
        );
        assert_eq!(
            Cursor::from_link(&format!("{base}?x=1&before=1529600550.492")),
            Some(Cursor::Before(at(1529600550.492)))
        );
        for not_one in [
            base.to_owned(),
            format!("{base}?after=soon"),
            format!("{base}?after=NaN"),
            "not a url".to_owned(),
        ] {
            assert_eq!(Cursor::from_link(&not_one), None, "{not_one}");
        }
        let page = GetMessagesResponse::default()
            .with_next(format!("{base}?after=2"))
            .with_previous(format!("{base}?before=1"));
        assert_eq!(page.next_cursor(), Some(Cursor::After(at(2.0))));
        assert_eq!(page.previous_cursor(), Some(Cursor::Before(at(1.0))));
        assert_eq!(GetMessagesResponse::default().next_cursor(), None);
    }
}
