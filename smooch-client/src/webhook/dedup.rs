//! [`Dedup`]: remembers which events were handled, so that Smooch's redeliveries are handled
//! once.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::future::Future;
use std::hash::BuildHasher;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::key::{DedupKey, DeliveryKey};

/// How many events a [`Dedup`] remembers by default.
pub const DEFAULT_CAPACITY: usize = 50_000;
/// How long a [`Dedup`] remembers an event by default: an hour, well past the 15 minutes over
/// which Smooch retries.
pub const DEFAULT_MAX_AGE: Duration = Duration::from_secs(60 * 60);
/// The most memory one remembered event takes, in bytes, whatever its payload: keys are kept as
/// 128-bit digests, in a map and a queue that at most double their room when they grow.
pub const BYTES_PER_EVENT: usize = 128;

/// What a [`Dedup`] does with a key that cannot tell a repeated action from a redelivery of it
/// ([`DeliveryKey::is_exact`] is `false`, e.g. a v1.1 postback without a `timestamp`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ambiguous {
    /// Handle every delivery (the default): a user's second tap is never dropped, and a
    /// redelivery of the same tap is handled again.
    #[default]
    HandleEach,
    /// Treat equal keys as the same event, as exact keys are: a redelivery is handled once, and
    /// so is the same button tapped twice on the same message within the de-duplicator's age.
    Deduplicate,
}

/// A bounded, concurrent memory of the events handled, so that an event Smooch delivers again
/// (after an answer that was lost, late or an error) is handled once.
///
/// Each event is recognised by its [`DeliveryKey`] ([`DedupKey`]; [`Event`](super::Event)'s
/// keys, per trigger, are documented on its implementation). [`claim`](Self::claim) tells
/// whether an event is new, handled already, or being handled right now; a new one is
/// remembered as handled only once its [`Ticket`] says [`done`](Ticket::done), so a failed
/// attempt is handled again when Smooch retries it. [`guard`](Self::guard) wraps a handler
/// function with all of it, for [`axum::handler`](super::axum) in one line:
///
/// ```
/// use smooch_client::webhook::{Dedup, Event, Receiver, Verifier};
///
/// async fn on_event(event: Event) -> Result<(), std::io::Error> {
///     // ... answer the user ...
/// #   let _ = event;
///     Ok(())
/// }
///
/// # #[cfg(feature = "axum")] {
/// let receiver = Receiver::new(Verifier::new("secret-of-the-webhook"));
/// let route = smooch_client::webhook::axum::handler(receiver, Dedup::default().guard(on_event));
/// let app: axum::Router = axum::Router::new().route("/smooch", route);
/// # }
/// ```
///
/// **Bounds.** It remembers at most [`capacity`](Self::with_capacity) events (default
/// [`DEFAULT_CAPACITY`]; the oldest is forgotten first) for at most
/// [`max_age`](Self::with_max_age) (default [`DEFAULT_MAX_AGE`]). An event takes at most
/// [`BYTES_PER_EVENT`] bytes whatever its payload (2.5 MB for 20,000 events, 6.4 MB for the
/// default), and nothing is allocated before events come. Size the capacity to hold at least
/// the events of 15 minutes (Smooch's retry window): an event forgotten early is handled
/// again if it comes again. Memory is per process: several instances of a bot behind a load
/// balancer each remember what they handled.
///
/// **Concurrency.** Clones share one memory behind one lock, held for a few map operations per
/// call (forgetting what is too old included, each event once). A delivery that comes while
/// another delivery of the same event is being handled is [`Claim::InProgress`].
#[derive(Clone)]
pub struct Dedup {
    shared: Arc<Shared>,
}

struct Shared {
    capacity: usize,
    max_age: Duration,
    ambiguous: Ambiguous,
    /// Two independent keyed hashes make a key's 128-bit digest.
    hashers: [RandomState; 2],
    /// Times are kept as milliseconds since this instant.
    start: Instant,
    memory: Mutex<Memory>,
}

