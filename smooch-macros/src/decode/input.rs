//! Reading a model struct and its attributes: wire names (`#[serde(rename..)]`, shared with the
//! serde `Serialize` derive so each name is written once) and decoding rules (`#[decode(..)]`).

use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, LitStr, Path, Type};

/// A struct to decode.
pub struct Model {
    pub ident: Ident,
    /// `#[decode(request)]`: a request body, strict about the fields the API requires.
    pub request: bool,
    pub fields: Vec<Field>,
}

/// How a field is decoded.
pub enum Kind {
    /// `Option<T>`: `null` or a missing key is `None`.
    Optional,
    /// Any other type: `null` or a missing key is `T::default()`, except as [`Rule`] says.
    Plain(Rule),
    /// `#[decode(with = path)]`: `path(deserializer)` decodes the value, `null` included; a
    /// missing key is `T::default()`.
    With(Path),
    /// `#[serde(flatten)]` on a JSON map: every key this struct does not know, with its value.
    Extra,
}

/// What a missing key or a `null` means for a non-`Option` field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The default value.
    Default,
    /// `#[decode(required)]`: the API requires it. In a request model, `null` and a missing key
    /// are errors; in a response, they decode as the default.
    Required,
    /// `#[decode(key)]`: identifies the object: a missing key is always an error (`null` is the
    /// default, except in requests).
    Key,
}

pub struct Field {
    pub ident: Ident,
    pub ty: Type,
    /// The JSON key.
    pub wire: String,
    pub kind: Kind,
}

impl Model {
    pub fn parse(input: &DeriveInput) -> syn::Result<Model> {
        if !input.generics.params.is_empty() {
            return Err(syn::Error::new(
                input.generics.span(),
                "#[derive(Decode)] supports structs without generics",
            ));
        }
        let Data::Struct(data) = &input.data else {
            return Err(syn::Error::new(
                input.ident.span(),
                "#[derive(Decode)] supports structs with named fields",
            ));
        };
        let Fields::Named(named) = &data.fields else {
            return Err(syn::Error::new(
                input.ident.span(),
                "#[derive(Decode)] supports structs with named fields",
            ));
        };

        let mut camel_case = false;
        let mut request = false;
        for attr in &input.attrs {
            if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("rename_all") {
                        let value: LitStr = meta.value()?.parse()?;
                        if value.value() != "camelCase" {
                            return Err(meta.error("Decode supports `rename_all = \"camelCase\"`"));
                        }
                        camel_case = true;
                    } else {
                        skip_value(&meta)?;
                    }
                    Ok(())
                })?;
            } else if attr.path().is_ident("decode") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("request") {
                        request = true;
                        Ok(())
                    } else {
                        Err(meta.error("expected `request`"))
                    }
                })?;
            }
        }

        let mut errors: Option<syn::Error> = None;
        let mut fields = Vec::new();
        for field in &named.named {
            let ident = field.ident.clone().expect("named fields have names");
            match parse_field(ident, &field.ty, &field.attrs, camel_case) {
                Ok(field) => fields.push(field),
                Err(error) => match &mut errors {
                    Some(all) => all.combine(error),
                    None => errors = Some(error),
                },
            }
        }
        if let Some(errors) = errors {
            return Err(errors);
        }
        if fields
            .iter()
            .filter(|f| matches!(f.kind, Kind::Extra))
            .count()
            > 1
        {
            return Err(syn::Error::new(
                input.ident.span(),
                "at most one `#[serde(flatten)]` field keeps the unknown keys",
            ));
        }
        Ok(Model {
            ident: input.ident.clone(),
            request,
            fields,
        })
    }
}

