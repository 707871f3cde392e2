//! What the real server adds when it stores a posted message: ids, the
//! source, resolved media types, generated text fallbacks, form and buy
//! action state.
//!
//! The shapes follow the real `201` responses saved in the official Postman
//! collection (`tests/fixtures/*.201.json`). The fake never downloads media,
//! so `mediaSize` is always `0` where the real server reports the file size.

use crate::models::{
    Action, ActionState, ActionType, Coordinates, Field, FieldOption, FieldPost, FieldType, Id,
    Message, MessageItem, MessagePost, MessageType, Source, Timestamp,
};

/// Prefix of the checkout URL generated for `buy` actions (followed by the action id).
const CHECKOUT_URL: &str = "https://app.smooch.io/checkout/";
/// Currency of a `buy` action posted without one (the account's currency on
/// the real server; the fake assumes US dollars).
const DEFAULT_CURRENCY: &str = "usd";
/// Media type of a URL whose extension is not recognised.
const OCTET_STREAM: &str = "application/octet-stream";

/// The stored message the server answers with, built from what was posted.
///
/// Copies what the message carries (request-only `destination`, `override`
/// and `messageSchema` / `message` are dropped), calls `new_id` for the
/// message `_id` first and then for every item, action, field and option,
/// and adds what the real server generates for the message's type. The post
/// is expected to have passed `validate::message`;
/// anything else is still enriched without panicking.
pub(crate) fn message(
    post: MessagePost,
    author_id: Id,
    received: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Message {
    let id = new_id();
    let kind = post.r#type.unwrap_or(MessageType::Text);
    let items = post
        .items
        .into_iter()
        .map(|item| message_item(item, new_id))
        .collect();
    let actions = post
        .actions
        .into_iter()
        .map(|one| action(one, new_id))
        .collect();
    let fields = post
        .fields
        .into_iter()
        .map(|one| field(one, new_id))
        .collect();
    let mut message = Message {
        id,
        author_id,
        role: post.role,
        r#type: kind,
        received,
        source: Some(api_source()),
        name: post.name,
        text: post.text,
        email: post.email,
        avatar_url: post.avatar_url,
        media_url: post.media_url,
        media_type: post.media_type,
        alt_text: post.alt_text,
        metadata: post.metadata,
        items,
        actions,
        payload: post.payload,
        display_settings: post.display_settings,
        block_chat_input: post.block_chat_input,
        fields,
        coordinates: post.coordinates,
        location: post.location,
        ..Message::default()
    };
    by_type(&mut message);
    message
}

/// The source of every message posted through the API: `{"type": "api"}`.
fn api_source() -> Source {
    Source {
        r#type: Some("api".to_owned()),
        ..Source::default()
    }
}

/// Adds what the real server generates for the message's type.
fn by_type(message: &mut Message) {
    match message.r#type {
        MessageType::Image | MessageType::File => media(message),
        MessageType::Carousel | MessageType::List => {
            let fallback = items_text(&message.items);
            default_text(message, fallback);
        }
        MessageType::Location => {
            if let Some(coordinates) = &message.coordinates {
                let fallback = location_text(coordinates);
                default_text(message, fallback);
            }
        }
        MessageType::Form => message.submitted = Some(false),
        _ => {}
    }
}

/// Sets `text` to `fallback` unless the post carried a non-empty text.
fn default_text(message: &mut Message, fallback: String) {
    if message.text.as_deref().is_none_or(str::is_empty) {
        message.text = Some(fallback);
    }
}

/// Image and file messages: resolved `mediaType`, `mediaSize` (always `0`:
/// the fake does not download media) and `text` `" "` when none was sent.
fn media(message: &mut Message) {
    if message.media_type.is_none() {
        message.media_type = message
            .media_url
            .as_deref()
            .map(|url| media_type_of(url).to_owned());
    }
    message.media_size = Some(0);
    default_text(message, " ".to_owned());
}

/// A carousel or list item with its `_id`, its actions' ids and its media type resolved.
fn message_item(mut item: MessageItem, new_id: &mut dyn FnMut() -> Id) -> MessageItem {
    item.id = Some(new_id());
    if item.media_type.is_none() {
        item.media_type = item
            .media_url
            .as_deref()
            .map(|url| media_type_of(url).to_owned());
    }
    item.actions = std::mem::take(&mut item.actions)
        .into_iter()
        .map(|one| action(one, new_id))
        .collect();
    item
}

