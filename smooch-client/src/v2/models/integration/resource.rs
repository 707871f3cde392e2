//! [`Integration`] as read, [`IntegrationCreate`] as sent, the answers
//! ([`IntegrationResponse`], [`IntegrationListResponse`]) and the filter of the list
//! ([`IntegrationListFilter`]).

use smooch_macros::model;

use super::{IntegrationCreateKind, IntegrationKind, IntegrationType};
use crate::models::{Id, IntegrationStatus};
use crate::v2::models::paged::cursor_page;
use crate::v2::models::{PageLinks, PageMeta};

/// An integration of an app: one channel, or your own code (response). Its `type` and the
/// fields of that type are its [`kind`](Self::kind).
#[model]
pub struct Integration {
    /// The integration id (read-only).
    pub id: Option<Id>,
    /// Whether it works (read-only).
    pub status: Option<IntegrationStatus>,
    /// Its human-friendly name.
    pub display_name: Option<String>,
    /// Its type (`type`) and the fields of that type.
    #[serde(flatten)]
    pub kind: IntegrationKind,
}

/// The body of *create integration* (request): the type, with its fields, and a name.
///
/// ```
/// use smooch_client::v2::models::{IntegrationCreate, TelegramCreate};
///
/// let bot = IntegrationCreate::new(TelegramCreate::new("110201543:AAHdqTcv")).with_display_name("Bot");
/// assert_eq!(
///     serde_json::to_string(&bot)?,
///     r#"{"displayName":"Bot","type":"telegram","token":"110201543:AAHdqTcv"}"#,
/// );
/// // Strict where the API requires a field:
/// let error = serde_json::from_str::<IntegrationCreate>(r#"{"type":"telegram"}"#).unwrap_err();
/// assert!(error.to_string().contains("missing field `token`"), "{error}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct IntegrationCreate {
    /// A human-friendly name (at most 100 characters).
    pub display_name: Option<String>,
    /// The type (`type`) and the fields of that type.
    #[serde(flatten)]
    #[model(no_setter)]
    pub kind: IntegrationCreateKind,
}

impl IntegrationCreate {
    /// An integration of the type `kind` (a type's create body: `WebCreate`,
    /// `MessengerCreate::new(..)`, ...), with its fields.
    pub fn new(kind: impl Into<IntegrationCreateKind>) -> Self {
        IntegrationCreate {
            kind: kind.into(),
            ..Self::default()
        }
    }
}

/// The answer of *create*, *get* and *update integration*.
#[model]
pub struct IntegrationResponse {
    /// The integration.
    pub integration: Option<Integration>,
}

/// One page of *list integrations*.
#[model]
pub struct IntegrationListResponse {
    /// The integrations of the page.
    pub integrations: Vec<Integration>,
    /// Whether more follow, and the cursors.
    pub meta: Option<PageMeta>,
    /// The URLs of the pages around.
    pub links: Option<PageLinks>,
}

/// Which integrations *list integrations* returns (`filter[types]`; unset: all).
///
/// ```
/// use smooch_client::v2::models::{IntegrationListFilter, IntegrationType};
///
/// let channels = IntegrationListFilter::default()
///     .with_types([IntegrationType::Custom, IntegrationType::Web]);
/// # let _ = channels;
/// ```
#[model(query)]
pub struct IntegrationListFilter {
    /// Only the integrations of these types (sent comma-joined: `filter[types]=custom,web`).
    #[serde(rename = "filter[types]")]
    pub types: Option<Vec<IntegrationType>>,
}

cursor_page!(IntegrationListResponse, integrations, Integration);
