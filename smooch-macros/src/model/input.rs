//! Reading a `#[model]` struct: its arguments, its fields and every attribute on them. Each
//! attribute is honoured or refused here, into one [`Ctxt`]; nothing is silently ignored.
//!
//! Honoured: `#[model(request, setters)]` on the struct; `#[serde(rename_all = "camelCase")]`
//! (the default, accepted for readers used to serde) on the struct; `#[serde(rename = "..")]`
//! and `#[serde(flatten)]` on a field; `#[model(key | required | with = path | setter |
//! add = name | always)]` on a field. Doc comments and other attributes (`cfg`, lints) are kept
//! as written.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Fields, Ident, ItemStruct, LitStr, Path, Type, Visibility};

use super::ctxt::Ctxt;

/// A model struct, checked.
pub struct Model {
    /// The struct's attributes other than the ones read here (docs, lints).
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// `request`: a request body, strict about the fields the API requires.
    pub request: bool,
    /// `query`: query options, written into a request's query (`<options..>`), not JSON.
    pub query: bool,
    pub fields: Vec<Field>,
}

/// How a field is read.
pub enum Kind {
    /// `Option<T>`: `null` or a missing key is `None`.
    Optional,
    /// Any other type: `null` or a missing key is `T::default()`, except as [`Rule`] says.
    Plain(Rule),
    /// `#[model(with = path)]`: `path(deserializer, mode)` reads the value, `null` included; a
    /// missing key is `T::default()`.
    With(Path),
    /// `#[serde(flatten)]`: another model, whose keys are read in the same pass.
    Flatten,
}

/// What a missing key or a `null` means for a field that is not an `Option`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The default value.
    Default,
    /// `#[model(required)]`: the API requires it. In a request, `null` and a missing key are
    /// errors; in a response, they are the default.
    Required,
    /// `#[model(key)]`: identifies the object: a missing key is always an error (`null` is the
    /// default, except in requests).
    Key,
}

/// How a value is left out when serialized.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `Option<T>`: left out when `None` (unless `always`).
    Option,
    /// A list or a map: left out when empty, unless it was received empty.
    Collection,
    /// A JSON value: left out when `null`.
    Value,
    /// Anything else: always written.
    Other,
}

pub struct Field {
    /// The field's attributes other than the ones read here (docs, `cfg`).
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub ty: Type,
    /// The JSON key.
    pub wire: String,
    pub kind: Kind,
    pub shape: Shape,
    /// `always`: written even when `None` (as `null`), empty or null, for what the API needs
    /// sent explicitly.
    pub always: bool,
    /// Whether a `with_<field>` setter is generated.
    pub setter: bool,
    /// `add = name`: a setter that appends one item to a list.
    pub add: Option<Ident>,
    /// The first paragraph of the field's documentation, for its setters.
    pub summary: String,
    /// Its bit in the set of keys received (fields that are not an `Option` or flattened):
    /// what was received is written back, what was not is not invented.
    pub bit: Option<u32>,
}

