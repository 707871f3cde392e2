use super::*;

const IDEMPOTENT: bool = true;
const POST: bool = false;

fn policy() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(4)
        .with_base_delay(Duration::from_millis(100))
        .with_max_delay(Duration::from_secs(5))
}

fn status(code: u16) -> Outcome {
    Outcome::Status(StatusCode::from_u16(code).unwrap(), None)
}

fn retry_ms(decision: Decision) -> u128 {
    match decision {
        Decision::Retry(delay) => delay.as_millis(),
        Decision::Stop(stop) => panic!("stopped: {stop:?}"),
    }
}

#[test]
fn rate_limits_are_retried_for_every_call_after_retry_after() {
    let after = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(2)));
    assert_eq!(retry_ms(decide(&policy(), POST, 1, after, 0.0)), 2000);
    assert_eq!(retry_ms(decide(&policy(), IDEMPOTENT, 1, after, 0.9)), 2000);
    // Exactly the cap is waited; longer is never cut short (a retry sooner than asked would be
    // refused again): the call stops, for every call, whatever the attempts left.
    let at_cap = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(5)));
    assert_eq!(retry_ms(decide(&policy(), POST, 1, at_cap, 0.0)), 5000);
    for idempotent in [IDEMPOTENT, POST] {
        let long = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(6)));
        assert_eq!(
            decide(&policy(), idempotent, 1, long, 0.0),
            Decision::Stop(Stop::RetryAfter)
        );
    }
    // With no attempts left, that is the reason.
    let long = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(60)));
    assert_eq!(
        decide(&policy(), POST, 4, long, 0.0),
        Decision::Stop(Stop::Exhausted)
    );
}

#[test]
fn a_retry_after_of_now_leaves_the_backoff() {
    // `Retry-After: 0`, or a date in the past: nothing to wait for, but the backoff still
    // spreads the retries.
    let now = Outcome::Status(StatusCode::TOO_MANY_REQUESTS, Some(Duration::ZERO));
    assert_eq!(retry_ms(decide(&policy(), POST, 1, now, 0.0)), 50);
    assert_eq!(retry_ms(decide(&policy(), POST, 2, now, 0.0)), 100);
    // A Retry-After shorter than the backoff: the backoff, never less than asked.
    let short = Outcome::Status(
        StatusCode::TOO_MANY_REQUESTS,
        Some(Duration::from_millis(70)),
    );
    assert_eq!(retry_ms(decide(&policy(), POST, 1, short, 0.0)), 70);
    assert_eq!(retry_ms(decide(&policy(), POST, 2, short, 0.0)), 100);
}

#[test]
fn rate_limits_without_retry_after_back_off_exponentially_with_jitter() {
    let limited = status(429);
    assert_eq!(retry_ms(decide(&policy(), POST, 1, limited, 0.0)), 50);
    assert_eq!(retry_ms(decide(&policy(), POST, 1, limited, 0.999_999)), 99);
    assert_eq!(retry_ms(decide(&policy(), POST, 2, limited, 0.0)), 100);
    assert_eq!(retry_ms(decide(&policy(), POST, 3, limited, 0.0)), 200);
    let capped = RetryPolicy {
        max_attempts: 40,
        ..policy()
    };
    assert_eq!(
        retry_ms(decide(&capped, POST, 30, limited, 0.999_999)),
        4999
    );
}

#[test]
fn the_backoff_exponent_stops_growing_and_never_overflows() {
    let slow = RetryPolicy {
        max_attempts: u32::MAX,
        base_delay: Duration::from_micros(1),
        max_delay: Duration::MAX,
        budget: None,
    };
    // 2^20 µs = 1.048576 s: attempts 21 and later all wait that long (before jitter).
    let at = |attempt| retry_ms(decide(&slow, POST, attempt, status(429), 0.999_999_9));
    assert_eq!(at(21), 1048);
    for attempt in [22, 33, 34, 64, 1000, u32::MAX - 1] {
        assert_eq!(at(attempt), 1048, "attempt {attempt}");
    }
    assert!(at(20) < at(21));
    let huge = RetryPolicy {
        base_delay: Duration::MAX,
        ..slow
    };
    // Between half and all of the longest wait there is, whatever the jitter.
    for jitter in [0.0, 0.5, 0.999_999_9, 1.0] {
        let Decision::Retry(delay) = decide(&huge, POST, 40, status(429), jitter) else {
            panic!()
        };
        assert!(delay >= Duration::MAX / 2, "{jitter}: {delay:?}");
    }
}