/// A key's digest: collisions are as likely as guessing two random 64-bit keys.
type Digest = [u64; 2];

/// The events remembered: by digest, and in the order they came (to forget the oldest).
#[derive(Default)]
struct Memory {
    slots: HashMap<Digest, Slot>,
    order: VecDeque<Entry>,
    next: u64,
}

/// A remembered event: its claim's sequence number, and whether it was handled (lowest bit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot(u64);

impl Slot {
    fn handling(seq: u64) -> Self {
        Slot(seq << 1)
    }

    fn handled(seq: u64) -> Self {
        Slot((seq << 1) | 1)
    }

    fn seq(self) -> u64 {
        self.0 >> 1
    }

    fn is_handled(self) -> bool {
        self.0 & 1 == 1
    }
}

/// An event in the order they came.
#[derive(Clone, Copy)]
struct Entry {
    digest: Digest,
    seq: u64,
    /// When it was claimed, in milliseconds since [`Shared::start`].
    at: u64,
}

fn lock(mutex: &Mutex<Memory>) -> MutexGuard<'_, Memory> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

impl Memory {
    /// Forgets the oldest event (if a later claim has not replaced its slot).
    fn forget_oldest(&mut self) {
        if let Some(entry) = self.order.pop_front()
            && self.slots.get(&entry.digest).map(|slot| slot.seq()) == Some(entry.seq)
        {
            self.slots.remove(&entry.digest);
        }
    }

    /// Forgets the events claimed `max_age` or longer before `now`.
    fn expire(&mut self, now: u64, max_age: u64) {
        while self
            .order
            .front()
            .is_some_and(|oldest| now.saturating_sub(oldest.at) >= max_age)
        {
            self.forget_oldest();
        }
    }

    /// Sets the slot of `digest` to `slot` if it is still the claim `seq`'s; removes it when
    /// `slot` is `None`.
    fn settle(&mut self, digest: &Digest, seq: u64, slot: Option<Slot>) {
        if self.slots.get(digest).map(|s| s.seq()) != Some(seq) {
            return; // forgotten already (too old, or pushed out)
        }
        match slot {
            Some(slot) => {
                self.slots.insert(*digest, slot);
            }
            None => {
                self.slots.remove(digest);
            }
        }
    }
}

impl Default for Dedup {
    fn default() -> Self {
        Dedup::build(DEFAULT_CAPACITY, DEFAULT_MAX_AGE, Ambiguous::default())
    }
}

impl Dedup {
    /// A de-duplicator with the default bounds ([`DEFAULT_CAPACITY`], [`DEFAULT_MAX_AGE`]), that
    /// handles each delivery of an ambiguous key ([`Ambiguous::HandleEach`]).
    pub fn new() -> Self {
        Dedup::default()
    }

    fn build(capacity: usize, max_age: Duration, ambiguous: Ambiguous) -> Self {
        Dedup {
            shared: Arc::new(Shared {
                capacity,
                max_age,
                ambiguous,
                hashers: [RandomState::new(), RandomState::new()],
                start: Instant::now(),
                memory: Mutex::default(),
            }),
        }
    }

    /// A new, empty de-duplicator remembering at most `capacity` events (0 remembers none:
    /// every delivery is handled).
    pub fn with_capacity(self, capacity: usize) -> Self {
        Dedup::build(capacity, self.max_age(), self.ambiguous())
    }

    /// A new, empty de-duplicator remembering each event for at most `max_age`.
    pub fn with_max_age(self, max_age: Duration) -> Self {
        Dedup::build(self.capacity(), max_age, self.ambiguous())
    }

    /// A new, empty de-duplicator treating ambiguous keys as `ambiguous` says.
    pub fn with_ambiguous(self, ambiguous: Ambiguous) -> Self {
        Dedup::build(self.capacity(), self.max_age(), ambiguous)
    }

