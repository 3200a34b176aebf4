//! The root of the batch view: holds the reducer, reads files (yielding to the browser between
//! slices of rows, so the progress bar moves), does the browser's part of saving and opening,
//! and lays out the components.

use crate::components::budget::Budget;
use crate::components::drop_zone::DropZone;
use crate::components::exports::Exports;
use crate::components::filters::Filters;
use crate::components::masthead::Masthead;
use crate::components::mode_switch::ModeSwitch;
use crate::components::portfolio_summary::PortfolioSummary;
use crate::components::portfolio_table::PortfolioTable;
use crate::components::progress::Status;
use crate::components::read_info::ReadInfoPanel;
use crate::components::row_errors::RowErrors;
use crate::components::summary::Summary;
use crate::components::table::ResultsTable;
use crate::components::Shared;
use crate::dom;
use crate::model::single_view_url;
use crate::sheets;
use crate::source::{self, Input, Kind, Opened, Screened};
use crate::state::{Action, Content, Phase, State};
use crate::text::t;
use std::rc::Rc;
use tic_core::{policy, Lang, Text};
use tic_tabular::ReadOptions;
use yew::prelude::*;

/// Work for at most this many milliseconds before letting the browser paint the progress.
const SLICE_MS: f64 = 50.0;

/// The sample file of a mode, relative to `batch.html`.
fn sample(mode: Kind) -> &'static str {
    match mode {
        Kind::Applicants => "samples/applicants.csv",
        Kind::Portfolio => "samples/portfolio.csv",
    }
}

/// Properties of the batch view.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The language to start in.
    #[prop_or_default]
    pub lang: Lang,
}

/// Makes a picked file ready ([`sheets::prepare`]: a spreadsheet read by the sheets bundle), then
/// [`process`]es it.
async fn open(d: UseReducerDispatcher<State>, run: u32, mode: Kind, name: String, bytes: Vec<u8>) {
    match sheets::prepare(name, bytes).await {
        Ok(file) => process(d, run, mode, Rc::new(file), ReadOptions::default()).await,
        Err(message) => d.dispatch(Action::Failed { run, message }),
    }
}

/// Reads a file (with `options`: default for a new file, the panel's choice for the same bytes
/// again), then assesses its applicants in slices (yielding to the browser between them) or
/// hands its portfolio to the reducer, which tracks it. The reducer keeps the bytes, for the
/// panel's "read another sheet / header row".
async fn process(
    d: UseReducerDispatcher<State>,
    run: u32,
    mode: Kind,
    file: Rc<Input>,
    options: ReadOptions,
) {
    d.dispatch(Action::Loaded {
        run,
        file: Rc::clone(&file),
        options: options.clone(),
    });
    // Let the progress bar appear before the (single) reading step.
    dom::yield_to_browser().await;
    let policy = policy::current();
    let mut batch = match source::open_with(policy, mode, &file, &options) {
        Ok(Opened::Applicants(batch)) => batch,
        Ok(Opened::Portfolio(items)) => {
            d.dispatch(Action::Portfolio { run, items });
            return;
        }
        Err(message) => {
            d.dispatch(Action::Failed { run, message });
            return;
        }
    };
    drop(file);
    let total = batch.rows.len();
    let mut screened = Screened::with_capacity(total);
    screened.info = std::mem::take(&mut batch.info);
    let mut slice_start = dom::now();
    for index in 0..total {
        screened.push(policy, &batch, index);
        if index % 64 == 63 && dom::now() - slice_start > SLICE_MS {
            d.dispatch(Action::Progress {
                run,
                done: index + 1,
                total,
            });
            dom::yield_to_browser().await;
            slice_start = dom::now();
        }
    }
    d.dispatch(Action::Screened {
        run,
        data: Box::new(screened),
    });
}

