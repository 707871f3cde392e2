use smooch_client::model;

/// Query options are values sent under their keys when set: no rules of a JSON body.
#[model(query)]
pub struct Options {
    /// A key rule.
    #[model(key)]
    pub id: String,
    /// Written even when `None`.
    #[model(always)]
    pub size: Option<u32>,
}

#[model(query, request)]
pub struct Both {
    /// A value.
    pub value: Option<String>,
}

fn main() {}
