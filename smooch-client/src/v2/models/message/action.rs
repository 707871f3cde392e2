//! Buttons: the [`Action`] union (six types, on text and image messages), the
//! [`ActionSubset`] union (four of them, on carousel and list items and list messages), and one
//! model per type ([`Buy`], [`Link`], [`LocationRequest`], [`Postback`], [`Reply`],
//! [`Webview`]).
//!
//! Each type has a constructor taking what the API requires, on its model
//! ([`Link::new`]) and as a shorthand on each union that holds it ([`Action::link`],
//! [`ActionSubset::link`]); a model converts into the unions that hold it (`Link` into both).

use smooch_macros::model;

use crate::models::string_enum;
use crate::models::{Metadata, Unknown};

/// A button on a text or image message (`action`): told apart by `type`; a type this crate
/// does not know is [`Other`](Self::Other), kept whole.
///
/// ```
/// use smooch_client::v2::models::{Action, Content, TextMessage};
///
/// let question = TextMessage::new("How did we do?")
///     .with_action(Action::reply("Great", "great"))
///     .with_action(Action::reply("Meh", "meh"));
/// let content = Content::from(question);
/// assert_eq!(
///     serde_json::to_string(&content)?,
///     r#"{"type":"text","text":"How did we do?","actions":[{"type":"reply","text":"Great","payload":"great"},{"type":"reply","text":"Meh","payload":"meh"}]}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(tag = "type")]
pub enum Action {
    /// `buy`: a payment button.
    Buy(Buy),
    /// `link`: opens a URL.
    Link(Link),
    /// `locationRequest`: asks the user for their location.
    LocationRequest(LocationRequest),
    /// `postback`: sends a `conversation:postback` event to the business.
    Postback(Postback),
    /// `reply`: a quick reply; the user's answer carries its payload.
    Reply(Reply),
    /// `webview`: opens a URL in a webview.
    Webview(Webview),
    /// A type this crate does not know, with its tag and keys as received.
    #[model(other)]
    Other(Unknown),
}

/// A button on a carousel or list item, or on a list message (`actionSubset`): `buy`, `link`,
/// `postback` or `webview`; a type this crate does not know is [`Other`](Self::Other).
#[model(tag = "type")]
pub enum ActionSubset {
    /// `buy`: a payment button.
    Buy(Buy),
    /// `link`: opens a URL.
    Link(Link),
    /// `postback`: sends a `conversation:postback` event to the business.
    Postback(Postback),
    /// `webview`: opens a URL in a webview.
    Webview(Webview),
    /// A type this crate does not know, with its tag and keys as received.
    #[model(other)]
    Other(Unknown),
}

/// Shorthands for the types both unions hold, as a member of the union `$union`.
macro_rules! shared_shorthands {
    ($union:ident) => {
        impl $union {
            /// A `buy` button for `amount` cents ([`Buy::new`]).
            pub fn buy(text: impl Into<String>, amount: u64) -> Self {
                $union::Buy(Buy::new(text, amount))
            }

            /// A `link` button opening `uri` ([`Link::new`]).
            pub fn link(text: impl Into<String>, uri: impl Into<String>) -> Self {
                $union::Link(Link::new(text, uri))
            }

            /// A `postback` button sending `payload` ([`Postback::new`]).
            pub fn postback(text: impl Into<String>, payload: impl Into<String>) -> Self {
                $union::Postback(Postback::new(text, payload))
            }

            /// A `webview` button opening `uri`, `fallback` where there are no webviews
            /// ([`Webview::new`]).
            pub fn webview(
                text: impl Into<String>,
                uri: impl Into<String>,
                fallback: impl Into<String>,
            ) -> Self {
                $union::Webview(Webview::new(text, uri, fallback))
            }
        }

        impl From<Buy> for $union {
            fn from(action: Buy) -> Self {
                $union::Buy(action)
            }
        }

        impl From<Link> for $union {
            fn from(action: Link) -> Self {
                $union::Link(action)
            }
        }

        impl From<Postback> for $union {
            fn from(action: Postback) -> Self {
                $union::Postback(action)
            }
        }

        impl From<Webview> for $union {
            fn from(action: Webview) -> Self {
                $union::Webview(action)
            }
        }
    };
}

shared_shorthands!(Action);
shared_shorthands!(ActionSubset);

impl Action {
    /// A `locationRequest` button ([`LocationRequest::new`]).
    pub fn location_request(text: impl Into<String>) -> Self {
        Action::LocationRequest(LocationRequest::new(text))
    }

    /// A `reply` (quick reply) button ([`Reply::new`]).
    pub fn reply(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Action::Reply(Reply::new(text, payload))
    }
}

impl From<LocationRequest> for Action {
    fn from(action: LocationRequest) -> Self {
        Action::LocationRequest(action)
    }
}

impl From<Reply> for Action {
    fn from(action: Reply) -> Self {
        Action::Reply(action)
    }
}

