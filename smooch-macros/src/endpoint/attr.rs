//! Parsing the attribute's arguments:
//! `METHOD, "template" [, body = ident | multipart(part, name = param, ..)] [, exclusive(a, b, ..)]
//! [, idempotent] [, removes] [, host = oauth] [, bearer = param] [, redirect] [, crate = path]`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Path, Token};

use super::method::HttpMethod;
use crate::suggest::closest;

/// The arguments as written, before they are checked against the signature.
pub struct Args {
    pub method: HttpMethod,
    /// Where the method is written (errors about it point there).
    pub method_span: Span,
    pub template: LitStr,
    pub body: Option<Ident>,
    /// `multipart(..)`: the parts of a `multipart/form-data` body, in order.
    pub multipart: Option<Multipart>,
    pub exclusive: Vec<Vec<Ident>>,
    /// `idempotent`: a POST or PATCH that may safely be sent twice (retried like a GET).
    pub idempotent: Option<Ident>,
    /// `removes`: a POST or PATCH that deletes something, as a DELETE does.
    pub removes: Option<Ident>,
    /// `host = oauth`: served on API v2's OAuth host, without the client's credentials.
    pub host: Option<Ident>,
    /// `bearer = param`: the parameter sent as `Authorization: Bearer` (OAuth endpoints).
    pub bearer: Option<Ident>,
    /// `redirect`: a redirect (3xx) is the answer, returned as `Redirect`, never followed.
    pub redirect: Option<Ident>,
    /// `crate = path`: where `smooch_client` is, when the dependency is renamed.
    pub krate: Option<Path>,
}

/// `multipart(part, name = param, ..)`, where it was written and its parts.
pub struct Multipart {
    pub keyword: Ident,
    pub parts: Vec<Part>,
}

/// One part of a multipart body: sent under `name`, from the parameter `param`.
pub struct Part {
    pub name: String,
    pub param: Ident,
}

/// The arguments after the path, for errors that list them.
const KNOWN: &str = "`body = <parameter>`, `multipart(<parameter>, ..)`, `exclusive(<a>, <b>)`, `idempotent`, `removes`, `host = oauth`, `bearer = <parameter>`, `redirect` or `crate = <path>`";

