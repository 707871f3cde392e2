//! Bounded property tests: the response decoders, the webhook event decoders (v1.1 events, v2
//! deliveries) and receivers, and
//! the client's decode path never panic, whatever the server sends, and every path id arrives
//! as one segment that decodes back to itself.
//!
//! Failures are not persisted to files (`failure_persistence: None`); proptest prints the
//! minimal failing input instead.

use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use httpmock::prelude::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use smooch_client::models::Cursor;
use smooch_client::models::{
    ActivityResponse, App, AppResponse, Conversation, ConversationActivity, Deployment,
    DeploymentDeletion, DeploymentResponse, GetIntegrationProfileResponse, GetMessagesResponse,
    GetSdkIdsResponse, Integration, IntegrationResponse, JwtResponse, ListAppsResponse,
    ListDeploymentsResponse, ListIntegrationsResponse, ListSecretKeysResponse,
    ListServiceAccountsResponse, ListTemplatesResponse, MenuResponse, Message, MessagePost,
    MessageResponse, Role, SecretKeyResponse, ServiceAccountResponse, Template, TemplateResponse,
    UploadIntegrationProfilePhotoResponse,
};
use smooch_client::v2::webhook::Delivery;
use smooch_client::webhook::{Event, Receiver, Verifier};
use smooch_client::{
    ApiError, AppApi, Client, ConversationApi, DecodeError, DeploymentApi, Error, IntegrationApi,
    RetryPolicy, TemplateApi,
};
use smooch_tests::{APP, KEY_ID, SECRET, USER};

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs: real fixtures, arbitrary JSON values, and mutations of both.

/// Every fixture, as text.
static FIXTURES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let dir = format!("{}/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    assert!(names.len() > 10, "fixtures missing from {dir}");
    names
        .iter()
        .map(|name| smooch_tests::fixture(name))
        .collect()
});

/// Responses of the operator endpoints (apps, service accounts, keys, integrations, menus,
/// templates, deployments), written from the spec: the fixtures hold only conversation bodies.
const OPERATOR_SAMPLES: &[&str] = &[
    r#"{"app":{"_id":"a1","appToken":"t1","name":"Support","settings":{"maskCreditCardNumbers":true,"conversationRetentionSeconds":60},"metadata":{"tier":"gold"}}}"#,
    r#"{"apps":[{"_id":"a1","appToken":"t1","name":"One"},{"_id":"a2","appToken":"t2","name":"Two"}],"hasMore":true,"offset":0}"#,
    r#"{"androidIntegrationId":"i1","iosIntegrationId":"i2","webIntegrationId":"i3"}"#,
    r#"{"serviceAccount":{"_id":"sa1","name":"Bot"}}"#,
    r#"{"serviceAccounts":[{"_id":"sa1","name":"Bot"}],"hasMore":false,"offset":25}"#,
    r#"{"key":{"_id":"app_1","name":"ci","secret":"s3cr3t"}}"#,
    r#"{"keys":[{"_id":"app_1","name":"ci","secret":"s3cr3t"},{"_id":"app_2","name":"ops"}]}"#,
    r#"{"jwt":"eyJhbGciOiJIUzI1NiJ9.e30.sig"}"#,
    r#"{"integration":{"_id":"i1","type":"messenger","status":"active","pageAccessToken":"p","appId":"a","appSecret":"s","pageId":"1"}}"#,
    r#"{"integrations":[{"_id":"i1","type":"twilio","accountSid":"AC","authToken":"t","phoneNumber":"+1"},{"_id":"i2","type":"web","brandColor":"65a4e0","integrationOrder":["i1"],"originWhitelist":["https://x"],"fixedIntroPane":true,"displayStyle":"tab"},{"_id":"i3","type":"instagram","businessUsername":"acme"}],"hasMore":true,"offset":0}"#,
    r#"{"integration":{"_id":"i4","type":"twitter","tier":"premium","envName":"prod","consumerKey":"c","consumerSecret":"s","hideUnsubscribeLink":false}}"#,
    r#"{"profile":{"about":"Open","websites":["https://x"]}}"#,
    r#"{"photoUrl":"https://media.smooch.io/p.jpg"}"#,
    r#"{"menu":{"items":[{"type":"link","text":"Site","uri":"https://x"},{"type":"submenu","text":"More","items":[{"type":"postback","text":"Help","payload":"HELP"}]}]}}"#,
    r#"{"template":{"_id":"t1","name":"greeting","message":{"role":"appMaker","type":"text","text":"Hi","actions":[{"type":"reply","text":"Yes","payload":"YES"}]}}}"#,
    r#"{"templates":[{"_id":"t1","name":"a","message":{"role":"appMaker","type":"text","text":"A"}}],"hasMore":false}"#,
    r#"{"deployment":{"_id":"d1","status":"registered","hosting":"self","baseUrl":"https://wa","username":"admin","phoneNumber":"+1","callbackSecret":"cb"}}"#,
    r#"{"deployments":[{"_id":"d1","status":"deleting","hosting":"smooch"}]}"#,
];

