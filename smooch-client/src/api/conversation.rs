//! The six ConversationApi endpoints.

use crate::models::{
    ActivityResponse, ConversationActivity, GetMessagesResponse, MessagePost, MessageResponse,
    Timestamp,
};
use crate::{Client, Result, endpoint};

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
/// ```no_run
/// use smooch_client::{Client, ConversationApi, models::{MessagePost, Role}};
///
/// # async fn demo(client: Client) -> smooch_client::Result<()> {
/// client.post_message("app_id", "user_id", &MessagePost::text(Role::AppMaker, "Hi!")).await?;
/// let page = client.get_messages("app_id", "user_id", None, None).await?;
/// for message in &page.messages {
///     println!("{:?}: {}", message.role, message.text.as_deref().unwrap_or(""));
/// }
/// # Ok(()) }
/// ```
pub trait ConversationApi {
    /// Notifies Smooch that the app maker starts or stops typing, or has read the conversation.
    ///
    /// ```no_run
    /// # use smooch_client::{Client, ConversationApi, models::ConversationActivity};
    /// # async fn demo(client: Client) -> smooch_client::Result<()> {
    /// client.conversation_activity("app_id", "user_id", &ConversationActivity::typing_start()).await?;
    /// # Ok(()) }
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

    /// Gets up to 100 messages, oldest first.
    ///
    /// Without `before` or `after`, the latest 100; with `before` (or `after`), the 100 strictly
    /// before (after) that time, sent as the Unix seconds the API wrote (`1529600550.492`).
    /// `before` and `after` are mutually exclusive: setting both fails with
    /// [`Error::InvalidInput`](crate::Error) before sending. Smooch answers 404 while the user
    /// has no conversation.
    ///
    /// To read a whole history, use [`Client::history`](crate::Client::history): paging with
    /// `before` set to the oldest message's time would skip messages that share that time.
    ///
    /// ```no_run
    /// # use smooch_client::{Client, ConversationApi, models::Timestamp};
    /// # async fn demo(client: Client) -> smooch_client::Result<()> {
    /// let latest = client.get_messages("app_id", "user_id", None, None).await?;
    /// // Everything after the latest page's last message.
    /// if let Some(last) = latest.messages.last() {
    ///     let newer = client.get_messages("app_id", "user_id", None, Some(last.received)).await?;
    /// }
    /// // Everything in the last hour, oldest first.
    /// let hour_ago = Timestamp::from(std::time::SystemTime::now() - std::time::Duration::from_secs(3600));
    /// let recent = client.get_messages("app_id", "user_id", None, Some(hour_ago)).await?;
    /// # Ok(()) }
    /// ```
    #[endpoint(
        GET,
        "/v1.1/apps/<app_id>/appusers/<user_id>/messages?<before>&<after>",
        exclusive(before, after)
    )]
    async fn get_messages(
        &self,
        app_id: &str,
        user_id: &str,
        before: Option<Timestamp>,
        after: Option<Timestamp>,
    ) -> Result<GetMessagesResponse>;

    /// Sends a message as the app maker or as the user; creates the
    /// conversation if there is none yet.
    ///
    /// ```no_run
    /// # use smooch_client::{Client, ConversationApi, models::{Action, MessagePost, Role}};
    /// # async fn demo(client: Client) -> smooch_client::Result<()> {
    /// let question = MessagePost::text(Role::AppMaker, "How did we do?")
    ///     .with_actions(vec![Action::reply("Great", "great"), Action::reply("Meh", "meh")]);
    /// let sent = client.post_message("app_id", "user_id", &question).await?;
    /// # Ok(()) }
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
}

impl ConversationApi for Client {}
