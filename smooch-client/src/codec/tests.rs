//! The machinery behind `#[model]`, on small models declared here: single-pass embedding,
//! unions, the two modes, and what is written back.

use serde_json::{Value, json};
use smooch_macros::model;

use crate::models::Unknown;

/// What every event-like model shares.
#[model]
struct Head {
    /// The kind.
    #[model(key)]
    kind: String,
    /// A time.
    at: Option<u64>,
}

#[model]
struct Body {
    /// The head, read in the same pass.
    #[serde(flatten)]
    head: Head,
    /// Items.
    items: Vec<u8>,
    /// Properties.
    props: crate::models::JsonObject,
    /// A count.
    #[model(required)]
    count: u32,
}

#[model(request, setters)]
struct Point {
    /// Latitude.
    #[model(required)]
    lat: f64,
    /// Longitude.
    #[model(required)]
    long: f64,
}

#[model(request)]
struct Trip {
    /// Where.
    #[model(required)]
    to: Point,
}

/// A response holding a request model.
#[model]
struct Plan {
    /// The trip as given.
    trip: Option<Trip>,
}

#[model]
struct Twilio {
    /// The account.
    account_sid: Option<String>,
}

#[model]
struct Telegram {
    /// The token.
    token: Option<String>,
}

#[model(tag = "type")]
enum Kind {
    /// Twilio.
    Twilio(Twilio),
    /// Telegram.
    Telegram(Telegram),
    /// Not known.
    #[model(other)]
    Other(Unknown),
}

#[model]
struct Channel {
    /// Its id.
    #[serde(rename = "_id")]
    #[model(key)]
    id: String,
    /// What kind of channel, and its fields.
    #[serde(flatten)]
    kind: Kind,
}

/// A union held in an optional field (built in its slot).
#[model]
struct Holder {
    /// The kind, when sent.
    kind: Option<Kind>,
}

fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