/// Every fixture and operator sample as JSON, plus the objects inside them (messages,
/// conversations, apps, integrations, ...), so that each model has seeds of its own shape.
static SEEDS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut seeds = Vec::new();
    for text in FIXTURES
        .iter()
        .map(String::as_str)
        .chain(OPERATOR_SAMPLES.iter().copied())
    {
        let value: Value = serde_json::from_str(text).unwrap();
        for key in [
            "message",
            "conversation",
            "app",
            "integration",
            "template",
            "deployment",
        ] {
            if let Some(inner) = value.get(key).filter(|v| v.is_object()) {
                seeds.push(inner.clone());
            }
        }
        for key in [
            "messages",
            "extraMessages",
            "apps",
            "integrations",
            "templates",
            "deployments",
        ] {
            if let Some(Value::Array(inner)) = value.get(key) {
                seeds.extend(inner.iter().cloned());
            }
        }
        seeds.push(value);
    }
    seeds
});

/// Keys and words of the API, so that arbitrary JSON often takes the models' shapes.
const KEYS: &[&str] = &[
    "_id",
    "authorId",
    "role",
    "type",
    "received",
    "text",
    "name",
    "email",
    "avatarUrl",
    "source",
    "message",
    "messages",
    "extraMessages",
    "conversation",
    "unreadCount",
    "appMakerLastRead",
    "appUserLastRead",
    "next",
    "previous",
    "items",
    "actions",
    "metadata",
    "payload",
    "mediaUrl",
    "mediaType",
    "mediaSize",
    "altText",
    "coordinates",
    "lat",
    "long",
    "location",
    "address",
    "fields",
    "options",
    "quotedMessage",
    "content",
    "displaySettings",
    "imageAspectRatio",
    "blockChatInput",
    "uri",
    "title",
    "description",
    "size",
    "amount",
    "currency",
    "state",
    "default",
    "fallback",
    "error",
    "code",
    "app",
    "apps",
    "appToken",
    "settings",
    "hasMore",
    "offset",
    "serviceAccount",
    "key",
    "keys",
    "secret",
    "jwt",
    "integration",
    "integrations",
    "status",
    "token",
    "pageAccessToken",
    "integrationOrder",
    "menu",
    "template",
    "deployment",
    "hosting",
    "photoUrl",
    "profile",
];

const WORDS: &[&str] = &[
    "",
    "appUser",
    "appMaker",
    "whisper",
    "text",
    "image",
    "file",
    "carousel",
    "list",
    "location",
    "form",
    "formResponse",
    "reply",
    "postback",
    "link",
    "webview",
    "buy",
    "share",
    "locationRequest",
    "typing:start",
    "typing:stop",
    "conversation:read",
    "api",
    "messenger",
    "compact",
    "large",
    "horizontal",
    "square",
    "message",
    "1529600550.492",
    "twilio",
    "web",
    "instagram",
    "active",
    "submenu",
    "self",
    "smooch",
    "deleting",
    "premium",
];

/// Short strings of any characters, weighted towards the ones URLs and JSON treat specially.
fn any_string(max: usize) -> impl Strategy<Value = String> {
    let special = select(
        &[
            '%', '/', '.', '?', '#', ' ', '"', '\\', '\0', '\n', '&', '=', '+',
        ][..],
    );
    vec(
        prop_oneof![3 => any::<char>(), 2 => proptest::char::range(' ', '~'), 1 => special],
        0..max,
    )
    .prop_map(String::from_iter)
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => select(KEYS).prop_map(str::to_owned), 1 => any_string(8)]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1e4f64..2e9).prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        select(WORDS).prop_map(Value::from),
        any_string(16).prop_map(Value::from),
    ]
}

