//! Apps: create, list, get, update and delete the account's apps.

use futures_core::Stream;

use crate::paging::cursor::{Direction, cursor_paged};
use crate::v2::V2;
use crate::v2::models::{
    App, AppCreate, AppListFilter, AppListResponse, AppResponse, AppUpdate, Page,
};
use crate::{AsClient, Result, endpoint};

/// The account's apps. Account scope (an `act_` or `svc_` key), except `get_app` and
/// `update_app`, which an app key may call for its own app.
///
/// ```no_run
/// use futures_util::TryStreamExt;
/// use smooch_client::v2::{AppsApi, models::AppCreate};
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// let created = v2.create_app(&AppCreate::new("Acme support")).await?;
/// let mut apps = std::pin::pin!(v2.apps(Default::default()));
/// while let Some(app) = apps.try_next().await? {
///     println!("{:?}", app.display_name);
/// }
/// # Ok(()) }
/// ```
pub trait AppsApi {
    /// Creates an app (201). A plan's app limit is a 402.
    #[endpoint(POST, "/v2/apps", body = app)]
    async fn create_app(&self, app: &AppCreate) -> Result<AppResponse>;

    /// Lists one page of the account's apps ([`Page`]: `page[after]`/`page[before]`,
    /// `page[size]`), optionally only those a service account may access.
    /// [`apps`](Self::apps) streams every page.
    #[endpoint(GET, "/v2/apps?<page..>&<filter..>")]
    async fn list_apps(&self, page: &Page, filter: &AppListFilter) -> Result<AppListResponse>;

    /// Gets an app, with its Zendesk `subdomain`.
    #[endpoint(GET, "/v2/apps/<app_id>")]
    async fn get_app(&self, app_id: &str) -> Result<AppResponse>;

    /// Changes an app: only what the body sets.
    #[endpoint(PATCH, "/v2/apps/<app_id>", body = app)]
    async fn update_app(&self, app_id: &str, app: &AppUpdate) -> Result<AppResponse>;

    /// Deletes an app (answers `{}`).
    #[endpoint(DELETE, "/v2/apps/<app_id>")]
    async fn delete_app(&self, app_id: &str) -> Result<()>;

    /// Every app of the account (with a filter, only those it selects), fetched a page (100
    /// apps) at a time with [`list_apps`](Self::list_apps) as the stream is read, following
    /// each page's `meta.afterCursor`. Each app comes once; a page that says more follow but
    /// brings nothing new, or points back to a page read already, ends the stream with
    /// [`Error::Pagination`](crate::Error::Pagination).
    fn apps(
        &self,
        filter: AppListFilter,
    ) -> impl Stream<Item = Result<App>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let v2 = self.as_client().v2();
        cursor_paged("apps", Direction::Forward, move |cursor| {
            let page = cursor
                .map_or_else(Page::first, Page::after)
                .with_size(crate::PAGE_LIMIT);
            v2.list_apps(&page, &filter)
        })
    }
}

impl AppsApi for V2 {}
