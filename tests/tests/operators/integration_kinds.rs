//! The integration types as models of their own: each decodes with its fields and encodes back
//! unchanged, whatever the order of the keys (`type` first, in the middle or last); a type this
//! crate does not know is kept whole; the groups of fields that can be updated are the same
//! models in an integration and in an update, which sends no `type`.

use serde_json::{Value, json};
use smooch_client::models::{
    ApnSettings, Extra, Integration, IntegrationKind, IntegrationType, IntegrationUpdate,
    LineSettings, MailgunSettings, TwitterTier, Web, WebDisplayStyle, WhatsappSettings,
};

/// What must be read from a member.
type Check = fn(&IntegrationKind) -> bool;

/// One integration of every type, with every field its type has, and what must be read.
fn every_type() -> Vec<(IntegrationType, Value, Check)> {
    vec![
        (
            IntegrationType::Messenger,
            json!({"pageAccessToken": "s1", "appId": "fb1", "appSecret": "s2", "pageId": "p1"}),
            |kind| matches!(kind, IntegrationKind::Messenger(m) if m.page_id.as_deref() == Some("p1") && m.app_secret.as_ref().unwrap().expose() == "s2"),
        ),
        (
            IntegrationType::Instagram,
            json!({"pageAccessToken": "s1", "appId": "fb1", "appSecret": "s2", "pageId": "p1",
                   "userId": "u1", "username": "acme", "businessName": "Acme",
                   "businessUsername": "acme_shop", "businessId": "b1"}),
            |kind| matches!(kind, IntegrationKind::Instagram(i) if i.business_username.as_deref() == Some("acme_shop") && i.business_id.as_deref() == Some("b1")),
        ),
        (
            IntegrationType::Twilio,
            json!({"accountSid": "AC1", "authToken": "s1", "phoneNumberSid": "PN1",
                   "phoneNumber": "+15145555555", "name": "Acme SMS"}),
            |kind| matches!(kind, IntegrationKind::Twilio(t) if t.phone_number.as_deref() == Some("+15145555555") && t.name.as_deref() == Some("Acme SMS")),
        ),
        (
            IntegrationType::Telegram,
            json!({"token": "s1", "username": "acme_bot"}),
            |kind| matches!(kind, IntegrationKind::Telegram(t) if t.username.as_deref() == Some("acme_bot") && t.token.as_ref().unwrap().expose() == "s1"),
        ),
        (
            IntegrationType::Viber,
            json!({"token": "s1", "uri": "acme"}),
            |kind| matches!(kind, IntegrationKind::Viber(v) if v.uri.as_deref() == Some("acme") && v.token.is_some()),
        ),
        (
            IntegrationType::Line,
            json!({"channelId": "1553", "channelSecret": "s1", "channelAccessToken": "s2",
                   "serviceCode": "sc", "switcherSecret": "s3", "qrCodeUrl": "https://qr",
                   "lineId": "@acme", "botName": "Acme"}),
            |kind| matches!(kind, IntegrationKind::Line(l) if l.settings.channel_id.as_deref() == Some("1553") && l.settings.qr_code_url.as_deref() == Some("https://qr") && l.line_id.as_deref() == Some("@acme")),
        ),
        (
            IntegrationType::Wechat,
            json!({"appId": "wx1", "appSecret": "s1", "encodingAesKey": "s2",
                   "accessTokenUrl": "https://token", "webhookSecret": "s3"}),
            |kind| matches!(kind, IntegrationKind::Wechat(w) if w.app_id.as_deref() == Some("wx1") && w.webhook_secret.is_some() && w.access_token_url.is_some()),
        ),
        (
            IntegrationType::Mailgun,
            json!({"apiKey": "s1", "domain": "mg.example.org", "incomingAddress": "in@mg",
                   "fromAddress": "out@mg", "hideUnsubscribeLink": true}),
            |kind| matches!(kind, IntegrationKind::Mailgun(m) if m.domain.as_deref() == Some("mg.example.org") && m.settings.hide_unsubscribe_link == Some(true)),
        ),
        (
            IntegrationType::Messagebird,
            json!({"accessKey": "s1", "originator": "+15145555555", "signingKey": "s2",
                   "webhookSecret": "s3"}),
            |kind| matches!(kind, IntegrationKind::Messagebird(m) if m.originator.as_deref() == Some("+15145555555") && m.signing_key.is_some() && m.webhook_secret.is_some()),
        ),
        (
            IntegrationType::Apn,
            json!({"certificate": "s1", "password": "s2", "autoUpdateBadge": true,
                   "production": false}),
            |kind| matches!(kind, IntegrationKind::Apn(a) if a.auto_update_badge == Some(true) && a.settings.production == Some(false)),
        ),
        (
            IntegrationType::Fcm,
            json!({"serverKey": "s1", "senderId": "1029384756"}),
            |kind| matches!(kind, IntegrationKind::Fcm(f) if f.sender_id.as_deref() == Some("1029384756") && f.server_key.is_some()),
        ),
        (
            IntegrationType::Twitter,
            json!({"consumerKey": "ck", "consumerSecret": "s1", "accessTokenKey": "atk",
                   "accessTokenSecret": "s2", "tier": "premium", "envName": "prod",
                   "userId": "u1", "username": "acme"}),
            |kind| matches!(kind, IntegrationKind::Twitter(t) if t.tier == Some(TwitterTier::Premium) && t.env_name.as_deref() == Some("prod") && t.user_id.as_deref() == Some("u1")),
        ),
        (
            IntegrationType::Whatsapp,
            json!({"deploymentId": "dep1", "hsmFallbackLanguage": "en_US",
                   "baseUrl": "https://wa", "username": "admin", "password": "s1"}),
            |kind| matches!(kind, IntegrationKind::Whatsapp(w) if w.deployment_id.as_deref() == Some("dep1") && w.settings.hsm_fallback_language.as_deref() == Some("en_US") && w.password.is_some()),
        ),
        (
            IntegrationType::Web,
            json!({"businessName": "Acme", "brandColor": "65a4e0", "fixedIntroPane": true,
                   "conversationColor": "0099ff", "actionColor": "ff0000",
                   "displayStyle": "tab", "buttonIconUrl": "https://icon",
                   "buttonWidth": "58", "buttonHeight": "58", "integrationOrder": [],
                   "businessIconUrl": "https://logo", "backgroundImageUrl": "https://bg",
                   "originWhitelist": ["https://example.org"]}),
            |kind| matches!(kind, IntegrationKind::Web(w) if w.display_style == Some(WebDisplayStyle::Tab) && w.integration_order == Some(Vec::new()) && w.button_width.as_deref() == Some("58")),
        ),
        (
            IntegrationType::Apple,
            json!({"businessId": "b1", "apiSecret": "s1", "mspId": "msp1"}),
            |kind| matches!(kind, IntegrationKind::Apple(a) if a.msp_id.as_deref() == Some("msp1") && a.api_secret.is_some()),
        ),
        (IntegrationType::Android, json!({}), |kind| {
            matches!(kind, IntegrationKind::Android(_))
        }),
        (IntegrationType::Ios, json!({}), |kind| {
            matches!(kind, IntegrationKind::Ios(_))
        }),
        (IntegrationType::Api, json!({}), |kind| {
            matches!(kind, IntegrationKind::Api(_))
        }),
    ]
}

