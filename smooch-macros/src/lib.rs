//! The procedural macros behind [smooch-client](https://docs.rs/smooch-client): the
//! `#[endpoint]` attribute and the `#[model]` attribute of its models.
//!
//! Use them through `smooch_client::endpoint`; the full documentation, with examples, is there.
//! Each macro has its own module, split like a compiler: parsing, checking, code generation.

mod endpoint;
mod model;
mod suggest;

use proc_macro::TokenStream;

/// Declares one REST endpoint on a trait method: `async fn name(&self, ..) -> Result<T>;`
/// becomes `fn name(&self, ..) -> impl Future<Output = Result<T>> + Send + use<Self>` with a
/// generated body and a `where Self: AsClient` bound. See `smooch_client::endpoint` for the
/// syntax, the bounds on parameters and how query values are written.
#[proc_macro_attribute]
pub fn endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    endpoint::expand::expand(args.into(), item.into()).into()
}

/// Declares a model of the API: a struct of its fields, their docs and rules, from which the
/// derives, `#[non_exhaustive]`, the `extra` field of unknown keys, a tolerant single-pass
/// `Deserialize` (strict for requests), `Serialize`, `Debug` and setters are generated. See
/// `smooch_client::model` for the attributes it reads.
#[proc_macro_attribute]
pub fn model(args: TokenStream, item: TokenStream) -> TokenStream {
    model::expand(args.into(), item.into()).into()
}
