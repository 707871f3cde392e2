//! Reading a model: its slots (one per field, plus the flattened models' slots), which key
//! is whose (`key`), what each key's value becomes (`read`) and the model built from the
//! slots (`finish`). The visitor that drives them is written once, in
//! `smooch_client::__private::model`; here only what differs per model is generated.
//!
//! Keys are numbered: the model's own keyed fields first (in order), then each flattened
//! model's keys after an offset of the keys before it, so a model embedded in another is read
//! in the same single visit of the object.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::input::{Field, Kind, Model, Rule};

/// The slots struct, and the `Model`/`Read`/`Decode`/`Deserialize` impls.
pub fn expand(model: &Model, m: &TokenStream) -> TokenStream {
    let name = &model.ident;
    let serde = quote!(#m::serde);
    let keyed: Vec<&Field> = model.keyed().collect();
    let flattened: Vec<&Field> = model.flattened().collect();
    let own = keyed.len() as u16;

    let slot_fields = model.fields.iter().map(|field| {
        let (ident, ty) = (&field.ident, &field.ty);
        match &field.kind {
            Kind::Optional => quote!(#ident: #ty),
            Kind::Flatten => quote!(#ident: <#ty as #m::Model>::Slots),
            _ => quote!(#ident: ::core::option::Option<#ty>),
        }
    });

    let wires = keyed.iter().map(|f| f.wire.as_str());
    let indexes = 0..own;
    let flattened_keys = flattened.iter().map(|field| {
        let ty = &field.ty;
        quote! {
            if let ::core::option::Option::Some(key) = <#ty as #m::Model>::key(name) {
                return ::core::option::Option::Some(offset + key);
            }
            offset += <#ty as #m::Model>::KEYS;
        }
    });
    let flattened_count = flattened.iter().map(|field| {
        let ty = &field.ty;
        quote!(+ <#ty as #m::Model>::KEYS)
    });

    let bits: Vec<Option<u32>> = keyed.iter().map(|f| f.bit).collect();
    let mut seeds = Vec::new();
    let arms: Vec<TokenStream> = keyed
        .iter()
        .zip(&bits)
        .enumerate()
        .map(|(index, (field, bit))| {
            let index = index as u16;
            let read = read_arm(field, *bit, m, &mut seeds);
            quote!(#index => { #read })
        })
        .collect();
    let flattened_reads = flattened.iter().map(|field| {
        let (ident, ty) = (&field.ident, &field.ty);
        quote! {
            if key < <#ty as #m::Model>::KEYS {
                return <#ty as #m::Read<'de>>::read(&mut slots.#ident, key, map, mode);
            }
            key -= <#ty as #m::Model>::KEYS;
        }
    });

    // A flattened union takes the keys nobody else knows.
    let claims = flattened.iter().map(|field| {
        let (ident, ty) = (&field.ident, &field.ty);
        quote! {
            if <#ty as #m::Model>::CLAIMS_UNKNOWN {
                return <#ty as #m::Read<'de>>::unknown(&mut slots.#ident, key, map, mode);
            }
        }
    });
    let inits = model.fields.iter().map(|field| finish_field(field, m));
    let present = if bits.iter().any(Option::is_some) {
        quote!(__present: #m::Present::decoded(slots.__present),)
    } else {
        quote!()
    };
    let name_str = name.to_string();
    let decode_impl = decode_impl(name, m, model.request);

    quote! {
        #[doc(hidden)]
        #[derive(::core::default::Default)]
        pub struct __Slots {
            #(#slot_fields,)*
            __extra: ::smooch_client::models::Extra,
            __present: u64,
        }

        #(#seeds)*

        impl #m::Model for #name {
            type Slots = __Slots;
            const NAME: &'static str = #name_str;
            const KEYS: u16 = #own #(#flattened_count)*;

            #[inline]
            fn key(name: &str) -> ::core::option::Option<u16> {
                match name {
                    #(#wires => ::core::option::Option::Some(#indexes),)*
                    _ => {
                        #[allow(unused_mut, unused_variables)]
                        let mut offset: u16 = #own;
                        #(#flattened_keys)*
                        ::core::option::Option::None
                    }
                }
            }

            #[allow(unused_variables)]
            fn finish<__E: #serde::de::Error>(
                slots: __Slots,
                mode: #m::Mode,
            ) -> ::core::result::Result<Self, __E> {
                ::core::result::Result::Ok(#name {
                    #(#inits,)*
                    extra: slots.__extra,
                    #present
                })
            }

            fn write<__S: #serde::ser::SerializeMap>(
                &self,
                map: &mut __S,
            ) -> ::core::result::Result<(), __S::Error> {
                __write(self, map)
            }
        }

        impl<'de> #m::Read<'de> for #name {
            // One caller, the visitor: inlined there, so a key costs no call.
            #[inline(always)]
            #[allow(unused_variables, unused_mut)]
            fn read<__A: #serde::de::MapAccess<'de>>(
                slots: &mut __Slots,
                key: u16,
                map: &mut __A,
                mode: #m::Mode,
            ) -> ::core::result::Result<(), __A::Error> {
                match key {
                    #(#arms)*
                    _ => {
                        let mut key = key - #own;
                        #(#flattened_reads)*
                        #serde::de::MapAccess::next_value::<#serde::de::IgnoredAny>(map)?;
                    }
                }
                ::core::result::Result::Ok(())
            }

            #[allow(unused_variables)]
            fn unknown<__A: #serde::de::MapAccess<'de>>(
                slots: &mut __Slots,
                key: &mut #m::Key,
                map: &mut __A,
                mode: #m::Mode,
            ) -> ::core::result::Result<(), __A::Error> {
                #(#claims)*
                let value = #serde::de::MapAccess::next_value(map)?;
                slots.__extra.insert(#m::take_key(key), value);
                ::core::result::Result::Ok(())
            }
        }

        #decode_impl
    }
}