/// An action with its `_id`, its `uri` and, for `buy`, its checkout state.
///
/// `postback`, `reply`, `locationRequest` and `share` actions get `uri: ""`
/// when they have none; `buy` actions get a checkout URL built from their
/// id, `state: offered` and a lowercase currency (`usd` by default).
fn action(mut action: Action, new_id: &mut dyn FnMut() -> Id) -> Action {
    let id = new_id();
    match action.r#type {
        ActionType::Buy => {
            action.uri = Some(format!("{CHECKOUT_URL}{id}"));
            action.state = Some(ActionState::Offered);
            action.currency = Some(currency(action.currency.as_deref()));
        }
        ActionType::Postback
        | ActionType::Reply
        | ActionType::LocationRequest
        | ActionType::Share => {
            action.uri.get_or_insert_with(String::new);
        }
        _ => {}
    }
    action.id = Some(id);
    action
}

/// The lowercase ISO currency of a `buy` action, `usd` when none was given.
fn currency(given: Option<&str>) -> String {
    match given {
        Some(code) if !code.is_empty() => code.to_lowercase(),
        _ => DEFAULT_CURRENCY.to_owned(),
    }
}

/// A stored form field: `_id`, options with `_id`, and `selectSize: 1` on select fields.
fn field(post: FieldPost, new_id: &mut dyn FnMut() -> Id) -> Field {
    let id = new_id();
    let select_size = (post.r#type == FieldType::Select).then_some(1);
    let options = post
        .options
        .into_iter()
        .map(|one| option(one, new_id))
        .collect();
    Field {
        id: Some(id),
        r#type: post.r#type,
        name: post.name,
        label: post.label,
        placeholder: post.placeholder,
        min_size: post.min_size,
        max_size: post.max_size,
        options,
        select_size,
        ..Field::default()
    }
}

/// A select option with its `_id`.
fn option(mut option: FieldOption, new_id: &mut dyn FnMut() -> Id) -> FieldOption {
    option.id = Some(new_id());
    option
}

/// The text fallback of a carousel or list: its items numbered from 1,
/// separated by a blank line.
fn items_text(items: &[MessageItem]) -> String {
    items
        .iter()
        .zip(1..)
        .map(|(item, number)| item_text(number, item))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// One item of a fallback: `N. title`, the description, then one
/// `label: uri` line per action with a target.
///
/// Real responses end the item with a line break even when no action has a
/// target (a carousel with only a `share` action); so does this.
fn item_text(number: usize, item: &MessageItem) -> String {
    let mut lines = vec![format!("{number}. {}", item.title)];
    lines.extend(item.description.clone());
    let links: Vec<String> = item.actions.iter().filter_map(action_line).collect();
    lines.push(links.join("\n"));
    lines.join("\n")
}

/// The fallback line of an action with a non-empty `uri` (`postback`,
/// `share`, … have none): `label: uri`, the uri HTML-escaped as in real
/// responses (`&` → `&amp;`).
fn action_line(action: &Action) -> Option<String> {
    let uri = action.uri.as_deref().filter(|uri| !uri.is_empty())?;
    let uri = html_escape(uri);
    Some(match action.text.as_deref() {
        Some(label) if !label.is_empty() => format!("{label}: {uri}"),
        _ => uri,
    })
}

/// Escapes `&`, `<`, `>` and `"` for HTML (the real fallback shows `&amp;`).
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The text of a location message: a Google Maps link to the coordinates.
fn location_text(coordinates: &Coordinates) -> String {
    format!(
        "Location shared:\nhttps://maps.google.com/maps?q={},{}",
        coordinates.lat, coordinates.long
    )
}

/// The media type of a URL, from its file extension (`application/octet-stream`
/// when there is none or it is not known).
pub(crate) fn media_type_of(url: &str) -> &'static str {
    let Some(extension) = extension(url) else {
        return OCTET_STREAM;
    };
    match extension.to_ascii_lowercase().as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" | "jpe" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "bmp" => "image/bmp",
        "ico" => "image/x-icon",
        "tif" | "tiff" => "image/tiff",
        "heic" => "image/heic",
        "pdf" => "application/pdf",
        "mp4" | "m4v" => "video/mp4",
        "mov" => "video/quicktime",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "ogg" | "oga" => "audio/ogg",
        "wav" => "audio/wav",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "html" | "htm" => "text/html",
        "json" => "application/json",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _ => OCTET_STREAM,
    }
}

