//! [`DeliveryKey`] and [`DedupKey`]: what identifies one event among Smooch's deliveries, per
//! trigger.

use std::hash::Hasher;

use super::event::Event;
use super::parts::{Destination, ExternalMessage};
use crate::models::Timestamp;

/// What identifies one event for a [`Dedup`](super::Dedup): every delivery of the same event has
/// the same key, and different events have different keys as far as the payload allows.
///
/// A key is **exact** when the payload tells every occurrence apart (an id of the event, of the
/// messages it carries, or the event's `timestamp`), and **ambiguous** when it does not: a v1.1
/// postback without a `timestamp` has the same payload when the user taps the same button
/// twice, so a redelivery and a second tap have the same key. What a
/// [`Dedup`](super::Dedup) does with an ambiguous key is its [`Ambiguous`](super::Ambiguous)
/// setting.
///
/// A key is a list of parts; two keys are equal when their parts and exactness are. The parts
/// are ids and the like, never a message's text.
///
/// ```
/// use smooch_client::webhook::DeliveryKey;
///
/// // An event that carries its own id (as API v2 events do).
/// let key = DeliveryKey::exact(["v2", "5f3c2b1a0e9d8c7b6a5f4e3d"]);
/// assert!(key.is_exact());
/// assert_eq!(key.parts().collect::<Vec<_>>(), ["v2", "5f3c2b1a0e9d8c7b6a5f4e3d"]);
/// assert_ne!(key, DeliveryKey::ambiguous(["v2", "5f3c2b1a0e9d8c7b6a5f4e3d"]));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeliveryKey {
    parts: Vec<String>,
    exact: bool,
}

impl DeliveryKey {
    /// A key that identifies one occurrence: two deliveries with equal exact keys are the same
    /// event.
    pub fn exact<I>(parts: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        DeliveryKey {
            parts: parts.into_iter().map(Into::into).collect(),
            exact: true,
        }
    }

    /// A key that cannot tell a repeat of the same action from a redelivery of it.
    pub fn ambiguous<I>(parts: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        DeliveryKey {
            exact: false,
            ..DeliveryKey::exact(parts)
        }
    }

    /// Whether the key tells every occurrence apart.
    pub fn is_exact(&self) -> bool {
        self.exact
    }

    /// The parts, in order.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(String::as_str)
    }

    /// Feeds the key to `hasher`, each part with its length so that no two lists of parts
    /// read the same.
    pub(super) fn write_to(&self, hasher: &mut impl Hasher) {
        hasher.write_u8(u8::from(self.exact));
        for part in &self.parts {
            hasher.write_usize(part.len());
            hasher.write(part.as_bytes());
        }
    }
}

/// Something a [`Dedup`](super::Dedup) can recognise when it comes again: it names the
/// [`DeliveryKey`] of the event it is.
///
/// [`Event`] (API v1.1 and v1 webhooks) implements it per trigger (see
/// [its implementation](#impl-DedupKey-for-Event)); an event type that carries its own id, as
/// API v2 events do, implements it with [`DeliveryKey::exact`] of that id. A key is its own
/// key, to de-duplicate anything you name yourself.
///
/// ```
/// use smooch_client::webhook::{DedupKey, DeliveryKey};
///
/// /// An event of another source, with an id of its own.
/// struct Incoming {
///     id: String,
/// }
///
/// impl DedupKey for Incoming {
///     fn dedup_key(&self) -> DeliveryKey {
///         DeliveryKey::exact(["incoming", self.id.as_str()])
///     }
/// }
/// # assert!(Incoming { id: "1".into() }.dedup_key().is_exact());
/// ```
pub trait DedupKey {
    /// The key of this event: equal for every delivery of it.
    fn dedup_key(&self) -> DeliveryKey;
}

impl DedupKey for DeliveryKey {
    fn dedup_key(&self) -> DeliveryKey {
        self.clone()
    }
}