/// `Decode` and `Deserialize` for a model (a struct or a union): read by the one loop, and
/// built in its field's slot; deserialized alone, strictly when it is a request.
pub fn decode_impl(name: &syn::Ident, m: &TokenStream, request: bool) -> TokenStream {
    let serde = quote!(#m::serde);
    let deserialize = if request {
        quote!(#m::request::<Self, __D>(deserializer))
    } else {
        quote!(#m::decode::<Self, __D>(deserializer, #m::Mode::Response))
    };
    quote! {
        impl<'de> #m::Decode<'de> for #name {
            const IN_PLACE: bool = true;

            fn decode<__D: #serde::Deserializer<'de>>(
                deserializer: __D,
                mode: #m::Mode,
            ) -> ::core::result::Result<Self, __D::Error> {
                #m::decode::<Self, __D>(deserializer, mode)
            }

            #[inline]
            fn decode_some_into<__D: #serde::Deserializer<'de>>(
                deserializer: __D,
                mode: #m::Mode,
                place: &mut ::core::option::Option<Self>,
            ) -> ::core::result::Result<(), __D::Error> {
                #m::decode_into::<Self, __D>(deserializer, mode, place)
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<__D: #serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #deserialize
            }
        }
    }
}

/// What the value of `field`'s key becomes in its slot.
fn read_arm(
    field: &Field,
    bit: Option<u32>,
    m: &TokenStream,
    seeds: &mut Vec<TokenStream>,
) -> TokenStream {
    let (ident, ty, wire) = (&field.ident, &field.ty, &field.wire);
    let serde = quote!(#m::serde);
    let next = quote!(#serde::de::MapAccess::next_value_seed);
    match &field.kind {
        Kind::Optional => quote_spanned! {ty.span()=>
            #m::read_optional(map, &mut slots.#ident, mode)?;
        },
        Kind::Plain(rule) => {
            let seed = match rule {
                Rule::Default => quote!(#m::Seed::<::core::option::Option<#ty>>::new(mode)),
                Rule::Required | Rule::Key => quote!(#m::Required::<#ty>::new(mode, #wire)),
            };
            // A value is received; a `null` is as good as absent (the last one wins).
            let bit = match bit {
                Some(bit) => quote!(::core::option::Option::Some(#bit)),
                None => quote!(::core::option::Option::None),
            };
            quote_spanned! {ty.span()=>
                #m::read_plain(map, #seed, &mut slots.#ident, &mut slots.__present, #bit)?;
            }
        }
        Kind::With(path) => {
            let seed = format_ident!("__With_{}", seeds.len(), span = Span::mixed_site());
            seeds.push(quote! {
                struct #seed(#m::Mode);
                impl<'de> #serde::de::DeserializeSeed<'de> for #seed {
                    type Value = #ty;
                    fn deserialize<__D: #serde::Deserializer<'de>>(
                        self,
                        deserializer: __D,
                    ) -> ::core::result::Result<#ty, __D::Error> {
                        #path(deserializer, self.0)
                    }
                }
            });
            let mark = bit.map(|bit| quote!(#m::mark(&mut slots.__present, #bit, true);));
            quote! {
                let value = #next(map, #seed(mode))?;
                #mark
                #m::store(&mut slots.#ident, ::core::option::Option::Some(value));
            }
        }
        Kind::Flatten => unreachable!("flattened fields have no key of their own"),
    }
}

/// The field's value, built from its slot.
fn finish_field(field: &Field, m: &TokenStream) -> TokenStream {
    let (ident, ty, wire) = (&field.ident, &field.ty, &field.wire);
    match &field.kind {
        Kind::Optional => quote!(#ident: slots.#ident),
        Kind::Plain(Rule::Key) => quote! {
            #ident: #m::key::<_, __E>(slots.#ident, #wire)?
        },
        Kind::Plain(Rule::Required) => quote! {
            #ident: #m::required::<_, __E>(slots.#ident, mode, #wire)?
        },
        Kind::Plain(Rule::Default) | Kind::With(_) => {
            quote!(#ident: ::core::option::Option::unwrap_or_default(slots.#ident))
        }
        Kind::Flatten => quote_spanned! {ty.span()=>
            #ident: <#ty as #m::Model>::finish::<__E>(slots.#ident, mode)?
        },
    }
}
