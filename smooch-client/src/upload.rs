//! [`Upload`]: a file sent as a part of a `multipart/form-data` body (image messages,
//! attachments, an integration's profile photo).

use std::fmt;
use std::path::Path;

use bytes::Bytes;

/// A file to upload: its bytes, its file name, and its content type (guessed from the file
/// name's extension unless given; `application/octet-stream` when unknown).
///
/// The bytes are shared, not copied, when a call is retried.
///
/// ```
/// use smooch_client::Upload;
///
/// let photo = Upload::new("shoes.png", vec![0x89, b'P', b'N', b'G']);
/// assert_eq!(photo.content_type(), "image/png");
/// let notes = Upload::new("notes", "plain text").with_content_type("text/plain");
/// assert_eq!(notes.content_type(), "text/plain");
/// assert_eq!(notes.len(), 10);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Upload {
    file_name: String,
    content_type: String,
    bytes: Bytes,
}

impl Upload {
    /// A file named `file_name` holding `bytes`; its content type is guessed from the name.
    pub fn new(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        let file_name = file_name.into();
        let content_type = mime_guess::from_path(&file_name)
            .first_raw()
            .unwrap_or("application/octet-stream")
            .to_owned();
        Upload {
            file_name,
            content_type,
            bytes: bytes.into(),
        }
    }

    /// Reads the file at `path` (this blocks while reading: in async code, read the file with
    /// your runtime and use [`Upload::new`]).
    pub fn read(path: impl AsRef<Path>) -> std::io::Result<Self> {
        let path = path.as_ref();
        let bytes = std::fs::read(path)?;
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| "file".to_owned());
        Ok(Upload::new(name, bytes))
    }

    /// Sets the content type, e.g. `image/jpeg`.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// The file name sent.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The content type sent.
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// The bytes.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// How many bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl fmt::Debug for Upload {
    /// The name, type and size; not the content.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_guessed_from_the_name() {
        for (name, expected) in [
            ("a.jpg", "image/jpeg"),
            ("a.JPEG", "image/jpeg"),
            ("doc.pdf", "application/pdf"),
            ("clip.mp4", "video/mp4"),
            ("no-extension", "application/octet-stream"),
            ("weird.zzzz", "application/octet-stream"),
        ] {
            assert_eq!(
                Upload::new(name, Bytes::new()).content_type(),
                expected,
                "{name}"
            );
        }
        let upload = Upload::new("x.png", &b"abc"[..]);
        assert_eq!(
            format!("{upload:?}"),
            r#"Upload { file_name: "x.png", content_type: "image/png", len: 3 }"#
        );
    }

    #[test]
    fn a_file_is_read_with_its_name() {
        let dir = std::env::temp_dir().join(format!("smooch-upload-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("hello.txt");
        std::fs::write(&path, "hello").unwrap();
        let upload = Upload::read(&path).unwrap();
        assert_eq!(
            (upload.file_name(), upload.content_type(), upload.len()),
            ("hello.txt", "text/plain", 5)
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(Upload::read(dir.join("missing")).is_err());
    }
}
