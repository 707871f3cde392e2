//! Validation: attribute arguments + method signature -> a checked [`Endpoint`], or every error.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    FnArg, GenericArgument, Ident, LitStr, Pat, PathArguments, ReceiverKind, ReturnType, Safety,
    TraitItemFn, Type,
};

use super::attr::Args;
use super::method::HttpMethod;
use super::template::{self, Segment, Template};
use crate::suggest::closest;

/// Where a parameter's value goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Path,
    Query,
    Body,
    /// A part of a multipart body.
    Part,
    /// The OAuth access token sent as `Authorization: Bearer`.
    Bearer,
}

/// A checked parameter of the endpoint method.
pub struct Param {
    pub ident: Ident,
    pub ty: Type,
    pub role: Role,
}

/// A checked endpoint: everything code generation needs, nothing it must re-check.
pub struct Endpoint {
    pub method: HttpMethod,
    /// Where the method is written.
    pub method_span: Span,
    pub template: Template,
    pub params: Vec<Param>,
    pub exclusive: Vec<Vec<Ident>>,
    /// The parts of a multipart body, in order: `(part name, parameter)`.
    pub parts: Vec<(String, Ident)>,
    /// Where `smooch_client` is: `::smooch_client` unless `crate = path` says.
    pub krate: syn::Path,
    /// The route template as written, for tracing.
    pub route: String,
    /// Whether the request may be sent twice: GET, PUT, DELETE, or declared `idempotent` or
    /// `removes`.
    pub idempotent: bool,
    /// Whether the request deletes something: a DELETE, or declared `removes`.
    pub removes: bool,
    /// Declared `host = oauth`: sent to API v2's OAuth host without the client's credentials.
    pub oauth: bool,
    /// Declared `redirect`: a redirect is the answer.
    pub redirect: bool,
    /// The return type as the user wrote it (`Result<T>`).
    pub output: Type,
    /// `T` in `Result<T>`.
    pub success: Type,
}

impl Endpoint {
    /// `true` when the endpoint returns `Result<()>`: the success body is read and ignored.
    pub fn returns_unit(&self) -> bool {
        matches!(&self.success, Type::Tuple(tuple) if tuple.elems.is_empty())
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|p| p.ident == name)
    }
}

/// Collects errors so one pass reports all of them.
#[derive(Default)]
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }
}

