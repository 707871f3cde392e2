//! `#[model(tag = "type")]` on an enum: a union of models told apart by the value of one key,
//! as the API's integration types and message contents are. Each variant holds one model; one
//! variant marked `#[model(other)]` holds a member this crate does not know
//! (`smooch_client::models::Unknown`: its tag and its other keys, as received).
//!
//! The union is read in one visit of the object: keys before the tag wait (as JSON values) until
//! the tag names the variant, then go to it, and the keys after it go straight to it. A union
//! flattened into a struct (`#[serde(flatten)] kind: IntegrationKind`) takes every key the struct
//! does not know, in the same visit.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Fields, Ident, ItemEnum, LitStr, Type, Visibility};

use super::ctxt::Ctxt;
use super::input::skip_value;

/// A union, checked.
pub struct Union {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// The key whose value names the variant.
    pub tag: String,
    pub request: bool,
    pub variants: Vec<Variant>,
    /// The variant of members this crate does not know.
    pub other: Ident,
    pub other_attrs: Vec<Attribute>,
    /// Its type as written (`Unknown`), kept so that an error about it points at it.
    pub other_ty: Type,
}

pub struct Variant {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub ty: Type,
    /// The tag's value for this variant.
    pub wire: String,
}

impl Union {
    pub fn parse(cx: &Ctxt, args: TokenStream, item: &ItemEnum) -> Option<Union> {
        let mut tag = None;
        let mut request = false;
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("tag") {
                tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("request") {
                request = true;
            } else {
                cx.push(meta.error(format!(
                    "unknown #[model] argument `{}` on an enum: expected `tag = \"key\"` or `request`",
                    meta.path.get_ident().map(ToString::to_string).unwrap_or_default()
                )));
                skip_value(&meta);
            }
            Ok(())
        });
        if let Err(error) = syn::parse::Parser::parse2(parser, args) {
            cx.push(error);
        }
        let Some(tag) = tag else {
            cx.error_at(
                &item.ident,
                "#[model] on an enum makes a union: give the key that names the variant, `#[model(tag = \"type\")]`",
            );
            return None;
        };
        if !item.generics.params.is_empty() {
            cx.error_at(&item.generics, "#[model] supports enums without generics");
        }
        let mut attrs = Vec::new();
        for attr in &item.attrs {
            if attr.path().is_ident("derive") {
                cx.error_at(
                    attr,
                    "#[model] derives what a union needs itself: remove the #[derive]",
                );
            } else if attr.path().is_ident("serde") || attr.path().is_ident("model") {
                cx.error_at(
                    attr,
                    "a union takes its arguments in the #[model(..)] attribute itself",
                );
            } else if attr.path().is_ident("non_exhaustive") {
                cx.error_at(attr, "#[model] makes the union #[non_exhaustive] itself");
            } else {
                attrs.push(attr.clone());
            }
        }

        let mut variants = Vec::new();
        let mut other: Option<(Ident, Vec<Attribute>, Type)> = None;
        for variant in &item.variants {
            let ty = match &variant.fields {
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                    fields.unnamed[0].ty.clone()
                }
                _ => {
                    cx.error_at(
                        &variant.ident,
                        "each variant of a union holds one model: `Name(Model)`",
                    );
                    continue;
                }
            };
            let mut wire = lower_first(&variant.ident.to_string());
            let mut is_other = false;
            let mut attrs = Vec::new();
            for attr in &variant.attrs {
                if attr.path().is_ident("serde") {
                    let result = attr.parse_nested_meta(|meta| {
                        if meta.path.is_ident("rename") {
                            wire = meta.value()?.parse::<LitStr>()?.value();
                        } else {
                            cx.push(meta.error(
                                "a union's variant honours #[serde(rename = \"tag\")] only",
                            ));
                            skip_value(&meta);
                        }
                        Ok(())
                    });
                    if let Err(error) = result {
                        cx.push(error);
                    }
                } else if attr.path().is_ident("model") {
                    let result = attr.parse_nested_meta(|meta| {
                        if meta.path.is_ident("other") {
                            is_other = true;
                        } else {
                            cx.push(meta.error("a union's variant takes #[model(other)] only"));
                            skip_value(&meta);
                        }
                        Ok(())
                    });
                    if let Err(error) = result {
                        cx.push(error);
                    }
                } else {
                    attrs.push(attr.clone());
                }
            }
            if is_other {
                if other.is_some() {
                    cx.error_at(&variant.ident, "a union has one #[model(other)] variant");
                }
                let named_unknown = matches!(&ty, Type::Path(path)
                    if path.path.segments.last().is_some_and(|last| last.ident == "Unknown"));
                if !named_unknown {
                    cx.error_at(
                        &ty,
                        "the #[model(other)] variant keeps a member this crate does not know whole, as a `smooch_client::models::Unknown`: `Other(Unknown)`",
                    );
                }
                other = Some((variant.ident.clone(), attrs, ty));
            } else {
                if let Some(first) = variants.iter().find(|v: &&Variant| v.wire == wire) {
                    cx.error_at(
                        &variant.ident,
                        format!(
                            "`{}` and `{}` both have the tag `{wire}`",
                            first.ident, variant.ident
                        ),
                    );
                }
                variants.push(Variant {
                    attrs,
                    ident: variant.ident.clone(),
                    ty,
                    wire,
                });
            }
        }
        let Some((other, other_attrs, other_ty)) = other else {
            cx.error_at(
                &item.ident,
                "a union keeps members this crate does not know: mark one variant `#[model(other)] Other(Unknown)`",
            );
            return None;
        };
        Some(Union {
            attrs,
            vis: item.vis.clone(),
            ident: item.ident.clone(),
            tag,
            request,
            variants,
            other,
            other_attrs,
            other_ty,
        })
    }
}