impl Args {
    /// Parses the attribute's tokens; a malformed argument list is one error.
    pub fn parse(tokens: TokenStream) -> syn::Result<Self> {
        if tokens.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                "expected the HTTP method and the path: #[endpoint(GET, \"/v1.1/apps/<app_id>\")]",
            ));
        }
        Parser::parse2(Self::parse_stream, tokens)
    }

    fn parse_stream(input: ParseStream) -> syn::Result<Self> {
        let (method, method_span) = parse_method(input)?;
        if input.is_empty() {
            return Err(input.error(format!(
                "expected the path after the method: #[endpoint({method}, \"/v1.1/apps/<app_id>\")]"
            )));
        }
        input.parse::<Token![,]>()?;
        let template: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the path as a string literal, e.g. \"/v1.1/apps/<app_id>\"",
            )
        })?;

        let mut body: Option<Ident> = None;
        let mut multipart: Option<Multipart> = None;
        let mut exclusive = Vec::new();
        let mut idempotent = None;
        let mut removes = None;
        let mut host: Option<Ident> = None;
        let mut bearer: Option<Ident> = None;
        let mut redirect = None;
        let mut krate: Option<Path> = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            // `crate` is a keyword: read it as any identifier.
            let key: Ident = input
                .call(<Ident as syn::ext::IdentExt>::parse_any)
                .map_err(|e| syn::Error::new(e.span(), format!("expected {KNOWN}")))?;
            match key.to_string().as_str() {
                "body" => {
                    input.parse::<Token![=]>().map_err(|e| {
                        syn::Error::new(e.span(), "expected `=`: write `body = <parameter>`")
                    })?;
                    let value: Ident = input.parse().map_err(|e| {
                        syn::Error::new(
                            e.span(),
                            "expected the body parameter's name: `body = message`",
                        )
                    })?;
                    if body.is_some() {
                        return Err(syn::Error::new(
                            key.span(),
                            "`body` is given twice: a request has one JSON body",
                        ));
                    }
                    body = Some(value);
                }
                "multipart" => {
                    if multipart.is_some() {
                        return Err(syn::Error::new(
                            key.span(),
                            "`multipart` is given twice: list every part in one `multipart(..)`",
                        ));
                    }
                    multipart = Some(parse_multipart(key, input)?);
                }
                "crate" => {
                    input.parse::<Token![=]>().map_err(|e| {
                        syn::Error::new(e.span(), "expected `=`: write `crate = smooch`")
                    })?;
                    krate = Some(input.parse::<Path>().map_err(|e| {
                        syn::Error::new(
                            e.span(),
                            "expected the path the crate is known by, e.g. `crate = smooch`",
                        )
                    })?);
                }
                "idempotent" => {
                    if idempotent.is_some() {
                        return Err(syn::Error::new(key.span(), "`idempotent` is given twice"));
                    }
                    idempotent = Some(key);
                }
                "removes" => {
                    if removes.is_some() {
                        return Err(syn::Error::new(key.span(), "`removes` is given twice"));
                    }
                    removes = Some(key);
                }
                "redirect" => {
                    if redirect.is_some() {
                        return Err(syn::Error::new(key.span(), "`redirect` is given twice"));
                    }
                    redirect = Some(key);
                }
                "host" | "bearer" => {
                    let example = if key == "host" {
                        "`host = oauth`"
                    } else {
                        "`bearer = access_token`"
                    };
                    input.parse::<Token![=]>().map_err(|e| {
                        syn::Error::new(e.span(), format!("expected `=`: write {example}"))
                    })?;
                    let value: Ident = input.parse().map_err(|e| {
                        syn::Error::new(e.span(), format!("expected a name: write {example}"))
                    })?;
                    let slot = if key == "host" {
                        &mut host
                    } else {
                        &mut bearer
                    };
                    if slot.is_some() {
                        return Err(syn::Error::new(
                            key.span(),
                            format!("`{key}` is given twice"),
                        ));
                    }
                    *slot = Some(value);
                }
                "exclusive" => {
                    let content;
                    syn::parenthesized!(content in input);
                    let names = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
                    if names.len() < 2 {
                        return Err(syn::Error::new(
                            key.span(),
                            "`exclusive(..)` names at least two query parameters, e.g. `exclusive(before, after)`",
                        ));
                    }
                    exclusive.push(names.into_iter().collect());
                }
                other => {
                    let hint = closest(
                        other,
                        [
                            "body",
                            "multipart",
                            "exclusive",
                            "idempotent",
                            "removes",
                            "host",
                            "bearer",
                            "redirect",
                            "crate",
                        ],
                    )
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown argument `{other}`: expected {KNOWN}{hint}"),
                    ));
                }
            }
        }
        Ok(Args {
            method,
            method_span,
            template,
            body,
            multipart,
            exclusive,
            idempotent,
            removes,
            host,
            bearer,
            redirect,
            krate,
        })
    }
}

/// `(part, name = param, "name" = param, ..)` after `multipart`.
fn parse_multipart(keyword: Ident, input: ParseStream) -> syn::Result<Multipart> {
    let content;
    syn::parenthesized!(content in input);
    let mut parts = Vec::new();
    while !content.is_empty() {
        let part = if content.peek(LitStr) {
            let name: LitStr = content.parse()?;
            content.parse::<Token![=]>()?;
            Part {
                name: name.value(),
                param: content.parse()?,
            }
        } else {
            let first: Ident = content.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a parameter, or `name = parameter`, e.g. `multipart(source = image, role)`",
                )
            })?;
            if content.peek(Token![=]) {
                content.parse::<Token![=]>()?;
                Part {
                    name: first.to_string(),
                    param: content.parse()?,
                }
            } else {
                Part {
                    name: first.to_string(),
                    param: first,
                }
            }
        };
        parts.push(part);
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    if parts.is_empty() {
        return Err(syn::Error::new(
            keyword.span(),
            "`multipart(..)` lists the parts, e.g. `multipart(source = image, role)`",
        ));
    }
    Ok(Multipart { keyword, parts })
}

fn parse_method(input: ParseStream) -> syn::Result<(HttpMethod, Span)> {
    let method: Ident = input.parse().map_err(|e| {
        syn::Error::new(
            e.span(),
            "expected the HTTP method first, e.g. #[endpoint(GET, \"/path\")]",
        )
    })?;
    let name = method.to_string();
    if let Some(known) = HttpMethod::parse(&name) {
        return Ok((known, method.span()));
    }
    let names = HttpMethod::ALL.map(HttpMethod::as_str);
    let upper = name.to_ascii_uppercase();
    let hint = match HttpMethod::parse(&upper) {
        Some(known) => format!("; did you mean `{known}`?"),
        None => closest(&upper, names)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default(),
    };
    Err(syn::Error::new(
        method.span(),
        format!(
            "unknown HTTP method `{name}`: expected one of {}{hint}",
            names.join(", ")
        ),
    ))
}
