//! `#[derive(Decode)]`: tolerant, last-key-wins decoding of the API's JSON models. [`input`]
//! reads the struct and its attributes, [`expand`] writes the `Deserialize` impl.

mod expand;
mod input;

use proc_macro2::TokenStream;

/// Expands `#[derive(Decode)]` on `item`; errors become `compile_error!`s.
pub fn derive(item: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(item) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    match input::Model::parse(&input) {
        Ok(model) => expand::expand(&model),
        Err(error) => error.to_compile_error(),
    }
}
