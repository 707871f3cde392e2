//! The users' side of API v2 ([`FakeV2`]): what a user does in a v2 conversation, and the
//! webhook events it causes; and what the fake stores, for tests to look at.

use serde_json::{Value, json};

use super::clients::ensure_web_client;
use super::messages::{add_activity, add_message};
use super::store::id_of;
use super::{Refusal, events};
use crate::fake::HookError;
use crate::fake::state::Shared;
use crate::v2::models::{
    Action, ActionSubset, ActivityPost, ActivityType, Author, Content, Conversation, Message,
    MessagePost, Participant, Source, TextMessage, User, Webhook,
};

/// The users' side of API v2 on a [`FakeSmooch`](crate::fake::FakeSmooch)
/// ([`FakeSmooch::v2`](crate::fake::FakeSmooch::v2)): a user says something, taps a button,
/// reads or types in a v2 conversation they take part in (`user` is their `id` or
/// `externalId`), and the events go to the subscribed v2 webhooks. Also what the fake stores.
/// The hooks must be called inside a tokio runtime (deliveries run in tasks of their own).
#[derive(Clone, Copy)]
pub struct FakeV2<'a> {
    shared: &'a Shared,
}

impl std::fmt::Debug for FakeV2<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeV2").finish_non_exhaustive()
    }
}

/// A v2 conversation as the fake stores it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StoredConversation {
    /// The conversation, as *get conversation* answers it.
    pub conversation: Conversation,
    /// Who takes part, in the order they joined.
    pub participants: Vec<Participant>,
    /// Every message, oldest first.
    pub messages: Vec<Message>,
}

/// What a tap on a v2 button sent ([`FakeV2::user_taps`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Tap {
    /// A postback button: `conversation:postback` went to the subscribed webhooks.
    Postback,
    /// A reply button: the user's message it sent (the button's text, with its `payload`),
    /// which went to the subscribed webhooks as `conversation:message`.
    Reply(Box<Message>),
}

impl From<Refusal> for HookError {
    fn from(refusal: Refusal) -> Self {
        HookError(refusal.title)
    }
}

/// Where the users' messages and actions come from: the Web Messenger.
fn web() -> Source {
    Source::new("web")
}

impl<'a> FakeV2<'a> {
    pub(crate) fn new(shared: &'a Shared) -> Self {
        FakeV2 { shared }
    }

    /// The user `user` (`id` or `externalId`) of `app_id`, if there is one.
    pub fn user(&self, app_id: &str, user: &str) -> Option<User> {
        let store = self.shared.store();
        store.v2.get(app_id)?.user(user).cloned()
    }

    /// The conversation `conversation_id` of `app_id`, if it exists.
    pub fn conversation(&self, app_id: &str, conversation_id: &str) -> Option<StoredConversation> {
        let store = self.shared.store();
        let thread = store.v2.get(app_id)?.thread(conversation_id)?;
        Some(StoredConversation {
            conversation: thread.conversation.clone(),
            participants: thread.participants.clone(),
            messages: thread.messages.clone(),
        })
    }

    /// The webhooks of the app's custom integrations, secrets included.
    pub fn webhooks(&self, app_id: &str) -> Vec<Webhook> {
        let store = self.shared.store();
        store
            .v2
            .get(app_id)
            .map(|app| app.webhooks().cloned().collect())
            .unwrap_or_default()
    }

    /// Stores `messages` as they are (ids and `received` included) after the conversation's
    /// messages: for tests that need a long history. `false` when there is no such
    /// conversation.
    pub fn seed_messages(
        &self,
        app_id: &str,
        conversation_id: &str,
        messages: impl IntoIterator<Item = Message>,
    ) -> bool {
        let mut store = self.shared.store();
        match store.v2.app(app_id).thread_mut(conversation_id) {
            Some(thread) => {
                thread.messages.extend(messages);
                true
            }
            None => false,
        }
    }

