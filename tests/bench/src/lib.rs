//! The paired benchmarks' common parts: the conversation both clients talk to, the command line
//! and the timed loop. `bench-reference` (a hand-written reqwest client) and `bench-ours`
//! (smooch-client) differ only in how they make one request ([`Driver::one`]); `bench-server`
//! answers them both.
//!
//! Every client binary is run as `CLIENT BASE_URL ENDPOINT N C`: `N` requests to `ENDPOINT`
//! (`post_message` or `get_messages`) with `C` in flight (1: a plain sequential loop on a
//! current-thread runtime; more: `C` tasks on a multi-thread runtime), after `C` warm-up
//! requests that are not timed. It prints one line:
//!
//! ```text
//! RESULT driver=NAME endpoint=.. n=.. c=.. ok=.. errors=.. secs=.. rps=..
//! ```

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The app both clients post to and read from.
pub const APP_ID: &str = "5963c0d619a30a2e00de36b8";
/// The app user both clients post to and read from.
pub const USER_ID: &str = "c7f6e6d6c5b4a3928170f6e5";
/// The conversation the v2 calls post to and read from.
pub const CONVERSATION_ID: &str = "df0ccbd3a3a5ce1b5a0a1a4b";
/// The API key id both clients authenticate with (basic auth; the server does not check it).
pub const KEY_ID: &str = "app_5963c0d619a30a2e00de36b9";
/// The API key secret.
pub const SECRET: &str = "s3cr3t-k3y";
/// The text of every posted message.
pub const TEXT: &str = "Hello from the benchmark! Your order #48213 has shipped.";

/// A page of 100 messages (59 KB), as `get_messages` answers it; the same bytes the crate's
/// decode benchmark reads.
pub const PAGE: &[u8] = include_bytes!("../../../smooch-client/benches/data/page.json");
/// A `post_message` answer (751 B, status 201).
pub const POSTED: &[u8] = include_bytes!("../../../smooch-client/benches/data/post.json");

/// The same 100 messages in API v2's shape, as `list_messages` answers them.
pub const V2_PAGE: &[u8] = include_bytes!("../../../smooch-client/benches/data/v2-page.json");
/// API v2's `post_message` answer (status 201).
pub const V2_POSTED: &[u8] = include_bytes!("../../../smooch-client/benches/data/v2-post.json");

/// What a client decodes a failure into, boxed on the failure path only.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The call a run makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Endpoint {
    /// `POST /v1.1/apps/<app>/appusers/<user>/messages` with a text message; answered 201.
    PostMessage,
    /// `GET /v1.1/apps/<app>/appusers/<user>/messages`; answered with [`PAGE`].
    GetMessages,
    /// API v2's `POST /v2/apps/<app>/conversations/<conversation>/messages` with a text
    /// message; answered 201 with [`V2_POSTED`]. Only `bench-ours` makes it: its bar is the
    /// v1.1 call's cost.
    V2PostMessage,
    /// API v2's `GET /v2/apps/<app>/conversations/<conversation>/messages`; answered with
    /// [`V2_PAGE`]. Only `bench-ours` makes it.
    V2ListMessages,
}

impl Endpoint {
    /// The name on the command line and in the `RESULT` line.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::PostMessage => "post_message",
            Endpoint::GetMessages => "get_messages",
            Endpoint::V2PostMessage => "v2_post_message",
            Endpoint::V2ListMessages => "v2_list_messages",
        }
    }

    fn parse(name: &str) -> Option<Self> {
        [
            Endpoint::PostMessage,
            Endpoint::GetMessages,
            Endpoint::V2PostMessage,
            Endpoint::V2ListMessages,
        ]
        .into_iter()
        .find(|endpoint| endpoint.name() == name)
    }
}

/// One client under test.
pub trait Driver: Clone + Send + Sync + 'static {
    /// Makes one call to `endpoint`, decodes its answer and returns a length read from it (so
    /// the decoding cannot be optimised away).
    fn one(&self, endpoint: Endpoint) -> impl Future<Output = Result<usize, BoxError>> + Send;
}

/// The command line of a client binary.
#[derive(Debug)]
struct Args {
    base: String,
    endpoint: Endpoint,
    n: usize,
    c: usize,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let [base, endpoint, n, c] = args else {
        return Err(format!("expected 4 arguments, got {}", args.len()));
    };
    let endpoint =
        Endpoint::parse(endpoint).ok_or_else(|| format!("unknown endpoint {endpoint:?}"))?;
    let n = n.parse().map_err(|_| format!("N is not a count: {n:?}"))?;
    let c = c
        .parse::<usize>()
        .map_err(|_| format!("C is not a count: {c:?}"))?;
    Ok(Args {
        base: base.trim_end_matches('/').to_owned(),
        endpoint,
        n,
        c: c.max(1),
    })
}

/// Runs the client binary `name`: parses the command line, builds the client with `build`
/// (given the base URL and the number of requests in flight), warms up, times `N` calls and
/// prints the `RESULT` line. Exits with status 2 on a bad command line and 1 when a warm-up
/// call fails.
pub fn run<D: Driver>(name: &str, build: impl FnOnce(&str, usize) -> D) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&args) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("{name}: {problem}\nusage: {name} BASE_URL post_message|get_messages N C");
            std::process::exit(2);
        }
    };
    // The machine's cores for C > 1, one thread for a sequential run.
    let runtime = if args.c == 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
    };
    let runtime = runtime.expect("a tokio runtime");
    runtime.block_on(async move {
        let client = build(&args.base, args.c);
        let (n, c, endpoint) = (args.n, args.c, args.endpoint);

        // Warm-up, not timed: C calls at once open the connections the run uses.
        let warm = (0..c.min(n)).map(|_| client.one(endpoint));
        for result in futures_util::future::join_all(warm).await {
            if let Err(error) = result {
                eprintln!("{name}: warm-up call failed: {error}");
                std::process::exit(1);
            }
        }

        let errors = Arc::new(AtomicUsize::new(0));
        let start = Instant::now();
        if c == 1 {
            for _ in 0..n {
                count(&errors, client.one(endpoint).await);
            }
        } else {
            let next = Arc::new(AtomicUsize::new(0));
            let tasks: Vec<_> = (0..c)
                .map(|_| {
                    let (client, next, errors) = (client.clone(), next.clone(), errors.clone());
                    tokio::spawn(async move {
                        while next.fetch_add(1, Ordering::Relaxed) < n {
                            count(&errors, client.one(endpoint).await);
                        }
                    })
                })
                .collect();
            for task in tasks {
                task.await.expect("a benchmark task does not panic");
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let errors = errors.load(Ordering::Relaxed);
        println!(
            "RESULT driver={name} endpoint={} n={n} c={c} ok={} errors={errors} secs={secs:.3} rps={:.1}",
            endpoint.name(),
            n - errors,
            n as f64 / secs
        );
    });
}

/// Counts a failed call, printing the first failure.
fn count(errors: &AtomicUsize, result: Result<usize, BoxError>) {
    if let Err(error) = result
        && errors.fetch_add(1, Ordering::Relaxed) == 0
    {
        eprintln!("first error: {error}");
    }
}
