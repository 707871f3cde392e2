//! Signing our own JWTs from an API key (HS256, `kid` = key id), and keeping them fresh.

use std::sync::RwLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderValue;
use serde::Serialize;

use crate::{Error, Result, Secret};

pub(crate) mod hs256;

/// What a signed JWT grants (its `scope` claim); see
/// [`ClientBuilder::sign_jwt`](crate::ClientBuilder::sign_jwt).
///
/// ```
/// use smooch_client::{Client, JwtScope};
///
/// // An app key: the usual scope for a bot's server.
/// let app = Client::builder()
///     .sign_jwt("app_5963ceb97cde542d000dbdb1", "app-key-secret", JwtScope::App)
///     .build()?;
/// // An account key, for apps, service accounts and deployments.
/// let account = Client::builder()
///     .sign_jwt("act_5963ceb97cde542d000dbdb1", "account-key-secret", JwtScope::Account)
///     .build()?;
/// // One user's conversation (e.g. a JWT handed to a client SDK).
/// let user = JwtScope::AppUser { user_id: "steve@example.com".into() };
/// # Ok::<(), smooch_client::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JwtScope {
    /// One app (an app key, `app_...`): the usual scope for a server.
    App,
    /// Every app of the account (an account key, `act_...` or `svc_...`).
    Account,
    /// One user's conversation; the `userId` claim is always sent as a string.
    AppUser {
        /// Your own id for the user.
        user_id: String,
    },
}

#[derive(Serialize)]
struct Claims<'a> {
    scope: &'static str,
    #[serde(rename = "userId", skip_serializing_if = "Option::is_none")]
    user_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exp: Option<u64>,
}

/// The latest `exp` signed: the year 9999, well inside every JWT library's range.
const MAX_EXP: u64 = 253_402_300_799;

/// The shortest lifetime a JWT may be given: renewal needs a margin before it expires.
const MIN_LIFETIME: Duration = Duration::from_secs(2);

/// A JWT is re-signed a fifth of its lifetime before it expires, at most this long before.
const MAX_RENEWAL_MARGIN: Duration = Duration::from_secs(60);

/// How long before it expires a JWT of `lifetime` is re-signed.
fn renewal_margin(lifetime: Duration) -> Duration {
    (lifetime / 5).min(MAX_RENEWAL_MARGIN)
}

/// Signs JWTs for one key and scope; re-signs before an expiring token lapses.
pub(crate) struct Signer {
    key_id: String,
    secret: Secret,
    scope: JwtScope,
    lifetime: Option<Duration>,
    current: RwLock<Signed>,
}

#[derive(Clone)]
struct Signed {
    header: HeaderValue,
    /// When to sign a new token (`None`: the token does not expire).
    renew_at: Option<SystemTime>,
}

impl Signer {
    /// Signs the first token now, so a bad key fails when the client is built.
    pub(crate) fn new(
        key_id: String,
        secret: Secret,
        scope: JwtScope,
        lifetime: Option<Duration>,
    ) -> Result<Self> {
        if key_id.is_empty() {
            return Err(Error::Config("the API key id is empty".into()));
        }
        if lifetime.is_some_and(|l| l < MIN_LIFETIME) {
            return Err(Error::Config(format!(
                "a JWT lifetime must be at least {MIN_LIFETIME:?}"
            )));
        }
        let first = sign(&key_id, &secret, &scope, lifetime, SystemTime::now())?;
        Ok(Signer {
            key_id,
            secret,
            scope,
            lifetime,
            current: RwLock::new(first),
        })
    }

    /// The `Authorization` value to send now: the current token, or a fresh one when it is due.
    pub(crate) fn header(&self) -> Result<HeaderValue> {
        self.header_at(SystemTime::now())
    }

    /// The `Authorization` value to send at `now`.
    fn header_at(&self, now: SystemTime) -> Result<HeaderValue> {
        {
            let current = self
                .current
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if current.renew_at.is_none_or(|at| now < at) {
                return Ok(current.header.clone());
            }
        }
        let fresh = sign(&self.key_id, &self.secret, &self.scope, self.lifetime, now)?;
        let mut current = self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *current = fresh.clone();
        Ok(fresh.header)
    }

    pub(crate) fn key_id(&self) -> &str {
        &self.key_id
    }
}