/// `FormResponse` -> `formResponse`.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn generate(union: &Union) -> TokenStream {
    let m = quote!(::smooch_client::__private::model);
    let serde = quote!(#m::serde);
    let (attrs, vis, name, tag) = (&union.attrs, &union.vis, &union.ident, &union.tag);
    let (other, other_attrs, other_ty) = (&union.other, &union.other_attrs, &union.other_ty);
    let idents: Vec<&Ident> = union.variants.iter().map(|v| &v.ident).collect();
    let types: Vec<&Type> = union.variants.iter().map(|v| &v.ty).collect();
    let wires: Vec<&str> = union.variants.iter().map(|v| v.wire.as_str()).collect();
    let indexes: Vec<u16> = (0..union.variants.len() as u16).collect();
    let variant_attrs = union.variants.iter().map(|v| &v.attrs);
    let chosen: Vec<Ident> = (0..idents.len())
        .map(|i| format_ident!("V{}", i, span = Span::mixed_site()))
        .collect();
    let other_is_unknown = quote_spanned!(other_ty.span()=> |member| member);
    let name_str = name.to_string();
    let decode_impl = super::decode::decode_impl(name, &m, union.request);

    quote! {
        #(#attrs)*
        #[derive(::core::clone::Clone, ::core::cmp::PartialEq, ::core::fmt::Debug)]
        #[non_exhaustive]
        #vis enum #name {
            #( #(#variant_attrs)* #idents(#types), )*
            #(#other_attrs)*
            #other(#other_ty),
        }

        // The members this crate does not know are kept as they came: an `Unknown`.
        const _: fn(#other_ty) -> ::smooch_client::models::Unknown = #other_is_unknown;

        impl #name {
            /// The tag this member is sent with.
            pub fn tag(&self) -> &str {
                match self {
                    #( Self::#idents(_) => #wires, )*
                    Self::#other(unknown) => &unknown.tag,
                }
            }
        }

        impl ::core::default::Default for #name {
            /// A member without a tag: what a missing tag reads as in a response.
            fn default() -> Self {
                Self::#other(::core::default::Default::default())
            }
        }

        #[allow(non_camel_case_types, non_snake_case, clippy::all)]
        const _: () = {
            #[doc(hidden)]
            #[derive(::core::default::Default)]
            pub enum __Chosen {
                #[default]
                None,
                #( #chosen(<#types as #m::Model>::Slots), )*
                Other(#m::serde_json::Map<::std::string::String, #m::serde_json::Value>),
            }

            #[doc(hidden)]
            #[derive(::core::default::Default)]
            pub struct __Slots {
                /// Whether a tag (not `null`) was read.
                seen: bool,
                /// The tag, when it names no member this union knows.
                tag: ::core::option::Option<::std::string::String>,
                waiting: ::std::vec::Vec<(#m::Key, #m::serde_json::Value)>,
                chosen: __Chosen,
            }

            /// The number of each tag the union knows.
            #[inline]
            fn known(tag: &str) -> ::core::option::Option<u16> {
                match tag {
                    #( #wires => ::core::option::Option::Some(#indexes), )*
                    _ => ::core::option::Option::None,
                }
            }

            impl #m::Model for #name {
                type Slots = __Slots;
                const NAME: &'static str = #name_str;
                const KEYS: u16 = 1;
                const CLAIMS_UNKNOWN: bool = true;

                #[inline]
                fn key(name: &str) -> ::core::option::Option<u16> {
                    (name == #tag).then_some(0)
                }

                /// The tag is key 0; once it has chosen the member, the member's keys follow.
                #[inline]
                fn key_in(slots: &__Slots, name: &str) -> ::core::option::Option<u16> {
                    if name == #tag {
                        return ::core::option::Option::Some(0);
                    }
                    match &slots.chosen {
                        #( __Chosen::#chosen(_) => ::core::option::Option::map(
                            <#types as #m::Model>::key(name),
                            |key| key + 1,
                        ), )*
                        _ => ::core::option::Option::None,
                    }
                }

                fn finish<__E: #serde::de::Error>(
                    slots: __Slots,
                    mode: #m::Mode,
                ) -> ::core::result::Result<Self, __E> {
                    ::core::result::Result::Ok(match slots.chosen {
                        #( __Chosen::#chosen(inner) => Self::#idents(<#types as #m::Model>::finish(inner, mode)?), )*
                        __Chosen::Other(fields) => Self::#other(#m::unknown_member(slots.tag, fields)),
                        __Chosen::None => {
                            #m::missing_required::<__E>(mode, #tag)?;
                            Self::#other(#m::unknown_member(
                                slots.tag,
                                ::core::iter::Iterator::collect(::core::iter::Iterator::map(
                                    ::core::iter::IntoIterator::into_iter(slots.waiting),
                                    |(key, value)| (::std::string::String::from(key), value),
                                )),
                            ))
                        }
                    })
                }

                fn write<__S: #serde::ser::SerializeMap>(
                    &self,
                    map: &mut __S,
                ) -> ::core::result::Result<(), __S::Error> {
                    #serde::ser::SerializeMap::serialize_entry(map, #tag, self.tag())?;
                    match self {
                        #( Self::#idents(inner) => <#types as #m::Model>::write(inner, map), )*
                        Self::#other(unknown) => #m::write_fields(&unknown.fields, map),
                    }
                }
            }

            impl<'de> #m::Read<'de> for #name {
                // One caller, the visitor: inlined there, so a key costs no call.
                #[inline(always)]
                fn read<__A: #serde::de::MapAccess<'de>>(
                    slots: &mut __Slots,
                    key: u16,
                    map: &mut __A,
                    mode: #m::Mode,
                ) -> ::core::result::Result<(), __A::Error> {
                    if key != 0 {
                        // A key of the chosen member (numbered by `key_in`).
                        return match &mut slots.chosen {
                            #( __Chosen::#chosen(inner) => <#types as #m::Read<'de>>::read(inner, key - 1, map, mode), )*
                            _ => #serde::de::MapAccess::next_value::<#serde::de::IgnoredAny>(map).map(drop),
                        };
                    }
                    let tag = #serde::de::MapAccess::next_value_seed(map, #m::TagSeed::new(known))?;
                    if slots.seen {
                        // A repeated tag: the first one chose the member.
                        return ::core::result::Result::Ok(());
                    }
                    let ::core::option::Option::Some(tag) = tag else {
                        // `null` names no member: an error in a request, no tag in a response.
                        return #m::null_in_required(mode, #tag);
                    };
                    slots.seen = true;
                    slots.chosen = match tag {
                        #( #m::Tag::Known(#indexes) => __Chosen::#chosen(::core::default::Default::default()), )*
                        #m::Tag::Known(_) => __Chosen::Other(::core::default::Default::default()),
                        #m::Tag::Unknown(tag) => {
                            slots.tag = ::core::option::Option::Some(tag);
                            __Chosen::Other(::core::default::Default::default())
                        }
                    };
                    for (mut key, value) in ::core::mem::take(&mut slots.waiting) {
                        feed(&mut slots.chosen, &mut key, &mut #m::Replay::<__A::Error>::new(value), mode)?;
                    }
                    ::core::result::Result::Ok(())
                }

                fn unknown<__A: #serde::de::MapAccess<'de>>(
                    slots: &mut __Slots,
                    key: &mut #m::Key,
                    map: &mut __A,
                    mode: #m::Mode,
                ) -> ::core::result::Result<(), __A::Error> {
                    if let __Chosen::None = slots.chosen {
                        let value = #serde::de::MapAccess::next_value(map)?;
                        slots.waiting.push((::core::mem::take(key), value));
                        return ::core::result::Result::Ok(());
                    }
                    feed(&mut slots.chosen, key, map, mode)
                }
            }

            /// Hands one key and its value to the chosen member.
            fn feed<'de, __A: #serde::de::MapAccess<'de>>(
                chosen: &mut __Chosen,
                key: &mut #m::Key,
                map: &mut __A,
                mode: #m::Mode,
            ) -> ::core::result::Result<(), __A::Error> {
                match chosen {
                    #( __Chosen::#chosen(slots) => #m::feed::<#types, __A>(slots, key, map, mode), )*
                    __Chosen::Other(fields) => {
                        let value = #serde::de::MapAccess::next_value(map)?;
                        fields.insert(#m::take_key(key), value);
                        ::core::result::Result::Ok(())
                    }
                    __Chosen::None => ::core::result::Result::Ok(()),
                }
            }

            #decode_impl

            #[automatically_derived]
            impl #serde::Serialize for #name {
                fn serialize<__S: #serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #m::serialize(self, serializer)
                }
            }
        };
    }
}
