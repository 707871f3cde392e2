//! Request and response models of the REST API v1.1.
//!
//! - Conversations: requests [`MessagePost`] (post message) and [`ConversationActivity`]
//!   (typing indicators, read receipts); responses [`MessageResponse`],
//!   [`GetMessagesResponse`] and [`ActivityResponse`].
//! - Users ([`AppUser`], [`AppUserClient`], [`AppUserPreCreate`], [`AppUserUpdate`],
//!   [`AppUserMerge`]) and their channels ([`AppUserLink`], [`ChannelEntityItem`], ...);
//!   attachments ([`AttachmentResponse`], [`AttachmentRemove`]); notifications
//!   ([`NotificationPost`], [`NotificationResponse`]); webhooks ([`Webhook`], [`WebhookCreate`],
//!   [`WebhookUpdate`], [`WebhookResponse`], [`ListWebhooksResponse`]).
//! - Apps ([`App`], [`AppCreate`], [`AppUpdate`], [`AppResponse`], [`ListAppsResponse`],
//!   [`GetSdkIdsResponse`]) and service accounts ([`ServiceAccount`], [`ServiceAccountCreate`],
//!   [`ServiceAccountUpdate`], ...), with their API keys ([`SecretKeyCreate`], [`SecretKey`],
//!   [`JwtResponse`]).
//! - Integrations: [`Integration`], whose [`IntegrationKind`] holds its type and the fields of
//!   that type (one model per type: [`Twilio`], [`Line`], [`Web`], ...),
//!   [`IntegrationCreate`] (one constructor per type), [`IntegrationUpdate`], the WhatsApp
//!   business profile ([`IntegrationProfileUpdate`]).
//! - Menus ([`Menu`], [`MenuItem`], [`SubMenuItem`], [`MenuResponse`]), message templates
//!   ([`Template`], [`TemplateCreate`], [`TemplateUpdate`]), WhatsApp deployments
//!   ([`Deployment`], [`DeploymentCreate`], [`DeploymentDeletion`], ...).
//!
//! Secrets the API returns or takes (API key secrets, JWTs, integration credentials, webhook
//! secrets) are [`Secret`](crate::Secret)s, which `Debug` prints as `<redacted>`.
//!
//! Every type is `#[non_exhaustive]` because the API grows: build request
//! types with their constructors and `with_*` setters, e.g.
//! `MessagePost::text(Role::AppMaker, "Hello!")`.
//!
//! ```rust
//! use smooch_client::models::{Action, MessagePost, Role};
//!
//! let message = MessagePost::text(Role::AppMaker, "Ready to checkout?")
//!     .with_action(Action::buy("Purchase", 1000));
//! # assert_eq!(message.actions[0].amount, Some(1000));
//! ```
//!
//! # Wire format
//!
//! Field names are the API's JSON names in snake case (`avatarUrl` →
//! `avatar_url`); `_id` is `id`, and the JSON keys `type` and `override`
//! are the raw identifiers `r#type` and `r#override`. Every model is declared with
//! [`#[model]`](crate::model), which writes what they share.
//!
//! When serializing, `None` is left out, and so is an empty list or map unless it was received
//! empty: a decoded model writes back the keys it came with (`"pendingClients": []` included),
//! and does not invent the ones it did not (a missing field is not written with the default
//! that stood in for it); a model built in code writes every field it has.
//!
//! The ids of a message and its parts (its `_id` and `authorId`, its source's `id` and
//! `integrationId`, the `_id` of its actions, items and form fields, and of a [`Conversation`];
//! the same ids in webhook events' message and conversation references) are [`Id`]s: text that
//! derefs to `&str` and compares with strings, held inline up to 24 bytes so that decoding them
//! allocates nothing.
//!
//! # Tolerant decoding
//!
//! Decoding follows the API's forward-compatibility rules:
//!
//! - unknown keys are kept, with their values, in each model's `extra` map (and sent back
//!   when the model is serialized), so a message type or field this crate does not know yet is
//!   still readable;
//! - unknown enum values decode to the enum's `Unknown(String)` variant,
//!   which keeps the raw value and serializes it back unchanged;
//! - an explicit `null` never fails: on an `Option` it is `None`, on a
//!   collection it is empty, on a required field it is the type's default
//!   (`""`, `0`, `Unknown("")`);
//! - a missing key decodes to the default too, except for the keys that
//!   identify a response's shape: a [`Message`]'s `_id`, `authorId`, `role`,
//!   `type` and `received`, a [`Conversation`]'s `_id`, the `message` /
//!   `conversation` of [`MessageResponse`] and [`ActivityResponse`], the `_id` of
//!   every other resource ([`AppUser`], [`Webhook`], [`App`], [`Integration`], ...), and the
//!   object a single-resource response wraps (`app` of [`AppResponse`], `webhook` of
//!   [`WebhookResponse`], ...);
//! - a repeated key keeps its last value, as every JSON parser of the official SDKs does (a
//!   real read-receipt response repeats `unreadCount`).
//!
//! Request bodies are the exception: decoding a [`MessagePost`], a [`ConversationActivity`] or
//! another request model ([`AppCreate`], [`IntegrationCreate`], ...)
//! (a template read from a file, say) refuses `null` or a missing key on a field the API
//! requires, naming it (`MessagePost.coordinates.lat: ...`), so no request is sent with a value
//! nobody gave.

