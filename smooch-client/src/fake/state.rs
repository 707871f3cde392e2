//! What the server and the [`FakeSmooch`](super::FakeSmooch) handle share.

use std::collections::VecDeque;
use std::sync::atomic::AtomicUsize;
use std::sync::{Mutex, MutexGuard};

use std::sync::Arc;

use super::auth::Key;
use super::delivery::Deliveries;
use super::faults::Fault;
use super::hooks::Hooks;
use super::store::Store;

/// The fake's credentials, base URL, store, queued faults, request count, webhooks and their
/// deliveries.
pub(crate) struct Shared {
    pub(crate) key: Key,
    pub(crate) base_url: String,
    pub(crate) store: Mutex<Store>,
    pub(crate) faults: Mutex<VecDeque<Fault>>,
    pub(crate) requests: AtomicUsize,
    pub(crate) hooks: Mutex<Hooks>,
    pub(crate) deliveries: Arc<Deliveries>,
}

impl Shared {
    /// The store; a handler that panicked cannot leave it half-written, so a poisoned lock is
    /// still usable.
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn hooks(&self) -> MutexGuard<'_, Hooks> {
        self.hooks
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn faults(&self) -> MutexGuard<'_, VecDeque<Fault>> {
        self.faults
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
