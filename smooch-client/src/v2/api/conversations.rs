//! Conversations: create, list, get, update and delete a user's conversations; download an
//! Apple message reference; post conversion events for Meta.

use futures_core::Stream;

use crate::paging::cursor::{Direction, cursor_paged};
use crate::v2::V2;
use crate::v2::models::{
    Conversation, ConversationCreate, ConversationListFilter, ConversationListResponse,
    ConversationResponse, ConversationUpdate, ConversionEventsBody, ConversionEventsResponse,
    DownloadMessageRef, Page,
};
use crate::{AsClient, Result, endpoint};

/// Conversations: a user's `personal` conversations with the business, and `sdkGroup` ones of
/// several SDK users. Integration, app or account scope.
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// use smooch_client::v2::ConversationsApi;
/// use smooch_client::v2::models::{ConversationCreate, ConversationListFilter, ParticipantJoin};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let app = "5963c0d619a30a2e00de36b8";
/// let created = v2
///     .create_conversation(app, &ConversationCreate::personal(ParticipantJoin::user_external_id("steve@example.com")))
///     .await?;
/// let steves = ConversationListFilter::user_external_id("steve@example.com");
/// let mut all = std::pin::pin!(v2.conversations(app, steves));
/// while let Some(conversation) = all.try_next().await? {
///     println!("{:?}", conversation.display_name);
/// }
/// # Ok(()) }
/// ```
pub trait ConversationsApi {
    /// Creates a conversation (201): a `personal` one needs its one participant.
    #[endpoint(POST, "/v2/apps/<app_id>/conversations", body = conversation)]
    async fn create_conversation(
        &self,
        app_id: &str,
        conversation: &ConversationCreate,
    ) -> Result<ConversationResponse>;

    /// Lists one page of a user's conversations ([`Page`]: `page[after]`/`page[before]`,
    /// `page[size]`); the user is required, by id or by `externalId`
    /// ([`ConversationListFilter`]). [`conversations`](Self::conversations) streams every
    /// page. A user that does not exist is a 404 (`user_not_found`).
    #[endpoint(GET, "/v2/apps/<app_id>/conversations?<page..>&<filter..>")]
    async fn list_conversations(
        &self,
        app_id: &str,
        page: &Page,
        filter: &ConversationListFilter,
    ) -> Result<ConversationListResponse>;

    /// Gets a conversation.
    #[endpoint(GET, "/v2/apps/<app_id>/conversations/<conversation_id>")]
    async fn get_conversation(
        &self,
        app_id: &str,
        conversation_id: &str,
    ) -> Result<ConversationResponse>;

    /// Changes a conversation's name, description, icon or metadata: only what the body sets.
    #[endpoint(
        PATCH,
        "/v2/apps/<app_id>/conversations/<conversation_id>",
        body = conversation
    )]
    async fn update_conversation(
        &self,
        app_id: &str,
        conversation_id: &str,
        conversation: &ConversationUpdate,
    ) -> Result<ConversationResponse>;

    /// Deletes a conversation and its messages (answers `{}`); a user's default conversation
    /// cannot be deleted (400).
    #[endpoint(DELETE, "/v2/apps/<app_id>/conversations/<conversation_id>")]
    async fn delete_conversation(&self, app_id: &str, conversation_id: &str) -> Result<()>;

    /// Downloads the large interactive message an Apple Messages for Business passthrough
    /// event refers to; the answer is whatever Apple's message holds (a free-form object).
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/download",
        body = reference
    )]
    async fn download_message_ref(
        &self,
        app_id: &str,
        conversation_id: &str,
        reference: &DownloadMessageRef,
    ) -> Result<serde_json::Value>;

    /// Sends conversion events of the conversation to Meta's Conversions API (Messenger,
    /// Instagram or WhatsApp), which adds the user's data.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/conversionEvents",
        body = events
    )]
    async fn post_conversion_events(
        &self,
        app_id: &str,
        conversation_id: &str,
        events: &ConversionEventsBody,
    ) -> Result<ConversionEventsResponse>;

    /// Every conversation of a user, fetched a page (100 conversations) at a time with
    /// [`list_conversations`](Self::list_conversations) as the stream is read, following each
    /// page's `meta.afterCursor`. Each conversation comes once; a page that says more follow
    /// but brings nothing new, or points back to a page read already, ends the stream with
    /// [`Error::Pagination`](crate::Error::Pagination).
    fn conversations(
        &self,
        app_id: &str,
        filter: ConversationListFilter,
    ) -> impl Stream<Item = Result<Conversation>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let v2 = self.as_client().v2();
        let app_id = app_id.to_owned();
        cursor_paged("conversations", Direction::Forward, move |cursor| {
            let page = cursor
                .map_or_else(Page::first, Page::after)
                .with_size(crate::PAGE_LIMIT);
            v2.list_conversations(&app_id, &page, &filter)
        })
    }
}

impl ConversationsApi for V2 {}
