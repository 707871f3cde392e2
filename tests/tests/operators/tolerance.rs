//! How the operator models decode what a server may send: unknown keys kept (and sent back),
//! unknown enum values, `null`s, integrations of types this crate does not know; and that
//! request bodies read from JSON are strict, and secrets never print.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use smooch_client::models::{
    AppCreate, AppResponse, DeploymentConfirmCode, DeploymentDeletion, DeploymentHosting,
    DeploymentResponse, DeploymentStatus, GetSdkIdsResponse, Integration, IntegrationKind,
    IntegrationResponse, IntegrationStatus, IntegrationType, IntegrationUpdate, JwtResponse,
    LineSettings, ListAppsResponse, ListDeploymentsResponse, ListIntegrationsResponse,
    ListSecretKeysResponse, ListServiceAccountsResponse, ListTemplatesResponse, MenuItemType,
    MenuResponse, SecretKeyResponse, ServiceAccountResponse, TemplateCreate, TemplateResponse,
    TwitterTier, UploadIntegrationProfilePhotoResponse, WebDisplayStyle,
};

use super::assert_redacted;

/// Decodes `value` as `T`, and checks it encodes back to the same JSON.
#[track_caller]
fn round_trip<T: DeserializeOwned + Serialize>(value: Value) -> T {
    let decoded: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| {
        panic!(
            "{} does not decode: {e}\n{value}",
            std::any::type_name::<T>()
        )
    });
    assert_eq!(serde_json::to_value(&decoded).unwrap(), value);
    decoded
}

#[test]
fn unknown_keys_are_kept_at_every_level_and_sent_back() {
    let app: AppResponse = round_trip(json!({
        "app": {"_id": "a1", "appToken": "t", "name": "n",
                "settings": {"echoPostback": true, "autoArchive": 3},
                "region": "eu-1"},
        "requestId": "r1"
    }));
    assert_eq!(app.extra["requestId"], "r1");
    assert_eq!(app.app.extra["region"], "eu-1");
    assert_eq!(app.app.settings.unwrap().extra["autoArchive"], 3);

    let account: ServiceAccountResponse = round_trip(json!({
        "serviceAccount": {"_id": "sa1", "name": "n", "createdAt": "2021-01-01"}
    }));
    assert_eq!(account.service_account.extra["createdAt"], "2021-01-01");

    let key: SecretKeyResponse = round_trip(json!({
        "key": {"_id": "app_1", "name": "n", "secret": "s", "lastUsed": 1}
    }));
    assert_eq!(key.key.extra["lastUsed"], 1);

    let menu: MenuResponse = round_trip(json!({"menu": {
        "items": [{"type": "link", "text": "t", "uri": "u", "icon": "star",
                   "items": [{"type": "postback", "text": "s", "payload": "p", "color": "red"}]}],
        "locale": "fr"
    }}));
    assert_eq!(menu.menu.extra["locale"], "fr");
    assert_eq!(menu.menu.items[0].extra["icon"], "star");
    assert_eq!(menu.menu.items[0].items[0].extra["color"], "red");

    let template: TemplateResponse = round_trip(json!({"template": {
        "_id": "t1", "name": "n", "locale": "fr",
        "message": {"role": "appMaker", "type": "text", "text": "hi", "richLink": {"url": "u"}}
    }}));
    assert_eq!(template.template.extra["locale"], "fr");
    assert_eq!(
        template.template.message.unwrap().extra["richLink"]["url"],
        "u"
    );

    let deployment: DeploymentResponse = round_trip(json!({"deployment": {
        "_id": "d1", "status": "registered", "hosting": "smooch", "wabaId": "w1"
    }}));
    assert_eq!(deployment.deployment.extra["wabaId"], "w1");

    let sdks: GetSdkIdsResponse =
        round_trip(json!({"webIntegrationId": "w", "appleIntegrationId": "x"}));
    assert_eq!(sdks.extra["appleIntegrationId"], "x");

    let photo: UploadIntegrationProfilePhotoResponse =
        round_trip(json!({"photoUrl": "https://example.org/p.jpg", "width": 640}));
    assert_eq!(photo.extra["width"], 640);

    let jwt: JwtResponse = round_trip(json!({"jwt": "j", "expiresAt": 5}));
    assert_eq!(jwt.extra["expiresAt"], 5);

    let lists: ListAppsResponse = round_trip(json!({"hasMore": false, "total": 0}));
    assert_eq!(lists.extra["total"], 0);
}

