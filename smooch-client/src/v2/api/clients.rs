//! Clients: link a user to a channel, list their clients, remove one.

use futures_core::Stream;

use crate::paging::cursor::{Direction, cursor_paged};
use crate::v2::V2;
use crate::v2::models::{self, ClientCreate, ClientListResponse, ClientResponse, Page};
use crate::{AsClient, Result, endpoint};

/// A user's clients: where the user is on each channel. Integration, app or account scope.
/// The user is named by id or `externalId`, and `brand_id` picks the user of one brand (see
/// [`UsersApi`](super::UsersApi)).
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// use smooch_client::v2::ClientsApi;
/// use smooch_client::v2::models::{ClientCreate, Confirmation, MatchCriteria};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let (app_id, user) = ("5963c0d619a30a2e00de36b8", "steve@example.com");
/// let sms = MatchCriteria::twilio("5e4af71a81966c000f7f8cd1", "+15145555555");
/// let link = ClientCreate::new(sms, Confirmation::immediate(), "c7f6e6d6c3a637261bd9656f");
/// v2.create_client(app_id, user, &link, None).await?;
/// let mut clients = std::pin::pin!(v2.clients(app_id, user, None));
/// while let Some(found) = clients.try_next().await? {
///     println!("{:?} {:?}", found.r#type, found.status);
/// }
/// # Ok(()) }
/// ```
pub trait ClientsApi {
    /// Links a user to a channel (201): a client, `pending` until confirmed.
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/clients?brandId=<brand_id>",
        body = client
    )]
    async fn create_client(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        client: &ClientCreate,
        brand_id: Option<&str>,
    ) -> Result<ClientResponse>;

    /// Lists one page of a user's linked and pending clients ([`Page`]).
    /// [`clients`](Self::clients) streams every page.
    #[endpoint(
        GET,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/clients?<page..>&brandId=<brand_id>"
    )]
    async fn list_clients(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        page: &Page,
        brand_id: Option<&str>,
    ) -> Result<ClientListResponse>;

    /// Removes a client from a user (answers `{}`). `sdk` clients cannot be removed (400).
    #[endpoint(
        DELETE,
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/clients/<client_id>?brandId=<brand_id>"
    )]
    async fn remove_client(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        client_id: &str,
        brand_id: Option<&str>,
    ) -> Result<()>;

    /// Every client of a user, fetched a page (100 clients) at a time with
    /// [`list_clients`](Self::list_clients) as the stream is read, following each page's
    /// `meta.afterCursor`. Each client comes once; a page that says more follow but brings
    /// nothing new, or points back to a page read already, ends the stream with
    /// [`Error::Pagination`](crate::Error::Pagination).
    fn clients(
        &self,
        app_id: &str,
        user_id_or_external_id: &str,
        brand_id: Option<&str>,
    ) -> impl Stream<Item = Result<models::Client>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let v2 = self.as_client().v2();
        let app_id = app_id.to_owned();
        let user = user_id_or_external_id.to_owned();
        let brand_id = brand_id.map(str::to_owned);
        cursor_paged("clients", Direction::Forward, move |cursor| {
            let page = cursor
                .map_or_else(Page::first, Page::after)
                .with_size(crate::PAGE_LIMIT);
            v2.list_clients(&app_id, &user, &page, brand_id.as_deref())
        })
    }
}

impl ClientsApi for V2 {}
