//! The progress bar, the status line (`#batch-status` and its data attributes) and the notice of
//! a failed save.

use crate::source::Kind;
use crate::state::Phase;
use crate::text::{self, t};
use tic_core::{Lang, Text};
use yew::prelude::*;

/// Properties of [`Status`].
#[derive(Properties, PartialEq)]
pub struct StatusProps {
    /// Interface language.
    pub lang: Lang,
    /// What was read: applicants or centres.
    pub mode: Kind,
    /// Where the processing stands.
    pub phase: Phase,
    /// The file's name.
    pub file_name: AttrValue,
    /// Milliseconds from picking the file to the results, once measured.
    pub elapsed_ms: Option<f64>,
    /// Rows (centres) read and assessed (tracked).
    pub valid: usize,
    /// Rows (centres) that could not be read.
    pub invalid: usize,
    /// A message about the last save.
    pub notice: Option<Text>,
}

/// `#batch-progress` while working, `#batch-status` always, `#batch-notice` after a failed save.
#[function_component]
pub fn Status(p: &StatusProps) -> Html {
    let lang = p.lang;
    let name = &p.file_name;
    let count = text::count;
    let (state, line, bar) = match &p.phase {
        Phase::Idle => (
            "idle",
            t(lang, "尚未选择文件。", "No file yet.").to_owned(),
            html! {},
        ),
        Phase::Working { done, total } => {
            let line = match (lang, *total) {
                (Lang::Zh, 0) => format!("正在读取 {name}……"),
                (Lang::En, 0) => format!("Reading {name}…"),
                (Lang::Zh, _) => format!("正在评估：{} / {}", count(*done), count(*total)),
                (Lang::En, _) => format!("Assessing: {} of {}", count(*done), count(*total)),
            };
            let label = t(lang, "进度", "Progress");
            let bar = if *total == 0 {
                html! { <progress id="batch-progress" aria-label={label}></progress> }
            } else {
                html! { <progress id="batch-progress" aria-label={label}
                max={total.to_string()} value={done.to_string()}></progress> }
            };
            ("working", line, bar)
        }
        Phase::Ready => {
            let ms = p
                .elapsed_ms
                .map_or_else(|| "…".to_owned(), |ms| format!("{ms:.0}"));
            let (n, ok, bad) = (count(p.valid + p.invalid), count(p.valid), count(p.invalid));
            let line = match (lang, p.mode) {
                (Lang::Zh, Kind::Applicants) => {
                    format!("{name}：共 {n} 行，已评估 {ok} 行，{bad} 行无法读取；用时 {ms} 毫秒。")
                }
                (Lang::En, Kind::Applicants) => {
                    format!("{name}: {n} rows, {ok} assessed, {bad} could not be read; {ms} ms.")
                }
                (Lang::Zh, Kind::Portfolio) => format!(
                    "{name}：共 {n} 个中心，已跟踪 {ok} 个，{bad} 个无法读取；用时 {ms} 毫秒。"
                ),
                (Lang::En, Kind::Portfolio) => {
                    format!("{name}: {n} centres, {ok} tracked, {bad} could not be read; {ms} ms.")
                }
            };
            ("done", line, html! {})
        }
        Phase::Failed(m) => ("failed", m.get(lang).to_owned(), html! {}),
    };
    let ready = p.phase == Phase::Ready;
    html! {
        <>
            <div class="batch-status-box">
                { bar }
                <p id="batch-status" role="status" aria-live="polite"
                    data-state={state}
                    data-kind={match p.mode { Kind::Applicants => "applicants", Kind::Portfolio => "portfolio" }}
                    data-ms={p.elapsed_ms.map(|ms| format!("{ms:.1}"))}
                    data-valid={ready.then(|| p.valid.to_string())}
                    data-invalid={ready.then(|| p.invalid.to_string())}
                    class={classes!(matches!(p.phase, Phase::Failed(_)).then_some("failed"))}>
                    { line }
                </p>
            </div>
            if let Some(n) = &p.notice {
                <p id="batch-notice" class="notice" role="alert">{ n.get(lang) }</p>
            }
        </>
    }
}
