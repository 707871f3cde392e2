//! The v2 endpoint traits, one file per group of the API, implemented for [`V2`](super::V2).

mod apps;

pub use apps::AppsApi;