impl Model {
    /// Reads `item` with the attribute's arguments `args`; every problem goes to `cx`.
    pub fn parse(cx: &Ctxt, args: TokenStream, item: &ItemStruct) -> Option<Model> {
        let mut request = false;
        let mut setters = false;
        let mut query = false;
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident("request") {
                request = true;
            } else if meta.path.is_ident("setters") {
                setters = true;
            } else if meta.path.is_ident("query") {
                query = true;
            } else {
                let name = path_text(&meta.path);
                cx.push(meta.error(format!(
                    "unknown #[model] argument `{name}`: expected `request`, `setters` or `query`{}",
                    did_you_mean(&name, ["request", "setters", "query"])
                )));
                skip_value(&meta);
            }
            Ok(())
        });
        if let Err(error) = syn::parse::Parser::parse2(parser, args) {
            cx.push(error);
        }

        if !item.generics.params.is_empty() {
            cx.error_at(&item.generics, "#[model] supports structs without generics");
        }
        let Fields::Named(named) = &item.fields else {
            cx.error_at(&item.ident, "#[model] supports structs with named fields");
            return None;
        };

        let mut camel_case = true;
        let mut attrs = Vec::new();
        for attr in &item.attrs {
            if attr.path().is_ident("serde") {
                read_nested(cx, attr, |meta| {
                    if meta.path.is_ident("rename_all") {
                        let value: LitStr = meta.value()?.parse()?;
                        match value.value().as_str() {
                            "camelCase" => camel_case = true,
                            "none" => camel_case = false,
                            other => cx.error_at(
                                &value,
                                format!(
                                    "#[model] writes keys in camelCase (the default) or as the fields are named (`rename_all = \"none\"`), not `{other}`"
                                ),
                            ),
                        }
                    } else {
                        refuse_serde(cx, &meta);
                    }
                    Ok(())
                });
            } else if attr.path().is_ident("model") {
                cx.error_at(
                    attr,
                    "give the struct's #[model] arguments in the attribute itself: `#[model(request, setters)]`",
                );
            } else if attr.path().is_ident("derive") {
                cx.error_at(
                    attr,
                    "#[model] derives Clone, Default, PartialEq, Debug, Serialize and Deserialize itself: remove the #[derive]",
                );
            } else if attr.path().is_ident("non_exhaustive") {
                cx.error_at(attr, "#[model] makes the struct #[non_exhaustive] itself");
            } else {
                attrs.push(attr.clone());
            }
        }

        if query && request {
            cx.error_at(
                &item.ident,
                "query options are not a request body: give `query` or `request`, not both",
            );
        }
        // Query options are built by their setters: every field has one.
        let mut fields: Vec<Field> = named
            .named
            .iter()
            .filter_map(|field| parse_field(cx, field, camel_case, setters || query))
            .collect();
        if query {
            for field in &fields {
                let plain = matches!(field.kind, Kind::Optional | Kind::Plain(Rule::Default));
                if !plain || field.always || field.add.is_some() {
                    cx.error_at(
                        &field.ident,
                        "a query option is a value sent under its key when set: it takes no `key`, `required`, `with`, `always`, `add` or `flatten`",
                    );
                }
            }
        }
        check_wires(cx, &fields);
        if let Some(extra) = fields.iter().find(|f| f.ident == "extra") {
            cx.error_at(
                &extra.ident,
                "#[model] adds the `extra` field of unknown keys itself: remove this one",
            );
        }
        fields.retain(|f| f.ident != "extra");
        let mut next = 0;
        for field in &mut fields {
            if matches!(field.kind, Kind::Plain(_) | Kind::With(_)) {
                field.bit = Some(next);
                next += 1;
            }
        }
        if next > Present::FIELDS {
            cx.error_at(
                &item.ident,
                format!(
                    "#[model] supports at most {} fields that are not an `Option`",
                    Present::FIELDS
                ),
            );
        }
        Some(Model {
            attrs,
            vis: item.vis.clone(),
            ident: item.ident.clone(),
            request,
            query,
            fields,
        })
    }

    /// The fields read from their own key (every field but the flattened ones).
    pub fn keyed(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| !matches!(f.kind, Kind::Flatten))
    }

    /// The flattened fields, in order.
    pub fn flattened(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| matches!(f.kind, Kind::Flatten))
    }
}

