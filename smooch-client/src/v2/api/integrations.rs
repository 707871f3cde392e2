//! Integrations: create, list, get, update and delete an app's integrations.

use futures_core::Stream;

use crate::paging::cursor::{Direction, cursor_paged};
use crate::v2::V2;
use crate::v2::models::{
    Integration, IntegrationCreate, IntegrationListFilter, IntegrationListResponse,
    IntegrationResponse, IntegrationUpdate, Page,
};
use crate::{AsClient, Result, endpoint};

/// An app's integrations: its channels (Messenger, Twilio, the Web Messenger, ...) and your own
/// code (`custom`). App or account scope.
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// use smooch_client::v2::IntegrationsApi;
/// use smooch_client::v2::models::{
///     CustomWebhook, Custom, IntegrationCreate, IntegrationKind, IntegrationListFilter,
///     IntegrationType, WebUpdate,
/// };
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let app_id = "5963c0d619a30a2e00de36b8";
/// let hook = CustomWebhook::new("https://example.org/hook", ["conversation:message"]);
/// let created = v2
///     .create_integration(app_id, &IntegrationCreate::new(Custom::new(hook)))
///     .await?;
/// if let Some(IntegrationKind::Custom(custom)) = created.integration.map(|i| i.kind) {
///     println!("webhook secret: {:?}", custom.webhooks[0].secret);
/// }
///
/// let web = IntegrationListFilter::default().with_types([IntegrationType::Web]);
/// let mut integrations = std::pin::pin!(v2.integrations(app_id, web));
/// while let Some(integration) = integrations.try_next().await? {
///     let Some(id) = &integration.id else { continue };
///     let rename = WebUpdate::default().with_display_name("Web".to_owned());
///     v2.update_integration(app_id, id, &rename.into()).await?;
/// }
/// # Ok(()) }
/// ```
pub trait IntegrationsApi {
    /// Creates an integration (201): the type, with its fields
    /// ([`IntegrationCreate`]). A type the API refuses is a 400.
    #[endpoint(POST, "/v2/apps/<app_id>/integrations", body = integration)]
    async fn create_integration(
        &self,
        app_id: &str,
        integration: &IntegrationCreate,
    ) -> Result<IntegrationResponse>;

    /// Lists one page of the app's integrations ([`Page`]: `page[after]`/`page[before]`,
    /// `page[size]`), optionally only those of some types (`filter[types]`).
    /// [`integrations`](Self::integrations) streams every page.
    #[endpoint(GET, "/v2/apps/<app_id>/integrations?<page..>&<filter..>")]
    async fn list_integrations(
        &self,
        app_id: &str,
        page: &Page,
        filter: &IntegrationListFilter,
    ) -> Result<IntegrationListResponse>;

    /// Gets an integration.
    #[endpoint(GET, "/v2/apps/<app_id>/integrations/<integration_id>")]
    async fn get_integration(
        &self,
        app_id: &str,
        integration_id: &str,
    ) -> Result<IntegrationResponse>;

    /// Changes an integration: only what the body sets. The body is the member of
    /// [`IntegrationUpdate`] of the integration's type (no `type` is sent).
    #[endpoint(PATCH, "/v2/apps/<app_id>/integrations/<integration_id>", body = integration)]
    async fn update_integration(
        &self,
        app_id: &str,
        integration_id: &str,
        integration: &IntegrationUpdate,
    ) -> Result<IntegrationResponse>;

    /// Deletes an integration (answers `{}`). The SDK integrations made in Admin Center cannot
    /// be deleted (400).
    #[endpoint(DELETE, "/v2/apps/<app_id>/integrations/<integration_id>")]
    async fn delete_integration(&self, app_id: &str, integration_id: &str) -> Result<()>;

    /// Every integration of the app (with a filter, those it selects), fetched a page (100
    /// integrations) at a time with [`list_integrations`](Self::list_integrations) as the
    /// stream is read, following each page's `meta.afterCursor`. Each integration comes once; a
    /// page that says more follow but brings nothing new, or points back to a page read
    /// already, ends the stream with [`Error::Pagination`](crate::Error::Pagination).
    fn integrations(
        &self,
        app_id: &str,
        filter: IntegrationListFilter,
    ) -> impl Stream<Item = Result<Integration>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let v2 = self.as_client().v2();
        let app_id = app_id.to_owned();
        cursor_paged("integrations", Direction::Forward, move |cursor| {
            let page = cursor
                .map_or_else(Page::first, Page::after)
                .with_size(crate::PAGE_LIMIT);
            v2.list_integrations(&app_id, &page, &filter)
        })
    }
}

impl IntegrationsApi for V2 {}