/// A `buy` button: a payment (needs a payment integration).
#[model(setters)]
pub struct Buy {
    /// The button label.
    #[model(required)]
    pub text: String,
    /// The price, in cents.
    #[model(required)]
    pub amount: u64,
    /// The ISO 4217 currency code (lower case per the API's prose: `usd`).
    pub currency: Option<String>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
}

impl Buy {
    /// A button labelled `text` asking for `amount` cents.
    pub fn new(text: impl Into<String>, amount: u64) -> Self {
        Buy {
            text: text.into(),
            amount,
            ..Buy::default()
        }
    }
}

/// A `link` button: opens `uri`.
#[model(setters)]
pub struct Link {
    /// The URL opened.
    #[model(required)]
    pub uri: String,
    /// The button label.
    #[model(required)]
    pub text: String,
    /// Whether it is the default action of a Messenger item.
    pub default: Option<bool>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// Options passed through to a channel.
    pub extra_channel_options: Option<ExtraChannelOptions>,
}

impl Link {
    /// A button labelled `text` opening `uri`.
    pub fn new(text: impl Into<String>, uri: impl Into<String>) -> Self {
        Link {
            uri: uri.into(),
            text: text.into(),
            ..Link::default()
        }
    }
}

/// A `locationRequest` button: asks the user to share a location.
#[model(setters)]
pub struct LocationRequest {
    /// The button label.
    #[model(required)]
    pub text: String,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
}

impl LocationRequest {
    /// A button labelled `text`.
    pub fn new(text: impl Into<String>) -> Self {
        LocationRequest {
            text: text.into(),
            ..LocationRequest::default()
        }
    }
}

/// A `postback` button: sends `payload` (and `metadata`) to the business in a
/// `conversation:postback` event.
#[model(setters)]
pub struct Postback {
    /// The button label.
    #[model(required)]
    pub text: String,
    /// What the `conversation:postback` event carries.
    #[model(required)]
    pub payload: String,
    /// Flat metadata, returned with the postback.
    pub metadata: Option<Metadata>,
}

impl Postback {
    /// A button labelled `text` sending `payload`.
    pub fn new(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Postback {
            text: text.into(),
            payload: payload.into(),
            ..Postback::default()
        }
    }
}

/// A `reply` button (quick reply): the user's answer becomes a message carrying `payload`.
#[model(setters)]
pub struct Reply {
    /// The label (Messenger cuts it after 20 characters, the SDKs after 40).
    #[model(required)]
    pub text: String,
    /// What the user's reply message carries.
    #[model(required)]
    pub payload: String,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// An icon shown next to the choice.
    pub icon_url: Option<String>,
}

impl Reply {
    /// A choice labelled `text` answering with `payload`.
    pub fn new(text: impl Into<String>, payload: impl Into<String>) -> Self {
        Reply {
            text: text.into(),
            payload: payload.into(),
            ..Reply::default()
        }
    }
}

/// A `webview` button: opens `uri` in a webview, `fallback` on channels without one.
#[model(setters)]
pub struct Webview {
    /// The URL loaded in the webview.
    #[model(required)]
    pub uri: String,
    /// The button label.
    #[model(required)]
    pub text: String,
    /// The URL opened by channels without webviews.
    #[model(required)]
    pub fallback: String,
    /// Whether it is the default action of a Messenger item.
    pub default: Option<bool>,
    /// Flat metadata.
    pub metadata: Option<Metadata>,
    /// Options passed through to a channel.
    pub extra_channel_options: Option<ExtraChannelOptions>,
    /// The webview's height.
    pub size: Option<WebviewSize>,
    /// Whether it opens as the message arrives (Web Messenger; one per message at most).
    pub open_on_receive: Option<bool>,
}

impl Webview {
    /// A button labelled `text` opening `uri`, or `fallback` where there are no webviews.
    pub fn new(
        text: impl Into<String>,
        uri: impl Into<String>,
        fallback: impl Into<String>,
    ) -> Self {
        Webview {
            uri: uri.into(),
            text: text.into(),
            fallback: fallback.into(),
            ..Webview::default()
        }
    }
}

string_enum! {
    in "v2::models";
    /// The height of a webview (`size`).
    pub enum WebviewSize {
        /// `compact`.
        Compact => "compact",
        /// `tall`.
        Tall => "tall",
        /// `full`.
        Full => "full",
    }
}

/// Options a `link` or `webview` button passes through to a channel (`extraChannelOptions`).
#[model(setters)]
pub struct ExtraChannelOptions {
    /// Messenger's options.
    pub messenger: Option<MessengerOptions>,
}

/// Messenger's options of a `link` or `webview` button.
#[model(setters)]
#[serde(rename_all = "none")]
pub struct MessengerOptions {
    /// Whether the URL loads with Messenger Extensions (`messenger_extensions`).
    pub messenger_extensions: Option<bool>,
    /// `hide` hides the share button (`webview_share_button`).
    pub webview_share_button: Option<WebviewShareButton>,
}

string_enum! {
    in "v2::models";
    /// Whether Messenger shows a webview's share button (`webview_share_button`).
    pub enum WebviewShareButton {
        /// `hide`.
        Hide => "hide",
    }
}
