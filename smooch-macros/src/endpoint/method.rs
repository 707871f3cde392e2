//! The HTTP methods an endpoint may use, and what each allows.

use std::fmt;

/// An HTTP method of `#[endpoint(METHOD, ..)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl HttpMethod {
    pub const ALL: [HttpMethod; 5] = [
        HttpMethod::Get,
        HttpMethod::Post,
        HttpMethod::Put,
        HttpMethod::Patch,
        HttpMethod::Delete,
    ];

    /// The method named exactly `name` (`GET`, ...).
    pub fn parse(name: &str) -> Option<HttpMethod> {
        HttpMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == name)
    }

    /// The name, as written in the attribute and as the constant of `reqwest::Method`.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }

    /// Sending it twice has the effect of sending it once (RFC 9110 §9.2.2).
    pub fn is_idempotent(self) -> bool {
        matches!(self, HttpMethod::Get | HttpMethod::Put | HttpMethod::Delete)
    }

    /// A request of this method may carry a body.
    pub fn allows_body(self) -> bool {
        matches!(self, HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch)
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_rules() {
        for method in HttpMethod::ALL {
            assert_eq!(HttpMethod::parse(method.as_str()), Some(method));
        }
        assert_eq!(HttpMethod::parse("get"), None);
        assert_eq!(HttpMethod::parse("HEAD"), None);
        let idempotent: Vec<_> = HttpMethod::ALL
            .into_iter()
            .filter(|m| m.is_idempotent())
            .collect();
        assert_eq!(
            idempotent,
            [HttpMethod::Get, HttpMethod::Put, HttpMethod::Delete]
        );
        let bodies: Vec<_> = HttpMethod::ALL
            .into_iter()
            .filter(|m| m.allows_body())
            .collect();
        assert_eq!(
            bodies,
            [HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch]
        );
    }
}
