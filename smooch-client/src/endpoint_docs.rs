//! The documentation of the `#[endpoint]` attribute (the macro itself is in `smooch-macros`).

/// Declares one REST endpoint on a trait method; the method body is generated.
///
/// ```text
/// #[endpoint(METHOD, "/path/<placeholder>/more?<query_param>" [, body = param] [, exclusive(a, b)] [, idempotent])]
/// async fn name(&self, placeholder: &str, query_param: Option<f64>, param: &Body) -> Result<T>;
/// ```
///
/// - **METHOD**: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
/// - **Path**: starts with `/`; `<name>` is replaced by the parameter `name`, percent-encoded as
///   exactly one path segment (everything but `A-Z a-z 0-9 - . _ ~` is encoded, so `a/b` stays
///   one segment). A placeholder is always a whole segment. Empty values and `.`/`..` are refused
///   with [`Error::InvalidInput`](crate::Error) before sending.
/// - **Query**: `?<a>&<b>` sends the parameters `a` and `b` as `a=..&b=..`; a `None` is left out.
///   Query parameters are strings, integers, booleans, floats (NaN and infinities are refused), or
///   an `Option` of one. `exclusive(a, b)` refuses a call that sets more than one of them.
/// - **Body**: `body = param` serializes the parameter as the JSON body (not on GET or DELETE).
/// - **Retries**: GET, PUT and DELETE are idempotent; a POST or PATCH that may safely be sent
///   twice says `idempotent`. Idempotent calls are retried after server errors, timeouts and
///   dropped connections; the others only when the request surely did not reach the server
///   (connection refused, 429). See [`RetryPolicy`](crate::RetryPolicy).
/// - **Result**: `Result<T>` decodes a success body as `T` (any `serde::de::DeserializeOwned`);
///   `Result<()>` accepts any success body, including `{}` and an empty one.
///
/// Every parameter must appear in exactly one of these places, and every placeholder must name a
/// parameter; mistakes are compile errors that say what is wrong.
///
/// Each call runs in a `tracing` span named after the method, recording the HTTP method, the
/// route template (not the filled path), the status and the attempt.
///
/// The method becomes `fn name(&self, ..) -> impl Future<Output = Result<T>> + Send` with a `where
/// Self: AsRef<Client>` bound: the request is built when the method is called, and the future
/// owns it, so it can be `tokio::spawn`ed. A trait whose endpoints should be available on
/// [`Client`](crate::Client) is implemented for it with an empty `impl`.
///
/// # Adding an endpoint
///
/// One line per endpoint, in your crate or in this one:
///
/// ```
/// use smooch_client::{Client, Result, endpoint};
///
/// /// App user endpoints this crate does not cover yet.
/// pub trait AppUserApi {
///     /// Gets a user's profile.
///     #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>")]
///     async fn get_app_user(&self, app_id: &str, user_id: &str) -> Result<serde_json::Value>;
/// }
///
/// impl AppUserApi for Client {}
///
/// # async fn demo(client: Client) -> Result<()> {
/// let user = client.get_app_user("app_id", "user@example.com").await?;
/// # Ok(()) }
/// ```
pub use smooch_macros::endpoint;
