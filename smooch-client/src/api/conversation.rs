//! The six ConversationApi endpoints.

use futures_core::Stream;

use crate::models::{
    ActivityResponse, ConversationActivity, Cursor, GetMessagesResponse, Message, MessagePost,
    MessageResponse, Timestamp,
};
use crate::{AsClient, Client, Result, endpoint};

/// Messages, typing indicators and read state of one user's conversation
/// (Smooch's `ConversationApi`).
///
/// `user_id` is either the user's smoochId or your own userId for them; any characters are
/// allowed (each value is percent-encoded as one path segment). Empty ids and the ids `.` and
/// `..`, which no URL path can carry, are refused with [`Error::InvalidInput`](crate::Error)
/// before anything is sent.
///
/// Every method returns a `Send + 'static` future: it can be `tokio::spawn`ed even when the
/// arguments are borrowed.
///
/// ```
/// use smooch_client::{Client, ConversationApi, models::{Cursor, MessagePost, Role}};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// client.post_message("app_id", "user_id", &MessagePost::text(Role::AppMaker, "Hi!")).await?;
/// let page = client.get_messages("app_id", "user_id", Cursor::Latest).await?;
/// for message in &page.messages {
///     println!("{:?}: {}", message.role, message.text.as_deref().unwrap_or(""));
/// }
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
pub trait ConversationApi {
    /// Notifies Smooch that the app maker starts or stops typing, or has read the conversation.
    ///
    /// ```
    /// # use smooch_client::{Client, ConversationApi, models::ConversationActivity};
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// client.conversation_activity("app_id", "user_id", &ConversationActivity::typing_start()).await?;
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    #[endpoint(POST, "/v1.1/apps/<app_id>/appusers/<user_id>/conversation/activity", body = conversation_activity_body, idempotent)]
    async fn conversation_activity(
        &self,
        app_id: &str,
        user_id: &str,
        conversation_activity_body: &ConversationActivity,
    ) -> Result<ActivityResponse>;

    /// Deletes one message.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/appusers/<user_id>/messages/<message_id>")]
    async fn delete_message(&self, app_id: &str, user_id: &str, message_id: &str) -> Result<()>;

    /// Deletes every message of the user, keeping the conversation and its channels.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/appusers/<user_id>/messages")]
    async fn delete_messages(&self, app_id: &str, user_id: &str) -> Result<()>;

    /// Gets one page of up to 100 messages, oldest first: the latest, or the 100 received
    /// strictly before or after a time ([`Cursor`]; a page's
    /// [`next_cursor`](GetMessagesResponse::next_cursor) and
    /// [`previous_cursor`](GetMessagesResponse::previous_cursor) are cursors too). The time is
    /// sent as the Unix seconds the API wrote (`1529600550.492`). Smooch answers 404 while the
    /// user has no conversation.
    ///
    /// To read a whole history, use the streams [`history`](Self::history) and
    /// [`forward`](Self::forward): paging with `Cursor::Before` the oldest message's time would
    /// skip messages that share that time.
    ///
    /// ```
    /// # use smooch_client::{Client, ConversationApi, models::{Cursor, Timestamp}};
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// # client.post_message("app_id", "user_id", &smooch_client::models::MessagePost::text(smooch_client::models::Role::AppUser, "Hi")).await?;
    /// let latest = client.get_messages("app_id", "user_id", Cursor::Latest).await?;
    /// // Everything after the latest page's last message.
    /// if let Some(last) = latest.messages.last() {
    ///     let newer = client.get_messages("app_id", "user_id", Cursor::After(last.received)).await?;
    /// }
    /// // The hour before, oldest first.
    /// let hour_ago = Timestamp::from(std::time::SystemTime::now() - std::time::Duration::from_secs(3600));
    /// let before = client.get_messages("app_id", "user_id", Cursor::Before(hour_ago)).await?;
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>/messages?<at..>")]
    async fn get_messages(
        &self,
        app_id: &str,
        user_id: &str,
        at: Cursor,
    ) -> Result<GetMessagesResponse>;