/// The keys of the member that its model does not know.
fn unknown_keys(kind: &IntegrationKind) -> &Extra {
    match kind {
        IntegrationKind::Messenger(m) => &m.extra,
        IntegrationKind::Instagram(m) => &m.extra,
        IntegrationKind::Twilio(m) => &m.extra,
        IntegrationKind::Telegram(m) => &m.extra,
        IntegrationKind::Viber(m) => &m.extra,
        IntegrationKind::Line(m) => &m.extra,
        IntegrationKind::Wechat(m) => &m.extra,
        IntegrationKind::Mailgun(m) => &m.extra,
        IntegrationKind::Messagebird(m) => &m.extra,
        IntegrationKind::Apn(m) => &m.extra,
        IntegrationKind::Fcm(m) => &m.extra,
        IntegrationKind::Twitter(m) => &m.extra,
        IntegrationKind::Whatsapp(m) => &m.extra,
        IntegrationKind::Web(m) => &m.extra,
        IntegrationKind::Apple(m) => &m.extra,
        IntegrationKind::Android(m) | IntegrationKind::Ios(m) | IntegrationKind::Api(m) => &m.extra,
        other => panic!("not a known type: {other:?}"),
    }
}

/// `fields` with the integration's own keys, `type` at `at` (0 first, `usize::MAX` last), as
/// text, so the order of the keys is the one given.
fn integration_text(kind: &IntegrationType, fields: &Value, at: usize) -> String {
    let mut entries: Vec<String> = [("_id", json!("i1")), ("status", json!("active"))]
        .into_iter()
        .map(|(key, value)| format!("{key:?}:{value}"))
        .chain(
            fields
                .as_object()
                .unwrap()
                .iter()
                .map(|(key, value)| format!("{key:?}:{value}")),
        )
        .collect();
    let at = at.min(entries.len());
    entries.insert(at, format!("\"type\":\"{kind}\""));
    format!("{{{}}}", entries.join(","))
}

