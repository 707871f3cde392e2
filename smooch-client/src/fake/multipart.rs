//! Reading a `multipart/form-data` body (image messages, attachments): its parts, each with its
//! name, file name, content type and bytes. What does not parse is described for a 400.

use axum::http::HeaderMap;
use axum::http::header::CONTENT_TYPE;
use bytes::Bytes;

/// One part of the body.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    /// The `name` of its `Content-Disposition`.
    pub(crate) name: String,
    /// The `filename` of its `Content-Disposition`, if any.
    pub(crate) file_name: Option<String>,
    /// Its `Content-Type`, if any.
    pub(crate) content_type: Option<String>,
    pub(crate) bytes: Bytes,
}

/// The parts of a body, in order.
#[derive(Debug, Default)]
pub(crate) struct Parts(Vec<Part>);

impl Parts {
    /// The first part named `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&Part> {
        self.0.iter().find(|part| part.name == name)
    }

    /// The first part named `name`, as text.
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(|part| String::from_utf8_lossy(&part.bytes).into_owned())
    }
}

/// The parts of `body`, whose boundary the `Content-Type` header gives; `Err` describes what is
/// wrong.
pub(crate) fn parse(headers: &HeaderMap, body: &Bytes) -> Result<Parts, String> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let boundary = boundary(content_type).ok_or_else(|| {
        format!(
            "The body must be `multipart/form-data` with a boundary (`Content-Type` is \
             `{content_type}`)"
        )
    })?;
    parse_body(&boundary, body)
}

/// The `boundary` parameter of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';');
    let essence = params.next()?.trim();
    if !essence.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|param| {
        let (key, value) = param.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case("boundary") {
            return None;
        }
        let value = value.trim().trim_matches('"');
        (!value.is_empty()).then(|| value.to_owned())
    })
}

/// Splits `body` at `--boundary` lines and reads each part.
fn parse_body(boundary: &str, body: &Bytes) -> Result<Parts, String> {
    let malformed = |what: &str| format!("Malformed multipart body: {what}");
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut at = find(body, delimiter, 0).ok_or_else(|| malformed("no boundary"))?;
    let mut parts = Vec::new();
    loop {
        at += delimiter.len();
        if body[at..].starts_with(b"--") {
            return Ok(Parts(parts));
        }
        if !body[at..].starts_with(b"\r\n") {
            return Err(malformed("a boundary is not followed by a line break"));
        }
        at += 2;
        let headers_end =
            find(body, b"\r\n\r\n", at).ok_or_else(|| malformed("a part has no blank line"))?;
        let head = std::str::from_utf8(&body[at..headers_end])
            .map_err(|_| malformed("a part's headers are not UTF-8"))?;
        let content_start = headers_end + 4;
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(delimiter);
        let content_end = find_closing(body, &closing, content_start)
            .ok_or_else(|| malformed("a part is not closed by the boundary"))?;
        parts.push(part(head, body.slice(content_start..content_end))?);
        at = content_end + 2;
    }
}

/// A part from its header lines and content.
fn part(head: &str, bytes: Bytes) -> Result<Part, String> {
    let mut name = None;
    let mut file_name = None;
    let mut content_type = None;
    for line in head.split("\r\n") {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        if key.trim().eq_ignore_ascii_case("content-disposition") {
            for param in value.split(';').skip(1) {
                let Some((key, value)) = param.split_once('=') else {
                    continue;
                };
                let value = value.trim().trim_matches('"').to_owned();
                match key.trim() {
                    "name" => name = Some(value),
                    "filename" => file_name = Some(value),
                    _ => {}
                }
            }
        } else if key.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.trim().to_owned());
        }
    }
    let name = name.ok_or_else(|| {
        "Malformed multipart body: a part has no `Content-Disposition: form-data; name=...`"
            .to_owned()
    })?;
    Ok(Part {
        name,
        file_name,
        content_type,
        bytes,
    })
}

/// Where the line break and boundary that close a part first occur at or after `from`: the
/// boundary must end its line or the body (`--`), else it is content that looks like it.
fn find_closing(body: &[u8], closing: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = find(body, closing, from)?;
        let after = &body[at + closing.len()..];
        if after.starts_with(b"\r\n") || after.starts_with(b"--") {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Where `needle` first occurs in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| at + from)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_str(content_type).unwrap());
        headers
    }

    #[test]
    fn parts_are_read_with_their_names_files_and_types() {
        let body = Bytes::from_static(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nappMaker\r\n\
              --XyZ\r\nContent-Disposition: form-data; name=\"source\"; filename=\"a.png\"\r\n\
              Content-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ!\r\n--XyZ--\r\n",
        );
        let parts = parse(&headers("multipart/form-data; boundary=XyZ"), &body);
        let parts = parts.unwrap();
        assert_eq!(parts.text("role").as_deref(), Some("appMaker"));
        let source = parts.get("source").unwrap();
        assert_eq!(source.file_name.as_deref(), Some("a.png"));
        assert_eq!(source.content_type.as_deref(), Some("image/png"));
        assert_eq!(&source.bytes[..], b"\x89PNG\r\n--XyZ!");
        assert!(parts.get("other").is_none());
    }

    #[test]
    fn every_cut_and_every_damaged_byte_of_a_body_is_an_answer_not_a_panic() {
        let valid: &[u8] =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nappMaker\r\n\
              --XyZ\r\nContent-Disposition: form-data; name=\"source\"; filename=\"a.png\"\r\n\
              Content-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\n";
        let multipart = headers("multipart/form-data; boundary=XyZ");
        let mut parsed = 0;
        for end in 0..=valid.len() {
            let cut = Bytes::copy_from_slice(&valid[..end]);
            parsed += usize::from(parse(&multipart, &cut).is_ok());
        }
        assert!(parsed >= 1, "the whole body parses");
        for at in 0..valid.len() {
            for byte in [b'-', b'\r', b'\n', b'"', 0xff] {
                let mut damaged = valid.to_vec();
                damaged[at] = byte;
                let _ = parse(&multipart, &Bytes::from(damaged));
            }
        }
    }

    #[test]
    fn a_quoted_boundary_and_an_empty_body_part_list() {
        let parts = parse(
            &headers("multipart/form-data; charset=utf-8; boundary=\"a b\""),
            &Bytes::from_static(b"--a b--\r\n"),
        )
        .unwrap();
        assert!(parts.get("source").is_none());
    }

    #[test]
    fn what_is_not_multipart_is_described() {
        let json = parse(&headers("application/json"), &Bytes::from_static(b"{}"));
        assert!(json.unwrap_err().contains("`application/json`"));
        let no_boundary = parse(&headers("multipart/form-data"), &Bytes::new());
        assert!(no_boundary.unwrap_err().contains("boundary"));
        let unclosed = parse(
            &headers("multipart/form-data; boundary=b"),
            &Bytes::from_static(b"--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc"),
        );
        assert!(unclosed.unwrap_err().contains("not closed"));
        let nameless = parse(
            &headers("multipart/form-data; boundary=b"),
            &Bytes::from_static(b"--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--"),
        );
        assert!(nameless.unwrap_err().contains("name="));
    }
}