/// The key of a v1.1 (or v1) webhook event: the app, the trigger, and what tells the event
/// apart, per trigger.
///
/// | trigger | key | exact? |
/// |---|---|---|
/// | `message:appUser`, `message:appMaker` | the messages' `_id`s | yes: a message is sent once |
/// | `postback` | the user; per tap, the message's `_id` (none for a persistent-menu item), the action's `_id` and `payload`; the event's `timestamp` | only with a `timestamp` |
/// | `payment:success` | the charges' ids | yes, when every payment names its charge |
/// | `merge:appUser` | the surviving and the discarded users | yes: discarded users no longer exist |
/// | `delivery:*`, `message:delivery:*` | the message ids, the destination, the channel's message ids, the `timestamp` | only with a `timestamp` |
/// | `notification:delivery:*` | the notification's id, the destination, the channel's message ids, the `timestamp` | only with a `timestamp` |
/// | `conversation:*`, `typing:appUser`, `link:*`, `client:*`, `appUser:delete` | the user (and the source, referral, activity or channel), the `timestamp` | only with a `timestamp` |
/// | a trigger this crate does not know | the whole payload | no |
///
/// **Postbacks.** v1.1 postbacks carry no id of their own, and Smooch's documented postback
/// payload has no `timestamp`: then the same button tapped twice on the same message gives
/// the same payload twice, exactly as a redelivery does, and nothing can tell the two apart.
/// Keying on the message `_id` and the trigger alone would also merge taps of different
/// buttons. A [`Dedup`](super::Dedup) handles such ambiguous keys every time by default (a tap
/// is never swallowed; a redelivered one is handled again), or, if you ask, as duplicates
/// ([`Ambiguous`](super::Ambiguous)). Where each tap must count exactly once, use `reply`
/// buttons: a tap on one is a user message with its own `_id` (and the button's `payload`).
///
/// ```
/// use smooch_client::webhook::{DedupKey, Event};
///
/// let tap = |timestamp: &str| {
///     Event::from_slice(format!(r#"{{"trigger": "postback", "app": {{"_id": "app_1"}},
///         "appUser": {{"_id": "u1"}}, {timestamp}
///         "postbacks": [{{"message": {{"_id": "m1", "type": "text", "role": "appMaker",
///                                     "authorId": "a", "received": 1.5}},
///                        "action": {{"_id": "b1", "type": "postback", "text": "Yes", "payload": "YES"}}}}]}}"#)
///         .as_bytes())
/// };
/// // With the event's time, two taps differ and a redelivery does not.
/// let first = tap(r#""timestamp": 1704877300.75,"#)?.dedup_key();
/// let second = tap(r#""timestamp": 1704877302.05,"#)?.dedup_key();
/// assert!(first.is_exact() && first != second);
/// assert_eq!(first, tap(r#""timestamp": 1704877300.75,"#)?.dedup_key());
/// // Without it, they cannot be told apart.
/// let untimed = tap("")?.dedup_key();
/// assert!(!untimed.is_exact());
/// # Ok::<(), smooch_client::webhook::WebhookError>(())
/// ```
impl DedupKey for Event {
    fn dedup_key(&self) -> DeliveryKey {
        let mut key = Parts(vec![
            self.app_id().unwrap_or_default().to_owned(),
            self.trigger().to_owned(),
        ]);
        let identified = key.specific(self);
        // An id already tells the event apart: the time would only add a way to differ.
        let exact = identified || key.time(self.timestamp());
        let Parts(parts) = key;
        if exact {
            DeliveryKey::exact(parts)
        } else {
            DeliveryKey::ambiguous(parts)
        }
    }
}

/// A key being built.
struct Parts(Vec<String>);

impl Parts {
    fn push(&mut self, part: impl Into<String>) {
        self.0.push(part.into());
    }

    /// An optional part: absent is empty.
    fn opt(&mut self, part: Option<&str>) {
        self.push(part.unwrap_or_default());
    }

    /// The user the event is about.
    fn user(&mut self, event: &Event) {
        self.opt(event.app_user().map(|user| user.id.as_str()));
    }

