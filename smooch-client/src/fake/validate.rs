//! What the real API refuses: checks on a posted message and on a
//! conversation activity here; on app users, the app menu and notifications
//! in the submodules.
//!
//! Every check returns `Err(description)`, the `description` of the
//! `400 bad_request` answer: it names the offending field by its JSON path
//! (`items[2].actions[0].uri`) and says what is wrong. The rules come from
//! the reference (`api.md` §2.4–§2.13 and §6, `api-v1.1.md` §2.1–§2.4); the
//! first problem found wins.

mod app_user;
mod menu;
mod notification;

use std::collections::HashSet;

pub(crate) use app_user::{app_user_pre_create, app_user_update};
pub(crate) use menu::menu;
pub(crate) use notification::notification;

use crate::models::{
    Action, ActionType, ActivityType, ConversationActivity, FieldPost, FieldType, MessageItem,
    MessagePost, MessageType, Metadata, Role,
};

/// The outcome of a check: `Err` holds the 400 description.
type Check = Result<(), String>;

/// Most items in a carousel or a list.
const MAX_ITEMS: usize = 10;
/// Most actions on one carousel or list item.
const MAX_ITEM_ACTIONS: usize = 3;
/// Most options in one select field.
const MAX_OPTIONS: usize = 20;
/// The message types that can be posted, as listed in descriptions.
const POSTABLE_TYPES: &str = "`text`, `image`, `file`, `carousel`, `list`, `location` or `form`";
/// The known action types, as listed in descriptions.
const ACTION_TYPES: &str =
    "`buy`, `link`, `locationRequest`, `postback`, `reply`, `share` or `webview`";

/// Checks a posted message like the real API; `Err` holds the 400 description.
///
/// A message with a `messageSchema` (a template such as a WhatsApp HSM) is
/// accepted without a type check: its content is in `message`, in a format
/// the fake does not know.
pub(crate) fn message(post: &MessagePost) -> Check {
    message_role(&post.role)?;
    if post.message_schema.is_none() {
        let kind = post.r#type.clone().unwrap_or(MessageType::Text);
        content(&kind, post)?;
    }
    app_maker_only(post)?;
    all_actions(post)?;
    metadata("metadata", post.metadata.as_ref())
}

/// Checks a conversation activity; `Err` holds the 400 description.
pub(crate) fn activity(activity: &ConversationActivity) -> Check {
    if activity.role != Role::AppMaker {
        return Err(format!(
            "`role` must be `appMaker` for a conversation activity ({})",
            got(activity.role.as_str())
        ));
    }
    match &activity.r#type {
        ActivityType::TypingStart | ActivityType::TypingStop | ActivityType::ConversationRead => {
            Ok(())
        }
        other => Err(format!(
            "`type` must be `typing:start`, `typing:stop` or `conversation:read` ({})",
            got(other.as_str())
        )),
    }
}

/// How a refused enum value is reported: missing, or the value sent.
fn got(raw: &str) -> String {
    if raw.is_empty() {
        "it is missing".to_owned()
    } else {
        format!("got `{raw}`")
    }
}

/// Whether an optional string is present and not empty.
fn present(value: Option<&String>) -> bool {
    value.is_some_and(|value| !value.is_empty())
}

/// The role of a posted message: `appUser` or `appMaker`.
fn message_role(role: &Role) -> Check {
    match role {
        Role::AppUser | Role::AppMaker => Ok(()),
        other => Err(format!(
            "`role` must be `appUser` or `appMaker` ({})",
            got(other.as_str())
        )),
    }
}

/// The type-specific content of a message (type missing = `text`).
fn content(kind: &MessageType, post: &MessagePost) -> Check {
    match kind {
        MessageType::Text => text(post),
        MessageType::Image => media("an image", post),
        MessageType::File => media("a file", post),
        MessageType::Carousel => items("a carousel", &post.items),
        MessageType::List => items("a list", &post.items),
        MessageType::Location => location(post),
        MessageType::Form => form(&post.fields),
        MessageType::FormResponse => Err(format!(
            "messages of type `formResponse` cannot be posted (they are created when a user \
             submits a form); `type` must be {POSTABLE_TYPES}"
        )),
        other => Err(format!(
            "`type` must be {POSTABLE_TYPES} ({})",
            got(other.as_str())
        )),
    }
}