#[test]
fn server_errors_are_retried_only_for_idempotent_calls() {
    for code in [500, 502, 503, 504] {
        assert_eq!(
            retry_ms(decide(&policy(), IDEMPOTENT, 1, status(code), 0.0)),
            50
        );
        assert_eq!(
            decide(&policy(), POST, 1, status(code), 0.0),
            Decision::Stop(Stop::MayHaveBeenDelivered)
        );
    }
}

#[test]
fn other_statuses_redirects_and_refused_requests_are_final() {
    for code in [
        301, 302, 303, 307, 308, 400, 401, 402, 403, 404, 409, 413, 501,
    ] {
        for idempotent in [IDEMPOTENT, POST] {
            assert_eq!(
                decide(&policy(), idempotent, 1, status(code), 0.0),
                Decision::Stop(Stop::NotRetryable),
                "{code}"
            );
        }
    }
    for idempotent in [IDEMPOTENT, POST] {
        assert_eq!(
            decide(&policy(), idempotent, 1, Outcome::Refused, 0.0),
            Decision::Stop(Stop::NotRetryable)
        );
    }
}

#[test]
fn retry_after_is_honoured_on_server_errors_of_idempotent_calls() {
    let unavailable = Outcome::Status(
        StatusCode::SERVICE_UNAVAILABLE,
        Some(Duration::from_secs(3)),
    );
    assert_eq!(
        retry_ms(decide(&policy(), IDEMPOTENT, 1, unavailable, 0.0)),
        3000
    );
    assert_eq!(
        decide(&policy(), POST, 1, unavailable, 0.0),
        Decision::Stop(Stop::MayHaveBeenDelivered)
    );
}

#[test]
fn unusable_success_answers_are_never_repeated() {
    for idempotent in [IDEMPOTENT, POST] {
        let outcome = Outcome::Answered(StatusCode::OK);
        assert_eq!(
            decide(&policy(), idempotent, 1, outcome, 0.0),
            Decision::Stop(Stop::Answered)
        );
    }
}

#[test]
fn what_may_have_taken_effect() {
    assert!(Outcome::Answered(StatusCode::OK).may_have_taken_effect());
    assert!(Outcome::Interrupted.may_have_taken_effect());
    assert!(Outcome::TimedOut.may_have_taken_effect());
    assert!(status(503).may_have_taken_effect());
    assert!(!status(429).may_have_taken_effect());
    assert!(!status(307).may_have_taken_effect());
    assert!(!Outcome::NotSent.may_have_taken_effect());
    assert!(!Outcome::Refused.may_have_taken_effect());
}

#[test]
fn unsent_requests_are_retried_even_for_post() {
    assert_eq!(
        retry_ms(decide(&policy(), POST, 1, Outcome::NotSent, 0.0)),
        50
    );
    assert_eq!(
        retry_ms(decide(&policy(), IDEMPOTENT, 2, Outcome::NotSent, 0.0)),
        100
    );
}

#[test]
fn interrupted_and_timed_out_requests_are_retried_only_when_idempotent() {
    for outcome in [Outcome::Interrupted, Outcome::TimedOut] {
        assert_eq!(retry_ms(decide(&policy(), IDEMPOTENT, 1, outcome, 0.0)), 50);
        assert_eq!(
            decide(&policy(), POST, 1, outcome, 0.0),
            Decision::Stop(Stop::MayHaveBeenDelivered)
        );
    }
}

