//! Shared helpers for the integration tests: credentials, fixtures and clients pointed at a local
//! mock server.

use httpmock::MockServer;
use smooch_client::Client;
use smooch_client::models::Timestamp;

pub mod events;
pub mod events_v2;
pub mod fixtures;

/// The API key id the tests authenticate with.
pub const KEY_ID: &str = "app_5963ceb97cde542d000dbdb1";
/// The API key secret; tests check it never shows up where it should not.
pub const SECRET: &str = "s3cr3t-do-not-leak";
/// `Basic base64(KEY_ID:SECRET)`, computed independently of the crate under test.
pub const BASIC: &str = "Basic YXBwXzU5NjNjZWI5N2NkZTU0MmQwMDBkYmRiMTpzM2NyM3QtZG8tbm90LWxlYWs=";
/// A bearer token.
pub const JWT: &str = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImFwcF8xIn0.eyJzY29wZSI6ImFwcCJ9.c2lnbmF0dXJl";

/// The app id used in paths.
pub const APP: &str = "5963c0d619a30a2e00de36b8";
/// The user id used in paths.
pub const USER: &str = "c7f6e6d6c3a637261bd9656f";

/// The time `seconds` after the Unix epoch (test data: always finite).
pub fn at(seconds: f64) -> Timestamp {
    Timestamp::from_unix_seconds(seconds).expect("a finite time")
}

/// A real Smooch body from `tests/fixtures/` (copied from Smooch's public Postman collection).
pub fn fixture(name: &str) -> String {
    let path = fixtures::dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// Every response fixture (`*.200.json`, `*.201.json`) with the model it decodes into.
pub fn response_fixtures() -> Vec<(String, fixtures::Model)> {
    fixtures::all()
        .into_iter()
        .filter_map(|(name, _)| {
            let model = fixtures::Model::of(&name)?;
            model.is_response().then_some((name, model))
        })
        .collect()
}

/// A fixture parsed as JSON.
pub fn fixture_json(name: &str) -> serde_json::Value {
    serde_json::from_str(&fixture(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A client with basic auth pointed at `server`.
pub fn client(server: &MockServer) -> Client {
    Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url(server.base_url())
        .build()
        .unwrap()
}

/// A client with a bearer JWT pointed at `server`.
pub fn jwt_client(server: &MockServer) -> Client {
    Client::builder()
        .jwt(JWT)
        .base_url(server.base_url())
        .build()
        .unwrap()
}

/// `/v1.1/apps/APP/appusers/USER` followed by `rest`.
pub fn user_path(rest: &str) -> String {
    format!("/v1.1/apps/{APP}/appusers/{USER}{rest}")
}

/// A client with basic auth pointed at `base_url`, with the given timeout.
pub fn client_at(base_url: impl Into<String>, timeout: std::time::Duration) -> Client {
    Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url(base_url)
        .timeout(timeout)
        .build()
        .unwrap()
}

/// The URL of a port on 127.0.0.1 that nothing listens on (connections are refused): port 1
/// (tcpmux) is privileged and unused, so no parallel test can take it.
pub fn closed_port_url() -> String {
    "http://127.0.0.1:1".to_owned()
}

/// A mock that answers `200 {}` to any request: count its calls to prove nothing was sent.
pub async fn catch_all(server: &MockServer) -> httpmock::Mock<'_> {
    server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).body("{}");
        })
        .await
}

/// A chunked body: `prefix`, then `filler` repeated, then `suffix`, `total` bytes in all
/// (`None`: the filler never ends, and there is no suffix).
#[derive(Clone, Debug)]
pub struct Streamed {
    pub status: u16,
    pub prefix: Vec<u8>,
    pub filler: u8,
    pub suffix: Vec<u8>,
    pub total: Option<usize>,
}

