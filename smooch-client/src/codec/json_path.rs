//! Where in a body a decode error is: the JSON path (`messages[1].received`) of the value at
//! the error's line and column, found by reading the body's structure up to that point.
//!
//! The path is found after the fact, from the text, rather than tracked while decoding: the
//! decoding stays one pass with nothing extra per value, and the decoders of a response type are
//! compiled once (for the parser that reads every success body), not again for a tracking
//! parser that only an error would use.

use std::fmt::Write as _;

/// One level of nesting open at the error: an object or an array.
#[derive(Default)]
struct Frame {
    array: bool,
    /// The element being read, in an array.
    index: usize,
    /// The key whose value is being read, in an object.
    key: Option<String>,
    /// A value of this level is being read (an element has started; a key's `:` was read).
    reading: bool,
    /// ... and has been read whole (a string ended, an object or array closed).
    read: bool,
}

/// The path of the value `error` is about, in the `text` it came from, written as
/// serde_path_to_error writes one: keys joined by `.`, indexes as `[i]`, and `.` for the
/// document itself.
pub(crate) fn of(text: &str, error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    // serde_json's position: the bytes read when the types refused a value (it had looked at
    // the value, or read it whole) or the input ended; the byte it was looking at when the
    // text is not JSON.
    let (column, refused) = match error.classify() {
        Category::Data if error.to_string().starts_with("invalid type: map,") => {
            (error.column(), Some(Refused::Map))
        }
        Category::Data => (error.column(), Some(Refused::Other)),
        Category::Eof | Category::Io => (error.column(), None),
        Category::Syntax => (error.column().saturating_sub(1), None),
    };
    at(text, error.line(), column, refused)
}

/// What the types refused, when they did.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refused {
    Map,
    Other,
}

/// The path at `line` and `column` (the bytes read); `refused` when the value there (the one
/// read last, or the one looked at next) is the one in question rather than its container.
fn at(text: &str, line: usize, column: usize, refused: Option<Refused>) -> String {
    let end = offset(text.as_bytes(), line, column);
    path(&frames(text, end, refused), refused.is_some())
}

/// The byte offset just past line `line`, column `column` (both 1-based, column in bytes);
/// `0` for serde_json's "no position" (line 0).
fn offset(bytes: &[u8], line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(newline) => start += newline + 1,
            None => return bytes.len(),
        }
    }
    start.saturating_add(column).min(bytes.len())
}

/// The levels open after reading `text[..end]`.
fn frames(text: &str, end: usize, refused: Option<Refused>) -> Vec<Frame> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let byte = bytes[i];
        i += 1;
        if byte.is_ascii_whitespace() {
            continue;
        }
        // A value starts in an array: it is the element being read.
        if let Some(frame) = frames.last_mut()
            && frame.array
            && !matches!(byte, b']' | b',')
        {
            frame.reading = true;
        }
        match byte {
            b'{' | b'[' => frames.push(Frame {
                array: byte == b'[',
                ..Frame::default()
            }),
            b'}' | b']' => {
                frames.pop();
                if let Some(parent) = frames.last_mut() {
                    parent.read = true;
                }
            }
            b':' => {
                if let Some(frame) = frames.last_mut() {
                    frame.reading = true;
                }
            }
            b',' => {
                if let Some(frame) = frames.last_mut() {
                    frame.index += usize::from(frame.array);
                    frame.key = None;
                    frame.reading = false;
                    frame.read = false;
                }
            }
            b'"' => {
                let (close, closed) = string_end(bytes, i - 1);
                if let Some(frame) = frames.last_mut() {
                    if frame.array || frame.reading {
                        // Read whole only if it closed before the error.
                        frame.read = closed && close <= end;
                    } else {
                        frame.key = Some(unescape(&text[i - 1..close]));
                    }
                }
                i = close;
            }
            _ => {}
        }
    }
    // A refused value is read whole, except an object or an array: the parser looks at one
    // before it enters it, and it enters an array before a type can refuse it. So after an
    // array's comma, the next element was refused; right after an array opened, an object that
    // follows was refused if a map was, anything else means the array itself was, and for an
    // array that follows the text cannot tell which of the two was: the path names the outer
    // one (which holds the other).
    if let Some(refused) = refused
        && let Some(frame) = frames.last_mut()
        && frame.array
        && !frame.reading
        && let Some(&next) = bytes[end.min(bytes.len())..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
    {
        frame.reading =
            next != b']' && (frame.index > 0 || (next == b'{' && refused == Refused::Map));
    }
    frames
}

/// The offset just past the string that opens at `open` (past its closing quote, or the end of
/// the text when it is not closed), and whether it is closed.
fn string_end(bytes: &[u8], open: usize) -> (usize, bool) {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (i + 1, true),
            _ => i += 1,
        }
    }
    (bytes.len(), false)
}

