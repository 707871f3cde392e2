//! How the operator models decode what a server may send: unknown keys kept (and sent back),
//! unknown enum values, `null`s, integrations of types this crate does not know; and that
//! request bodies read from JSON are strict, and secrets never print.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use smooch_client::models::{
    AppCreate, AppResponse, DeploymentConfirmCode, DeploymentDeletion, DeploymentHosting,
    DeploymentResponse, DeploymentStatus, GetSdkIdsResponse, Integration, IntegrationDetails,
    IntegrationResponse, IntegrationStatus, IntegrationType, IntegrationUpdate, JwtResponse,
    ListAppsResponse, ListDeploymentsResponse, ListIntegrationsResponse, ListSecretKeysResponse,
    ListServiceAccountsResponse, ListTemplatesResponse, MenuItemType, MenuResponse,
    SecretKeyResponse, ServiceAccountResponse, TemplateCreate, TemplateResponse, TwitterTier,
    UploadIntegrationProfilePhotoResponse, WebDisplayStyle,
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
    let IntegrationDetails::Web { display_style, .. } = integration.details() else {
        panic!()
    };
    assert_eq!(
        display_style,
        Some(&WebDisplayStyle::Unknown("floating".into()))
    );

    let twitter: Integration = round_trip(json!({"_id": "i2", "type": "twitter", "tier": "basic"}));
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
        "type": "instagram",
        "status": "active",
        "displayName": "Acme on Instagram",
        "businessUsername": "acme",
        "businessId": "17841400000000000",
        "pageAccessToken": "ig-page-token-k2",
        "igUserId": "1784",
        "story": {"enabled": true}
    });
    let response: IntegrationResponse = round_trip(json!({"integration": original}));
    let integration = response.integration;
    assert_eq!(
        integration.r#type,
        IntegrationType::Unknown("instagram".into())
    );
    assert_eq!(
        integration.details(),
        IntegrationDetails::Other("instagram")
    );
    assert_eq!(integration.business_username.as_deref(), Some("acme"));
    assert_eq!(
        integration.business_id.as_deref(),
        Some("17841400000000000")
    );
    assert_eq!(
        integration.page_access_token.as_ref().unwrap().expose(),
        "ig-page-token-k2"
    );
    assert_eq!(integration.extra["igUserId"], "1784");
    assert_eq!(integration.extra["story"]["enabled"], true);
    assert_redacted(&integration, &["ig-page-token-k2"]);

    // A list mixing known and unknown types decodes whole.
    let list: ListIntegrationsResponse = round_trip(json!({
        "integrations": [original, {"_id": "i2", "type": "twilio", "accountSid": "AC1"}],
        "hasMore": false
    }));
    assert!(matches!(
        list.integrations[1].details(),
        IntegrationDetails::Twilio {
            account_sid: Some("AC1"),
            ..
        }
    ));
    // Types without fields of their own.
    for (kind, details) in [
        ("android", IntegrationDetails::Android),
        ("ios", IntegrationDetails::Ios),
        ("api", IntegrationDetails::Api),
    ] {
        let integration: Integration = round_trip(json!({"_id": "x", "type": kind}));
        assert_eq!(integration.details(), details);
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
        "_id": "i1", "type": null, "status": null, "token": null, "originWhitelist": null
    }))
    .unwrap();
    assert_eq!(integration.r#type, IntegrationType::Unknown(String::new()));
    assert_eq!(integration.details(), IntegrationDetails::Other(""));
    assert!(integration.status.is_none() && integration.token.is_none());
    assert!(integration.origin_whitelist.is_empty());

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

/// Every credential of an integration is read, sent back, and never printed.
#[test]
fn integration_credentials_never_print() {
    const SECRETS: [&str; 18] = [
        "pageAccessToken",
        "appSecret",
        "apiSecret",
        "authToken",
        "token",
        "channelSecret",
        "channelAccessToken",
        "switcherSecret",
        "encodingAesKey",
        "webhookSecret",
        "apiKey",
        "accessKey",
        "signingKey",
        "certificate",
        "password",
        "serverKey",
        "consumerSecret",
        "accessTokenSecret",
    ];
    let mut original = json!({"_id": "i1", "type": "line"});
    let values: Vec<String> = SECRETS
        .iter()
        .map(|key| format!("value-of-{key}-0x5f"))
        .collect();
    for (key, value) in SECRETS.iter().zip(&values) {
        original[*key] = json!(value);
    }
    let integration: Integration = round_trip(original);
    assert!(
        integration.extra.is_empty(),
        "every credential is a known field"
    );
    let hidden: Vec<&str> = values.iter().map(String::as_str).collect();
    assert_redacted(&integration, &hidden);
    assert_redacted(&integration.details(), &hidden);

    let update = IntegrationUpdate::new()
        .with_channel_secret("upd-channel-secret")
        .with_switcher_secret("upd-switcher-secret");
    assert_redacted(&update, &["upd-channel-secret", "upd-switcher-secret"]);
    assert_eq!(
        serde_json::to_value(&update).unwrap(),
        json!({"channelSecret": "upd-channel-secret", "switcherSecret": "upd-switcher-secret"})
    );
}