/// A token valid from `now`, and when to replace it: [`renewal_margin`] before it expires.
fn sign(
    key_id: &str,
    secret: &Secret,
    scope: &JwtScope,
    lifetime: Option<Duration>,
    now: SystemTime,
) -> Result<Signed> {
    let since_epoch = now.duration_since(UNIX_EPOCH).unwrap_or_default();
    // `exp` is in whole seconds, rounded down: renewal is timed from it, not from `lifetime`.
    let exp = match lifetime {
        None => None,
        Some(lifetime) => Some(
            since_epoch
                .checked_add(lifetime)
                .filter(|exp| exp.as_secs() <= MAX_EXP)
                .ok_or_else(|| Error::Config("the JWT lifetime is too long".into()))?
                .as_secs(),
        ),
    };
    let (scope_name, user_id) = match scope {
        JwtScope::App => ("app", None),
        JwtScope::Account => ("account", None),
        JwtScope::AppUser { user_id } => ("appUser", Some(user_id.as_str())),
    };
    let claims = Claims {
        scope: scope_name,
        user_id,
        exp,
    };
    let token = hs256::sign(key_id, &claims, secret.expose().as_bytes())
        .map_err(|e| Error::Config(format!("could not sign a JWT: {e}")))?;
    let mut value = HeaderValue::try_from(format!("Bearer {token}"))
        .map_err(|_| Error::Config("the signed JWT is not a valid header value".into()))?;
    value.set_sensitive(true);
    let renew_at = match (exp, lifetime) {
        (Some(exp), Some(lifetime)) => {
            let margin = renewal_margin(lifetime);
            let expires = UNIX_EPOCH
                .checked_add(Duration::from_secs(exp))
                .ok_or_else(|| Error::Config("the JWT lifetime is too long".into()))?;
            Some(expires.checked_sub(margin).unwrap_or(expires))
        }
        _ => None,
    };
    Ok(Signed {
        header: value,
        renew_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jsonwebtoken::{Algorithm, DecodingKey, Validation};

    fn claims_of(value: &HeaderValue, secret: &str) -> serde_json::Value {
        let token = value.to_str().unwrap().strip_prefix("Bearer ").unwrap();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.required_spec_claims.clear();
        let data = jsonwebtoken::decode::<serde_json::Value>(
            token,
            &DecodingKey::from_secret(secret.as_bytes()),
            &validation,
        )
        .unwrap();
        assert_eq!(data.header.kid.as_deref(), Some("app_1"));
        assert_eq!(data.header.alg, Algorithm::HS256);
        data.claims
    }

    #[test]
    fn signs_each_scope_with_kid_and_hs256() {
        let cases = [
            (JwtScope::App, serde_json::json!({"scope": "app"})),
            (JwtScope::Account, serde_json::json!({"scope": "account"})),
            (
                JwtScope::AppUser {
                    user_id: "42".into(),
                },
                serde_json::json!({"scope": "appUser", "userId": "42"}),
            ),
        ];
        for (scope, expected) in cases {
            let signer = Signer::new("app_1".into(), "s3cret".into(), scope, None).unwrap();
            let header = signer.header().unwrap();
            assert!(header.is_sensitive());
            assert_eq!(claims_of(&header, "s3cret"), expected);
        }
    }

    #[test]
    fn tokens_are_reused_until_they_are_due() {
        let signer = Signer::new("app_1".into(), "s".into(), JwtScope::App, None).unwrap();
        assert_eq!(signer.header().unwrap(), signer.header().unwrap());

        let lifetime = Duration::from_secs(300);
        let signer =
            Signer::new("app_1".into(), "s".into(), JwtScope::App, Some(lifetime)).unwrap();
        let first = signer.header().unwrap();
        assert_eq!(signer.header().unwrap(), first, "not due yet");
        let exp = claims_of(&first, "s")["exp"].as_u64().unwrap();
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert!((now + 299..=now + 301).contains(&exp), "{exp} vs {now}");

        // Just before it is due, the same token; once due (a fifth of the lifetime before it
        // expires), a new one with a later expiry, reused in turn.
        let due = UNIX_EPOCH + Duration::from_secs(exp - 60);
        let just_before = due - Duration::from_millis(1);
        assert_eq!(signer.header_at(just_before).unwrap(), first);
        let later = due + Duration::from_secs(2);
        let second = signer.header_at(later).unwrap();
        assert_ne!(second, first);
        assert_eq!(
            claims_of(&second, "s")["exp"].as_u64().unwrap(),
            exp - 58 + 300,
            "signed at the time it was due"
        );
        assert_eq!(signer.header_at(later).unwrap(), second, "reused again");
    }

    #[test]
    fn renewal_comes_before_expiry() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let signed = sign(
            "app_1",
            &"s".into(),
            &JwtScope::App,
            Some(Duration::from_secs(600)),
            now,
        )
        .unwrap();
        assert_eq!(signed.renew_at, Some(now + Duration::from_secs(540)));
        let signed = sign(
            "app_1",
            &"s".into(),
            &JwtScope::App,
            Some(Duration::from_secs(10)),
            now,
        )
        .unwrap();
        assert_eq!(signed.renew_at, Some(now + Duration::from_secs(8)));
    }

    #[test]
    fn renewal_is_timed_from_the_rounded_expiry_and_long_lifetimes_are_refused() {
        let now = UNIX_EPOCH + Duration::from_millis(1_000_900);
        let signed = sign(
            "app_1",
            &"s".into(),
            &JwtScope::App,
            Some(Duration::from_secs(5)),
            now,
        )
        .unwrap();
        // exp = 1005 s (1000.9 + 5, rounded down); renewed a fifth of the lifetime earlier.
        assert_eq!(
            signed.renew_at,
            Some(UNIX_EPOCH + Duration::from_secs(1004))
        );
        for lifetime in [Duration::MAX, Duration::from_secs(u64::MAX / 2)] {
            let result = Signer::new("k".into(), "s".into(), JwtScope::App, Some(lifetime));
            assert!(matches!(result, Err(Error::Config(_))));
        }
    }

    mod extremes {
        use super::*;
        use proptest::prelude::*;

        /// Any time `SystemTime` holds around the epoch, the far past and future included.
        fn now() -> impl Strategy<Value = SystemTime> {
            let offset = prop_oneof![
                (0..=u64::MAX, 0..1_000_000_000u32).prop_map(|(s, n)| Duration::new(s, n)),
                (0..4_000_000_000u64).prop_map(Duration::from_secs),
                Just(Duration::MAX),
            ];
            (any::<bool>(), offset).prop_map(|(after, offset)| {
                let time = if after {
                    UNIX_EPOCH.checked_add(offset)
                } else {
                    UNIX_EPOCH.checked_sub(offset)
                };
                time.unwrap_or(UNIX_EPOCH)
            })
        }

        fn lifetime() -> impl Strategy<Value = Duration> {
            prop_oneof![
                (2..=u64::MAX, 0..1_000_000_000u32).prop_map(|(s, n)| Duration::new(s, n)),
                (2..100_000u64).prop_map(Duration::from_secs),
                Just(Duration::MAX),
            ]
        }

        proptest! {
            #![proptest_config(proptest::test_runner::Config {
                cases: 256,
                failure_persistence: None,
                ..Default::default()
            })]

            /// Signing at any time with any lifetime never panics: the token expires after it
            /// was signed (in whole seconds), and is renewed before it expires and after now;
            /// or the lifetime is refused as too long.
            #[test]
            fn signing_at_any_time_never_overflows(now in now(), lifetime in lifetime()) {
                match sign("app_1", &"s".into(), &JwtScope::App, Some(lifetime), now) {
                    Ok(signed) => {
                        let renew_at = signed.renew_at.expect("an expiring token is renewed");
                        let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
                        let exp = UNIX_EPOCH + Duration::from_secs((since + lifetime).as_secs());
                        prop_assert!(renew_at < exp);
                        prop_assert!(renew_at > now, "{renew_at:?} at {now:?}");
                        prop_assert!(exp.duration_since(UNIX_EPOCH).unwrap().as_secs() <= MAX_EXP);
                    }
                    Err(Error::Config(reason)) => prop_assert!(reason.contains("too long")),
                    Err(other) => return Err(TestCaseError::fail(other.to_string())),
                }
            }
        }
    }

    #[test]
    fn bad_configuration_is_refused() {
        assert!(Signer::new(String::new(), "s".into(), JwtScope::App, None).is_err());
        assert!(
            Signer::new(
                "k".into(),
                "s".into(),
                JwtScope::App,
                Some(Duration::from_secs(1))
            )
            .is_err()
        );
    }
}
