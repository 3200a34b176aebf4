//! `tic-ui`: what the browser views (the page, the tracking view, the preparation view, the
//! batch view) ask of the browser and of Yew in the same way, written once.
//!
//! - [`browser`]: saved records in localStorage, the result event,
//!   file downloads, printing, focus, the clipboard, today's date, `<html lang>`;
//! - [`link`]: share links (a record in the address), read, made, and followed while open;
//! - [`chart`]: the gridline step of the views' SVG charts;
//! - [`import`]: where an imported record came from and why one was refused, as lines;
//! - [`words`]: the interface words every view says the same way, and their type [`words::Tr`];
//! - [`options`]: reading the options object that a view's `mount` function is given;
//! - [`Shared`]: a core result held by a component property, compared by identity;
//! - [`Current`]: the way into a mounted view from its `mount` handle;
//! - [`on`]: the callbacks every view builds the same way (a picked file read as text, a
//!   button that emits, a link that moves the focus).
//!
//! Every call the browser may refuse (storage in a sandboxed frame, the clipboard without
//! permission) fails quietly instead of throwing: a refused call never takes the page down.
//! Nothing here decides anything about the policy; that is `tic_core`'s.
//!
//! Most functions are `#[inline]`: each is called from one or two places in a bundle, and
//! measured on the four bundles, letting the optimiser fold them into their callers kept every
//! bundle at or below its size before this crate (as separate functions they had cost the page
//! ~800 B and the tracking view ~700 B gzipped).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod browser;
pub mod chart;
pub mod import;
pub mod link;
pub mod on;
pub mod options;
pub mod words;

use std::cell::RefCell;
use std::rc::Rc;
use yew::{Reducible, UseReducerDispatcher};

/// A shared value compared by identity, for properties holding core results that have no
/// `PartialEq` (a view's reducer makes a new one on every change).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    /// Shares `rc`.
    #[inline]
    pub fn of(rc: &Rc<T>) -> Shared<T> {
        Shared(Rc::clone(rc))
    }
}

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

/// The way into a mounted view from outside its component tree (the handle its `mount` function
/// returns): the view leaves here the record `R` it shows and the dispatcher of its reducer `S`;
/// actions asked for before the first render wait here for it. Compared by identity.
pub struct Current<S: Reducible, R>(Rc<RefCell<Inner<S, R>>>);

struct Inner<S: Reducible, R> {
    shown: Option<Rc<R>>,
    dispatch: Option<UseReducerDispatcher<S>>,
    early: Vec<S::Action>,
}

impl<S: Reducible, R> Current<S, R> {
    /// `f` of the record the view shows, once it has rendered.
    #[inline]
    pub fn shown<T>(&self, f: impl FnOnce(&R) -> T) -> Option<T> {
        self.0.borrow().shown.as_deref().map(f)
    }

    /// Changes the view's state as its own controls would (after the first render; before it,
    /// the action waits for [`Current::take_early`]).
    #[inline]
    pub fn dispatch(&self, action: S::Action) {
        let d = self.0.borrow().dispatch.clone();
        match d {
            Some(d) => d.dispatch(action),
            None => self.0.borrow_mut().early.push(action),
        }
    }

    /// The actions asked for before the first render, taken once by the view's initial state.
    #[inline]
    pub fn take_early(&self) -> Vec<S::Action> {
        std::mem::take(&mut self.0.borrow_mut().early)
    }

    /// What the view shows now, and its dispatcher (the view's effect calls this on change).
    #[inline]
    pub fn show(&self, shown: Rc<R>, dispatch: UseReducerDispatcher<S>) {
        let mut c = self.0.borrow_mut();
        c.shown = Some(shown);
        c.dispatch = Some(dispatch);
    }
}

impl<S: Reducible, R> Default for Current<S, R> {
    fn default() -> Self {
        Current(Rc::new(RefCell::new(Inner {
            shown: None,
            dispatch: None,
            early: Vec::new(),
        })))
    }
}

impl<S: Reducible, R> Clone for Current<S, R> {
    fn clone(&self) -> Self {
        Current(Rc::clone(&self.0))
    }
}

impl<S: Reducible, R> PartialEq for Current<S, R> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Shared;
    use std::rc::Rc;

    #[test]
    fn shared_values_are_equal_only_when_they_are_the_same() {
        let a = Rc::new(1);
        assert!(Shared::of(&a) == Shared(Rc::clone(&a)));
        assert!(Shared::of(&a) != Shared(Rc::new(1)));
        assert_eq!(*Shared::of(&a), 1);
    }
}