/// Arbitrary JSON, at most 4 levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 96, 8, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..8).prop_map(Value::Array),
            vec((key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Every value inside `value` (itself first), as JSON pointers.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(entries) => {
            for (key, item) in entries {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{escaped}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A seed with a few of its values replaced by arbitrary JSON or removed: the models' shapes,
/// with wrong types, missing keys and odd values where the decoders must cope.
fn mutated_seed() -> impl Strategy<Value = Value> {
    mutated_from(&SEEDS)
}

/// One of `seeds` with a few of its values replaced by arbitrary JSON or removed.
fn mutated_from(seeds: &'static [Value]) -> impl Strategy<Value = Value> {
    let edit = prop_oneof![3 => json_value().prop_map(Some), 1 => Just(None)];
    (any::<Index>(), vec((any::<Index>(), edit), 1..4)).prop_map(move |(seed, edits)| {
        let mut value = seeds[seed.index(seeds.len())].clone();
        for (at, replacement) in edits {
            let mut all = Vec::new();
            pointers(&value, String::new(), &mut all);
            let pointer = &all[at.index(all.len())];
            match (replacement, pointer.rsplit_once('/')) {
                (Some(replacement), _) => *value.pointer_mut(pointer).unwrap() = replacement,
                (None, Some((parent, last))) => match value.pointer_mut(parent) {
                    Some(Value::Object(entries)) => {
                        entries.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Some(Value::Array(items)) => {
                        items.remove(last.parse::<usize>().unwrap());
                    }
                    _ => {}
                },
                (None, None) => value = Value::Null,
            }
        }
        value
    })
}

#[derive(Clone, Debug)]
enum ByteEdit {
    Set(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    Truncate(Index),
}

/// A fixture's bytes with a few bytes changed, inserted or deleted, or cut short.
fn mutated_fixture() -> impl Strategy<Value = Vec<u8>> {
    let edit = prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<Index>(), select(&b"{}[]\",:0-.e\\ntfu"[..])).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        any::<Index>().prop_map(ByteEdit::Delete),
        any::<Index>().prop_map(ByteEdit::Truncate),
    ];
    (any::<Index>(), vec(edit, 1..6)).prop_map(|(fixture, edits)| {
        let mut bytes = FIXTURES[fixture.index(FIXTURES.len())].as_bytes().to_vec();
        for edit in edits {
            let len = bytes.len();
            match edit {
                ByteEdit::Set(i, b) if len > 0 => bytes[i.index(len)] = b,
                ByteEdit::Insert(i, b) => bytes.insert(i.index(len + 1), b),
                ByteEdit::Delete(i) if len > 0 => {
                    bytes.remove(i.index(len));
                }
                ByteEdit::Truncate(i) => bytes.truncate(i.index(len + 1)),
                _ => {}
            }
        }
        bytes
    })
}

/// Bodies a server might send: anything at all, JSON of any shape, damaged fixtures.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..256),
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        mutated_seed().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        mutated_fixture(),
        select(&FIXTURES[..]).prop_map(String::into_bytes),
    ]
}

// ---------------------------------------------------------------------------------------------
// The decoders alone.

/// Decodes `bytes` as `T`; when that works, the value survives a round trip through JSON.
fn decode<T>(bytes: &[u8]) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Serialize,
{
    let Ok(decoded) = serde_json::from_slice::<T>(bytes) else {
        return Ok(());
    };
    let name = std::any::type_name::<T>();
    let json = serde_json::to_vec(&decoded).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let again = serde_json::from_slice::<T>(&json).map_err(|e| {
        TestCaseError::fail(format!(
            "{name} encoded as {} does not decode: {e}",
            show(&json)
        ))
    })?;
    let (first, second) = (serde_json::to_value(&decoded), serde_json::to_value(&again));
    let (Ok(first), Ok(second)) = (first, second) else {
        return Err(TestCaseError::fail(format!("{name} cannot be encoded")));
    };
    prop_assert!(
        same_json(&first, &second),
        "{} changed in a round trip through {}: {} became {}",
        name,
        show(&json),
        first,
        second
    );
    Ok(())
}

fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The same JSON, floats equal to within 1e-15 relative: serde_json's default float parsing is
/// best-effort and does not give back every 17-digit float exactly (its `float_roundtrip`
/// feature would).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs()),
                _ => false,
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Runs `$body` once for each response model, as the type `$t`.
macro_rules! for_each_model {
    ($t:ident => $body:expr) => {{
        for_each_model!(@each $t => $body;
            MessageResponse, GetMessagesResponse, ActivityResponse, Message, Conversation,
            AppResponse, ListAppsResponse, App, GetSdkIdsResponse, ServiceAccountResponse,
            ListServiceAccountsResponse, SecretKeyResponse, ListSecretKeysResponse, JwtResponse,
            IntegrationResponse, ListIntegrationsResponse, Integration,
            GetIntegrationProfileResponse, UploadIntegrationProfilePhotoResponse, MenuResponse,
            TemplateResponse, ListTemplatesResponse, Template, DeploymentResponse,
            ListDeploymentsResponse, Deployment, DeploymentDeletion);
    }};
    (@each $t:ident => $body:expr; $($model:ty),+) => {
        $({
            type $t = $model;
            $body;
        })+
    };
}

fn decode_all(bytes: &[u8]) -> Result<(), TestCaseError> {
    for_each_model!(T => decode::<T>(bytes)?);
    // The type of any decoded integration, and its fields, are readable and printable.
    if let Ok(list) = serde_json::from_slice::<ListIntegrationsResponse>(bytes) {
        for integration in &list.integrations {
            let _ = (
                integration.kind.integration_type(),
                format!("{:?}", integration.kind),
            );
        }
    }
    Ok(())
}

fn decode_value_all(value: &Value) {
    for_each_model!(T => { let _ = serde_json::from_value::<T>(value.clone()); });
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn decoders_never_panic_on_arbitrary_bytes(bytes in vec(any::<u8>(), 0..512)) {
        decode_all(&bytes)?;
    }

    #[test]
    fn decoders_never_panic_on_arbitrary_json(value in json_value()) {
        decode_all(&serde_json::to_vec(&value).unwrap())?;
        decode_value_all(&value);
    }

    #[test]
    fn decoders_never_panic_on_fixtures_with_values_replaced(value in mutated_seed()) {
        decode_all(&serde_json::to_vec(&value).unwrap())?;
        decode_value_all(&value);
    }

    #[test]
    fn decoders_never_panic_on_damaged_fixtures(bytes in mutated_fixture()) {
        decode_all(&bytes)?;
    }
}

// ---------------------------------------------------------------------------------------------
// The webhook event decoder and the receiver.

/// The webhook payloads written for the tests, one per trigger.
static EVENT_SEEDS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    smooch_tests::events::all()
        .into_iter()
        .map(|(_, value)| value)
        .collect()
});

