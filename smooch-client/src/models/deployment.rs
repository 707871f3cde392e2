//! WhatsApp deployments: [`Deployment`], the bodies [`DeploymentCreate`],
//! [`DeploymentActivatePhoneNumber`] and [`DeploymentConfirmCode`], and the responses
//! [`DeploymentResponse`], [`ListDeploymentsResponse`] and [`DeploymentDeletion`].

use serde::{Deserialize, Serialize};
use smooch_macros::model;

use super::enums::{DeploymentActivationMethod, DeploymentHosting, DeploymentStatus};
use crate::Secret;

/// A WhatsApp deployment: the WhatsApp Business API client a `whatsapp` integration sends
/// through (response).
#[model]
pub struct Deployment {
    /// The deployment id (`_id`).
    #[serde(rename = "_id")]
    #[model(key)]
    pub id: String,
    /// Where it is in its life.
    #[model(required)]
    pub status: DeploymentStatus,
    /// Who hosts it.
    #[model(required)]
    pub hosting: DeploymentHosting,
    /// The URL of a self-hosted API client.
    pub base_url: Option<String>,
    /// The user name of a self-hosted API client.
    pub username: Option<String>,
    /// The phone number, once registered.
    pub phone_number: Option<String>,
    /// The URL called when the status changes.
    pub callback_url: Option<String>,
    /// The secret sent with each callback, to authenticate it.
    pub callback_secret: Option<Secret>,
    /// The integration using the deployment.
    pub integration_id: Option<String>,
    /// The app of that integration.
    pub app_id: Option<String>,
}

/// The body of *create deployment* (request).
///
/// ```rust
/// use smooch_client::models::DeploymentCreate;
///
/// let hosted = DeploymentCreate::smooch().with_callback_url("https://example.org/deployments");
/// assert_eq!(
///     serde_json::to_string(&hosted)?,
///     r#"{"hosting":"smooch","callbackUrl":"https://example.org/deployments"}"#,
/// );
/// let own = DeploymentCreate::self_hosted("https://wa.example.org", "admin", "hunter2");
/// assert!(!format!("{own:?}").contains("hunter2"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request)]
pub struct DeploymentCreate {
    /// Who hosts the deployment.
    #[model(required)]
    pub hosting: DeploymentHosting,
    /// The URL of a self-hosted API client.
    pub base_url: Option<String>,
    /// The user name of a self-hosted API client.
    pub username: Option<String>,
    /// The password of a self-hosted API client.
    pub password: Option<Secret>,
    /// The URL to call when the status changes.
    #[model(setter)]
    pub callback_url: Option<String>,
}

impl DeploymentCreate {
    /// A deployment hosted by Smooch.
    pub fn smooch() -> Self {
        Self {
            hosting: DeploymentHosting::Smooch,
            ..Self::default()
        }
    }

    /// A deployment on your own WhatsApp Business API client.
    pub fn self_hosted(
        base_url: impl Into<String>,
        username: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        Self {
            hosting: DeploymentHosting::SelfHosted,
            base_url: Some(base_url.into()),
            username: Some(username.into()),
            password: Some(password.into()),
            ..Self::default()
        }
    }
}

/// The body of *activate phone number* (request): asks WhatsApp for a code, sent by SMS or
/// phone call, that *confirm code* then gives back.
///
/// ```rust
/// use smooch_client::models::DeploymentActivatePhoneNumber;
///
/// let body = DeploymentActivatePhoneNumber::sms("+15145555555", "Q2VydGlmaWNhdGU=");
/// assert_eq!(
///     serde_json::to_string(&body)?,
///     r#"{"phoneNumber":"+15145555555","verifiedNameCertificate":"Q2VydGlmaWNhdGU=","method":"sms"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request)]
pub struct DeploymentActivatePhoneNumber {
    /// The phone number to register, in E.164 format (`+15145555555`).
    #[model(required)]
    pub phone_number: String,
    /// The verified name certificate from the WhatsApp Business Manager (base64).
    #[model(required)]
    pub verified_name_certificate: String,
    /// How the code is sent.
    #[model(required)]
    pub method: DeploymentActivationMethod,
}

