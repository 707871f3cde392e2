//! Conversations: [`Conversation`] and its short form [`ConversationTruncated`], the bodies
//! [`ConversationCreate`] and [`ConversationUpdate`], the answers [`ConversationResponse`] and
//! [`ConversationListResponse`], the filter of *list conversations*
//! ([`ConversationListFilter`]), and the body of *download message ref*
//! ([`DownloadMessageRef`]).

use smooch_macros::model;

use super::paged::cursor_page;
use super::{DateTime, PageLinks, PageMeta, ParticipantJoin, SwitchboardIntegrationRef};
use crate::Secret;
use crate::models::string_enum;
use crate::models::{Id, Metadata};
use crate::request::{QueryParams, Request};

string_enum! {
    in "v2::models";
    /// The kind of a conversation (`conversationType`).
    pub enum ConversationType {
        /// `personal`: one user and the business.
        Personal => "personal",
        /// `sdkGroup`: several users of the SDKs.
        SdkGroup => "sdkGroup",
    }
}

/// A conversation (response).
#[model(setters)]
pub struct Conversation {
    /// The conversation id.
    pub id: Option<Id>,
    /// `personal` or `sdkGroup`.
    pub r#type: Option<ConversationType>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// The switchboard integration in control; absent when none is.
    pub active_switchboard_integration: Option<SwitchboardIntegrationRef>,
    /// The switchboard integration offered control; absent when there is no offer.
    pub pending_switchboard_integration: Option<SwitchboardIntegrationRef>,
    /// Whether it is the user's first personal conversation.
    pub is_default: Option<bool>,
    /// Its friendly name.
    pub display_name: Option<String>,
    /// Its short description.
    pub description: Option<String>,
    /// Its icon's URL.
    pub icon_url: Option<String>,
    /// When the business last read it.
    pub business_last_read: Option<DateTime>,
    /// When its last message came, or when it was created if none has.
    pub last_updated_at: Option<DateTime>,
    /// When it was created.
    pub created_at: Option<DateTime>,
}

/// The short form of a conversation that webhook events carry (`conversationTruncated`).
#[model(setters)]
pub struct ConversationTruncated {
    /// The conversation id.
    pub id: Option<Id>,
    /// `personal` or `sdkGroup`.
    pub r#type: Option<ConversationType>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// The switchboard integration in control; absent when none is.
    pub active_switchboard_integration: Option<SwitchboardIntegrationRef>,
    /// The switchboard integration offered control; absent when there is no offer.
    pub pending_switchboard_integration: Option<SwitchboardIntegrationRef>,
}

/// The body of *create conversation* (request).
///
/// ```
/// use smooch_client::v2::models::{ConversationCreate, ParticipantJoin};
///
/// let support = ConversationCreate::personal(ParticipantJoin::user_id("5963c0d619a30a2e00de36b8"))
///     .with_display_name("Order #48213");
/// assert_eq!(
///     serde_json::to_string(&support)?,
///     r#"{"type":"personal","participants":[{"userId":"5963c0d619a30a2e00de36b8"}],"displayName":"Order #48213"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct ConversationCreate {
    /// `personal` or `sdkGroup`.
    #[model(required)]
    pub r#type: ConversationType,
    /// Who takes part: exactly one for `personal`, up to 10 for `sdkGroup`.
    #[model(add = with_participant)]
    pub participants: Vec<ParticipantJoin>,
    /// Its friendly name (1 to 100 characters).
    pub display_name: Option<String>,
    /// Its short description (1 to 100 characters).
    pub description: Option<String>,
    /// Its icon's URL (JPG, PNG or GIF).
    pub icon_url: Option<String>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
}

impl ConversationCreate {
    /// A conversation of this type, without participants yet.
    pub fn new(r#type: ConversationType) -> Self {
        ConversationCreate {
            r#type,
            ..ConversationCreate::default()
        }
    }

    /// A `personal` conversation of one user.
    pub fn personal(participant: ParticipantJoin) -> Self {
        ConversationCreate::new(ConversationType::Personal).with_participant(participant)
    }

    /// An `sdkGroup` conversation (add up to 10 participants with
    /// [`with_participant`](Self::with_participant)).
    pub fn sdk_group() -> Self {
        ConversationCreate::new(ConversationType::SdkGroup)
    }
}

/// The body of *update conversation* (request): only what is set is sent; a field cleared
/// (`clear_*`, or `Some(None)`) is sent as `null`, which removes it.
///
/// ```
/// use smooch_client::v2::models::ConversationUpdate;
///
/// let update = ConversationUpdate::default().with_display_name("Refund").clear_icon_url();
/// assert_eq!(serde_json::to_string(&update)?, r#"{"displayName":"Refund","iconUrl":null}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct ConversationUpdate {
    /// The new friendly name.
    #[model(no_setter)]
    pub display_name: Option<Option<String>>,
    /// The new description.
    #[model(no_setter)]
    pub description: Option<Option<String>>,
    /// The new icon URL.
    #[model(no_setter)]
    pub icon_url: Option<Option<String>>,
    /// New metadata; `None` sends `null`, which clears it (whether keys are merged or
    /// replaced is not documented).
    pub metadata: Option<Option<Metadata>>,
}

