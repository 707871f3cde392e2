//! What the code `#[endpoint]` generates sends, for every shape of endpoint it accepts: every
//! HTTP method with and without a body, and every kind of query value the docs promise.

use httpmock::prelude::*;
use smooch_client::{Client, Error, Result, endpoint, model};
use smooch_tests::{BASIC, Recorder, client, client_at};

/// Query options of the kind `<options..>` spreads: v2-style keys, a list, a number.
#[model(query)]
struct Filters {
    /// A bracketed key.
    #[serde(rename = "filter[userId]")]
    user_id: Option<String>,
    /// A list, comma-joined.
    #[serde(rename = "filter[types]")]
    types: Option<Vec<String>>,
    /// A camelCase key.
    page_size: Option<u32>,
}

/// Endpoints of every shape, on paths of their own.
trait Shapes {
    #[endpoint(POST, "/shapes/<id>/post", idempotent)]
    async fn post_without_body(&self, id: &str) -> Result<()>;

    #[endpoint(PUT, "/shapes/<id>/put")]
    async fn put_without_body(&self, id: &str) -> Result<()>;

    #[endpoint(PATCH, "/shapes/<id>/patch")]
    async fn patch_without_body(&self, id: &str) -> Result<()>;

    #[endpoint(GET, "/shapes/<id>/get")]
    async fn get(&self, id: &str) -> Result<()>;

    #[endpoint(DELETE, "/shapes/<id>/delete")]
    async fn delete(&self, id: &str) -> Result<()>;

    #[endpoint(
        GET,
        "/shapes/brackets?page[after]=<after>&page[size]=<size>&filter[identities.email]=<email>"
    )]
    async fn brackets(&self, after: Option<&str>, size: Option<u32>, email: &str) -> Result<()>;

    #[endpoint(GET, "/shapes/spread/<id>?<filters..>&<last>")]
    async fn spread(&self, id: &str, filters: &Filters, last: Option<&str>) -> Result<()>;

    #[endpoint(GET, "/shapes/exclusive?<first>&<second>", exclusive(first, second))]
    async fn exclusive(&self, first: Option<u32>, second: Option<u32>) -> Result<()>;

    #[endpoint(PUT, "/shapes/<id>/put-body", body = body)]
    async fn put_with_body(&self, id: &str, body: &serde_json::Value) -> Result<()>;

    #[endpoint(
        GET,
        "/shapes/query?<text>&<owned>&<byte>&<short>&<int>&<long>&<size>&<signed_byte>&<signed_short>&<signed>&<signed_long>&<signed_size>&<flag>&<float>&<small_float>&<some>&<none>"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn query_types(
        &self,
        text: &str,
        owned: String,
        byte: u8,
        short: u16,
        int: u32,
        long: u64,
        size: usize,
        signed_byte: i8,
        signed_short: i16,
        signed: i32,
        signed_long: i64,
        signed_size: isize,
        flag: bool,
        float: f64,
        small_float: f32,
        some: Option<&str>,
        none: Option<u32>,
    ) -> Result<()>;
}

impl Shapes for Client {}

/// RFC 9110 §8.6: a request of a method that carries a body says `Content-Length: 0` when it
/// has none (some proxies answer 411 otherwise); a GET or DELETE says nothing.
#[tokio::test]
async fn every_post_put_and_patch_without_a_body_says_content_length_0() {
    let server = MockServer::start_async().await;
    let mut mocks = Vec::new();
    for (method, path) in [(POST, "post"), (PUT, "put"), (PATCH, "patch")] {
        mocks.push(
            server
                .mock_async(|when, then| {
                    when.method(method)
                        .path(format!("/shapes/x/{path}"))
                        .header("content-length", "0")
                        .header("authorization", BASIC)
                        .header_missing("content-type")
                        .body("");
                    then.status(200);
                })
                .await,
        );
    }
    for (method, path) in [(GET, "get"), (DELETE, "delete")] {
        mocks.push(
            server
                .mock_async(|when, then| {
                    when.method(method)
                        .path(format!("/shapes/x/{path}"))
                        .header_missing("content-length")
                        .header_missing("content-type");
                    then.status(200);
                })
                .await,
        );
    }
    mocks.push(
        server
            .mock_async(|when, then| {
                when.method(PUT)
                    .path("/shapes/x/put-body")
                    .header("content-length", "8")
                    .header("content-type", "application/json")
                    .body(r#"{"a":[]}"#);
                then.status(200);
            })
            .await,
    );
    let client = client(&server);
    client.post_without_body("x").await.unwrap();
    client.put_without_body("x").await.unwrap();
    client.patch_without_body("x").await.unwrap();
    client.get("x").await.unwrap();
    client.delete("x").await.unwrap();
    client
        .put_with_body("x", &serde_json::json!({"a": []}))
        .await
        .unwrap();
    for mock in mocks {
        mock.assert_async().await;
    }
}

/// Every query value type the `#[endpoint]` docs promise is sent as `name=value`, and a `None`
/// is left out.
#[tokio::test]
async fn every_kind_of_query_value_is_sent() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .path("/shapes/query")
                .query_param("text", "a b&c=d/é")
                .query_param("owned", "owned")
                .query_param("byte", "255")
                .query_param("short", "65535")
                .query_param("int", "4294967295")
                .query_param("long", "18446744073709551615")
                .query_param("size", "7")
                .query_param("signed_byte", "-128")
                .query_param("signed_short", "-32768")
                .query_param("signed", "-5")
                .query_param("signed_long", "-9223372036854775808")
                .query_param("signed_size", "-7")
                .query_param("flag", "true")
                .query_param("float", "1529600550.492")
                .query_param("small_float", "0.5")
                .query_param("some", "here")
                .query_param_missing("none")
                .query_param_count(".*", ".*", 16);
            then.status(200);
        })
        .await;
    client(&server)
        .query_types(
            "a b&c=d/é",
            "owned".to_owned(),
            u8::MAX,
            u16::MAX,
            u32::MAX,
            u64::MAX,
            7,
            i8::MIN,
            i16::MIN,
            -5,
            i64::MIN,
            -7,
            true,
            1529600550.492,
            0.5,
            Some("here"),
            None,
        )
        .await
        .unwrap();
    mock.assert_async().await;
}

