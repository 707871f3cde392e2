//! The procedural macros behind [smooch-client](https://docs.rs/smooch-client): the
//! `#[endpoint]` attribute and the `Decode` derive of its models.
//!
//! Use them through `smooch_client::endpoint`; the full documentation, with examples, is there.
//! Each macro has its own module, split like a compiler: parsing, checking, code generation.

mod decode;
mod endpoint;
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

/// Derives a tolerant `serde::Deserialize` for a model of the API: unknown keys are kept in the
/// `#[serde(flatten)]` map (or skipped), a repeated key keeps its last value, `null` and missing
/// keys decode by the field's rule (`#[decode(key)]`, `#[decode(required)]`), and a
/// `#[decode(request)]` model refuses `null` in the fields the API requires.
#[proc_macro_derive(Decode, attributes(decode))]
pub fn derive_decode(item: TokenStream) -> TokenStream {
    decode::derive(item.into()).into()
}
