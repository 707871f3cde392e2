//! Locations: [`LocationMessage`], its [`Coordinates`] and the [`Location`] it names.

use smooch_macros::model;

/// A `location` message: a point, and optionally the place.
///
/// ```
/// use smooch_client::v2::models::{Coordinates, Location, LocationMessage};
///
/// let office = LocationMessage::new(Coordinates::new(45.5017, -73.5673))
///     .with_location(Location::default().with_name("Acme HQ").with_address("1 Main St"));
/// assert_eq!(
///     serde_json::to_string(&office)?,
///     r#"{"coordinates":{"lat":45.5017,"long":-73.5673},"location":{"address":"1 Main St","name":"Acme HQ"}}"#,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(setters)]
pub struct LocationMessage {
    /// A fallback text the server writes (responses only).
    pub text: Option<String>,
    /// Whether the chat input is disabled while this is the latest message.
    pub block_chat_input: Option<bool>,
    /// The point.
    #[model(required)]
    pub coordinates: Coordinates,
    /// The place: its name and address.
    pub location: Option<Location>,
}

impl LocationMessage {
    /// The point `coordinates`.
    pub fn new(coordinates: Coordinates) -> Self {
        LocationMessage::default().with_coordinates(coordinates)
    }
}

/// A point on Earth.
#[model(setters)]
pub struct Coordinates {
    /// The latitude.
    #[model(required)]
    pub lat: f64,
    /// The longitude.
    #[model(required)]
    pub long: f64,
}

impl Coordinates {
    /// Latitude `lat`, longitude `long`.
    pub fn new(lat: f64, long: f64) -> Self {
        Coordinates {
            lat,
            long,
            ..Coordinates::default()
        }
    }
}

/// The place a location message names.
#[model(setters)]
pub struct Location {
    /// Its postal address.
    pub address: Option<String>,
    /// Its name.
    pub name: Option<String>,
}
