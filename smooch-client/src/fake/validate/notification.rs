//! Checks on a notification (*post notification*): a destination, the business as author, and
//! a message the API would accept in a conversation.

use serde_json::Value;

use super::{Check, got, message};
use crate::models::{MessagePost, NotificationPost, Role};

/// The only `messageSchema` there is: WhatsApp templates.
const WHATSAPP: &str = "whatsapp";

/// A notification: `destination.integrationId` and `destination.destinationId`, `author.role`
/// `appMaker`, a known `messageSchema`, and a `message` object: with the `whatsapp` schema it
/// is not checked further (the fake does not know the format), otherwise it is checked as a
/// posted message from the business.
pub(crate) fn notification(post: &NotificationPost) -> Check {
    if post.destination.integration_id.is_empty() {
        return Err("`destination.integrationId` is required".to_owned());
    }
    if post.destination.destination_id.is_empty() {
        return Err("`destination.destinationId` is required".to_owned());
    }
    if post.author.role != Role::AppMaker {
        return Err(format!(
            "`author.role` must be `appMaker` ({})",
            got(post.author.role.as_str())
        ));
    }
    let Value::Object(fields) = &post.message else {
        return Err("`message` must be an object".to_owned());
    };
    match post.message_schema.as_deref() {
        Some(WHATSAPP) => Ok(()),
        Some(other) => Err(format!(
            "`messageSchema` must be `{WHATSAPP}` or left out (got `{other}`)"
        )),
        None => {
            let mut fields = fields.clone();
            fields
                .entry("role")
                .or_insert_with(|| Value::from(Role::AppMaker.as_str()));
            let post: MessagePost = serde_json::from_value(Value::Object(fields))
                .map_err(|e| format!("`message` is not a valid message: {e}"))?;
            message(&post).map_err(|description| format!("`message`: {description}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::models::{Author, NotificationDestination};

    fn to(message: Value) -> NotificationPost {
        NotificationPost::new(
            NotificationDestination::new("5e1f438bf99fb467810c0ab9", "+15145555333"),
            message,
        )
    }

    #[test]
    fn a_text_or_a_whatsapp_template_is_accepted() {
        assert_eq!(
            notification(&to(json!({"type": "text", "text": "Shipped"}))),
            Ok(())
        );
        let template = to(json!({"type": "template", "template": {"name": "x"}}))
            .with_message_schema("whatsapp");
        assert_eq!(notification(&template), Ok(()));
    }

    #[test]
    fn the_destination_must_be_complete() {
        let mut post = to(json!({"type": "text", "text": "Shipped"}));
        post.destination.destination_id.clear();
        let description = notification(&post).expect_err("refused");
        assert!(description.contains("`destination.destinationId`"));
        post.destination.integration_id.clear();
        let description = notification(&post).expect_err("refused");
        assert!(description.contains("`destination.integrationId`"));
    }

    #[test]
    fn the_author_schema_and_message_are_checked() {
        let user = to(json!({"text": "x"})).with_author(Author {
            role: Role::AppUser,
            ..Author::default()
        });
        assert!(notification(&user).unwrap_err().contains("got `appUser`"));
        let schema = to(json!({"text": "x"})).with_message_schema("line");
        assert!(notification(&schema).unwrap_err().contains("got `line`"));
        let text = notification(&to(json!("hello"))).expect_err("refused");
        assert!(text.contains("must be an object"), "{text}");
        let empty = notification(&to(json!({"type": "text"}))).expect_err("refused");
        assert!(
            empty.starts_with("`message`: a text message needs"),
            "{empty}"
        );
        let odd = notification(&to(json!({"type": "image", "mediaUrl": 3}))).expect_err("refused");
        assert!(odd.contains("not a valid message"), "{odd}");
    }
}
