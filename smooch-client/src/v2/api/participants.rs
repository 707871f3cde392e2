//! Participants: users joining, listed in and leaving a conversation.

use futures_core::Stream;

use crate::paging::cursor::{Direction, cursor_paged};
use crate::v2::V2;
use crate::v2::models::{
    Page, Participant, ParticipantJoin, ParticipantLeave, ParticipantListResponse,
    ParticipantResponse,
};
use crate::{AsClient, Result, endpoint};

/// The users of a conversation. Only `sdkGroup` conversations take and lose participants.
/// Integration, app or account scope.
///
/// ```no_run
/// use smooch_client::v2::ParticipantsApi;
/// use smooch_client::v2::models::{ParticipantJoin, ParticipantLeave};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let (app, group) = ("5963c0d619a30a2e00de36b8", "df0ccbd3a3a5ce1b5a0a1a4b");
/// let steve = ParticipantJoin::user_external_id("steve@example.com").with_subscribe_sdk_client(true);
/// let joined = v2.join_conversation(app, group, &steve).await?;
/// v2.leave_conversation(app, group, &ParticipantLeave::UserExternalId("steve@example.com".into())).await?;
/// # Ok(()) }
/// ```
pub trait ParticipantsApi {
    /// Adds a user to an `sdkGroup` conversation (201); more than 10 participants is a 400.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/join",
        body = participant
    )]
    async fn join_conversation(
        &self,
        app_id: &str,
        conversation_id: &str,
        participant: &ParticipantJoin,
    ) -> Result<ParticipantResponse>;

    /// Lists one page of a conversation's participants ([`Page`]).
    /// [`participants`](Self::participants) streams every page.
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/conversations/<conversation_id>/participants?<page..>"
    )]
    async fn list_participants(
        &self,
        app_id: &str,
        conversation_id: &str,
        page: &Page,
    ) -> Result<ParticipantListResponse>;

    /// Removes a user from an `sdkGroup` conversation (answers `{}`); one who is not in it is a
    /// 404.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/leave",
        body = participant
    )]
    async fn leave_conversation(
        &self,
        app_id: &str,
        conversation_id: &str,
        participant: &ParticipantLeave,
    ) -> Result<()>;

    /// Every participant of a conversation, fetched a page (100) at a time with
    /// [`list_participants`](Self::list_participants) as the stream is read, following each
    /// page's `meta.afterCursor`; each once, and a page that says more follow but brings nothing
    /// new, or points back, ends the stream with
    /// [`Error::Pagination`](crate::Error::Pagination).
    fn participants(
        &self,
        app_id: &str,
        conversation_id: &str,
    ) -> impl Stream<Item = Result<Participant>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let v2 = self.as_client().v2();
        let (app_id, conversation_id) = (app_id.to_owned(), conversation_id.to_owned());
        cursor_paged("participants", Direction::Forward, move |cursor| {
            let page = cursor
                .map_or_else(Page::first, Page::after)
                .with_size(crate::PAGE_LIMIT);
            v2.list_participants(&app_id, &conversation_id, &page)
        })
    }
}

impl ParticipantsApi for V2 {}