/// A `text` message needs a non-empty `text` or at least one action.
fn text(post: &MessagePost) -> Check {
    if present(post.text.as_ref()) || !post.actions.is_empty() {
        Ok(())
    } else {
        Err("a text message needs `text` or `actions`".to_owned())
    }
}

/// An `image` or `file` message needs a `mediaUrl`.
fn media(kind: &str, post: &MessagePost) -> Check {
    if present(post.media_url.as_ref()) {
        Ok(())
    } else {
        Err(format!("{kind} message needs `mediaUrl`"))
    }
}

/// A `location` message needs `coordinates`.
fn location(post: &MessagePost) -> Check {
    match post.coordinates {
        Some(_) => Ok(()),
        None => Err("a location message needs `coordinates` (`lat` and `long`)".to_owned()),
    }
}

/// The items of a carousel or list: 1 to 10, each valid.
fn items(kind: &str, items: &[MessageItem]) -> Check {
    if items.is_empty() {
        return Err(format!("{kind} message needs `items` (1 to {MAX_ITEMS})"));
    }
    if items.len() > MAX_ITEMS {
        return Err(format!(
            "{kind} message has {} `items`; at most {MAX_ITEMS} are allowed",
            items.len()
        ));
    }
    items
        .iter()
        .enumerate()
        .try_for_each(|(index, item)| message_item(index, item))
}

/// One carousel or list item: a title and 1 to 3 actions.
fn message_item(index: usize, item: &MessageItem) -> Check {
    if item.title.is_empty() {
        return Err(format!("`items[{index}].title` is required"));
    }
    match item.actions.len() {
        0 => Err(format!(
            "`items[{index}].actions` needs at least 1 action (1 to {MAX_ITEM_ACTIONS})"
        )),
        count if count > MAX_ITEM_ACTIONS => Err(format!(
            "`items[{index}].actions` has {count} actions; at most {MAX_ITEM_ACTIONS} are allowed"
        )),
        _ => Ok(()),
    }
}

/// The fields of a form: at least one, names unique, each valid.
fn form(fields: &[FieldPost]) -> Check {
    if fields.is_empty() {
        return Err("a form message needs `fields` (at least one)".to_owned());
    }
    let mut names = HashSet::new();
    fields.iter().enumerate().try_for_each(|(index, field)| {
        form_field(index, field)?;
        if names.insert(field.name.as_str()) {
            Ok(())
        } else {
            Err(format!(
                "`fields[{index}].name` `{}` is used by another field; field names must be \
                 unique within a form",
                field.name
            ))
        }
    })
}

/// One form field: a known type, a name, a label, and options if a select.
fn form_field(index: usize, field: &FieldPost) -> Check {
    if field.r#type.is_unknown() {
        return Err(format!(
            "`fields[{index}].type` must be `text`, `email` or `select` ({})",
            got(field.r#type.as_str())
        ));
    }
    if field.name.is_empty() {
        return Err(format!("`fields[{index}].name` is required"));
    }
    if field.label.is_empty() {
        return Err(format!("`fields[{index}].label` is required"));
    }
    if field.r#type == FieldType::Select {
        select_options(index, field)?;
    }
    Ok(())
}

/// The options of a select field: 1 to 20, each named and labelled, names unique.
fn select_options(index: usize, field: &FieldPost) -> Check {
    let count = field.options.len();
    if count == 0 || count > MAX_OPTIONS {
        return Err(format!(
            "`fields[{index}]` is a select field and needs 1 to {MAX_OPTIONS} `options` \
             (it has {count})"
        ));
    }
    let mut names = HashSet::new();
    field
        .options
        .iter()
        .enumerate()
        .try_for_each(|(option, choice)| {
            let path = format!("fields[{index}].options[{option}]");
            if choice.name.is_empty() {
                Err(format!("`{path}.name` is required"))
            } else if choice.label.is_empty() {
                Err(format!("`{path}.label` is required"))
            } else if !names.insert(choice.name.as_str()) {
                Err(format!(
                    "`{path}.name` `{}` is used by another option of the field; option names \
                     must be unique within a field",
                    choice.name
                ))
            } else {
                Ok(())
            }
        })
}