/// Checks `args` against `item`; returns the model or every problem found.
pub fn validate(args: Args, item: &TraitItemFn) -> Result<Endpoint, syn::Error> {
    let mut errors = Errors::default();
    let sig = &item.sig;

    if sig.asyncness.is_none() {
        errors.at(
            sig.fn_token.span,
            "endpoint methods must be `async fn`: write `async fn name(&self, ..) -> Result<T>;`",
        );
    }
    if let Some(block) = &item.default {
        errors.at(
            block.span(),
            "remove the method body: #[endpoint] generates it from the method and path",
        );
    }
    if let Safety::Unsafe(token) = &sig.safety {
        errors.at(token.span, "endpoint methods cannot be `unsafe`");
    }
    if let Some(token) = &sig.constness {
        errors.at(token.span, "endpoint methods cannot be `const`");
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.at(
            sig.generics.span(),
            "endpoint methods cannot be generic: give every parameter a concrete type such as `&str`",
        );
    }

    let mut inputs = sig.inputs.iter().peekable();
    match inputs.peek() {
        Some(FnArg::Receiver(receiver))
            if matches!(receiver.kind, ReceiverKind::Reference(_, _, None))
                && receiver.mutability.is_none() => {}
        Some(FnArg::Receiver(receiver)) => errors.at(
            receiver.span(),
            "the first parameter of an endpoint method must be `&self`",
        ),
        Some(FnArg::Typed(arg)) => errors.at(
            arg.span(),
            "the first parameter of an endpoint method must be `&self`",
        ),
        None => errors.at(
            sig.ident.span(),
            "an endpoint method takes `&self` as its first parameter",
        ),
    }
    if matches!(inputs.peek(), Some(FnArg::Receiver(_))) {
        inputs.next();
    }

    let mut params = Vec::new();
    let mut params_ok = true;
    for input in inputs {
        let FnArg::Typed(arg) = input else { continue };
        match &*arg.pat {
            Pat::Ident(pat) if pat.by_ref.is_none() && pat.subpat.is_none() => params.push(Param {
                ident: pat.ident.clone(),
                ty: (*arg.ty).clone(),
                role: Role::Path,
            }),
            Pat::Wild(wild) => {
                params_ok = false;
                errors.at(
                    wild.span(),
                    "`_` cannot be bound to the request: name the parameter after its placeholder",
                );
            }
            other => {
                params_ok = false;
                errors.at(
                    other.span(),
                    "endpoint parameters must be plain names, e.g. `user_id: &str`; patterns cannot be bound to the request",
                );
            }
        }
    }

    let (output, success) = match result_type(&sig.output, sig.ident.span()) {
        Ok(types) => types,
        Err(error) => {
            errors.push(error);
            (syn::parse_quote!(()), syn::parse_quote!(()))
        }
    };

    let method = args.method;
    let template = check_template(&args.template, &mut errors);
    // Binding after a broken template or parameter would only repeat that error in other words.
    if let (Some(template), true) = (&template, params_ok) {
        bind(&args, template, &mut params, &mut errors);
    }

    if let Some(flag) = args.idempotent.as_ref().filter(|_| method.is_idempotent()) {
        let message = format!("a {method} request is idempotent already: remove `idempotent`");
        errors.at(flag.span(), message);
    }
    if let Some(flag) = args.removes.as_ref() {
        if method == HttpMethod::Delete {
            errors.at(
                flag.span(),
                "a DELETE request removes already: remove `removes`",
            );
        } else if method == HttpMethod::Get {
            errors.at(
                flag.span(),
                "a GET request cannot be declared `removes`: it is for a POST or PATCH that deletes something",
            );
        } else if let Some(also) = args.idempotent.as_ref() {
            errors.at(
                also.span(),
                "`removes` makes the call idempotent already: remove `idempotent`",
            );
        }
    }
    if let Some(host) = args.host.as_ref().filter(|host| *host != "oauth") {
        errors.at(
            host.span(),
            format!("unknown host `{host}`: the one other host is `host = oauth` (API v2's OAuth operations)"),
        );
    }
    if let (Some(bearer), None) = (&args.bearer, &args.host) {
        errors.at(
            bearer.span(),
            "`bearer` is for `host = oauth` endpoints: the API's host gets the client's credentials",
        );
    }
    if let Some(flag) = args.redirect.as_ref().filter(|_| method != HttpMethod::Get) {
        errors.at(
            flag.span(),
            format!("a {method} request cannot be declared `redirect`: it is for a GET whose answer is a redirect"),
        );
    }
    if let Some(body) = args.body.as_ref().filter(|_| !method.allows_body()) {
        errors.at(
            body.span(),
            format!("a {method} request has no body: remove `body = {body}`"),
        );
    }
    if let Some(multipart) = &args.multipart {
        if !method.allows_body() {
            errors.at(
                multipart.keyword.span(),
                format!("a {method} request has no body: remove `multipart(..)`"),
            );
        }
        if let Some(body) = &args.body {
            errors.at(
                body.span(),
                "a request has one body: send either `body = ..` (JSON) or `multipart(..)`",
            );
        }
        for (index, part) in multipart.parts.iter().enumerate() {
            if multipart.parts[..index].iter().any(|p| p.name == part.name) {
                errors.at(
                    part.param.span(),
                    format!("the multipart part `{}` is named twice", part.name),
                );
            }
        }
    }

    match errors.0 {
        Some(error) => Err(error),
        None => Ok(Endpoint {
            method,
            method_span: args.method_span,
            template: template.unwrap_or_default(),
            params,
            exclusive: args.exclusive,
            parts: args
                .multipart
                .map(|m| m.parts.into_iter().map(|p| (p.name, p.param)).collect())
                .unwrap_or_default(),
            krate: args
                .krate
                .unwrap_or_else(|| syn::parse_quote!(::smooch_client)),
            route: args.template.value(),
            idempotent: args.idempotent.is_some()
                || args.removes.is_some()
                || method.is_idempotent(),
            removes: args.removes.is_some() || method == HttpMethod::Delete,
            oauth: args.host.is_some(),
            redirect: args.redirect.is_some(),
            output,
            success,
        }),
    }
}

/// Parses the template; its errors cover the whole literal (a span cannot point inside it).
fn check_template(literal: &LitStr, errors: &mut Errors) -> Option<Template> {
    match template::parse(&literal.value()) {
        Ok(template) => Some(template),
        Err(problems) => {
            for problem in problems {
                errors.at(literal.span(), problem.message);
            }
            None
        }
    }
}

