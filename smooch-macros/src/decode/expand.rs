//! Code generation for `#[derive(Decode)]`: a serde `Deserialize` impl with one visitor that
//! reads every key once, keeps the last value of a repeated key, decodes `null` and missing keys
//! by the field's [`Rule`], and keeps unknown keys in the `#[serde(flatten)]` map when there is
//! one (otherwise skips them).
//!
//! Everything that is the same for every model (what `null` means in a request, the error
//! texts) lives in `smooch_client::__private::decode`; the generated code only lists the fields.
//! Keys are matched to a one-byte enum; the text of an unknown key is written into a buffer of
//! the visitor (only when the model keeps unknown keys), so the known keys' path is the one a
//! plain serde derive has.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned;

use super::input::{Field, Kind, Model, Rule};

pub fn expand(model: &Model) -> TokenStream {
    let d = quote!(::smooch_client::__private::decode);
    let serde = quote!(#d::serde);
    let name = &model.ident;
    let name_str = name.to_string();
    let expecting = format!("a {name_str} object");
    let extra = model.fields.iter().find(|f| matches!(f.kind, Kind::Extra));

    let keyed: Vec<&Field> = model
        .fields
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Extra))
        .collect();
    let variants: Vec<Ident> = (0..keyed.len()).map(|i| format_ident!("__k{i}")).collect();
    let slots: Vec<Ident> = keyed
        .iter()
        .map(|f| Ident::new(&format!("__v_{}", f.ident.unraw()), Span::mixed_site()))
        .collect();
    let wires: Vec<&str> = keyed.iter().map(|f| f.wire.as_str()).collect();

    let declarations = keyed.iter().zip(&slots).map(|(field, slot)| {
        let ty = &field.ty;
        match &field.kind {
            // The slot is the field itself: absent is `None`.
            Kind::Optional => quote!(let mut #slot: #ty = ::core::option::Option::None;),
            _ => quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;),
        }
    });

    let mut seeds = Vec::new();
    let mut arms = Vec::new();
    for ((field, slot), variant) in keyed.iter().zip(&slots).zip(&variants) {
        let ty = &field.ty;
        let wire = &field.wire;
        let read = match &field.kind {
            Kind::Optional => quote_spanned! {ty.span()=>
                let value = __map.next_value::<#ty>()?;
                #d::store(&mut #slot, value);
            },
            Kind::Plain(rule) => {
                let on_null = match rule {
                    Rule::Default => quote!(),
                    Rule::Required | Rule::Key => {
                        quote!(#d::null_in_required::<__A::Error>(#wire)?;)
                    }
                };
                quote_spanned! {ty.span()=>
                    let value = match __map.next_value::<::core::option::Option<#ty>>()? {
                        ::core::option::Option::Some(value) => value,
                        ::core::option::Option::None => {
                            #on_null
                            ::core::default::Default::default()
                        }
                    };
                    #d::store(&mut #slot, ::core::option::Option::Some(value));
                }
            }
            Kind::With(path) => {
                let seed = format_ident!("__With{}", seeds.len());
                seeds.push(quote! {
                    struct #seed;
                    impl<'de> #serde::de::DeserializeSeed<'de> for #seed {
                        type Value = #ty;
                        fn deserialize<__D>(self, deserializer: __D) -> ::core::result::Result<#ty, __D::Error>
                        where
                            __D: #serde::Deserializer<'de>,
                        {
                            #path(deserializer)
                        }
                    }
                });
                quote! {
                    let value = __map.next_value_seed(#seed)?;
                    #d::store(&mut #slot, ::core::option::Option::Some(value));
                }
            }
            Kind::Extra => unreachable!("extra fields are not keyed"),
        };
        arms.push(quote!(__Key::#variant => { #read }));
    }

    // Unknown keys: kept with their text and value, or skipped. The key's text goes through a
    // thread-local buffer (see `decode::unknown_key`), so the key seed stays empty.
    let (unknown_text, unknown_arm, extra_declaration) = match extra {
        Some(field) => {
            let ty = &field.ty;
            (
                quote!(#d::unknown_key(value);),
                quote! {
                    __Key::__Unknown => {
                        let key = #d::take_unknown_key();
                        __extra.insert(key, __map.next_value()?);
                    }
                },
                quote!(let mut __extra: #ty = ::core::default::Default::default();),
            )
        }
        None => (
            quote!(),
            quote! {
                __Key::__Unknown => {
                    __map.next_value::<#serde::de::IgnoredAny>()?;
                }
            },
            quote!(),
        ),
    };

    let mut keyed_slots = slots.iter();
    let inits: Vec<TokenStream> = model
        .fields
        .iter()
        .map(|field| {
            let ident = &field.ident;
            if matches!(field.kind, Kind::Extra) {
                return quote!(#ident: __extra);
            }
            let slot = keyed_slots.next().expect("one slot per keyed field");
            let wire = &field.wire;
            match &field.kind {
                Kind::Optional => quote!(#ident: #slot),
                Kind::Plain(Rule::Key) => quote! {
                    #ident: match #slot {
                        ::core::option::Option::Some(value) => value,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                <__A::Error as #serde::de::Error>::missing_field(#wire),
                            );
                        }
                    }
                },
                Kind::Plain(Rule::Required) => quote! {
                    #ident: match #slot {
                        ::core::option::Option::Some(value) => value,
                        ::core::option::Option::None => {
                            #d::missing_required::<__A::Error>(#wire)?;
                            ::core::default::Default::default()
                        }
                    }
                },
                Kind::Plain(Rule::Default) | Kind::With(_) => {
                    quote!(#ident: ::core::option::Option::unwrap_or_default(#slot))
                }
                Kind::Extra => unreachable!("handled above"),
            }
        })
        .collect();

    let start = if model.request {
        quote!(#d::request(deserializer, #name_str, __FIELDS, __Visitor))
    } else {
        quote!(#serde::Deserializer::deserialize_struct(deserializer, #name_str, __FIELDS, __Visitor))
    };

    quote! {
        #[allow(non_camel_case_types, clippy::all)]
        const _: () = {
            #[automatically_derived]
            impl<'de> #serde::Deserialize<'de> for #name {
                fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    #start
                }
            }

            const __FIELDS: &[&str] = &[#(#wires),*];

            #[derive(Clone, Copy)]
            enum __Key {
                #(#variants,)*
                __Unknown,
            }

            /// Reads a key.
            struct __KeySeed;

            impl<'de> #serde::de::DeserializeSeed<'de> for __KeySeed {
                type Value = __Key;

                fn deserialize<__D>(self, deserializer: __D) -> ::core::result::Result<__Key, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    #serde::Deserializer::deserialize_identifier(deserializer, self)
                }
            }

            impl<'de> #serde::de::Visitor<'de> for __KeySeed {
                type Value = __Key;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str("a field name")
                }

                fn visit_str<__E: #serde::de::Error>(self, value: &str) -> ::core::result::Result<__Key, __E> {
                    ::core::result::Result::Ok(match value {
                        #(#wires => __Key::#variants,)*
                        _ => {
                            #unknown_text
                            __Key::__Unknown
                        }
                    })
                }

                fn visit_bytes<__E: #serde::de::Error>(self, value: &[u8]) -> ::core::result::Result<__Key, __E> {
                    // A key that is not UTF-8 cannot name a field; it is kept as close as it can be.
                    self.visit_str(&::std::string::String::from_utf8_lossy(value))
                }
            }

            #(#seeds)*

            struct __Visitor;

            impl<'de> #serde::de::Visitor<'de> for __Visitor {
                type Value = #name;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#expecting)
                }

                fn visit_map<__A>(self, mut __map: __A) -> ::core::result::Result<#name, __A::Error>
                where
                    __A: #serde::de::MapAccess<'de>,
                {
                    #(#declarations)*
                    #extra_declaration
                    // A repeated key overwrites its slot: the last value wins.
                    while let ::core::option::Option::Some(key) = __map.next_key_seed(__KeySeed)? {
                        match key {
                            #(#arms)*
                            #unknown_arm
                        }
                    }
                    ::core::result::Result::Ok(#name {
                        #(#inits,)*
                    })
                }
            }
        };
    }
}