/// Actions (on the message or on its items) and `destination` need `role: appMaker`.
fn app_maker_only(post: &MessagePost) -> Check {
    if post.role == Role::AppMaker {
        return Ok(());
    }
    let role = post.role.as_str();
    if !post.actions.is_empty() {
        return Err(format!(
            "`actions` are only allowed on `role: appMaker` messages (this one has `role: {role}`)"
        ));
    }
    if let Some(index) = post.items.iter().position(|item| !item.actions.is_empty()) {
        return Err(format!(
            "`items[{index}].actions`: actions are only allowed on `role: appMaker` messages \
             (this one has `role: {role}`)"
        ));
    }
    if post.destination.is_some() {
        return Err(format!(
            "`destination` is only allowed on `role: appMaker` messages (this one has \
             `role: {role}`)"
        ));
    }
    Ok(())
}

/// Every action list of the message (its own and each item's), then the
/// message-wide `openOnReceive` limit.
fn all_actions(post: &MessagePost) -> Check {
    action_list("actions", &post.actions)?;
    post.items
        .iter()
        .enumerate()
        .try_for_each(|(index, item)| {
            action_list(&format!("items[{index}].actions"), &item.actions)
        })?;
    open_on_receive(post)
}

/// One list of actions: each action valid, and `reply` / `locationRequest`
/// mixed with nothing else.
fn action_list(path: &str, actions: &[Action]) -> Check {
    actions
        .iter()
        .enumerate()
        .try_for_each(|(index, action)| one_action(&format!("{path}[{index}]"), action))?;
    quick_reply_mix(path, actions)
}

/// Whether an action is of a type that can only be mixed with its own kind.
fn is_quick_reply(action: &Action) -> bool {
    matches!(
        action.r#type,
        ActionType::Reply | ActionType::LocationRequest
    )
}

/// `reply` and `locationRequest` actions can only be mixed with each other (D17a).
fn quick_reply_mix(path: &str, actions: &[Action]) -> Check {
    let quick = actions.iter().find(|action| is_quick_reply(action));
    let other = actions.iter().find(|action| !is_quick_reply(action));
    match (quick, other) {
        (Some(quick), Some(other)) => Err(format!(
            "`{path}`: `reply` and `locationRequest` actions can only be mixed with each other, \
             but a `{}` action is sent with a `{}` action",
            quick.r#type, other.r#type
        )),
        _ => Ok(()),
    }
}

/// At most one action of the whole message may have `openOnReceive: true`.
fn open_on_receive(post: &MessagePost) -> Check {
    let count = post
        .actions
        .iter()
        .chain(post.items.iter().flat_map(|item| item.actions.iter()))
        .filter(|action| action.open_on_receive == Some(true))
        .count();
    if count > 1 {
        Err(format!(
            "only one action per message may have `openOnReceive: true` (this message has {count})"
        ))
    } else {
        Ok(())
    }
}

/// One action: a known type, the fields its type requires, flat metadata.
fn one_action(path: &str, action: &Action) -> Check {
    let kind = &action.r#type;
    if kind.is_unknown() {
        return Err(format!(
            "`{path}.type` must be {ACTION_TYPES} ({})",
            got(kind.as_str())
        ));
    }
    let missing = required_action_fields(action)
        .into_iter()
        .find(|(_, is_present)| !is_present);
    if let Some((field, _)) = missing {
        return Err(format!(
            "`{path}.{field}` is required for a `{kind}` action"
        ));
    }
    metadata(&format!("{path}.metadata"), action.metadata.as_ref())
}

/// The fields an action's type requires, each with whether it is present.
fn required_action_fields(action: &Action) -> Vec<(&'static str, bool)> {
    let text = ("text", present(action.text.as_ref()));
    let payload = ("payload", present(action.payload.as_ref()));
    let uri = ("uri", present(action.uri.as_ref()));
    match action.r#type {
        ActionType::Share => vec![],
        ActionType::Postback | ActionType::Reply => vec![text, payload],
        ActionType::Link => vec![text, uri],
        ActionType::Webview => vec![text, uri, ("fallback", present(action.fallback.as_ref()))],
        ActionType::Buy => vec![text, ("amount", action.amount.is_some())],
        _ => vec![text],
    }
}

/// Metadata must be flat: string, number and boolean values only.
fn metadata(path: &str, metadata: Option<&Metadata>) -> Check {
    let Some(metadata) = metadata else {
        return Ok(());
    };
    let nested = metadata
        .iter()
        .find(|(_, value)| !(value.is_string() || value.is_number() || value.is_boolean()));
    match nested {
        Some((key, value)) => Err(format!(
            "`{path}.{key}` is {}; metadata must be flat: string, number and boolean values only",
            json_kind(value)
        )),
        None => Ok(()),
    }
}