#[test]
fn unknown_enum_values_are_kept_and_sent_back() {
    let integration: Integration = round_trip(json!({
        "_id": "i1", "type": "web", "status": "suspended", "displayStyle": "floating"
    }));
    assert_eq!(
        integration.status,
        Some(IntegrationStatus::Unknown("suspended".into()))
    );
    let IntegrationKind::Web(web) = &integration.kind else {
        panic!("{integration:?}")
    };
    assert_eq!(
        web.display_style,
        Some(WebDisplayStyle::Unknown("floating".into()))
    );

    let twitter: Integration = round_trip(json!({"_id": "i2", "type": "twitter", "tier": "basic"}));
    let IntegrationKind::Twitter(twitter) = &twitter.kind else {
        panic!("{twitter:?}")
    };
    assert_eq!(twitter.tier, Some(TwitterTier::Unknown("basic".into())));

    let deployment: DeploymentResponse = round_trip(json!({"deployment": {
        "_id": "d1", "status": "migrating", "hosting": "cloud"
    }}));
    assert_eq!(
        deployment.deployment.status,
        DeploymentStatus::Unknown("migrating".into())
    );
    assert_eq!(
        deployment.deployment.hosting,
        DeploymentHosting::Unknown("cloud".into())
    );
    assert_eq!(DeploymentHosting::SelfHosted.as_str(), "self");
    assert_eq!(
        DeploymentHosting::from("self"),
        DeploymentHosting::SelfHosted
    );

    let menu: MenuResponse =
        round_trip(json!({"menu": {"items": [{"type": "webview", "text": "Open"}]}}));
    assert_eq!(
        menu.menu.items[0].r#type,
        MenuItemType::Unknown("webview".into())
    );
}

#[test]
fn an_integration_of_an_unknown_type_decodes_with_its_fields() {
    let original = json!({
        "_id": "5e4af71a81966c000f7f8cd9",
        "status": "active",
        "displayName": "Acme on KakaoTalk",
        "type": "kakao",
        "channelKey": "kakao-channel-key-k2",
        "senderKey": "kakao-sender-key-k3",
        "plusFriendId": "@acme",
        "story": {"enabled": true, "accessToken": "kakao-story-token-k4"}
    });
    let response: IntegrationResponse = round_trip(json!({"integration": original}));
    let integration = response.integration;
    assert_eq!(
        integration.kind.integration_type(),
        IntegrationType::Unknown("kakao".into())
    );
    assert_eq!(integration.kind.tag(), "kakao");
    assert_eq!(integration.status, Some(IntegrationStatus::Active));
    assert_eq!(
        integration.display_name.as_deref(),
        Some("Acme on KakaoTalk")
    );
    let IntegrationKind::Other(unknown) = &integration.kind else {
        panic!("{integration:?}")
    };
    assert_eq!(unknown.fields["plusFriendId"], "@acme");
    assert_eq!(unknown.fields["senderKey"], "kakao-sender-key-k3");
    assert_eq!(unknown.fields["story"]["enabled"], true);
    assert!(
        integration.extra.is_empty(),
        "the unknown type takes the keys"
    );
    // Credentials this crate does not know are not printed either (keys named like them).
    assert_redacted(
        &integration,
        &[
            "kakao-channel-key-k2",
            "kakao-sender-key-k3",
            "kakao-story-token-k4",
        ],
    );
    assert!(format!("{integration:?}").contains("@acme"));

    // A list mixing known and unknown types decodes whole.
    let list: ListIntegrationsResponse = round_trip(json!({
        "integrations": [original, {"_id": "i2", "type": "twilio", "accountSid": "AC1"}],
        "hasMore": false
    }));
    let IntegrationKind::Twilio(twilio) = &list.integrations[1].kind else {
        panic!("{list:?}")
    };
    assert_eq!(twilio.account_sid.as_deref(), Some("AC1"));
    // Types without fields of their own.
    for (kind, expected) in [
        ("android", IntegrationType::Android),
        ("ios", IntegrationType::Ios),
        ("api", IntegrationType::Api),
    ] {
        let integration: Integration = round_trip(json!({"_id": "x", "type": kind}));
        assert_eq!(integration.kind.integration_type(), expected);
        assert!(
            matches!(
                integration.kind,
                IntegrationKind::Android(_) | IntegrationKind::Ios(_) | IntegrationKind::Api(_)
            ),
            "{integration:?}"
        );
    }
}

