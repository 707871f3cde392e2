//! The checks API v2 makes of what is posted, beyond what decoding the body checks (required
//! fields and known values): each answers the 400 `bad_request` text.

use crate::fake::hooks::web_url;
use crate::v2::models::{
    Action, ActionSubset, AuthorType, Content, Item, MessagePost, Profile, ProfileUpdate,
};

/// Longest text of a message (`text`, `htmlText`, `markdownText`).
const MAX_TEXT: usize = 4096;

fn at_most(field: &str, value: Option<&String>, max: usize) -> Result<(), String> {
    match value {
        Some(text) if text.chars().count() > max => {
            Err(format!("`{field}` must be at most {max} characters"))
        }
        _ => Ok(()),
    }
}

fn count(field: &str, len: usize, range: std::ops::RangeInclusive<usize>) -> Result<(), String> {
    if range.contains(&len) {
        Ok(())
    } else {
        Err(format!(
            "`{field}` must have {} to {} entries",
            range.start(),
            range.end()
        ))
    }
}

/// A message as `POST .../messages` checks it: the author, then the content of its type.
pub(crate) fn message(post: &MessagePost) -> Result<(), String> {
    let author = &post.author;
    match &author.r#type {
        AuthorType::User if author.user_id.is_none() && author.user_external_id.is_none() => {
            return Err("A `user` author needs `author.userId` or `author.userExternalId`".into());
        }
        AuthorType::Business if author.user_id.is_some() || author.user_external_id.is_some() => {
            return Err("`author.userId` is only for a `user` author".into());
        }
        AuthorType::User | AuthorType::Business => {}
        other => {
            return Err(format!(
                "`author.type` must be `user` or `business`, not `{other}`"
            ));
        }
    }
    if post.destination.is_some() && author.r#type != AuthorType::Business {
        return Err("`destination` is only for a `business` author".into());
    }
    content(&post.content, post.schema.as_deref())
}

/// The content of a posted message.
pub(crate) fn content(content: &Content, schema: Option<&str>) -> Result<(), String> {
    match content {
        Content::Text(text) => {
            let rich = [&text.html_text, &text.markdown_text];
            if rich.iter().all(|r| r.is_some()) {
                return Err("`htmlText` and `markdownText` exclude each other".into());
            }
            if text.text.is_none() && text.actions.is_empty() && rich.iter().all(|r| r.is_none()) {
                return Err(
                    "A `text` message needs `text` unless it has `actions`, `htmlText` or \
                     `markdownText`"
                        .into(),
                );
            }
            at_most("content.text", text.text.as_ref(), MAX_TEXT)?;
            at_most("content.htmlText", text.html_text.as_ref(), MAX_TEXT)?;
            at_most(
                "content.markdownText",
                text.markdown_text.as_ref(),
                MAX_TEXT,
            )?;
            text.actions.iter().try_for_each(action)
        }
        Content::Image(image) => {
            media("content", &image.media_url)?;
            image.actions.iter().try_for_each(action)
        }
        Content::File(file) => media("content", &file.media_url),
        Content::Carousel(carousel) => {
            count("content.items", carousel.items.len(), 1..=10)?;
            carousel.items.iter().try_for_each(item)
        }
        Content::List(list) => {
            count("content.items", list.items.len(), 1..=10)?;
            if !list.actions.is_empty() {
                count("content.actions", list.actions.len(), 1..=10)?;
            }
            list.items.iter().try_for_each(item)?;
            list.actions.iter().try_for_each(action_subset)
        }
        Content::Location(location) => {
            let c = &location.coordinates;
            if !(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.long) {
                return Err("`content.coordinates` must be a latitude and a longitude".into());
            }
            Ok(())
        }
        Content::Form(form) => count("content.fields", form.fields.len(), 1..=20),
        Content::FormResponse(_) => Err("A `formResponse` message cannot be sent".into()),
        Content::Template(_) if schema != Some("whatsapp") => {
            Err("A `template` message needs `schema: \"whatsapp\"`".into())
        }
        Content::Template(_) => Ok(()),
        Content::Other(unknown) => Err(format!(
            "`content.type` must be a known type, not `{}`",
            unknown.tag
        )),
    }
}

fn media(at: &str, url: &str) -> Result<(), String> {
    if web_url(url) {
        Ok(())
    } else {
        Err(format!("`{at}.mediaUrl` must be an http or https URL"))
    }
}

