//! The bar: a hand-written minimum reqwest client making the same calls as `bench-ours`.
//!
//! One `reqwest::Client` (keep-alive pool) with a precomputed basic auth header, a `serde_json`
//! request body, and the answer decoded with plain `#[derive(Deserialize)]` structs for the same
//! fields smooch-client's models decode (`smooch-client/benches/baseline.rs`, shared with the
//! crate's decode benchmark). reqwest is built with smooch-client's features (`http2`,
//! `charset`, `system-proxy`, `multipart`, `default-tls`); without its `json` feature the body
//! is read with `bytes()` and decoded with `serde_json::from_slice`, which is what `json()` does.
//!
//! `bench-reference BASE_URL post_message|get_messages N C` (see the `smooch_bench` crate).

use base64::Engine as _;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serialize;
use smooch_bench::{APP_ID, BoxError, Driver, Endpoint, KEY_ID, SECRET, TEXT, USER_ID};

#[path = "../../../../smooch-client/benches/baseline.rs"]
mod baseline;

/// The body of a text message, borrowed: building it allocates nothing.
#[derive(Serialize)]
struct MessagePost<'a> {
    role: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<serde_json::Value>,
}

#[derive(Clone)]
struct Reference {
    http: reqwest::Client,
    url: String,
}

impl Driver for Reference {
    async fn one(&self, endpoint: Endpoint) -> Result<usize, BoxError> {
        match endpoint {
            Endpoint::GetMessages => {
                let response = self.http.get(&self.url).send().await?;
                let bytes = response.error_for_status()?.bytes().await?;
                let page: baseline::GetMessagesResponse = serde_json::from_slice(&bytes)?;
                Ok(page.messages.len())
            }
            Endpoint::PostMessage => {
                let body = MessagePost {
                    role: "appMaker",
                    kind: "text",
                    text: TEXT,
                    metadata: None,
                };
                let body = serde_json::to_vec(&body)?;
                let response = self
                    .http
                    .post(&self.url)
                    .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                    .body(body)
                    .send()
                    .await?;
                let bytes = response.error_for_status()?.bytes().await?;
                let posted: baseline::MessageResponse = serde_json::from_slice(&bytes)?;
                Ok(posted.message.id.len())
            }
            Endpoint::V2PostMessage | Endpoint::V2ListMessages => Err(format!(
                "the reference makes v1.1 calls only, not {}",
                endpoint.name()
            )
            .into()),
        }
    }
}

fn main() {
    smooch_bench::run("reference", |base, in_flight| {
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{KEY_ID}:{SECRET}"));
        let mut auth =
            HeaderValue::from_str(&format!("Basic {token}")).expect("base64 is a header value");
        auth.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, auth);
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .pool_max_idle_per_host(in_flight)
            .tcp_nodelay(true)
            .build()
            .expect("a reqwest client");
        Reference {
            http,
            url: format!("{base}/v1.1/apps/{APP_ID}/appusers/{USER_ID}/messages"),
        }
    });
}