/// A setter and a clearer for each nullable text of [`ConversationUpdate`].
macro_rules! nullable_text {
    ($($field:ident: $set:ident, $clear:ident;)*) => {
        impl ConversationUpdate {
            $(
                #[doc = concat!("Sets [`", stringify!($field), "`](Self::", stringify!($field), ").")]
                pub fn $set(mut self, value: impl Into<String>) -> Self {
                    self.$field = Some(Some(value.into()));
                    self
                }

                #[doc = concat!("Removes the `", stringify!($field), "`: sends `null`.")]
                pub fn $clear(mut self) -> Self {
                    self.$field = Some(None);
                    self
                }
            )*
        }
    };
}

nullable_text! {
    display_name: with_display_name, clear_display_name;
    description: with_description, clear_description;
    icon_url: with_icon_url, clear_icon_url;
}

/// The answer of *create*, *get* and *update conversation*.
#[model(setters)]
pub struct ConversationResponse {
    /// The conversation.
    pub conversation: Option<Conversation>,
}

/// One page of *list conversations*.
#[model(setters)]
pub struct ConversationListResponse {
    /// The conversations of the page.
    pub conversations: Vec<Conversation>,
    /// Whether more follow, and the cursors.
    pub meta: Option<PageMeta>,
    /// The URLs of the pages around.
    pub links: Option<PageLinks>,
}

cursor_page!(ConversationListResponse, conversations, Conversation);

/// Whose conversations *list conversations* returns: a user, by id (`filter[userId]`) or by
/// `externalId` (`filter[userExternalId]`); the API takes exactly one.
///
/// ```
/// use smooch_client::v2::models::ConversationListFilter;
///
/// let by_id = ConversationListFilter::user_id("5963c0d619a30a2e00de36b8");
/// let by_external_id = ConversationListFilter::user_external_id("steve@example.com");
/// # let _ = (by_id, by_external_id);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConversationListFilter {
    /// The user with this id (`filter[userId]`).
    UserId(String),
    /// The user with this `externalId` (`filter[userExternalId]`).
    UserExternalId(String),
}

impl ConversationListFilter {
    /// The user with this id.
    pub fn user_id(user_id: impl Into<String>) -> Self {
        ConversationListFilter::UserId(user_id.into())
    }

    /// The user with this `externalId`.
    pub fn user_external_id(external_id: impl Into<String>) -> Self {
        ConversationListFilter::UserExternalId(external_id.into())
    }
}

/// Sent as `filter[userId]=<id>` or `filter[userExternalId]=<id>`.
impl QueryParams for ConversationListFilter {
    fn write_query(&self, request: &mut Request<'_>) {
        match self {
            ConversationListFilter::UserId(id) => {
                request.query("filter", "filter[userId]", id.as_str());
            }
            ConversationListFilter::UserExternalId(id) => {
                request.query("filter", "filter[userExternalId]", id.as_str());
            }
        }
    }
}

/// The body of *download message ref* (Apple Messages for Business): a user and the
/// interactive-data reference a passthrough webhook gave.
#[model(request, setters)]
pub struct DownloadMessageRef {
    /// The user the reference belongs to.
    #[model(required)]
    pub user_id: String,
    /// Apple's message reference.
    pub apple: Option<AppleMessageRef>,
}

impl DownloadMessageRef {
    /// The reference `interactive_data_ref` of the user `user_id`.
    pub fn apple(user_id: impl Into<String>, interactive_data_ref: InteractiveDataRef) -> Self {
        DownloadMessageRef::default()
            .with_user_id(user_id)
            .with_apple(AppleMessageRef::default().with_interactive_data_ref(interactive_data_ref))
    }
}

/// An Apple message reference.
#[model(request, setters)]
pub struct AppleMessageRef {
    /// The reference, as the passthrough webhook gave it.
    #[model(required)]
    pub interactive_data_ref: InteractiveDataRef,
}

/// Where Apple keeps a large interactive message, as a passthrough webhook gives it.
#[model(request, setters)]
pub struct InteractiveDataRef {
    /// The URL.
    #[model(required)]
    pub url: String,
    /// The `bid`.
    #[model(required)]
    pub bid: String,
    /// The decryption key (a [`Secret`], which `Debug` does not show).
    #[model(required)]
    pub key: Secret,
    /// The signature.
    #[model(required)]
    pub signature: String,
    /// The owner.
    #[model(required)]
    pub owner: String,
}
