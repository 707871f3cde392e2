//! The fake's credential check: basic auth with the key id and secret, or an HS256 JWT whose
//! `kid` is the key id, signed with the secret.

use base64::Engine as _;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use crate::jwt::hs256::{self, Invalid};

/// The key the fake accepts.
#[derive(Clone)]
pub(crate) struct Key {
    pub(crate) id: String,
    pub(crate) secret: String,
}

#[derive(Deserialize)]
struct Claims {
    scope: String,
    #[serde(rename = "userId")]
    user_id: Option<serde_json::Value>,
    exp: Option<u64>,
}

/// How long past its `exp` a token is still accepted (clocks differ).
const LEEWAY_SECS: u64 = 60;

impl Key {
    /// `Ok` when `authorization` grants access to `user_id`'s conversation; else the 401 text.
    pub(crate) fn check(
        &self,
        authorization: Option<&str>,
        user_id: Option<&str>,
    ) -> Result<(), String> {
        let Some(value) = authorization else {
            return Err("Authorization is required".into());
        };
        if let Some(token) = value.strip_prefix("Basic ") {
            return self.check_basic(token);
        }
        if let Some(token) = value.strip_prefix("Bearer ") {
            return self.check_jwt(token, user_id);
        }
        Err("Unsupported authorization scheme: use Basic or Bearer".into())
    }

    fn check_basic(&self, token: &str) -> Result<(), String> {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(token.trim())
            .map_err(|_| "Invalid basic authorization header".to_owned())?;
        let expected = format!("{}:{}", self.id, self.secret);
        if decoded == expected.as_bytes() {
            Ok(())
        } else {
            Err("Invalid key id or secret".into())
        }
    }

    fn check_jwt(&self, token: &str, user_id: Option<&str>) -> Result<(), String> {
        let key_for = |header: &hs256::Checked| {
            if header.alg != "HS256" {
                return Err("Invalid JWT header. The algorithm must be HS256".to_owned());
            }
            match header.kid.as_deref() {
                None => Err("Invalid JWT header. Missing key id (kid)".to_owned()),
                Some(kid) if kid != self.id => {
                    Err("Invalid JWT header. Unknown key id (kid)".to_owned())
                }
                Some(_) => Ok(self.secret.as_bytes().to_vec()),
            }
        };
        let claims: Claims = hs256::verify(token, key_for).map_err(|invalid| match invalid {
            Invalid::Header(reason) => reason,
            Invalid::Malformed => "Invalid JWT".to_owned(),
            Invalid::Signature => "Invalid JWT signature".to_owned(),
        })?;
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        if claims
            .exp
            .is_some_and(|exp| exp.saturating_add(LEEWAY_SECS) < now)
        {
            return Err("The JWT has expired".into());
        }
        match (claims.scope.as_str(), claims.user_id) {
            ("app" | "account", _) => Ok(()),
            ("appUser", Some(serde_json::Value::String(claimed))) => match user_id {
                Some(user_id) if user_id == claimed => Ok(()),
                _ => Err("Invalid scope: this appUser JWT is for another user".into()),
            },
            ("appUser", _) => Err("Invalid JWT body. userId must be a string".into()),
            _ => Err("Invalid JWT body. Unknown scope".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{Algorithm, EncodingKey, Header};

    fn key() -> Key {
        Key {
            id: "app_1".into(),
            secret: "secret".into(),
        }
    }

    fn jwt(kid: Option<&str>, secret: &str, claims: serde_json::Value) -> String {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = kid.map(str::to_owned);
        jsonwebtoken::encode(
            &header,
            &claims,
            &EncodingKey::from_secret(secret.as_bytes()),
        )
        .unwrap()
    }

    fn bearer(token: &str) -> String {
        format!("Bearer {token}")
    }

    #[test]
    fn basic_auth_must_match() {
        let good = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("app_1:secret")
        );
        assert_eq!(key().check(Some(&good), None), Ok(()));
        let bad = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("app_1:nope")
        );
        assert!(key().check(Some(&bad), None).is_err());
        assert_eq!(
            key().check(None, None),
            Err("Authorization is required".into())
        );
        assert!(key().check(Some("Basic !!!"), None).is_err());
    }

    #[test]
    fn jwts_need_the_kid_the_secret_and_a_scope() {
        let app = serde_json::json!({"scope": "app"});
        assert_eq!(
            key().check(
                Some(&bearer(&jwt(Some("app_1"), "secret", app.clone()))),
                None
            ),
            Ok(())
        );
        let missing_kid = key().check(Some(&bearer(&jwt(None, "secret", app.clone()))), None);
        assert!(missing_kid.unwrap_err().contains("Missing key id"));
        assert!(
            key()
                .check(
                    Some(&bearer(&jwt(Some("app_2"), "secret", app.clone()))),
                    None
                )
                .is_err()
        );
        assert!(
            key()
                .check(
                    Some(&bearer(&jwt(Some("app_1"), "wrong", app.clone()))),
                    None
                )
                .is_err()
        );
        let token = jwt(Some("app_1"), "secret", app);
        let tampered = format!("{}x", token);
        assert!(key().check(Some(&bearer(&tampered)), None).is_err());
        let no_scope = jwt(Some("app_1"), "secret", serde_json::json!({}));
        assert!(key().check(Some(&bearer(&no_scope)), None).is_err());
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let expired = serde_json::json!({"scope": "app", "exp": now - LEEWAY_SECS - 5});
        let expired = jwt(Some("app_1"), "secret", expired);
        assert_eq!(
            key().check(Some(&bearer(&expired)), None),
            Err("The JWT has expired".into())
        );
        let fresh = serde_json::json!({"scope": "app", "exp": now + 60});
        let fresh = jwt(Some("app_1"), "secret", fresh);
        assert_eq!(key().check(Some(&bearer(&fresh)), None), Ok(()));
        let mut header = Header::new(Algorithm::HS384);
        header.kid = Some("app_1".into());
        let other_alg = jsonwebtoken::encode(
            &header,
            &serde_json::json!({"scope": "app"}),
            &EncodingKey::from_secret(b"secret"),
        )
        .unwrap();
        assert!(
            key()
                .check(Some(&bearer(&other_alg)), None)
                .unwrap_err()
                .contains("must be HS256")
        );
    }

    #[test]
    fn app_user_jwts_reach_only_their_user() {
        let claims = serde_json::json!({"scope": "appUser", "userId": "u1"});
        let token = bearer(&jwt(Some("app_1"), "secret", claims));
        assert_eq!(key().check(Some(&token), Some("u1")), Ok(()));
        assert!(key().check(Some(&token), Some("u2")).is_err());
        let numeric = serde_json::json!({"scope": "appUser", "userId": 1});
        let token = bearer(&jwt(Some("app_1"), "secret", numeric));
        assert!(
            key()
                .check(Some(&token), Some("1"))
                .unwrap_err()
                .contains("must be a string")
        );
    }
}
