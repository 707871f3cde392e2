//! Participants: [`Participant`] and its [`ClientAssociation`]s, who joins
//! ([`ParticipantJoin`]) and who leaves ([`ParticipantLeave`]), and the answers
//! [`ParticipantResponse`] and [`ParticipantListResponse`].

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use smooch_macros::model;

use super::one_of::{key_presence, one_of, value_as};
use super::paged::cursor_page;
use super::{ClientType, DateTime, PageLinks, PageMeta};
use crate::models::Id;

/// A user's membership of a conversation (response).
#[model(setters)]
pub struct Participant {
    /// The participant id.
    pub id: Option<Id>,
    /// The user's id.
    pub user_id: Option<Id>,
    /// How many messages the user has not read.
    pub unread_count: Option<u64>,
    /// The user's clients active in the conversation, most recent first: the first is where
    /// messages go.
    pub client_associations: Vec<ClientAssociation>,
    /// The user's `externalId`.
    pub user_external_id: Option<String>,
    /// When the latest message the user read was sent.
    pub last_read: Option<DateTime>,
}

/// A client of a participant, active in the conversation.
#[model(setters)]
pub struct ClientAssociation {
    /// The client's channel.
    pub r#type: Option<ClientType>,
    /// The client's id.
    pub client_id: Option<Id>,
}

/// The answer of *join conversation* (201).
#[model(setters)]
pub struct ParticipantResponse {
    /// The new participant.
    pub participant: Option<Participant>,
}

/// One page of *list participants*.
#[model(setters)]
pub struct ParticipantListResponse {
    /// The participants of the page.
    pub participants: Vec<Participant>,
    /// Whether more follow, and the cursors.
    pub meta: Option<PageMeta>,
    /// The URLs of the pages around.
    pub links: Option<PageLinks>,
}

cursor_page!(ParticipantListResponse, participants, Participant);

/// A user who joins a conversation (`participantSubSchema`: the body of *join conversation*
/// and the participants of *create conversation*): by id or by `externalId` (exactly one, so
/// it is a [`ParticipantUser`]), and whether to subscribe the user's SDK client.
///
/// ```
/// use smooch_client::v2::models::{ParticipantJoin, ParticipantUser};
///
/// let steve = ParticipantJoin::user_external_id("steve@example.com").with_subscribe_sdk_client(true);
/// assert_eq!(
///     serde_json::to_string(&steve)?,
///     r#"{"userExternalId":"steve@example.com","subscribeSDKClient":true}"#,
/// );
/// assert_eq!(steve.user, ParticipantUser::ExternalId("steve@example.com".into()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParticipantJoin {
    /// The user: by id or by `externalId`.
    pub user: ParticipantUser,
    /// Whether to subscribe the user's SDK client to the conversation now (push
    /// notifications without opening it; a client is created if there is none). The API
    /// requires it for `sdkGroup` conversations.
    pub subscribe_sdk_client: Option<bool>,
}

/// How a joining user is named: by id (`userId`) or by `externalId` (`userExternalId`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParticipantUser {
    /// The user with this id.
    Id(String),
    /// The user with this `externalId`.
    ExternalId(String),
}

const JOIN_KEYS: &[&str] = &["userId", "userExternalId"];
const SUBSCRIBE: &str = "subscribeSDKClient";

impl ParticipantJoin {
    /// The user `user`.
    pub fn new(user: ParticipantUser) -> Self {
        ParticipantJoin {
            user,
            subscribe_sdk_client: None,
        }
    }

    /// The user with this id.
    pub fn user_id(user_id: impl Into<String>) -> Self {
        ParticipantJoin::new(ParticipantUser::Id(user_id.into()))
    }

    /// The user with this `externalId`.
    pub fn user_external_id(external_id: impl Into<String>) -> Self {
        ParticipantJoin::new(ParticipantUser::ExternalId(external_id.into()))
    }

    /// Sets [`subscribe_sdk_client`](Self::subscribe_sdk_client).
    pub fn with_subscribe_sdk_client(mut self, subscribe: bool) -> Self {
        self.subscribe_sdk_client = Some(subscribe);
        self
    }
}

impl Serialize for ParticipantJoin {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match &self.user {
            ParticipantUser::Id(id) => map.serialize_entry(JOIN_KEYS[0], id)?,
            ParticipantUser::ExternalId(id) => map.serialize_entry(JOIN_KEYS[1], id)?,
        }
        if let Some(subscribe) = self.subscribe_sdk_client {
            map.serialize_entry(SUBSCRIBE, &subscribe)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ParticipantJoin {
    /// Exactly one of `userId` and `userExternalId`, and `subscribeSDKClient`; other keys are
    /// ignored.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (index, value, mut rest) = one_of(deserializer, "a participant", JOIN_KEYS)?;
        let id = value_as(value)?;
        let subscribe_sdk_client = rest.remove(SUBSCRIBE).map(value_as).transpose()?;
        Ok(ParticipantJoin {
            user: if index == 0 {
                ParticipantUser::Id(id)
            } else {
                ParticipantUser::ExternalId(id)
            },
            subscribe_sdk_client,
        })
    }
}

crate::codec::decode_as_deserialize!(ParticipantJoin);

/// Who leaves a conversation (`participantLeaveBody`): a user by id or by `externalId`, or a
/// participant by id; the API takes exactly one.
///
/// ```
/// use smooch_client::v2::models::ParticipantLeave;
///
/// let leave = ParticipantLeave::UserExternalId("steve@example.com".into());
/// assert_eq!(serde_json::to_string(&leave)?, r#"{"userExternalId":"steve@example.com"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParticipantLeave {
    /// The user with this id (`userId`).
    UserId(String),
    /// The user with this `externalId` (`userExternalId`).
    UserExternalId(String),
    /// The participant with this id (`participantId`).
    ParticipantId(String),
}

key_presence!(ParticipantLeave, "a participant to leave", {
    UserId = "userId",
    UserExternalId = "userExternalId",
    ParticipantId = "participantId",
});
