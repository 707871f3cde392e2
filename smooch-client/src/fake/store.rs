//! The fake's state: app users, their conversations and messages, uploaded media, menus and
//! sent notifications, per app.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;

use super::SentNotification;
use super::users::Users;
use crate::models::{AppUser, Conversation, Menu, Message, Timestamp};
use crate::paging::PAGE_ITEMS;

/// One user's conversation in one app.
#[derive(Debug, Clone)]
pub(crate) struct Thread {
    pub(crate) conversation: Conversation,
    /// Sorted by `received`, oldest first.
    pub(crate) messages: Vec<Message>,
    /// The last `received` handed out, in milliseconds, so the next one is later.
    last_received_ms: u64,
}

impl Thread {
    /// A timestamp in Unix seconds with a millisecond fraction, strictly later than every earlier
    /// one of this conversation.
    pub(crate) fn next_received(&mut self) -> Timestamp {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let now = u64::try_from(now).unwrap_or(u64::MAX);
        self.last_received_ms = now.max(self.last_received_ms.saturating_add(1));
        Timestamp::from_unix_millis(i64::try_from(self.last_received_ms).unwrap_or(i64::MAX))
    }

    /// Adds a message, keeping the order by `received` (equal timestamps keep insertion order).
    pub(crate) fn insert(&mut self, message: Message) {
        let millis = (message.received.as_unix_seconds() * 1000.0).ceil();
        if millis.is_finite() && millis > 0.0 {
            self.last_received_ms = self.last_received_ms.max(millis as u64);
        }
        let at = self
            .messages
            .partition_point(|m| m.received <= message.received);
        self.messages.insert(at, message);
    }

    /// One page, oldest first: the latest [`PAGE_ITEMS`], or that many strictly before or after a
    /// time. Also says whether older and newer messages remain outside the page.
    pub(crate) fn page(&self, before: Option<f64>, after: Option<f64>) -> Page<'_> {
        let all = &self.messages[..];
        let (start, end) = match (before, after) {
            (_, Some(after)) => {
                let start = all.partition_point(|m| m.received.as_unix_seconds() <= after);
                (start, (start + PAGE_ITEMS).min(all.len()))
            }
            (Some(before), None) => {
                let end = all.partition_point(|m| m.received.as_unix_seconds() < before);
                (end.saturating_sub(PAGE_ITEMS), end)
            }
            (None, None) => (all.len().saturating_sub(PAGE_ITEMS), all.len()),
        };
        Page {
            messages: &all[start..end],
            older: start > 0,
            newer: end < all.len(),
        }
    }
}

/// A page of messages and what lies outside it.
pub(crate) struct Page<'a> {
    pub(crate) messages: &'a [Message],
    pub(crate) older: bool,
    pub(crate) newer: bool,
}

/// Every user, conversation, medium, menu and notification, and the id counter.
#[derive(Debug, Default)]
pub(crate) struct Store {
    /// Keyed by app and the user's `_id`.
    threads: HashMap<(String, String), Thread>,
    pub(crate) users: Users,
    /// Uploaded files, keyed by their media id.
    pub(crate) media: HashMap<String, Media>,
    /// Each app's menu (none: no items).
    pub(crate) menus: HashMap<String, Menu>,
    /// Every notification accepted, oldest first, with its app.
    pub(crate) notifications: Vec<(String, SentNotification)>,
    /// API v2's users, conversations and custom integrations (separate from v1.1's).
    #[cfg(feature = "v2")]
    pub(crate) v2: super::v2::Store,
    pub(crate) ids: Ids,
}

/// An uploaded file, served at its media URL.
#[derive(Debug, Clone)]
pub(crate) struct Media {
    pub(crate) app_id: String,
    pub(crate) content_type: String,
    /// Served only with the app's credentials.
    pub(crate) private: bool,
    pub(crate) bytes: Bytes,
}

/// Hands out ids shaped like Smooch's (24 hex digits).
#[derive(Debug, Default)]
pub(crate) struct Ids(u64);

impl Ids {
    pub(crate) fn next(&mut self) -> String {
        self.0 += 1;
        format!("5f{:022x}", self.0)
    }
}

impl Store {
    /// The conversation of the user `user_id` (`_id` or `userId`) names.
    pub(crate) fn thread(&self, app_id: &str, user_id: &str) -> Option<&Thread> {
        let smooch_id = self.users.resolve(app_id, user_id)?;
        self.threads.get(&(app_id.to_owned(), smooch_id))
    }