    /// The most events remembered.
    pub fn capacity(&self) -> usize {
        self.shared.capacity
    }

    /// How long an event is remembered.
    pub fn max_age(&self) -> Duration {
        self.shared.max_age
    }

    /// What is done with ambiguous keys.
    pub fn ambiguous(&self) -> Ambiguous {
        self.shared.ambiguous
    }

    /// How many events are remembered now (handled, or being handled).
    pub fn len(&self) -> usize {
        lock(&self.shared.memory).slots.len()
    }

    /// Whether no event is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `event` is new, handled already, or being handled now; a new one is remembered
    /// as being handled until its [`Ticket`] is done (handled) or dropped (forgotten).
    ///
    /// ```
    /// use smooch_client::webhook::{Claim, Dedup, DeliveryKey};
    ///
    /// let dedup = Dedup::new();
    /// let event = DeliveryKey::exact(["app_1", "message:appUser", "65a2c0de1f9b4e37a8d05c11"]);
    ///
    /// let Claim::New(ticket) = dedup.claim(&event) else { unreachable!() };
    /// // Delivered again while the first delivery is being handled:
    /// assert!(matches!(dedup.claim(&event), Claim::InProgress));
    /// ticket.done();
    /// // Delivered again after it was handled:
    /// assert!(matches!(dedup.claim(&event), Claim::Duplicate));
    ///
    /// // A ticket dropped without `done` (the handling failed) forgets the event.
    /// let other = DeliveryKey::exact(["app_1", "message:appUser", "65a2c0de1f9b4e37a8d05c12"]);
    /// drop(dedup.claim(&other));
    /// assert!(matches!(dedup.claim(&other), Claim::New(_)));
    /// ```
    pub fn claim<T: DedupKey + ?Sized>(&self, event: &T) -> Claim {
        self.claim_at(&event.dedup_key(), Instant::now())
    }

    fn claim_at(&self, key: &DeliveryKey, now: Instant) -> Claim {
        let shared = &self.shared;
        if shared.capacity == 0 || (!key.is_exact() && shared.ambiguous == Ambiguous::HandleEach) {
            return Claim::New(Ticket { held: None });
        }
        let digest = self.digest(key);
        let now = millis(now.saturating_duration_since(shared.start));
        let mut memory = lock(&shared.memory);
        memory.expire(now, millis(shared.max_age));
        if let Some(slot) = memory.slots.get(&digest) {
            return if slot.is_handled() {
                Claim::Duplicate
            } else {
                Claim::InProgress
            };
        }
        let seq = memory.next;
        memory.next += 1;
        memory.slots.insert(digest, Slot::handling(seq));
        memory.order.push_back(Entry {
            digest,
            seq,
            at: now,
        });
        while memory.order.len() > shared.capacity {
            memory.forget_oldest();
        }
        Claim::New(Ticket {
            held: Some(Held {
                shared: shared.clone(),
                digest,
                seq,
            }),
        })
    }

    fn digest(&self, key: &DeliveryKey) -> Digest {
        self.shared.hashers.each_ref().map(|state| {
            let mut hasher = state.build_hasher();
            key.write_to(&mut hasher);
            std::hash::Hasher::finish(&hasher)
        })
    }