#[test]
fn attempts_run_out() {
    assert_eq!(
        decide(&policy(), IDEMPOTENT, 4, status(503), 0.0),
        Decision::Stop(Stop::Exhausted)
    );
    assert_eq!(
        decide(&policy(), POST, 4, status(429), 0.0),
        Decision::Stop(Stop::Exhausted)
    );
    let once = RetryPolicy::disabled();
    assert_eq!(
        decide(&once, POST, 1, Outcome::NotSent, 0.0),
        Decision::Stop(Stop::Exhausted)
    );
    // A final failure stays final whatever the attempts left.
    assert_eq!(
        decide(&once, POST, 1, status(400), 0.0),
        Decision::Stop(Stop::NotRetryable)
    );
}

#[test]
fn retry_after_is_seconds_or_an_http_date() {
    let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
    assert_eq!(
        parse_retry_after("120", now),
        Some(Duration::from_secs(120))
    );
    assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now),
        Some(Duration::from_secs(10))
    );
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now),
        Some(Duration::ZERO)
    );
    for bad in ["", "soon", "-5", "1.5", "Sun, 99 Nov 1994 08:49:47 GMT"] {
        assert_eq!(parse_retry_after(bad, now), None, "{bad:?}");
    }
}

#[test]
fn jitter_is_in_range_and_varies() {
    let samples: Vec<f64> = (0..100).map(|_| jitter()).collect();
    assert!(samples.iter().all(|j| (0.0..1.0).contains(j)));
    assert!(samples.iter().any(|j| (j - samples[0]).abs() > 1e-9));
}

#[test]
fn attempts_say_why_they_stopped() {
    let text = Attempts::once(Stop::MayHaveBeenDelivered).to_string();
    assert!(
        text.starts_with("1 attempt; not retried") && text.contains("may have reached"),
        "{text}"
    );
    let three = Attempts {
        count: 3,
        stop: Stop::Exhausted,
        may_have_been_delivered: false,
    };
    assert_eq!(three.to_string(), "3 attempts; gave up: no attempts left");
    let cut = Attempts {
        count: 1,
        stop: Stop::Deadline,
        may_have_been_delivered: true,
    };
    assert_eq!(
        cut.to_string(),
        "1 attempt; gave up: the call's deadline passed; the request may have been delivered"
    );
    assert!(
        Attempts::once(Stop::BudgetExhausted)
            .to_string()
            .contains("retry budget is spent")
    );
    assert_eq!(
        Attempts::once(Stop::RetryAfter).to_string(),
        "1 attempt; not retried: Smooch asked to wait longer than the retry policy's cap or the call's deadline allows"
    );
}

#[test]
fn outcomes_have_log_labels_without_data() {
    let labels = [
        (status(429), "rate limited"),
        (status(503), "server error"),
        (status(307), "redirect"),
        (status(404), "client error"),
        (Outcome::NotSent, "connection failed"),
        (Outcome::Refused, "refused before sending"),
        (Outcome::TimedOut, "timed out"),
        (Outcome::Interrupted, "interrupted"),
        (Outcome::Answered(StatusCode::OK), "unusable answer"),
    ];
    for (outcome, label) in labels {
        assert_eq!(outcome.label(), label);
    }
}

// ---------------------------------------------------------------------------------------------
// The budget
// ---------------------------------------------------------------------------------------------

fn small_budget() -> RetryBudget {
    RetryBudget {
        capacity: 12,
        retry_cost: 5,
        timeout_retry_cost: 10,
        success_refill: 1,
    }
}

#[test]
fn the_budget_is_spent_by_retries_and_refilled_up_to_its_capacity() {
    let budget = Budget::new(Some(small_budget()));
    assert_eq!(budget.tokens(), 12);
    assert!(budget.spend(5));
    assert!(budget.spend(5));
    assert_eq!(budget.tokens(), 2);
    assert!(!budget.spend(5), "not enough left");
    assert_eq!(budget.tokens(), 2, "a refused spend takes nothing");
    budget.refill(1);
    assert_eq!(budget.tokens(), 3);
    budget.refill(100);
    assert_eq!(budget.tokens(), 12, "never above capacity");
    budget.refill(1);
    assert_eq!(budget.tokens(), 12);
    let unlimited = Budget::new(None);
    assert!((0..1000).all(|_| unlimited.spend(u32::MAX)));
}