fn parse_field(
    ident: Ident,
    ty: &Type,
    attrs: &[Attribute],
    camel_case: bool,
) -> syn::Result<Field> {
    let name = ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let mut wire = if camel_case {
        camel(name)
    } else {
        name.to_owned()
    };
    let mut flatten = false;
    let mut rule = None;
    let mut with = None;
    for attr in attrs {
        if attr.path().is_ident("serde") {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("rename") {
                    wire = meta.value()?.parse::<LitStr>()?.value();
                } else if meta.path.is_ident("flatten") {
                    flatten = true;
                } else if meta.path.is_ident("default")
                    || meta.path.is_ident("deserialize_with")
                    || meta.path.is_ident("with")
                {
                    return Err(meta.error(
                        "Decode decodes this field: remove the serde decoding attribute (nulls and missing keys are handled; use #[decode(with = ..)] for a custom decoder)",
                    ));
                } else {
                    skip_value(&meta)?;
                }
                Ok(())
            })?;
        } else if attr.path().is_ident("decode") {
            attr.parse_nested_meta(|meta| {
                let set = |rule: &mut Option<Rule>, new: Rule| {
                    if rule.replace(new).is_some() {
                        Err(meta.error("give at most one of `key` and `required`"))
                    } else {
                        Ok(())
                    }
                };
                if meta.path.is_ident("key") {
                    set(&mut rule, Rule::Key)
                } else if meta.path.is_ident("required") {
                    set(&mut rule, Rule::Required)
                } else if meta.path.is_ident("with") {
                    with = Some(meta.value()?.parse::<Path>()?);
                    Ok(())
                } else {
                    Err(meta.error("expected `key`, `required` or `with = path`"))
                }
            })?;
        }
    }
    let optional = is_option(ty);
    let kind = match (flatten, with, rule) {
        (true, None, None) => Kind::Extra,
        (true, ..) => {
            return Err(syn::Error::new(
                ident.span(),
                "a `#[serde(flatten)]` field keeps unknown keys; it takes no #[decode] rule",
            ));
        }
        (false, Some(path), None) => Kind::With(path),
        (false, Some(_), Some(_)) => {
            return Err(syn::Error::new(
                ident.span(),
                "`with` decodes the value itself: it takes no `key` or `required`",
            ));
        }
        (false, None, Some(_)) if optional => {
            return Err(syn::Error::new(
                ty.span(),
                "an `Option` field may be absent: `key` and `required` apply to other types",
            ));
        }
        (false, None, rule) if optional => {
            debug_assert!(rule.is_none());
            Kind::Optional
        }
        (false, None, rule) => Kind::Plain(rule.unwrap_or(Rule::Default)),
    };
    Ok(Field {
        ident,
        ty: ty.clone(),
        wire,
        kind,
    })
}

/// Consumes `= value` of a serde attribute this derive does not use.
fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        let _: syn::Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        let _: proc_macro2::TokenStream = content.parse()?;
    }
    Ok(())
}

/// `Option<..>`, as written.
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "Option"),
        _ => false,
    }
}

/// `avatar_url` -> `avatarUrl`, as serde's `rename_all = "camelCase"`.
pub fn camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_matches_serde() {
        assert_eq!(camel("avatar_url"), "avatarUrl");
        assert_eq!(
            camel("original_message_timestamp"),
            "originalMessageTimestamp"
        );
        assert_eq!(camel("type"), "type");
    }

    fn parse(tokens: proc_macro2::TokenStream) -> syn::Result<Model> {
        Model::parse(&syn::parse2(tokens).unwrap())
    }

    #[test]
    fn names_and_rules() {
        let model = parse(quote::quote! {
            #[serde(rename_all = "camelCase")]
            #[decode(request)]
            struct M {
                #[serde(rename = "_id")]
                #[decode(key)]
                id: String,
                r#type: Option<String>,
                #[decode(required)]
                author_id: String,
                items: Vec<u8>,
                #[serde(flatten)]
                extra: Map,
            }
        })
        .unwrap();
        assert!(model.request);
        let wires: Vec<&str> = model.fields.iter().map(|f| f.wire.as_str()).collect();
        assert_eq!(wires, ["_id", "type", "authorId", "items", "extra"]);
        assert!(matches!(model.fields[0].kind, Kind::Plain(Rule::Key)));
        assert!(matches!(model.fields[1].kind, Kind::Optional));
        assert!(matches!(model.fields[2].kind, Kind::Plain(Rule::Required)));
        assert!(matches!(model.fields[3].kind, Kind::Plain(Rule::Default)));
        assert!(matches!(model.fields[4].kind, Kind::Extra));
    }

    #[test]
    fn misuse_is_refused() {
        for bad in [
            quote::quote!(
                struct M {
                    #[decode(key)]
                    a: Option<String>,
                }
            ),
            quote::quote!(
                struct M {
                    #[serde(default)]
                    a: String,
                }
            ),
            quote::quote!(
                struct M {
                    #[decode(key, required)]
                    a: String,
                }
            ),
            quote::quote!(
                struct M {
                    #[serde(flatten)]
                    a: Map,
                    #[serde(flatten)]
                    b: Map,
                }
            ),
            quote::quote!(
                #[serde(rename_all = "snake_case")]
                struct M {
                    a: String,
                }
            ),
            quote::quote!(
                struct M<T> {
                    a: T,
                }
            ),
            quote::quote!(
                struct M(String);
            ),
        ] {
            assert!(parse(bad.clone()).is_err(), "{bad}");
        }
    }
}
