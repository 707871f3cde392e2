//! Handles scoped to one app ([`AppScope`]) and one user of it ([`UserScope`]), so the ids are
//! given once and cannot be swapped call by call. Every method is the operation of the same
//! name on [`ConversationApi`], which stays the single source of each call.

use futures_core::Stream;

use crate::models::{
    ActivityResponse, ConversationActivity, Cursor, GetMessagesResponse, Message, MessagePost,
    MessageResponse, Timestamp,
};
use crate::{Client, ConversationApi, Result};

impl Client {
    /// A handle on the app `app_id`, for calls that name it: its users' conversations are
    /// called without repeating (or swapping) the app and user ids.
    ///
    /// ```
    /// use smooch_client::models::{Cursor, MessagePost, Role};
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// let steve = client.app("5963c0d619a30a2e00de36b8").user("steve@example.com");
    /// steve.post_message(&MessagePost::text(Role::AppMaker, "Hi Steve!")).await?;
    /// let latest = steve.get_messages(Cursor::Latest).await?;
    /// steve.reset_unread_count().await?;
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    pub fn app(&self, app_id: impl Into<String>) -> AppScope {
        AppScope {
            client: self.clone(),
            app_id: app_id.into(),
        }
    }
}

/// One app of a [`Client`]: see [`Client::app`].
#[derive(Clone, Debug)]
pub struct AppScope {
    client: Client,
    app_id: String,
}

impl AppScope {
    /// The app's id.
    pub fn id(&self) -> &str {
        &self.app_id
    }

    /// The client it calls through.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// A handle on the conversation of the app's user `user_id`.
    pub fn user(&self, user_id: impl Into<String>) -> UserScope {
        UserScope {
            app: self.clone(),
            user_id: user_id.into(),
        }
    }
}

/// One user of an app, and their conversation: see [`Client::app`] and [`AppScope::user`].
#[derive(Clone, Debug)]
pub struct UserScope {
    app: AppScope,
    user_id: String,
}

impl UserScope {
    /// The user's id.
    pub fn id(&self) -> &str {
        &self.user_id
    }

    /// The app the user belongs to.
    pub fn app(&self) -> &AppScope {
        &self.app
    }

    fn ids(&self) -> (&Client, &str, &str) {
        (&self.app.client, &self.app.app_id, &self.user_id)
    }

    /// [`ConversationApi::post_message`].
    pub fn post_message(
        &self,
        message: &MessagePost,
    ) -> impl Future<Output = Result<MessageResponse>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.post_message(app, user, message)
    }

    /// [`ConversationApi::get_messages`]: one page.
    pub fn get_messages(
        &self,
        at: Cursor,
    ) -> impl Future<Output = Result<GetMessagesResponse>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.get_messages(app, user, at)
    }

    /// [`ConversationApi::history`]: every message, newest first.
    pub fn history(&self) -> impl Stream<Item = Result<Message>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.history(app, user)
    }

    /// [`ConversationApi::forward`]: every message after `after`, oldest first.
    pub fn forward(
        &self,
        after: Timestamp,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.forward(app, user, after)
    }

    /// [`ConversationApi::conversation_activity`]: typing indicators, read receipts.
    pub fn conversation_activity(
        &self,
        activity: &ConversationActivity,
    ) -> impl Future<Output = Result<ActivityResponse>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.conversation_activity(app, user, activity)
    }

    /// [`ConversationApi::reset_unread_count`].
    pub fn reset_unread_count(&self) -> impl Future<Output = Result<()>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.reset_unread_count(app, user)
    }

    /// [`ConversationApi::delete_message`].
    pub fn delete_message(
        &self,
        message_id: &str,
    ) -> impl Future<Output = Result<()>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.delete_message(app, user, message_id)
    }

    /// [`ConversationApi::delete_messages`]: every message; the conversation stays.
    pub fn delete_messages(&self) -> impl Future<Output = Result<()>> + Send + 'static + use<> {
        let (client, app, user) = self.ids();
        client.delete_messages(app, user)
    }
}
