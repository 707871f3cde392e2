//! Activities: typing indicators and read receipts.

use crate::v2::V2;
use crate::v2::models::ActivityPost;
use crate::{Result, endpoint};

/// Typing indicators and read receipts in a conversation. Integration, app or account scope.
///
/// ```no_run
/// use smooch_client::v2::ActivitiesApi;
/// use smooch_client::v2::models::ActivityPost;
///
/// # async fn demo(client: smooch_client::Client) -> smooch_client::Result<()> {
/// let v2 = client.v2();
/// v2.post_activity("5963c0d619a30a2e00de36b8", "df0ccbd3a3a5ce1b5a0a1a4b", &ActivityPost::typing_start())
///     .await?;
/// # Ok(()) }
/// ```
pub trait ActivitiesApi {
    /// Notifies the conversation that the business starts or stops typing, or that the
    /// business or a user read it (answers `{}`).
    #[endpoint(
        POST,
        "/v2/apps/<app_id>/conversations/<conversation_id>/activity",
        body = activity
    )]
    async fn post_activity(
        &self,
        app_id: &str,
        conversation_id: &str,
        activity: &ActivityPost,
    ) -> Result<()>;
}

impl ActivitiesApi for V2 {}
