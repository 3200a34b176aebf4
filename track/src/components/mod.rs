//! One component per file. Components render the [`crate::state::State`] they are given and
//! report what the user did through callbacks; they decide nothing.

pub mod actions;
pub mod app;
pub mod chart;
pub mod grid;
pub mod results;
