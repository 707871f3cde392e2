//! Code generation from a checked [`Endpoint`], and the entry that ties the passes together.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Ident, TraitItemFn};

use super::attr::Args;
use super::fallback;
use super::model::{self, Endpoint, Role};
use super::template::Segment;

/// Expands `#[endpoint(args)] item`; on any error, the errors plus a stub of the method.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let method: TraitItemFn = match syn::parse2(item.clone()) {
        Ok(method) => method,
        Err(_) => {
            let error = syn::Error::new(
                Span::call_site(),
                "#[endpoint] goes on a method of a trait: `async fn name(&self, ..) -> Result<T>;`",
            );
            return fallback::unparsed(error, item);
        }
    };
    match Args::parse(args).and_then(|args| model::validate(args, &method)) {
        Ok(endpoint) => generate(&endpoint, &method),
        Err(error) => fallback::stub(error, &method),
    }
}

/// The method with its body: build the request eagerly, then hand it to the transport.
fn generate(endpoint: &Endpoint, item: &TraitItemFn) -> TokenStream {
    let client = Ident::new("__smooch_client", Span::mixed_site());
    let request = Ident::new("__smooch_request", Span::mixed_site());
    let krate = &endpoint.krate;
    let private = quote!(#krate::__private);

    let mut sig = item.sig.clone();
    sig.asyncness = None;
    let output = &endpoint.output;
    sig.output = syn::parse_quote_spanned! {output.span()=>
        -> impl ::core::future::Future<Output = #output> + ::core::marker::Send + use<Self>
    };
    sig.generics.where_clause = Some(syn::parse_quote! {
        where Self: #krate::AsClient
    });

    let method = Ident::new(endpoint.method.as_str(), endpoint.method_span);
    let operation = sig.ident.to_string();

    let mut steps = Vec::new();
    let mut literal = String::new();
    for segment in &endpoint.template.segments {
        literal.push('/');
        match segment {
            Segment::Literal(text) => literal.push_str(text),
            Segment::Param(placeholder) => {
                steps.push(quote!(#request.literal(#literal);));
                literal.clear();
                let param = endpoint.param(&placeholder.name).expect("validated");
                let (ident, name) = (&param.ident, &placeholder.name);
                steps.push(quote_spanned!(param.ty.span()=> #request.segment(#name, &#ident);));
            }
        }
    }
    if !literal.is_empty() {
        steps.push(quote!(#request.literal(#literal);));
    }
    for group in &endpoint.exclusive {
        let pairs = group.iter().map(|ident| {
            let name = ident.to_string();
            quote!((#name, #private::QueryValue::is_set(&#ident)))
        });
        steps.push(quote!(#request.exclusive(&[#(#pairs),*]);));
    }
    for query in &endpoint.template.query {
        let param = endpoint.param(&query.placeholder.name).expect("validated");
        let (ident, key, name) = (&param.ident, &query.key, &query.placeholder.name);
        steps.push(if query.spread {
            quote_spanned!(param.ty.span()=> #request.query_params(&#ident);)
        } else {
            quote_spanned!(param.ty.span()=> #request.query(#name, #key, &#ident);)
        });
    }
    if let Some(body) = endpoint.params.iter().find(|p| p.role == Role::Body) {
        let ident = &body.ident;
        let name = ident.to_string();
        steps.push(quote_spanned!(body.ty.span()=> #request.json(#name, &#ident);));
    }
    if let Some(bearer) = endpoint.params.iter().find(|p| p.role == Role::Bearer) {
        let ident = &bearer.ident;
        let name = ident.to_string();
        steps.push(quote_spanned!(bearer.ty.span()=> #request.bearer(#name, &#ident);));
    }
    for (part, ident) in &endpoint.parts {
        let param = endpoint.param(&ident.to_string()).expect("validated");
        steps.push(quote_spanned!(param.ty.span()=> #request.part(#part, &#ident);));
    }

    // A removal's result must say "already gone" (`Removal`): the bound is checked where the
    // user wrote the type, once.
    let success = &endpoint.success;
    let send = if endpoint.redirect {
        quote_spanned!(success.span()=> #private::send_redirect(#request))
    } else if endpoint.returns_unit() {
        quote_spanned!(success.span()=> #private::send_empty(#request))
    } else if endpoint.removes {
        quote_spanned! {success.span()=>
            #private::send_removal::<#success>(#request, <#success as #krate::Removal>::already_gone)
        }
    } else {
        quote_spanned!(success.span()=> #private::send::<#success>(#request))
    };

    let (route, idempotent, removes) = (&endpoint.route, endpoint.idempotent, endpoint.removes);
    let host = if endpoint.oauth {
        quote!(OAuth)
    } else {
        quote!(Api)
    };
    let redirect = endpoint.redirect;
    let method_name = endpoint.method.as_str();
    let attrs = &item.attrs;
    let descriptor = Ident::new("__SMOOCH_ENDPOINT", Span::mixed_site());
    // The route, written once in the attribute, is a constant of the trait and the last line
    // of the method's documentation.
    let constant = Ident::new(&operation.to_uppercase(), sig.ident.span());
    let constant_doc =
        format!("The route of [`{operation}`](Self::{operation}): `{method_name} {route}`.");
    let route_doc = format!("`{method_name} {route}`");
    quote! {
        #[doc = #constant_doc]
        const #constant: #krate::Route = #krate::Route::new(#operation, #private::Method::#method, #route);

        #(#attrs)*
        #[doc = ""]
        #[doc = #route_doc]
        #sig {
            static #descriptor: #private::Endpoint = #private::Endpoint {
                method: #private::Method::#method,
                operation: #private::Cow::Borrowed(#operation),
                route: #private::Cow::Borrowed(#route),
                idempotent: #idempotent,
                removes: #removes,
                host: #krate::Host::#host,
                redirect: #redirect,
            };
            let #client: &#krate::Client = <Self as #krate::AsClient>::as_client(self);
            #[allow(unused_mut)]
            let mut #request = #private::Request::new(
                #client,
                &#descriptor,
                #private::callsite!(#operation),
            );
            #(#steps)*
            #send
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(args: TokenStream, item: TokenStream) -> String {
        expand(args, item).to_string()
    }

    #[test]
    fn generates_path_query_and_body_steps_in_order() {
        let out = expand_str(
            quote!(
                GET,
                "/v1.1/apps/<app_id>/appusers/<user_id>/messages?<before>&<after>",
                exclusive(before, after)
            ),
            quote!(
                async fn get_messages(
                    &self,
                    app_id: &str,
                    user_id: &str,
                    before: Option<f64>,
                    after: Option<f64>,
                ) -> Result<GetMessagesResponse>;
            ),
        );
        assert!(!out.contains("compile_error"), "{out}");
        let order = [
            "literal (\"/v1.1/apps/\")",
            "segment (\"app_id\" , & app_id)",
            "literal (\"/appusers/\")",
            "segment (\"user_id\" , & user_id)",
            "literal (\"/messages\")",
            "exclusive",
            "query (\"before\" , \"before\" , & before)",
            "query (\"after\" , \"after\" , & after)",
            "send :: < GetMessagesResponse >",
        ];
        let mut from = 0;
        for step in order {
            let at = out[from..]
                .find(step)
                .unwrap_or_else(|| panic!("missing `{step}` after {from} in {out}"));
            from += at + step.len();
        }
        assert!(out.contains("Method :: GET"), "{out}");
        assert!(out.contains("use < Self >"), "{out}");
        assert!(!out.contains("async fn"), "{out}");
    }

    #[test]
    fn unit_results_ignore_the_body_and_bodies_are_serialized() {
        let out = expand_str(
            quote!(DELETE, "/a/<id>"),
            quote!(
                async fn delete(&self, id: &str) -> Result<()>;
            ),
        );
        assert!(out.contains("send_empty"), "{out}");
        // A removal with a typed result must be able to say "already gone".
        for (args, item) in [
            (
                quote!(DELETE, "/a/<id>"),
                quote!(
                    async fn delete(&self, id: &str) -> Result<Option<Menu>>;
                ),
            ),
            (
                quote!(POST, "/a/<id>", removes),
                quote!(
                    async fn remove(&self, id: &str) -> Result<Option<Menu>>;
                ),
            ),
        ] {
            let out = expand_str(args, item);
            assert!(
                out.contains("send_removal :: < Option < Menu > > (__smooch_request , < Option < Menu > as :: smooch_client :: Removal > :: already_gone)"),
                "{out}"
            );
        }
        let out = expand_str(
            quote!(GET, "/a/<id>"),
            quote!(
                async fn get(&self, id: &str) -> Result<Option<Menu>>;
            ),
        );
        assert!(out.contains("send :: < Option < Menu > >"), "{out}");
        let out = expand_str(
            quote!(POST, "/a/<id>", body = message),
            quote!(
                async fn post(&self, id: &str, message: &MessagePost) -> Result<MessageResponse>;
            ),
        );
        assert!(out.contains("json (\"message\" , & message)"), "{out}");
    }

    #[test]
    fn keeps_docs_and_adds_the_client_bound() {
        let out = expand_str(
            quote!(GET, "/"),
            quote!(
                #[doc = "Docs."]
                async fn root(&self) -> Result<()>;
            ),
        );
        // The route is a constant of the trait, and the last line of the method's docs.
        assert!(
            out.starts_with("# [doc = \"The route of [`root`](Self::root): `GET /`.\"]"),
            "{out}"
        );
        assert!(
            out.contains("const ROOT : :: smooch_client :: Route"),
            "{out}"
        );
        assert!(
            out.contains("# [doc = \"Docs.\"] # [doc = \"\"] # [doc = \"`GET /`\"] fn root"),
            "{out}"
        );
        assert!(
            out.contains("where Self : :: smooch_client :: AsClient"),
            "{out}"
        );
    }

    #[test]
    fn the_crate_path_can_be_named() {
        let out = expand_str(
            quote!(
                POST,
                "/a/<id>?key=<value>",
                multipart(file = upload),
                crate = smooch
            ),
            quote!(
                async fn post(&self, id: &str, value: u32, upload: &Upload) -> Result<()>;
            ),
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(!out.contains("smooch_client ::"), "{out}");
        assert!(
            out.contains("smooch :: __private :: Request :: new"),
            "{out}"
        );
        assert!(out.contains("where Self : smooch :: AsClient"), "{out}");
        assert!(
            out.contains("query (\"value\" , \"key\" , & value)"),
            "{out}"
        );
        assert!(out.contains("part (\"file\" , & upload)"), "{out}");
    }

    #[test]
    fn errors_come_with_a_stub_of_the_method() {
        let out = expand_str(
            quote!(GET, "/a/<usr_id>"),
            quote!(
                async fn get(&self, user_id: &str) -> Result<()>;
            ),
        );
        assert!(out.contains("compile_error"), "{out}");
        assert!(out.contains("placeholder `<usr_id>` has no matching parameter; parameters are: user_id; did you mean `user_id`?"), "{out}");
        assert!(out.contains("unimplemented"), "{out}");
    }

    /// Every misuse the validation refuses, each with the words its message must hold (the UI
    /// tests show the full text and where it points; these run with the unit tests).
    #[test]
    fn misuse_is_refused_naming_the_problem() {
        let cases = [
            (
                quote!(GET, "/a"),
                quote!(
                    async fn get(&self) -> Result<()>
                    where
                        Self: Sized;
                ),
                "cannot be generic",
            ),
            (
                quote!(GET, "/a"),
                quote!(
                    async fn get<T>(&self) -> Result<()>;
                ),
                "cannot be generic",
            ),
            (
                quote!(GET, "/a/<id>"),
                quote!(
                    async fn get(&self, ref id: &str) -> Result<()>;
                ),
                "must be plain names",
            ),
            (
                quote!(GET, "/a/<id>"),
                quote!(
                    async fn get(&self, id @ _: &str) -> Result<()>;
                ),
                "must be plain names",
            ),
            (
                quote!(POST, "/a/<id>", body = id),
                quote!(
                    async fn post(&self, id: &str) -> Result<()>;
                ),
                "parameter `id` is used twice: as `body = id` and as a path placeholder",
            ),
            (
                quote!(POST, "/a?<id>", multipart(id)),
                quote!(
                    async fn post(&self, id: &str) -> Result<()>;
                ),
                "parameter `id` is used twice: as the multipart part `id` and as a query placeholder",
            ),
            (
                quote!(GET, "/a/<id>", exclusive(id, other)),
                quote!(
                    async fn get(&self, id: &str, other: &str) -> Result<()>;
                ),
                "`exclusive` names query parameters, and `id` is not one",
            ),
            (
                quote!(GET, "/a"),
                quote!(
                    async fn get(&self) -> <X as Y>::Result<()>;
                ),
                "endpoint methods return `Result<T>`",
            ),
            (
                quote!(GET, "/a"),
                quote!(
                    async fn get(&self) -> Option<()>;
                ),
                "endpoint methods return `Result<T>`",
            ),
            (
                quote!(GET, "/a"),
                quote!(
                    async fn get(&self) -> Result<(), E, F>;
                ),
                "endpoint methods return `Result<T>`",
            ),
            (
                quote!(GET, "/a/./b"),
                quote!(
                    async fn get(&self) -> Result<()>;
                ),
                "`.` is a dot segment",
            ),
            (
                quote!(GET, "/a", idempotent),
                quote!(
                    async fn get(&self) -> Result<()>;
                ),
                "a GET request is idempotent already",
            ),
            (
                quote!(DELETE, "/a", removes),
                quote!(
                    async fn delete(&self) -> Result<()>;
                ),
                "a DELETE request removes already",
            ),
            (
                quote!(GET, "/a", removes),
                quote!(
                    async fn get(&self) -> Result<()>;
                ),
                "a GET request cannot be declared `removes`",
            ),
            (
                quote!(POST, "/a", removes, idempotent),
                quote!(
                    async fn post(&self) -> Result<()>;
                ),
                "`removes` makes the call idempotent already",
            ),
            (
                quote!(DELETE, "/a", body = b),
                quote!(
                    async fn delete(&self, b: &str) -> Result<()>;
                ),
                "a DELETE request has no body",
            ),
        ];
        for (args, item, expected) in cases {
            let out = expand_str(args.clone(), item.clone());
            assert!(
                out.contains("compile_error") && out.contains(expected),
                "`{args}` on `{item}` should be refused with {expected:?}:\n{out}"
            );
        }
    }

    /// The receiver and the qualifiers as syn parses them: `&self` is the only receiver, and
    /// `unsafe` or `const` is refused.
    #[test]
    fn only_a_shared_self_receiver_and_no_qualifier_pass() {
        let ok = expand_str(
            quote!(GET, "/a"),
            quote!(
                async fn get(&self) -> Result<()>;
            ),
        );
        assert!(!ok.contains("compile_error"), "{ok}");
        let receivers = [
            quote!(&mut self),
            quote!(self),
            quote!(mut self),
            quote!(self: &Self),
            quote!(self: Box<Self>),
        ];
        for receiver in receivers {
            let item = quote!(async fn get(#receiver) -> Result<()>;);
            let out = expand_str(quote!(GET, "/a"), item.clone());
            assert!(
                out.contains("compile_error") && out.contains("must be `&self`"),
                "`{item}` should be refused:\n{out}"
            );
        }
        let qualified = [
            (
                quote!(
                    async unsafe fn get(&self) -> Result<()>;
                ),
                "cannot be `unsafe`",
            ),
            (
                quote!(
                    const async fn get(&self) -> Result<()>;
                ),
                "cannot be `const`",
            ),
        ];
        for (item, expected) in qualified {
            let out = expand_str(quote!(GET, "/a"), item.clone());
            assert!(
                out.contains("compile_error") && out.contains(expected),
                "`{item}` should be refused with {expected:?}:\n{out}"
            );
        }
    }

    #[test]
    fn a_mistyped_placeholder_is_one_error_not_two() {
        let out = expand_str(
            quote!(GET, "/a/<usr_id>"),
            quote!(
                async fn get(&self, user_id: &str) -> Result<()>;
            ),
        );
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(!out.contains("is not used by the request"), "{out}");
    }

    #[test]
    fn deletes_and_declared_removals_remove_and_are_idempotent() {
        let flags = |args: TokenStream, item: TokenStream| {
            let out = expand_str(args, item);
            assert!(!out.contains("compile_error"), "{out}");
            (
                out.contains("removes : true"),
                out.contains("idempotent : true"),
            )
        };
        let post = quote!(
            async fn post(&self) -> Result<()>;
        );
        assert_eq!(flags(quote!(POST, "/a"), post.clone()), (false, false));
        assert_eq!(
            flags(quote!(POST, "/a", removes), post.clone()),
            (true, true)
        );
        assert_eq!(flags(quote!(PATCH, "/a", removes), post), (true, true));
        let delete = quote!(
            async fn delete(&self) -> Result<()>;
        );
        assert_eq!(flags(quote!(DELETE, "/a"), delete), (true, true));
        let get = quote!(
            async fn get(&self) -> Result<()>;
        );
        assert_eq!(flags(quote!(GET, "/a"), get), (false, true));
    }

    #[test]
    fn valid_shapes_are_accepted_and_idempotence_follows_the_method() {
        let idempotent = |args: TokenStream, item: TokenStream| {
            let out = expand_str(args, item);
            assert!(!out.contains("compile_error"), "{out}");
            out.contains("idempotent : true")
        };
        assert!(!idempotent(
            quote!(POST, "/a"),
            quote!(
                async fn post(&self) -> Result<()>;
            )
        ));
        assert!(idempotent(
            quote!(POST, "/a", idempotent),
            quote!(
                async fn post(&self) -> Result<()>;
            )
        ));
        assert!(idempotent(
            quote!(GET, "/a"),
            quote!(
                async fn get(&self) -> Result<()>;
            )
        ));
        assert!(idempotent(
            quote!(PUT, "/a"),
            quote!(
                async fn put(&self) -> Result<()>;
            )
        ));
        assert!(idempotent(
            quote!(DELETE, "/a"),
            quote!(
                async fn delete(&self) -> Result<()>;
            )
        ));
        assert!(!idempotent(
            quote!(PATCH, "/a"),
            quote!(
                async fn patch(&self) -> Result<()>;
            )
        ));
        // A query parameter may be exclusive; `Result<T, E>` is a result too.
        let out = expand_str(
            quote!(GET, "/a?<x>&<y>", exclusive(x, y)),
            quote!(
                async fn get(&self, x: Option<u8>, y: Option<u8>) -> Result<u8, Error>;
            ),
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(out.contains("exclusive"), "{out}");
        // Parts of different names.
        let out = expand_str(
            quote!(POST, "/a", multipart(source = image, role)),
            quote!(
                async fn post(&self, image: &Upload, role: Role) -> Result<()>;
            ),
        );
        assert!(!out.contains("compile_error"), "{out}");
        assert!(
            out.contains("part (\"source\" , & image)") && out.contains("part (\"role\" , & role)"),
            "{out}"
        );
    }

    #[test]
    fn reports_every_error_at_once() {
        let out = expand_str(
            quote!(GET, "/a/<x>?<y>", body = b),
            quote!(
                fn get(&mut self, x: &str, b: u8, y: u8, unused: u8) -> Result<()>;
            ),
        );
        for message in [
            "must be `async fn`",
            "must be `&self`",
            "has no body",
            "parameter `unused` is not used",
        ] {
            assert!(out.contains(message), "missing {message}: {out}");
        }
    }
}
