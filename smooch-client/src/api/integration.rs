//! The twelve Integration endpoints (integrations, their menus and WhatsApp business
//! profiles), and [`integrations`](Self::integrations).

use futures_core::Stream;

use crate::models::{
    GetIntegrationProfileResponse, Integration, IntegrationCreate, IntegrationProfileUpdate,
    IntegrationResponse, IntegrationType, IntegrationUpdate, ListIntegrationsOptions,
    ListIntegrationsResponse, Menu, MenuResponse, UploadIntegrationProfilePhotoResponse,
};
use crate::paging::{PAGE_LIMIT, paged};
use crate::{AsClient, Client, Result, Upload, endpoint};

/// The channels of an app: integrations, the persistent menu of one integration, and the
/// business profile of a WhatsApp integration (Smooch's `IntegrationApi`).
///
/// # Scope
///
/// An app-scoped credential (an app key `app_...`, or [`JwtScope::App`](crate::JwtScope::App))
/// is enough for the app it belongs to; an account-scoped one works for every app of the
/// account (the paths always name the app).
///
/// ```no_run
/// use smooch_client::{Client, IntegrationApi, models::{IntegrationCreate, IntegrationKind}};
///
/// # async fn demo(client: Client) -> smooch_client::Result<()> {
/// let created = client
///     .create_integration("app_id", &IntegrationCreate::telegram("110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
///     .await?
///     .integration;
/// if let IntegrationKind::Telegram(telegram) = &created.kind {
///     println!("talk to @{}", telegram.username.as_deref().unwrap_or("?"));
/// }
/// # Ok(()) }
/// ```
pub trait IntegrationApi {
    /// Connects a channel to an app.
    #[endpoint(POST, "/v1.1/apps/<app_id>/integrations", body = integration_create_body)]
    async fn create_integration(
        &self,
        app_id: &str,
        integration_create_body: &IntegrationCreate,
    ) -> Result<IntegrationResponse>;

    /// Lists one page of an app's integrations: `limit` of them (the API's default is 25) from
    /// `offset`; with `types`, only those types (see [`ListIntegrationsOptions`]).
    /// [`integrations`](Self::integrations) streams every page.
    #[endpoint(GET, "/v1.1/apps/<app_id>/integrations?<options..>")]
    async fn list_integrations(
        &self,
        app_id: &str,
        options: &ListIntegrationsOptions,
    ) -> Result<ListIntegrationsResponse>;

    /// Gets an integration.
    #[endpoint(GET, "/v1.1/apps/<app_id>/integrations/<integration_id>")]
    async fn get_integration(
        &self,
        app_id: &str,
        integration_id: &str,
    ) -> Result<IntegrationResponse>;

    /// Changes an integration.
    #[endpoint(
        PUT,
        "/v1.1/apps/<app_id>/integrations/<integration_id>",
        body = integration_update_body
    )]
    async fn update_integration(
        &self,
        app_id: &str,
        integration_id: &str,
        integration_update_body: &IntegrationUpdate,
    ) -> Result<IntegrationResponse>;

    /// Disconnects a channel.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/integrations/<integration_id>")]
    async fn delete_integration(&self, app_id: &str, integration_id: &str) -> Result<()>;

    /// Gets the persistent menu of an integration.
    #[endpoint(GET, "/v1.1/apps/<app_id>/integrations/<integration_id>/menu")]
    async fn get_integration_menu(
        &self,
        app_id: &str,
        integration_id: &str,
    ) -> Result<MenuResponse>;

    /// Gives an integration its own persistent menu, in place of the app's.
    #[endpoint(
        POST,
        "/v1.1/apps/<app_id>/integrations/<integration_id>/menu",
        body = menu
    )]
    async fn create_integration_menu(
        &self,
        app_id: &str,
        integration_id: &str,
        menu: &Menu,
    ) -> Result<MenuResponse>;

    /// Replaces the persistent menu of an integration.
    #[endpoint(
        PUT,
        "/v1.1/apps/<app_id>/integrations/<integration_id>/menu",
        body = menu
    )]
    async fn update_integration_menu(
        &self,
        app_id: &str,
        integration_id: &str,
        menu: &Menu,
    ) -> Result<MenuResponse>;

    /// Removes an integration's own menu; the app's menu applies again.
    #[endpoint(DELETE, "/v1.1/apps/<app_id>/integrations/<integration_id>/menu")]
    async fn delete_integration_menu(&self, app_id: &str, integration_id: &str) -> Result<()>;

    /// Gets the business profile of a WhatsApp integration.
    #[endpoint(GET, "/v1.1/apps/<app_id>/integrations/<integration_id>/profile")]
    async fn get_integration_profile(
        &self,
        app_id: &str,
        integration_id: &str,
    ) -> Result<GetIntegrationProfileResponse>;

    /// Changes the business profile of a WhatsApp integration
    /// (no response body).
    #[endpoint(
        PUT,
        "/v1.1/apps/<app_id>/integrations/<integration_id>/profile",
        body = integration_profile_update_body
    )]
    async fn update_integration_profile(
        &self,
        app_id: &str,
        integration_id: &str,
        integration_profile_update_body: &IntegrationProfileUpdate,
    ) -> Result<()>;

    /// Uploads the profile photo of a WhatsApp integration, sent as the multipart file part
    /// `source`.
    ///
    /// ```no_run
    /// # use smooch_client::{Client, IntegrationApi, Upload};
    /// # async fn demo(client: Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let photo = Upload::read("logo.jpg")?;
    /// let uploaded = client.upload_integration_profile_photo("app_id", "integration_id", &photo).await?;
    /// println!("{}", uploaded.photo_url);
    /// # Ok(()) }
    /// ```
    #[endpoint(
        PUT,
        "/v1.1/apps/<app_id>/integrations/<integration_id>/profile/photo",
        multipart(source = photo)
    )]
    async fn upload_integration_profile_photo(
        &self,
        app_id: &str,
        integration_id: &str,
        photo: &Upload,
    ) -> Result<UploadIntegrationProfilePhotoResponse>;
    /// Every integration of an app (with `types`, only those types), fetched a page
    /// ([`PAGE_LIMIT`]) at a time with [`list_integrations`](IntegrationApi::list_integrations)
    /// as the stream is read. An error is yielded once and ends the stream. Against a server
    /// whose pages lie, no integration comes twice and the stream ends
    /// ([`DEDUP_WINDOW`](crate::DEDUP_WINDOW)).
    ///
    /// ```no_run
    /// use futures_util::TryStreamExt;
    /// use smooch_client::IntegrationApi;
    /// use smooch_client::models::IntegrationType;
    /// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
    /// let sms = [IntegrationType::Twilio, IntegrationType::Messagebird];
    /// let mut integrations = std::pin::pin!(client.integrations("app_id", Some(&sms)));
    /// while let Some(integration) = integrations.try_next().await? {
    ///     println!("{} {}", integration.kind.tag(), integration.id);
    /// }
    /// # Ok(()) }
    /// ```
    fn integrations(
        &self,
        app_id: &str,
        types: Option<&[IntegrationType]>,
    ) -> impl Stream<Item = Result<Integration>> + Send + 'static + use<Self>
    where
        Self: AsClient,
    {
        let client = self.as_client().clone();
        let app_id = app_id.to_owned();
        let types = types.map(<[IntegrationType]>::to_vec);
        paged("integrations", PAGE_LIMIT, move |offset, limit| {
            let options = ListIntegrationsOptions {
                types: types.clone(),
                limit: Some(limit),
                offset: Some(offset),
            };
            client.list_integrations(&app_id, &options)
        })
    }
}

impl IntegrationApi for Client {}
