//! A user's clients: create (a channel link), list, remove; the Web Messenger client the user
//! hooks give.

use futures_util::TryStreamExt;
use smooch_client::models::ClientStatus;
use smooch_client::v2::models::{ClientCreate, ClientType, Confirmation, MatchCriteria, Page};
use smooch_client::v2::models::{Custom, CustomWebhook, IntegrationCreate};
use smooch_client::v2::{ClientsApi, IntegrationsApi};

use super::{APP, Bot, personal, refused, start, user};

#[tokio::test]
async fn clients_are_created_listed_and_removed() {
    let (fake, v2) = start().await;
    let (bot, url) = Bot::start().await;
    let hook = CustomWebhook::new(url, ["client:add", "client:remove"]);
    v2.create_integration(APP, &IntegrationCreate::new(Custom::new(hook)))
        .await
        .unwrap();
    let ana = user(&v2, "ana").await;
    let conversation = personal(&v2, &ana).await;
    fake.v2()
        .user_says(APP, &conversation, "ana", "hi")
        .unwrap();

    let link = ClientCreate::new(
        MatchCriteria::whatsapp("482d0c099f6e8301e4051b98", "+351910000000"),
        Confirmation::immediate(),
        &conversation,
    );
    let created = v2
        .create_client(APP, "ana", &link, None)
        .await
        .unwrap()
        .client
        .unwrap();
    assert_eq!(created.r#type, Some(ClientType::Whatsapp));
    assert_eq!(created.status, Some(ClientStatus::Pending));
    assert_eq!(created.external_id.as_deref(), Some("+351910000000"));

    let listed = v2
        .list_clients(APP, &ana, &Page::first(), None)
        .await
        .unwrap();
    let types: Vec<_> = listed.clients.iter().map(|c| c.r#type.clone()).collect();
    assert_eq!(
        types,
        [Some(ClientType::Sdk), Some(ClientType::Whatsapp)],
        "the hooks' web client first"
    );
    assert_eq!(listed.clients[0].status, Some(ClientStatus::Active));
    let streamed: Vec<_> = v2.clients(APP, "ana", None).try_collect().await.unwrap();
    assert_eq!(streamed, listed.clients);

    let whatsapp = created.id.unwrap();
    v2.remove_client(APP, "ana", &whatsapp, None).await.unwrap();
    let sdk = listed.clients[0].id.clone().unwrap();
    let (status, _, title) = refused(v2.remove_client(APP, "ana", &sdk, None).await);
    assert_eq!(status, 400);
    assert!(title.contains("sdk"), "{title}");
    assert_eq!(
        refused(v2.remove_client(APP, "ana", &whatsapp, None).await),
        (404, "client_not_found".into(), "Client not found".into())
    );

    fake.deliveries_settled().await;
    assert_eq!(bot.event_types(), ["client:add", "client:remove"]);
    let removed = &bot.calls()[1].1["events"][0]["payload"];
    assert_eq!(removed["reason"], "api");
    assert_eq!(removed["client"]["id"], whatsapp.as_str());
    assert_eq!(removed["user"]["id"], ana.as_str());
}

#[tokio::test]
async fn clients_are_refused_as_the_api_refuses_them() {
    let (_fake, v2) = start().await;
    let ana = user(&v2, "ana").await;
    user(&v2, "ben").await;
    let conversation = personal(&v2, &ana).await;
    let link = |conversation: &str| {
        ClientCreate::new(
            MatchCriteria::twilio("i1", "+15550000000"),
            Confirmation::prompt(),
            conversation,
        )
    };
    assert_eq!(
        refused(
            v2.create_client(APP, "ben", &link(&conversation), None)
                .await
        )
        .0,
        400,
        "not ben's conversation"
    );
    assert_eq!(
        refused(
            v2.create_client(APP, "ana", &link(&"c".repeat(24)), None)
                .await
        )
        .1,
        "conversation_not_found"
    );
    let empty = ClientCreate::new(
        MatchCriteria::mailgun("i1", ""),
        Confirmation::immediate(),
        &conversation,
    );
    assert_eq!(
        refused(v2.create_client(APP, "ana", &empty, None).await).0,
        400
    );
    for (status, code, _) in [
        refused(
            v2.create_client(APP, "nobody", &link(&conversation), None)
                .await,
        ),
        refused(v2.list_clients(APP, "nobody", &Page::first(), None).await),
        refused(v2.remove_client(APP, "nobody", "x", None).await),
    ] {
        assert_eq!((status, code.as_str()), (404, "user_not_found"));
    }
    let bad_page = Page::first().with_size(500);
    assert_eq!(
        refused(v2.list_clients(APP, "ana", &bad_page, None).await).0,
        400
    );
}
