//! The route template parser: `&str -> Template`, pure and independent of syn.
//!
//! Grammar (errors quote the piece they are about: on stable Rust a compile error cannot point
//! inside the string literal, so the message must say where):
//!
//! ```text
//! template    = "/" [ segment *( "/" segment ) ] [ "?" query ]
//! segment     = literal / "<" name ">"          ; a placeholder is a whole segment
//! query       = item *( "&" item )
//! item        = [ key "=" ] "<" name ">"        ; the key is the name unless given
//!             / "<" name "..>"                  ; a value that writes its own keys
//! literal     = 1*( unreserved / sub-delims / ":" / "@" ), not "." or ".."
//! key         = 1*( any visible ASCII but "&" "=" "<" ">" "#" "%" )
//!                                               ; e.g. `serviceAccountId`, `page[after]`,
//!                                               ; `filter[identities.email]`
//! name        = a Rust identifier (snake_case by convention)
//! ```
//!
//! A query key is written as the API names it and percent-encoded when sent (`page[after]`
//! goes out as `page%5Bafter%5D`, as RFC 3986 asks of `[` and `]` in a query).

/// One piece of the path, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text sent as written, e.g. `v1.1`.
    Literal(String),
    /// `<name>`: the value of the parameter `name`, percent-encoded as one segment.
    Param(Placeholder),
}

/// A `<name>` in the path or the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub name: String,
}

/// `key=<name>` (or `<name>`, whose key is `name`) in the query, or `<name..>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryParam {
    /// The key sent, e.g. `serviceAccountId` (empty for a spread).
    pub key: String,
    pub placeholder: Placeholder,
    /// `<name..>`: the value writes its own keys (a query-options model).
    pub spread: bool,
}

/// A parsed route template.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Template {
    pub segments: Vec<Segment>,
    pub query: Vec<QueryParam>,
}

/// A problem in the template, described so the text says where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub message: String,
}

impl Template {
    /// Every placeholder, path first, then query.
    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.segments
            .iter()
            .filter_map(|segment| match segment {
                Segment::Param(placeholder) => Some(placeholder),
                Segment::Literal(_) => None,
            })
            .chain(self.query.iter().map(|param| &param.placeholder))
    }
}

/// Parses `text`, collecting every error rather than stopping at the first.
pub fn parse(text: &str) -> Result<Template, Vec<TemplateError>> {
    let mut errors = Vec::new();
    let mut template = Template::default();

    let (path, query) = match text.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (text, None),
    };

    if !path.starts_with('/') {
        errors.push(error(format!(
            "endpoint path must start with `/`, e.g. \"/{}\"",
            path.trim_start_matches('/')
        )));
    } else if path.len() > 1 {
        let pieces: Vec<&str> = path[1..].split('/').collect();
        let count = pieces.len();
        for (index, piece) in pieces.into_iter().enumerate() {
            if piece.is_empty() {
                errors.push(error(if index + 1 == count {
                    "endpoint path must not end with `/`".to_owned()
                } else {
                    "empty path segment (`//`) in endpoint path".to_owned()
                }));
                continue;
            }
            match segment(piece) {
                Ok(segment) => template.segments.push(segment),
                Err(e) => errors.push(e),
            }
        }
    }

    match query {
        Some("") => errors.push(error(
            "empty query after `?`: list the query parameters, e.g. `?<before>&<after>`".to_owned(),
        )),
        Some(query) => {
            for piece in query.split('&') {
                match query_item(piece) {
                    Ok(placeholder) => template.query.push(placeholder),
                    Err(e) => errors.push(e),
                }
            }
        }
        None => {}
    }

    for name in repeats(template.placeholders().map(|p| p.name.as_str())) {
        errors.push(error(format!(
            "placeholder `<{name}>` appears more than once in the template"
        )));
    }
    for key in repeats(
        template
            .query
            .iter()
            .filter(|q| !q.spread)
            .map(|q| q.key.as_str()),
    ) {
        errors.push(error(format!(
            "query key `{key}` appears more than once in the template: a key is sent once, \
             so give a list parameter (sent comma-joined) instead of repeating the key"
        )));
    }

    if errors.is_empty() {
        Ok(template)
    } else {
        Err(errors)
    }
}

