//! [`Removal`]: what an operation that removes something returns when its retry finds the thing
//! already gone.

use crate::models::DeploymentDeletion;

/// The result of an operation that removes something (a DELETE, or a call declared `removes`),
/// which can say "it was already gone".
///
/// When an attempt of a removal may have taken effect (a 5xx, a timeout, a lost connection) and
/// its retry is answered 404, the thing is gone, as asked: the call succeeds with
/// [`already_gone`](Self::already_gone) instead of the 404, as no answer body came with it.
///
/// | result | already gone |
/// |---|---|
/// | `()` | `()` |
/// | `Option<T>` | `None` (the answer body, when there is one, is `Some`) |
/// | [`DeploymentDeletion`] | [`DeploymentDeletion::Deleted`] |
///
/// A removal declared with another result type does not compile: with `#[endpoint]`, return
/// `Result<Option<T>>` to decode a body the removal answers.
///
/// ```
/// use smooch_client::{MenuApi, Removal};
///
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # use smooch_client::fake::{FakeSmooch, Fault};
/// # let fake = FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// // Answered: the (now empty) menu.
/// let answered = client.delete_menu("app").await?;
/// assert!(answered.is_some_and(|menu| menu.menu.items.is_empty()));
/// // The first attempt failed with a 500 (it may have removed the menu), the retry found no
/// // menu (404): removed, as asked, with no menu to show.
/// fake.inject(1, Fault::status(500));
/// fake.inject(1, Fault::status(404));
/// assert!(client.delete_menu("app").await?.is_none());
/// assert_eq!(Option::<u8>::already_gone(), None);
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
#[diagnostic::on_unimplemented(
    message = "a removal cannot return `{Self}`: it cannot say that the thing was already gone",
    label = "a DELETE (or `removes`) returns `()`, `Option<T>` or another `smooch_client::Removal`",
    note = "a removal retried after an attempt that may have taken effect succeeds when the retry is answered 404, without a body: return `Result<Option<{Self}>>`"
)]
pub trait Removal {
    /// The result of a removal whose retry found the thing already gone.
    fn already_gone() -> Self;
}

impl Removal for () {
    fn already_gone() -> Self {}
}

impl<T> Removal for Option<T> {
    /// `None`: no answer body came.
    fn already_gone() -> Self {
        None
    }
}

impl Removal for DeploymentDeletion {
    /// [`Deleted`](DeploymentDeletion::Deleted): the deployment is gone.
    fn already_gone() -> Self {
        DeploymentDeletion::Deleted
    }
}