    /// The user's id, checked: they must exist and take part in the conversation. They act
    /// from the Web Messenger: they get its `sdk` client if they have none.
    fn participant(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
    ) -> Result<String, HookError> {
        let mut store = self.shared.store();
        let store = &mut *store;
        let app = store
            .v2
            .get(app_id)
            .ok_or_else(|| HookError(format!("the app `{app_id}` has no v2 data")))?;
        let found = app
            .user(user)
            .ok_or_else(|| HookError(format!("no user `{user}`")))?;
        let id = id_of(&found.id).to_owned();
        match app.thread(conversation_id) {
            None => return Err(HookError(format!("no conversation `{conversation_id}`"))),
            Some(thread) if !thread.has_participant(&id) => {
                return Err(HookError(format!(
                    "the user `{user}` does not take part in the conversation"
                )));
            }
            Some(_) => {}
        }
        ensure_web_client(store.v2.app(app_id), &mut store.ids, &id);
        Ok(id)
    }

    /// The user says `text` (a `text` message from the Web Messenger);
    /// `conversation:message` goes to the subscribed webhooks. Returns the stored message.
    pub fn user_says(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
        text: &str,
    ) -> Result<Message, HookError> {
        self.user_sends(app_id, conversation_id, user, Content::text(text))
    }

    /// The user sends `content`, checked as *post message* checks it; `conversation:message`
    /// goes to the subscribed webhooks.
    pub fn user_sends(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
        content: impl Into<Content>,
    ) -> Result<Message, HookError> {
        let id = self.participant(app_id, conversation_id, user)?;
        let post = MessagePost::new(Author::user(id), content);
        Ok(add_message(
            self.shared,
            app_id,
            conversation_id,
            post,
            Some(web()),
        )?)
    }

    /// The user taps the button whose `payload` is `payload` on the message `message_id` (its
    /// buttons, or its items' buttons), and the fake does what the platform does:
    ///
    /// - a `postback` button: `conversation:postback` goes to the subscribed webhooks, with
    ///   the button's `payload` and `metadata` ([`Tap::Postback`]);
    /// - a `reply` button: the user sends the button's text as a message with the button's
    ///   `payload`, stored and delivered (`conversation:message`) as
    ///   [`user_sends`](Self::user_sends) does ([`Tap::Reply`] holds it).
    ///
    /// Other buttons send nothing when tapped; none has a payload, so no button is found.
    ///
    /// ```
    /// use smooch_client::fake::{FakeSmooch, v2::Tap};
    /// use smooch_client::v2::{ConversationsApi, MessagesApi, UsersApi};
    /// use smooch_client::v2::models::{
    ///     ConversationCreate, MessagePost, ParticipantJoin, Reply, TextMessage, UserCreate,
    /// };
    ///
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let fake = FakeSmooch::start().await?;
    /// let v2 = fake.client()?.v2();
    /// v2.create_user("app", &UserCreate::new("crm-1")).await?;
    /// let personal = ConversationCreate::personal(ParticipantJoin::user_external_id("crm-1"));
    /// let conversation = v2.create_conversation("app", &personal).await?;
    /// let conversation = conversation.conversation.unwrap().id.unwrap();
    ///
    /// let question = TextMessage::new("How did we do?")
    ///     .with_action(Reply::new("Great", "great"))
    ///     .with_action(Reply::new("Meh", "meh"));
    /// let sent = v2.post_message("app", &conversation, &MessagePost::business(question)).await?;
    /// let sent = sent.messages[0].id.clone().unwrap();
    ///
    /// let Tap::Reply(answer) = fake.v2().user_taps("app", &conversation, "crm-1", &sent, "great")?
    /// else {
    ///     unreachable!("a reply button sends a message");
    /// };
    /// let smooch_client::v2::models::Content::Text(text) = answer.content.unwrap() else {
    ///     unreachable!("a reply is a text");
    /// };
    /// assert_eq!((text.text.as_deref(), text.payload.as_deref()), (Some("Great"), Some("great")));
    /// # Ok(()) }
    /// ```
    pub fn user_taps(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
        message_id: &str,
        payload: &str,
    ) -> Result<Tap, HookError> {
        let id = self.participant(app_id, conversation_id, user)?;
        let (conversation, user_model, message) = {
            let store = self.shared.store();
            let app = store.v2.get(app_id);
            let thread = app.and_then(|a| a.thread(conversation_id));
            let user_model = app.and_then(|a| a.user(&id)).cloned().unwrap_or_default();
            let message = thread
                .and_then(|t| t.messages.iter().find(|m| id_of(&m.id) == message_id))
                .cloned()
                .ok_or_else(|| HookError(format!("no message `{message_id}`")))?;
            let conversation = thread.map(|t| t.conversation.clone()).unwrap_or_default();
            (conversation, user_model, message)
        };
        match button(message.content.as_ref(), payload) {
            Some(Button::Postback { metadata }) => {
                let source = json!({"type": "web"});
                let event = events::postback(&conversation, &user_model, payload, metadata, source);
                events::emit(self.shared, app_id, event);
                Ok(Tap::Postback)
            }
            Some(Button::Reply { text }) => {
                let reply = TextMessage::new(text).with_payload(payload);
                self.user_sends(app_id, conversation_id, &id, reply)
                    .map(|message| Tap::Reply(Box::new(message)))
            }
            None => Err(HookError(format!(
                "no postback or reply button with the payload `{payload}` on the message"
            ))),
        }
    }

