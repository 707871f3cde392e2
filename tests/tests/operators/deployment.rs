//! DeploymentApi: the six operations, including the two answers of `delete_deployment`.

use httpmock::prelude::*;
use serde_json::json;
use smooch_client::DeploymentApi;
use smooch_client::models::{
    DeploymentActivatePhoneNumber, DeploymentConfirmCode, DeploymentCreate, DeploymentDeletion,
    DeploymentHosting, DeploymentStatus,
};

use super::{Expect, ODD_ID, ODD_ID_ENCODED, assert_redacted, client};

const DEPLOYMENT: &str = "5e2a1f6b8c3d4e0012a1b2c3";

fn path(rest: &str) -> String {
    format!("/v1.1/whatsapp/deployments/{DEPLOYMENT}{rest}")
}

fn deployment_body(status: &str) -> String {
    json!({"deployment": {
        "_id": DEPLOYMENT,
        "status": status,
        "hosting": "smooch",
        "phoneNumber": "+15145555555",
        "callbackUrl": "https://example.org/deployments",
        "callbackSecret": "cb-secret-z9",
        "integrationId": "5e4af71a81966c000f7f8cd5",
        "appId": "5963c0d619a30a2e00de36b8"
    }})
    .to_string()
}

#[tokio::test]
async fn create_deployment_posts_the_hosting() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, "/v1.1/whatsapp/deployments")
        .body(json!({"hosting": "smooch", "callbackUrl": "https://example.org/deployments"}))
        .answer(&server, 201, &deployment_body("starting"))
        .await;
    let body = DeploymentCreate::smooch().with_callback_url("https://example.org/deployments");
    let result = client(&server).create_deployment(&body).await;
    mock.assert_async().await;
    let response = result.unwrap();
    assert_redacted(&response, &["cb-secret-z9"]);
    let deployment = response.deployment;
    assert_eq!(deployment.id, DEPLOYMENT);
    assert_eq!(deployment.status, DeploymentStatus::Starting);
    assert_eq!(deployment.hosting, DeploymentHosting::Smooch);
    assert_eq!(deployment.callback_secret.unwrap().expose(), "cb-secret-z9");
    assert_eq!(
        deployment.integration_id.as_deref(),
        Some("5e4af71a81966c000f7f8cd5")
    );
    assert_eq!(
        deployment.app_id.as_deref(),
        Some("5963c0d619a30a2e00de36b8")
    );
}

#[tokio::test]
async fn create_deployment_self_hosted_sends_its_credentials() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, "/v1.1/whatsapp/deployments")
        .body(json!({
            "hosting": "self",
            "baseUrl": "https://wa.example.org",
            "username": "admin",
            "password": "wa-password-q1"
        }))
        .answer(
            &server,
            201,
            r#"{"deployment":{"_id":"d2","status":"pending","hosting":"self","baseUrl":"https://wa.example.org","username":"admin"}}"#,
        )
        .await;
    let body = DeploymentCreate::self_hosted("https://wa.example.org", "admin", "wa-password-q1");
    assert_redacted(&body, &["wa-password-q1"]);
    let result = client(&server).create_deployment(&body).await;
    mock.assert_async().await;
    let deployment = result.unwrap().deployment;
    assert_eq!(deployment.hosting, DeploymentHosting::SelfHosted);
    assert_eq!(
        deployment.base_url.as_deref(),
        Some("https://wa.example.org")
    );
    assert_eq!(deployment.username.as_deref(), Some("admin"));
}

#[tokio::test]
async fn list_deployments_decodes_every_deployment() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, "/v1.1/whatsapp/deployments")
        .answer(
            &server,
            200,
            r#"{"deployments":[
                {"_id":"d1","status":"integrated","hosting":"smooch"},
                {"_id":"d2","status":"unregistered","hosting":"self","baseUrl":"https://wa.example.org"}
            ]}"#,
        )
        .await;
    let result = client(&server).list_deployments().await;
    mock.assert_async().await;
    let list = result.unwrap();
    let statuses: Vec<&DeploymentStatus> = list.deployments.iter().map(|d| &d.status).collect();
    assert_eq!(
        statuses,
        [
            &DeploymentStatus::Integrated,
            &DeploymentStatus::Unregistered
        ]
    );
}

#[tokio::test]
async fn get_deployment_encodes_the_id() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(GET, format!("/v1.1/whatsapp/deployments/{ODD_ID_ENCODED}"))
        .answer(&server, 200, &deployment_body("registered"))
        .await;
    let result = client(&server).get_deployment(ODD_ID).await;
    mock.assert_async().await;
    let deployment = result.unwrap().deployment;
    assert_eq!(deployment.status, DeploymentStatus::Registered);
    assert_eq!(deployment.phone_number.as_deref(), Some("+15145555555"));
}

/// 200 without a body (or with `{}`) is `Deleted`; 202 with the deployment is `InProgress`.
#[tokio::test]
async fn delete_deployment_tells_deleted_from_in_progress() {
    let server = MockServer::start_async().await;
    let client = client(&server);
    let in_progress = deployment_body("deleting");
    for (status, answer) in [(200, ""), (200, "{}"), (202, in_progress.as_str())] {
        let mock = Expect::new(DELETE, path(""))
            .answer(&server, status, answer)
            .await;
        let result = client.delete_deployment(DEPLOYMENT).await;
        mock.assert_async().await;
        mock.delete_async().await;
        match result.unwrap() {
            DeploymentDeletion::Deleted => assert_eq!(status, 200, "{answer}"),
            DeploymentDeletion::InProgress(deployment) => {
                assert_eq!(status, 202);
                assert_eq!(deployment.id, DEPLOYMENT);
                assert_eq!(deployment.status, DeploymentStatus::Deleting);
            }
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn activate_deployment_phone_number_posts_the_number_and_method() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, path("/activate"))
        .body(json!({
            "phoneNumber": "+15145555555",
            "verifiedNameCertificate": "Q2VydGlmaWNhdGU=",
            "method": "voice"
        }))
        .answer(&server, 200, &deployment_body("pending"))
        .await;
    let body = DeploymentActivatePhoneNumber::voice("+15145555555", "Q2VydGlmaWNhdGU=");
    let result = client(&server)
        .activate_deployment_phone_number(DEPLOYMENT, &body)
        .await;
    mock.assert_async().await;
    assert_eq!(result.unwrap().deployment.status, DeploymentStatus::Pending);
}

#[tokio::test]
async fn confirm_deployment_code_posts_the_code() {
    let server = MockServer::start_async().await;
    let mock = Expect::new(POST, path("/code/confirm"))
        .body(json!({"code": "123456"}))
        .answer(&server, 200, &deployment_body("registered"))
        .await;
    let result = client(&server)
        .confirm_deployment_code(DEPLOYMENT, &DeploymentConfirmCode::new("123456"))
        .await;
    mock.assert_async().await;
    assert_eq!(
        result.unwrap().deployment.status,
        DeploymentStatus::Registered
    );
}