#[macro_use]
mod enums;
#[cfg(feature = "v2")]
pub(crate) use enums::string_enum;

mod action;
mod activity;
mod app;
mod app_user;
mod app_user_ops;
mod attachment;
mod channel;
mod conversation;
mod cursor;
mod deployment;
mod extra;
mod form;
mod id;
mod integration;
mod item;
mod location;
mod menu;
mod message;
mod message_post;
mod metadata;
mod notification;
mod query;
mod responses;
mod service_account;
mod template;
pub(crate) mod timestamp;
mod unknown;
mod webhook;

pub use action::Action;
pub use activity::{ActivityResponse, ConversationActivity};
pub use app::{
    App, AppCreate, AppResponse, AppSettings, AppUpdate, GetSdkIdsResponse, ListAppsResponse,
};
pub use app_user::{AppUser, AppUserClient, JsonObject};
pub use app_user_ops::{
    AppUserMerge, AppUserPreCreate, AppUserResponse, AppUserUpdate, AuthCodeResponse, MergedUser,
};
pub use attachment::{AttachmentAccess, AttachmentRemove, AttachmentResponse};
pub use channel::{
    AppUserBusinessSystemsResponse, AppUserChannelsResponse, AppUserLink, BusinessSystemItem,
    BusinessSystemType, ChannelEntityItem, Confirmation, ConfirmationType, LinkRequest,
    LinkRequestResponse,
};
pub use conversation::Conversation;
pub use cursor::Cursor;
pub use deployment::{
    Deployment, DeploymentActivatePhoneNumber, DeploymentConfirmCode, DeploymentCreate,
    DeploymentDeletion, DeploymentResponse, ListDeploymentsResponse,
};
pub use enums::{
    ActionSize, ActionState, ActionType, ActivityType, ClientStatus, DeploymentActivationMethod,
    DeploymentHosting, DeploymentStatus, FieldType, ImageAspectRatio, IntegrationStatus,
    IntegrationType, ItemSize, MenuItemType, MessageType, QuotedMessageType, Role, TwitterTier,
    WebDisplayStyle, WebhookTrigger,
};
pub use extra::Extra;
pub use form::{Field, FieldOption, FieldPost, Select};
pub use id::Id;
pub use integration::{
    Apn, ApnSettings, Apple, Builtin, Fcm, GetIntegrationProfileResponse, Instagram, Integration,
    IntegrationCreate, IntegrationKind, IntegrationProfileUpdate, IntegrationResponse,
    IntegrationUpdate, Line, LineSettings, ListIntegrationsResponse, Mailgun, MailgunSettings,
    Messagebird, Messenger, Telegram, Twilio, Twitter, UploadIntegrationProfilePhotoResponse,
    Viber, Web, Wechat, Whatsapp, WhatsappSettings,
};
pub use item::{DisplaySettings, MessageItem};
pub use location::{Coordinates, Location};
pub use menu::{Menu, MenuItem, MenuResponse, SubMenuItem};
pub use message::{Message, QuotedMessage, Source};
pub use message_post::{ChannelOverride, Destination, MessagePost};
pub use metadata::Metadata;
pub use notification::{
    Author, NotificationDestination, NotificationPost, NotificationRef, NotificationResponse,
};
pub use query::{ListAppsOptions, ListIntegrationsOptions, UploadAttachmentOptions};
pub use responses::{GetMessagesResponse, MessageResponse};
pub use service_account::{
    JwtResponse, ListSecretKeysResponse, ListServiceAccountsResponse, SecretKey, SecretKeyCreate,
    SecretKeyResponse, ServiceAccount, ServiceAccountCreate, ServiceAccountResponse,
    ServiceAccountUpdate,
};
pub use template::{
    ListTemplatesResponse, Template, TemplateCreate, TemplateResponse, TemplateUpdate,
};
pub use timestamp::{Timestamp, TimestampError};
pub use unknown::Unknown;
pub use webhook::{ListWebhooksResponse, Webhook, WebhookCreate, WebhookResponse, WebhookUpdate};