/// The extension of the last path segment of a URL (query and fragment
/// ignored; a host alone has no extension).
fn extension(url: &str) -> Option<&str> {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let without_query = url.get(..end)?;
    let path = match without_query.split_once("://") {
        Some((_, rest)) => rest.split_once('/')?.1,
        None => without_query,
    };
    let file_name = path.rsplit('/').next()?;
    let (stem, extension) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty()).then_some(extension)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::models::{Location, Role};

    /// The time the tests receive messages at.
    const RECEIVED: f64 = 1_529_675_344.502;

    /// An id generator counting `id1`, `id2`, …
    fn counter() -> impl FnMut() -> Id {
        let mut next = 0;
        move || {
            next += 1;
            Id::from(format!("id{next}"))
        }
    }

    /// Enriches a post with counted ids.
    fn enrich(post: MessagePost) -> Message {
        let received = Timestamp::try_from(RECEIVED).unwrap();
        message(post, "author".into(), received, &mut counter())
    }

    /// Enriches a request fixture.
    fn enrich_request(body: &str) -> Message {
        enrich(serde_json::from_str(body).expect("a MessagePost"))
    }

    /// The `message` of a 201 response fixture.
    fn response(body: &str) -> Value {
        let mut response: Value = serde_json::from_str(body).expect("JSON");
        response["message"].take()
    }

    /// Removes what differs between runs or comes from the server's
    /// plumbing: every `_id`, `received`, `authorId`, `name`, `avatarUrl`
    /// and every `buy` checkout URL (it embeds the action id).
    fn normalize(mut message: Value) -> Value {
        if let Some(object) = message.as_object_mut() {
            for key in ["received", "authorId", "name", "avatarUrl"] {
                object.remove(key);
            }
        }
        strip_ids(&mut message);
        message
    }

    /// Removes `_id` everywhere and blanks the checkout URL of `buy` actions.
    fn strip_ids(value: &mut Value) {
        match value {
            Value::Object(object) => {
                object.remove("_id");
                if object.get("type") == Some(&json!("buy")) {
                    object.insert("uri".to_owned(), json!("<checkout>"));
                }
                object.values_mut().for_each(strip_ids);
            }
            Value::Array(values) => values.iter_mut().for_each(strip_ids),
            _ => {}
        }
    }

    /// Asserts that enriching `request` gives `response` up to generated values.
    fn assert_like_fixture(request: &str, response_body: &str) {
        let enriched = serde_json::to_value(enrich_request(request)).expect("JSON");
        assert_eq!(normalize(enriched), normalize(response(response_body)));
    }

    /// Every `_id` in a JSON value, in document order.
    fn ids(value: &Value) -> Vec<String> {
        let mut found = Vec::new();
        collect_ids(value, &mut found);
        found
    }

    /// Collects the `_id`s of `value` into `found`.
    fn collect_ids(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(object) => {
                if let Some(Value::String(id)) = object.get("_id") {
                    found.push(id.clone());
                }
                object.values().for_each(|value| collect_ids(value, found));
            }
            Value::Array(values) => values.iter().for_each(|value| collect_ids(value, found)),
            _ => {}
        }
    }

    #[test]
    fn common_fields_are_set_and_copied() {
        let metadata = crate::models::Metadata::from([("lang", "en")]);
        let post = MessagePost::text(Role::AppUser, "Hi")
            .with_name("Rat")
            .with_email("rat@example.org")
            .with_avatar_url("https://x.org/rat.png")
            .with_metadata(metadata.clone())
            .with_payload("great");
        let received = Timestamp::try_from(12.5).unwrap();
        let stored = message(post, "user-1".into(), received, &mut || "m1".into());
        assert_eq!(stored.id, "m1");
        assert_eq!(stored.author_id, "user-1");
        assert_eq!(stored.received, received);
        assert_eq!(stored.role, Role::AppUser);
        assert_eq!(stored.r#type, MessageType::Text);
        assert_eq!(stored.source, Some(api_source()));
        assert_eq!(stored.name.as_deref(), Some("Rat"));
        assert_eq!(stored.email.as_deref(), Some("rat@example.org"));
        assert_eq!(stored.avatar_url.as_deref(), Some("https://x.org/rat.png"));
        assert_eq!(stored.metadata, Some(metadata));
        assert_eq!(stored.payload.as_deref(), Some("great"));
        assert_eq!(stored.text.as_deref(), Some("Hi"));
        assert_eq!(stored.media_size, None);
        assert_eq!(stored.submitted, None);
    }

    #[test]
    fn missing_type_is_text_and_request_only_fields_are_dropped() {
        let body = include_str!("../../../tests/fixtures/abc-text.request.json");
        let mut post: MessagePost = serde_json::from_str(body).expect("a MessagePost");
        post.r#type = None;
        post.destination = Some(crate::models::Destination::integration_id("int"));
        let stored = serde_json::to_value(enrich(post)).expect("JSON");
        assert_eq!(stored["type"], "text");
        for key in ["override", "destination", "messageSchema", "message"] {
            assert!(stored.get(key).is_none(), "{key} should not be stored");
        }
    }

    #[test]
    fn text_messages_look_like_the_real_ones() {
        assert_like_fixture(
            include_str!("../../../tests/fixtures/text-message.request.json"),
            include_str!("../../../tests/fixtures/text-message.example.201.json"),
        );
        assert_like_fixture(
            include_str!("../../../tests/fixtures/line.request.json"),
            include_str!("../../../tests/fixtures/line.line-success-payload.201.json"),
        );
    }

    #[test]
    fn carousel_gets_the_real_text_fallback_and_ids() {
        let request = include_str!("../../../tests/fixtures/carousel-message.request.json");
        let real =
            include_str!("../../../tests/fixtures/carousel-message.carousel-example.201.json");
        assert_like_fixture(request, real);
        let stored = enrich_request(request);
        assert_eq!(stored.text.as_deref(), response(real)["text"].as_str());
        let stored = serde_json::to_value(stored).expect("JSON");
        // 1 message + 5 items + 10 actions, all distinct.
        let mut found = ids(&stored);
        assert_eq!(found.len(), 16);
        found.sort();
        found.dedup();
        assert_eq!(found.len(), 16);
        assert_eq!(stored["_id"], "id1");
    }

    #[test]
    fn list_gets_the_real_text_fallback_and_ids() {
        let request = include_str!("../../../tests/fixtures/list-message.request.json");
        let real = include_str!("../../../tests/fixtures/list-message.list-example.201.json");
        assert_like_fixture(request, real);
        assert_eq!(ids(&response(real)).len(), 16);
        let stored = serde_json::to_value(enrich_request(request)).expect("JSON");
        assert_eq!(ids(&stored).len(), 16);
    }

    #[test]
    fn share_only_carousel_keeps_the_trailing_line_break() {
        assert_like_fixture(
            include_str!("../../../tests/fixtures/action-share-message.request.json"),
            include_str!(
                "../../../tests/fixtures/action-share-message.action-share-example.201.json"
            ),
        );
    }

    #[test]
    fn item_text_without_description_and_with_webview() {
        let item = MessageItem::new(
            "Plain",
            vec![Action::webview(
                "See",
                "https://x.org/?a=1&b=<2>",
                "https://y.org",
            )],
        );
        assert_eq!(
            items_text(&[item]),
            "1. Plain\nSee: https://x.org/?a=1&amp;b=&lt;2&gt;"
        );
    }

    #[test]
    fn posted_text_wins_over_the_generated_fallback() {
        let mut carousel =
            MessagePost::carousel(vec![MessageItem::new("T", vec![Action::share()])]);
        carousel.text = Some("Pick one".to_owned());
        assert_eq!(enrich(carousel).text.as_deref(), Some("Pick one"));
        let place =
            MessagePost::location(Role::AppUser, Coordinates::new(1.0, 2.0)).with_text("Here");
        assert_eq!(enrich(place).text.as_deref(), Some("Here"));
    }

    #[test]
    fn item_media_type_is_resolved() {
        let item =
            MessageItem::new("T", vec![Action::share()]).with_media_url("https://x.org/a.PNG");
        let stored = enrich(MessagePost::carousel(vec![item]));
        assert_eq!(stored.items[0].media_type.as_deref(), Some("image/png"));
        assert_eq!(stored.items[0].id.as_deref(), Some("id2"));
        assert_eq!(stored.items[0].actions[0].id.as_deref(), Some("id3"));
    }

    #[test]
    fn location_gets_the_maps_link() {
        assert_like_fixture(
            include_str!("../../../tests/fixtures/location-message.request.json"),
            include_str!("../../../tests/fixtures/location-message.location-example.201.json"),
        );
        let whole = MessagePost::location(Role::AppUser, Coordinates::new(45.0, -73.5))
            .with_location(Location::default().with_name("Office"));
        let stored = enrich(whole);
        assert_eq!(
            stored.text.as_deref(),
            Some("Location shared:\nhttps://maps.google.com/maps?q=45,-73.5")
        );
        assert_eq!(
            stored.location.and_then(|place| place.name).as_deref(),
            Some("Office")
        );
    }

    #[test]
    fn form_gets_ids_select_size_and_submitted() {
        let request =
            include_str!("../../../tests/fixtures/form-message-web-messenger-only.request.json");
        let mut real = response(include_str!(
            "../../../tests/fixtures/form-message-web-messenger-only.form-example.201.json"
        ));
        // The saved response answers a request whose label read "You email?".
        real["fields"][1]["label"] = json!("Your email?");
        let stored = serde_json::to_value(enrich_request(request)).expect("JSON");
        assert_eq!(normalize(stored.clone()), normalize(real.clone()));
        // 1 message + 3 fields + 3 options, as in the real response.
        assert_eq!(ids(&stored).len(), 7);
        assert_eq!(ids(&real).len(), 7);
        assert_eq!(stored["submitted"], false);
        assert_eq!(stored["fields"][2]["selectSize"], 1);
        assert!(stored["fields"][0].get("selectSize").is_none());
        assert!(stored.get("text").is_none());
    }

    #[test]
    fn buy_action_gets_checkout_state_and_currency() {
        assert_like_fixture(
            include_str!("../../../tests/fixtures/action-buy-message.request.json"),
            include_str!("../../../tests/fixtures/action-buy-message.action-buy-example.201.json"),
        );
        let stored = enrich_request(include_str!(
            "../../../tests/fixtures/action-buy-message.request.json"
        ));
        let buy = &stored.actions[0];
        assert_eq!(buy.id.as_deref(), Some("id2"));
        assert_eq!(
            buy.uri.as_deref(),
            Some("https://app.smooch.io/checkout/id2")
        );
        assert_eq!(buy.state, Some(ActionState::Offered));
        assert_eq!(buy.currency.as_deref(), Some("usd"));
        let euros = MessagePost::text(Role::AppMaker, "Pay")
            .with_action(Action::buy("Buy", 500).with_currency("EUR"));
        assert_eq!(enrich(euros).actions[0].currency.as_deref(), Some("eur"));
    }

    #[test]
    fn actions_look_like_the_real_ones() {
        for (request, real) in [
            (
                include_str!("../../../tests/fixtures/action-link-message.request.json"),
                include_str!(
                    "../../../tests/fixtures/action-link-message.action-link-example.201.json"
                ),
            ),
            (
                include_str!("../../../tests/fixtures/action-postback-message.request.json"),
                include_str!(
                    "../../../tests/fixtures/action-postback-message.action-postback-example.201.json"
                ),
            ),
            (
                include_str!("../../../tests/fixtures/action-reply-message.request.json"),
                include_str!(
                    "../../../tests/fixtures/action-reply-message.action-quick-reply-example.201.json"
                ),
            ),
            (
                include_str!(
                    "../../../tests/fixtures/action-location-request-message.request.json"
                ),
                include_str!(
                    "../../../tests/fixtures/action-location-request-message.action-location-request-example.201.json"
                ),
            ),
            (
                include_str!("../../../tests/fixtures/action-webview-message.request.json"),
                include_str!(
                    "../../../tests/fixtures/action-webview-message.action-webview.201.json"
                ),
            ),
        ] {
            assert_like_fixture(request, real);
        }
    }

    #[test]
    fn action_uri_defaults_to_empty_only_without_a_target_type() {
        let stored = enrich(MessagePost::text(Role::AppMaker, "x").with_actions(vec![
            Action::postback("P", "p"),
            Action::reply("R", "r"),
            Action::location_request("L"),
            Action::share(),
            Action::link("Go", "https://x.org"),
            Action::new(ActionType::from("call")),
        ]));
        let uris: Vec<_> = stored
            .actions
            .iter()
            .map(|one| one.uri.as_deref())
            .collect();
        assert_eq!(
            uris,
            [
                Some(""),
                Some(""),
                Some(""),
                Some(""),
                Some("https://x.org"),
                None
            ]
        );
        assert!(stored.actions.iter().all(|one| one.id.is_some()));
    }

    #[test]
    fn image_with_text_keeps_it_and_gets_a_size() {
        let stored = enrich_request(include_str!(
            "../../../tests/fixtures/image-message.request.json"
        ));
        assert_eq!(
            stored.text.as_deref(),
            Some("This is the jacket that we currently have in stock.")
        );
        assert_eq!(stored.media_type.as_deref(), Some("image/jpeg"));
        assert_eq!(stored.media_size, Some(0));
    }

    #[test]
    fn image_without_text_or_type_is_like_the_real_one() {
        let real = response(include_str!(
            "../../../tests/fixtures/image-message.image-example.201.json"
        ));
        let url = real["mediaUrl"].as_str().unwrap_or_default();
        let stored = enrich(MessagePost::image(Role::AppUser, url));
        assert_eq!(stored.text.as_deref(), Some(" "));
        assert_eq!(stored.media_type.as_deref(), Some("image/jpeg"));
        let mut stored = serde_json::to_value(stored).expect("JSON");
        // The fake does not download media: the size is 0, not the real one.
        stored["mediaSize"] = real["mediaSize"].clone();
        assert_eq!(normalize(stored), normalize(real));
    }

    #[test]
    fn file_without_text_is_like_the_real_one() {
        let real = response(include_str!(
            "../../../tests/fixtures/file-message.file-example.201.json"
        ));
        let url = real["mediaUrl"].as_str().unwrap_or_default();
        let mut stored =
            serde_json::to_value(enrich(MessagePost::file(Role::AppMaker, url))).expect("JSON");
        assert_eq!(stored["mediaSize"], 0);
        stored["mediaSize"] = real["mediaSize"].clone();
        assert_eq!(normalize(stored), normalize(real));
    }

    #[test]
    fn animated_gif_keeps_its_text_and_type() {
        let stored = enrich_request(include_str!(
            "../../../tests/fixtures/animated-gif-message.request.json"
        ));
        assert_eq!(stored.media_type.as_deref(), Some("image/gif"));
        assert_eq!(stored.text.as_deref(), Some("Glad I could help!"));
    }

    #[test]
    fn media_types_come_from_the_extension() {
        for (url, expected) in [
            ("https://x.org/a.png", "image/png"),
            ("https://x.org/dir/photo.JPG?size=2#top", "image/jpeg"),
            ("https://x.org/a.jpeg", "image/jpeg"),
            ("https://x.org/a.gif", "image/gif"),
            ("https://x.org/a.webp", "image/webp"),
            ("https://x.org/doc.pdf", "application/pdf"),
            ("https://x.org/clip.mp4", "video/mp4"),
            ("https://x.org/archive.tar.zip", "application/zip"),
            ("https://x.org/notes.unknownext", OCTET_STREAM),
            ("https://x.org/no-extension", OCTET_STREAM),
            ("https://x.org/.png", OCTET_STREAM),
            ("https://x.org/dir.png/", OCTET_STREAM),
            ("https://example.png", OCTET_STREAM),
            ("https://x.org", OCTET_STREAM),
            ("photo.png", "image/png"),
            ("", OCTET_STREAM),
            ("?#.png", OCTET_STREAM),
        ] {
            assert_eq!(media_type_of(url), expected, "{url}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let mut post = MessagePost::new(Role::from(""), MessageType::from("weird"));
        post.items = vec![MessageItem::default()];
        post.fields = vec![FieldPost::default()];
        post.actions = vec![Action::default()];
        let stored = enrich(post);
        assert_eq!(stored.r#type, MessageType::from("weird"));
        let mut image = MessagePost::new(Role::AppUser, MessageType::Image);
        image.media_url = None;
        assert_eq!(enrich(image).media_type, None);
        let location = MessagePost::new(Role::AppUser, MessageType::Location);
        assert_eq!(enrich(location).text, None);
        assert_eq!(enrich(MessagePost::list(vec![])).text.as_deref(), Some(""));
    }
}
