//! One component per file; each renders what the core computed.

pub mod draft;
pub mod procedure;
pub mod sweep;
pub mod takes;

use std::rc::Rc;
use tic_core::Applicant;

/// The answers, shared by the components without copying.
pub type Shared = Rc<Applicant>;

/// `zh-CN` or `en`, for `lang` attributes.
pub fn code(l: tic_core::Lang) -> &'static str {
    match l {
        tic_core::Lang::Zh => "zh-CN",
        tic_core::Lang::En => "en",
    }
}