fn run(retrying: &mut Retrying<'_>, outcomes: &[Outcome]) -> (Vec<Step>, u32) {
    let now = Instant::now();
    let mut steps = Vec::new();
    for outcome in outcomes {
        retrying.start(Duration::from_secs(1), now);
        steps.push(retrying.failed(*outcome, now, 0.0));
    }
    (steps, retrying.attempts())
}

#[test]
fn retries_stop_when_the_budget_is_spent_and_successes_give_it_back() {
    let policy = policy().with_budget(Some(small_budget()));
    let budget = Budget::new(policy.budget);
    let mut first = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None);
    let (steps, _) = run(&mut first, &[status(503), status(503), status(503)]);
    assert!(matches!(steps[0], Step::Retry(_)));
    assert!(matches!(steps[1], Step::Retry(_)));
    let Step::Stop(attempts) = steps[2] else {
        panic!("{steps:?}")
    };
    assert_eq!(attempts.stop, Stop::BudgetExhausted);
    assert_eq!(budget.tokens(), 2);
    // A timeout costs more: 2 tokens are not enough for it either.
    let mut second = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None);
    let (steps, _) = run(&mut second, &[Outcome::TimedOut]);
    assert!(matches!(
        steps[0],
        Step::Stop(Attempts {
            stop: Stop::BudgetExhausted,
            ..
        })
    ));
    // A call that succeeds first time puts one token back; one that retried, what it spent.
    Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None).succeeded();
    assert_eq!(budget.tokens(), 3);
    let mut third = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None);
    budget.refill(10);
    let (steps, _) = run(&mut third, &[status(503)]);
    assert!(matches!(steps[0], Step::Retry(_)));
    assert_eq!(budget.tokens(), 7);
    third.succeeded();
    assert_eq!(budget.tokens(), 12);
    // A retry after a timeout spends the timeout cost.
    let mut fourth = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None);
    let (steps, _) = run(&mut fourth, &[Outcome::TimedOut]);
    assert!(matches!(steps[0], Step::Retry(_)));
    assert_eq!(budget.tokens(), 2);
}

#[test]
fn each_budget_setting_is_kept() {
    let budget = RetryBudget::default()
        .with_capacity(1)
        .with_retry_cost(2)
        .with_timeout_retry_cost(3)
        .with_success_refill(4);
    assert_eq!(
        (
            budget.capacity,
            budget.retry_cost,
            budget.timeout_retry_cost,
            budget.success_refill
        ),
        (1, 2, 3, 4)
    );
}

#[test]
fn a_delete_that_may_have_taken_effect_is_done_when_gone() {
    let policy = policy();
    let budget = Budget::new(policy.budget);
    // Dropped (may have deleted), rate limited, then 404: the goal is reached.
    let mut delete = Retrying::new(&policy, Some(&budget), IDEMPOTENT, true, None);
    let (steps, attempts) = run(
        &mut delete,
        &[Outcome::Interrupted, status(429), status(404)],
    );
    assert!(matches!(steps[0], Step::Retry(_)));
    assert!(matches!(steps[1], Step::Retry(_)));
    assert_eq!(
        steps[2],
        Step::Done(Attempts {
            count: 3,
            stop: Stop::NotRetryable,
            may_have_been_delivered: true,
        })
    );
    assert_eq!(attempts, 3);
    // A 404 on the first attempt is a real 404.
    let mut delete = Retrying::new(&policy, Some(&budget), IDEMPOTENT, true, None);
    let (steps, _) = run(&mut delete, &[status(404)]);
    assert!(matches!(
        steps[0],
        Step::Stop(Attempts {
            stop: Stop::NotRetryable,
            ..
        })
    ));
    // After a 429 only (nothing happened), too.
    let mut delete = Retrying::new(&policy, Some(&budget), IDEMPOTENT, true, None);
    let (steps, _) = run(&mut delete, &[status(429), status(404)]);
    assert!(matches!(
        steps[1],
        Step::Stop(Attempts {
            stop: Stop::NotRetryable,
            ..
        })
    ));
    // A GET's 404 after a dropped attempt stays a 404.
    let mut get = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None);
    let (steps, _) = run(&mut get, &[Outcome::Interrupted, status(404)]);
    assert!(matches!(
        steps[1],
        Step::Stop(Attempts {
            stop: Stop::NotRetryable,
            ..
        })
    ));
}

