//! The compile-time contract of `#[endpoint]` and `#[model]`: `tests/ui.rs` compiles every case
//! of `pass/` and checks that every case of `fail/` fails with the error in its `.stderr` file.
//!
//! A package of its own so that trybuild, which builds the cases' dependencies again, builds
//! only smooch-client without default features.
