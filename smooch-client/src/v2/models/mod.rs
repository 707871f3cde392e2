//! Request and response models of API v2.
//!
//! Built with [`#[model]`](crate::model) like v1.1's: unknown keys are kept in each model's
//! `extra`, unknown members of a union (a content, action or integration type) in
//! [`Unknown`](crate::models::Unknown) with their raw JSON, `null` reads as absent, a repeated
//! key keeps its last value; request bodies refuse `null` where the API requires a value. Ids
//! are `id`, not `_id`; times are [`DateTime`]s.

mod app;
mod key;
mod paging;
mod shared;
mod switchboard;
mod time;
mod webhook;

pub use app::{
    App, AppCreate, AppListFilter, AppListResponse, AppResponse, AppSettings, AppUpdate,
};
pub use key::{
    ApiKey, AppKey, AppKeyCreate, AppKeyListResponse, AppKeyResponse, IntegrationApiKeyCreate,
    IntegrationApiKeyListResponse, IntegrationApiKeyResponse,
};
pub use paging::{Page, PageLinks, PageMeta};
pub use shared::{ClientType, SwitchboardIntegrationRef};
pub use switchboard::{
    AcceptControl, LinkedIntegration, OfferControl, PassControl, ReleaseControl, Switchboard,
    SwitchboardIntegration, SwitchboardIntegrationCreate, SwitchboardIntegrationListResponse,
    SwitchboardIntegrationResponse, SwitchboardIntegrationUpdate, SwitchboardListResponse,
    SwitchboardResponse, SwitchboardUpdate,
};
pub use time::{DateTime, DateTimeError};
pub use webhook::{
    Webhook, WebhookCreate, WebhookListResponse, WebhookResponse, WebhookTrigger, WebhookUpdate,
};
