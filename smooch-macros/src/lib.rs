//! The `#[endpoint]` attribute behind [smooch-client](https://docs.rs/smooch-client).
//!
//! Use it through `smooch_client::endpoint`; the full documentation, with examples, is there.
//! This crate is split like a compiler: [`template`] parses the path (pure, no syn), [`attr`]
//! parses the attribute's arguments, [`model`] checks both against the method signature and
//! collects every error, [`expand`] generates code from the checked model only, and [`fallback`]
//! keeps the method compiling when there are errors.

mod attr;
mod expand;
mod fallback;
mod model;
mod suggest;
mod template;

use proc_macro::TokenStream;

/// Declares one REST endpoint on a trait method; see `smooch_client::endpoint` for the syntax.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::expand(args.into(), item.into()).into()
}
