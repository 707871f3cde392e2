//! The span of each declared call: a callsite per endpoint, which is static data (its name
//! is the operation), and one function that opens a span at it.
//!
//! `tracing::info_span!` would write the enabled check, the field lookups and the span's
//! construction into every endpoint's method, once per endpoint; here they are written once.

use tracing::callsite::{Callsite, DefaultCallsite};
use tracing::field::Value;
use tracing::level_filters::{LevelFilter, STATIC_MAX_LEVEL};
use tracing::{Level, Span};

use crate::request::Endpoint;

/// The fields of a call's span, in order: the method and route it is opened with, the status
/// and attempts recorded when the call is over.
pub const FIELDS: &[&str] = &["method", "route", "status", "attempts"];

/// The level of a call's span.
pub const LEVEL: Level = Level::INFO;

/// A callsite for the spans of the operation `$name`, declared where the macro is used (its
/// module is the spans' target): what `#[endpoint]` writes for each endpoint.
#[doc(hidden)]
#[macro_export]
macro_rules! __callsite {
    ($name:expr) => {{
        static META: $crate::__private::tracing::Metadata<'static> =
            $crate::__private::tracing::Metadata::new(
                $name,
                ::core::module_path!(),
                $crate::__private::SPAN_LEVEL,
                ::core::option::Option::Some(::core::file!()),
                ::core::option::Option::Some(::core::line!()),
                ::core::option::Option::Some(::core::module_path!()),
                $crate::__private::tracing::field::FieldSet::new(
                    $crate::__private::SPAN_FIELDS,
                    $crate::__private::tracing::callsite::Identifier(&CALLSITE),
                ),
                $crate::__private::tracing::metadata::Kind::SPAN,
            );
        static CALLSITE: $crate::__private::tracing::callsite::DefaultCallsite =
            $crate::__private::tracing::callsite::DefaultCallsite::new(&META);
        &CALLSITE
    }};
}

/// Opens the span of a call to `endpoint` at `callsite` (one declared by [`__callsite!`]),
/// with its method and route; a disabled span when no subscriber wants it.
pub(crate) fn span(callsite: &'static DefaultCallsite, endpoint: &Endpoint) -> Span {
    if LEVEL > STATIC_MAX_LEVEL || LEVEL > LevelFilter::current() {
        return Span::none();
    }
    let interest = callsite.interest();
    if interest.is_never() {
        return Span::none();
    }
    let meta = callsite.metadata();
    if !interest.is_always() && !tracing::dispatcher::get_default(|d| d.enabled(meta)) {
        return Span::none();
    }
    let fields = meta.fields();
    let mut names = fields.iter();
    let (Some(method), Some(route)) = (names.next(), names.next()) else {
        return Span::none();
    };
    let method_value = endpoint.method.as_str();
    let route_value: &str = &endpoint.route;
    Span::new(
        meta,
        &fields.value_set(&[
            (&method, Some(&method_value as &dyn Value)),
            (&route, Some(&route_value as &dyn Value)),
        ]),
    )
}
