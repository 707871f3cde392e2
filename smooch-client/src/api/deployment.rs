//! The six Deployment endpoints (WhatsApp deployments).

use crate::models::{
    DeploymentActivatePhoneNumber, DeploymentConfirmCode, DeploymentCreate, DeploymentDeletion,
    DeploymentResponse, ListDeploymentsResponse,
};
use crate::{Client, Result, endpoint};

/// WhatsApp deployments: the WhatsApp Business API clients that `whatsapp` integrations send
/// through, and the registration of their phone numbers (Smooch's `DeploymentApi`).
///
/// # Account scope
///
/// Deployments belong to the account, not to an app: every operation here needs an
/// **account-scoped** credential: an account key (`act_...`) or a service account key
/// (`svc_...`), with [`basic_auth`](crate::ClientBuilder::basic_auth) or with a JWT signed for
/// [`JwtScope::Account`](crate::JwtScope::Account). (The spec declares no per-operation scopes;
/// this follows Smooch's documentation.)
///
/// ```no_run
/// use smooch_client::{Client, DeploymentApi, models::*};
///
/// # async fn demo(account: Client) -> smooch_client::Result<()> {
/// let deployment = account.create_deployment(&DeploymentCreate::smooch()).await?.deployment;
/// let activation = DeploymentActivatePhoneNumber::sms("+15145555555", "Q2VydGlmaWNhdGU=");
/// account.activate_deployment_phone_number(&deployment.id, &activation).await?;
/// // ... the code arrives by SMS ...
/// account.confirm_deployment_code(&deployment.id, &DeploymentConfirmCode::new("123456")).await?;
/// # Ok(()) }
/// ```
pub trait DeploymentApi {
    /// Creates a deployment.
    #[endpoint(POST, "/v1.1/whatsapp/deployments", body = deployment_create_body)]
    async fn create_deployment(
        &self,
        deployment_create_body: &DeploymentCreate,
    ) -> Result<DeploymentResponse>;

    /// Lists every deployment of the account (not paged).
    #[endpoint(GET, "/v1.1/whatsapp/deployments")]
    async fn list_deployments(&self) -> Result<ListDeploymentsResponse>;

    /// Gets a deployment.
    #[endpoint(GET, "/v1.1/whatsapp/deployments/<deployment_id>")]
    async fn get_deployment(&self, deployment_id: &str) -> Result<DeploymentResponse>;

    /// Deletes a deployment: Smooch
    /// answers 200 without a body when it is gone
    /// ([`DeploymentDeletion::Deleted`]), or 202 with the deployment while it is still being
    /// deleted ([`DeploymentDeletion::InProgress`]). An attempt that may have deleted it (a 5xx,
    /// a timeout, a lost connection) whose retry is answered 404 is `Deleted` too
    /// ([`Removal`](crate::Removal)).
    ///
    /// ```no_run
    /// # use smooch_client::{Client, DeploymentApi, models::DeploymentDeletion};
    /// # async fn demo(account: Client) -> smooch_client::Result<()> {
    /// match account.delete_deployment("deployment_id").await? {
    ///     DeploymentDeletion::InProgress(deployment) => println!("{}", deployment.status),
    ///     _ => println!("deleted"),
    /// }
    /// # Ok(()) }
    /// ```
    #[endpoint(DELETE, "/v1.1/whatsapp/deployments/<deployment_id>")]
    async fn delete_deployment(&self, deployment_id: &str) -> Result<DeploymentDeletion>;

    /// Asks WhatsApp for the code that registers the deployment's phone number, sent by SMS
    /// or phone call (the spec's
    /// `activatePhoneNumber`).
    #[endpoint(
        POST,
        "/v1.1/whatsapp/deployments/<deployment_id>/activate",
        body = deployment_activate_phone_number_body
    )]
    async fn activate_deployment_phone_number(
        &self,
        deployment_id: &str,
        deployment_activate_phone_number_body: &DeploymentActivatePhoneNumber,
    ) -> Result<DeploymentResponse>;

    /// Registers the deployment's phone number with the code WhatsApp sent
    /// (the spec's
    /// `confirmCode`).
    #[endpoint(
        POST,
        "/v1.1/whatsapp/deployments/<deployment_id>/code/confirm",
        body = deployment_confirm_code_body
    )]
    async fn confirm_deployment_code(
        &self,
        deployment_id: &str,
        deployment_confirm_code_body: &DeploymentConfirmCode,
    ) -> Result<DeploymentResponse>;
}

impl DeploymentApi for Client {}
