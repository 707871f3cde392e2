//! Compile-time contract of `#[endpoint]` and `#[model]`: every misuse fails with one clear
//! error (see `fail/*.stderr`; the `#[model]` cases are `model_*` and `union_*`), and every
//! supported shape compiles (`pass/`).
//!
//! The expected errors are rustc's own text, which changes between compiler versions: they are
//! compared on the toolchain they were written with ([`PINNED`]), where CI runs. On another
//! toolchain, the passing cases still run; the failing ones are compared only there. After a
//! deliberate change to an error message, regenerate them with
//! `TRYBUILD=overwrite cargo test -p smooch-ui-tests` and review the diff.

/// The `major.minor` of the rustc the `.stderr` snapshots come from.
const PINNED: &str = "1.95";

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("pass/*.rs");
    match rustc_version() {
        Some(version) if version == PINNED => cases.compile_fail("fail/*.rs"),
        other => eprintln!(
            "rustc {other:?} is not {PINNED}: the expected compile errors are compared on rustc {PINNED} only"
        ),
    }
}

/// `major.minor` of the rustc on the path (the one cargo builds the cases with).
fn rustc_version() -> Option<String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let output = std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    // "rustc 1.95.0 (59807616e 2026-04-14)"
    let version = text.split_whitespace().nth(1)?;
    let mut parts = version.split('.');
    Some(format!("{}.{}", parts.next()?, parts.next()?))
}