/// Each name that has already appeared earlier in `names`, once per repetition.
fn repeats<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = Vec::new();
    names
        .filter(|name| {
            let again = seen.contains(name);
            seen.push(*name);
            again
        })
        .collect()
}

fn error(message: String) -> TemplateError {
    TemplateError { message }
}

fn segment(piece: &str) -> Result<Segment, TemplateError> {
    if let Some(name) = spread_name(piece) {
        return Err(error(format!(
            "`<{name}..>` writes query keys: put it in the query, `?<{name}..>`; a path placeholder is `<{name}>`"
        )));
    }
    if piece.contains(['<', '>']) {
        return placeholder(piece, "path segment").map(Segment::Param);
    }
    if piece == "." || piece == ".." {
        return Err(error(format!(
            "`{piece}` is a dot segment: URL parsers remove it from the path"
        )));
    }
    if let Some(bad) = piece.chars().find(|c| !is_literal_char(*c)) {
        let hint = if bad == '%' {
            " (write the text itself: the path is sent as written, and values are encoded for you)"
        } else {
            ""
        };
        return Err(error(format!(
            "character `{bad}` is not allowed in the literal path segment `{piece}`{hint}"
        )));
    }
    Ok(Segment::Literal(piece.to_owned()))
}

fn query_item(piece: &str) -> Result<QueryParam, TemplateError> {
    if piece.is_empty() {
        return Err(error(
            "empty query item: separate query placeholders with a single `&`".to_owned(),
        ));
    }
    if !piece.contains(['<', '>']) {
        let key = piece.split('=').next().unwrap_or(piece);
        return Err(error(format!(
            "query item `{piece}` must be a placeholder like `<{}>`, or `{key}=<{}>` to send a parameter under another key",
            suggest_name(key),
            suggest_name(key)
        )));
    }
    let (key, value) = match piece.split_once('=') {
        Some((key, value)) if !key.contains(['<', '>']) => (Some(key), value),
        _ => (None, piece),
    };
    if let Some(name) = spread_name(value) {
        if let Some(key) = key {
            return Err(error(format!(
                "`<{name}..>` writes its own keys: remove `{key}=`"
            )));
        }
        if !is_identifier(name) {
            return Err(error(format!(
                "invalid placeholder name `<{name}..>`: did you mean `<{}..>`?",
                suggest_name(name)
            )));
        }
        return Ok(QueryParam {
            key: String::new(),
            placeholder: Placeholder {
                name: name.to_owned(),
            },
            spread: true,
        });
    }
    let placeholder = placeholder(value, "query item")?;
    let key = match key {
        None => placeholder.name.clone(),
        Some("") => {
            return Err(error(format!(
                "empty query key in `{piece}`: write `key=<{}>`, or `<{}>` to send it as `{}`",
                placeholder.name, placeholder.name, placeholder.name
            )));
        }
        Some(key) => {
            if let Some(bad) = key.chars().find(|c| !is_key_char(*c)) {
                let what = match bad {
                    '%' => "write the key as the API names it (`page[after]`); it is percent-encoded when sent".to_owned(),
                    '#' => "`#` would start a fragment".to_owned(),
                    c if c.is_whitespace() => "keys hold no spaces".to_owned(),
                    c if !c.is_ascii() => "keys are ASCII, as the API's are".to_owned(),
                    _ => "`&`, `=`, `<` and `>` separate the template's items".to_owned(),
                };
                return Err(error(format!(
                    "character `{}` is not allowed in the query key `{key}`: {what}",
                    bad.escape_default()
                )));
            }
            key.to_owned()
        }
    };
    Ok(QueryParam {
        key,
        placeholder,
        spread: false,
    })
}

/// `name` of `<name..>`.
fn spread_name(piece: &str) -> Option<&str> {
    piece.strip_prefix('<')?.strip_suffix("..>")
}