fn item(item: &Item) -> Result<(), String> {
    if item.title.is_empty() || item.title.chars().count() > 128 {
        return Err("An item's `title` must have 1 to 128 characters".into());
    }
    count("items[].actions", item.actions.len(), 1..=3)?;
    item.actions.iter().try_for_each(action_subset)
}

fn button(text: &str, payload: Option<&str>) -> Result<(), String> {
    if text.is_empty() {
        return Err("An action needs a `text`".into());
    }
    if payload.is_some_and(str::is_empty) {
        return Err("An action's `payload` must not be empty".into());
    }
    Ok(())
}

fn action(action: &Action) -> Result<(), String> {
    match action {
        Action::Postback(p) => button(&p.text, Some(&p.payload)),
        Action::Reply(r) => button(&r.text, Some(&r.payload)),
        Action::Link(l) => button(&l.text, None),
        Action::Webview(w) => button(&w.text, None),
        Action::Buy(b) => button(&b.text, None),
        Action::LocationRequest(l) => button(&l.text, None),
        Action::Other(_) => Err("An action's `type` must be a known type".into()),
    }
}

fn action_subset(subset: &ActionSubset) -> Result<(), String> {
    match subset {
        ActionSubset::Postback(p) => button(&p.text, Some(&p.payload)),
        ActionSubset::Link(l) => button(&l.text, None),
        ActionSubset::Webview(w) => button(&w.text, None),
        ActionSubset::Buy(b) => button(&b.text, None),
        _ => Err("Here an action must be `buy`, `link`, `postback` or `webview`".into()),
    }
}

/// The profile's texts (wire names) and their longest lengths, in the order
/// `profile_fields` takes them.
const PROFILE_LIMITS: [(&str, usize); 5] = [
    ("givenName", 128),
    ("surname", 128),
    ("email", 128),
    ("avatarUrl", 2048),
    ("locale", 64),
];

/// A profile as sent by *create user*: each text 1 to its limit.
pub(crate) fn profile(profile: &Profile) -> Result<(), String> {
    let Profile {
        given_name,
        surname,
        email,
        avatar_url,
        locale,
        ..
    } = profile;
    profile_fields([given_name, surname, email, avatar_url, locale].map(Option::as_ref))
}

/// A profile update: the same limits (`null` clears).
pub(crate) fn profile_update(profile: &ProfileUpdate) -> Result<(), String> {
    let ProfileUpdate {
        given_name,
        surname,
        email,
        avatar_url,
        locale,
        ..
    } = profile;
    let fields = [given_name, surname, email, avatar_url, locale];
    profile_fields(fields.map(|field| field.as_ref().and_then(Option::as_ref)))
}

fn profile_fields(values: [Option<&String>; 5]) -> Result<(), String> {
    for ((name, max), value) in PROFILE_LIMITS.into_iter().zip(values) {
        if let Some(value) = value {
            let len = value.chars().count();
            if len == 0 || len > max {
                return Err(format!("`profile.{name}` must have 1 to {max} characters"));
            }
            if name == "email" && !value.contains('@') {
                return Err("`profile.email` must be an e-mail address".into());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v2::models::{Author, Reply, TextMessage};

    #[test]
    fn messages_are_checked_as_the_api_checks_them() {
        assert!(message(&MessagePost::business(Content::text("hi"))).is_ok());
        let no_user = MessagePost::new(Author::new(AuthorType::User), Content::text("hi"));
        assert!(message(&no_user).unwrap_err().contains("userId"));
        let empty = MessagePost::business(TextMessage::default());
        assert!(message(&empty).unwrap_err().contains("needs `text`"));
        let buttons =
            MessagePost::business(TextMessage::default().with_action(Reply::new("Yes", "yes")));
        assert!(message(&buttons).is_ok(), "actions stand in for the text");
        let long = MessagePost::business(Content::text("x".repeat(4097)));
        assert!(message(&long).is_err());
        assert!(message(&MessagePost::business(Content::carousel([]))).is_err());
        assert!(message(&MessagePost::business(Content::image("not a url"))).is_err());
        assert!(message(&MessagePost::business(Content::location(91.0, 0.0))).is_err());
        let template = MessagePost::business(Content::template(serde_json::json!({})));
        assert!(message(&template).unwrap_err().contains("whatsapp"));
        assert!(message(&MessagePost::whatsapp_template(serde_json::json!({}))).is_ok());
    }
}