    /// `on_event`, run once per event: a delivery of an event handled already answers `Ok`
    /// without running it, one that comes while the same event is being handled answers
    /// [`DedupError::InProgress`] (so that Smooch sends it again later), and an `Err` of
    /// `on_event` forgets the event, so that Smooch's retry runs it again.
    ///
    /// The result fits [`webhook::axum::handler`](super::axum) (an error answers 500, which
    /// Smooch retries). The claim is made when the returned function is called; a future
    /// dropped before it ends (a request cancelled) forgets the event. The unit is the event:
    /// one whose handling did part of its work (answered the first of two messages) and then
    /// failed is handled again whole.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() {
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use std::sync::Arc;
    /// use smooch_client::webhook::{Dedup, DedupError, DeliveryKey};
    ///
    /// let runs = Arc::new(AtomicUsize::new(0));
    /// let counter = runs.clone();
    /// let handle = Dedup::new().guard(move |_event: DeliveryKey| {
    ///     let counter = counter.clone();
    ///     async move {
    ///         counter.fetch_add(1, Ordering::SeqCst);
    ///         Ok::<(), String>(())
    ///     }
    /// });
    /// let event = DeliveryKey::exact(["app_1", "message:appUser", "65a2c0de1f9b4e37a8d05c11"]);
    /// assert_eq!(handle(event.clone()).await, Ok(()));
    /// assert_eq!(handle(event).await, Ok(()), "a redelivery");
    /// assert_eq!(runs.load(Ordering::SeqCst), 1);
    /// # }
    /// ```
    pub fn guard<T, F, Fut, E>(
        &self,
        on_event: F,
    ) -> impl Fn(T) -> Guarded<E> + Clone + Send + Sync + 'static
    where
        T: DedupKey + Send + 'static,
        F: Fn(T) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
        E: Send + 'static,
    {
        let dedup = self.clone();
        move |event: T| -> Guarded<E> {
            let claim = dedup.claim(&event);
            let on_event = on_event.clone();
            Box::pin(async move {
                match claim {
                    Claim::Duplicate => {
                        tracing::debug!("webhook event handled already; not handled again");
                        Ok(())
                    }
                    Claim::InProgress => Err(DedupError::InProgress),
                    Claim::New(ticket) => {
                        on_event(event).await.map_err(DedupError::Handler)?;
                        ticket.done();
                        Ok(())
                    }
                }
            })
        }
    }
}

impl fmt::Debug for Dedup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dedup")
            .field("capacity", &self.capacity())
            .field("max_age", &self.max_age())
            .field("ambiguous", &self.ambiguous())
            .field("remembered", &self.len())
            .finish()
    }
}

/// The future a [`Dedup::guard`]ed function returns.
pub type Guarded<E> = Pin<Box<dyn Future<Output = Result<(), DedupError<E>>> + Send + 'static>>;

/// Whether an event is new to a [`Dedup`] ([`Dedup::claim`]).
#[derive(Debug)]
#[must_use = "a new event's ticket says whether it was handled"]
#[non_exhaustive]
pub enum Claim {
    /// Handle it, then call [`Ticket::done`]. Also every delivery of an ambiguous key that the
    /// de-duplicator handles each time, whose ticket remembers nothing.
    New(Ticket),
    /// Handled already: answer success without handling it again.
    Duplicate,
    /// Another delivery of it is being handled right now (the first took longer than Smooch
    /// waits, or the event went to two of your webhooks): answer an error, so that Smooch
    /// sends it again once the first is done.
    InProgress,
}

/// A claim on a new event: [`done`](Self::done) remembers it as handled; dropping the ticket
/// instead (an error, a panic, a cancelled request) forgets it, so that a redelivery is
/// handled.
#[must_use = "dropping the ticket forgets the event: call `done` once it is handled"]
pub struct Ticket {
    held: Option<Held>,
}

struct Held {
    shared: Arc<Shared>,
    digest: Digest,
    seq: u64,
}

impl Ticket {
    /// The event was handled: later deliveries of it are [`Claim::Duplicate`] (until it is
    /// forgotten for age or room).
    pub fn done(mut self) {
        if let Some(held) = self.held.take() {
            lock(&held.shared.memory).settle(&held.digest, held.seq, Some(Slot::handled(held.seq)));
        }
    }

    /// Whether the de-duplicator remembers this claim (`false` for an ambiguous key handled
    /// each time, or a capacity of 0).
    pub fn is_remembered(&self) -> bool {
        self.held.is_some()
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Some(held) = self.held.take() {
            lock(&held.shared.memory).settle(&held.digest, held.seq, None);
        }
    }
}