#[test]
fn every_type_decodes_with_its_fields_in_any_key_order_and_encodes_back_unchanged() {
    let cases = every_type();
    assert_eq!(cases.len(), 18, "every type the crate knows");
    for (kind, fields, read) in cases {
        let mut decoded = Vec::new();
        for at in [0, 1, 3, usize::MAX] {
            let text = integration_text(&kind, &fields, at);
            let integration: Integration =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{kind}: {e}\n{text}"));
            assert_eq!(integration.id, "i1", "{text}");
            assert_eq!(integration.kind.integration_type(), kind, "{text}");
            assert!(read(&integration.kind), "{text}\n{integration:?}");
            assert!(
                unknown_keys(&integration.kind).is_empty() && integration.extra.is_empty(),
                "every key of {kind} is a field of its model: {integration:?}"
            );
            let expected: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(serde_json::to_value(&integration).unwrap(), expected);
            decoded.push(integration);
        }
        assert!(
            decoded.windows(2).all(|pair| pair[0] == pair[1]),
            "{kind}: the order of the keys changed what was read"
        );
    }
}

#[test]
fn unknown_keys_go_to_the_type_before_or_after_the_tag_and_are_written_back() {
    for text in [
        r#"{"_id":"i1","newKey":1,"type":"twilio","accountSid":"AC1","later":{"a":[]}}"#,
        r#"{"later":{"a":[]},"accountSid":"AC1","newKey":1,"_id":"i1","type":"twilio"}"#,
    ] {
        let integration: Integration = serde_json::from_str(text).unwrap();
        let IntegrationKind::Twilio(twilio) = &integration.kind else {
            panic!("{integration:?}")
        };
        assert_eq!(twilio.account_sid.as_deref(), Some("AC1"));
        assert_eq!(twilio.extra["newKey"], 1);
        assert_eq!(twilio.extra["later"], json!({"a": []}));
        assert_eq!(
            serde_json::to_value(&integration).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }
}

#[test]
fn an_unknown_type_is_kept_whole_whatever_the_key_order() {
    let text = r#"{"_id":"i9","channelKey":"k","nested":{"x":[1,2]},"displayName":"Kakao","type":"kakao"}"#;
    let integration: Integration = serde_json::from_str(text).unwrap();
    assert_eq!(integration.display_name.as_deref(), Some("Kakao"));
    let IntegrationKind::Other(unknown) = &integration.kind else {
        panic!("{integration:?}")
    };
    assert_eq!(unknown.tag, "kakao");
    assert_eq!(unknown.fields.len(), 2, "{unknown:?}");
    assert_eq!(unknown.fields["nested"]["x"], json!([1, 2]));
    assert_eq!(
        serde_json::to_value(&integration).unwrap(),
        serde_json::from_str::<Value>(text).unwrap()
    );
}

/// An update sends no `type`: only the fields set, from the same groups the types embed, so
/// the settings read from an integration can be sent back as they are.
#[test]
fn an_update_sends_no_type_and_takes_the_groups_the_types_embed() {
    let line: Integration = serde_json::from_str(
        r#"{"_id":"i1","type":"line","channelId":"1553","channelSecret":"s1",
            "channelAccessToken":"s2","qrCodeUrl":"https://qr","botName":"Acme"}"#,
    )
    .unwrap();
    let IntegrationKind::Line(line) = line.kind else {
        panic!()
    };
    let update = IntegrationUpdate::new()
        .with_display_name("Acme")
        .with_line(line.settings.with_service_code("sc"))
        .with_mailgun(MailgunSettings::default().with_hide_unsubscribe_link(false))
        .with_apn(ApnSettings::default().with_production(true))
        .with_whatsapp(WhatsappSettings::default().with_hsm_fallback_language("fr"))
        .with_web(
            Web::default()
                .with_business_name("Acme")
                .with_origin_whitelist(Vec::<String>::new()),
        );
    let expected = json!({
        "displayName": "Acme",
        "businessName": "Acme",
        "originWhitelist": [],
        "channelId": "1553",
        "channelSecret": "s1",
        "serviceCode": "sc",
        "qrCodeUrl": "https://qr",
        "hideUnsubscribeLink": false,
        "production": true,
        "hsmFallbackLanguage": "fr"
    });
    let sent = serde_json::to_value(&update).unwrap();
    assert_eq!(sent, expected);
    assert!(sent.get("type").is_none());
    // The fake reads it back strictly, as it was built.
    let read: IntegrationUpdate = serde_json::from_value(expected).unwrap();
    assert_eq!(read, update);
    assert_eq!(
        serde_json::to_string(&IntegrationUpdate::new()).unwrap(),
        "{}"
    );
    // A group alone is what a type embeds.
    assert_eq!(
        serde_json::to_value(LineSettings::default().with_channel_id("1")).unwrap(),
        json!({"channelId": "1"})
    );
}
