//! Users: [`User`] (and the short form events carry, [`UserTruncated`]), its [`Profile`] and
//! [`Identity`]s; the bodies [`UserCreate`], [`UserUpdate`] (with [`ProfileUpdate`]) and
//! [`SyncUser`]; the answers [`UserResponse`] and [`UserListResponse`].

use smooch_macros::model;

use super::DateTime;
use crate::models::{Id, Metadata};

/// A user, in the short form most webhook events carry (response).
#[model]
pub struct UserTruncated {
    /// The user id.
    pub id: Option<Id>,
    /// Whether the user proved who they are (a signed JWT or Help Center; read-only).
    pub authenticated: Option<bool>,
    /// Your id for the user; it can stand for the user id in paths. (Read as text also when it
    /// comes as a number.)
    #[model(with = crate::v2::models::lenient::string_or_number)]
    pub external_id: Option<String>,
    /// The id of the linked Zendesk Support user.
    pub zendesk_id: Option<String>,
    /// The brand of a user of a brand-separated account.
    pub brand_id: Option<String>,
}

/// A user (response).
///
/// ```
/// use smooch_client::v2::models::User;
///
/// let user: User = serde_json::from_str(r#"{
///     "id": "42589ad070d43be9b00ff7e5", "externalId": "steve@example.com",
///     "signedUpAt": "2020-05-21T15:43:29.000+00:00", "hasPaymentInfo": false,
///     "profile": {"givenName": "Steve", "locale": "en-US", "localeOrigin": "zendeskAccount"},
///     "identities": [{"type": "email", "value": "steve@example.com", "verification": "sso"}]
/// }"#)?;
/// assert_eq!(user.signed_up_at.unwrap(), "2020-05-21T15:43:29Z".parse()?);
/// assert_eq!(user.has_payment_info, Some(false));
/// assert_eq!(user.profile.unwrap().locale_origin.as_deref(), Some("zendeskAccount"));
/// assert_eq!(user.identities[0].verification.as_deref(), Some("sso"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[model]
pub struct User {
    /// The user id.
    pub id: Option<Id>,
    /// Whether the user proved who they are (read-only).
    pub authenticated: Option<bool>,
    /// Your id for the user (read as text also when it comes as a number).
    #[model(with = crate::v2::models::lenient::string_or_number)]
    pub external_id: Option<String>,
    /// The id of the linked Zendesk Support user.
    pub zendesk_id: Option<String>,
    /// The brand of a brand-separated user.
    pub brand_id: Option<String>,
    /// When the user signed up.
    pub signed_up_at: Option<DateTime>,
    /// Whether the user is kept after the app's inactivity expiry.
    pub to_be_retained: Option<bool>,
    /// The user's personal data.
    pub profile: Option<Profile>,
    /// Flat metadata (string, number and boolean values).
    pub metadata: Option<Metadata>,
    /// The user's verified identities, such as e-mail addresses (read-only).
    pub identities: Vec<Identity>,
    /// Whether the user has payment information (in the API's examples, not its schema).
    pub has_payment_info: Option<bool>,
}

/// A user's personal data: sent when a user is created, read back.
///
/// ```
/// use smooch_client::v2::models::Profile;
///
/// let profile = Profile::default().with_given_name("Steve").with_email("steve@example.com");
/// assert_eq!(
///     serde_json::to_string(&profile)?,
///     r#"{"givenName":"Steve","email":"steve@example.com"}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct Profile {
    /// The first name (1 to 128 characters).
    pub given_name: Option<String>,
    /// The last name (1 to 128 characters).
    pub surname: Option<String>,
    /// The e-mail address (not what `list_users` searches: that is the identities).
    pub email: Option<String>,
    /// The URL of the avatar.
    pub avatar_url: Option<String>,
    /// The locale, BCP 47 (`en-US`).
    pub locale: Option<String>,
    /// Where the locale came from (`zendeskAccount`; in the API's examples, not its schema).
    #[model(no_setter)]
    pub locale_origin: Option<String>,
}

/// Changes to a user's personal data (request): only what is set is sent; `Some(None)` sends
/// `null`, which clears the value.
#[model(request, setters)]
pub struct ProfileUpdate {
    /// The first name.
    pub given_name: Option<Option<String>>,
    /// The last name.
    pub surname: Option<Option<String>>,
    /// The e-mail address.
    pub email: Option<Option<String>>,
    /// The URL of the avatar.
    pub avatar_url: Option<Option<String>>,
    /// The locale, BCP 47.
    pub locale: Option<Option<String>>,
}

/// A verified identity of a user (response).
#[model]
pub struct Identity {
    /// What it is: `email`, ...
    pub r#type: Option<String>,
    /// The identity itself (the address).
    pub value: Option<String>,
    /// How it was verified: `embed`, `sso`, ...
    pub verification: Option<String>,
}

/// The body of *create user* (request): nothing is required.
///
/// ```
/// use smooch_client::v2::models::{DateTime, Profile, UserCreate};
///
/// let user = UserCreate::new("steve@example.com")
///     .with_signed_up_at(DateTime::from_unix_millis(1_590_075_809_000))
///     .with_profile(Profile::default().with_given_name("Steve"));
/// assert_eq!(
///     serde_json::to_string(&user)?,
///     r#"{"externalId":"steve@example.com","signedUpAt":"2020-05-21T15:43:29.000Z","profile":{"givenName":"Steve"}}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct UserCreate {
    /// Your unique id for the user (1 to 1024 characters).
    pub external_id: Option<String>,
    /// The brand of a brand-separated user.
    pub brand_id: Option<String>,
    /// When the user signed up.
    pub signed_up_at: Option<DateTime>,
    /// Whether the user is kept after the app's inactivity expiry.
    pub to_be_retained: Option<bool>,
    /// The user's personal data.
    pub profile: Option<Profile>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
}

impl UserCreate {
    /// A user known to you as `external_id`.
    pub fn new(external_id: impl Into<String>) -> Self {
        Self::default().with_external_id(external_id)
    }
}

/// The body of *update user* (request): only what is set is sent, and changed.
///
/// ```
/// use smooch_client::v2::models::{ProfileUpdate, UserUpdate};
///
/// let update = UserUpdate::default()
///     .with_profile(ProfileUpdate::default().with_given_name("Ann".to_owned()).with_surname(None))
///     .with_metadata(None);
/// assert_eq!(
///     serde_json::to_string(&update)?,
///     r#"{"profile":{"givenName":"Ann","surname":null},"metadata":null}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(request, setters)]
pub struct UserUpdate {
    /// When the user signed up.
    pub signed_up_at: Option<DateTime>,
    /// Whether the user is kept after the app's inactivity expiry.
    pub to_be_retained: Option<bool>,
    /// Changes to the user's personal data.
    pub profile: Option<ProfileUpdate>,
    /// New metadata; `Some(None)` sends `null` (whether keys are merged or replaced is not
    /// documented).
    pub metadata: Option<Option<Metadata>>,
}

/// The body of *sync user* (request): after a merge of Zendesk Support users, the one that
/// survived. Empty (`{}`, the default) when there was no merge.
#[model(request, setters)]
pub struct SyncUser {
    /// The Support user id that survived the merge.
    pub surviving_zendesk_id: Option<String>,
}

/// The answer of *create*, *get*, *update* and *sync user*, and of *delete user personal
/// information*.
#[model]
pub struct UserResponse {
    /// The user.
    pub user: Option<User>,
}

/// The answer of *list users*: the users with an identity of the e-mail address (not paged).
#[model]
pub struct UserListResponse {
    /// The users.
    pub users: Vec<User>,
}
