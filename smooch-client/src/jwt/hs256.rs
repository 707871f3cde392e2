//! Compact HS256 JSON Web Tokens (RFC 7519): signing for the client, checking for the fake.
//! Pure Rust (`hmac`, `sha2`): signing pulls in no C library, whatever TLS backend is chosen.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;

/// The JOSE header of the tokens signed here.
#[derive(Serialize)]
struct Header<'a> {
    alg: &'static str,
    typ: &'static str,
    kid: &'a str,
}

/// `base64url(header).base64url(claims).base64url(HMAC-SHA256(secret, the first two))`.
pub(crate) fn sign(
    key_id: &str,
    claims: &impl Serialize,
    secret: &[u8],
) -> Result<String, serde_json::Error> {
    let header = serde_json::to_vec(&Header {
        alg: "HS256",
        typ: "JWT",
        kid: key_id,
    })?;
    let claims = serde_json::to_vec(claims)?;
    let mut token = String::with_capacity((header.len() + claims.len() + 32) * 4 / 3 + 4);
    URL_SAFE_NO_PAD.encode_string(header, &mut token);
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(claims, &mut token);
    let signature = mac(secret, token.as_bytes()).finalize().into_bytes();
    token.push('.');
    URL_SAFE_NO_PAD.encode_string(signature, &mut token);
    Ok(token)
}

fn mac(secret: &[u8], signed: &[u8]) -> Hmac<Sha256> {
    // HMAC takes keys of any length: this never fails.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
    mac.update(signed);
    mac
}

/// The header fields the fake checks.
#[cfg(feature = "fake")]
#[derive(serde::Deserialize)]
pub(crate) struct Checked {
    pub(crate) alg: String,
    pub(crate) kid: Option<String>,
}

/// Why a token was refused.
#[cfg(feature = "fake")]
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// Not three base64url parts with a JSON header.
    Malformed,
    /// The header, for the caller to say what is wrong with it.
    Header(String),
    /// The signature does not match, or the claims are not JSON of the expected shape.
    Signature,
}

/// The header of `token`, and its claims if `key_for(header)` gives the key that signed it.
/// `key_for` refuses a header by returning `Err` with the reason.
#[cfg(feature = "fake")]
pub(crate) fn verify<C: serde::de::DeserializeOwned>(
    token: &str,
    key_for: impl FnOnce(&Checked) -> Result<Vec<u8>, String>,
) -> Result<C, Invalid> {
    let mut parts = token.split('.');
    let (Some(header), Some(claims), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Invalid::Malformed);
    };
    let decoded = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|_| Invalid::Malformed)?;
    let checked: Checked = serde_json::from_slice(&decoded).map_err(|_| Invalid::Malformed)?;
    let secret = key_for(&checked).map_err(Invalid::Header)?;
    let signature = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| Invalid::Signature)?;
    let signed = &token[..header.len() + 1 + claims.len()];
    mac(&secret, signed.as_bytes())
        .verify_slice(&signature)
        .map_err(|_| Invalid::Signature)?;
    let claims = URL_SAFE_NO_PAD
        .decode(claims)
        .map_err(|_| Invalid::Signature)?;
    serde_json::from_slice(&claims).map_err(|_| Invalid::Signature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_7515_example_signature_is_reproduced() {
        // RFC 7515 appendix A.1: the HMAC over its exact signing input, with its key.
        let key = URL_SAFE_NO_PAD
            .decode(
                "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
            )
            .unwrap();
        let input = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
        let signature = mac(&key, input.as_bytes()).finalize().into_bytes();
        assert_eq!(
            URL_SAFE_NO_PAD.encode(signature),
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        );
    }

    #[test]
    fn the_header_names_the_algorithm_type_and_key() {
        let token = sign("app_\"1", &serde_json::json!({"scope": "app"}), b"s").unwrap();
        let header = token.split('.').next().unwrap();
        let header: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(header).unwrap()).unwrap();
        assert_eq!(
            header,
            serde_json::json!({"alg": "HS256", "typ": "JWT", "kid": "app_\"1"})
        );
    }

    #[cfg(feature = "fake")]
    #[test]
    fn verify_accepts_what_sign_signs_and_nothing_else() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Claims {
            scope: String,
        }
        let token = sign("k", &serde_json::json!({"scope": "app"}), b"secret").unwrap();
        let key = |header: &Checked| {
            assert_eq!(
                (header.alg.as_str(), header.kid.as_deref()),
                ("HS256", Some("k"))
            );
            Ok(b"secret".to_vec())
        };
        assert_eq!(
            verify::<Claims>(&token, key),
            Ok(Claims {
                scope: "app".into()
            })
        );
        let wrong_key = |_: &Checked| Ok(b"other".to_vec());
        assert_eq!(verify::<Claims>(&token, wrong_key), Err(Invalid::Signature));
        let refused = |_: &Checked| Err("no".to_owned());
        assert_eq!(
            verify::<Claims>(&token, refused),
            Err(Invalid::Header("no".into()))
        );
        // A claim changed after signing.
        let mut parts: Vec<&str> = token.split('.').collect();
        let forged = URL_SAFE_NO_PAD.encode(br#"{"scope":"account"}"#);
        parts[1] = &forged;
        assert_eq!(
            verify::<Claims>(&parts.join("."), |_: &Checked| Ok(b"secret".to_vec())),
            Err(Invalid::Signature)
        );
        for malformed in ["", "a.b", "a.b.c.d", "!!.e30.x"] {
            assert_eq!(
                verify::<Claims>(malformed, |_: &Checked| Ok(Vec::new())),
                Err(Invalid::Malformed),
                "{malformed}"
            );
        }
    }
}
