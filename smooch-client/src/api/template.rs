//! The five Template endpoints, and [`templates`](Self::templates).

use futures_core::Stream;

use crate::models::{
    ListTemplatesResponse, Template, TemplateCreate, TemplateResponse, TemplateUpdate,
};
use crate::paging::{PAGE_LIMIT, paged};
use crate::{AsClient, Client, Result, endpoint};

/// Message templates of an app, sent to users with the shorthand `%((template: name))%` in a
/// message's text (Smooch's `TemplateApi`).
///
/// # Scope
///
/// An app-scoped credential (an app key `app_...`, or [`JwtScope::App`](crate::JwtScope::App))
/// is enough for the app it belongs to; an account-scoped one works for every app.
///
/// ```no_run
/// use smooch_client::{Client, TemplateApi, models::{MessagePost, Role, TemplateCreate}};
///
/// # async fn demo(client: Client) -> smooch_client::Result<()> {
/// let greeting = TemplateCreate::new("greeting", MessagePost::text(Role::AppMaker, "Hello!"));
/// let template = client.create_template("app_id", &greeting).await?.template;
/// # Ok(()) }
/// ```
pub trait TemplateApi {
    /// Creates a template.
    #[endpoint(POST, "/v1.1/apps/<app_id>/templates", body = template_create_body)]
    async fn create_template(
        &self,
        app_id: &str,
        template_create_body: &TemplateCreate,
    ) -> Result<TemplateResponse>;

    /// Lists one page of an app's templates: `limit` of
    /// them (the API's default is 25) from `offset`. [`templates`](Self::templates) streams every page.
    #[endpoint(GET, "/v1.1/apps/<app_id>/templates?<limit>&<offset>")]
    async fn list_templates(
        &self,
        app_id: &str,
        limit: Option<u32>,
        offset: Option<u32>,
    ) -> Result<ListTemplatesResponse>;

    /// Gets a template.
    #[endpoint(GET, "/v1.1/apps/<app_id>/templates/<template_id>")]
    async fn get_template(&self, app_id: &str, template_id: &str) -> Result<TemplateResponse>;

    /// Changes a template's name or message.
    #[endpoint(
        PUT,
        "/v1.1/apps/<app_id>/templates/<template_id>",
        body = template_update_body
    )]
    async fn update_template(
        &self,
        app_id: &str,
        template_id: &str,
        template_update_body: &TemplateUpdate,
    ) -> Result<TemplateResponse>;

    /// Deletes a template.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/templates/<template_id>")]
    async fn delete_template(&self, app_id: &str, template_id: &str) -> Result<()>;
    /// Every template of an app, fetched a page ([`PAGE_LIMIT`]) at a time with
    /// [`list_templates`](TemplateApi::list_templates) as the stream is read. An error is
    /// yielded once and ends the stream. Against a server whose pages lie, no template comes
    /// twice and the stream ends ([`DEDUP_WINDOW`](crate::DEDUP_WINDOW)).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use smooch_client::TemplateApi;
    /// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
    /// let names: Vec<String> = client.templates("app_id").map_ok(|t| t.name).try_collect().await?;
    /// # Ok(()) }
    /// ```
    fn templates(
        &self,
        app_id: &str,
    ) -> impl Stream<Item = Result<Template>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let client = self.as_client().clone();
        let app_id = app_id.to_owned();
        paged("templates", PAGE_LIMIT, move |offset, limit| {
            client.list_templates(&app_id, Some(limit), Some(offset))
        })
    }
}

impl TemplateApi for Client {}
