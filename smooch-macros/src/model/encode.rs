//! Writing a model: `Serialize` (each key in field order, then the unknown keys; `None`, null
//! JSON values, and lists and maps that are empty and were not received so are left out) and
//! `Debug` (as `#[derive(Debug)]` prints it, without the bookkeeping of received empty values).

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;

use super::input::{Kind, Model, Rule, Shape};

pub fn expand(model: &Model, m: &TokenStream) -> TokenStream {
    let name = &model.ident;
    let serde = quote!(#m::serde);
    let writes = model.fields.iter().map(|field| {
        let (ident, wire) = (&field.ident, &field.wire);
        let entry = quote!(#serde::ser::SerializeMap::serialize_entry(map, #wire, &this.#ident)?;);
        let received = field.bit.map(|bit| quote!(this.__present.has(#bit)));
        match (&field.kind, field.shape) {
            (Kind::Flatten, _) => {
                let ty = &field.ty;
                quote!(<#ty as #m::Model>::write(&this.#ident, map)?;)
            }
            // A key that identifies the object was there (or decoding failed): always written.
            (Kind::Plain(Rule::Key), _) => entry,
            (_, _) if field.always => entry,
            (_, Shape::Option) => quote! {
                if let ::core::option::Option::Some(value) = &this.#ident {
                    #serde::ser::SerializeMap::serialize_entry(map, #wire, value)?;
                }
            },
            // Left out when empty, unless it was received (empty).
            (_, Shape::Collection) => quote! {
                if !#m::Collection::is_empty(&this.#ident) || #received {
                    #entry
                }
            },
            (_, Shape::Value) => quote! {
                if !this.#ident.is_null() {
                    #entry
                }
            },
            // Written, unless the model was decoded from a body without it and it still holds
            // the default that stood in for it.
            (_, Shape::Other) => {
                let ty = &field.ty;
                quote! {
                    if this.__present.written(#received, || this.#ident == <#ty as ::core::default::Default>::default()) {
                        #entry
                    }
                }
            }
        }
    });

    let name_str = name.to_string();
    let debug_fields = model.fields.iter().map(|field| {
        let ident = &field.ident;
        let shown = ident.unraw().to_string();
        quote!(.field(#shown, &self.#ident))
    });

    quote! {
        fn __write<__S: #serde::ser::SerializeMap>(
            this: &#name,
            map: &mut __S,
        ) -> ::core::result::Result<(), __S::Error> {
            #(#writes)*
            #m::write_extra(&this.extra, map)
        }

        #[automatically_derived]
        impl #serde::Serialize for #name {
            fn serialize<__S: #serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #m::serialize(self, serializer)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #name {
            // Compiled where a model is printed, not for each of the crate's models.
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#name_str)
                    #(#debug_fields)*
                    .field("extra", &self.extra)
                    .finish()
            }
        }
    }
}
