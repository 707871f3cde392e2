//! [`Action`]: buttons attached to a message or to a message item.

use smooch_macros::model;

use super::Id;

use super::Metadata;
use super::enums::{ActionSize, ActionState, ActionType};

/// A button on a message or a message item (request and response).
///
/// Actions can only be sent on `appMaker` messages. `reply` and
/// `locationRequest` actions can only be mixed with each other.
///
/// Build one with a constructor per type ([`Action::link`],
/// [`Action::postback`], [`Action::reply`], [`Action::buy`], [`Action::share`],
/// [`Action::location_request`], [`Action::webview`]) and refine it with the
/// `with_*` setters. The fields only responses carry (the id, a `buy`'s state) have setters
/// too, for tests that seed what the API would return.
///
/// ```rust
/// use smooch_client::models::{Action, ActionState, ActionType};
///
/// let buy = Action::buy("Purchase", 1000).with_currency("usd");
/// assert_eq!(buy.r#type, ActionType::Buy);
///
/// // As the API returns it, after the user paid.
/// let paid = buy.with_id("5b0f0c0ea46df6002c5dbd73").with_state(ActionState::Paid);
/// assert_eq!(paid.state, Some(ActionState::Paid));
/// ```
#[model(setters)]
pub struct Action {
    /// The action id (`_id`); set by the server (response only).
    #[serde(rename = "_id")]
    pub id: Option<Id>,
    /// The kind of action.
    #[model(required)]
    pub r#type: ActionType,
    /// The button label. Required by every type except `share`.
    pub text: Option<String>,
    /// Payload sent back with a `postback` or `reply` (required for both).
    pub payload: Option<String>,
    /// Flat metadata (string, number and boolean values).
    pub metadata: Option<Metadata>,
    /// Price in cents of a `buy` action (required for `buy`).
    pub amount: Option<u64>,
    /// ISO currency code of a `buy` action; defaults to the account's currency.
    /// Responses use lowercase (`"usd"`).
    pub currency: Option<String>,
    /// Whether this `link` is the item's default action (Facebook Messenger).
    pub default: Option<bool>,
    /// Icon of a `reply` button.
    pub icon_url: Option<String>,
    /// Target of a `link` or `webview` (required for both). Responses carry `""`
    /// for types without a target and a checkout URL for `buy`.
    pub uri: Option<String>,
    /// URL opened where webviews are not supported (required for `webview`).
    pub fallback: Option<String>,
    /// Height of a `webview`.
    pub size: Option<ActionSize>,
    /// Channel-specific options, e.g.
    /// `{"messenger": {"webview_height_ratio": "tall"}}`.
    pub extra_channel_options: Option<serde_json::Map<String, serde_json::Value>>,
    /// Open this `webview` as soon as the message is received (Web Messenger;
    /// at most one action per message).
    pub open_on_receive: Option<bool>,
    /// State of a `buy` action (response only).
    pub state: Option<ActionState>,
}

impl Action {
    /// An action of the given type with nothing else set; prefer the
    /// constructor for the type, this one is for types the crate does not know.
    pub fn new(r#type: ActionType) -> Self {
        Self {
            r#type,
            ..Self::default()
        }
    }

    fn labelled(r#type: ActionType, text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::new(r#type)
        }
    }

    /// A `link` button opening `uri`.
    ///
    /// ```rust
    /// use smooch_client::models::{Action, MessagePost, Role};
    ///
    /// let message = MessagePost::text(Role::AppMaker, "Hello!")
    ///     .with_actions(vec![Action::link("More info", "http://example.org")]);
    /// # assert_eq!(message.actions.len(), 1);
    /// ```
    pub fn link(text: impl Into<String>, uri: impl Into<String>) -> Self {
        Self {
            uri: Some(uri.into()),
            ..Self::labelled(ActionType::Link, text)
        }
    }

    /// A `postback` button sending `payload` to the business when tapped.
    pub fn postback(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Self {
            payload: Some(payload.into()),
            ..Self::labelled(ActionType::Postback, text)
        }
    }

    /// A `reply` (quick reply) button; the user's answer carries `payload`.
    ///
    /// ```rust
    /// use smooch_client::models::{Action, MessagePost, Role};
    ///
    /// let message = MessagePost::text(Role::AppMaker, "How did we do?")
    ///     .with_actions(vec![Action::reply("😍", "great"), Action::reply("☹️", "bad")]);
    /// # assert_eq!(message.actions[1].payload.as_deref(), Some("bad"));
    /// ```
    pub fn reply(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Self {
            payload: Some(payload.into()),
            ..Self::labelled(ActionType::Reply, text)
        }
    }

    /// A `buy` button for `amount_cents` (in the account's currency unless
    /// [`with_currency`](Self::with_currency) is used). Needs Stripe configured.
    pub fn buy(text: impl Into<String>, amount_cents: u64) -> Self {
        Self {
            amount: Some(amount_cents),
            ..Self::labelled(ActionType::Buy, text)
        }
    }

    /// A `share` button (Facebook Messenger carousels only); it has no label.
    pub fn share() -> Self {
        Self::new(ActionType::Share)
    }

    /// A `locationRequest` button asking the user for a location.
    pub fn location_request(text: impl Into<String>) -> Self {
        Self::labelled(ActionType::LocationRequest, text)
    }

    /// A `webview` button opening `uri`, or `fallback` where webviews are not supported.
    pub fn webview(
        text: impl Into<String>,
        uri: impl Into<String>,
        fallback: impl Into<String>,
    ) -> Self {
        Self {
            uri: Some(uri.into()),
            fallback: Some(fallback.into()),
            ..Self::labelled(ActionType::Webview, text)
        }
    }
}
