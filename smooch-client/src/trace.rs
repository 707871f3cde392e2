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
/// with its method and route. When no subscriber wants it, the span is disabled, as
/// `info_span!` makes it: it keeps its metadata and records its fields (which tracing's `log`
/// feature, when on, writes as a log record).
pub(crate) fn span(callsite: &'static DefaultCallsite, endpoint: &Endpoint) -> Span {
    let meta = callsite.metadata();
    let fields = meta.fields();
    let mut names = fields.iter();
    let (Some(method), Some(route)) = (names.next(), names.next()) else {
        return Span::new_disabled(meta);
    };
    let method_value = endpoint.method.as_str();
    let route_value: &str = &endpoint.route;
    let values = [
        (&method, Some(&method_value as &dyn Value)),
        (&route, Some(&route_value as &dyn Value)),
    ];
    let values = fields.value_set(&values);
    if enabled(callsite) {
        Span::new(meta, &values)
    } else {
        let span = Span::new_disabled(meta);
        span.record_all(&values);
        span
    }
}

/// Whether a subscriber wants spans at `callsite`: the checks `info_span!` makes.
fn enabled(callsite: &'static DefaultCallsite) -> bool {
    if LEVEL > STATIC_MAX_LEVEL || LEVEL > LevelFilter::current() {
        return false;
    }
    let interest = callsite.interest();
    !interest.is_never()
        && (interest.is_always()
            || tracing::dispatcher::get_default(|d| d.enabled(callsite.metadata())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Host;
    use reqwest::Method;
    use std::borrow::Cow;

    static GET: Endpoint = Endpoint {
        method: Method::GET,
        operation: Cow::Borrowed("get_thing"),
        route: Cow::Borrowed("/v1.1/things/<id>"),
        idempotent: true,
        removes: false,
        host: Host::Api,
        redirect: false,
    };

    #[test]
    fn without_a_subscriber_the_span_is_disabled_and_keeps_its_callsite() {
        let span = span(crate::__private::callsite!("get_thing"), &GET);
        assert!(span.is_disabled());
        let meta = span.metadata().expect("a disabled span keeps its metadata");
        assert_eq!(meta.name(), "get_thing");
        assert_eq!(*meta.level(), LEVEL);
        let names: Vec<&str> = meta.fields().iter().map(|f| f.name()).collect();
        assert_eq!(names, FIELDS);
    }
}
