//! The parts of v2 event payloads that only webhooks have: the envelope's [`AppRef`] and
//! [`WebhookRef`], an [`Activity`], a pressed [`Postback`], a [`Referral`] (the same as
//! v1.1's, re-exported), what the delivery
//! events name ([`MessageRef`], [`DeliveryDestination`], [`ExternalMessage`]), an
//! [`EventError`], what a merge merged ([`MergedUsers`], [`MergedConversations`],
//! [`MergedClients`]), and the open enums of each event's `reason`.

use smooch_macros::model;

use crate::models::string_enum;
use crate::models::{Id, Metadata};
use crate::v2::models::{ActivityType, Author, Client, ConversationTruncated, Source, User};

/// How a user was referred (`referral`): v2 sends the same object as v1.1.
pub use crate::webhook::{Referral, ReferralDetails};

/// The app a delivery's events belong to (`app`).
#[model]
pub struct AppRef {
    /// The app id.
    pub id: Option<Id>,
}

/// The webhook that made a delivery (`webhook`).
#[model]
pub struct WebhookRef {
    /// The webhook id.
    pub id: Option<Id>,
    /// The payload version: `v2` (absent in some deliveries).
    pub version: Option<String>,
}

/// What a user did in `conversation:read` and `conversation:typing` events (`activity`).
#[model]
pub struct Activity {
    /// `conversation:read`, `typing:start` or `typing:stop`.
    pub r#type: Option<ActivityType>,
    /// Where it happened.
    pub source: Option<Source>,
    /// Who did it (a user; with [`user`](Author::user)).
    pub author: Option<Author>,
}

/// The postback button a user pressed (`postback` of `conversation:postback`).
#[model]
pub struct Postback {
    /// The button's `payload`.
    pub payload: Option<String>,
    /// The button's metadata.
    pub metadata: Option<Metadata>,
}

/// The message a delivery event is about: its id (`message`).
#[model]
pub struct MessageRef {
    /// The message id.
    pub id: Option<Id>,
}

/// Where a message was (not) delivered (`destination` of the delivery events).
#[model]
pub struct DeliveryDestination {
    /// The channel: `web`, `ios`, `android`, `messenger`, `whatsapp`, `notification`, ... (an
    /// open set).
    pub r#type: Option<String>,
    /// The integration delivered to.
    pub integration_id: Option<Id>,
}

/// A channel's id for a delivered message (`externalMessages[]`).
#[model]
pub struct ExternalMessage {
    /// The channel's message id.
    pub id: Option<String>,
}

/// What went wrong, in failure events (`error`): a code and a text in every documented
/// example; any other key is kept in [`extra`](Self::extra).
#[model]
pub struct EventError {
    /// The error code (`uncategorized_error`, `switchboard_invalid_action`, ...).
    pub code: Option<String>,
    /// What happened.
    pub message: Option<String>,
}

/// The users of a `user:merge` (`mergedUsers`).
#[model]
pub struct MergedUsers {
    /// The user kept.
    pub surviving: Option<User>,
    /// The user folded into it (it no longer exists).
    pub discarded: Option<User>,
}

/// The conversations of a `user:merge` (`mergedConversations`).
#[model]
pub struct MergedConversations {
    /// The conversation kept.
    pub surviving: Option<ConversationTruncated>,
    /// The conversation folded into it.
    pub discarded: Option<ConversationTruncated>,
}

/// The clients of a `user:merge` (`mergedClients`).
#[model]
pub struct MergedClients {
    /// The client that already existed.
    pub surviving: Option<Client>,
    /// The pending client the merge dropped.
    pub discarded: Option<Client>,
}

string_enum! {
    in "v2::webhook";
    /// Why a client was added (`client:add`).
    pub enum ClientAddReason {
        /// `channelLinking`: a channel link was started.
        ChannelLinking => "channelLinking",
        /// `sdkLogin`: the user logged in on an SDK device.
        SdkLogin => "sdkLogin",
        /// `authCode`: an SDK was initialised with an auth code.
        AuthCode => "authCode",
    }
}

string_enum! {
    in "v2::webhook";
    /// Why a client was removed (`client:remove`).
    pub enum ClientRemoveReason {
        /// `api`: removed through the API.
        Api => "api",
        /// `linkCancelled`: the user cancelled a channel link.
        LinkCancelled => "linkCancelled",
        /// `linkFailed`: a channel link failed.
        LinkFailed => "linkFailed",
        /// `sdk`: removed through an SDK.
        Sdk => "sdk",
        /// `theft`: a channel link moved the client to another user.
        Theft => "theft",
    }
}

string_enum! {
    in "v2::webhook";
    /// Why a client changed (`client:update`).
    pub enum ClientUpdateReason {
        /// `confirmed`: the client is active now.
        Confirmed => "confirmed",
        /// `blocked`: the user unsubscribed.
        Blocked => "blocked",
        /// `unblocked`: the user subscribed again.
        Unblocked => "unblocked",
        /// `matched`: the channel found a matching user.
        Matched => "matched",
    }
}

string_enum! {
    in "v2::webhook";
    /// Why a conversation was created (`creationReason` of `conversation:create`).
    pub enum CreationReason {
        /// `linkRequest`: to send a link request.
        LinkRequest => "linkRequest",
        /// `message`: a message was sent.
        Message => "message",
        /// `none`: no particular reason (the create-conversation API, say).
        None => "none",
        /// `notification`: the Notification API.
        Notification => "notification",
        /// `prechatCapture`: the Web Messenger's prechat form.
        PrechatCapture => "prechatCapture",
        /// `startConversation`: an SDK's `startConversation`, or a channel's start event.
        StartConversation => "startConversation",
        /// `proactiveMessaging`: the user interacted with a campaign.
        ProactiveMessaging => "proactiveMessaging",
    }
}

string_enum! {
    in "v2::webhook";
    /// Why control was passed or released (`reason` of `switchboard:passControl` and
    /// `switchboard:releaseControl`).
    pub enum ControlReason {
        /// `ticketClosed`: the ticket was closed.
        TicketClosed => "ticketClosed",
        /// `transferToEmail`: the conversation moved to email.
        TransferToEmail => "transferToEmail",
    }
}

string_enum! {
    in "v2::webhook";
    /// Why users were merged (`reason` of `user:merge`).
    pub enum MergeReason {
        /// `api`: through the API.
        Api => "api",
        /// `channelLinking`: a channel link.
        ChannelLinking => "channelLinking",
        /// `sdkLogin`: an SDK login.
        SdkLogin => "sdkLogin",
    }
}

string_enum! {
    in "v2::webhook";
    /// Why a user was updated (`reason` of `user:update`).
    pub enum UserUpdateReason {
        /// `authentication`: the user became authenticated.
        Authentication => "authentication",
        /// `localeDetection`: the user's locale was detected from their messages.
        LocaleDetection => "localeDetection",
    }
}
