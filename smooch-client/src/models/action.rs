//! [`Action`]: buttons attached to a message or to a message item.

use serde::Serialize;
use smooch_macros::Decode;

use super::{Extra, Id};

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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Decode)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Action {
    /// The action id (`_id`); set by the server (response only).
    #[serde(rename = "_id", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The kind of action.
    #[decode(required)]
    pub r#type: ActionType,
    /// The button label. Required by every type except `share`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Payload sent back with a `postback` or `reply` (required for both).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// Flat metadata (string, number and boolean values).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Price in cents of a `buy` action (required for `buy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<u64>,
    /// ISO currency code of a `buy` action; defaults to the account's currency.
    /// Responses use lowercase (`"usd"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Whether this `link` is the item's default action (Facebook Messenger).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// Icon of a `reply` button.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// Target of a `link` or `webview` (required for both). Responses carry `""`
    /// for types without a target and a checkout URL for `buy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// URL opened where webviews are not supported (required for `webview`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
    /// Height of a `webview`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<ActionSize>,
    /// Channel-specific options, e.g.
    /// `{"messenger": {"webview_height_ratio": "tall"}}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_channel_options: Option<serde_json::Map<String, serde_json::Value>>,
    /// Open this `webview` as soon as the message is received (Web Messenger;
    /// at most one action per message).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open_on_receive: Option<bool>,
    /// State of a `buy` action (response only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<ActionState>,
    /// Keys this crate does not know, with their values as received (sent back as they are).
    #[serde(flatten)]
    pub extra: Extra,
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

    /// Sets the flat metadata.
    pub fn with_metadata(mut self, metadata: impl Into<Metadata>) -> Self {
        self.metadata = Some(metadata.into());
        self
    }

    /// Sets the icon of a `reply` button.
    pub fn with_icon_url(mut self, icon_url: impl Into<String>) -> Self {
        self.icon_url = Some(icon_url.into());
        self
    }

    /// Sets the height of a `webview`.
    pub fn with_size(mut self, size: ActionSize) -> Self {
        self.size = Some(size);
        self
    }

    /// Marks this `link` as the item's default action (Facebook Messenger).
    pub fn with_default(mut self, default: bool) -> Self {
        self.default = Some(default);
        self
    }

    /// Opens this `webview` as soon as the message is received (Web Messenger).
    pub fn with_open_on_receive(mut self, open_on_receive: bool) -> Self {
        self.open_on_receive = Some(open_on_receive);
        self
    }

    /// Sets the ISO currency code of a `buy` action.
    pub fn with_currency(mut self, currency: impl Into<String>) -> Self {
        self.currency = Some(currency.into());
        self
    }

    /// Sets the channel-specific options.
    pub fn with_extra_channel_options(
        mut self,
        options: serde_json::Map<String, serde_json::Value>,
    ) -> Self {
        self.extra_channel_options = Some(options);
        self
    }

    /// Sets the action id (set by the server; for seeding responses).
    pub fn with_id(mut self, id: impl Into<Id>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Sets the button label.
    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.text = Some(text.into());
        self
    }

    /// Sets the payload of a `postback` or `reply`.
    pub fn with_payload(mut self, payload: impl Into<String>) -> Self {
        self.payload = Some(payload.into());
        self
    }

    /// Sets the target of a `link` or `webview` (a checkout URL on a `buy` the API returns).
    pub fn with_uri(mut self, uri: impl Into<String>) -> Self {
        self.uri = Some(uri.into());
        self
    }

    /// Sets the state of a `buy` action (response only; for seeding responses).
    pub fn with_state(mut self, state: ActionState) -> Self {
        self.state = Some(state);
        self
    }
}
