//! `#[model]`: an API model written once. The struct lists its fields, their docs and their
//! rules; this macro writes the rest: the derives every model has, `#[non_exhaustive]`, the
//! `extra` field of unknown keys, a tolerant single-pass `Deserialize` (strict for requests),
//! a `Serialize` that leaves out what was not given, `Debug`, and the setters asked for.
//!
//! Split like serde_derive: [`input`] reads and checks everything into one [`ctxt::Ctxt`],
//! [`decode`], [`encode`] and [`setters`] generate from the checked model only.

mod ctxt;
mod decode;
mod encode;
mod input;
mod setters;
mod union;

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ItemStruct;
use syn::spanned::Spanned;

use ctxt::Ctxt;
use input::Model;

/// Expands `#[model(args)] item`; on any error, the errors and the struct without the
/// attributes this macro reads (so the rest of the crate still type-checks).
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item: ItemStruct = match syn::parse2::<syn::Item>(item) {
        Ok(syn::Item::Struct(item)) => item,
        Ok(syn::Item::Enum(item)) => return expand_union(args, item),
        Ok(other) => {
            return syn::Error::new_spanned(
                other,
                "#[model] goes on a struct with named fields, or on an enum of models (a union)",
            )
            .to_compile_error();
        }
        Err(error) => return error.to_compile_error(),
    };
    let cx = Ctxt::default();
    let model = Model::parse(&cx, args, &item);
    match (cx.check(), model) {
        (Ok(()), Some(model)) => generate(&model),
        (result, _) => {
            let cx = Ctxt::default();
            if let Err(errors) = result {
                cx.push(errors);
            }
            let errors = cx.into_compile_errors();
            let stripped = strip(item);
            quote!(#errors #stripped)
        }
    }
}

/// Expands `#[model(tag = "..")]` on an enum.
fn expand_union(args: TokenStream, item: syn::ItemEnum) -> TokenStream {
    let cx = Ctxt::default();
    let union = union::Union::parse(&cx, args, &item);
    match (cx.check(), union) {
        (Ok(()), Some(union)) => union::generate(&union),
        (result, _) => {
            let errors = result.err().map(|e| e.to_compile_error());
            let mut item = item;
            item.attrs
                .retain(|a| !a.path().is_ident("serde") && !a.path().is_ident("model"));
            for variant in &mut item.variants {
                variant
                    .attrs
                    .retain(|a| !a.path().is_ident("serde") && !a.path().is_ident("model"));
            }
            quote!(#errors #item)
        }
    }
}

fn generate(model: &Model) -> TokenStream {
    if model.query {
        return generate_query(model);
    }
    let m = quote!(::smooch_client::__private::model);
    let (attrs, vis, name) = (&model.attrs, &model.vis, &model.ident);
    let fields = model.fields.iter().map(|field| {
        let (attrs, vis, ident, ty) = (&field.attrs, &field.vis, &field.ident, &field.ty);
        quote!(#(#attrs)* #vis #ident: #ty)
    });
    let present = model.fields.iter().any(|f| f.bit.is_some()).then(|| {
        quote! {
            /// Which keys were received (what was not is not written back).
            #[doc(hidden)]
            pub(crate) __present: #m::Present,
        }
    });
    let decode = decode::expand(model, &m);
    let encode = encode::expand(model, &m);
    let setters = setters::expand(model);
    quote! {
        #(#attrs)*
        #[derive(::core::clone::Clone, ::core::default::Default, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        #vis struct #name {
            #(#fields,)*
            /// Keys this crate does not know, with their values as received (sent back as they
            /// are).
            pub extra: ::smooch_client::models::Extra,
            #present
        }

        #[allow(non_camel_case_types, non_snake_case, clippy::all)]
        const _: () = {
            #decode
            #encode
        };

        #setters
    }
}

/// `#[model(query)]`: options sent in the query, each under its key when set.
fn generate_query(model: &Model) -> TokenStream {
    let private = quote!(::smooch_client::__private);
    let (attrs, vis, name) = (&model.attrs, &model.vis, &model.ident);
    let fields = model.fields.iter().map(|field| {
        let (attrs, vis, ident, ty) = (&field.attrs, &field.vis, &field.ident, &field.ty);
        quote!(#(#attrs)* #vis #ident: #ty)
    });
    let writes = model.fields.iter().map(|field| {
        let (ident, wire) = (&field.ident, &field.wire);
        let shown = syn::ext::IdentExt::unraw(ident).to_string();
        quote_spanned!(field.ty.span()=> request.query(#shown, #wire, &self.#ident);)
    });
    let setters = setters::expand(model);
    quote! {
        #(#attrs)*
        #[derive(
            ::core::clone::Clone,
            ::core::default::Default,
            ::core::cmp::PartialEq,
            ::core::fmt::Debug,
        )]
        #[non_exhaustive]
        #vis struct #name {
            #(#fields,)*
        }

        #[automatically_derived]
        impl #private::QueryParams for #name {
            fn write_query(&self, request: &mut #private::Request<'_>) {
                #(#writes)*
            }
        }

        #setters
    }
}

/// `item` without the attributes `#[model]` reads.
fn strip(mut item: ItemStruct) -> ItemStruct {
    // `decode` too: refused with its own error, it is no attribute rustc knows either.
    let ours = |attr: &syn::Attribute| {
        ["serde", "model", "decode"]
            .iter()
            .any(|name| attr.path().is_ident(name))
    };
    item.attrs.retain(|attr| !ours(attr));
    for field in item.fields.iter_mut() {
        field.attrs.retain(|attr| !ours(attr));
    }
    item
}