fn parse_field(cx: &Ctxt, field: &syn::Field, camel_case: bool, setters: bool) -> Option<Field> {
    let ident = field.ident.clone()?;
    let name = ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let mut wire = if camel_case {
        camel(name)
    } else {
        name.to_owned()
    };
    let mut flatten = false;
    let mut rule: Option<(Rule, Span)> = None;
    let mut with: Option<Path> = None;
    let mut always: Option<Span> = None;
    let mut setter = setters;
    let mut add = None;
    let mut attrs = Vec::new();
    for attr in &field.attrs {
        if attr.path().is_ident("serde") {
            read_nested(cx, attr, |meta| {
                if meta.path.is_ident("rename") {
                    wire = meta.value()?.parse::<LitStr>()?.value();
                } else if meta.path.is_ident("flatten") {
                    flatten = true;
                } else {
                    refuse_serde(cx, &meta);
                }
                Ok(())
            });
        } else if attr.path().is_ident("model") {
            read_nested(cx, attr, |meta| {
                let mut set_rule = |new: Rule| {
                    if rule.replace((new, meta.path.span())).is_some() {
                        cx.push(meta.error("give at most one of `key` and `required`"));
                    }
                };
                if meta.path.is_ident("key") {
                    set_rule(Rule::Key);
                } else if meta.path.is_ident("required") {
                    set_rule(Rule::Required);
                } else if meta.path.is_ident("with") {
                    with = Some(meta.value()?.parse::<Path>()?);
                } else if meta.path.is_ident("always") {
                    always = Some(meta.path.span());
                } else if meta.path.is_ident("setter") {
                    setter = true;
                } else if meta.path.is_ident("no_setter") {
                    setter = false;
                } else if meta.path.is_ident("add") {
                    add = Some(meta.value()?.parse::<Ident>()?);
                } else {
                    let name = path_text(&meta.path);
                    cx.push(meta.error(format!(
                        "unknown #[model] field attribute `{name}`: expected `key`, `required`, `with = path`, `always`, `setter`, `no_setter` or `add = name`{}",
                        did_you_mean(
                            &name,
                            ["key", "required", "with", "always", "setter", "no_setter", "add"]
                        )
                    )));
                    skip_value(&meta);
                }
                Ok(())
            });
        } else if attr.path().is_ident("decode") {
            cx.error_at(attr, "#[decode(..)] is now #[model(..)]");
        } else {
            attrs.push(attr.clone());
        }
    }

    let ty = &field.ty;
    let shape = shape_of(ty);
    let optional = shape == Shape::Option;
    let kind = if flatten {
        if let Some((_, span)) = rule {
            cx.push(syn::Error::new(
                span,
                "a #[serde(flatten)] field is another model read in the same pass: it takes no `key` or `required`",
            ));
        }
        if with.is_some() || always.is_some() || add.is_some() {
            cx.error_at(
                &ident,
                "a #[serde(flatten)] field is another model read in the same pass: it takes no `with`, `always` or `add`",
            );
        }
        Kind::Flatten
    } else if let Some(path) = with {
        if let Some((_, span)) = rule {
            cx.push(syn::Error::new(
                span,
                "`with` reads the value itself: it takes no `key` or `required`",
            ));
        }
        Kind::With(path)
    } else if optional {
        if let Some((_, span)) = rule {
            cx.push(syn::Error::new(
                span,
                "an `Option` field may be absent: `key` and `required` apply to other types",
            ));
        }
        Kind::Optional
    } else {
        Kind::Plain(rule.map_or(Rule::Default, |(rule, _)| rule))
    };
    if let Some(span) = always
        && !matches!(shape, Shape::Option | Shape::Collection | Shape::Value)
    {
        cx.push(syn::Error::new(
            span,
            format!(
                "`always` writes a field even when it is `None`, empty or null: `{ident}` is always written"
            ),
        ));
    }
    if let Some(adder) = &add {
        if item_of_vec(ty).is_none() {
            cx.error_at(
                adder,
                "`add` appends to a list: the field must be a `Vec<T>`",
            );
        } else if setter && *adder == format!("with_{}", ident.unraw()) {
            cx.error_at(
                adder,
                format!(
                    "`{adder}` is the name of the field's setter: name the method that adds one item after the item (`add = with_item` for `items`), or mark the field `no_setter`"
                ),
            );
        }
    }
    Some(Field {
        summary: summary(&attrs),
        attrs,
        vis: field.vis.clone(),
        ident,
        ty: ty.clone(),
        wire,
        kind,
        shape: if flatten { Shape::Other } else { shape },
        always: always.is_some(),
        setter,
        add,
        bit: None,
    })
}

/// The set of keys received, as the runtime's `Present` holds it: one bit per field that is not
/// an `Option`, and the last bit for "decoded" (a model built in code writes every field).
pub struct Present;

impl Present {
    /// How many fields it can track.
    pub const FIELDS: u32 = 63;
}

/// Two fields sent under the same key would overwrite each other.
fn check_wires(cx: &Ctxt, fields: &[Field]) {
    for (index, field) in fields.iter().enumerate() {
        if matches!(field.kind, Kind::Flatten) {
            continue;
        }
        if let Some(first) = fields[..index]
            .iter()
            .find(|f| !matches!(f.kind, Kind::Flatten) && f.wire == field.wire)
        {
            cx.error_at(
                &field.ident,
                format!(
                    "`{}` and `{}` are both sent as the key `{}`",
                    first.ident, field.ident, field.wire
                ),
            );
        }
    }
}