#[test]
fn nulls_decode_as_absent_or_default() {
    let apps: ListAppsResponse =
        serde_json::from_value(json!({"apps": null, "hasMore": null, "offset": null})).unwrap();
    assert!(apps.apps.is_empty());
    assert_eq!((apps.has_more, apps.offset), (None, None));

    let app: AppResponse = serde_json::from_value(json!({"app": {
        "_id": "a1", "appToken": null, "name": null, "settings": null, "metadata": null
    }}))
    .unwrap();
    assert_eq!(
        (app.app.app_token.as_str(), app.app.name.as_str()),
        ("", "")
    );
    assert!(app.app.settings.is_none() && app.app.metadata.is_none());

    let integration: Integration = serde_json::from_value(json!({
        "_id": "i1", "type": null, "status": null, "token": null
    }))
    .unwrap();
    assert_eq!(
        integration.kind.integration_type(),
        IntegrationType::Unknown(String::new())
    );
    assert!(integration.status.is_none());
    let IntegrationKind::Other(untyped) = &integration.kind else {
        panic!("{integration:?}")
    };
    assert!(untyped.tag.is_empty() && untyped.fields["token"].is_null());
    let web: Integration = serde_json::from_value(json!({
        "_id": "i1", "type": "web", "originWhitelist": null, "brandColor": null
    }))
    .unwrap();
    let IntegrationKind::Web(web) = &web.kind else {
        panic!("{web:?}")
    };
    assert!(web.origin_whitelist.is_none() && web.brand_color.is_none());

    let deployments: ListDeploymentsResponse = serde_json::from_value(json!({"deployments": [
        {"_id": "d1", "status": null, "hosting": null, "callbackSecret": null}
    ]}))
    .unwrap();
    let deployment = &deployments.deployments[0];
    assert_eq!(deployment.status, DeploymentStatus::Unknown(String::new()));
    assert!(deployment.callback_secret.is_none());

    let menu: MenuResponse = serde_json::from_value(
        json!({"menu": {"items": [{"type": "link", "text": null, "items": null}]}}),
    )
    .unwrap();
    assert_eq!(menu.menu.items[0].text, "");

    let keys: ListSecretKeysResponse =
        serde_json::from_value(json!({"keys": [{"_id": "k", "name": null, "secret": null}]}))
            .unwrap();
    assert!(keys.keys[0].secret.is_none());

    let accounts: ListServiceAccountsResponse =
        serde_json::from_value(json!({"serviceAccounts": null})).unwrap();
    assert!(accounts.service_accounts.is_empty());

    let templates: ListTemplatesResponse = serde_json::from_value(json!({"templates": [
        {"_id": "t1", "name": null, "message": null}
    ]}))
    .unwrap();
    assert!(templates.templates[0].message.is_none());

    let jwt: JwtResponse = serde_json::from_value(json!({"jwt": null})).unwrap();
    assert!(jwt.jwt.is_none());
}