/// Gives each parameter its role, and reports placeholders and parameters that do not meet.
fn bind(args: &Args, template: &Template, params: &mut [Param], errors: &mut Errors) {
    let names: Vec<String> = params.iter().map(|p| p.ident.to_string()).collect();
    let listing = if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    };

    let mut used = vec![false; params.len()];
    let mut any_unmatched = false;
    let mut claim =
        |name: &str, role: Role, span: Span, what: &str, errors: &mut Errors| match names
            .iter()
            .position(|n| n == name)
        {
            Some(index) if used[index] => errors.at(
                span,
                format!(
                    "parameter `{name}` is used twice: as {what} and as {}",
                    describe(params[index].role)
                ),
            ),
            Some(index) => {
                used[index] = true;
                params[index].role = role;
            }
            None => {
                any_unmatched = true;
                let hint = closest(name, names.iter())
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                errors.at(
                    span,
                    format!("{what} has no matching parameter; parameters are: {listing}{hint}"),
                );
            }
        };

    for segment in &template.segments {
        if let Segment::Param(p) = segment {
            let what = format!("placeholder `<{}>`", p.name);
            claim(&p.name, Role::Path, args.template.span(), &what, errors);
        }
    }
    for p in &template.query {
        let what = format!("query placeholder `<{}>`", p.placeholder.name);
        claim(
            &p.placeholder.name,
            Role::Query,
            args.template.span(),
            &what,
            errors,
        );
    }
    if let Some(body) = &args.body {
        claim(
            &body.to_string(),
            Role::Body,
            body.span(),
            &format!("`body = {body}`"),
            errors,
        );
    }
    if let Some(bearer) = &args.bearer {
        claim(
            &bearer.to_string(),
            Role::Bearer,
            bearer.span(),
            &format!("`bearer = {bearer}`"),
            errors,
        );
    }
    for part in args.multipart.iter().flat_map(|m| &m.parts) {
        let param = &part.param;
        claim(
            &param.to_string(),
            Role::Part,
            param.span(),
            &format!("the multipart part `{}`", part.name),
            errors,
        );
    }

    // An unmatched placeholder and an unused parameter are usually one typo: report it once.
    for (param, used) in params.iter().zip(used) {
        if !used && !any_unmatched {
            let name = &param.ident;
            errors.at(
                name.span(),
                format!(
                    "parameter `{name}` is not used by the request: put it in the path as `<{name}>`, \
                     in the query as `?<{name}>`, or send it as the body (`body = {name}`) or a multipart part (`multipart({name})`)"
                ),
            );
        }
    }

    for group in &args.exclusive {
        for (index, name) in group.iter().enumerate() {
            if group[..index].contains(name) {
                errors.at(
                    name.span(),
                    format!("`{name}` is named twice in `exclusive`"),
                );
                continue;
            }
            let spread = template
                .query
                .iter()
                .any(|p| p.spread && name == &p.placeholder.name);
            let is_query = template.query.iter().any(|p| name == &p.placeholder.name);
            if spread {
                errors.at(
                    name.span(),
                    format!("`{name}` writes its own keys (`<{name}..>`): `exclusive` names single query values"),
                );
            } else if !is_query {
                errors.at(
                    name.span(),
                    format!("`exclusive` names query parameters, and `{name}` is not one: add `?<{name}>` to the path"),
                );
            }
        }
    }
}

fn describe(role: Role) -> &'static str {
    match role {
        Role::Path => "a path placeholder",
        Role::Query => "a query placeholder",
        Role::Body => "the body",
        Role::Part => "a multipart part",
        Role::Bearer => "the bearer token",
    }
}

/// `-> Result<T>` or `-> Result<T, E>`: returns the whole type and `T`.
fn result_type(output: &ReturnType, name: Span) -> syn::Result<(Type, Type)> {
    const EXPECTED: &str = "endpoint methods return `Result<T>` (smooch_client::Result), where T is the decoded success body or `()`";
    let ty = match output {
        ReturnType::Default => {
            return Err(syn::Error::new(
                name,
                format!("missing return type: {EXPECTED}"),
            ));
        }
        ReturnType::Type(_, ty) => ty,
    };
    let success = match &**ty {
        Type::Path(path) if path.qself.is_none() => {
            path.path
                .segments
                .last()
                .and_then(|last| match &last.arguments {
                    PathArguments::AngleBracketed(generic) if last.ident == "Result" => {
                        match generic.args.first() {
                            Some(GenericArgument::Type(success)) if generic.args.len() <= 2 => {
                                Some(success.clone())
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                })
        }
        _ => None,
    };
    match success {
        Some(success) => Ok(((**ty).clone(), success)),
        None => Err(syn::Error::new(ty.span(), EXPECTED)),
    }
}