    /// The user reads the conversation: their `unreadCount` becomes 0, `lastRead` now;
    /// `conversation:read` goes to the subscribed webhooks.
    pub fn user_reads(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
    ) -> Result<(), HookError> {
        self.activity(
            app_id,
            conversation_id,
            user,
            ActivityType::ConversationRead,
        )
    }

    /// The user starts (`true`) or stops (`false`) typing; `conversation:typing` goes to the
    /// subscribed webhooks.
    pub fn user_types(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
        typing: bool,
    ) -> Result<(), HookError> {
        let activity = if typing {
            ActivityType::TypingStart
        } else {
            ActivityType::TypingStop
        };
        self.activity(app_id, conversation_id, user, activity)
    }

    fn activity(
        &self,
        app_id: &str,
        conversation_id: &str,
        user: &str,
        activity: ActivityType,
    ) -> Result<(), HookError> {
        let id = self.participant(app_id, conversation_id, user)?;
        let post = ActivityPost::default()
            .with_author(Author::user(id))
            .with_type(activity);
        let source = json!({"type": "web"});
        Ok(add_activity(
            self.shared,
            app_id,
            conversation_id,
            &post,
            source,
        )?)
    }
}

/// A button that sends something when tapped.
enum Button {
    Postback { metadata: Option<Value> },
    Reply { text: String },
}

/// The postback or reply button with this payload on a message's content.
fn button(content: Option<&Content>, payload: &str) -> Option<Button> {
    let metadata =
        |m: &Option<crate::models::Metadata>| m.as_ref().and_then(|m| serde_json::to_value(m).ok());
    let of_action = |action: &Action| match action {
        Action::Postback(p) if p.payload == payload => Some(Button::Postback {
            metadata: metadata(&p.metadata),
        }),
        Action::Reply(r) if r.payload == payload => Some(Button::Reply {
            text: r.text.clone(),
        }),
        _ => None,
    };
    let of_subset = |action: &ActionSubset| match action {
        ActionSubset::Postback(p) if p.payload == payload => Some(Button::Postback {
            metadata: metadata(&p.metadata),
        }),
        _ => None,
    };
    match content? {
        Content::Text(text) => text.actions.iter().find_map(of_action),
        Content::Image(image) => image.actions.iter().find_map(of_action),
        Content::Carousel(carousel) => carousel
            .items
            .iter()
            .flat_map(|item| &item.actions)
            .find_map(of_subset),
        Content::List(list) => list
            .items
            .iter()
            .flat_map(|item| &item.actions)
            .chain(&list.actions)
            .find_map(of_subset),
        _ => None,
    }
}