    /// The event's time, exactly as sent; whether there was one.
    fn time(&mut self, timestamp: Option<Timestamp>) -> bool {
        match timestamp {
            Some(time) => {
                self.push(format!("t={}", time.as_unix_seconds()));
                true
            }
            None => false,
        }
    }

    fn destination(&mut self, destination: Option<&Destination>) {
        self.opt(destination.and_then(|d| d.r#type.as_deref()));
        self.opt(destination.and_then(|d| d.integration_id.as_deref()));
        self.opt(destination.and_then(|d| d.destination_id.as_deref()));
    }

    fn external(&mut self, messages: &[ExternalMessage]) {
        for message in messages {
            self.opt(message.id.as_deref());
        }
    }

    /// Pushes what identifies this trigger's event; whether it identifies one occurrence
    /// without the time.
    fn specific(&mut self, event: &Event) -> bool {
        match event {
            Event::MessageAppUser(e) | Event::MessageAppMaker(e) => {
                self.ids(e.messages.iter().map(|m| m.id.as_str()))
            }
            Event::DeliverySuccess(e) | Event::DeliveryFailure(e) => {
                self.user(event);
                self.destination(e.destination.as_ref());
                self.ids(e.messages.iter().map(|m| m.id.as_str()));
                false
            }
            Event::Postback(e) => {
                self.user(event);
                for tap in &e.postbacks {
                    self.opt(tap.message.as_ref().map(|m| m.id.as_str()));
                    self.opt(tap.action.id.as_deref());
                    self.opt(tap.action.payload.as_deref());
                }
                false
            }
            Event::PaymentSuccess(e) => {
                let charges = e.payments.iter().map(|p| p.charge.as_ref()?.id.as_deref());
                let charges: Option<Vec<&str>> = charges.collect();
                match charges {
                    Some(charges) => self.ids(charges),
                    None => {
                        self.user(event);
                        for payment in &e.payments {
                            self.opt(payment.action.as_ref().and_then(|a| a.id.as_deref()));
                        }
                        false
                    }
                }
            }
            Event::MergeAppUser(e) => {
                self.opt(e.surviving.as_ref().map(|user| user.id.as_str()));
                let discarded = self.ids(e.discarded.iter().map(|user| user.id.as_str()));
                e.surviving.is_some() && discarded
            }
            Event::MessageDeliveryChannel(e)
            | Event::MessageDeliveryUser(e)
            | Event::MessageDeliveryFailure(e) => {
                self.user(event);
                self.opt(e.message.as_ref().map(|m| m.id.as_str()));
                self.destination(e.destination.as_ref());
                self.external(&e.external_messages);
                false
            }
            Event::NotificationDeliveryChannel(e)
            | Event::NotificationDeliveryUser(e)
            | Event::NotificationDeliveryFailure(e) => {
                self.opt(e.notification.as_ref().map(|n| n.id.as_str()));
                self.destination(e.destination.as_ref());
                self.external(&e.external_messages);
                false
            }
            Event::ConversationStart(e)
            | Event::ConversationRead(e)
            | Event::ConversationReferral(e) => {
                self.user(event);
                self.opt(e.source.as_ref().and_then(|s| s.r#type.as_deref()));
                self.opt(e.referral.as_ref().and_then(|r| r.code.as_deref()));
                false
            }
            Event::TypingAppUser(e) => {
                self.user(event);
                self.opt(e.activity.as_ref().map(|a| a.r#type.as_str()));
                false
            }
            Event::LinkSuccess(e) | Event::LinkMatch(e) | Event::LinkFailure(e) => {
                self.user(event);
                self.opt(e.channel.as_deref());
                false
            }
            Event::ClientAdd(_) | Event::ClientRemove(_) | Event::AppUserDelete(_) => {
                self.user(event);
                false
            }
            Event::Unknown { raw, .. } => {
                self.push(raw.to_string());
                false
            }
        }
    }

    /// Ids that each name one occurrence: whether there is at least one, and none is empty.
    fn ids<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) -> bool {
        let mut all = true;
        let mut any = false;
        for id in ids {
            all &= !id.is_empty();
            any = true;
            self.push(id);
        }
        any && all
    }
}
