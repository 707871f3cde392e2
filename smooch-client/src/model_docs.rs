//! The documentation of the `#[model]` attribute (the macro itself is in `smooch-macros`).

/// Declares an API model: a struct lists its fields, their docs and their rules, and the
/// attribute writes the rest; on an enum of models, a union told apart by one key.
///
/// ```text
/// #[model[(request)][(setters)]]                 #[model(tag = "key"[, request])]
/// struct Name {                                  enum Name {
///     [#[serde(rename = "key")]]                     [#[serde(rename = "tag")]]
///     [#[serde(flatten)]]                            Variant(Model),
///     [#[model(key | required | with = path |        ..
///              always | setter | no_setter |         #[model(other)]
///              add = name)]]                         Other(Unknown),
///     field: Type,                               }
/// }
/// ```
///
/// Every model of this crate is declared this way (`smooch_client::models`); the attribute is
/// public so that a model the crate lacks (a field the API added, a payload of your own) is
/// declared the same way, and reads and writes like the others. The crate must be a dependency
/// named `smooch_client`.
///
/// # A struct
///
/// The attribute turns
///
/// ```text
/// #[model(setters)]
/// pub struct Reminder { /// What to say. pub text: Option<String>, .. }
/// ```
///
/// into the struct with `#[derive(Clone, Default, PartialEq)]` and `#[non_exhaustive]` (the
/// API grows: build one with `Default` and the setters), one more field,
/// `pub extra: `[`Extra`](crate::models::Extra), which keeps the keys it does not know with
/// their values, and implementations of:
///
/// - **`Deserialize`**, read in one pass over the object, whatever the order of the keys: the
///   last value of a repeated key wins, unknown keys go to `extra`, and a
///   [flattened](#field-attributes) model's keys are read in the same pass;
/// - **`Serialize`**, each field under its key in the order declared, then the `extra` keys;
///   left out are `None`, `null` JSON values, and lists and maps that are empty, unless they
///   were received empty (`"tags": []` decoded is `"tags": []` encoded), so a model decoded
///   encodes back to the keys it came with;
/// - **`Debug`**, as `#[derive(Debug)]` prints it (secrets are [`Secret`](crate::Secret)s,
///   which print `<redacted>`);
/// - the **setters** asked for: `with_<field>(value)`, documented with the first paragraph of
///   the field's doc. An `Option<T>` field takes the `T` (or anything `Into<T>`), a list takes
///   anything iterable, `Option<Vec<T>>` takes the items and sends them even when there are
///   none.
///
/// Keys are the field names in camelCase (`avatar_url` → `avatarUrl`; a raw identifier
/// `r#type` is `type`).
///
/// ## Struct arguments
///
/// - **`request`**: a body that is sent (what a user writes, what the fake receives), read
///   strictly: a field the API requires (`required` or `key`) that is missing or `null` is an
///   error naming the field and where it is (`Trip.to.lat: `lat` is required and must not be
///   null`). Without it, the model is a response, read tolerantly: the same field missing or
///   `null` is its default, so an answer is never refused over what the server chose to send.
///   A model nested in another is read as the outermost one is (a request body inside a
///   response is read tolerantly).
/// - **`setters`**: a setter for every field (see `setter` and `no_setter` for one field).
/// - `#[serde(rename_all = "camelCase")]` (the default) or `#[serde(rename_all = "none")]`
///   (keys as the fields are named) on the struct.
///
/// ## Field attributes
///
/// - **`#[serde(rename = "key")]`**: the key, when it is not the camelCase name (`"_id"`).
/// - **`#[serde(flatten)]`**: another `#[model]` (or a union) whose keys are this model's keys,
///   read in the same pass and written in its place. It takes no other attribute.
/// - **`#[model(key)]`**: the key identifies the object: missing, it is always an error
///   (`null` is the default, except in a request).
/// - **`#[model(required)]`**: the API requires it: missing or `null`, an error in a request,
///   the default in a response.
/// - **`#[model(with = path)]`**: `path(deserializer, mode)` reads the value, `null`
///   included (a missing key is the default). `mode` is `smooch_client::__private::model::Mode`,
///   which is not stable API yet: this is for the crate's own models.
/// - **`#[model(always)]`**: written even when `None` (as `null`), empty or `null`, for what
///   the API must be sent explicitly. Only on an `Option`, a list, a map or a JSON value.
/// - **`#[model(setter)]`** / **`#[model(no_setter)]`**: a setter for this field, or none
///   (with `#[model(setters)]` on the struct).
/// - **`#[model(add = with_item)]`**: on a `Vec<T>`, a setter `with_item(item)` that appends
///   one item.
///
/// Without `key` or `required`, a missing key or `null` is the default (`None` for an
/// `Option`, which takes neither).
///
/// Fields hold what a model can read: strings, numbers, `bool`, JSON values and maps,
/// [`Secret`](crate::Secret), the crate's ids, timestamps, metadata and open enums, other
/// models, and `Option`, `Vec`, `Box` and `BTreeMap<String, _>` of those.
///
/// ## Refused
///
/// Every attribute is honoured or refused: anything else is a compile error naming it, never
/// ignored. Among them: `#[serde(alias)]` (a field is read from one key), `skip`,
/// `skip_serializing`, `skip_deserializing` (every field is a key of the API; keep other data
/// outside the model), `default`, `deserialize_with`, `serialize_with`, `with` (the rules
/// above; `#[model(with)]` for a custom reader), `skip_serializing_if` (what is left out is
/// decided by the field's type; `always` for the exception), an unknown `#[model(..)]`
/// argument or field attribute, `key` on an `Option`, `key` with `required`, two fields on one
/// key, `add` on anything but a `Vec`, `always` on a field that is always written, a
/// `#[derive]` or `#[non_exhaustive]` of your own, a field named `extra`, the old
/// `#[decode(..)]`, generics, and tuple or unit structs. One compile shows every mistake at
/// once.
///
/// # A union
///
/// On an enum, `#[model(tag = "type")]` makes a union: each variant holds one model, and the
/// value of the key `tag` says which (the variant's name with a lower-case first letter, or
/// `#[serde(rename = "..")]`). One variant marked `#[model(other)]` holds a member this crate
/// does not know, as an [`Unknown`](crate::models::Unknown): its tag and every other key, sent
/// back unchanged. It is read in the same single pass whether the tag comes first or last
/// (keys before the tag wait until it names the member), and is usually flattened into a
/// struct, where it takes every key the struct does not know. It gets `Clone`, `PartialEq`,
/// `Debug`, `Serialize` (the tag, then the member's keys), `Deserialize`, `Default` (a member
/// without a tag), `#[non_exhaustive]`, and `tag()`, the tag it is sent with. A tag missing
/// or `null` is an error in a request; in a response it reads as a member without a tag.
/// `request` reads the union strictly when it is decoded alone.
///
/// Refused: a union without `tag` or without its `#[model(other)]` variant, a variant that is
/// not `Name(Model)`, two variants with one tag, generics, and other attributes.
///
/// # Example
///
/// ```
/// use smooch_client::model;
/// use smooch_client::models::Unknown;
///
/// /// Where a reminder goes.
/// #[model(tag = "channel")]
/// pub enum Target {
///     /// By SMS.
///     Sms(Sms),
///     /// By email (`"channel": "email"`).
///     #[serde(rename = "email")]
///     Mail(Mail),
///     /// A channel this code does not know.
///     #[model(other)]
///     Other(Unknown),
/// }
///
/// /// An SMS target.
/// #[model(setters)]
/// pub struct Sms {
///     /// The number.
///     pub phone_number: Option<String>,
/// }
///
/// /// An email target.
/// #[model(setters)]
/// pub struct Mail {
///     /// The address.
///     pub address: Option<String>,
///     /// Who else gets it.
///     #[model(add = with_copy)]
///     pub copies: Vec<String>,
/// }
///
/// /// A reminder, as a bot keeps it.
/// #[model(setters)]
/// pub struct Reminder {
///     /// Its id.
///     #[serde(rename = "_id")]
///     #[model(key, no_setter)]
///     pub id: String,
///     /// What to say.
///     pub text: Option<String>,
///     /// Where it goes: the `channel` key and the keys of that channel.
///     #[serde(flatten)]
///     pub target: Target,
/// }
///
/// let text = r#"{"address":"ann@example.org","_id":"r1","copies":[],"channel":"email","due":5}"#;
/// let reminder: Reminder = serde_json::from_str(text)?;
/// let Target::Mail(mail) = &reminder.target else { panic!("an email") };
/// assert_eq!(mail.address.as_deref(), Some("ann@example.org"));
/// assert_eq!(mail.extra["due"], 5, "unknown keys go to the member");
/// // Encoded back: the same keys, `"copies": []` included, the tag first.
/// assert_eq!(
///     serde_json::to_string(&reminder)?,
///     r#"{"_id":"r1","channel":"email","address":"ann@example.org","copies":[],"due":5}"#,
/// );
///
/// let mail = Mail::default().with_address("ann@example.org").with_copy("bob@example.org");
/// assert_eq!(mail.copies, ["bob@example.org"]);
/// let mut new = Reminder::default()
///     .with_text("Your order shipped")
///     .with_target(Target::Sms(Sms::default().with_phone_number("+15145550100")));
/// new.id = "r2".into();
/// assert_eq!(
///     serde_json::to_string(&new)?,
///     r#"{"_id":"r2","text":"Your order shipped","channel":"sms","phoneNumber":"+15145550100"}"#,
/// );
///
/// // A channel this code does not know is kept whole.
/// let other: Reminder = serde_json::from_str(r#"{"_id":"r3","channel":"fax","fax":"+1"}"#)?;
/// assert_eq!(other.target.tag(), "fax");
/// assert!(matches!(&other.target, Target::Other(unknown) if unknown.fields["fax"] == "+1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// A request is strict where the API requires a field; `always` sends an explicit `null`:
///
/// ```
/// use smooch_client::model;
///
/// /// A body to send.
/// #[model(request, setters)]
/// pub struct Rename {
///     /// The new name.
///     #[model(required)]
///     pub name: String,
///     /// The old alias, sent as `null` to remove it.
///     #[model(always)]
///     pub alias: Option<String>,
/// }
///
/// assert_eq!(
///     serde_json::to_string(&Rename::default().with_name("Ann"))?,
///     r#"{"name":"Ann","alias":null}"#,
/// );
/// let error = serde_json::from_str::<Rename>(r#"{"name": null}"#).unwrap_err();
/// assert!(error.to_string().contains("`name` is required and must not be null"));
/// let error = serde_json::from_str::<Rename>("{}").unwrap_err();
/// assert!(error.to_string().contains("missing field `name`"));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub use smooch_macros::model;
