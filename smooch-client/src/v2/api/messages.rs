//! Messages: post, list (and stream) and delete the messages of a conversation.

use futures_core::Stream;

use crate::paging::cursor::{Direction, cursor_paged};
use crate::v2::V2;
use crate::v2::models::{Message, MessageListResponse, MessagePost, MessagePostResponse, Page};
use crate::{AsClient, Result, endpoint};

/// The messages of a conversation. Integration, app or account scope.
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// use smooch_client::v2::MessagesApi;
/// use smooch_client::v2::models::{Action, Content, MessagePost, TextMessage};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let (app, conversation) = ("5963c0d619a30a2e00de36b8", "df0ccbd3a3a5ce1b5a0a1a4b");
/// v2.post_message(app, conversation, &MessagePost::business(Content::text("Hello"))).await?;
/// let question = TextMessage::new("Anything else?")
///     .with_action(Action::reply("Yes", "YES"))
///     .with_action(Action::reply("No", "NO"));
/// v2.post_message(app, conversation, &MessagePost::business(question)).await?;
///
/// // The whole history, newest first.
/// let mut history = std::pin::pin!(v2.messages(app, conversation));
/// while let Some(message) = history.try_next().await? {
///     println!("{:?} {:?}", message.received, message.content.as_ref().map(|c| c.tag()));
/// }
/// # Ok(()) }
/// ```
pub trait MessagesApi {
    /// Sends a message (201), answering the message or messages created (a WhatsApp template
    /// with leading text makes two). A conversation that holds 30,000 messages takes no more:
    /// the answer is 423, [`Error::is_conversation_full`](crate::Error::is_conversation_full)
    /// (delete messages to make room).
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages",
        body = message
    )]
    async fn post_message(
        &self,
        app_id: &str,
        conversation_id: &str,
        message: &MessagePost,
    ) -> Result<MessagePostResponse>;

    /// Lists one page of 100 messages: the newest by default ([`Page::first`]), the 100 before
    /// a message ([`Page::before`] a page's `meta.beforeCursor`: older) or after one
    /// ([`Page::after`] its `meta.afterCursor`: newer). The API ignores `page[size]`. The order
    /// inside a page is not documented; [`messages`](Self::messages) and
    /// [`messages_after`](Self::messages_after) stream every page, in order.
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages?<page..>"
    )]
    async fn list_messages(
        &self,
        app_id: &str,
        conversation_id: &str,
        page: &Page,
    ) -> Result<MessageListResponse>;

    /// Deletes every message of a conversation (answers `{}`), keeping the conversation.
    #[endpoint(DELETE, "/v2/apps/<app_id>/conversations/<conversation_id>/messages")]
    async fn delete_all_messages(&self, app_id: &str, conversation_id: &str) -> Result<()>;

    /// Deletes one message (answers `{}`).
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/conversations/<conversation_id>/messages/<message_id>"
    )]
    async fn delete_message(
        &self,
        app_id: &str,
        conversation_id: &str,
        message_id: &str,
    ) -> Result<()>;

    /// Every message of a conversation, **newest first**: the newest page, then each page
    /// before it (`meta.beforeCursor`), fetched with [`list_messages`](Self::list_messages) as
    /// the stream is read, 100 messages at a time.
    ///
    /// The API does not say in which order a page holds its messages, so each page is sorted
    /// by `received`, newest first (messages received at the same time keep the page's order;
    /// a message without a valid time comes last in its page). Each message comes once; a page
    /// that says more follow but brings nothing new, or points back to a page read already,
    /// ends the stream with [`Error::Pagination`](crate::Error::Pagination).
    fn messages(
        &self,
        app_id: &str,
        conversation_id: &str,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        walk(self.as_client().v2(), app_id, conversation_id, None)
    }

    /// Every message of a conversation received after the message `message_id`, **oldest
    /// first**: the page after it, then each page after that (`meta.afterCursor`), until the
    /// newest: "everything since this message" (for example, since the last one a bot handled).
    ///
    /// The API pages forward only from a message, never from the oldest one: to read a whole
    /// history, use [`messages`](Self::messages). Each page is sorted by `received`, oldest
    /// first; the guarantees are those of `messages`.
    fn messages_after(
        &self,
        app_id: &str,
        conversation_id: &str,
        message_id: &str,
    ) -> impl Stream<Item = Result<Message>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        walk(
            self.as_client().v2(),
            app_id,
            conversation_id,
            Some(message_id.to_owned()),
        )
    }
}

impl MessagesApi for V2 {}

/// The messages of a conversation, backwards from the newest page (`after: None`), or forwards
/// from the message `after`; each page sorted the way it is walked.
fn walk(
    v2: V2,
    app_id: &str,
    conversation_id: &str,
    after: Option<String>,
) -> impl Stream<Item = Result<Message>> + Send + 'static + use<> {
    let (app_id, conversation_id) = (app_id.to_owned(), conversation_id.to_owned());
    let (name, direction) = match after {
        None => ("messages", Direction::Backward),
        Some(_) => ("messages_after", Direction::Forward),
    };
    cursor_paged(name, direction, move |cursor: Option<String>| {
        let page = match (cursor, &after) {
            (Some(cursor), _) if direction == Direction::Backward => Page::before(cursor),
            (Some(cursor), _) => Page::after(cursor),
            (None, Some(start)) => Page::after(start.as_str()),
            (None, None) => Page::first(),
        };
        let call = v2.list_messages(&app_id, &conversation_id, &page);
        async move {
            let mut page = call.await?;
            page.sort_by_received(direction == Direction::Backward);
            Ok(page)
        }
    })
}
