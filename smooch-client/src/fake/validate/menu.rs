//! Checks on the app menu (*update menu*): every entry needs a label and what its type needs.

use super::{Check, got, present};
use crate::models::{Menu, MenuItemType, SubMenuItem};

/// The known entry types, as listed in descriptions.
const ITEM_TYPES: &str = "`link`, `postback` or `submenu`";

/// A menu: each entry valid; a `submenu` has entries (themselves not submenus), and only a
/// `submenu` has entries.
pub(crate) fn menu(menu: &Menu) -> Check {
    menu.items.iter().enumerate().try_for_each(|(index, item)| {
        let path = format!("items[{index}]");
        entry(
            &path,
            &item.text,
            &item.r#type,
            item.uri.as_ref(),
            item.payload.as_ref(),
        )?;
        match (&item.r#type, item.items.is_empty()) {
            (MenuItemType::Submenu, true) => Err(format!(
                "`{path}.items` is required for a `submenu` item (at least one entry)"
            )),
            (MenuItemType::Submenu, false) => submenu(&path, &item.items),
            (other, false) => Err(format!(
                "`{path}.items` is only allowed on a `submenu` item (this one is a `{other}` item)"
            )),
            _ => Ok(()),
        }
    })
}

/// The entries of a submenu: each valid, none a submenu (menus nest one level deep).
fn submenu(path: &str, items: &[SubMenuItem]) -> Check {
    items.iter().enumerate().try_for_each(|(index, item)| {
        let path = format!("{path}.items[{index}]");
        if item.r#type == MenuItemType::Submenu {
            return Err(format!(
                "`{path}.type`: a submenu cannot hold a submenu (menus nest one level deep)"
            ));
        }
        entry(
            &path,
            &item.text,
            &item.r#type,
            item.uri.as_ref(),
            item.payload.as_ref(),
        )
    })
}

/// One entry: a label, a known type, `uri` for a link, `payload` for a postback.
fn entry(
    path: &str,
    text: &str,
    kind: &MenuItemType,
    uri: Option<&String>,
    payload: Option<&String>,
) -> Check {
    if text.is_empty() {
        return Err(format!("`{path}.text` is required"));
    }
    match kind {
        MenuItemType::Link if !present(uri) => {
            Err(format!("`{path}.uri` is required for a `link` item"))
        }
        MenuItemType::Postback if !present(payload) => Err(format!(
            "`{path}.payload` is required for a `postback` item"
        )),
        other if other.is_unknown() => Err(format!(
            "`{path}.type` must be {ITEM_TYPES} ({})",
            got(other.as_str())
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::models::MenuItem;

    fn decoded(value: serde_json::Value) -> Menu {
        serde_json::from_value(value).expect("a Menu")
    }

    #[test]
    fn links_postbacks_and_submenus_are_accepted() {
        let good = Menu::new(vec![
            MenuItem::link("Shop", "https://shop.example.org"),
            MenuItem::postback("Agent", "AGENT"),
            MenuItem::submenu("More", vec![SubMenuItem::postback("Hours", "HOURS")]),
        ]);
        assert_eq!(menu(&good), Ok(()));
        assert_eq!(menu(&Menu::new(vec![])), Ok(()), "an empty menu");
    }

    #[test]
    fn each_type_needs_its_field() {
        let refused = |value| menu(&decoded(value)).expect_err("refused");
        let link = refused(json!({"items": [{"type": "link", "text": "Shop"}]}));
        assert!(link.contains("`items[0].uri` is required"), "{link}");
        let postback = refused(json!({"items": [
            {"type": "link", "text": "Shop", "uri": "https://x"},
            {"type": "postback", "text": "Agent", "payload": ""}
        ]}));
        assert!(
            postback.contains("`items[1].payload` is required"),
            "{postback}"
        );
        let submenu = refused(json!({"items": [{"type": "submenu", "text": "More"}]}));
        assert!(
            submenu.contains("`items[0].items` is required"),
            "{submenu}"
        );
        let stray = refused(
            json!({"items": [{"type": "postback", "text": "A", "payload": "A",
            "items": [{"type": "postback", "text": "B", "payload": "B"}]}]}),
        );
        assert!(stray.contains("only allowed on a `submenu`"), "{stray}");
    }

    #[test]
    fn labels_types_and_nesting_are_checked() {
        let refused = |value| menu(&decoded(value)).expect_err("refused");
        let label = refused(json!({"items": [{"type": "postback", "text": "", "payload": "A"}]}));
        assert!(label.contains("`items[0].text` is required"), "{label}");
        let kind = refused(json!({"items": [{"type": "webview", "text": "A"}]}));
        assert!(kind.contains("`items[0].type` must be"), "{kind}");
        assert!(kind.contains("got `webview`"), "{kind}");
        let deep = refused(json!({"items": [{"type": "submenu", "text": "A", "items": [
            {"type": "submenu", "text": "B"}
        ]}]}));
        assert!(deep.contains("`items[0].items[0].type`"), "{deep}");
        let inner = refused(json!({"items": [{"type": "submenu", "text": "A", "items": [
            {"type": "link", "text": "B"}
        ]}]}));
        assert!(inner.contains("`items[0].items[0].uri`"), "{inner}");
    }
}