/// A key as it reads decoded (escapes resolved); as written when it is not a whole string.
fn unescape(quoted: &str) -> String {
    serde_json::from_str::<String>(quoted).unwrap_or_else(|_| {
        let inner = quoted.strip_prefix('"').unwrap_or(quoted);
        inner.strip_suffix('"').unwrap_or(inner).to_owned()
    })
}

/// The path through `frames`: each level's value being read, the last level's only while it is
/// not read whole, unless it is the one `refused`.
fn path(frames: &[Frame], refused: bool) -> String {
    let mut path = String::new();
    for frame in frames
        .iter()
        .filter(|frame| frame.reading && (refused || !frame.read))
    {
        if frame.array {
            let _ = write!(path, "[{}]", frame.index);
        } else if let Some(key) = &frame.key {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Page {
        messages: Vec<Message>,
        #[serde(default)]
        next: Option<Box<Page>>,
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Message {
        received: f64,
        #[serde(default)]
        role: Option<Role>,
        #[serde(default)]
        tags: Vec<u8>,
        #[serde(default)]
        metadata: BTreeMap<String, u32>,
        #[serde(default)]
        pair: Option<(u8, u8)>,
    }

    #[derive(Deserialize, Debug)]
    #[serde(rename_all = "camelCase")]
    enum Role {
        AppUser,
        AppMaker,
    }

    /// The path found for `error` is `tracked`, or (where the text cannot tell an array refused
    /// from its first element, itself an array) the outer array's path.
    fn assert_same(body: &str, error: &serde_json::Error, tracked: &str) {
        let found = of(body, error);
        if found != tracked {
            let (read, rest) = body.split_at(offset(body.as_bytes(), error.line(), error.column()));
            assert!(
                tracked == format!("{found}[0]")
                    && read.trim_end().ends_with('[')
                    && rest.trim_start().starts_with('['),
                "{found} against {tracked}: {error} in {body}"
            );
        }
    }

    /// The path found from the text, against the one a tracking parser reports.
    fn check(body: &str) {
        let error = serde_json::from_str::<Page>(body).expect_err(body);
        let tracked = match serde_path_to_error::deserialize::<_, Page>(
            &mut serde_json::Deserializer::from_str(body),
        ) {
            // serde_path_to_error writes `?` for a key it was reading; the path here ends
            // before it.
            Err(tracked) => match tracked.path().to_string().replace(".?", "") {
                root if root == "?" => ".".to_owned(),
                path => path,
            },
            // Only what follows the document is wrong.
            Ok(_) => ".".to_owned(),
        };
        assert_same(body, &error, &tracked);
    }

    #[test]
    fn the_path_is_the_one_a_tracking_parser_reports() {
        for body in [
            r#"{"messages":[{"received":1},{"received":"soon"}]}"#,
            r#"{"messages":[{"received":1},{"received":true}]}"#,
            r#"{"messages":[{"received":1,"role":"bot"}]}"#,
            r#"{"messages":[{"received":1,"role":7}]}"#,
            r#"{"messages":[{"received":1,"role":"\q"}]}"#,
            "{\"messages\":[{\"received\":1,\"role\":\"a\tb\"}]}",
            r#"{"messages":[{"received":1,"tags":[1,"\ud800"]}]}"#,
            r#"{"messages":[{"received":1,"tags":[1,2,300]}]}"#,
            r#"{"messages":[{"received":1,"tags":[1,"2"]}]}"#,
            r#"{"messages":[{"received":1,"tags":{}}]}"#,
            r#"{"messages":[{"received":1,"tags":[[1]]}]}"#,
            r#"{"messages":[{"received":1,"metadata":{"a":1,"b":-1}}]}"#,
            r#"{"messages":[{"received":1,"metadata":{"a.b":"x"}}]}"#,
            r#"{"messages":[{"received":1,"metadata":{"a\"b\u00e9":"x"}}]}"#,
            r#"{"messages":[{"received":1,"pair":[1]}]}"#,
            r#"{"messages":[{"received":1,"pair":[1,2,3]}]}"#,
            r#"{"messages":[{"role":"appUser"}]}"#,
            r#"{"messages":[{}]}"#,
            r#"{"messages":{}}"#,
            r#"{"messages":"none"}"#,
            r#"{"next":{"messages":[{"received":1}]}}"#,
            r#"{"messages":[],"next":{"messages":[{"received":1},{"received":[]}]}}"#,
            r#"{"messages":[{"received":1, "tags": [ 1 , 2 , "x" ] }]}"#,
            "{\n  \"messages\": [\n    {\"received\": 1},\n    {\"received\": \"x\"}\n  ]\n}",
            "{\r\n\"messages\":\r\n[{\"received\":null}]}",
            r#"{"messages":[{"received":1,"skip":{"a":[1,{"b":"}]"}]},"role":"x"}]}"#,
            r#"{"messages":[{"received":1}"#,
            r#"{"messages":[{"received":1},"#,
            r#"{"messages":[{"rec"#,
            r#"{"messages":[{"received":1}]} x"#,
            r#"{"messages":[{"received":1}],}"#,
            r#"{"messages":[{"received":01}]}"#,
            r#"[]"#,
            r#"7"#,
            r#"{"#,
            "",
        ] {
            check(body);
        }
    }

    #[test]
    fn positions_past_the_text_or_without_a_line_are_safe() {
        for looked_at in [None, Some(Refused::Map), Some(Refused::Other)] {
            assert_eq!(at("{\"a\":[1", 9, 9, looked_at), "a[0]");
            assert_eq!(at("{\"a\":1}", 1, 900, looked_at), ".");
            assert_eq!(at("{\"a\":1}", 0, 0, looked_at), ".");
            assert_eq!(at("{\"a\":\"\\", 1, 8, looked_at), "a");
            assert_eq!(at("", 3, 3, looked_at), ".");
        }
    }

    /// JSON shaped like a `Page` in parts: the model's keys, and values of every kind.
    fn json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{Value, json};
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-2i64..400).prop_map(Value::from),
            Just(json!(1.5)),
            prop::sample::select(vec!["appUser", "appMaker", "bot", "a\"b", "é"])
                .prop_map(Value::from),
        ];
        leaf.prop_recursive(5, 64, 6, |inner| {
            let key = prop::sample::select(vec![
                "messages", "next", "received", "role", "tags", "metadata", "pair", "x", "a\"b",
            ]);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((key, inner), 0..6).prop_map(|entries| {
                    Value::Object(
                        entries
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect(),
                    )
                }),
            ]
        })
    }

    /// A page most of whose messages decode, with one part or another wrong somewhere.
    fn page() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::{Value, json};
        let key = prop::sample::select(vec!["role", "tags", "metadata", "pair", "x", "received"]);
        let message = || {
            (
                prop::option::weighted(0.9, 0.0f64..2e9),
                prop::collection::vec((key.clone(), json()), 0..3),
            )
                .prop_map(|(received, entries)| {
                    let mut message = serde_json::Map::new();
                    if let Some(received) = received {
                        message.insert("received".into(), json!(received));
                    }
                    for (key, value) in entries {
                        message.insert(key.to_owned(), value);
                    }
                    Value::Object(message)
                })
        };
        let messages = || prop::collection::vec(message(), 0..4);
        (messages(), prop::option::of(messages()), json()).prop_map(|(messages, next, other)| {
            match next {
                Some(next) => json!({"messages": messages, "next": {"messages": next, "x": other}}),
                None => json!({"messages": messages, "x": other}),
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn the_path_of_any_refused_value_is_the_tracked_one(
            value in prop_oneof![json(), page()],
            pretty: bool,
        ) {
            let body = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            if serde_json::from_str::<Page>(&body).is_err() {
                check(&body);
            }
        }
    }

    /// The path found from the text for the client's own decoders, against a tracking parser's.
    fn check_model<T: serde::de::DeserializeOwned>(body: &str) {
        let Err(error) = serde_json::from_str::<T>(body) else {
            return;
        };
        let tracked = match serde_path_to_error::deserialize::<_, T>(
            &mut serde_json::Deserializer::from_str(body),
        ) {
            Err(tracked) => tracked.path().to_string(),
            Ok(_) => ".".to_owned(),
        };
        assert_same(body, &error, &tracked);
    }

    /// `page` with the values at a few places replaced by arbitrary JSON.
    fn replaced(page: &'static str) -> impl Strategy<Value = String> {
        let page: serde_json::Value = serde_json::from_str(page).unwrap();
        prop::collection::vec((any::<prop::sample::Index>(), json()), 1..3).prop_map(move |edits| {
            let mut page = page.clone();
            for (at, value) in edits {
                let mut places = Vec::new();
                places_in(&page, String::new(), &mut places);
                let place = &places[at.index(places.len())];
                if let Some(slot) = page.pointer_mut(place) {
                    *slot = value;
                }
            }
            serde_json::to_string(&page).unwrap()
        })
    }

    fn places_in(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate().take(3) {
                    places_in(item, format!("{at}/{i}"), out);
                }
            }
            serde_json::Value::Object(entries) => {
                for (key, item) in entries {
                    let key = key.replace('~', "~0").replace('/', "~1");
                    places_in(item, format!("{at}/{key}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn the_path_of_a_value_the_models_refuse_is_the_tracked_one(
            body in replaced(include_str!("../../benches/data/page.json")),
        ) {
            check_model::<crate::models::GetMessagesResponse>(&body);
        }
    }

    #[cfg(feature = "v2")]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn the_path_of_a_value_the_v2_models_refuse_is_the_tracked_one(
            body in replaced(include_str!("../../benches/data/v2-page.json")),
        ) {
            check_model::<crate::v2::models::MessageListResponse>(&body);
        }
    }
}