#[test]
fn may_have_been_delivered_follows_what_happened() {
    let policy = policy();
    let budget = Budget::new(None);
    let last = |idempotent, outcomes: &[Outcome]| {
        let mut call = Retrying::new(&policy, Some(&budget), idempotent, false, None);
        let (steps, _) = run(&mut call, outcomes);
        match steps.last() {
            Some(Step::Stop(attempts)) => *attempts,
            other => panic!("{other:?}"),
        }
    };
    let post_500 = last(POST, &[status(500)]);
    assert_eq!(
        (post_500.stop, post_500.may_have_been_delivered),
        (Stop::MayHaveBeenDelivered, true)
    );
    let post_429s = last(POST, &[status(429); 4]);
    assert_eq!(
        (post_429s.stop, post_429s.may_have_been_delivered),
        (Stop::Exhausted, false)
    );
    let post_refused = last(POST, &[Outcome::NotSent; 4]);
    assert!(!post_refused.may_have_been_delivered);
    let post_pre_send = last(POST, &[Outcome::Refused]);
    assert_eq!(
        (
            post_pre_send.count,
            post_pre_send.stop,
            post_pre_send.may_have_been_delivered
        ),
        (1, Stop::NotRetryable, false)
    );
    let get_500s = last(IDEMPOTENT, &[status(500); 4]);
    assert_eq!(
        (get_500s.stop, get_500s.may_have_been_delivered),
        (Stop::Exhausted, false)
    );
    let get_unreadable = last(IDEMPOTENT, &[Outcome::Answered(StatusCode::OK)]);
    assert_eq!(
        (get_unreadable.stop, get_unreadable.may_have_been_delivered),
        (Stop::Answered, true)
    );
}

#[test]
fn the_deadline_cuts_attempts_short_and_stops_retries_that_would_pass_it() {
    let policy = policy();
    let budget = Budget::new(None);
    let now = Instant::now();
    let deadline = now + Duration::from_millis(300);
    let mut call = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, Some(deadline));
    let (attempt, timeout) = call.start(Duration::from_secs(30), now);
    assert_eq!((attempt, timeout), (1, Duration::from_millis(300)));
    // A 503 whose Retry-After would pass the deadline: not retried sooner, so not retried;
    // the wait Smooch asked for is the reason.
    let later = Outcome::Status(
        StatusCode::SERVICE_UNAVAILABLE,
        Some(Duration::from_secs(1)),
    );
    let Step::Stop(attempts) = call.failed(later, now, 0.0) else {
        panic!()
    };
    assert_eq!((attempts.count, attempts.stop), (1, Stop::RetryAfter));
    // A backoff that would pass it stops at the deadline.
    let slow = RetryPolicy::default().with_base_delay(Duration::from_secs(1));
    let mut call = Retrying::new(&slow, Some(&budget), IDEMPOTENT, false, Some(deadline));
    call.start(Duration::from_secs(30), now);
    let Step::Stop(attempts) = call.failed(status(503), now, 0.0) else {
        panic!()
    };
    assert_eq!((attempts.count, attempts.stop), (1, Stop::Deadline));
    // A short backoff fits: retried, with what is left of the deadline.
    let mut call = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, Some(deadline));
    call.start(Duration::from_secs(30), now);
    assert!(matches!(call.failed(status(503), now, 0.0), Step::Retry(_)));
    let (_, timeout) = call.start(Duration::from_secs(30), now + Duration::from_millis(100));
    assert_eq!(timeout, Duration::from_millis(200));
    // An attempt that timed out at the deadline stops the call; a POST may have been delivered.
    let mut post = Retrying::new(&policy, Some(&budget), POST, false, Some(deadline));
    post.start(Duration::from_secs(30), now);
    let Step::Stop(attempts) = post.failed(Outcome::TimedOut, deadline, 0.0) else {
        panic!()
    };
    assert_eq!(
        (attempts.stop, attempts.may_have_been_delivered),
        (Stop::Deadline, true)
    );
    let mut get = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, Some(deadline));
    get.start(Duration::from_secs(30), now);
    let Step::Stop(attempts) = get.failed(Outcome::TimedOut, deadline, 0.0) else {
        panic!()
    };
    assert_eq!(
        (attempts.stop, attempts.may_have_been_delivered),
        (Stop::Deadline, false)
    );
    // Without a deadline, the attempt timeout is the whole attempt timeout.
    let mut call = Retrying::new(&policy, Some(&budget), IDEMPOTENT, false, None);
    assert_eq!(
        call.start(Duration::from_secs(30), now).1,
        Duration::from_secs(30)
    );
}

