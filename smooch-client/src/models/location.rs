//! [`Coordinates`] and [`Location`] of a `location` message.

use smooch_macros::model;

/// A point on the map; required on a `location` message.
///
/// ```rust
/// use smooch_client::models::{Coordinates, MessagePost, Role};
///
/// let here = Coordinates::new(45.5261583, -73.595346);
/// let message = MessagePost::location(Role::AppUser, here);
/// assert_eq!(
///     serde_json::to_value(&message)?["coordinates"],
///     serde_json::json!({"lat": 45.5261583, "long": -73.595346}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct Coordinates {
    /// Latitude in degrees.
    #[model(required)]
    pub lat: f64,
    /// Longitude in degrees.
    #[model(required)]
    pub long: f64,
}

impl Coordinates {
    /// Coordinates from a latitude and a longitude, in degrees.
    ///
    /// ```rust
    /// use smooch_client::models::{Coordinates, MessagePost, Role};
    ///
    /// let message = MessagePost::location(Role::AppMaker, Coordinates::new(45.5261583, -73.595346));
    /// # assert_eq!(message.coordinates.unwrap().long, -73.595346);
    /// ```
    pub fn new(lat: f64, long: f64) -> Self {
        Self {
            lat,
            long,
            ..Self::default()
        }
    }
}

/// Extra information on a `location` message's place (request and response).
///
/// ```rust
/// use smooch_client::models::{Coordinates, Location, Message, Role};
///
/// let message = Message::location("m1", Role::AppUser, Coordinates::new(45.5261583, -73.595346))
///     .with_location(Location::new().with_name("Zendesk Montréal"));
/// assert_eq!(message.location.and_then(|place| place.name).as_deref(), Some("Zendesk Montréal"));
/// ```
#[model(setters)]
pub struct Location {
    /// Street address of the place.
    pub address: Option<String>,
    /// Name of the place.
    pub name: Option<String>,
}

impl Location {
    /// A place with nothing set yet; add its name and address with the setters.
    ///
    /// ```rust
    /// use smooch_client::models::Location;
    ///
    /// let place = Location::new()
    ///     .with_address("5333 avenue Casgrain")
    ///     .with_name("Zendesk Montréal");
    /// # assert_eq!(place.name.as_deref(), Some("Zendesk Montréal"));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }
}
