//! Code generation for `#[derive(Decode)]`: a serde `Deserialize` impl with one visitor that
//! reads every key once, keeps the last value of a repeated key, decodes `null` and missing keys
//! by the field's [`Rule`], and keeps unknown keys in the `#[serde(flatten)]` map when there is
//! one (otherwise skips them).
//!
//! Everything that is the same for every model (what `null` means in a request, the error
//! texts) lives in `smooch_client::__private::decode`; the generated code only lists the fields.

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
    let has_extra = model.fields.iter().any(|f| matches!(f.kind, Kind::Extra));

    let keyed: Vec<&Field> = model
        .fields
        .iter()
        .filter(|f| !matches!(f.kind, Kind::Extra))
        .collect();
    let variants: Vec<_> = (0..keyed.len()).map(|i| format_ident!("__k{i}")).collect();
    let slots: Vec<_> = keyed
        .iter()
        .map(|f| Ident::new(&format!("__v_{}", f.ident.unraw()), Span::mixed_site()))
        .collect();
    let wires: Vec<&str> = keyed.iter().map(|f| f.wire.as_str()).collect();

    // The key enum: one variant per field; unknown keys are kept (with their text) or ignored.
    let (key_lifetime, static_lifetime, unknown_variant) = if has_extra {
        (
            quote!(<'de>),
            quote!(<'static>),
            quote!(__Unknown(#d::Cow<'de, str>)),
        )
    } else {
        (quote!(), quote!(), quote!(__Ignore))
    };
    let (unknown_owned, unknown_borrowed, unknown_bytes) = if has_extra {
        (
            quote!(__Key::__Unknown(#d::Cow::Owned(::std::borrow::ToOwned::to_owned(value)))),
            quote!(__Key::__Unknown(#d::Cow::Borrowed(value))),
            quote!(__Key::__Unknown(#d::Cow::Owned(::std::string::String::from_utf8_lossy(value).into_owned()))),
        )
    } else {
        (
            quote!(__Key::__Ignore),
            quote!(__Key::__Ignore),
            quote!(__Key::__Ignore),
        )
    };

    let declarations = keyed.iter().zip(&slots).map(|(field, slot)| {
        let ty = &field.ty;
        match &field.kind {
            // The slot is the field itself: absent is `None`.
            Kind::Optional => quote!(let mut #slot: #ty = ::core::option::Option::None;),
            _ => quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;),
        }
    });

    let mut seeds = Vec::new();
    let arms = keyed.iter().zip(&slots).zip(&variants).map(|((field, slot), variant)| {
        let ty = &field.ty;
        let wire = &field.wire;
        let read = match &field.kind {
            Kind::Optional => quote_spanned! {ty.span()=>
                #slot = __map.next_value::<#ty>()?;
            },
            Kind::Plain(rule) => {
                let on_null = match rule {
                    Rule::Default => quote!(),
                    Rule::Required | Rule::Key => {
                        quote!(#d::null_in_required::<__A::Error>(#wire)?;)
                    }
                };
                quote_spanned! {ty.span()=>
                    #slot = ::core::option::Option::Some(
                        match __map.next_value::<::core::option::Option<#ty>>()? {
                            ::core::option::Option::Some(value) => value,
                            ::core::option::Option::None => {
                                #on_null
                                ::core::default::Default::default()
                            }
                        },
                    );
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
                quote!(#slot = ::core::option::Option::Some(__map.next_value_seed(#seed)?);)
            }
            Kind::Extra => unreachable!("extra fields are not keyed"),
        };
        quote!(__Key::#variant => { #read })
    });
    let arms: Vec<TokenStream> = arms.collect();

    let unknown_arm = if has_extra {
        quote! {
            __Key::__Unknown(key) => {
                __extra.insert(#d::Cow::into_owned(key), __map.next_value()?);
            }
        }
    } else {
        quote! {
            __Key::__Ignore => {
                __map.next_value::<#serde::de::IgnoredAny>()?;
            }
        }
    };

    let extra_declaration = model
        .fields
        .iter()
        .find(|f| matches!(f.kind, Kind::Extra))
        .map(|f| {
            let ty = &f.ty;
            quote!(let mut __extra: #ty = ::core::default::Default::default();)
        });

    let mut keyed_slots = keyed.iter().zip(&slots);
    let inits = model.fields.iter().map(|field| {
        let ident = &field.ident;
        if matches!(field.kind, Kind::Extra) {
            return quote!(#ident: __extra);
        }
        let (_, slot) = keyed_slots.next().expect("one slot per keyed field");
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
            Kind::Extra => unreachable!(),
        }
    });
    let inits: Vec<TokenStream> = inits.collect();

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

            enum __Key #key_lifetime {
                #(#variants,)*
                #unknown_variant,
            }

            fn __known(value: &str) -> ::core::option::Option<__Key #static_lifetime> {
                ::core::option::Option::Some(match value {
                    #(#wires => __Key::#variants,)*
                    _ => return ::core::option::Option::None,
                })
            }

            struct __KeyVisitor;

            impl<'de> #serde::de::Visitor<'de> for __KeyVisitor {
                type Value = __Key #key_lifetime;

                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str("a field name")
                }

                fn visit_str<__E: #serde::de::Error>(self, value: &str) -> ::core::result::Result<Self::Value, __E> {
                    ::core::result::Result::Ok(match __known(value) {
                        ::core::option::Option::Some(key) => key,
                        ::core::option::Option::None => #unknown_owned,
                    })
                }

                fn visit_borrowed_str<__E: #serde::de::Error>(self, value: &'de str) -> ::core::result::Result<Self::Value, __E> {
                    ::core::result::Result::Ok(match __known(value) {
                        ::core::option::Option::Some(key) => key,
                        ::core::option::Option::None => #unknown_borrowed,
                    })
                }

                fn visit_bytes<__E: #serde::de::Error>(self, value: &[u8]) -> ::core::result::Result<Self::Value, __E> {
                    // A key that is not UTF-8 cannot name a field (nor be kept as JSON).
                    match ::core::str::from_utf8(value) {
                        ::core::result::Result::Ok(value) => self.visit_str(value),
                        ::core::result::Result::Err(_) => ::core::result::Result::Ok(#unknown_bytes),
                    }
                }
            }

            impl<'de> #serde::Deserialize<'de> for __Key #key_lifetime {
                fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    #serde::Deserializer::deserialize_identifier(deserializer, __KeyVisitor)
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
                    while let ::core::option::Option::Some(key) = __map.next_key::<__Key #key_lifetime>()? {
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
