//! A decoded body re-encodes to the keys it came with, also when a list or an object in it was
//! received empty: every real fixture and every webhook payload the tests hold, with each of
//! their lists emptied in turn, and each of their objects emptied where the model still reads it.

use serde_json::Value;
use smooch_client::webhook::Event;
use smooch_tests::events;
use smooch_tests::fixtures::{self, Model};

/// Every place in `value` holding a list or an object, as a path of keys and indexes.
fn containers(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Array(items) => {
            out.push(path.clone());
            for (index, item) in items.iter().enumerate() {
                path.push(index.to_string());
                containers(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            if !path.is_empty() {
                out.push(path.clone());
            }
            for (key, item) in map {
                path.push(key.clone());
                containers(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `value` with the list or object at `path` emptied.
fn emptied(value: &Value, path: &[String]) -> Value {
    let mut copy = value.clone();
    let mut at = &mut copy;
    for step in path {
        at = match at {
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            Value::Object(map) => map.get_mut(step).unwrap(),
            _ => unreachable!("paths lead through containers"),
        };
    }
    *at = match at {
        Value::Array(_) => Value::Array(Vec::new()),
        _ => Value::Object(Default::default()),
    };
    copy
}

/// Equal JSON, numbers compared by value (`1704878200` and `1704878200.0` are one time).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// Checks `decode_encode` on `original` and on every variant with one container emptied;
/// returns how many variants were read (a variant the model refuses, such as an emptied object
/// that loses a key the model requires, is skipped; lists are never refused).
fn check(
    name: &str,
    original: &Value,
    decode_encode: impl Fn(&Value) -> Result<Value, String>,
) -> usize {
    let encoded = decode_encode(original).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(same(&encoded, original), "{name}: {encoded}\n!= {original}");
    let mut paths = Vec::new();
    containers(original, &mut Vec::new(), &mut paths);
    let mut read = 0;
    for path in paths {
        let variant = emptied(original, &path);
        let is_list = matches!(
            path.iter().try_fold(original, |at, step| match at {
                Value::Array(items) => items.get(step.parse::<usize>().ok()?),
                Value::Object(map) => map.get(step),
                _ => None,
            }),
            Some(Value::Array(_))
        );
        match decode_encode(&variant) {
            Ok(encoded) => {
                read += 1;
                assert!(
                    same(&encoded, &variant),
                    "{name}: emptying {path:?} is not written back\nre-encoded: {encoded}\nreceived:   {variant}"
                );
            }
            Err(error) if is_list => {
                panic!("{name}: an empty list at {path:?} is refused: {error}")
            }
            Err(_) => {}
        }
    }
    read
}

#[test]
fn every_fixture_with_any_list_or_object_emptied_comes_back_as_received() {
    let mut read = 0;
    for (name, text) in fixtures::all() {
        let model = Model::of(&name).unwrap();
        if model == Model::EmptyObject {
            continue;
        }
        let original: Value = serde_json::from_str(&text).unwrap();
        read += check(&name, &original, |json| model.round_trip(json));
    }
    assert!(read > 50, "only {read} variants were read");
}

#[test]
fn every_webhook_payload_with_any_list_or_object_emptied_comes_back_as_received() {
    let mut read = 0;
    for (trigger, payload) in events::all() {
        read += check(trigger, &payload, |json| {
            let event = Event::from_value(json.clone()).map_err(|e| e.to_string())?;
            if event.is_unknown() {
                return Err("decoded as unknown".to_owned());
            }
            serde_json::to_value(&event).map_err(|e| e.to_string())
        });
    }
    assert!(read > 80, "only {read} variants were read");
}