impl fmt::Debug for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ticket")
            .field("remembered", &self.is_remembered())
            .finish()
    }
}

/// Why a [`Dedup::guard`]ed function did not end with `Ok`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DedupError<E> {
    /// Another delivery of the same event was being handled: not handled twice at once, and
    /// not answered as done, since that delivery may still fail.
    #[error(
        "another delivery of this event is still being handled; answered as a failure so that \
         Smooch sends it again"
    )]
    InProgress,
    /// The function failed; the event is forgotten, so a redelivery runs it again.
    #[error("{0}")]
    Handler(E),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str) -> DeliveryKey {
        DeliveryKey::exact(["app", "message:appUser", id])
    }

    fn is_new(claim: &Claim) -> bool {
        matches!(claim, Claim::New(_))
    }

    #[test]
    fn a_handled_event_is_a_duplicate_and_a_failed_one_is_new_again() {
        let dedup = Dedup::new();
        let now = Instant::now();
        let Claim::New(ticket) = dedup.claim_at(&key("m1"), now) else {
            panic!("new");
        };
        assert!(ticket.is_remembered());
        assert!(matches!(dedup.claim_at(&key("m1"), now), Claim::InProgress));
        assert!(is_new(&dedup.claim_at(&key("m2"), now)), "another event");
        ticket.done();
        assert!(matches!(dedup.claim_at(&key("m1"), now), Claim::Duplicate));

        let failed = dedup.claim_at(&key("m3"), now);
        drop(failed);
        let Claim::New(retry) = dedup.claim_at(&key("m3"), now) else {
            panic!("a failed event is handled again");
        };
        retry.done();
        assert!(matches!(dedup.claim_at(&key("m3"), now), Claim::Duplicate));
        assert_eq!(dedup.len(), 2, "m1 and m3; m2's ticket was dropped");
    }

    #[test]
    fn an_exact_key_differs_from_an_ambiguous_one_with_the_same_parts() {
        let dedup = Dedup::new().with_ambiguous(Ambiguous::Deduplicate);
        let now = Instant::now();
        let Claim::New(exact) = dedup.claim_at(&key("m1"), now) else {
            panic!("new");
        };
        exact.done();
        let ambiguous = DeliveryKey::ambiguous(["app", "message:appUser", "m1"]);
        assert!(is_new(&dedup.claim_at(&ambiguous, now)));
        // Parts are length-prefixed: ["ab", "c"] is not ["a", "bc"].
        let Claim::New(ab) = dedup.claim_at(&DeliveryKey::exact(["ab", "c"]), now) else {
            panic!("new");
        };
        ab.done();
        assert!(is_new(
            &dedup.claim_at(&DeliveryKey::exact(["a", "bc"]), now)
        ));
    }

    #[test]
    fn ambiguous_keys_are_handled_each_time_unless_asked() {
        let each = Dedup::new();
        let tap = DeliveryKey::ambiguous(["app", "postback", "u1", "m1", "b1", "YES"]);
        for _ in 0..3 {
            let Claim::New(ticket) = each.claim_at(&tap, Instant::now()) else {
                panic!("handled each time");
            };
            assert!(!ticket.is_remembered());
            ticket.done();
        }
        assert!(each.is_empty());

        let collapse = Dedup::new().with_ambiguous(Ambiguous::Deduplicate);
        let Claim::New(ticket) = collapse.claim_at(&tap, Instant::now()) else {
            panic!("new");
        };
        ticket.done();
        assert!(matches!(
            collapse.claim_at(&tap, Instant::now()),
            Claim::Duplicate
        ));
    }

    #[test]
    fn the_oldest_events_are_forgotten_beyond_the_capacity() {
        let dedup = Dedup::new().with_capacity(3);
        let now = Instant::now();
        for id in ["m1", "m2", "m3", "m4"] {
            let Claim::New(ticket) = dedup.claim_at(&key(id), now) else {
                panic!("new");
            };
            ticket.done();
        }
        assert_eq!(dedup.len(), 3);
        assert!(is_new(&dedup.claim_at(&key("m1"), now)), "pushed out");
        // m1's new claim pushed out m2 (a dropped ticket's place stays until pushed out).
        assert!(is_new(&dedup.claim_at(&key("m2"), now)));
        assert!(matches!(dedup.claim_at(&key("m4"), now), Claim::Duplicate));
        assert!(dedup.shared.memory.lock().unwrap().order.len() <= 3);
    }

    #[test]
    fn events_are_forgotten_at_their_age() {
        let dedup = Dedup::new().with_max_age(Duration::from_secs(60));
        let start = dedup.shared.start;
        let Claim::New(ticket) = dedup.claim_at(&key("m1"), start) else {
            panic!("new");
        };
        ticket.done();
        let later = |secs| start + Duration::from_secs(secs);
        assert!(matches!(
            dedup.claim_at(&key("m1"), later(59)),
            Claim::Duplicate
        ));
        assert!(is_new(&dedup.claim_at(&key("m1"), later(60))), "too old");
        assert_eq!(dedup.len(), 0, "the new claim's ticket was dropped");
    }

    #[test]
    fn a_ticket_of_a_forgotten_claim_changes_nothing() {
        let dedup = Dedup::new().with_capacity(1);
        let now = Instant::now();
        let Claim::New(first) = dedup.claim_at(&key("m1"), now) else {
            panic!("new");
        };
        // m2 pushes m1 out while m1 is being handled; m1 comes again and is claimed anew.
        let Claim::New(second) = dedup.claim_at(&key("m2"), now) else {
            panic!("new");
        };
        drop(second);
        let Claim::New(again) = dedup.claim_at(&key("m1"), now) else {
            panic!("forgotten, so new");
        };
        // The first ticket ends: it must not settle the second claim of m1.
        drop(first);
        assert!(matches!(dedup.claim_at(&key("m1"), now), Claim::InProgress));
        again.done();
        assert!(matches!(dedup.claim_at(&key("m1"), now), Claim::Duplicate));
    }

    #[test]
    fn a_capacity_of_zero_remembers_nothing() {
        let dedup = Dedup::new().with_capacity(0);
        for _ in 0..2 {
            let Claim::New(ticket) = dedup.claim(&key("m1")) else {
                panic!("new");
            };
            ticket.done();
        }
        assert!(dedup.is_empty());
    }

    #[test]
    fn an_event_claimed_from_many_threads_is_new_once() {
        let dedup = Dedup::new();
        let new = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for id in 0..200 {
                        if let Claim::New(ticket) = dedup.claim(&key(&id.to_string())) {
                            new.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                            ticket.done();
                        }
                    }
                });
            }
        });
        assert_eq!(new.into_inner(), 200);
        assert_eq!(dedup.len(), 200);
    }

    #[test]
    fn an_event_takes_at_most_the_documented_memory() {
        // The queue holds one entry per event and at most doubles its room; the map's buckets
        // (an entry and a control byte) are at most twice the events over its 7/8 load.
        let queue = 2 * std::mem::size_of::<Entry>();
        let map = (2 * 8 * (std::mem::size_of::<(Digest, Slot)>() + 1)).div_ceil(7);
        assert!(queue + map <= BYTES_PER_EVENT, "{queue} + {map}");
    }

    #[test]
    fn debug_shows_the_bounds_and_no_key() {
        let dedup = Dedup::new();
        dedup.claim(&key("secret-looking-id")).done_for_test();
        let debug = format!("{dedup:?}");
        assert!(debug.contains("capacity: 50000"), "{debug}");
        assert!(debug.contains("remembered: 1"), "{debug}");
        assert!(!debug.contains("secret-looking-id"), "{debug}");
    }

    impl Claim {
        fn done_for_test(self) {
            if let Claim::New(ticket) = self {
                ticket.done();
            }
        }
    }
}