/// Every trigger, and a few that are not.
const TRIGGERS: &[&str] = &[
    "message:appUser",
    "message:appMaker",
    "postback",
    "conversation:start",
    "conversation:read",
    "conversation:referral",
    "typing:appUser",
    "merge:appUser",
    "delivery:success",
    "delivery:failure",
    "message:delivery:channel",
    "message:delivery:user",
    "message:delivery:failure",
    "notification:delivery:channel",
    "notification:delivery:user",
    "notification:delivery:failure",
    "payment:success",
    "link:success",
    "link:match",
    "link:failure",
    "client:add",
    "client:remove",
    "appUser:delete",
    "message",
    "*",
    "",
    "brand:new",
];

/// Arbitrary JSON objects with a `trigger`, so most reach a typed decoder.
fn triggered_json() -> impl Strategy<Value = Value> {
    (select(TRIGGERS), json_value(), any::<bool>()).prop_map(|(trigger, value, with_app)| {
        let mut object = match value {
            Value::Object(object) => object,
            other => [("messages".to_owned(), other)].into_iter().collect(),
        };
        object.insert("trigger".into(), Value::from(trigger));
        if with_app {
            object.insert("app".into(), serde_json::json!({"_id": "app_1"}));
        }
        Value::Object(object)
    })
}

/// Webhook bodies: anything, triggered JSON, damaged payloads of every trigger.
fn event_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..256),
        triggered_json().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        mutated_from(&EVENT_SEEDS).prop_map(|v| serde_json::to_vec(&v).unwrap()),
    ]
}

/// Decodes `bytes` as an event: never a panic, and a decoded event survives a round trip.
fn decode_event(bytes: &[u8]) -> Result<(), TestCaseError> {
    decode::<Event>(bytes)?;
    if let Ok(event) = Event::from_slice(bytes) {
        let via_serde = serde_json::from_slice::<Event>(bytes);
        prop_assert!(via_serde.is_ok(), "serde and from_slice disagree");
        prop_assert!(!event.trigger().is_empty() || event.is_unknown());
    }
    Ok(())
}

/// An event seed with one value (or key) replaced by a string the errors must not quote.
fn canary_payload() -> impl Strategy<Value = Value> {
    canary_from(&EVENT_SEEDS)
}