/// Reads `#[name(..)]`, recording a malformed list as an error.
fn read_nested(
    cx: &Ctxt,
    attr: &Attribute,
    each: impl FnMut(ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    if let Err(error) = attr.parse_nested_meta(each) {
        cx.push(error);
    }
}

/// A serde attribute this macro does not implement: an error naming it, never ignored.
fn refuse_serde(cx: &Ctxt, meta: &ParseNestedMeta<'_>) {
    let name = path_text(&meta.path);
    let hint = match name.as_str() {
        "default" | "deserialize_with" | "with" | "serialize_with" => {
            "; #[model] reads `null` and missing keys by the field's rule (use `#[model(with = path)]` for a custom reader)"
        }
        "skip_serializing_if" => {
            "; #[model] leaves out `None`, empty lists and maps (unless received) and null JSON values; `#[model(always)]` writes `None` as `null`"
        }
        "alias" => "; a model reads each field from one key",
        "skip" | "skip_serializing" | "skip_deserializing" => {
            "; every field of a model is a key of the API: keep other data outside the model"
        }
        _ => "",
    };
    cx.push(meta.error(format!(
        "#[serde({name})] is not supported by #[model]: it honours `rename` and `flatten` on fields and `rename_all` on the struct{hint}"
    )));
    skip_value(meta);
}

/// Consumes `= value` or `(..)` after an attribute that is refused, so the rest still parses.
pub fn skip_value(meta: &ParseNestedMeta<'_>) {
    if meta.input.peek(syn::Token![=]) {
        let _ = meta
            .value()
            .and_then(|value| value.parse::<syn::Expr>().map(drop));
    } else if meta.input.peek(syn::token::Paren) {
        let _ = (|| -> syn::Result<()> {
            let content;
            syn::parenthesized!(content in meta.input);
            content.parse::<TokenStream>().map(drop)
        })();
    }
}

/// `; did you mean `x`?` for the known name closest to `name`, or nothing.
fn did_you_mean<const N: usize>(name: &str, known: [&str; N]) -> String {
    crate::suggest::closest(name, known)
        .map(|known| format!("; did you mean `{known}`?"))
        .unwrap_or_default()
}

fn path_text(path: &Path) -> String {
    path.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// The last segment of a type's path and its generic arguments.
fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(path) if path.qself.is_none() => path.path.segments.last(),
        _ => None,
    }
}

fn shape_of(ty: &Type) -> Shape {
    match last_segment(ty).map(|s| s.ident.to_string()).as_deref() {
        Some("Option") => Shape::Option,
        Some("Vec" | "BTreeMap" | "HashMap" | "Map" | "JsonObject") => Shape::Collection,
        Some("Value") => Shape::Value,
        _ => Shape::Other,
    }
}

/// `T` of `Vec<T>`.
pub fn item_of_vec(ty: &Type) -> Option<&Type> {
    generic_argument(ty, "Vec")
}

/// `T` of `Option<T>`.
pub fn item_of_option(ty: &Type) -> Option<&Type> {
    generic_argument(ty, "Option")
}

fn generic_argument<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let segment = last_segment(ty)?;
    if segment.ident != name {
        return None;
    }
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
            syn::GenericArgument::Type(ty) => Some(ty),
            _ => None,
        }),
        _ => None,
    }
}

/// Whether values of `ty` are given as they are rather than through `Into` (an integer
/// literal cannot infer its type through `impl Into<u64>`).
pub fn is_primitive(ty: &Type) -> bool {
    matches!(
        last_segment(ty).map(|s| s.ident.to_string()).as_deref(),
        Some(
            "bool"
                | "u8"
                | "u16"
                | "u32"
                | "u64"
                | "u128"
                | "usize"
                | "i8"
                | "i16"
                | "i32"
                | "i64"
                | "i128"
                | "isize"
                | "f32"
                | "f64"
        )
    )
}