impl DeploymentActivatePhoneNumber {
    /// Activates `phone_number`; the code is sent by `method`.
    pub fn new(
        phone_number: impl Into<String>,
        verified_name_certificate: impl Into<String>,
        method: DeploymentActivationMethod,
    ) -> Self {
        Self {
            phone_number: phone_number.into(),
            verified_name_certificate: verified_name_certificate.into(),
            method,
            ..Self::default()
        }
    }

    /// Activates `phone_number`; the code is sent by SMS.
    pub fn sms(
        phone_number: impl Into<String>,
        verified_name_certificate: impl Into<String>,
    ) -> Self {
        Self::new(
            phone_number,
            verified_name_certificate,
            DeploymentActivationMethod::Sms,
        )
    }

    /// Activates `phone_number`; the code is given by a phone call.
    pub fn voice(
        phone_number: impl Into<String>,
        verified_name_certificate: impl Into<String>,
    ) -> Self {
        Self::new(
            phone_number,
            verified_name_certificate,
            DeploymentActivationMethod::Voice,
        )
    }
}

/// The body of *confirm code* (request): the code received by SMS or phone call.
#[model(request)]
pub struct DeploymentConfirmCode {
    /// The code.
    #[model(required)]
    pub code: String,
}

impl DeploymentConfirmCode {
    /// Confirms with `code`.
    pub fn new(code: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            ..Self::default()
        }
    }
}

/// Response of the deployment operations that return one.
#[model]
pub struct DeploymentResponse {
    /// The deployment.
    #[model(key)]
    pub deployment: Deployment,
}

/// Response of *list deployments* (not paged).
#[model]
pub struct ListDeploymentsResponse {
    /// Every deployment.
    pub deployments: Vec<Deployment>,
}

/// What *delete deployment* answered: the deployment is gone (200 without a body, or an empty
/// object), or Smooch accepted the deletion and is still deleting it (202 with the deployment).
///
/// ```rust
/// use smooch_client::models::{DeploymentDeletion, DeploymentStatus};
///
/// assert_eq!(serde_json::from_str::<DeploymentDeletion>("null")?, DeploymentDeletion::Deleted);
/// assert_eq!(serde_json::from_str::<DeploymentDeletion>("{}")?, DeploymentDeletion::Deleted);
/// let later: DeploymentDeletion = serde_json::from_str(
///     r#"{"deployment":{"_id":"5e2a1f6b8c3d4e0012a1b2c3","status":"deleting","hosting":"smooch"}}"#,
/// )?;
/// let DeploymentDeletion::InProgress(deployment) = later else { panic!() };
/// assert_eq!(deployment.status, DeploymentStatus::Deleting);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub enum DeploymentDeletion {
    /// Deleted (200; no body, `null`, or an object without `deployment`), or found gone by the
    /// retry of an attempt that may have deleted it ([`Removal`](crate::Removal)).
    #[default]
    Deleted,
    /// Accepted and still being deleted (202): the deployment as it is now.
    InProgress(Box<Deployment>),
}

impl DeploymentDeletion {
    /// Whether the deletion is still under way.
    pub fn is_in_progress(&self) -> bool {
        matches!(self, Self::InProgress(_))
    }
}

/// The body of *delete deployment*, when there is one (other keys are skipped).
#[model]
struct DeletionBody {
    deployment: Option<Deployment>,
}

impl<'de> Deserialize<'de> for DeploymentDeletion {
    /// `null` and objects without a `deployment` (`{}`) are [`Deleted`](Self::Deleted);
    /// `{"deployment": {..}}` is [`InProgress`](Self::InProgress). Anything else is an error.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let body = Option::<DeletionBody>::deserialize(deserializer)?;
        Ok(match body.and_then(|body| body.deployment) {
            Some(deployment) => Self::InProgress(Box::new(deployment)),
            None => Self::Deleted,
        })
    }
}

impl Serialize for DeploymentDeletion {
    /// [`Deleted`](Self::Deleted) as `null`, [`InProgress`](Self::InProgress) as
    /// `{"deployment": {..}}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Self::Deleted => serializer.serialize_none(),
            Self::InProgress(deployment) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("deployment", deployment)?;
                map.end()
            }
        }
    }
}
