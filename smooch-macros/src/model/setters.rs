//! The `with_*` setters a model asks for (`#[model(setters)]` for every field, `#[model(setter)]`
//! for one, `#[model(add = name)]` to append one item to a list), documented from the field's
//! own first paragraph.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt as _;

use super::input::{Field, Model, Shape, is_primitive, item_of_option, item_of_vec};

pub fn expand(model: &Model) -> TokenStream {
    let name = &model.ident;
    let setters: Vec<TokenStream> = model
        .fields
        .iter()
        .flat_map(|field| {
            let set = field.setter.then(|| setter(field));
            let add = field.add.as_ref().and_then(|adder| append(field, adder));
            set.into_iter().chain(add)
        })
        .collect();
    if setters.is_empty() {
        return TokenStream::new();
    }
    quote! {
        impl #name {
            #(#setters)*
        }
    }
}

fn doc(action: &str, field: &Field) -> String {
    let shown = field.ident.unraw();
    if field.summary.is_empty() {
        format!("{action} [`{shown}`](Self::{shown}).")
    } else {
        format!("{action} [`{shown}`](Self::{shown}): {}", field.summary)
    }
}

fn setter(field: &Field) -> TokenStream {
    let (ident, vis) = (&field.ident, &field.vis);
    let method = format_ident!("with_{}", ident.unraw(), span = ident.span());
    let value = syn::Ident::new("value", ident.span());
    let ty = &field.ty;
    let list = |item: &syn::Type| {
        (
            quote!(impl ::core::iter::IntoIterator<Item = impl ::core::convert::Into<#item>>),
            quote!(::core::iter::Iterator::collect(::core::iter::Iterator::map(
                ::core::iter::IntoIterator::into_iter(#value),
                ::core::convert::Into::into,
            ))),
        )
    };
    let (param, assign) = match (field.shape, item_of_option(ty), item_of_vec(ty)) {
        (Shape::Option, Some(inner), _) if item_of_vec(inner).is_some() => {
            let (param, collect) = list(item_of_vec(inner).expect("checked"));
            (param, quote!(::core::option::Option::Some(#collect)))
        }
        (Shape::Option, Some(inner), _) if is_primitive(inner) => {
            (quote!(#inner), quote!(::core::option::Option::Some(#value)))
        }
        (Shape::Option, Some(inner), _) => (
            quote!(impl ::core::convert::Into<#inner>),
            quote!(::core::option::Option::Some(::core::convert::Into::into(#value))),
        ),
        (_, _, Some(item)) => list(item),
        _ if is_primitive(ty) => (quote!(#ty), quote!(#value)),
        _ => (
            quote!(impl ::core::convert::Into<#ty>),
            quote!(::core::convert::Into::into(#value)),
        ),
    };
    let doc = doc(
        if field.shape == Shape::Collection {
            "Sets (replacing what was there)"
        } else {
            "Sets"
        },
        field,
    );
    quote_spanned! {ident.span()=>
        #[doc = #doc]
        #[inline]
        #vis fn #method(mut self, #value: #param) -> Self {
            self.#ident = #assign;
            self
        }
    }
}

fn append(field: &Field, adder: &syn::Ident) -> Option<TokenStream> {
    let (ident, vis) = (&field.ident, &field.vis);
    let item = item_of_vec(&field.ty)?;
    let doc = doc("Adds one item to", field);
    Some(quote_spanned! {adder.span()=>
        #[doc = #doc]
        #[inline]
        #vis fn #adder(mut self, item: impl ::core::convert::Into<#item>) -> Self {
            self.#ident.push(::core::convert::Into::into(item));
            self
        }
    })
}