/// The first paragraph of the doc comments in `attrs`, on one line.
fn summary(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        let syn::Meta::NameValue(meta) = &attr.meta else {
            continue;
        };
        if !meta.path.is_ident("doc") {
            continue;
        }
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = &meta.value
        else {
            continue;
        };
        let line = text.value();
        let line = line.trim();
        if line.is_empty() {
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(line.to_owned());
    }
    lines.join(" ")
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

    fn parse(args: TokenStream, item: TokenStream) -> Result<Model, String> {
        let cx = Ctxt::default();
        let item: ItemStruct = syn::parse2(item).unwrap();
        let model = Model::parse(&cx, args, &item);
        cx.check().map_err(|e| {
            e.into_iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        Ok(model.unwrap())
    }

    #[test]
    fn camel_case_matches_serde() {
        assert_eq!(camel("avatar_url"), "avatarUrl");
        assert_eq!(
            camel("original_message_timestamp"),
            "originalMessageTimestamp"
        );
        assert_eq!(camel("type"), "type");
    }

    #[test]
    fn names_rules_and_shapes() {
        let model = parse(
            quote::quote!(request, setters),
            quote::quote! {
                struct M {
                    /// The id.
                    ///
                    /// More.
                    #[serde(rename = "_id")]
                    #[model(key)]
                    id: String,
                    r#type: Option<String>,
                    #[model(required)]
                    author_id: String,
                    #[model(add = with_item)]
                    items: Vec<u8>,
                    props: JsonObject,
                    raw: serde_json::Value,
                    #[serde(flatten)]
                    envelope: Envelope,
                }
            },
        )
        .unwrap();
        assert!(model.request);
        let wires: Vec<&str> = model.fields.iter().map(|f| f.wire.as_str()).collect();
        assert_eq!(
            wires,
            [
                "_id", "type", "authorId", "items", "props", "raw", "envelope"
            ]
        );
        assert!(matches!(model.fields[0].kind, Kind::Plain(Rule::Key)));
        assert!(matches!(model.fields[1].kind, Kind::Optional));
        assert!(matches!(model.fields[2].kind, Kind::Plain(Rule::Required)));
        assert!(matches!(model.fields[3].kind, Kind::Plain(Rule::Default)));
        assert!(matches!(model.fields[6].kind, Kind::Flatten));
        let shapes: Vec<Shape> = model.fields.iter().map(|f| f.shape).collect();
        assert!(
            shapes
                == [
                    Shape::Other,
                    Shape::Option,
                    Shape::Other,
                    Shape::Collection,
                    Shape::Collection,
                    Shape::Value,
                    Shape::Other
                ]
        );
        assert_eq!(model.fields[0].summary, "The id.");
        assert!(model.fields.iter().all(|f| f.setter));
    }

    #[test]
    fn every_unsupported_attribute_is_refused_at_once() {
        let errors = parse(
            quote::quote!(strict),
            quote::quote! {
                #[derive(Clone)]
                #[serde(deny_unknown_fields)]
                struct M {
                    #[serde(alias = "b")]
                    a: String,
                    #[serde(skip)]
                    b: String,
                    #[serde(skip_deserializing)]
                    c: String,
                    #[serde(default)]
                    d: String,
                    #[model(key)]
                    e: Option<String>,
                    #[model(key, required)]
                    f: String,
                    #[model(nonsense)]
                    g: String,
                    #[serde(rename = "a")]
                    h: String,
                    #[model(add = with_i)]
                    i: Option<String>,
                    extra: Extra,
                }
            },
        )
        .err()
        .expect("refused");
        for expected in [
            "unknown #[model] argument `strict`",
            "remove the #[derive]",
            "#[serde(deny_unknown_fields)] is not supported",
            "#[serde(alias)] is not supported",
            "#[serde(skip)] is not supported",
            "#[serde(skip_deserializing)] is not supported",
            "#[serde(default)] is not supported",
            "an `Option` field may be absent",
            "at most one of `key` and `required`",
            "unknown #[model] field attribute `nonsense`",
            "`a` and `h` are both sent as the key `a`",
            "the field must be a `Vec<T>`",
            "adds the `extra` field",
        ] {
            assert!(
                errors.contains(expected),
                "missing {expected:?} in:\n{errors}"
            );
        }
    }

    #[test]
    fn shapes_other_structs() {
        for bad in [
            quote::quote!(
                struct M<T> {
                    a: T,
                }
            ),
            quote::quote!(
                struct M(String);
            ),
        ] {
            assert!(parse(TokenStream::new(), bad.clone()).is_err(), "{bad}");
        }
    }
}