/// A server on 127.0.0.1 that answers every connection with `body`, chunked, written as fast as
/// the client reads it. Returns its base URL.
pub async fn chunked_server(body: Streamed) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;

    /// Writes one chunk; `false` once the client is gone.
    async fn chunk(socket: &mut TcpStream, bytes: &[u8]) -> bool {
        if bytes.is_empty() {
            return true;
        }
        let framed = [format!("{:x}\r\n", bytes.len()).as_bytes(), bytes, b"\r\n"].concat();
        socket.write_all(&framed).await.is_ok()
    }

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let body = body.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 8192];
                let _ = socket.read(&mut request).await;
                let head = format!(
                    "HTTP/1.1 {} X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n",
                    body.status
                );
                if socket.write_all(head.as_bytes()).await.is_err()
                    || !chunk(&mut socket, &body.prefix).await
                {
                    return;
                }
                let filler = vec![body.filler; 64 * 1024];
                let mut left = body.total.map_or(usize::MAX, |total| {
                    total - body.prefix.len() - body.suffix.len()
                });
                while left > 0 {
                    let piece = filler.len().min(left);
                    if !chunk(&mut socket, &filler[..piece]).await {
                        return;
                    }
                    if body.total.is_some() {
                        left -= piece;
                    }
                }
                if chunk(&mut socket, &body.suffix).await {
                    let _ = socket.write_all(b"0\r\n\r\n").await;
                }
            });
        }
    });
    format!("http://{address}")
}

/// A request as a [`Recorder`] received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// The method, e.g. `POST`.
    pub method: String,
    /// The path and query exactly as sent (still percent-encoded).
    pub target: String,
}

/// A server on 127.0.0.1 that records the request line of every request and answers each with
/// `status` and `{}`.
pub struct Recorder {
    base_url: String,
    received: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
    status: std::sync::Arc<std::sync::atomic::AtomicU16>,
}

impl Recorder {
    /// Starts a recorder answering 200.
    pub async fn start() -> Recorder {
        use std::sync::atomic::Ordering;
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let status = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(200));
        let (log, answer) = (received.clone(), status.clone());
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let (log, answer) = (log.clone(), answer.clone());
                tokio::spawn(async move {
                    // One request per connection: read the head, then as much body as it says.
                    let mut buffer = Vec::new();
                    let mut chunk = [0u8; 8192];
                    let head_end = loop {
                        match socket.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
                        }
                        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                            break at + 4;
                        }
                    };
                    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
                    let length = head
                        .lines()
                        .find_map(|line| {
                            let (name, value) = line.split_once(':')?;
                            name.eq_ignore_ascii_case("content-length")
                                .then(|| value.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    while buffer.len() < head_end + length {
                        match socket.read(&mut chunk).await {
                            Ok(0) | Err(_) => break,
                            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
                        }
                    }
                    let mut line = head.lines().next().unwrap_or("").split(' ');
                    let (method, target) = (line.next().unwrap_or(""), line.next().unwrap_or(""));
                    log.lock().unwrap().push(Received {
                        method: method.to_owned(),
                        target: target.to_owned(),
                    });
                    let status = answer.load(Ordering::SeqCst);
                    let reply = format!(
                        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{{}}"
                    );
                    let _ = socket.write_all(reply.as_bytes()).await;
                });
            }
        });
        Recorder {
            base_url,
            received,
            status,
        }
    }

    /// The base URL to point a client at.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Answers `status` from now on.
    pub fn answer(&self, status: u16) {
        self.status
            .store(status, std::sync::atomic::Ordering::SeqCst);
    }

    /// Takes the requests received so far.
    pub fn take(&self) -> Vec<Received> {
        std::mem::take(&mut *self.received.lock().unwrap())
    }
}

/// The endpoint table under the README's `## {heading}`: (Rust method, HTTP method, path
/// without its query) per row.
pub fn readme_endpoints(heading: &str) -> Vec<(String, String, String)> {
    let readme = include_str!("../../README.md");
    let marker = format!("\n## {heading}\n");
    let start = readme
        .find(&marker)
        .unwrap_or_else(|| panic!("no `{heading}` section in README.md"));
    let section = &readme[start + 1..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    section
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("| group"))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let path = cells[4].split('`').nth(1).unwrap_or(cells[4]);
            let path = path.split('?').next().unwrap_or(path).to_owned();
            (
                cells[2].trim_matches('`').to_owned(),
                cells[3].to_owned(),
                path,
            )
        })
        .collect()
}
