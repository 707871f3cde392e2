//! The fake's webhooks, per app: what the Webhook API creates, changes and deletes, and which
//! webhooks an event goes to.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

use crate::Secret;
use crate::models::{Webhook, WebhookCreate, WebhookTrigger, WebhookUpdate};

/// Webhooks per app, as the real API limits them.
pub(crate) const MAX_PER_APP: usize = 10;

/// Every app's webhooks, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Hooks {
    by_app: HashMap<String, Vec<Webhook>>,
    created: u64,
}

impl Hooks {
    pub(crate) fn list(&self, app_id: &str) -> Vec<Webhook> {
        self.by_app.get(app_id).cloned().unwrap_or_default()
    }

    pub(crate) fn get(&self, app_id: &str, webhook_id: &str) -> Option<&Webhook> {
        self.by_app.get(app_id)?.iter().find(|w| w.id == webhook_id)
    }

    /// Creates a webhook with a fresh id and secret, or says what is wrong with the request.
    pub(crate) fn create(
        &mut self,
        app_id: &str,
        create: WebhookCreate,
    ) -> Result<Webhook, String> {
        check_target(&create.target)?;
        let triggers = if create.triggers.is_empty() {
            // The last documented default.
            vec![WebhookTrigger::Message]
        } else {
            check_triggers(&create.triggers)?;
            create.triggers
        };
        let hooks = self.by_app.entry(app_id.to_owned()).or_default();
        if hooks.len() >= MAX_PER_APP {
            return Err(format!("An app can have at most {MAX_PER_APP} webhooks"));
        }
        self.created += 1;
        let webhook = Webhook {
            id: format!("5e{:022x}", self.created),
            target: create.target,
            triggers,
            secret: new_secret(),
            version: Some("v1.1".to_owned()),
            include_client: Some(create.include_client.unwrap_or(false)),
            include_full_app_user: Some(create.include_full_app_user.unwrap_or(false)),
            ..Webhook::default()
        };
        hooks.push(webhook.clone());
        Ok(webhook)
    }

    /// Applies an update: `Ok(None)` when there is no such webhook.
    pub(crate) fn update(
        &mut self,
        app_id: &str,
        webhook_id: &str,
        update: WebhookUpdate,
    ) -> Result<Option<Webhook>, String> {
        if let Some(target) = &update.target {
            check_target(target)?;
        }
        if let Some(triggers) = &update.triggers {
            if triggers.is_empty() {
                return Err("`triggers` must not be empty".to_owned());
            }
            check_triggers(triggers)?;
        }
        let Some(webhook) = self
            .by_app
            .get_mut(app_id)
            .and_then(|hooks| hooks.iter_mut().find(|w| w.id == webhook_id))
        else {
            return Ok(None);
        };
        if let Some(target) = update.target {
            webhook.target = target;
        }
        if let Some(triggers) = update.triggers {
            webhook.triggers = triggers;
        }
        if let Some(include_client) = update.include_client {
            webhook.include_client = Some(include_client);
        }
        if let Some(include_full_app_user) = update.include_full_app_user {
            webhook.include_full_app_user = Some(include_full_app_user);
        }
        Ok(Some(webhook.clone()))
    }

    /// Deletes a webhook; `false` when there is no such webhook.
    pub(crate) fn delete(&mut self, app_id: &str, webhook_id: &str) -> bool {
        let Some(hooks) = self.by_app.get_mut(app_id) else {
            return false;
        };
        let before = hooks.len();
        hooks.retain(|w| w.id != webhook_id);
        hooks.len() != before
    }

    /// The app's webhooks that receive events of `trigger`.
    pub(crate) fn subscribed(&self, app_id: &str, trigger: &WebhookTrigger) -> Vec<Webhook> {
        self.by_app
            .get(app_id)
            .map(|hooks| {
                hooks
                    .iter()
                    .filter(|w| w.triggers.iter().any(|t| t.covers(trigger)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Whether `url` is an absolute http(s) URL with a host.
pub(crate) fn web_url(url: &str) -> bool {
    reqwest::Url::parse(url)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
}

/// A webhook's target (either version's): an http(s) URL.
pub(crate) fn check_target(target: &str) -> Result<(), String> {
    if web_url(target) {
        Ok(())
    } else {
        Err("`target` must be an http or https URL".to_owned())
    }
}

fn check_triggers(triggers: &[WebhookTrigger]) -> Result<(), String> {
    match triggers.iter().find(|t| t.is_unknown()) {
        Some(unknown) => Err(format!("`{unknown}` is not a valid trigger")),
        None => Ok(()),
    }
}

/// 32 random hex digits, as Smooch's secrets.
pub(crate) fn new_secret() -> Secret {
    let random = |salt: u64| {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(salt);
        hasher.finish()
    };
    Secret::new(format!("{:016x}{:016x}", random(1), random(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webhooks_are_created_checked_changed_and_deleted() {
        let mut hooks = Hooks::default();
        let created = hooks
            .create(
                "a",
                WebhookCreate::new("https://bot.example/hook")
                    .with_triggers([WebhookTrigger::Postback]),
            )
            .unwrap();
        assert_eq!(created.secret.expose().len(), 32);
        assert_eq!(hooks.subscribed("a", &WebhookTrigger::Postback).len(), 1);
        assert!(
            hooks
                .subscribed("a", &WebhookTrigger::MessageAppUser)
                .is_empty()
        );
        assert!(hooks.subscribed("b", &WebhookTrigger::Postback).is_empty());

        let default = hooks
            .create("a", WebhookCreate::new("http://127.0.0.1:1/x"))
            .unwrap();
        assert_eq!(default.triggers, [WebhookTrigger::Message]);
        assert_ne!(default.secret, created.secret);
        assert!(hooks.create("a", WebhookCreate::new("ftp://x")).is_err());
        let unknown = WebhookCreate::new("https://x.example").with_triggers(["nope"]);
        assert!(hooks.create("a", unknown).unwrap_err().contains("nope"));

        let update = WebhookUpdate::new().with_triggers([WebhookTrigger::All]);
        let updated = hooks.update("a", &created.id, update).unwrap().unwrap();
        assert_eq!(updated.triggers, [WebhookTrigger::All]);
        assert_eq!(updated.secret, created.secret, "the secret stays");
        assert!(
            hooks
                .update("a", "missing", WebhookUpdate::new())
                .unwrap()
                .is_none()
        );

        assert!(hooks.delete("a", &created.id));
        assert!(!hooks.delete("a", &created.id));
        assert_eq!(hooks.list("a"), [default]);
    }

    #[test]
    fn an_app_has_at_most_ten_webhooks() {
        let mut hooks = Hooks::default();
        for _ in 0..MAX_PER_APP {
            hooks
                .create("a", WebhookCreate::new("https://x.example"))
                .unwrap();
        }
        assert!(
            hooks
                .create("a", WebhookCreate::new("https://x.example"))
                .is_err()
        );
        assert!(
            hooks
                .create("b", WebhookCreate::new("https://x.example"))
                .is_ok()
        );
    }
}