// ---------------------------------------------------------------------------------------------
// Classifying what the HTTP stack reports
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn errors_of_the_http_stack_are_classified_by_what_may_have_been_sent() {
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    // A URL hyper cannot carry: refused before anything is sent.
    let too_long = format!("http://127.0.0.1:1/{}", "a".repeat(70_000));
    let error = http.get(too_long).send().await.unwrap_err();
    assert_eq!(Outcome::of_error(&error), Outcome::Refused, "{error:?}");
    // Nothing listens: the connection is refused.
    let error = http.get("http://127.0.0.1:1/").send().await.unwrap_err();
    assert_eq!(Outcome::of_error(&error), Outcome::NotSent, "{error:?}");
    // A server that reads the request and hangs up without answering: it may have acted.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        use tokio::io::AsyncReadExt;
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = [0u8; 1024];
            let _ = socket.read(&mut request).await;
        }
    });
    let error = http
        .post(format!("http://{address}/"))
        .body("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(Outcome::of_error(&error), Outcome::Interrupted, "{error:?}");
    // An answer that does not come in time.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let _hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let error = http
        .get(format!("http://{address}/"))
        .timeout(Duration::from_millis(100))
        .send()
        .await
        .unwrap_err();
    assert_eq!(Outcome::of_error(&error), Outcome::TimedOut, "{error:?}");
}

// ---------------------------------------------------------------------------------------------
// Time arithmetic: no configuration and no answer can overflow it
// ---------------------------------------------------------------------------------------------

mod extremes {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::Config;

    fn config() -> Config {
        Config {
            cases: 512,
            failure_persistence: None,
            ..Config::default()
        }
    }

    /// Any duration, the extremes and their neighbours often.
    fn duration() -> impl Strategy<Value = Duration> {
        prop_oneof![
            Just(Duration::ZERO),
            Just(Duration::MAX),
            Just(Duration::MAX - Duration::from_nanos(1)),
            Just(Duration::from_secs(u64::MAX)),
            (0..=u64::MAX, 0..1_000_000_000u32).prop_map(|(s, n)| Duration::new(s, n)),
            (0..100_000u64).prop_map(Duration::from_millis),
        ]
    }

    /// Any `f64`, NaN and the infinities included, and the jitters `jitter()` draws.
    fn jitter() -> impl Strategy<Value = f64> {
        prop_oneof![any::<f64>(), 0.0..1.0f64, Just(1.0 - f64::EPSILON)]
    }

