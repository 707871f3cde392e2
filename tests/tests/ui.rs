//! Compile-time contract of `#[endpoint]`: every misuse fails with one clear error (see
//! `ui/fail/*.stderr`), and every supported shape compiles (`ui/pass`).
//!
//! The expected output is rustc's, for the pinned toolchain; regenerate with
//! `TRYBUILD=overwrite cargo test -p smooch-tests --test ui` and review the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
