//! Devices: the 2 operations on the wire, and the device model.

use httpmock::prelude::*;
use serde_json::{Value, json};
use smooch_client::v2::DevicesApi;
use smooch_client::v2::V2;
use smooch_client::v2::models::{Device, DeviceStatus, DeviceType};
use smooch_tests::BASIC;

use super::conformance::{Call, ID, Row, boxed, row};
use super::{APP, v2};

pub const ROWS: &[Row] = &[
    row(
        "Devices",
        "ListDevices",
        "GET",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/devices",
        200,
    ),
    row(
        "Devices",
        "GetDevice",
        "GET",
        "/v2/apps/<app_id>/users/<user_id_or_external_id>/devices/<device_id>",
        200,
    ),
];

pub fn call(v2: &V2, operation: &str) -> Option<Call> {
    match operation {
        "ListDevices" => boxed(v2.list_devices(ID, ID, Some(ID))),
        "GetDevice" => boxed(v2.get_device(ID, ID, ID, Some(ID))),
        _ => None,
    }
}

/// The user, named by an `externalId` that must be encoded, and its encoding.
const USER: (&str, &str) = ("web@acme/1 a", "web%40acme%2F1%20a");
/// A brand id.
const BRAND: &str = "360004155631";
/// A device id.
const DEVICE: &str = "5e4af71a81966c000f7f8cb0";

/// A web device as the sheet's example answers it.
fn device_json() -> Value {
    json!({
        "id": DEVICE,
        "type": "web",
        "guid": "d1f5c1a8b2b44c8f9d1d6a2e1b7f0c33",
        "clientId": "5e4af71a81966c000f7f8cc0",
        "status": "active",
        "integrationId": "5e4af71a81966c000f7f8cd3",
        "lastSeen": "2019-01-14T18:55:12.515+00:00",
        "pushNotificationToken": null,
        "info": {"currentTitle": "Acme", "currentUrl": "https://acme.example/help",
                 "browserLanguage": "en-US", "referrer": "", "userAgent": "Mozilla/5.0",
                 "URL": "acme.example", "sdkVersion": "4.0.0", "vendor": "smooch"},
        "appVersion": null
    })
}

fn check_device(device: &Device) {
    assert_eq!(device.id.as_deref(), Some(DEVICE));
    assert_eq!(device.r#type, Some(DeviceType::Web));
    assert_eq!(
        device.guid.as_deref(),
        Some("d1f5c1a8b2b44c8f9d1d6a2e1b7f0c33")
    );
    assert_eq!(
        device.client_id.as_deref(),
        Some("5e4af71a81966c000f7f8cc0")
    );
    assert_eq!(device.status, Some(DeviceStatus::Active));
    assert_eq!(
        device.integration_id.as_deref(),
        Some("5e4af71a81966c000f7f8cd3")
    );
    assert_eq!(
        device.last_seen,
        Some("2019-01-14T18:55:12.515Z".parse().unwrap())
    );
    assert_eq!(device.push_notification_token, None);
    assert_eq!(device.app_version, None);
    let info = device.info.as_ref().unwrap();
    assert_eq!(info["currentUrl"], "https://acme.example/help");
    assert_eq!(info["URL"], "acme.example");
    assert_eq!(info.len(), 8);
}

#[tokio::test]
async fn list_devices_sends_the_brand_and_reads_every_device() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/users/{}/devices", USER.1);
    let mock = server
        .mock_async(|when, then| {
            when.method(GET)
                .header("authorization", BASIC)
                .query_param("brandId", BRAND)
                .query_param_count(".*", ".*", 1)
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({"devices": [
                device_json(),
                {"id": "d2", "type": "ios", "status": "inactive",
                 "pushNotificationToken": "apns-token", "appVersion": "2.1"}
            ]}));
        })
        .await;
    let list = v2(&server)
        .list_devices(APP, USER.0, Some(BRAND))
        .await
        .unwrap();
    mock.assert_async().await;
    assert_eq!(list.devices.len(), 2);
    check_device(&list.devices[0]);
    let ios = &list.devices[1];
    assert_eq!(ios.r#type, Some(DeviceType::Ios));
    assert_eq!(ios.status, Some(DeviceStatus::Inactive));
    assert_eq!(ios.push_notification_token.as_deref(), Some("apns-token"));
    assert_eq!(ios.app_version.as_deref(), Some("2.1"));
}

#[tokio::test]
async fn get_device_encodes_the_user_and_the_device_and_a_404_says_device_not_found() {
    let server = MockServer::start_async().await;
    let path = format!("/v2/apps/{APP}/users/{}/devices/{DEVICE}", USER.1);
    let found = server
        .mock_async(|when, then| {
            when.method(GET)
                .header("authorization", BASIC)
                .query_param_missing("brandId")
                .is_true(move |request| request.uri().path() == path);
            then.status(200).json_body(json!({"device": device_json()}));
        })
        .await;
    let missing_path = format!("/v2/apps/{APP}/users/{}/devices/no%2Fdevice", USER.1);
    let missing = server
        .mock_async(|when, then| {
            when.method(GET)
                .is_true(move |request| request.uri().path() == missing_path);
            then.status(404).json_body(json!({"errors": [
                {"code": "device_not_found", "title": "Device not found"}
            ]}));
        })
        .await;
    let device = v2(&server)
        .get_device(APP, USER.0, DEVICE, None)
        .await
        .unwrap();
    found.assert_async().await;
    check_device(device.device.as_ref().unwrap());
    let error = v2(&server)
        .get_device(APP, USER.0, "no/device", None)
        .await
        .unwrap_err();
    missing.assert_async().await;
    assert!(error.is_not_found());
    let smooch_client::Error::Api(api) = &error else {
        panic!("{error}")
    };
    assert_eq!(api.code.as_deref(), Some("device_not_found"));
}

mod decoding {
    use super::*;

    #[test]
    fn a_device_read_is_written_back_without_its_nulls_and_with_unknown_keys() {
        let mut json = device_json();
        json["type"] = json!("watchos");
        json["status"] = json!("sleeping");
        json["newKey"] = json!({"a": 1});
        let device: Device = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(device.r#type, Some(DeviceType::Unknown("watchos".into())));
        assert_eq!(
            device.status,
            Some(DeviceStatus::Unknown("sleeping".into()))
        );
        assert_eq!(device.extra["newKey"], json!({"a": 1}));
        let object = json.as_object_mut().unwrap();
        object.remove("pushNotificationToken");
        object.remove("appVersion");
        assert_eq!(serde_json::to_value(&device).unwrap(), json);
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_and_times_compare_as_instants() {
        let device: Device = serde_json::from_str(
            r#"{"lastSeen":"2019-01-14T18:55:12Z","guid":"a","guid":"b",
                "lastSeen":"2019-01-14T19:55:12.000+01:00"}"#,
        )
        .unwrap();
        assert_eq!(device.guid.as_deref(), Some("b"));
        assert_eq!(
            device.last_seen,
            Some("2019-01-14T18:55:12Z".parse().unwrap())
        );
        assert_eq!(
            device.last_seen.unwrap().as_str(),
            "2019-01-14T19:55:12.000+01:00"
        );
    }
}