    /// The conversation of the user `user_id` (`_id` or `userId`) names, to change.
    pub(crate) fn thread_mut(&mut self, app_id: &str, user_id: &str) -> Option<&mut Thread> {
        let smooch_id = self.users.resolve(app_id, user_id)?;
        self.threads.get_mut(&(app_id.to_owned(), smooch_id))
    }

    /// Deletes the user `user_id` names and their conversation; `false` if there is no such
    /// user.
    pub(crate) fn delete_user(&mut self, app_id: &str, user_id: &str) -> bool {
        match self.users.remove(app_id, user_id) {
            Some(user) => {
                self.threads.remove(&(app_id.to_owned(), user.id));
                true
            }
            None => false,
        }
    }

    /// The user's conversation, created (empty) on first use with the user (an implicit one,
    /// whose `_id` is `user_id`, when nobody has that id), and the id counter.
    pub(crate) fn thread_or_create(
        &mut self,
        app_id: &str,
        user_id: &str,
    ) -> (&mut Thread, &mut Ids) {
        let (thread, ids, _) = self.open(app_id, user_id);
        (thread, ids)
    }

    /// [`thread_or_create`](Self::thread_or_create), with the user.
    pub(crate) fn open(
        &mut self,
        app_id: &str,
        user_id: &str,
    ) -> (&mut Thread, &mut Ids, &AppUser) {
        let user = self.users.get_or_create(app_id, user_id);
        user.conversation_started = Some(true);
        let smooch_id = user.id.clone();
        let ids = &mut self.ids;
        let thread = self
            .threads
            .entry((app_id.to_owned(), smooch_id))
            .or_insert_with(|| Thread {
                conversation: Conversation {
                    id: ids.next().into(),
                    ..Conversation::default()
                },
                messages: Vec::new(),
                last_received_ms: 0,
            });
        (thread, ids, user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(received: f64) -> Message {
        Message {
            received: Timestamp::try_from(received).unwrap(),
            ..Message::default()
        }
    }

    fn thread(times: &[f64]) -> Thread {
        let mut store = Store::default();
        let (thread, _) = store.thread_or_create("a", "u");
        for time in times {
            thread.insert(message(*time));
        }
        thread.clone()
    }

    #[test]
    fn timestamps_strictly_increase() {
        let mut t = thread(&[]);
        let times: Vec<f64> = (0..50)
            .map(|_| t.next_received().as_unix_seconds())
            .collect();
        assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
        assert!(times[0] > 1.6e9, "unix seconds");
    }

    #[test]
    fn seeded_future_times_push_the_clock() {
        let mut t = thread(&[4_000_000_000.5]);
        assert!(t.next_received().as_unix_seconds() > 4_000_000_000.5);
    }

    #[test]
    fn a_seeded_time_past_the_clock_s_range_saturates_it() {
        for far in [1e300, f64::MAX, u64::MAX as f64 / 1000.0] {
            let mut t = thread(&[far]);
            let next = t.next_received();
            assert!(next.as_unix_seconds().is_finite(), "{far}");
            let again = t.next_received();
            assert!(again >= next, "{far}");
        }
    }

    #[test]
    fn pages_are_latest_or_strictly_before_or_after() {
        let times: Vec<f64> = (1..=250).map(f64::from).collect();
        let t = thread(&times);
        let latest = t.page(None, None);
        assert_eq!(
            (
                latest.messages[0].received.as_unix_seconds(),
                latest.messages.len()
            ),
            (151.0, 100)
        );
        assert!(latest.older && !latest.newer);
        let before = t.page(Some(151.0), None);
        assert_eq!(
            (
                before.messages[0].received.as_unix_seconds(),
                before.messages[99].received.as_unix_seconds()
            ),
            (51.0, 150.0)
        );
        let after = t.page(None, Some(200.0));
        assert_eq!(
            (
                after.messages[0].received.as_unix_seconds(),
                after.messages.len()
            ),
            (201.0, 50)
        );
        assert!(after.older && !after.newer);
        let first = t.page(Some(51.0), None);
        assert_eq!(first.messages.len(), 50);
        assert!(!first.older && first.newer);
    }

    #[test]
    fn equal_timestamps_keep_insertion_order() {
        let mut t = thread(&[1.0, 2.0]);
        let mut late = message(1.0);
        late.id = "late".into();
        t.insert(late);
        assert_eq!(t.messages[1].id, "late");
    }
}