/// `piece` contains `<` or `>`: it must be exactly `<name>`.
fn placeholder(piece: &str, what: &str) -> Result<Placeholder, TemplateError> {
    let open = piece.find('<');
    let close = piece.find('>');
    match (open, close) {
        (Some(_), None) => Err(error(format!(
            "unclosed `<` in {what} `{piece}`: write placeholders as `<name>`"
        ))),
        (None, Some(_)) => Err(error(format!(
            "unmatched `>` in {what} `{piece}`: write placeholders as `<name>`"
        ))),
        (Some(open), Some(close)) if close < open => Err(error(format!(
            "unmatched `>` in {what} `{piece}`: write placeholders as `<name>`"
        ))),
        (Some(open), Some(close)) => {
            let inner = &piece[open + 1..close];
            if open != 0 || close + 1 != piece.len() || inner.contains(['<', '>']) {
                let shown = if inner.contains(['<', '>']) {
                    piece
                } else {
                    inner
                };
                return Err(error(format!(
                    "placeholder `<{shown}>` must be a whole {what}, found `{piece}`; \
                     the value is encoded as one segment, so put fixed text in its own segment"
                )));
            }
            if inner.is_empty() {
                return Err(error(
                    "empty placeholder `<>`: write the parameter's name, e.g. `<user_id>`"
                        .to_owned(),
                ));
            }
            if !is_identifier(inner) {
                return Err(error(format!(
                    "invalid placeholder name `<{inner}>`: a placeholder names a parameter, \
                     so it must be a Rust identifier; did you mean `<{}>`?",
                    suggest_name(inner)
                )));
            }
            Ok(Placeholder {
                name: inner.to_owned(),
            })
        }
        (None, None) => unreachable!("called only for pieces containing `<` or `>`"),
    }
}

/// Characters a query key may hold as written: visible ASCII but the template's own
/// separators (`&`, `=`, `<`, `>`), `#` and `%` (keys are encoded when sent).
fn is_key_char(c: char) -> bool {
    c.is_ascii_graphic() && !"&=<>#%".contains(c)
}

/// Characters a literal segment may hold as written: RFC 3986 `pchar` without `%`.
fn is_literal_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@".contains(c)
}

/// A Rust identifier (ASCII, not a bare `_`, not a keyword we could not bind).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = matches!(chars.next(), Some(c) if c == '_' || c.is_ascii_alphabetic());
    first_ok
        && name != "_"
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && !matches!(name, "self" | "Self" | "super" | "crate")
}

