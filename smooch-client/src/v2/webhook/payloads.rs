//! The payload of each v2 event type: one model per shape, shared by the types that have the
//! same one (the three delivery events, the seven switchboard events, read and typing, join
//! and leave).

use smooch_macros::model;

use super::parts::{
    Activity, ClientAddReason, ClientRemoveReason, ClientUpdateReason, ControlReason,
    CreationReason, DeliveryDestination, EventError, ExternalMessage, MergeReason, MergedClients,
    MergedConversations, MergedUsers, MessageRef, Postback, Referral, UserUpdateReason,
};
use crate::models::Metadata;
use crate::v2::models::{Client, ConversationTruncated, Message, Source, User, UserTruncated};

/// `client:add`: a channel link started, or an SDK client was created.
#[model]
pub struct ClientAddPayload {
    /// The conversation, when `reason` is `channelLinking` and the client is tied to one.
    pub conversation: Option<ConversationTruncated>,
    /// The client's owner.
    pub user: Option<UserTruncated>,
    /// The new client.
    pub client: Option<Client>,
    /// Why it was added.
    pub reason: Option<ClientAddReason>,
    /// Where the event came from (the API or an SDK device).
    pub source: Option<Source>,
}

/// `client:remove`: a client was removed.
#[model]
pub struct ClientRemovePayload {
    /// The conversation (reasons `theft`, `linkCancelled`, `linkFailed`).
    pub conversation: Option<ConversationTruncated>,
    /// The client's owner.
    pub user: Option<UserTruncated>,
    /// The removed client.
    pub client: Option<Client>,
    /// Why it was removed.
    pub reason: Option<ClientRemoveReason>,
    /// What went wrong (`linkCancelled`, `linkFailed`; free-form, kept whole).
    pub error: Option<EventError>,
    /// Where the event came from.
    pub source: Option<Source>,
}

/// `client:update`: a client changed.
#[model]
pub struct ClientUpdatePayload {
    /// The conversation that caused the change.
    pub conversation: Option<ConversationTruncated>,
    /// The client's owner.
    pub user: Option<UserTruncated>,
    /// The updated client.
    pub client: Option<Client>,
    /// What changed.
    pub reason: Option<ClientUpdateReason>,
}

/// `conversation:create`: a conversation was created.
#[model]
pub struct ConversationCreatePayload {
    /// The new conversation.
    pub conversation: Option<ConversationTruncated>,
    /// Why it was created.
    pub creation_reason: Option<CreationReason>,
    /// Where the creation came from (with its [`campaign`](Source::campaign)).
    pub source: Option<Source>,
    /// Its user (`personal` conversations only).
    pub user: Option<User>,
    /// How the user was referred, if they were.
    pub referral: Option<Referral>,
}

/// `conversation:join` and `conversation:leave`: a participant joined or left an `sdkGroup`
/// conversation.
#[model]
pub struct ParticipantPayload {
    /// The conversation.
    pub conversation: Option<ConversationTruncated>,
    /// Who joined or left.
    pub user: Option<UserTruncated>,
}

/// `conversation:remove`: a conversation was deleted.
#[model]
pub struct ConversationRemovePayload {
    /// The deleted conversation.
    pub conversation: Option<ConversationTruncated>,
}

/// `conversation:message`: a message was added to a conversation, whoever wrote it.
///
/// Its [`author`](crate::v2::models::Author) says who: a `user` (with
/// [`user`](crate::v2::models::Author::user)) or the `business` (your own messages too: a bot
/// answers only `user` messages, or it answers itself).
#[model]
pub struct ConversationMessagePayload {
    /// The conversation.
    pub conversation: Option<ConversationTruncated>,
    /// The message.
    pub message: Option<Message>,
    /// Messages the Notification API sent since the user's last message.
    pub recent_notifications: Vec<Message>,
}

/// `conversation:message:delivery:channel`, `:user` and `:failure`: a message was handed to
/// its channel, reached the user, or could not be delivered.
///
/// Several may come for one message; [`is_final_event`](Self::is_final_event) marks the last
/// for a message and destination type.
#[model]
pub struct MessageDeliveryPayload {
    /// The conversation's user.
    pub user: Option<User>,
    /// The conversation.
    pub conversation: Option<ConversationTruncated>,
    /// The message (its id).
    pub message: Option<MessageRef>,
    /// Where it went.
    pub destination: Option<DeliveryDestination>,
    /// The channel's ids for it (absent when the channel gives none).
    pub external_messages: Vec<ExternalMessage>,
    /// Whether no more delivery events will come for this message and destination type.
    pub is_final_event: Option<bool>,
    /// Why delivery failed (`:failure` only).
    pub error: Option<EventError>,
}

/// `conversation:postback`: the user pressed a postback button.
#[model]
pub struct ConversationPostbackPayload {
    /// The button's payload and metadata.
    pub postback: Option<Postback>,
    /// The conversation.
    pub conversation: Option<ConversationTruncated>,
    /// Who pressed it.
    pub user: Option<User>,
    /// Where (with its [`campaign`](Source::campaign)).
    pub source: Option<Source>,
}

/// `conversation:read` and `conversation:typing`: the user read the conversation, or started
/// or stopped typing.
#[model]
pub struct ActivityPayload {
    /// The conversation.
    pub conversation: Option<ConversationTruncated>,
    /// What the user did, where.
    pub activity: Option<Activity>,
}

/// `conversation:referral`: the user was referred into a conversation.
#[model]
pub struct ConversationReferralPayload {
    /// The conversation the user landed in.
    pub conversation: Option<ConversationTruncated>,
    /// The user.
    pub user: Option<User>,
    /// Where (with its [`campaign`](Source::campaign)).
    pub source: Option<Source>,
    /// The referral.
    pub referral: Option<Referral>,
}

/// The seven `switchboard:*` events: control was accepted, offered, passed or released, or
/// one of the first three failed.
#[model]
pub struct SwitchboardPayload {
    /// The conversation, with who is in control (`activeSwitchboardIntegration`) and who is
    /// offered it (`pendingSwitchboardIntegration`) after the change.
    pub conversation: Option<ConversationTruncated>,
    /// The metadata given to the switchboard action.
    pub metadata: Option<Metadata>,
    /// Why (`passControl`, `releaseControl`, if given).
    pub reason: Option<ControlReason>,
    /// What went wrong (the `:failure` events).
    pub error: Option<EventError>,
}

/// `user:merge`: users were merged into one.
#[model]
pub struct UserMergePayload {
    /// The users.
    pub merged_users: Option<MergedUsers>,
    /// The conversations, when some were merged.
    pub merged_conversations: Option<MergedConversations>,
    /// The clients, when some were merged.
    pub merged_clients: Option<MergedClients>,
    /// Metadata dropped because the merged metadata was over 4 KB.
    pub discarded_metadata: Option<Metadata>,
    /// Why they were merged.
    pub reason: Option<MergeReason>,
}

/// `user:update`: a user was updated (today: their identification changed).
#[model]
pub struct UserUpdatePayload {
    /// The user.
    pub user: Option<User>,
    /// What changed.
    pub reason: Option<UserUpdateReason>,
    /// Where the change came from.
    pub source: Option<Source>,
}

/// `user:remove`: a user was deleted.
#[model]
pub struct UserRemovePayload {
    /// The deleted user.
    pub user: Option<UserTruncated>,
}