    /// Sends a message as the app maker or as the user; creates the
    /// conversation if there is none yet.
    ///
    /// ```
    /// # use smooch_client::{Client, ConversationApi, models::{Action, MessagePost, Role}};
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// let question = MessagePost::text(Role::AppMaker, "How did we do?")
    ///     .with_actions(vec![Action::reply("Great", "great"), Action::reply("Meh", "meh")]);
    /// let sent = client.post_message("app_id", "user_id", &question).await?;
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    #[endpoint(POST, "/v1.1/apps/<app_id>/appusers/<user_id>/messages", body = message_post_body)]
    async fn post_message(
        &self,
        app_id: &str,
        user_id: &str,
        message_post_body: &MessagePost,
    ) -> Result<MessageResponse>;

    /// Sets the user's unread count to zero.
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/appusers/<user_id>/conversation/read",
        idempotent
    )]
    async fn reset_unread_count(&self, app_id: &str, user_id: &str) -> Result<()>;

    /// Every message of `user_id`'s conversation, newest first, fetched a page (100 messages)
    /// at a time with [`get_messages`](Self::get_messages) as the stream is read.
    ///
    /// Each message comes exactly once, also when several share a `received` time at a page
    /// boundary: the next page starts just after the oldest time seen (the API's `before` bound
    /// is exclusive) and the messages already yielded are skipped. Only one page, and the ids
    /// of the last [`DEDUP_WINDOW`](crate::DEDUP_WINDOW) messages, are held at a time: against
    /// a server whose pages lie, no message comes twice, none comes from outside the bound asked
    /// for, and the stream ends. An error (such as 404 for a user without a conversation) is
    /// yielded once and ends the stream.
    ///
    /// ```
    /// use futures_util::TryStreamExt;
    /// use smooch_client::ConversationApi;
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// # client.post_message("app_id", "user_id", &smooch_client::models::MessagePost::text(smooch_client::models::Role::AppUser, "Hi")).await?;
    /// let mut history = std::pin::pin!(client.history("app_id", "user_id"));
    /// while let Some(message) = history.try_next().await? {
    ///     println!("{}: {}", message.received, message.text.as_deref().unwrap_or(""));
    /// }
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    fn history(
        &self,
        app_id: &str,
        user_id: &str,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        crate::history::walk(self.as_client(), app_id, user_id, None)
    }

    /// Every message of `user_id`'s conversation received strictly after `after`, oldest first,
    /// fetched a page (100 messages) at a time as the stream is read: "everything since T".
    ///
    /// Exact as [`history`](Self::history) is: a message sharing its `received` time with a
    /// page boundary comes once. It relies on `after` pages being the oldest 100 after the time,
    /// as the API's own `next` links imply.
    ///
    /// ```
    /// use futures_util::TryStreamExt;
    /// use smooch_client::ConversationApi;
    /// use smooch_client::models::Timestamp;
    /// # #[cfg(feature = "fake")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let fake = smooch_client::fake::FakeSmooch::start().await?;
    /// # let client = fake.client()?;
    /// # client.post_message("app_id", "user_id", &smooch_client::models::MessagePost::text(smooch_client::models::Role::AppUser, "Hi")).await?;
    /// let since = Timestamp::from_unix_millis(1_529_600_550_492);
    /// let mut new = std::pin::pin!(client.forward("app_id", "user_id", since));
    /// while let Some(message) = new.try_next().await? {
    ///     println!("{}: {}", message.received, message.text.as_deref().unwrap_or(""));
    /// }
    /// # Ok(()) }
    /// # #[cfg(not(feature = "fake"))]
    /// # fn main() {}
    /// ```
    fn forward(
        &self,
        app_id: &str,
        user_id: &str,
        after: Timestamp,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        crate::history::walk(self.as_client(), app_id, user_id, Some(after))
    }
}

impl ConversationApi for Client {}
