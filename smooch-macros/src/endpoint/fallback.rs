//! What is emitted when the endpoint has errors: the errors, plus the method with a stub body, so
//! one mistake gives one error and the rest of the crate still type-checks.

use proc_macro2::TokenStream;
use quote::quote;
use syn::TraitItemFn;

/// The errors and the method, with a body that is never run.
pub fn stub(error: syn::Error, method: &TraitItemFn) -> TokenStream {
    let errors = error.to_compile_error();
    let attrs = &method.attrs;
    // `Self: Sized` keeps a stub with a wrong receiver (`self`) from adding errors of its own.
    let mut sig = method.sig.clone();
    sig.generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(Self: ::core::marker::Sized));
    let body = match &method.default {
        Some(block) => quote!(#block),
        None => quote!({ ::core::unimplemented!() }),
    };
    quote! {
        #errors
        #(#attrs)*
        #[allow(unused_variables, async_fn_in_trait, clippy::unused_async)]
        #sig #body
    }
}

/// The item could not be parsed as a trait method: the error and the item as it was.
pub fn unparsed(error: syn::Error, item: TokenStream) -> TokenStream {
    let errors = error.to_compile_error();
    quote!(#errors #item)
}
