//! The documentation of the `#[endpoint]` attribute (the macro itself is in `smooch-macros`).

/// Declares one REST endpoint on a trait method; the method body is generated.
///
/// ```text
/// #[endpoint(METHOD, "/path/<placeholder>/more?<query_param>&key=<other_param>&<options..>"
///            [, body = param | multipart(part, name = param, ..)]
///            [, exclusive(a, b, ..)] [, idempotent | removes] [, crate = path])]
/// async fn name(&self, placeholder: &str, query_param: Option<f64>, ..) -> Result<T>;
/// ```
///
/// # Arguments
///
/// - **METHOD**: `GET`, `POST`, `PUT`, `PATCH` or `DELETE`.
/// - **Path**: starts with `/`; `<name>` is replaced by the parameter `name`, percent-encoded as
///   exactly one path segment (everything but `A-Z a-z 0-9 - . _ ~` is encoded, so `a/b` stays
///   one segment). A placeholder is always a whole segment. Empty values, `.`/`..` and values
///   over [`MAX_VALUE_LEN`](crate::MAX_VALUE_LEN) bytes are refused with
///   [`Error::InvalidInput`](crate::Error::InvalidInput) before sending.
/// - **Query**: after `?`, items joined by `&`. `<name>` sends the parameter `name` under the
///   key `name`; `key=<name>` sends it under `key`, written as the API names it: camelCase
///   (`?serviceAccountId=<service_account_id>`), brackets and dots
///   (`?page[after]=<after>&filter[identities.email]=<email>`). A key may hold any visible ASCII
///   character but `&`, `=`, `<`, `>` (they separate the template's items), `#` and `%`: it is
///   percent-encoded when sent (`page[after]` goes out as `page%5Bafter%5D`, as RFC 3986 asks),
///   so write it decoded; anything else is a compile error that says so. Keys are sent in the
///   order written. See [Query values](#query-values) for how each value is written.
/// - **`<options..>`** in the query: the parameter writes its own keys, each set option under
///   its key. Its type is query options, a struct declared with
///   [`#[model(query)]`](crate::model) (for the optional parameters of an operation that has
///   more than two: [`ListAppsOptions`](crate::models::ListAppsOptions)), or a type of its own
///   such as [`Cursor`](crate::models::Cursor) (`before=` or `after=`, never both).
/// - **`body = param`**: serializes the parameter as the JSON body (not on GET or DELETE).
/// - **`multipart(..)`**: a `multipart/form-data` body, one part per item, in order:
///   `name = param` sends the parameter `param` as the part `name`, and `param` alone as the
///   part `param`. A part is a file ([`Upload`](crate::Upload)) or a text field. A request has
///   one body: `body` or `multipart`, not both.
/// - **`exclusive(a, b, ..)`**: query parameters of which at most one may be set; a call that
///   sets more is refused with [`Error::InvalidInput`](crate::Error::InvalidInput).
/// - **`idempotent`**: GET, PUT and DELETE are idempotent; a POST or PATCH that may safely be
///   sent twice says so. Idempotent calls are retried after server errors, timeouts and dropped
///   connections; the others only when the request surely did not reach the server (connection
///   refused, 429). See [`RetryPolicy`](crate::RetryPolicy).
/// - **`removes`**: a POST or PATCH that deletes something, as a DELETE does
///   (`POST .../attachments/remove`). It is idempotent, and, like a DELETE, a retry that is
///   answered 404 after an attempt that may have taken effect is a success: what was to go is
///   gone.
/// - **`crate = path`**: where this crate is, when your dependency renames it (default
///   `::smooch_client`).
/// - **Result**: `Result<T>` decodes a success body as `T` (any `serde::de::DeserializeOwned`);
///   `Result<()>` accepts any success body, including `{}` and an empty one. A removal (DELETE
///   or `removes`) returns a [`Removal`](crate::Removal), which can say the thing was already
///   gone: `Result<()>`, or `Result<Option<T>>` to decode the body it answers (`None` when a
///   retry found it gone); another type is a compile error.
///
/// Every parameter must appear in exactly one of these places (the path, the query, the body
/// or a part), and every placeholder must name a parameter; mistakes are compile errors that
/// say what is wrong and suggest the closest name.
///
/// # The generated method
///
/// ```text
/// async fn get_app_user(&self, app_id: &str, user_id: &str) -> Result<AppUserResponse>;
/// ```
///
/// becomes
///
/// ```text
/// fn get_app_user(&self, app_id: &str, user_id: &str)
///     -> impl Future<Output = Result<AppUserResponse>> + Send + use<Self>
/// where
///     Self: AsClient;
/// ```
///
/// The request is built when the method is called (a refused value fails the call without
/// sending anything), and the returned future owns it: it borrows neither `self` nor the
/// arguments, is `Send`, and can be `tokio::spawn`ed. Each call runs in a `tracing` span named
/// after the method, recording the HTTP method, the route template (not the filled path: ids are
/// personal data), the status and the attempt.
///
/// The route is written once, in the attribute, and read from there: the trait gets a constant
/// per endpoint, named after the method in capitals (`const GET_APP_USER: Route`, a
/// [`Route`](crate::Route) with the operation, method and template), and the method's
/// documentation ends with the method and template.
///
/// A trait whose endpoints should be available on [`Client`](crate::Client) is implemented for
/// it with an empty `impl`; any type that is `AsRef<Client>` can implement it too (see
/// [`AsClient`](crate::AsClient)).
///
/// # Which bounds are checked where
///
/// | what | bound | checked |
/// |---|---|---|
/// | a path parameter | `AsRef<str>` (`&str`, `String`, ...) | when the trait compiles, pointing at the parameter's type |
/// | a query parameter | [query value](#query-values) | when the trait compiles, pointing at the parameter's type |
/// | a multipart part | a file ([`Upload`](crate::Upload)) or text: strings, integers, `bool`, the API's enums, or an `Option` of one | when the trait compiles, pointing at the parameter's type |
/// | the body | `serde::Serialize` | when the trait compiles |
/// | `T` in `Result<T>` | `serde::de::DeserializeOwned` | when the trait compiles |
/// | `Self` | [`AsClient`](crate::AsClient) (any `AsRef<Client>`) | where the method is called: the trait compiles for any type, and calling an endpoint on a type that is not a client is the error |
///
/// Each unmet bound is one error that names the parameter's type and lists what is accepted:
///
/// ```compile_fail,E0277
/// use smooch_client::{Result, endpoint};
///
/// pub struct UserId(u64);
///
/// pub trait Users {
///     // error: `UserId` cannot be a path parameter
///     //        path parameters are text: `&str`, `String`, or anything `AsRef<str>`
///     #[endpoint(GET, "/v1.1/apps/<app_id>/appusers/<user_id>")]
///     async fn get_user(&self, app_id: &str, user_id: &UserId) -> Result<serde_json::Value>;
/// }
/// ```
///
/// # Query values
///
/// | parameter type | sent |
/// |---|---|
/// | `&str`, `String` | percent-encoded (over [`MAX_VALUE_LEN`](crate::MAX_VALUE_LEN) bytes: refused) |
/// | integers, `bool` | as written by `Display`: `limit=25`, `flag=true` |
/// | `f32`, `f64` | the shortest form that reads back as the same number (`before=1529600550.492`); NaN and infinities are refused |
/// | the API's enums ([`IntegrationType`](crate::models::IntegrationType), ...) | their wire value: `types=twilio` |
/// | a slice or `Vec` of these | one value, items comma-joined, each item encoded: `types=twilio,line` (empty: refused) |
/// | `Option<_>` of any of these | the value, or no `key=` at all for `None` |
/// | a reference to any of these | as the value |
///
/// Each query key is sent once: a template that repeats one (`?for=<a>&for=<b>`) is a compile
/// error; send several values as a list instead.
///
/// # Examples
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
/// # #[cfg(feature = "fake")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = smooch_client::fake::FakeSmooch::start().await?;
/// # let client = fake.client()?;
/// # let steve = smooch_client::models::AppUserPreCreate::new("user@example.com");
/// # smooch_client::AppUserApi::pre_create_app_user(&client, "app_id", &steve).await?;
/// let user = client.get_app_user("app_id", "user@example.com").await?;
/// # assert_eq!(user["appUser"]["userId"], "user@example.com");
/// # Ok(()) }
/// # #[cfg(not(feature = "fake"))]
/// # fn main() {}
/// ```
///
/// Query parameters, renamed keys, lists, exclusive parameters, a JSON body and a multipart
/// upload:
///
/// ```
/// use smooch_client::models::{IntegrationType, MessagePost, Role};
/// use smooch_client::{Client, Result, Upload, endpoint};
///
/// pub trait MoreApi {
///     /// `GET /v1.1/apps?limit=25&serviceAccountId=svc_1` (a `None` is left out: `/v1.1/apps`).
///     #[endpoint(GET, "/v1.1/apps?<limit>&serviceAccountId=<service_account_id>")]
///     async fn apps_page(
///         &self,
///         limit: Option<u32>,
///         service_account_id: Option<&str>,
///     ) -> Result<serde_json::Value>;
///
///     /// `GET .../integrations?types=twilio,line`.
///     #[endpoint(GET, "/v1.1/apps/<app_id>/integrations?<types>")]
///     async fn integrations_of(
///         &self,
///         app_id: &str,
///         types: Option<&[IntegrationType]>,
///     ) -> Result<serde_json::Value>;
///
///     /// `?before=<unix seconds>` or `?after=..`, never both.
///     #[endpoint(
///         GET,
///         "/v1.1/apps/<app_id>/appusers/<user_id>/messages?<before>&<after>",
///         exclusive(before, after)
///     )]
///     async fn messages_page(
///         &self,
///         app_id: &str,
///         user_id: &str,
///         before: Option<f64>,
///         after: Option<f64>,
///     ) -> Result<serde_json::Value>;
///
///     /// The message as the JSON body; retried like a GET because the caller deduplicates.
///     #[endpoint(
///         POST,
///         "/v1.1/apps/<app_id>/appusers/<user_id>/messages",
///         body = message,
///         idempotent
///     )]
///     async fn send(&self, app_id: &str, user_id: &str, message: &MessagePost) -> Result<()>;
///
///     /// A file as the part `source`, and the part `role`.
///     #[endpoint(
///         POST,
///         "/v1.1/apps/<app_id>/appusers/<user_id>/images",
///         multipart(source = image, role)
///     )]
///     async fn send_image(
///         &self,
///         app_id: &str,
///         user_id: &str,
///         image: &Upload,
///         role: Role,
///     ) -> Result<serde_json::Value>;
/// }
///
/// impl MoreApi for Client {}
///
/// # async fn demo(client: Client) -> Result<()> {
/// let sms_and_line = [IntegrationType::Twilio, IntegrationType::Line];
/// let integrations = client.integrations_of("app_id", Some(&sms_and_line)).await?;
/// let first_page = client.apps_page(Some(25), None).await?;
/// # Ok(()) }
/// ```
pub use smooch_macros::endpoint;
