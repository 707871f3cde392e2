//! Notifications: messages to users on a channel without a conversation first (WhatsApp
//! templates, SMS).

use crate::models::{NotificationPost, NotificationResponse};
use crate::{Client, Result, endpoint};

/// Notifications (Smooch's `NotificationApi`). App scope.
pub trait NotificationApi {
    /// Sends a notification (the only operation under
    /// `/v1/`, as the spec declares it). Its id comes back in the `notification:delivery:*`
    /// webhooks.
    #[endpoint(POST, "/v1/apps/<app_id>/notifications", body = notification)]
    async fn post_notification(
        &self,
        app_id: &str,
        notification: &NotificationPost,
    ) -> Result<NotificationResponse>;
}

impl NotificationApi for Client {}