/// One of `seeds` with one value (or key) replaced by a string the errors must not quote.
fn canary_from(seeds: &'static [Value]) -> impl Strategy<Value = Value> {
    (any::<Index>(), any::<Index>(), any::<bool>()).prop_map(move |(seed, at, as_key)| {
        let mut value = seeds[seed.index(seeds.len())].clone();
        let mut all = Vec::new();
        pointers(&value, String::new(), &mut all);
        let pointer = &all[at.index(all.len())];
        let target = value.pointer_mut(pointer).unwrap();
        match target {
            Value::Object(entries) if as_key => {
                entries.insert("CANARY\"}".into(), Value::from(1));
            }
            other => *other = Value::from("CANARY\"}, 12"),
        }
        value
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_event_decoder_never_panics_and_round_trips(bytes in event_body()) {
        decode_event(&bytes)?;
    }

    #[test]
    fn event_errors_never_quote_the_payload(value in canary_payload()) {
        if let Err(error) = Event::from_value(value) {
            let (text, debug) = (error.to_string(), format!("{error:?}"));
            prop_assert!(!text.contains("CANARY") && !debug.contains("CANARY"), "{}", text);
        }
    }

    #[test]
    fn the_receiver_never_panics_whatever_the_key_and_body(
        key in proptest::option::of(vec(any::<u8>(), 0..40)),
        bytes in event_body(),
    ) {
        let receiver = Receiver::new(Verifier::for_app("app_1", "s3cret").with_secret("k"))
            .with_body_limit(512);
        let result = receiver.receive_key(key.as_deref(), &bytes);
        let known = matches!(key.as_deref(), Some(b"s3cret") | Some(b"k"));
        if !known {
            prop_assert!(result.is_err());
        }
        if let Err(error) = result {
            prop_assert!(!error.to_string().contains("s3cret"));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The v2 delivery decoder and receiver.

/// The v2 deliveries written for the tests: one per event type, and one of them all.
static DELIVERY_SEEDS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let events = smooch_tests::events_v2::all();
    let mut seeds: Vec<Value> = events
        .iter()
        .map(|(_, event)| smooch_tests::events_v2::delivery(vec![event.clone()]))
        .collect();
    seeds.push(smooch_tests::events_v2::delivery(
        events.into_iter().map(|(_, event)| event).collect(),
    ));
    seeds
});

/// Every v2 event type, and a few that are not.
const TYPES: &[&str] = &[
    "client:add",
    "client:remove",
    "client:update",
    "conversation:create",
    "conversation:join",
    "conversation:leave",
    "conversation:remove",
    "conversation:message",
    "conversation:message:delivery:channel",
    "conversation:message:delivery:failure",
    "conversation:message:delivery:user",
    "conversation:postback",
    "conversation:read",
    "conversation:referral",
    "passthrough:messaging",
    "conversation:typing",
    "switchboard:acceptControl",
    "switchboard:acceptControl:failure",
    "switchboard:offerControl",
    "switchboard:offerControl:failure",
    "switchboard:passControl",
    "switchboard:passControl:failure",
    "switchboard:releaseControl",
    "user:merge",
    "user:update",
    "user:remove",
    "message:appUser",
    "conversation:pin",
    "",
];

/// Deliveries of events with a type and arbitrary JSON as their payload, so most events reach
/// a typed decoder.
fn typed_delivery() -> impl Strategy<Value = Value> {
    vec((select(TYPES), json_value(), any::<bool>()), 0..4).prop_map(|events| {
        let events = events
            .into_iter()
            .map(|(r#type, payload, with_id)| {
                let mut event = serde_json::json!({"type": r#type, "payload": payload});
                if with_id {
                    event["id"] = Value::from("5a1d0e7c3b9f4a2e8d6c1b01");
                }
                event
            })
            .collect();
        smooch_tests::events_v2::delivery(events)
    })
}

/// v2 bodies: anything, typed deliveries, damaged deliveries of every event type.
fn delivery_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..256),
        typed_delivery().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        mutated_from(&DELIVERY_SEEDS).prop_map(|v| serde_json::to_vec(&v).unwrap()),
    ]
}

/// Decodes `bytes` as a delivery: never a panic, a decoded delivery survives a round trip, and
/// each of its events is readable whatever it holds.
fn decode_delivery(bytes: &[u8]) -> Result<(), TestCaseError> {
    decode::<Delivery>(bytes)?;
    if let Ok(delivery) = Delivery::from_slice(bytes) {
        let via_serde = serde_json::from_slice::<Delivery>(bytes);
        prop_assert!(via_serde.is_ok(), "serde and from_slice disagree");
        let value: Value = serde_json::from_slice(bytes).unwrap();
        prop_assert_eq!(
            delivery.events.len(),
            value["events"].as_array().map_or(0, Vec::len),
            "no event is lost"
        );
        for event in &delivery.events {
            let _ = (
                event.conversation(),
                event.is_unknown(),
                format!("{event:?}"),
            );
        }
    }
    Ok(())
}

/// A delivery seed with one value (or key) replaced by a string the errors must not quote.
fn canary_delivery() -> impl Strategy<Value = Value> {
    canary_from(&DELIVERY_SEEDS)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_delivery_decoder_never_panics_and_round_trips(bytes in delivery_body()) {
        decode_delivery(&bytes)?;
    }

    #[test]
    fn delivery_and_event_errors_never_quote_the_payload(value in canary_delivery()) {
        let errors = match Delivery::from_value(value) {
            Ok(delivery) => delivery.events.iter().filter_map(|e| e.error().cloned()).collect(),
            Err(error) => vec![error],
        };
        for error in errors {
            let (text, debug) = (error.to_string(), format!("{error:?}"));
            prop_assert!(!text.contains("CANARY") && !debug.contains("CANARY"), "{}", text);
        }
    }

    #[test]
    fn the_v2_receiver_never_panics_whatever_the_key_and_body(
        key in proptest::option::of(vec(any::<u8>(), 0..40)),
        bytes in delivery_body(),
    ) {
        let receiver = Receiver::v2(
            Verifier::for_app(smooch_tests::events_v2::APP_ID, "s3cret").with_secret("k"),
        )
        .with_body_limit(2048);
        let result = receiver.receive_key(key.as_deref(), &bytes);
        let known = matches!(key.as_deref(), Some(b"s3cret") | Some(b"k"));
        if !known {
            prop_assert!(result.is_err());
        }
        if let Err(error) = result {
            prop_assert!(!error.to_string().contains("s3cret"));
        }
    }
}

/// Every delivery seed decodes, each event to its typed payload.
#[test]
fn every_delivery_seed_decodes() {
    for seed in DELIVERY_SEEDS.iter() {
        let delivery = Delivery::from_value(seed.clone()).unwrap();
        assert!(!delivery.events.is_empty());
        for event in &delivery.events {
            assert!(!event.is_unknown() && event.error().is_none(), "{seed}");
        }
    }
}

/// Every event seed decodes to its typed event.
#[test]
fn every_event_seed_decodes() {
    for seed in EVENT_SEEDS.iter() {
        let event = Event::from_value(seed.clone()).unwrap();
        assert!(!event.is_unknown(), "{seed}");
    }
}

/// The seeds are worth mutating: each model decodes some of them.
#[test]
fn every_model_decodes_some_seed() {
    fn decodes<T: DeserializeOwned>() -> usize {
        SEEDS
            .iter()
            .filter(|v| serde_json::from_value::<T>((*v).clone()).is_ok())
            .count()
    }
    for_each_model!(T => assert!(decodes::<T>() > 0, "{}", std::any::type_name::<T>()));
}

// ---------------------------------------------------------------------------------------------
// The client, end to end, against a server answering anything.

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn client_at(server: &MockServer) -> Client {
    Client::builder()
        .basic_auth(KEY_ID, SECRET)
        .base_url(server.base_url())
        .timeout(Duration::from_secs(10))
        .retry(RetryPolicy::disabled())
        .build()
        .unwrap()
}

const ENDPOINTS: [&str; 11] = [
    "get_messages",
    "post_message",
    "conversation_activity",
    "delete_message",
    "delete_messages",
    "reset_unread_count",
    "get_app",
    "delete_app",
    "list_integrations",
    "list_templates",
    "delete_deployment",
];

/// Calls one endpoint; `true` when its success result is `()`, which any body satisfies.
async fn call(client: &Client, endpoint: &str) -> (bool, Result<(), Error>) {
    match endpoint {
        "get_messages" => (
            false,
            client
                .get_messages(APP, USER, Cursor::Latest)
                .await
                .map(drop),
        ),
        "post_message" => {
            let post = MessagePost::text(Role::AppMaker, "hi");
            (false, client.post_message(APP, USER, &post).await.map(drop))
        }
        "conversation_activity" => {
            let activity = ConversationActivity::typing_start();
            (
                false,
                client
                    .conversation_activity(APP, USER, &activity)
                    .await
                    .map(drop),
            )
        }
        "delete_message" => (true, client.delete_message(APP, USER, "m1").await),
        "delete_messages" => (true, client.delete_messages(APP, USER).await),
        "reset_unread_count" => (true, client.reset_unread_count(APP, USER).await),
        "get_app" => (false, client.get_app(APP).await.map(drop)),
        "delete_app" => (true, client.delete_app(APP).await),
        "list_integrations" => (
            false,
            client
                .list_integrations(APP, &Default::default())
                .await
                .map(drop),
        ),
        "list_templates" => (
            false,
            client.list_templates(APP, None, None).await.map(drop),
        ),
        "delete_deployment" => (false, client.delete_deployment("d1").await.map(drop)),
        other => unreachable!("{other}"),
    }
}

#[test]
fn the_client_never_panics_whatever_the_server_answers() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start_async());
    let client = client_at(&server);
    const STATUSES: [u16; 12] = [200, 201, 202, 400, 401, 404, 409, 413, 429, 500, 502, 503];
    const CONTENT_TYPES: [&str; 3] = ["application/json", "text/html", "application/octet-stream"];
    let strategy = (
        select(&ENDPOINTS[..]),
        select(&STATUSES[..]),
        select(&CONTENT_TYPES[..]),
        body(),
    );

    let mut runner = TestRunner::new(config(32));
    let result = runner.run(&strategy, |(endpoint, status, content_type, body)| {
        rt.block_on(async {
            let mock = server
                .mock_async(|when, then| {
                    when.any_request();
                    then.status(status)
                        .header("content-type", content_type)
                        .body(&body);
                })
                .await;
            let (empty, result) = call(&client, endpoint).await;
            mock.delete_async().await;

            // Whatever the error, it can be shown.
            if let Err(error) = &result {
                let _ = format!("{error} {error:?}");
            }
            match result {
                Ok(()) => prop_assert!((200..300).contains(&status), "Ok from HTTP {}", status),
                Err(Error::Decode(e)) => {
                    prop_assert!(!empty, "{} has no body to decode: {}", endpoint, e);
                    prop_assert_eq!(e.status.as_u16(), status);
                    prop_assert!(!e.path.is_empty());
                    prop_assert!(e.snippet.len() <= DecodeError::SNIPPET_LIMIT);
                }
                Err(Error::Api(e)) => {
                    prop_assert!(status >= 400, "API error from HTTP {}: {}", status, e);
                    prop_assert_eq!(e.status.as_u16(), status);
                    prop_assert_eq!((e.attempts.count, &*e.operation), (1, endpoint));
                    prop_assert!(
                        e.body
                            .as_ref()
                            .is_none_or(|b| b.len() <= ApiError::BODY_LIMIT)
                    );
                }
                Err(other) => prop_assert!(false, "{} answered {}: {:?}", endpoint, status, other),
            }
            Ok(())
        })
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

// ---------------------------------------------------------------------------------------------
// Path segments.

/// `%XX` sequences decoded; `None` when one is malformed or the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

type Received = (String, Option<String>);

#[test]
fn every_user_id_arrives_as_one_segment_that_decodes_back_to_itself() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start_async());
    let client = client_at(&server);
    // The path and query of each request the server received.
    let seen: Arc<Mutex<Vec<Received>>> = Arc::default();
    let record = seen.clone();
    let _mock = rt.block_on(server.mock_async(move |when, then| {
        when.is_true(move |request| {
            let uri = request.uri();
            let query = uri.query().map(str::to_owned);
            record.lock().unwrap().push((uri.path().to_owned(), query));
            true
        });
        then.status(200).body("{}");
    }));
    let ids =
        any_string(24).prop_filter("a sendable id", |s| !matches!(s.as_str(), "" | "." | ".."));

    let mut runner = TestRunner::new(config(64));
    let result = runner.run(&ids, |id| {
        seen.lock().unwrap().clear();
        let result = rt.block_on(client.delete_messages(APP, &id));
        prop_assert!(result.is_ok(), "{:?}: {:?}", id, result);
        let (path, query) = seen
            .lock()
            .unwrap()
            .last()
            .cloned()
            .expect("a request arrived");
        prop_assert_eq!(query, None, "{:?} leaked into the query", id);
        prop_assert!(!path.contains(['?', '#']), "{:?} sent as {}", id, path);
        let segments: Vec<&str> = path.split('/').collect();
        let [_, "v1.1", "apps", app, "appusers", segment, "messages"] = segments[..] else {
            return Err(TestCaseError::fail(format!("{id:?} sent as {path}")));
        };
        prop_assert_eq!(app, APP);
        prop_assert!(
            segment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{:?} sent with a character that is not percent-encoded: {}",
            id,
            segment
        );
        prop_assert_eq!(
            percent_decode(segment),
            Some(id.clone()),
            "sent as {}",
            segment
        );
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

// ---------------------------------------------------------------------------------------------
// API v2's response decoders.

/// Answers of API v2, one or more per response model, written from the v2 sheet's examples.
const V2_SAMPLES: &[&str] = &[
    r#"{"app":{"id":"5963c0d619a30a2e00de36b8","displayName":"My App","subdomain":"acme","settings":{"multiConvoEnabled":true,"conversationRetentionSeconds":60},"metadata":{"tier":"gold"}}}"#,
    r#"{"apps":[{"id":"a1","displayName":"One"},{"id":"a2"}],"meta":{"hasMore":true,"afterCursor":"a2","beforeCursor":"a1"},"links":{"next":"https://api.smooch.io/v2/apps?page[after]=a2","prev":null}}"#,
    r#"{"key":{"id":"app_5723a347f82ba0516cb4ea34","displayName":"My Key","secret":"5XJ85yjUtRcaQu_pDINblPZb"}}"#,
    r#"{"keys":[{"id":"int_1","displayName":"k","secret":"s"}]}"#,
    r#"{"attachment":{"mediaUrl":"https://media.smooch.io/apps/a1/f.png","mediaType":"image/png"}}"#,
    r#"{"conversation":{"id":"c1","type":"personal","activeSwitchboardIntegration":{"id":"s1","name":"bot","integrationId":"i1","integrationType":"custom"},"pendingSwitchboardIntegration":null,"isDefault":true,"displayName":"Support","metadata":{"lang":"en"},"lastUpdatedAt":"2023-11-14T23:55:23.456Z","createdAt":"2023-11-14T23:55:23+00:00"}}"#,
    r#"{"conversations":[{"id":"c1","type":"sdkGroup"}],"meta":{"hasMore":false},"links":{}}"#,
    r#"{"participant":{"id":"p1","userId":"u1","unreadCount":3,"clientAssociations":[{"clientId":"cl1","type":"web"}],"userExternalId":"steve","lastRead":"2023-11-14T23:55:23.456Z"}}"#,
    r#"{"participants":[{"id":"p1","userId":"u1"}],"meta":{"hasMore":true,"afterCursor":"p1"}}"#,
    r#"{"messages":[{"id":"m1","received":"2023-11-14T23:55:23.456Z","author":{"type":"user","userId":"u1","displayName":"Steve","avatarUrl":"https://x/a.png"},"content":{"type":"text","text":"Hi","actions":[{"type":"reply","text":"Yes","payload":"YES"},{"type":"link","text":"Go","uri":"https://x","default":true}]},"source":{"type":"web","integrationId":"i1"},"quotedMessage":{"type":"externalMessageId","externalMessageId":"x1"}},{"id":"m2","content":{"type":"carousel","items":[{"title":"T","actions":[{"type":"postback","text":"P","payload":"p"}]}]}},{"id":"m3","content":{"type":"richLink","url":"https://x"}}],"meta":{"hasMore":true,"beforeCursor":"m1"},"links":{"prev":"https://api.smooch.io/v2/apps/a/conversations/c/messages?page[before]=m1"}}"#,
    r#"{"messages":[{"id":"m4","author":{"type":"business"},"content":{"type":"form","fields":[{"type":"select","name":"size","label":"Size","options":[{"label":"S","name":"s"}]}],"blockChatInput":false}},{"id":"m5","content":{"type":"location","coordinates":{"lat":45.5,"long":-73.5},"location":{"name":"Office","address":"1 Main St"}}},{"id":"m6","content":{"type":"template","template":{"name":"hello"}}}]}"#,
    r#"{"integration":{"id":"i1","type":"custom","status":"active","displayName":"Bot","webhooks":[{"id":"w1","version":"v2","target":"https://bot.example.com/hook","triggers":["conversation:message"],"includeFullUser":true,"secret":"whsec"}]}}"#,
    r#"{"integrations":[{"id":"i2","type":"messenger","pageId":123,"status":"active"},{"id":"i3","type":"twilio","phoneNumberSid":"PN1","accountSid":"AC1"},{"id":"i4","type":"someNewChannel","anything":[1,2]}],"meta":{"hasMore":false}}"#,
    r#"{"switchboard":{"id":"sb1","enabled":true,"defaultSwitchboardIntegrationId":"si1"}}"#,
    r#"{"switchboards":[{"id":"sb1","enabled":false}]}"#,
    r#"{"switchboardIntegration":{"id":"si1","name":"bot","integrationId":"i1","integrationType":"custom","deliverStandbyEvents":false,"nextSwitchboardIntegrationId":"si2","messageHistoryCount":5}}"#,
    r#"{"switchboardIntegrations":[{"id":"si1","name":"agent"}]}"#,
    r#"{"user":{"id":"u1","externalId":"steve","signedUpAt":"2023-11-14T23:55:23.456Z","toBeRetained":true,"profile":{"givenName":"Steve","surname":"Z","email":"s@x.com","avatarUrl":"https://x","locale":"en-US"},"metadata":{"plan":"pro"},"identities":[{"type":"email","value":"s@x.com","verification":"sso"}]}}"#,
    r#"{"users":[{"id":"u1","externalId":"123"}],"meta":{"hasMore":false}}"#,
    r#"{"client":{"id":"cl1","type":"web","status":"active","integrationId":"i1","externalId":"x","lastSeen":"2023-11-14T23:55:23.456Z","linkedAt":"2023-11-14T23:55:23Z","displayName":"Steve","avatarUrl":"https://x","info":{"browser":"x"},"raw":{"a":1}}}"#,
    r#"{"clients":[{"id":"cl2","type":"sdkIos","status":"pending"}],"meta":{"hasMore":true,"afterCursor":"cl2"}}"#,
    r#"{"device":{"id":"d1","type":"web","guid":"g1","clientId":"cl1","status":"active","integrationId":"i1","lastSeen":"2023-11-14T23:55:23.456Z","pushNotificationToken":"t","info":{"os":"x"},"appVersion":"1.0"}}"#,
    r#"{"devices":[{"id":"d2","type":"android"}]}"#,
    r#"{"webhook":{"id":"w1","version":"v2","target":"https://x","triggers":["conversation:message","conversation:postback"],"includeFullUser":false,"includeFullSource":true,"secret":"s"}}"#,
    r#"{"webhooks":[{"id":"w1","target":"https://x","triggers":["*"]}]}"#,
    r#"{"access_token":"at-1","token_type":"Bearer"}"#,
];

/// The v2 samples as JSON values.
static V2_SEEDS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    V2_SAMPLES
        .iter()
        .map(|text| serde_json::from_str(text).unwrap())
        .collect()
});

/// Runs `$body` once for each v2 response model, as the type `$t`.
macro_rules! for_each_v2_model {
    ($t:ident => $body:expr) => {{
        use smooch_client::v2::models as v2;
        for_each_model!(@each $t => $body;
            v2::AppResponse, v2::AppListResponse, v2::AppKeyResponse, v2::AppKeyListResponse,
            v2::IntegrationApiKeyResponse, v2::IntegrationApiKeyListResponse,
            v2::AttachmentResponse, v2::ConversationResponse, v2::ConversationListResponse,
            v2::ParticipantResponse, v2::ParticipantListResponse, v2::MessageListResponse,
            v2::MessagePostResponse, v2::Message, v2::IntegrationResponse,
            v2::IntegrationListResponse, v2::SwitchboardResponse, v2::SwitchboardListResponse,
            v2::SwitchboardIntegrationResponse, v2::SwitchboardIntegrationListResponse,
            v2::UserResponse, v2::UserListResponse, v2::ClientResponse, v2::ClientListResponse,
            v2::DeviceResponse, v2::DeviceListResponse, v2::WebhookResponse,
            v2::WebhookListResponse, v2::TokenResponse);
    }};
}

fn decode_all_v2(bytes: &[u8]) -> Result<(), TestCaseError> {
    for_each_v2_model!(T => decode::<T>(bytes)?);
    Ok(())
}

fn v2_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..256),
        json_value().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        mutated_from(&V2_SEEDS).prop_map(|v| serde_json::to_vec(&v).unwrap()),
        select(V2_SAMPLES).prop_map(|text| text.as_bytes().to_vec()),
    ]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn v2_decoders_never_panic_and_round_trip(bytes in v2_body()) {
        decode_all_v2(&bytes)?;
    }

    #[test]
    fn v2_decoders_never_panic_on_samples_with_values_replaced(value in mutated_from(&V2_SEEDS)) {
        decode_all_v2(&serde_json::to_vec(&value).unwrap())?;
        for_each_v2_model!(T => { let _ = serde_json::from_value::<T>(value.clone()); });
    }
}

/// The v2 samples are worth mutating: each v2 model decodes some of them with something in it.
#[test]
fn every_v2_model_decodes_some_sample() {
    fn decodes<T: DeserializeOwned + Serialize>() -> usize {
        V2_SEEDS
            .iter()
            .filter(|v| {
                serde_json::from_value::<T>((*v).clone())
                    .ok()
                    .and_then(|decoded| serde_json::to_value(decoded).ok())
                    .is_some_and(|json| json.as_object().is_some_and(|o| !o.is_empty()))
            })
            .count()
    }
    for_each_v2_model!(T => assert!(decodes::<T>() > 0, "{}", std::any::type_name::<T>()));
}