/// The shapes the whole API needs, at runtime.
trait WholeApiShapes {
    #[endpoint(
        POST,
        "/shapes/<id>/images?for=<target>&appUserId=<app_user_id>&integrationIds=<integration_ids>",
        multipart(source = image, role)
    )]
    async fn upload(
        &self,
        id: &str,
        image: &smooch_client::Upload,
        role: smooch_client::models::Role,
        target: Option<&str>,
        app_user_id: Option<&str>,
        integration_ids: &[&str],
    ) -> Result<()>;
}

impl WholeApiShapes for Client {}

#[tokio::test]
async fn multipart_bodies_renamed_query_keys_and_lists_are_sent() {
    let server = MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method(POST)
                .path("/shapes/x/images")
                .query_param("for", "message")
                .query_param("integrationIds", "a,b c")
                .query_param_missing("appUserId")
                .query_param_count(".*", ".*", 2)
                .header_matches("content-type", "^multipart/form-data; boundary=.+$")
                .body_includes("Content-Disposition: form-data; name=\"source\"; filename=\"shoes.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n")
                .body_includes("Content-Disposition: form-data; name=\"role\"\r\n\r\nappMaker\r\n");
            then.status(201).body("{}");
        })
        .await;
    let image = smooch_client::Upload::new("shoes.png", &b"PNGDATA"[..]);
    client(&server)
        .upload(
            "x",
            &image,
            smooch_client::models::Role::AppMaker,
            Some("message"),
            None,
            &["a", "b c"],
        )
        .await
        .unwrap();
    mock.assert_async().await;
    // An empty list is refused before sending.
    let error = client(&server)
        .upload(
            "x",
            &image,
            smooch_client::models::Role::AppMaker,
            None,
            None,
            &[],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            smooch_client::Error::InvalidInput {
                parameter: "integration_ids",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(mock.calls_async().await, 1);
}

/// Query keys are sent as the API names them, percent-encoded as RFC 3986 asks of `[`, `]` and
/// anything but the unreserved characters; a key left `None` is not sent.
#[tokio::test]
async fn bracketed_query_keys_are_sent_percent_encoded() {
    let recorder = Recorder::start().await;
    let client = client_at(recorder.base_url(), std::time::Duration::from_secs(5));
    client
        .brackets(Some("cursor/1+2"), Some(25), "a.b+c@example.com")
        .await
        .unwrap();
    client.brackets(None, None, "x@y").await.unwrap();
    let targets: Vec<String> = recorder.take().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/shapes/brackets?page%5Bafter%5D=cursor%2F1%2B2&page%5Bsize%5D=25&filter%5Bidentities.email%5D=a.b%2Bc%40example.com",
            "/shapes/brackets?filter%5Bidentities.email%5D=x%40y",
        ]
    );
}

/// A `<options..>` spread writes each option that is set under its key, in field order, among
/// the other query values.
#[tokio::test]
async fn a_spread_of_query_options_writes_the_options_that_are_set() {
    let recorder = Recorder::start().await;
    let client = client_at(recorder.base_url(), std::time::Duration::from_secs(5));
    let filters = Filters::default()
        .with_user_id("steve@example.com")
        .with_types(["a", "b,c"])
        .with_page_size(10);
    client.spread("s1", &filters, Some("end")).await.unwrap();
    client
        .spread("s2", &Filters::default(), None)
        .await
        .unwrap();
    let targets: Vec<String> = recorder.take().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        [
            "/shapes/spread/s1?filter%5BuserId%5D=steve%40example.com&filter%5Btypes%5D=a,b%2Cc&pageSize=10&last=end",
            "/shapes/spread/s2",
        ]
    );
    // An option that cannot be sent refuses the call, naming the option.
    let empty = Filters::default().with_types(Vec::<String>::new());
    let error = client.spread("s3", &empty, None).await.unwrap_err();
    assert!(
        matches!(
            &error,
            Error::InvalidInput {
                parameter: "types",
                ..
            }
        ),
        "{error}"
    );
    assert!(
        recorder.take().is_empty(),
        "a refused call reached the server"
    );
}

/// `exclusive(a, b)`: setting both is refused before sending, naming both; one alone is sent.
#[tokio::test]
async fn an_exclusive_pair_set_together_is_refused_before_sending() {
    let recorder = Recorder::start().await;
    let client = client_at(recorder.base_url(), std::time::Duration::from_secs(5));
    let error = client.exclusive(Some(1), Some(2)).await.unwrap_err();
    assert!(
        matches!(
            &error,
            Error::InvalidInput {
                parameter: "first",
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .contains("`first` and `second` are mutually exclusive"),
        "{error}"
    );
    assert!(
        recorder.take().is_empty(),
        "a refused call reached the server"
    );
    client.exclusive(Some(1), None).await.unwrap();
    client.exclusive(None, Some(2)).await.unwrap();
    let targets: Vec<String> = recorder.take().into_iter().map(|r| r.target).collect();
    assert_eq!(
        targets,
        ["/shapes/exclusive?first=1", "/shapes/exclusive?second=2"]
    );
}
