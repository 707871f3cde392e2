//! [`Route`]: an endpoint's method and path template, as its `#[endpoint]` declares them.

use std::fmt;

use reqwest::Method;

/// An endpoint's operation, method and path template, exactly as its `#[endpoint]` line
/// declares them: every endpoint trait has one per operation, named after it in capitals
/// (`ConversationApi::POST_MESSAGE`), so the route is written once and everything else (the
/// docs, the fake server's router, your own routing or metrics) reads it from there.
///
/// ```
/// use smooch_client::{Client, ConversationApi, Route};
///
/// let route: Route = <Client as ConversationApi>::POST_MESSAGE;
/// assert_eq!(route.operation(), "post_message");
/// assert_eq!(route.method(), &smooch_client::Method::POST);
/// assert_eq!(route.template(), "/v1.1/apps/<app_id>/appusers/<user_id>/messages");
/// assert_eq!(route.to_string(), "POST /v1.1/apps/<app_id>/appusers/<user_id>/messages");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    operation: &'static str,
    method: Method,
    template: &'static str,
}

impl Route {
    /// A route (what `#[endpoint]` writes).
    pub const fn new(operation: &'static str, method: Method, template: &'static str) -> Self {
        Route {
            operation,
            method,
            template,
        }
    }

    /// The operation, the endpoint method's name: `post_message`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The template as declared, query included:
    /// `/v1.1/apps/<app_id>/appusers/<user_id>/messages?<at..>`.
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// The path part of the template (without the query):
    /// `/v1.1/apps/<app_id>/appusers/<user_id>/messages`.
    pub fn path(&self) -> &'static str {
        self.template
            .split_once('?')
            .map_or(self.template, |(path, _)| path)
    }

    /// The names of the path's placeholders, in order: `app_id`, `user_id`.
    pub fn placeholders(&self) -> impl Iterator<Item = &'static str> {
        self.path()
            .split('/')
            .filter_map(|segment| segment.strip_prefix('<')?.strip_suffix('>'))
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_and_placeholders_come_from_the_template() {
        let route = Route::new(
            "get_messages",
            Method::GET,
            "/v1.1/apps/<app_id>/appusers/<user_id>/messages?<at..>",
        );
        assert_eq!(
            route.path(),
            "/v1.1/apps/<app_id>/appusers/<user_id>/messages"
        );
        assert_eq!(
            route.placeholders().collect::<Vec<_>>(),
            ["app_id", "user_id"]
        );
        assert_eq!(
            route.to_string(),
            "GET /v1.1/apps/<app_id>/appusers/<user_id>/messages"
        );
        let root = Route::new("list_apps", Method::GET, "/v1.1/apps");
        assert_eq!(root.path(), "/v1.1/apps");
        assert_eq!(root.placeholders().count(), 0);
    }
}
