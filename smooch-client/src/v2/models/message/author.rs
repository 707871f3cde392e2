//! Who wrote a message or performs an activity: [`Author`], its [`AuthorType`] and
//! [`AuthorSubtype`].

use smooch_macros::model;

use crate::models::Id;
use crate::models::string_enum;
use crate::v2::models::User;

string_enum! {
    in "v2::models";
    /// Who an author is (`author.type`).
    pub enum AuthorType {
        /// `business`: sent for the business (a bot, an agent, the API).
        Business => "business",
        /// `user`: the end user.
        User => "user",
    }
}

string_enum! {
    in "v2::models";
    /// A tag on an author (`author.subtypes`).
    pub enum AuthorSubtype {
        /// `AI`: written by an AI; the channel appends a disclaimer when it is sent.
        Ai => "AI",
        /// `activity`: a system activity.
        Activity => "activity",
        /// `agent`: a human agent (responses only).
        Agent => "agent",
        /// `bot`: a bot (responses only).
        Bot => "bot",
    }
}

/// Who wrote a message, or performs an activity (request and response).
///
/// A business author needs nothing else; a user author names the user by
/// [`user_id`](Self::user_id) or, in a request, by
/// [`user_external_id`](Self::user_external_id) (with [`brand_id`](Self::brand_id) for
/// brand-separated users). Responses carry `userId` and never the two request-only fields.
///
/// ```
/// use smooch_client::v2::models::{Author, AuthorSubtype};
///
/// let bot = Author::business().with_display_name("Acme").with_subtype(AuthorSubtype::Ai);
/// assert_eq!(
///     serde_json::to_string(&bot)?,
///     r#"{"type":"business","subtypes":["AI"],"displayName":"Acme"}"#,
/// );
/// let steve = Author::user_external_id("steve@example.com");
/// assert_eq!(
///     serde_json::to_string(&steve)?,
///     r#"{"type":"user","userExternalId":"steve@example.com"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct Author {
    /// `business` or `user`.
    #[model(required)]
    pub r#type: AuthorType,
    /// Tags on the author: `AI` in a request; `agent`, `bot`, `activity` in responses.
    #[model(add = with_subtype)]
    pub subtypes: Vec<AuthorSubtype>,
    /// The user's id (user authors only).
    pub user_id: Option<Id>,
    /// The user's `externalId`, instead of `userId` (user authors, requests only).
    pub user_external_id: Option<String>,
    /// The brand of a brand-separated user named by `userExternalId` (requests only).
    pub brand_id: Option<String>,
    /// The name shown for the author.
    pub display_name: Option<String>,
    /// The author's icon URL (JPG, PNG or GIF).
    pub avatar_url: Option<String>,
    /// The user author (webhook events only): short (`id`, `externalId`, `authenticated`), or
    /// complete with `profile` for a webhook with `includeFullUser`.
    #[model(no_setter)]
    pub user: Option<Box<User>>,
}

impl Author {
    /// An author of this type and nothing else.
    pub fn new(r#type: AuthorType) -> Self {
        Author {
            r#type,
            ..Author::default()
        }
    }

    /// The business (a bot, an agent, the API).
    pub fn business() -> Self {
        Author::new(AuthorType::Business)
    }

    /// The user with this id.
    pub fn user(user_id: impl Into<Id>) -> Self {
        Author::new(AuthorType::User).with_user_id(user_id)
    }

    /// The user with this `externalId` (add [`with_brand_id`](Self::with_brand_id) for a
    /// brand-separated user).
    pub fn user_external_id(external_id: impl Into<String>) -> Self {
        Author::new(AuthorType::User).with_user_external_id(external_id)
    }
}
