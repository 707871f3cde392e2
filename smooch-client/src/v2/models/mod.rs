//! Request and response models of API v2.
//!
//! Built with [`#[model]`](crate::model) like v1.1's: unknown keys are kept in each model's
//! `extra`, unknown members of a union (a content, action or integration type) in
//! [`Unknown`](crate::models::Unknown) with their raw JSON, `null` reads as absent, a repeated
//! key keeps its last value; request bodies refuse `null` where the API requires a value. Ids
//! are `id`, not `_id`; times are [`DateTime`]s.

mod activity;
mod app;
mod attachment;
mod client;
mod conversation;
mod conversion_event;
mod device;
mod integration;
mod key;
mod lenient;
mod message;
mod oauth;
mod one_of;
mod paged;
mod paging;
mod participant;
mod shared;
mod switchboard;
mod time;
mod user;
mod webhook;

pub use activity::{ActivityPost, ActivityType};

pub use app::{
    App, AppCreate, AppListFilter, AppListResponse, AppResponse, AppSettings, AppUpdate,
};
pub use attachment::{
    Attachment, AttachmentAccess, AttachmentDelete, AttachmentFor, AttachmentResponse,
    UploadAttachmentOptions,
};
pub use client::{
    Client, ClientCreate, ClientListResponse, ClientResponse, ClientTarget, Confirmation,
    ConfirmationType, MatchCriteria, MatchCriteriaMailgun, MatchCriteriaPhone,
};
pub use conversation::{
    AppleMessageRef, Conversation, ConversationCreate, ConversationListFilter,
    ConversationListResponse, ConversationResponse, ConversationTruncated, ConversationType,
    ConversationUpdate, DownloadMessageRef, InteractiveDataRef,
};
pub use conversion_event::{
    ConversionEvents, ConversionEventsBody, ConversionEventsResponse, MetaConversionEvent,
    MetaConversionPayload,
};
pub use device::{Device, DeviceListResponse, DeviceResponse, DeviceStatus, DeviceType};
pub use integration::*;
pub use key::{
    ApiKey, AppKey, AppKeyCreate, AppKeyListResponse, AppKeyResponse, IntegrationApiKeyCreate,
    IntegrationApiKeyListResponse, IntegrationApiKeyResponse,
};
pub use message::{
    Action, ActionSubset, ActivityMessage, AppleCapability, AppleMessageOverridePayload, Author,
    AuthorSubtype, AuthorType, Buy, Campaign, CarouselMessage, Content, Coordinates, Destination,
    DisplaySettings, ExtraChannelOptions, FieldFormat, FieldType, FileMessage, FormMessage,
    FormMessageField, FormOption, FormResponseMessage, FormResponseMessageField, ImageAspectRatio,
    ImageMessage, Item, ItemSize, Link, ListMessage, Location, LocationMessage, LocationRequest,
    Message, MessageListResponse, MessageOverride, MessageOverridePayload, MessagePost,
    MessagePostResponse, MessengerOptions, Postback, QuotedMessage, QuotedMessageExternalMessageId,
    QuotedMessageMessage, Reference, Reply, Source, SystemActivity, TemplateMessage, TextMessage,
    Webview, WebviewShareButton, WebviewSize,
};
pub use oauth::{AuthorizeOptions, GrantType, ResponseType, TokenRequest, TokenResponse};
pub use paging::{Page, PageLinks, PageMeta};
pub use participant::{
    ClientAssociation, Participant, ParticipantJoin, ParticipantLeave, ParticipantListResponse,
    ParticipantResponse, ParticipantUser,
};
pub use shared::{ClientType, SwitchboardIntegrationRef};
pub use switchboard::{
    AcceptControl, LinkedIntegration, OfferControl, PassControl, ReleaseControl, Switchboard,
    SwitchboardIntegration, SwitchboardIntegrationCreate, SwitchboardIntegrationListResponse,
    SwitchboardIntegrationResponse, SwitchboardIntegrationUpdate, SwitchboardListResponse,
    SwitchboardResponse, SwitchboardUpdate,
};
pub use time::{DateTime, DateTimeError};
pub use user::{
    Identity, Profile, ProfileUpdate, SyncUser, User, UserCreate, UserListResponse, UserResponse,
    UserTruncated, UserUpdate,
};
pub use webhook::{
    Webhook, WebhookCreate, WebhookListResponse, WebhookResponse, WebhookTrigger, WebhookUpdate,
};

// Enums v2 shares with v1.1: the same values, read and sent the same way.
pub use crate::models::{ClientStatus, IntegrationStatus, TwitterTier, WebDisplayStyle};
