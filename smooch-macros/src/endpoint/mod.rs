//! `#[endpoint]`: [`template`] parses the path (pure, no syn), [`attr`] parses the attribute's
//! arguments, [`model`] checks both against the method signature and collects every error,
//! [`expand`] generates code from the checked model only, and [`fallback`] keeps the method
//! compiling when there are errors.

mod attr;
pub(crate) mod expand;
mod fallback;
mod method;
mod model;
mod template;
