//! The local server the paired benchmarks call: plain hyper (HTTP/1.1, keep-alive, no TLS) on
//! 127.0.0.1, answering
//!
//! - `GET /v1.1/apps/<app>/appusers/<user>/messages` with a page of 100 messages (59 KB),
//! - `POST` on the same path with a 751-byte message answer, status 201,
//! - the same two on API v2's `/v2/apps/<app>/conversations/<conversation>/messages`, with the
//!   same messages in v2's shape,
//!
//! the same bytes every time (`smooch-client/benches/data/`), whatever the ids. Any other
//! method on that path is a 405, any other path a 404, each with Smooch's error body. It does
//! as little as it can, so that the clients' costs are what differs.
//!
//! `bench-server PORT [--threads N]`: PORT 0 picks a free port; the first line on stdout is
//! `listening on http://127.0.0.1:<port>`. `--threads` sets tokio's worker threads (default 1:
//! a current-thread runtime, leaving the other core of a 2-core machine to the client).

use std::convert::Infallible;
use std::io::Write as _;
use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use smooch_bench::{PAGE, POSTED, V2_PAGE, V2_POSTED};
use tokio::net::TcpListener;

const NOT_FOUND: &[u8] = br#"{"error":{"code":"not_found","description":"Resource not found"}}"#;
const NOT_ALLOWED: &[u8] =
    br#"{"error":{"code":"method_not_allowed","description":"Method not allowed on this path"}}"#;

/// Which API's messages `path` is: v1.1's `/v1.1/apps/<app>/appusers/<user>/messages` or
/// v2's `/v2/apps/<app>/conversations/<conversation>/messages`, on the raw (still
/// percent-encoded) segments.
#[derive(Clone, Copy)]
enum Messages {
    V1,
    V2,
}

fn messages(path: &str) -> Option<Messages> {
    let segments: Vec<&str> = path.split('/').collect();
    match segments.as_slice() {
        ["", "v1.1", "apps", app, "appusers", user, "messages"]
            if !app.is_empty() && !user.is_empty() =>
        {
            Some(Messages::V1)
        }
        [
            "",
            "v2",
            "apps",
            app,
            "conversations",
            conversation,
            "messages",
        ] if !app.is_empty() && !conversation.is_empty() => Some(Messages::V2),
        _ => None,
    }
}

fn answer(method: &Method, path: &str) -> Response<Full<Bytes>> {
    let (status, body) = match (messages(path), method) {
        (Some(Messages::V1), &Method::GET) => (StatusCode::OK, PAGE),
        (Some(Messages::V1), &Method::POST) => (StatusCode::CREATED, POSTED),
        (Some(Messages::V2), &Method::GET) => (StatusCode::OK, V2_PAGE),
        (Some(Messages::V2), &Method::POST) => (StatusCode::CREATED, V2_POSTED),
        (Some(_), _) => (StatusCode::METHOD_NOT_ALLOWED, NOT_ALLOWED),
        (None, _) => (StatusCode::NOT_FOUND, NOT_FOUND),
    };
    let mut response = Response::new(Full::new(Bytes::from_static(body)));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

async fn handle(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    // Read the whole body, so the connection stays reusable.
    let _ = body.collect().await;
    Ok(answer(&parts.method, parts.uri.path()))
}

fn usage() -> ! {
    eprintln!("usage: bench-server PORT [--threads N]");
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut port: Option<u16> = None;
    let mut threads: usize = 1;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--threads" => {
                threads = args
                    .next()
                    .and_then(|value| value.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            value if port.is_none() => port = Some(value.parse().unwrap_or_else(|_| usage())),
            _ => usage(),
        }
    }
    let port = port.unwrap_or_else(|| usage());
    let runtime = if threads <= 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .enable_all()
            .build()
    };
    let runtime = runtime.expect("a tokio runtime");
    runtime.block_on(async move {
        let address = SocketAddr::from(([127, 0, 0, 1], port));
        let listener = TcpListener::bind(address).await.unwrap_or_else(|error| {
            eprintln!("bench-server: cannot listen on {address}: {error}");
            std::process::exit(1)
        });
        let local = listener
            .local_addr()
            .expect("a bound listener has an address");
        println!("listening on http://{local}");
        let _ = std::io::stdout().flush();
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let _ = http1::Builder::new()
                    .keep_alive(true)
                    .serve_connection(TokioIo::new(stream), service_fn(handle))
                    .await;
            });
        }
    });
}
