//! The fake's app users: who exists in which app, found by Smooch `_id` or by the business's
//! `userId`, as the real API finds the `<user_id>` of a path.
//!
//! A user exists once pre-created (`POST .../appusers`) or once anything creates their
//! conversation (a message, an image, typing, [`seed_messages`](super::FakeSmooch::seed_messages)):
//! such an *implicit* user has the path's id as `_id`, no `userId`, and one Web Messenger client,
//! as if they had written from the Web Messenger.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::models::{AppUser, AppUserClient, ChannelEntityItem, ClientStatus, IntegrationType};

/// Every app's users, keyed by app and `_id`.
#[derive(Debug, Default)]
pub(crate) struct Users(HashMap<(String, String), AppUser>);

impl Users {
    /// The `_id` of the user `id` names in `app_id`: a user whose `_id` is `id`, else one whose
    /// `userId` is.
    pub(crate) fn resolve(&self, app_id: &str, id: &str) -> Option<String> {
        if self.0.contains_key(&(app_id.to_owned(), id.to_owned())) {
            return Some(id.to_owned());
        }
        self.0
            .iter()
            .find(|((app, _), user)| app == app_id && user.user_id.as_deref() == Some(id))
            .map(|((_, smooch_id), _)| smooch_id.clone())
    }

    /// The user `id` (`_id` or `userId`) names in `app_id`.
    pub(crate) fn get(&self, app_id: &str, id: &str) -> Option<&AppUser> {
        let smooch_id = self.resolve(app_id, id)?;
        self.0.get(&(app_id.to_owned(), smooch_id))
    }

    /// The user `id` (`_id` or `userId`) names in `app_id`, to change.
    pub(crate) fn get_mut(&mut self, app_id: &str, id: &str) -> Option<&mut AppUser> {
        let smooch_id = self.resolve(app_id, id)?;
        self.0.get_mut(&(app_id.to_owned(), smooch_id))
    }

    /// Stores `user` under its `_id`, replacing a user with the same `_id`.
    pub(crate) fn insert(&mut self, app_id: &str, user: AppUser) {
        self.0.insert((app_id.to_owned(), user.id.clone()), user);
    }

    /// Removes the user `id` names; returns it.
    pub(crate) fn remove(&mut self, app_id: &str, id: &str) -> Option<AppUser> {
        let smooch_id = self.resolve(app_id, id)?;
        self.0.remove(&(app_id.to_owned(), smooch_id))
    }

    /// The user `id` names, created as an implicit user (`_id` = `id`) when nobody has that id.
    pub(crate) fn get_or_create(&mut self, app_id: &str, id: &str) -> &mut AppUser {
        let smooch_id = self.resolve(app_id, id).unwrap_or_else(|| id.to_owned());
        self.0
            .entry((app_id.to_owned(), smooch_id))
            .or_insert_with(|| implicit(id))
    }
}

/// A user who wrote from the Web Messenger without being pre-created: `_id` = `id`.
pub(crate) fn implicit(id: &str) -> AppUser {
    AppUser {
        conversation_started: Some(true),
        credential_required: Some(false),
        signed_up_at: Some(now_iso8601()),
        clients: vec![web_client(id)],
        ..AppUser::new(id)
    }
}

/// The Web Messenger client of an implicit user.
pub(crate) fn web_client(user_id: &str) -> AppUserClient {
    AppUserClient {
        id: format!("client_{user_id}"),
        platform: Some(IntegrationType::Web),
        status: Some(ClientStatus::Active),
        active: Some(true),
        primary: Some(true),
        ..AppUserClient::default()
    }
}

/// Whether a platform is one of Smooch's SDKs (which are clients, not channels).
fn is_sdk(platform: &IntegrationType) -> bool {
    matches!(
        platform,
        IntegrationType::Web | IntegrationType::Ios | IntegrationType::Android
    )
}

