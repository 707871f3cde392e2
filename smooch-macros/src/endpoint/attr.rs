//! Parsing the attribute's arguments:
//! `METHOD, "template" [, body = ident] [, exclusive(a, b, ..)] [, idempotent]`.

use proc_macro2::{Span, TokenStream};
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Token};

use super::method::HttpMethod;
use crate::suggest::closest;

/// The arguments as written, before they are checked against the signature.
pub struct Args {
    pub method: HttpMethod,
    /// Where the method is written (errors about it point there).
    pub method_span: Span,
    pub template: LitStr,
    pub body: Option<Ident>,
    pub exclusive: Vec<Vec<Ident>>,
    /// `idempotent`: a POST or PATCH that may safely be sent twice (retried like a GET).
    pub idempotent: Option<Ident>,
}

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
        let mut exclusive = Vec::new();
        let mut idempotent = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: Ident = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected `body = <parameter>`, `exclusive(<a>, <b>)` or `idempotent`",
                )
            })?;
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
                "idempotent" => {
                    if idempotent.is_some() {
                        return Err(syn::Error::new(key.span(), "`idempotent` is given twice"));
                    }
                    idempotent = Some(key);
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
                    let hint = closest(other, ["body", "exclusive", "idempotent"])
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    return Err(syn::Error::new(
                        key.span(),
                        format!(
                            "unknown argument `{other}`: expected `body = <parameter>`, `exclusive(<a>, <b>)` or `idempotent`{hint}"
                        ),
                    ));
                }
            }
        }
        Ok(Args {
            method,
            method_span,
            template,
            body,
            exclusive,
            idempotent,
        })
    }
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
