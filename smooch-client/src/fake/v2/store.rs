//! The fake's v2 state, per app: users (and their clients), conversations (with their
//! participants and messages) and custom integrations (with their webhooks). It lives in the fake's one store, beside the
//! v1.1 data, and takes its ids from the same counter; the two versions' data are separate.

use std::collections::HashMap;

use crate::models::Id;
use crate::v2::models::{Client, Conversation, Message, Participant, User, Webhook};

/// Every app's v2 data.
#[derive(Debug, Default)]
pub(crate) struct Store {
    apps: HashMap<String, App>,
}

impl Store {
    /// The app's data (an app exists once something of it is stored or asked for).
    pub(crate) fn app(&mut self, app_id: &str) -> &mut App {
        self.apps.entry(app_id.to_owned()).or_default()
    }

    /// The app's data, to read.
    pub(crate) fn get(&self, app_id: &str) -> Option<&App> {
        self.apps.get(app_id)
    }
}

/// One app's users, conversations and custom integrations, oldest first.
#[derive(Debug, Default)]
pub(crate) struct App {
    pub(crate) users: Vec<User>,
    pub(crate) conversations: Vec<Thread>,
    pub(crate) integrations: Vec<Integration>,
    /// Each user's clients, keyed by the user's `id`, oldest first.
    pub(crate) clients: HashMap<String, Vec<Client>>,
}

/// A conversation, who takes part in it, and its messages (oldest first).
#[derive(Debug, Clone)]
pub(crate) struct Thread {
    pub(crate) conversation: Conversation,
    pub(crate) participants: Vec<Participant>,
    pub(crate) messages: Vec<Message>,
    /// The last `received` handed out, in milliseconds, so the next one is later.
    last_received_ms: i64,
}

/// A custom integration and its webhooks.
#[derive(Debug, Clone)]
pub(crate) struct Integration {
    pub(crate) id: String,
    pub(crate) display_name: Option<String>,
    pub(crate) webhooks: Vec<Webhook>,
}

/// The id of a stored record, or `""`.
pub(crate) fn id_of(id: &Option<Id>) -> &str {
    id.as_deref().unwrap_or("")
}

impl App {
    /// The user `user` names: their `id` or their `externalId`.
    pub(crate) fn user(&self, user: &str) -> Option<&User> {
        self.users
            .iter()
            .find(|u| id_of(&u.id) == user || u.external_id.as_deref() == Some(user))
    }

    /// [`user`](Self::user), to change.
    pub(crate) fn user_mut(&mut self, user: &str) -> Option<&mut User> {
        self.users
            .iter_mut()
            .find(|u| id_of(&u.id) == user || u.external_id.as_deref() == Some(user))
    }

    /// The conversation with this id.
    pub(crate) fn thread(&self, conversation_id: &str) -> Option<&Thread> {
        self.conversations
            .iter()
            .find(|t| id_of(&t.conversation.id) == conversation_id)
    }

    /// [`thread`](Self::thread), to change.
    pub(crate) fn thread_mut(&mut self, conversation_id: &str) -> Option<&mut Thread> {
        self.conversations
            .iter_mut()
            .find(|t| id_of(&t.conversation.id) == conversation_id)
    }

    /// Every webhook of the app's custom integrations.
    pub(crate) fn webhooks(&self) -> impl Iterator<Item = &Webhook> {
        self.integrations.iter().flat_map(|i| &i.webhooks)
    }

    /// The integration with this id.
    pub(crate) fn integration_mut(&mut self, integration_id: &str) -> Option<&mut Integration> {
        self.integrations
            .iter_mut()
            .find(|i| i.id == integration_id)
    }
}

impl Thread {
    /// A new conversation, without messages.
    pub(crate) fn new(conversation: Conversation, participants: Vec<Participant>) -> Self {
        Thread {
            conversation,
            participants,
            messages: Vec::new(),
            last_received_ms: 0,
        }
    }

    /// Whether the user with this id takes part.
    pub(crate) fn has_participant(&self, user_id: &str) -> bool {
        self.participants
            .iter()
            .any(|p| id_of(&p.user_id) == user_id)
    }

    /// A time in milliseconds since the epoch, strictly later than every earlier one of this
    /// conversation.
    pub(crate) fn next_received_ms(&mut self) -> i64 {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        self.last_received_ms = now.max(self.last_received_ms.saturating_add(1));
        self.last_received_ms
    }
}
