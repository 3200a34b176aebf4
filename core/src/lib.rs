//! `tic-core`: the rules of Ningbo's Technology Innovation Centre guideline
//! (宁波市技术创新中心建设工作指引（试行）（征求意见稿）) as a pure, data-driven assessment.
//!
//! - [`parse_applicant`] reads an applicant (contract `tic-applicant/1`) and reports every
//!   problem of the input, each with its field path.
//! - [`assess()`] turns an applicant into an [`Assessment`]: every requirement with its status,
//!   the verdict, the funding estimate and the 附件1 indicator ratings. It cannot fail.
//! - [`report()`] writes an assessment as contract JSON (`tic-assessment/1`), with explanations
//!   in Chinese and English and the clause texts.
//!
//! - [`mod@track`] follows an approved centre through its construction years (contract
//!   `tic-progress/1`): milestones, standing, subsidy entitlement and recovery.
//!
//! The policy's numbers, lists and clause texts are data (`core/policy/*.toml`), checked at
//! build time and embedded; [`policy::current`] is the version used by default.
//!
//! The crate does no I/O and knows nothing of the browser.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod applicant;
pub mod assess;
pub mod diff;
pub mod explain;
pub mod fields;
pub mod funding;
pub mod indicators;
pub mod input;
pub mod json;
pub mod keymap;
pub mod link;
pub mod money;
pub mod number;
pub mod plan;
pub mod policy;
pub mod reach;
pub mod report;
pub mod schema;
pub mod text;
pub mod track;
pub mod vocab;

pub use applicant::{Applicant, APPLICANT_SCHEMA};
pub use assess::{assess, Assessment, Measure, Outcome};
pub use input::{applicant_from_value, parse_applicant, InputError, Problem};
pub use money::Wan;
pub use policy::Policy;
pub use report::{report, Detail, Report, ASSESSMENT_SCHEMA};
pub use text::{Lang, Text, Words};
pub use track::{parse_progress, track, track_json, track_report, Progress, Tracking};

/// Parses an applicant and assesses it under the current policy, giving the full report as
/// pretty JSON; or every input problem. The one-call form used by `tic assess` and the
/// browser's `assess` export.
pub fn assess_json(json: &str) -> Result<String, Vec<InputError>> {
    let policy = policy::current();
    let applicant = parse_applicant(policy, json)?;
    let a = assess(policy, &applicant);
    Ok(report(&a, &applicant, Detail::Full).to_json_pretty())
}