/// The keys that identify a response's object may not be missing: a body of another shape is
/// an error, not an empty value.
#[test]
fn missing_identity_keys_are_errors() {
    for (body, key) in [(json!({}), "app"), (json!({"app": {"name": "n"}}), "_id")] {
        let error = serde_json::from_value::<AppResponse>(body).unwrap_err();
        assert!(error.to_string().contains(key), "{error}");
    }
    let error =
        serde_json::from_value::<IntegrationResponse>(json!({"integration": {"type": "web"}}))
            .unwrap_err();
    assert!(error.to_string().contains("_id"), "{error}");
    let error =
        serde_json::from_value::<UploadIntegrationProfilePhotoResponse>(json!({})).unwrap_err();
    assert!(error.to_string().contains("photoUrl"), "{error}");
}

#[test]
fn deployment_deletion_reads_every_answer() {
    for body in ["null", "{}", r#"{"deployment":null}"#, r#"{"status":"ok"}"#] {
        assert_eq!(
            serde_json::from_str::<DeploymentDeletion>(body).unwrap(),
            DeploymentDeletion::Deleted,
            "{body}"
        );
    }
    let in_progress: DeploymentDeletion =
        serde_json::from_str(r#"{"deployment":{"_id":"d1","status":"deleting","hosting":"self"}}"#)
            .unwrap();
    assert!(in_progress.is_in_progress());
    let DeploymentDeletion::InProgress(deployment) = &in_progress else {
        panic!()
    };
    assert_eq!(deployment.hosting, DeploymentHosting::SelfHosted);
    assert_eq!(
        serde_json::to_value(&in_progress).unwrap(),
        json!({"deployment": {"_id": "d1", "status": "deleting", "hosting": "self"}})
    );
    assert_eq!(
        serde_json::to_value(DeploymentDeletion::Deleted).unwrap(),
        Value::Null
    );
    for body in [
        "[]",
        "1",
        r#""deleted""#,
        r#"{"deployment":{"status":"deleting"}}"#,
    ] {
        assert!(
            serde_json::from_str::<DeploymentDeletion>(body).is_err(),
            "{body}"
        );
    }
}

/// Request bodies read from JSON (a template kept in a file) refuse `null` or a missing key on
/// a field the API requires, naming it.
#[test]
fn request_bodies_are_strict_about_required_fields() {
    let error = serde_json::from_value::<AppCreate>(json!({"name": null})).unwrap_err();
    assert!(error.to_string().contains("name"), "{error}");
    let error = serde_json::from_value::<DeploymentConfirmCode>(json!({})).unwrap_err();
    assert!(error.to_string().contains("code"), "{error}");
    let error = serde_json::from_value::<TemplateCreate>(json!({"name": "n"})).unwrap_err();
    assert!(error.to_string().contains("message"), "{error}");
    let error = serde_json::from_value::<TemplateCreate>(json!({
        "name": "n", "message": {"type": "text", "text": "no role"}
    }))
    .unwrap_err();
    let error = error.to_string();
    assert!(
        error.contains("TemplateCreate.message") && error.contains("role"),
        "{error}"
    );
    let ok: TemplateCreate = serde_json::from_value(json!({
        "name": "n", "message": {"role": "appMaker", "type": "text", "text": "hi"}
    }))
    .unwrap();
    assert_eq!(ok.name, "n");
}

#[test]
fn a_template_the_server_sends_decodes_whatever_its_message_lacks() {
    // The same message a request refuses (no role, a null text) is read from a response: the
    // answer is the server's, and refusing it would lose the whole list.
    let list: ListTemplatesResponse = serde_json::from_value(json!({
        "templates": [
            {"_id": "t1", "name": "a", "message": {"type": "text", "text": null}},
            {"_id": "t2", "name": "b", "message": {"role": "appMaker", "type": "text", "text": "hi"}}
        ]
    }))
    .unwrap();
    let messages: Vec<_> = list
        .templates
        .iter()
        .map(|t| t.message.clone().unwrap())
        .collect();
    assert_eq!(messages[0].text, None);
    assert_eq!(messages[1].text.as_deref(), Some("hi"));
    // Inside a response, a request model is lenient; right after, it is strict again.
    let error = serde_json::from_value::<TemplateCreate>(json!({
        "name": "n", "message": {"type": "text", "text": "no role"}
    }))
    .unwrap_err();
    assert!(error.to_string().contains("role"), "{error}");
    // A single template, as get_template answers.
    let one: TemplateResponse = serde_json::from_value(json!({
        "template": {"_id": "t1", "name": "a", "message": {"text": "x"}}
    }))
    .unwrap();
    assert_eq!(
        one.template.message.and_then(|m| m.text).as_deref(),
        Some("x")
    );
}

/// Every credential of an integration is read (as a field of its type), sent back, and never
/// printed; nor is one sent under a type it does not belong to.
#[test]
fn integration_credentials_never_print() {
    let cases: [(&str, &[&str]); 13] = [
        ("messenger", &["pageAccessToken", "appSecret"]),
        ("instagram", &["pageAccessToken", "appSecret"]),
        ("twilio", &["authToken"]),
        ("telegram", &["token"]),
        ("viber", &["token"]),
        (
            "line",
            &["channelSecret", "channelAccessToken", "switcherSecret"],
        ),
        ("wechat", &["appSecret", "encodingAesKey", "webhookSecret"]),
        ("mailgun", &["apiKey"]),
        ("messagebird", &["accessKey", "signingKey", "webhookSecret"]),
        ("apn", &["certificate", "password"]),
        ("fcm", &["serverKey"]),
        ("twitter", &["consumerSecret", "accessTokenSecret"]),
        ("whatsapp", &["password"]),
    ];
    let mut every = Vec::new();
    for (kind, secrets) in cases {
        let mut original = json!({"_id": "i1", "type": kind});
        let values: Vec<String> = secrets
            .iter()
            .map(|key| format!("value-of-{kind}-{key}-0x5f"))
            .collect();
        for (key, value) in secrets.iter().zip(&values) {
            original[*key] = json!(value);
        }
        let integration: Integration = round_trip(original);
        let shown = format!("{:?}", integration.kind);
        assert!(
            shown.ends_with("extra: {} })"),
            "every credential of {kind} is a field of its type: {shown}"
        );
        let hidden: Vec<&str> = values.iter().map(String::as_str).collect();
        assert_redacted(&integration, &hidden);
        every.extend(secrets.iter().zip(values));
    }
    // Apple Business Chat's secret, and every credential at once under a type that has none
    // of them (kept with its unknown keys, and still not printed).
    every.push((&"apiSecret", "value-of-apple-apiSecret-0x5f".to_owned()));
    let mut original = json!({"_id": "i1", "type": "android"});
    for (key, value) in &every {
        original[**key] = json!(value);
    }
    let integration: Integration = round_trip(original);
    let IntegrationKind::Android(android) = &integration.kind else {
        panic!("{integration:?}")
    };
    assert_eq!(android.extra.len(), 18, "the 18 credential keys of §2.7");
    let hidden: Vec<&str> = every.iter().map(|(_, value)| value.as_str()).collect();
    assert_redacted(&integration, &hidden);

    let update = IntegrationUpdate::new().with_line(
        LineSettings::default()
            .with_channel_secret("upd-channel-secret")
            .with_switcher_secret("upd-switcher-secret"),
    );
    assert_redacted(&update, &["upd-channel-secret", "upd-switcher-secret"]);
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"channelSecret": "upd-channel-secret", "switcherSecret": "upd-switcher-secret"})
    );
}
