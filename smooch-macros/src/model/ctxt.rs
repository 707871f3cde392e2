//! One error sink for every pass of `#[model]`, as serde_derive's `Ctxt`: each problem is
//! recorded with its span and the passes go on, so one compile shows every mistake at once.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::TokenStream;
use quote::ToTokens;

/// The errors found so far.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Option<syn::Error>>,
}

impl Ctxt {
    /// Records an error at the tokens of `at`.
    pub fn error_at<T: ToTokens, M: Display>(&self, at: T, message: M) {
        self.push(syn::Error::new_spanned(at.into_token_stream(), message));
    }

    /// Records an error already built (a parse error, say).
    pub fn push(&self, error: syn::Error) {
        let mut errors = self.errors.borrow_mut();
        match errors.as_mut() {
            Some(all) => all.combine(error),
            None => *errors = Some(error),
        }
    }

    /// Every error recorded, or `Ok` when there was none.
    pub fn check(self) -> Result<(), syn::Error> {
        match self.errors.into_inner() {
            Some(errors) => Err(errors),
            None => Ok(()),
        }
    }

    /// The errors as `compile_error!`s (empty when there are none).
    pub fn into_compile_errors(self) -> TokenStream {
        match self.errors.into_inner() {
            Some(errors) => errors.to_compile_error(),
            None => TokenStream::new(),
        }
    }
}