/// The user's ids on their channels (every client but the SDKs'), as *get app user channels*
/// answers them: the id sits in the field its channel uses (`externalId`, or the phone number
/// in `info` for SMS channels).
pub(crate) fn channels(user: &AppUser) -> Vec<ChannelEntityItem> {
    user.clients
        .iter()
        .filter_map(|client| {
            let platform = client.platform.clone()?;
            if is_sdk(&platform) {
                return None;
            }
            let external = client.external_id.clone();
            let phone = client
                .info
                .as_ref()
                .and_then(|info| info.get("phoneNumber"))
                .and_then(|value| value.as_str())
                .map(str::to_owned)
                .or_else(|| external.clone());
            let mut item = ChannelEntityItem {
                r#type: platform.clone(),
                integration_id: client.integration_id.clone(),
                ..ChannelEntityItem::default()
            };
            match platform {
                IntegrationType::Twilio | IntegrationType::Messagebird => item.phone_number = phone,
                IntegrationType::Mailgun => item.address = external,
                IntegrationType::Whatsapp => item.username = external,
                IntegrationType::Telegram => item.chat_id = external,
                _ => item.user_id = external,
            }
            Some(item)
        })
        .collect()
}

/// Clears the profile as *delete app user profile* does: names, email, properties, and each
/// client's display name, avatar and channel details (`info`, `raw`).
pub(crate) fn clear_profile(user: &mut AppUser) {
    user.given_name = None;
    user.surname = None;
    user.email = None;
    user.properties.clear();
    for client in &mut user.clients {
        client.display_name = None;
        client.avatar_url = None;
        client.info = None;
        client.raw = None;
    }
}

/// Now as ISO-8601 text in UTC with milliseconds, e.g. `2019-07-11T10:41:52.271Z`.
pub(crate) fn now_iso8601() -> String {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    iso8601(u64::try_from(millis).unwrap_or(u64::MAX))
}

/// Unix milliseconds as ISO-8601 text in UTC.
fn iso8601(millis: u64) -> String {
    let secs = millis / 1000;
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX / 2);
    let rest = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        millis % 1000
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn iso8601_is_utc_with_milliseconds() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(1_562_841_712_271), "2019-07-11T10:41:52.271Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn users_are_found_by_smooch_id_or_user_id_within_their_app() {
        let mut users = Users::default();
        users.insert(
            "a",
            AppUser {
                user_id: Some("customer-1".into()),
                ..AppUser::new("5f01")
            },
        );
        assert_eq!(users.resolve("a", "5f01").as_deref(), Some("5f01"));
        assert_eq!(users.resolve("a", "customer-1").as_deref(), Some("5f01"));
        assert_eq!(users.resolve("b", "customer-1"), None);
        assert_eq!(users.resolve("a", "nobody"), None);
        assert_eq!(users.get_or_create("a", "customer-1").id, "5f01");
        assert_eq!(users.get_or_create("a", "walk-in").clients.len(), 1);
        assert!(users.remove("a", "customer-1").is_some());
        assert!(users.get("a", "5f01").is_none());
    }

    #[test]
    fn channels_leave_out_the_sdks_and_put_each_id_where_its_channel_does() {
        let client = |platform: IntegrationType, external: &str| AppUserClient {
            id: format!("c-{platform}"),
            platform: Some(platform),
            external_id: Some(external.to_owned()),
            integration_id: Some("int".to_owned()),
            ..AppUserClient::default()
        };
        let user = AppUser {
            clients: vec![
                web_client("u"),
                client(IntegrationType::Messenger, "psid-1"),
                client(IntegrationType::Twilio, "+15145550100"),
                client(IntegrationType::Whatsapp, "15145550101"),
            ],
            ..AppUser::new("u")
        };
        assert_eq!(
            serde_json::to_value(channels(&user)).unwrap(),
            json!([
                {"type": "messenger", "integrationId": "int", "userId": "psid-1"},
                {"type": "twilio", "integrationId": "int", "phoneNumber": "+15145550100"},
                {"type": "whatsapp", "integrationId": "int", "username": "15145550101"},
            ])
        );
    }
}