/// The JSON kind of a value refused as metadata, with its article.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::models::{
        Coordinates, Destination, FieldOption, FieldPost, IntegrationType, MessageItem,
    };

    /// Every real request body of a posted message (Postman collection).
    const MESSAGE_REQUESTS: [(&str, &str); 25] = [
        (
            "abc-custom-extension",
            include_str!("../../../tests/fixtures/abc-custom-extension.request.json"),
        ),
        (
            "abc-interactive",
            include_str!("../../../tests/fixtures/abc-interactive.request.json"),
        ),
        (
            "abc-large-interactive",
            include_str!("../../../tests/fixtures/abc-large-interactive.request.json"),
        ),
        (
            "abc-list-picker",
            include_str!("../../../tests/fixtures/abc-list-picker.request.json"),
        ),
        (
            "abc-text",
            include_str!("../../../tests/fixtures/abc-text.request.json"),
        ),
        (
            "abc-timepicker",
            include_str!("../../../tests/fixtures/abc-timepicker.request.json"),
        ),
        (
            "action-buy",
            include_str!("../../../tests/fixtures/action-buy-message.request.json"),
        ),
        (
            "action-link",
            include_str!("../../../tests/fixtures/action-link-message.request.json"),
        ),
        (
            "action-location-request",
            include_str!("../../../tests/fixtures/action-location-request-message.request.json"),
        ),
        (
            "action-postback",
            include_str!("../../../tests/fixtures/action-postback-message.request.json"),
        ),
        (
            "action-reply",
            include_str!("../../../tests/fixtures/action-reply-message.request.json"),
        ),
        (
            "action-share",
            include_str!("../../../tests/fixtures/action-share-message.request.json"),
        ),
        (
            "action-webview",
            include_str!("../../../tests/fixtures/action-webview-message.request.json"),
        ),
        (
            "animated-gif",
            include_str!("../../../tests/fixtures/animated-gif-message.request.json"),
        ),
        (
            "carousel",
            include_str!("../../../tests/fixtures/carousel-message.request.json"),
        ),
        (
            "file",
            include_str!("../../../tests/fixtures/file-message.request.json"),
        ),
        (
            "form",
            include_str!("../../../tests/fixtures/form-message-web-messenger-only.request.json"),
        ),
        (
            "image",
            include_str!("../../../tests/fixtures/image-message.request.json"),
        ),
        (
            "line",
            include_str!("../../../tests/fixtures/line.request.json"),
        ),
        (
            "list",
            include_str!("../../../tests/fixtures/list-message.request.json"),
        ),
        (
            "location",
            include_str!("../../../tests/fixtures/location-message.request.json"),
        ),
        (
            "post-message",
            include_str!("../../../tests/fixtures/post-message.request.json"),
        ),
        (
            "text",
            include_str!("../../../tests/fixtures/text-message.request.json"),
        ),
        (
            "text-with-emojis",
            include_str!("../../../tests/fixtures/text-message-with-emojis.request.json"),
        ),
        (
            "whatsapp",
            include_str!("../../../tests/fixtures/whatsapp.request.json"),
        ),
    ];

    /// Decodes a request body.
    fn post(json: serde_json::Value) -> MessagePost {
        serde_json::from_value(json).expect("a MessagePost")
    }

    /// The decoding error of a request body that leaves out or nulls a required field.
    fn undecodable<T: serde::de::DeserializeOwned + std::fmt::Debug>(
        json: serde_json::Value,
    ) -> String {
        serde_json::from_value::<T>(json)
            .expect_err("a required field is missing")
            .to_string()
    }

    /// The description `message` refuses `post` with; fails if it is accepted.
    fn refused(post: &MessagePost) -> String {
        message(post).expect_err("the message should be refused")
    }

    /// Asserts that `post` is refused with a description containing every part.
    fn assert_refused(post: &MessagePost, parts: &[&str]) {
        let description = refused(post);
        for part in parts {
            assert!(
                description.contains(part),
                "description {description:?} should mention {part:?}"
            );
        }
    }

    /// An app maker text message carrying these actions.
    fn with_actions(actions: Vec<Action>) -> MessagePost {
        MessagePost::text(Role::AppMaker, "Hello").with_actions(actions)
    }

    /// An item with one link action.
    fn item(title: &str) -> MessageItem {
        MessageItem::new(title, vec![Action::link("Open", "https://example.org")])
    }

    /// A select field with `count` distinct options.
    fn select(name: &str, count: usize) -> FieldPost {
        let options = (0..count)
            .map(|index| FieldOption::new(format!("option{index}"), format!("Option {index}")))
            .collect();
        FieldPost::select(name, "Pick one", options)
    }

    #[test]
    fn every_real_request_passes() {
        for (name, body) in MESSAGE_REQUESTS {
            let post: MessagePost = serde_json::from_str(body).expect(name);
            assert_eq!(message(&post), Ok(()), "{name}");
        }
    }

    #[test]
    fn role_must_be_app_user_or_app_maker() {
        assert_eq!(message(&MessagePost::text(Role::AppUser, "Hi")), Ok(()));
        assert_eq!(message(&MessagePost::text(Role::AppMaker, "Hi")), Ok(()));
        assert_refused(
            &MessagePost::text(Role::Whisper, "Hi"),
            &["`role`", "`appUser` or `appMaker`", "got `whisper`"],
        );
        assert_refused(
            &MessagePost::text(Role::from("bot"), "Hi"),
            &["`role`", "got `bot`"],
        );
        // A body without a role does not decode (the server answers 400 before validating).
        let error = undecodable::<MessagePost>(json!({"type": "text", "text": "Hi"}));
        assert!(error.contains("missing field `role`"), "{error}");
    }

    #[test]
    fn missing_type_means_text() {
        assert_eq!(
            message(&post(json!({"role": "appMaker", "text": "Hi"}))),
            Ok(())
        );
        assert_refused(
            &post(json!({"role": "appMaker"})),
            &["text message", "`text`"],
        );
    }

    #[test]
    fn only_postable_types_are_accepted() {
        assert_refused(
            &post(json!({"role": "appUser", "type": "formResponse", "text": "x"})),
            &["`formResponse`", "cannot be posted"],
        );
        assert_refused(
            &post(json!({"role": "appMaker", "type": "sticker", "text": "x"})),
            &["`type`", "got `sticker`"],
        );
        assert_refused(
            &post(json!({"role": "appMaker", "type": "", "text": "x"})),
            &["`type`", "missing"],
        );
    }

    #[test]
    fn message_schema_skips_the_type_check() {
        let template = MessagePost::message_schema(
            "whatsapp",
            json!({"type": "hsm", "hsm": {"namespace": "n", "element_name": "hello"}}),
        );
        assert_eq!(message(&template), Ok(()));
        let mut odd = template.clone();
        odd.r#type = Some(MessageType::from("hsm"));
        assert_eq!(message(&odd), Ok(()));
        let mut whisper = template;
        whisper.role = Role::Whisper;
        assert_refused(&whisper, &["`role`"]);
    }

    #[test]
    fn text_needs_text_or_actions() {
        let actions_only = MessagePost::new(Role::AppMaker, MessageType::Text)
            .with_action(Action::postback("Go", "GO"));
        assert_eq!(message(&actions_only), Ok(()));
        assert_refused(
            &MessagePost::new(Role::AppMaker, MessageType::Text),
            &["text message needs `text` or `actions`"],
        );
        assert_refused(
            &MessagePost::text(Role::AppUser, ""),
            &["text message needs `text` or `actions`"],
        );
    }

    #[test]
    fn image_and_file_need_media_url() {
        assert_eq!(
            message(&MessagePost::image(Role::AppUser, "https://x.org/a.png")),
            Ok(())
        );
        assert_eq!(
            message(&MessagePost::file(Role::AppMaker, "https://x.org/a.pdf")),
            Ok(())
        );
        assert_refused(
            &MessagePost::new(Role::AppUser, MessageType::Image),
            &["an image message needs `mediaUrl`"],
        );
        assert_refused(
            &MessagePost::file(Role::AppMaker, ""),
            &["a file message needs `mediaUrl`"],
        );
    }

    #[test]
    fn carousel_and_list_need_1_to_10_items() {
        let ten: Vec<_> = (0..10)
            .map(|index| item(&format!("Item {index}")))
            .collect();
        assert_eq!(message(&MessagePost::carousel(ten.clone())), Ok(()));
        assert_eq!(message(&MessagePost::list(vec![item("One")])), Ok(()));
        assert_refused(
            &MessagePost::carousel(vec![]),
            &["a carousel message needs `items`", "1 to 10"],
        );
        assert_refused(
            &MessagePost::list(vec![]),
            &["a list message needs `items`"],
        );
        let mut eleven = ten;
        eleven.push(item("Eleven"));
        assert_refused(
            &MessagePost::list(eleven.clone()),
            &["a list message has 11 `items`", "at most 10"],
        );
        assert_refused(&MessagePost::carousel(eleven), &["carousel", "11 `items`"]);
    }

    #[test]
    fn items_need_a_title() {
        assert_refused(
            &MessagePost::carousel(vec![item("One"), item("")]),
            &["`items[1].title` is required"],
        );
    }

    #[test]
    fn items_need_1_to_3_actions() {
        let three = MessageItem::new(
            "Three",
            vec![
                Action::link("A", "https://a.org"),
                Action::postback("B", "B"),
                Action::share(),
            ],
        );
        assert_eq!(message(&MessagePost::carousel(vec![three.clone()])), Ok(()));
        assert_refused(
            &MessagePost::carousel(vec![MessageItem::new("None", vec![])]),
            &["`items[0].actions`", "at least 1 action"],
        );
        let mut four = three;
        four.actions.push(Action::link("D", "https://d.org"));
        assert_refused(
            &MessagePost::list(vec![item("One"), four]),
            &["`items[1].actions` has 4 actions", "at most 3"],
        );
    }

    #[test]
    fn location_needs_coordinates() {
        let point = MessagePost::location(Role::AppUser, Coordinates::new(45.5, -73.6));
        assert_eq!(message(&point), Ok(()));
        assert_refused(
            &MessagePost::new(Role::AppUser, MessageType::Location),
            &["a location message needs `coordinates`"],
        );
    }

    #[test]
    fn form_needs_fields() {
        let form = MessagePost::form(vec![
            FieldPost::text("name", "Name?"),
            FieldPost::email("email", "Email?"),
            select("meal", 3),
        ]);
        assert_eq!(message(&form), Ok(()));
        assert_refused(
            &MessagePost::form(vec![]),
            &["a form message needs `fields`", "at least one"],
        );
    }

    #[test]
    fn form_field_names_are_unique() {
        let form = MessagePost::form(vec![
            FieldPost::text("name", "Name?"),
            FieldPost::email("name", "Email?"),
        ]);
        assert_refused(&form, &["`fields[1].name` `name`", "unique within a form"]);
    }

    #[test]
    fn form_fields_need_type_name_and_label() {
        let unknown = post(json!({"role": "appMaker", "type": "form",
            "fields": [{"type": "date", "name": "when", "label": "When?"}]}));
        assert_refused(&unknown, &["`fields[0].type`", "got `date`"]);
        assert_refused(
            &MessagePost::form(vec![FieldPost::text("", "Name?")]),
            &["`fields[0].name` is required"],
        );
        assert_refused(
            &MessagePost::form(vec![FieldPost::text("a", "A"), FieldPost::email("b", "")]),
            &["`fields[1].label` is required"],
        );
    }

    #[test]
    fn select_fields_need_1_to_20_options() {
        assert_eq!(message(&MessagePost::form(vec![select("one", 1)])), Ok(()));
        assert_eq!(message(&MessagePost::form(vec![select("max", 20)])), Ok(()));
        assert_refused(
            &MessagePost::form(vec![select("none", 0)]),
            &[
                "`fields[0]` is a select field",
                "1 to 20 `options`",
                "has 0",
            ],
        );
        assert_refused(
            &MessagePost::form(vec![FieldPost::text("a", "A"), select("many", 21)]),
            &["`fields[1]` is a select field", "has 21"],
        );
    }

    #[test]
    fn select_option_names_are_unique_and_options_complete() {
        let options = vec![
            FieldOption::new("pizza", "Pizza"),
            FieldOption::new("pizza", "Pie"),
        ];
        assert_refused(
            &MessagePost::form(vec![FieldPost::select("meal", "Meal?", options)]),
            &[
                "`fields[0].options[1].name` `pizza`",
                "unique within a field",
            ],
        );
        let unnamed = vec![FieldOption::new("", "Pizza")];
        assert_refused(
            &MessagePost::form(vec![FieldPost::select("meal", "Meal?", unnamed)]),
            &["`fields[0].options[0].name` is required"],
        );
        let unlabelled = vec![FieldOption::new("pizza", "")];
        assert_refused(
            &MessagePost::form(vec![FieldPost::select("meal", "Meal?", unlabelled)]),
            &["`fields[0].options[0].label` is required"],
        );
    }

    #[test]
    fn actions_only_on_app_maker_messages() {
        let user = MessagePost::text(Role::AppUser, "Hi").with_action(Action::reply("Yes", "yes"));
        assert_refused(&user, &["`actions`", "`role: appMaker`", "`role: appUser`"]);
        let mut carousel = MessagePost::carousel(vec![item("One"), item("Two")]);
        carousel.role = Role::AppUser;
        assert_refused(&carousel, &["`items[0].actions`", "`role: appMaker`"]);
    }

    #[test]
    fn destination_only_on_app_maker_messages() {
        let destination = Destination::integration_type(IntegrationType::Messenger);
        let maker = MessagePost::text(Role::AppMaker, "Hi").with_destination(destination.clone());
        assert_eq!(message(&maker), Ok(()));
        let user = MessagePost::text(Role::AppUser, "Hi").with_destination(destination);
        assert_refused(&user, &["`destination`", "`role: appMaker`"]);
    }

    #[test]
    fn every_action_type_with_its_fields_passes() {
        let kinds = [
            Action::link("Link", "https://x.org"),
            Action::postback("Postback", "P"),
            Action::buy("Buy", 1000),
            Action::share(),
            Action::webview("Webview", "https://x.org", "https://y.org"),
        ];
        assert_eq!(message(&with_actions(kinds.to_vec())), Ok(()));
        let quick = vec![
            Action::reply("Yes", "yes"),
            Action::location_request("Where?"),
        ];
        assert_eq!(message(&with_actions(quick)), Ok(()));
    }

    #[test]
    fn action_type_must_be_known() {
        assert_refused(
            &with_actions(vec![Action::new(ActionType::from("call"))]),
            &["`actions[0].type`", "got `call`"],
        );
        let error = undecodable::<MessagePost>(
            json!({"role": "appMaker", "text": "x", "actions": [{"text": "No type"}]}),
        );
        assert!(
            error.contains("MessagePost.actions[0]") && error.contains("missing field `type`"),
            "{error}"
        );
    }

    #[test]
    fn action_text_required_except_for_share() {
        assert_eq!(message(&with_actions(vec![Action::share()])), Ok(()));
        let mut link = Action::link("x", "https://x.org");
        link.text = None;
        assert_refused(
            &with_actions(vec![link]),
            &["`actions[0].text` is required for a `link` action"],
        );
        let mut request = Action::location_request("");
        request.text = Some(String::new());
        assert_refused(
            &with_actions(vec![request]),
            &["`actions[0].text`", "`locationRequest`"],
        );
    }

    #[test]
    fn payload_required_for_postback_and_reply() {
        for mut action in [Action::postback("Go", "go"), Action::reply("Yes", "yes")] {
            let kind = action.r#type.clone();
            action.payload = None;
            assert_refused(
                &with_actions(vec![action]),
                &[
                    "`actions[0].payload` is required",
                    &format!("`{kind}` action"),
                ],
            );
        }
    }

    #[test]
    fn uri_required_for_link_and_webview() {
        for mut action in [
            Action::link("Go", "https://x.org"),
            Action::webview("Go", "https://x.org", "https://y.org"),
        ] {
            let kind = action.r#type.clone();
            action.uri = None;
            assert_refused(
                &with_actions(vec![action]),
                &["`actions[0].uri` is required", &format!("`{kind}` action")],
            );
        }
    }

    #[test]
    fn fallback_required_for_webview() {
        let mut webview = Action::webview("Go", "https://x.org", "https://y.org");
        webview.fallback = None;
        assert_refused(
            &with_actions(vec![webview]),
            &["`actions[0].fallback` is required for a `webview` action"],
        );
    }

    #[test]
    fn amount_required_for_buy() {
        let mut buy = Action::buy("Buy", 100);
        buy.amount = None;
        assert_refused(
            &with_actions(vec![Action::link("A", "https://a.org"), buy]),
            &["`actions[1].amount` is required for a `buy` action"],
        );
    }

    #[test]
    fn item_actions_are_checked_like_message_actions() {
        let mut postback = Action::postback("Go", "go");
        postback.payload = None;
        let carousel =
            MessagePost::carousel(vec![item("One"), MessageItem::new("Two", vec![postback])]);
        assert_refused(&carousel, &["`items[1].actions[0].payload` is required"]);
    }

    #[test]
    fn reply_and_location_request_mix_only_with_each_other() {
        assert_refused(
            &with_actions(vec![
                Action::reply("Yes", "yes"),
                Action::link("Go", "https://x.org"),
            ]),
            &[
                "`actions`",
                "only be mixed with each other",
                "`reply`",
                "`link`",
            ],
        );
        assert_refused(
            &with_actions(vec![
                Action::postback("Go", "go"),
                Action::location_request("Where?"),
            ]),
            &["`locationRequest`", "`postback`"],
        );
        let item = MessageItem::new("One", vec![Action::reply("Yes", "yes"), Action::share()]);
        assert_refused(
            &MessagePost::carousel(vec![item]),
            &["`items[0].actions`", "`share`"],
        );
    }

    #[test]
    fn at_most_one_action_opens_on_receive() {
        let open =
            || Action::webview("Go", "https://x.org", "https://y.org").with_open_on_receive(true);
        let closed =
            Action::webview("Go", "https://x.org", "https://y.org").with_open_on_receive(false);
        assert_eq!(message(&with_actions(vec![open(), closed])), Ok(()));
        assert_refused(
            &with_actions(vec![open(), open()]),
            &[
                "only one action per message",
                "`openOnReceive: true`",
                "has 2",
            ],
        );
        let mut carousel = MessagePost::carousel(vec![MessageItem::new("One", vec![open()])]);
        carousel.actions.push(open());
        assert_refused(&carousel, &["`openOnReceive: true`"]);
    }

    #[test]
    fn metadata_must_be_flat() {
        let flat = json!({"a": "x", "b": 1, "c": 2.5, "d": true});
        let ok = MessagePost::text(Role::AppUser, "Hi")
            .with_metadata(flat.as_object().cloned().unwrap_or_default());
        assert_eq!(message(&ok), Ok(()));
        for (value, kind) in [
            (json!({"k": {"x": 1}}), "an object"),
            (json!({"k": [1]}), "an array"),
            (json!({"k": null}), "null"),
        ] {
            let nested = MessagePost::text(Role::AppUser, "Hi")
                .with_metadata(value.as_object().cloned().unwrap_or_default());
            assert_refused(&nested, &["`metadata.k` is", kind, "flat"]);
        }
    }

    #[test]
    fn action_metadata_must_be_flat() {
        let nested = json!({"k": {"x": 1}})
            .as_object()
            .cloned()
            .unwrap_or_default();
        let action = Action::postback("Go", "go").with_metadata(nested);
        assert_refused(
            &with_actions(vec![action]),
            &["`actions[0].metadata.k`", "flat"],
        );
    }

    #[test]
    fn activity_role_must_be_app_maker() {
        assert_eq!(activity(&ConversationActivity::typing_start()), Ok(()));
        let mut user = ConversationActivity::typing_start();
        user.role = Role::AppUser;
        let description = activity(&user).expect_err("refused");
        assert!(
            description.contains("`role` must be `appMaker`"),
            "{description}"
        );
        assert!(description.contains("got `appUser`"), "{description}");
        let error = undecodable::<ConversationActivity>(json!({"type": "typing:stop"}));
        assert!(error.contains("missing field `role`"), "{error}");
        let mut missing = ConversationActivity::typing_stop();
        missing.role = Role::default();
        let description = activity(&missing).expect_err("refused");
        assert!(description.contains("missing"), "{description}");
    }

    #[test]
    fn activity_type_must_be_known() {
        for body in [
            include_str!("../../../tests/fixtures/conversation-activity.request.json"),
            include_str!("../../../tests/fixtures/business-read-receipt.request.json"),
        ] {
            let real: ConversationActivity = serde_json::from_str(body).expect("activity");
            assert_eq!(activity(&real), Ok(()));
        }
        assert_eq!(activity(&ConversationActivity::typing_stop()), Ok(()));
        assert_eq!(activity(&ConversationActivity::read()), Ok(()));
        let odd = ConversationActivity::new(ActivityType::from("typing:pause"));
        let description = activity(&odd).expect_err("refused");
        assert!(
            description.contains("`type` must be `typing:start`"),
            "{description}"
        );
        assert!(description.contains("got `typing:pause`"), "{description}");
    }
}