/// The batch view.
#[function_component]
pub fn App(p: &Props) -> Html {
    let lang = p.lang;
    let state = use_reducer(move || State::new(lang));
    let runs = use_mut_ref(|| 0u32);
    let dispatcher = state.dispatcher();

    use_effect_with(state.lang, |lang| set_lang(*lang));
    {
        // The results are in the document: the time from picking the file to here is the
        // figure the view reports (and the tests read from `#batch-status[data-ms]`).
        let d = dispatcher.clone();
        let (run, started) = (state.run, state.started);
        use_effect_with((run, state.measure_pending()), move |(run, pending)| {
            if *pending {
                d.dispatch(Action::Measured(*run, dom::now() - started));
            }
        });
    }

    // Starts a run: a new id, so that messages of an earlier file are ignored.
    let start = {
        let d = dispatcher.clone();
        move |name: String| {
            let run = {
                let mut r = runs.borrow_mut();
                *r = r.wrapping_add(1);
                *r
            };
            d.dispatch(Action::Start {
                run,
                name,
                at: dom::now(),
            });
            run
        }
    };
    let mode = state.mode;
    let onfile = {
        let (d, start) = (dispatcher.clone(), start.clone());
        Callback::from(move |file: web_sys::File| {
            let run = start(file.name());
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let blob = gloo_file::Blob::from(web_sys::Blob::from(file.clone()));
                match gloo_file::futures::read_as_bytes(&blob).await {
                    Ok(bytes) => open(d, run, mode, file.name(), bytes).await,
                    Err(e) => d.dispatch(Action::Failed {
                        run,
                        message: Text::new(
                            format!("无法读取文件：{e}"),
                            format!("The file could not be read: {e}"),
                        ),
                    }),
                }
            });
        })
    };
    let onsample = {
        let (d, start) = (dispatcher.clone(), start.clone());
        Callback::from(move |()| {
            let url = sample(mode);
            let name = url.rsplit('/').next().unwrap_or(url).to_owned();
            let run = start(name.clone());
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match dom::fetch_bytes(url).await {
                    Ok(bytes) => open(d, run, mode, name, bytes).await,
                    Err(_) => d.dispatch(Action::Failed {
                        run,
                        message: Text::new("示例文件不可用。", "The sample file is not available."),
                    }),
                }
            });
        })
    };
    // The panel's choice: the same bytes again, as applicants, with another sheet or header row.
    let onread = {
        let (d, start) = (dispatcher.clone(), start.clone());
        let (file, name) = (state.file.clone(), state.file_name.clone());
        Callback::from(move |options: ReadOptions| {
            let Some(file) = file.clone() else {
                return;
            };
            let run = start(name.clone());
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                process(d, run, Kind::Applicants, file, options).await;
            });
        })
    };
    let onsave = {
        let (d, state) = (dispatcher.clone(), state.clone());
        Callback::from(move |what| {
            let (d, file) = (d.clone(), state.export(what));
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match file {
                    Ok(f) => {
                        let bytes = match f.content {
                            Content::Bytes(b) => Ok(b),
                            Content::Xlsx(book) => sheets::write(&book).await,
                        };
                        match bytes {
                            Ok(b) => {
                                (!tic_ui::browser::download_bytes(f.name, f.mime, &b)).then(|| {
                                    Text::new(
                                        "浏览器未能保存文件。",
                                        "The browser could not save the file.",
                                    )
                                })
                            }
                            Err(e) => Some(e),
                        }
                    }
                    Err(e) => Some(e),
                };
                d.dispatch(Action::Notice(notice));
            });
        })
    };
    let onopen = {
        let state = state.clone();
        Callback::from(move |i: usize| {
            let row = state.screening.as_ref().and_then(|s| s.data.rows.get(i));
            if let Some(r) = row {
                dom::open_tab(single_view_url(r));
            }
        })
    };
    let send = |f: fn(&str) -> Action| {
        let d = dispatcher.clone();
        Callback::from(move |s: String| d.dispatch(f(&s)))
    };
    let act = |a: fn() -> Action| {
        let d = dispatcher.clone();
        Callback::from(move |()| d.dispatch(a()))
    };
    let onlang = {
        let d = dispatcher.clone();
        let other = match state.lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        Callback::from(move |()| d.dispatch(Action::Lang(other)))
    };

    let lang = state.lang;
    let busy = matches!(state.phase, Phase::Working { .. });
    let ready = state.phase == Phase::Ready;
    let (valid, invalid) = match (&state.screening, &state.portfolio) {
        (Some(s), _) => (s.data.rows.len(), s.invalid),
        (_, Some(t)) => (t.data.centres.len(), t.data.invalid),
        _ => (0, 0),
    };
    // "How your file was read": applicant files (the portfolio reader reports no `ReadInfo`);
    // kept after a re-read that fails, so that another choice can be made.
    let read_info = match (&state.info, &state.file) {
        (Some(info), Some(_)) if state.mode == Kind::Applicants && state.phase != Phase::Idle => {
            html! {
                <ReadInfoPanel {lang} info={Shared::of(info)} options={state.options.clone()}
                    {busy} {onread} />
            }
        }
        _ => html! {},
    };
    let results = match (&state.screening, &state.portfolio) {
        (Some(s), _) if ready => html! {
            <>
                <Summary {lang} counts={s.counts} invalid={s.invalid} filter={s.filter.verdict}
                    onfilter={send(|v| Action::FilterVerdict(v.to_owned()))} />
                <Budget {lang} totals={Shared::of(&s.budget)} />
                <RowErrors {lang} mode={Kind::Applicants} invalid={s.invalid} errors={Shared::of(&s.errors)} />
                <section class="batch-results" aria-labelledby="batch-table-caption">
                    <Filters {lang} verdict={s.filter.verdict} district={s.filter.district.clone()}
                        districts={Shared::of(&s.districts)}
                        onverdict={send(|v| Action::FilterVerdict(v.to_owned()))}
                        ondistrict={send(|v| Action::FilterDistrict(v.to_owned()))} />
                    <ResultsTable {lang} data={Shared::of(&s.data)} visible={Shared::of(&s.visible)}
                        shown={s.shown} sort={s.sort} {onopen}
                        onsort={to(&dispatcher, Action::Sort)}
                        onmore={act(|| Action::ShowMore)} onall={act(|| Action::ShowAll)} />
                </section>
            </>
        },
        (_, Some(tr)) if ready => html! {
            <>
                <PortfolioSummary {lang} data={Shared::of(&tr.data)} />
                <RowErrors {lang} mode={Kind::Portfolio} invalid={tr.data.invalid} errors={Shared::of(&tr.errors)} />
                <section class="batch-results" aria-labelledby="portfolio-table-caption">
                    <PortfolioTable {lang} data={Shared::of(&tr.data)} order={Shared::of(&tr.order)}
                        sort={tr.sort} onsort={to(&dispatcher, Action::SortPortfolio)} />
                </section>
            </>
        },
        _ => html! {},
    };
    html! {
        <div class="batch" lang={lang.code()}>
            <Masthead {lang} {mode} {onlang} />
            <ModeSwitch {lang} {mode} {busy} onmode={to(&dispatcher, Action::Mode)} />
            <p class="batch-intro">{ match mode {
                Kind::Applicants => t(lang,
                    "选择或拖入 CSV、XLSX 或 JSON 文件。文件只在本浏览器中读取和评估，不会上传。结果为依据征求意见稿的估算。",
                    "Pick or drop a CSV, XLSX or JSON file. It is read and assessed in this browser only, never uploaded. Results are estimates under the draft guideline."),
                Kind::Portfolio => t(lang,
                    "选择或拖入建设期跟踪文件（每个中心每个建设年度一行），查看各中心的状态、补助和可能收回的金额。文件只在本浏览器中读取，不会上传。结果为依据征求意见稿的估算。",
                    "Pick or drop a tracking file (one row per centre and construction year) to see every centre's standing, subsidy and recovery exposure. It is read in this browser only, never uploaded. Results are estimates under the draft guideline."),
            } }</p>
            if mode == Kind::Applicants {
                <p class="batch-note"><a id="sandbox-link" href={ if lang == Lang::En { "sandbox.html?lang=en" } else { "sandbox.html" } }>{ t(lang,
                    "政策沙盘：同一文件在另一政策版本下的结果对比",
                    "Policy sandbox: the same file under another policy version") }</a></p>
            }
            <section class="batch-input" aria-label={ t(lang, "文件", "File") }>
                <DropZone {lang} {mode} dragging={state.dragging} {busy} {onfile}
                    ondrag={to(&dispatcher, Action::Drag)}
                    onpicking={Callback::from(|()| sheets::preload())} />
                <Exports {lang} {mode} {busy} {ready} {onsample} {onsave} />
            </section>
            <Status {lang} {mode} phase={state.phase.clone()} file_name={AttrValue::from(state.file_name.clone())}
                elapsed_ms={state.elapsed_ms} {valid} {invalid} notice={state.notice.clone()} />
            { read_info }
            { results }
        </div>
    }
}

/// A callback that dispatches the action made of its argument.
fn to<T: 'static>(d: &UseReducerDispatcher<State>, f: fn(T) -> Action) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |x| d.dispatch(f(x)))
}

fn set_lang(lang: Lang) {
    dom::set_document_lang(
        lang.code(),
        t(
            lang,
            "批量预审 · 宁波市技术创新中心",
            "Batch pre-screening · Ningbo Technology Innovation Centres",
        ),
    );
}
