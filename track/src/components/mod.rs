//! One component per file. Components render the [`crate::state::State`] they are given and
//! report what the user did through callbacks; they decide nothing.

pub mod actions;
pub mod app;
pub mod chart;
pub mod grid;
pub mod results;

use std::rc::Rc;

/// A shared value compared by identity, for properties holding core results that have no
/// `PartialEq` (the reducer makes a new one on every change).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