    fn outcome() -> impl Strategy<Value = Outcome> {
        let status = prop_oneof![
            Just(429u16),
            Just(500),
            Just(503),
            Just(404),
            Just(400),
            Just(307)
        ];
        prop_oneof![
            (status, proptest::option::of(duration())).prop_map(|(code, after)| {
                Outcome::Status(StatusCode::from_u16(code).unwrap(), after)
            }),
            Just(Outcome::NotSent),
            Just(Outcome::TimedOut),
            Just(Outcome::Interrupted),
            Just(Outcome::Refused),
            Just(Outcome::Answered(StatusCode::OK)),
        ]
    }

    fn policy() -> impl Strategy<Value = RetryPolicy> {
        (any::<u32>(), duration(), duration()).prop_map(|(attempts, base, cap)| {
            RetryPolicy::default()
                .with_max_attempts(attempts)
                .with_base_delay(base)
                .with_max_delay(cap)
                .with_budget(None)
        })
    }

    proptest! {
        #![proptest_config(config())]

        /// A fraction of a duration is never more than it, whatever the fraction.
        #[test]
        fn scaling_never_overflows(duration in duration(), fraction in jitter()) {
            let scaled = scale(duration, fraction);
            prop_assert!(scaled <= duration);
            if fraction >= 1.0 {
                prop_assert_eq!(scaled, duration);
            }
            if fraction.is_nan() || fraction <= 0.0 {
                prop_assert_eq!(scaled, Duration::ZERO);
            }
        }

        /// The backoff is between half and all of the base doubled per retry, capped.
        #[test]
        fn the_backoff_stays_in_its_bounds(
            policy in policy(),
            attempt in any::<u32>(),
            jitter in jitter(),
        ) {
            let delay = backoff(&policy, attempt, jitter);
            let full = policy
                .base_delay
                .saturating_mul(1 << attempt.saturating_sub(1).min(MAX_EXPONENT))
                .min(policy.max_delay);
            prop_assert!(delay <= full && delay >= full / 2, "{delay:?} of {full:?}");
        }

        /// Whatever the policy, the outcome (with any `Retry-After`), the jitter and the
        /// deadline, deciding never panics; a retry waits no longer than the cap, and ends before
        /// the deadline.
        #[test]
        fn deciding_never_overflows(
            policy in policy(),
            idempotent in any::<bool>(),
            removes in any::<bool>(),
            outcomes in proptest::collection::vec(outcome(), 1..6),
            jitter in jitter(),
            call_timeout in proptest::option::of(duration()),
            elapsed in duration(),
        ) {
            let budget = Budget::new(None);
            let started = Instant::now();
            let deadline = deadline(started, call_timeout);
            if let (Some(deadline), Some(timeout)) = (deadline, call_timeout) {
                prop_assert_eq!(deadline.duration_since(started), timeout);
            }
            // Later than the start, as far as the clock goes.
            let now = started.checked_add(elapsed).unwrap_or(started);
            let mut call = Retrying::new(&policy, Some(&budget), idempotent, removes, deadline);
            for outcome in outcomes {
                let (_, timeout) = call.start(duration_or_max(elapsed), now);
                if let Some(deadline) = deadline {
                    prop_assert!(timeout <= deadline.saturating_duration_since(now));
                }
                match call.failed(outcome, now, jitter) {
                    Step::Retry(delay) => {
                        prop_assert!(delay <= policy.max_delay);
                        // Never sooner than the server asked.
                        if let Some(asked) = outcome.retry_after() {
                            prop_assert!(delay >= asked, "{delay:?} < {asked:?}");
                        }
                        if let Some(deadline) = deadline {
                            prop_assert!(now.checked_add(delay).is_some_and(|at| at < deadline));
                        }
                    }
                    Step::Stop(attempts) => {
                        prop_assert!(deadline.is_some() || attempts.stop != Stop::Deadline);
                        // Stopped for the wait asked only when it is longer than the call may
                        // wait.
                        if attempts.stop == Stop::RetryAfter {
                            let asked = outcome.retry_after();
                            prop_assert!(asked.is_some());
                            let left = deadline.map(|d| d.saturating_duration_since(now));
                            prop_assert!(asked.is_some_and(|asked| asked > policy.max_delay
                                || left.is_some_and(|left| asked >= left)));
                        }
                        break;
                    }
                    Step::Done(_) => {
                        prop_assert!(removes);
                        break;
                    }
                }
            }
        }

        /// `Retry-After` in seconds: any number of digits is a wait, the longest when past what a
        /// `u64` holds; anything else that is not a date is none.
        #[test]
        fn retry_after_seconds_never_overflow(
            seconds in any::<u64>(),
            extra in "[0-9]{0,30}",
            noise in "\\PC{0,40}",
            now in any::<u32>(),
        ) {
            let now = SystemTime::UNIX_EPOCH + Duration::from_secs(u64::from(now));
            prop_assert_eq!(
                parse_retry_after(&seconds.to_string(), now),
                Some(Duration::from_secs(seconds))
            );
            let long = format!("{seconds}{extra}");
            let expected = Duration::from_secs(long.parse::<u64>().unwrap_or(u64::MAX));
            prop_assert_eq!(parse_retry_after(&long, now), Some(expected));
            let _ = parse_retry_after(&noise, now);
        }

        /// `Retry-After` as a date, any date HTTP can write against any clock: the time until
        /// then, or nothing to wait for when it has passed.
        #[test]
        fn retry_after_dates_never_overflow(
            date in 0..253_402_300_799u64,
            now in prop_oneof![0..253_402_300_799u64, Just(u64::MAX / 4)],
        ) {
            let date = SystemTime::UNIX_EPOCH + Duration::from_secs(date);
            let Some(now) = SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(now)) else {
                return Ok(());
            };
            let text = httpdate::fmt_http_date(date);
            let expected = date.duration_since(now).unwrap_or(Duration::ZERO);
            prop_assert_eq!(parse_retry_after(&text, now), Some(expected));
        }
    }

    /// An attempt timeout that is any duration, `Duration::MAX` included.
    fn duration_or_max(d: Duration) -> Duration {
        d.max(Duration::from_nanos(1))
    }
}