fn written(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn an_embedded_model_is_read_in_the_same_pass_with_last_wins_and_unknown_keys() {
    let text = r#"{"items":[1],"kind":"a","other":true,"kind":"b","count":2,"at":7,"items":[]}"#;
    let body: Body = read(text).unwrap();
    assert_eq!(body.head.kind, "b", "the last value of a repeated key wins");
    assert_eq!(body.head.at, Some(7));
    assert!(body.items.is_empty());
    assert_eq!(body.count, 2);
    assert_eq!(body.extra["other"], true);
    assert!(
        body.head.extra.is_empty(),
        "unknown keys stay with the outer model"
    );
    // Received empty, written back; never received, left out.
    assert_eq!(
        written(&body),
        json!({"kind": "b", "at": 7, "items": [], "count": 2, "other": true})
    );
    let missing = read::<Body>(r#"{"count": 1}"#).unwrap_err();
    assert!(missing.contains("missing field `kind`"), "{missing}");
    let props: Body = read(r#"{"kind":"a","props":{}}"#).unwrap();
    // `count` was missing: its default is not written back as if it had been received.
    assert_eq!(written(&props), json!({"kind": "a", "props": {}}));
    // A model built in code writes every field it has.
    assert_eq!(written(&Body::default()), json!({"kind": "", "count": 0}));
    // A key that identifies the object is written even when it came as `null`.
    let null_kind: Body = read(r#"{"kind": null}"#).unwrap();
    assert_eq!(written(&null_kind), json!({"kind": ""}));
}

#[test]
fn a_request_is_strict_and_names_the_field_a_response_around_it_is_not() {
    let error = read::<Trip>(r#"{"to": {"lat": null, "long": 1}}"#).unwrap_err();
    assert!(
        error.starts_with("Trip.to.lat: `lat` is required and must not be null"),
        "{error}"
    );
    let error = read::<Trip>(r#"{"to": {"long": 1}}"#).unwrap_err();
    assert!(error.contains("missing field `lat`"), "{error}");
    // The same body inside a response is read tolerantly: the mode is the outermost model's.
    let plan: Plan = read(r#"{"trip": {"to": {"lat": null, "long": 1}}}"#).unwrap();
    assert_eq!(plan.trip.unwrap().to.lat, 0.0);
    // And a request read again after a response: nothing carried over.
    assert!(read::<Trip>(r#"{"to": {"long": 1}}"#).is_err());
}

#[test]
fn setters_are_generated_from_the_fields() {
    let point = Point::default().with_lat(1.5).with_long(-2.0);
    assert_eq!(written(&point), json!({"lat": 1.5, "long": -2.0}));
}

#[test]
fn a_union_reads_its_member_whether_the_tag_comes_first_or_last() {
    for text in [
        r#"{"type": "twilio", "_id": "c1", "accountSid": "AC1", "x": 1}"#,
        r#"{"_id": "c1", "accountSid": "AC1", "x": 1, "type": "twilio"}"#,
        r#"{"accountSid": "AC1", "type": "twilio", "x": 1, "_id": "c1"}"#,
    ] {
        let channel: Channel = read(text).unwrap();
        assert_eq!(channel.id, "c1", "{text}");
        let Kind::Twilio(twilio) = &channel.kind else {
            panic!("{text}: {channel:?}")
        };
        assert_eq!(twilio.account_sid.as_deref(), Some("AC1"));
        assert_eq!(twilio.extra["x"], 1, "unknown keys go to the member");
        assert_eq!(channel.kind.tag(), "twilio");
        assert_eq!(
            written(&channel),
            json!({"_id": "c1", "type": "twilio", "accountSid": "AC1", "x": 1})
        );
    }
}

#[test]
fn an_unknown_member_keeps_its_tag_and_fields_and_a_missing_tag_is_tolerated_in_responses() {
    let channel: Channel = read(r#"{"_id":"c2","channelKey":"k","type":"kakao"}"#).unwrap();
    let Kind::Other(unknown) = &channel.kind else {
        panic!("{channel:?}")
    };
    assert_eq!(unknown.tag, "kakao");
    assert_eq!(unknown.fields["channelKey"], "k");
    assert_eq!(
        written(&channel),
        json!({"_id": "c2", "type": "kakao", "channelKey": "k"})
    );
    let untagged: Kind = read(r#"{"token": "t"}"#).unwrap();
    assert_eq!(untagged.tag(), "");
    let Kind::Other(unknown) = untagged else {
        panic!()
    };
    assert_eq!(unknown.fields["token"], "t");
    assert!(read::<Kind>("[]").is_err());
}

#[test]
fn a_null_tag_names_no_member_tolerated_in_responses_refused_in_requests() {
    let channel: Channel = read(r#"{"_id":"c3","type":null,"token":"t"}"#).unwrap();
    let Kind::Other(unknown) = &channel.kind else {
        panic!("{channel:?}")
    };
    assert_eq!(unknown.tag, "");
    assert_eq!(unknown.fields["token"], "t");
    // A null before the real tag does not hide it.
    let late: Kind = read(r#"{"type":null,"token":"t","type":"telegram"}"#).unwrap();
    assert_eq!(late.tag(), "telegram");
    let mut json = serde_json::Deserializer::from_str(r#"{"type":null,"token":"t"}"#);
    let error = <Kind as crate::codec::Decode>::decode(&mut json, crate::codec::Mode::Request)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("`type` is required and must not be null"),
        "{error}"
    );
}

#[test]
fn a_union_read_alone_numbers_its_members_keys_once_its_tag_has_chosen() {
    // Tag first: the member's keys are the union's own (`key_in`), a key the member does not
    // know goes to its `extra` (also one longer than the inline key buffer), the last value of
    // a repeated key wins, and a repeated tag does not choose again.
    let long = "aKeyLongerThanTwentyFourBytes";
    let text = format!(
        r#"{{"type":"twilio","accountSid":"AC1","{long}":1,"type":"telegram","accountSid":"AC2","token":"t"}}"#
    );
    let kind: Kind = read(&text).unwrap();
    let Kind::Twilio(twilio) = &kind else {
        panic!("{kind:?}")
    };
    assert_eq!(twilio.account_sid.as_deref(), Some("AC2"));
    assert_eq!(twilio.extra[long], 1);
    assert_eq!(
        twilio.extra["token"], "t",
        "a key of another member is unknown here"
    );
    assert_eq!(
        written(&kind),
        json!({"type": "twilio", "accountSid": "AC2", long: 1, "token": "t"})
    );
    // The same object with the tag last reads the same.
    let last: Kind = read(&format!(
        r#"{{"accountSid":"AC1","{long}":1,"accountSid":"AC2","token":"t","type":"twilio"}}"#
    ))
    .unwrap();
    assert_eq!(last, kind);
    // An unknown member read alone keeps every key, the long one included.
    let other: Kind = read(&format!(r#"{{"type":"kakao","{long}":[1],"k":null}}"#)).unwrap();
    assert_eq!(other.tag(), "kakao");
    assert_eq!(
        written(&other),
        json!({"type": "kakao", long: [1], "k": null})
    );
}

#[test]
fn a_model_in_an_optional_field_is_built_in_its_slot_and_the_last_value_wins() {
    let twice: Plan =
        read(r#"{"trip": {"to": {"lat": 1, "long": 2}}, "trip": {"to": {"lat": 3, "long": 4}}}"#)
            .unwrap();
    let to = &twice.trip.as_ref().unwrap().to;
    assert_eq!((to.lat, to.long), (3.0, 4.0));

    let then_null: Plan = read(r#"{"trip": {"to": {"lat": 1, "long": 2}}, "trip": null}"#).unwrap();
    assert_eq!(then_null.trip, None);
    let null_then: Plan = read(r#"{"trip": null, "trip": {"to": {"lat": 5, "long": 6}}}"#).unwrap();
    assert_eq!(null_then.trip.map(|trip| trip.to.lat), Some(5.0));

    let kinds: Holder = read(
        r#"{"kind": {"type": "twilio", "accountSid": "AC1"}, "kind": {"token": "t", "type": "telegram"}}"#,
    )
    .unwrap();
    match kinds.kind {
        Some(Kind::Telegram(telegram)) => assert_eq!(telegram.token.as_deref(), Some("t")),
        other => panic!("{other:?}"),
    }
    // A failure inside the nested object is the answer's failure, wherever it is.
    let broken = read::<Holder>(r#"{"kind": {"type": "twilio", "accountSid": 7}}"#).unwrap_err();
    assert!(broken.contains("invalid type"), "{broken}");
    assert_eq!(
        written(&read::<Holder>(r#"{"kind": null}"#).unwrap()),
        json!({})
    );
}
