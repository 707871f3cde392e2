//! The app menu: none at first, set, read back, deleted; invalid menus refused.

use smooch_client::MenuApi;
use smooch_client::models::{Menu, MenuItem, MenuItemType, SubMenuItem};

use super::{APP, refused, start};

fn shop_menu() -> Menu {
    Menu::new(vec![
        MenuItem::link("Our shop", "https://shop.example.org"),
        MenuItem::submenu(
            "More",
            vec![
                SubMenuItem::postback("Talk to an agent", "AGENT"),
                SubMenuItem::link("Hours", "https://shop.example.org/hours"),
            ],
        ),
    ])
}

#[tokio::test]
async fn a_menu_is_set_read_back_and_deleted() {
    let (_fake, client) = start().await;
    assert_eq!(client.get_menu(APP).await.unwrap().menu, Menu::default());

    let set = client.update_menu(APP, &shop_menu()).await.unwrap().menu;
    assert_eq!(set, shop_menu());
    assert_eq!(client.get_menu(APP).await.unwrap().menu, shop_menu());
    assert_eq!(
        client.get_menu("another_app").await.unwrap().menu,
        Menu::default(),
        "each app has its own"
    );

    let replaced = Menu::new(vec![MenuItem::postback("Start over", "RESTART")]);
    client.update_menu(APP, &replaced).await.unwrap();
    assert_eq!(client.get_menu(APP).await.unwrap().menu, replaced);

    let deleted = client
        .delete_menu(APP)
        .await
        .unwrap()
        .expect("the fake answers the empty menu")
        .menu;
    assert!(deleted.items.is_empty());
    assert_eq!(client.get_menu(APP).await.unwrap().menu, Menu::default());
}

#[tokio::test]
async fn an_invalid_menu_is_refused_and_the_menu_is_kept() {
    let (_fake, client) = start().await;
    client.update_menu(APP, &shop_menu()).await.unwrap();

    let mut link = MenuItem::link("Our shop", "");
    link.uri = None;
    let mut deep = SubMenuItem::postback("Deeper", "X");
    deep.r#type = MenuItemType::Submenu;
    let mut unknown = MenuItem::postback("Pay", "PAY");
    unknown.r#type = MenuItemType::from("buy");
    let cases = [
        (Menu::new(vec![link]), "`items[0].uri` is required"),
        (
            Menu::new(vec![MenuItem::postback("", "X")]),
            "`items[0].text` is required",
        ),
        (
            Menu::new(vec![MenuItem::submenu("More", vec![])]),
            "`items[0].items` is required",
        ),
        (
            Menu::new(vec![MenuItem::submenu("More", vec![deep])]),
            "`items[0].items[0].type`",
        ),
        (Menu::new(vec![unknown]), "got `buy`"),
    ];
    for (menu, expected) in cases {
        let error = client.update_menu(APP, &menu).await.unwrap_err();
        let description = refused(error, 400, "bad_request");
        assert!(description.contains(expected), "{expected}: {description}");
    }
    assert_eq!(
        client.get_menu(APP).await.unwrap().menu,
        shop_menu(),
        "kept"
    );
}

#[tokio::test]
async fn a_menu_body_over_the_limit_is_a_413() {
    let (_fake, client) = start().await;
    let huge = Menu::new(vec![MenuItem::postback("x".repeat(3 * 1024 * 1024), "X")]);
    let error = client.update_menu(APP, &huge).await.unwrap_err();
    refused(error, 413, "payload_too_large");
    assert_eq!(client.get_menu(APP).await.unwrap().menu, Menu::default());
}