/// The run the issue reported: the cap lifted to `Duration::MAX`, the default call deadline,
/// and a `Retry-After` of `u64::MAX` seconds on a 429, or a base delay of `Duration::MAX`: the
/// call stops (for the wait Smooch asked, or at the deadline) instead of overflowing.
#[test]
fn the_longest_waits_stop_at_the_deadline_instead_of_overflowing() {
    let now = Instant::now();
    let deadline = deadline(now, Some(crate::DEFAULT_CALL_TIMEOUT));
    let uncapped = RetryPolicy::default().with_max_delay(Duration::MAX);
    let budget = Budget::new(None);
    let after = parse_retry_after("18446744073709551615", SystemTime::now());
    assert_eq!(after, Some(Duration::from_secs(u64::MAX)));
    for outcome in [
        Outcome::Status(StatusCode::TOO_MANY_REQUESTS, after),
        Outcome::Status(StatusCode::SERVICE_UNAVAILABLE, after),
    ] {
        let mut call = Retrying::new(&uncapped, Some(&budget), IDEMPOTENT, false, deadline);
        call.start(Duration::from_secs(30), now);
        let Step::Stop(attempts) = call.failed(outcome, now, 0.999_999) else {
            panic!("{outcome:?}")
        };
        assert_eq!((attempts.count, attempts.stop), (1, Stop::RetryAfter));
    }
    let huge = uncapped.with_base_delay(Duration::MAX);
    let mut call = Retrying::new(&huge, Some(&budget), IDEMPOTENT, false, deadline);
    call.start(Duration::from_secs(30), now);
    let Step::Stop(attempts) = call.failed(status(503), now, 0.999_999_9) else {
        panic!()
    };
    assert_eq!(attempts.stop, Stop::Deadline);
    // A call timeout past any instant the clock holds is no deadline.
    assert_eq!(super::deadline(now, Some(Duration::MAX)), None);
    assert_eq!(super::deadline(now, None), None);
}