/// `user-Id` -> `user_id`: the closest identifier to what was written.
pub fn suggest_name(text: &str) -> String {
    let mut name: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if name == "_" { "name".to_owned() } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(template: &Template) -> Vec<&str> {
        template.placeholders().map(|p| p.name.as_str()).collect()
    }

    fn first_error(text: &str) -> TemplateError {
        parse(text).expect_err(text).remove(0)
    }

    #[test]
    fn parses_the_messages_route() {
        let text = "/v1.1/apps/<app_id>/appusers/<user_id>/messages/<message_id>";
        let template = parse(text).unwrap();
        assert_eq!(template.segments.len(), 7);
        assert_eq!(template.segments[0], Segment::Literal("v1.1".into()));
        assert_eq!(names(&template), ["app_id", "user_id", "message_id"]);
        assert!(template.query.is_empty());
    }

    #[test]
    fn parses_query_placeholders() {
        let template = parse("/messages?<before>&<after>").unwrap();
        assert_eq!(template.segments, [Segment::Literal("messages".into())]);
        let query: Vec<_> = template
            .query
            .iter()
            .map(|p| (p.key.as_str(), p.placeholder.name.as_str()))
            .collect();
        assert_eq!(query, [("before", "before"), ("after", "after")]);
    }

    #[test]
    fn query_keys_may_differ_from_the_parameter() {
        let template =
            parse("/apps?<limit>&serviceAccountId=<service_account>&for=<target>").unwrap();
        let query: Vec<_> = template
            .query
            .iter()
            .map(|p| (p.key.as_str(), p.placeholder.name.as_str()))
            .collect();
        assert_eq!(
            query,
            [
                ("limit", "limit"),
                ("serviceAccountId", "service_account"),
                ("for", "target")
            ]
        );
        assert_eq!(names(&template), ["limit", "service_account", "target"]);
        assert!(first_error("/a?=<x>").message.contains("empty query key"));
        assert!(first_error("/a?a b=<x>").message.contains("character ` `"));
        assert!(
            first_error("/a?k=<x-y>")
                .message
                .contains("invalid placeholder name")
        );
        assert!(first_error("/a?k=v").message.contains("or `k=<k>`"));
        assert!(
            first_error("/a?for=<a>&for=<b>")
                .message
                .contains("query key `for` appears more than once")
        );
        assert!(
            first_error("/a?<x>&x=<y>")
                .message
                .contains("query key `x` appears more than once")
        );
    }

    #[test]
    fn root_path_has_no_segments() {
        assert_eq!(parse("/").unwrap(), Template::default());
    }

    #[test]
    fn literals_may_hold_sub_delims() {
        let template = parse("/a:b/c@d/e+f").unwrap();
        assert_eq!(template.segments.len(), 3);
    }

    #[test]
    fn rejects_missing_leading_slash() {
        let e = first_error("v1.1/apps");
        assert!(e.message.contains("must start with `/`"), "{}", e.message);
        assert!(e.message.contains("\"/v1.1/apps\""), "{}", e.message);
    }

    #[test]
    fn rejects_empty_and_trailing_segments() {
        assert!(first_error("/a//b").message.contains("empty path segment"));
        let e = first_error("/a/b/");
        assert!(e.message.contains("must not end with `/`"));
    }

    #[test]
    fn rejects_bad_placeholders() {
        assert!(
            first_error("/a/<>")
                .message
                .contains("empty placeholder `<>`")
        );
        let e = first_error("/a/<user-id>");
        assert!(
            e.message.contains("invalid placeholder name `<user-id>`"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("did you mean `<user_id>`"),
            "{}",
            e.message
        );
        assert!(
            first_error("/a/<1st>")
                .message
                .contains("did you mean `<_1st>`")
        );
        assert!(
            first_error("/a/<self>")
                .message
                .contains("invalid placeholder name")
        );
    }

    #[test]
    fn rejects_unbalanced_brackets() {
        let e = first_error("/a/<user_id");
        assert!(e.message.starts_with("unclosed `<`"), "{}", e.message);
        let e = first_error("/a/user_id>");
        assert!(e.message.starts_with("unmatched `>`"), "{}", e.message);
        assert!(first_error("/a/>x<").message.starts_with("unmatched `>`"));
        assert!(
            first_error("/a?<before")
                .message
                .starts_with("unclosed `<`")
        );
    }

    #[test]
    fn rejects_partial_segment_placeholders() {
        let e = first_error("/users/user-<id>");
        assert!(
            e.message
                .contains("placeholder `<id>` must be a whole path segment")
        );
        assert!(e.message.contains("found `user-<id>`"));
        assert!(
            first_error("/a/<x><y>")
                .message
                .contains("must be a whole path segment")
        );
        assert!(
            first_error("/a?x<y>")
                .message
                .contains("must be a whole query item")
        );
    }

    #[test]
    fn rejects_duplicates_across_path_and_query() {
        let errors = parse("/<id>/x/<id>?<id>").unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("`<id>` appears more than once"));
    }

    #[test]
    fn query_keys_are_written_as_the_api_names_them() {
        let template =
            parse("/v2/apps/<app>/users?page[after]=<after>&filter[identities.email]=<email>&page[size]=<size>")
                .unwrap();
        let keys: Vec<&str> = template.query.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            ["page[after]", "filter[identities.email]", "page[size]"]
        );
        for (bad, problem) in [
            ("/a?page%5Bafter%5D=<x>", "percent-encoded when sent"),
            ("/a?k#=<x>", "would start a fragment"),
            ("/a?a b=<x>", "no spaces"),
            ("/a?cl\u{e9}=<x>", "ASCII"),
        ] {
            let message = first_error(bad).message;
            assert!(message.contains(problem), "{bad}: {message}");
        }
    }

    #[test]
    fn a_spread_writes_its_own_keys_in_the_query_only() {
        let template = parse("/v1.1/apps?<options..>&<extra>").unwrap();
        assert!(template.query[0].spread);
        assert_eq!(template.query[0].placeholder.name, "options");
        assert!(!template.query[1].spread);
        assert_eq!(names(&template), ["options", "extra"]);
        assert!(
            first_error("/a/<b..>")
                .message
                .contains("put it in the query")
        );
        assert!(first_error("/a?k=<b..>").message.contains("remove `k=`"));
        assert!(
            first_error("/a?<b-c..>")
                .message
                .contains("did you mean `<b_c..>`")
        );
        // Two spreads write their own keys: only named keys are checked for repeats.
        assert!(parse("/a?<a..>&<b..>").is_ok());
    }

    #[test]
    fn rejects_bad_literals_and_queries() {
        assert!(first_error("/a b").message.contains("character ` `"));
        let e = first_error("/a%20b");
        assert!(e.message.contains("character `%`"), "{}", e.message);
        assert!(
            e.message.contains("values are encoded for you"),
            "{}",
            e.message
        );
        assert!(
            !first_error("/a b")
                .message
                .contains("values are encoded for you")
        );
        assert!(first_error("/a#b").message.contains("character `#`"));
        assert!(first_error("/a/../b").message.contains("dot segment"));
        assert!(first_error("/a?").message.contains("empty query"));
        assert!(
            first_error("/a?<x>&&<y>")
                .message
                .contains("empty query item")
        );
        let e = first_error("/a?limit=10");
        assert!(
            e.message.contains("must be a placeholder like `<limit>`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn collects_every_error() {
        let errors = parse("/a//<>/x-<y>/").unwrap_err();
        assert_eq!(errors.len(), 4, "{errors:?}");
    }

    #[test]
    fn suggestions_are_identifiers() {
        for text in ["user-id", "User Id", "9lives", "-", "ü"] {
            assert!(is_identifier(&suggest_name(text)), "{text}");
        }
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

            /// Any text: a template or errors, never a panic; placeholders are names found in the
            /// text.
            #[test]
            fn never_panics(text in ".{0,64}") {
                match parse(&text) {
                    Ok(template) => {
                        for p in template.placeholders() {
                            let written = format!("<{}>", p.name);
                            prop_assert!(text.contains(&written));
                        }
                    }
                    Err(errors) => prop_assert!(!errors.is_empty()),
                }
            }

            /// Text made of the template alphabet reaches the deeper branches.
            #[test]
            fn template_alphabet_never_panics(text in "[/<>?&a-z_.%-]{0,40}") {
                let _ = parse(&text);
            }

            /// Well-formed templates parse back into their pieces.
            #[test]
            fn valid_templates_round_trip(
                pieces in proptest::collection::vec(("[a-z][a-z0-9_]{0,8}", any::<bool>()), 1..8),
            ) {
                let mut text = String::new();
                let mut expected = Vec::new();
                for (index, (name, is_param)) in pieces.iter().enumerate() {
                    let name = format!("{name}{index}");
                    if *is_param {
                        text.push_str(&format!("/<{name}>"));
                        expected.push(Segment::Param(Placeholder { name: name.clone() }));
                    } else {
                        text.push_str(&format!("/{name}"));
                        expected.push(Segment::Literal(name));
                    }
                }
                let template = parse(&text).unwrap();
                prop_assert_eq!(template.segments.len(), expected.len());
                for (got, want) in template.segments.iter().zip(&expected) {
                    match (got, want) {
                        (Segment::Literal(a), Segment::Literal(b)) => prop_assert_eq!(a, b),
                        (Segment::Param(a), Segment::Param(b)) => prop_assert_eq!(&a.name, &b.name),
                        _ => prop_assert!(false, "{got:?} vs {want:?}"),
                    }
                }
            }
        }
    }
}
