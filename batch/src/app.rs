//! The batch view (Yew): pick or drop a file, watch the progress, read the table.

use crate::dom;
use crate::model::{self, Column, Direction, Filter, Row, RowError, DUES, VERDICTS};
use crate::source::{self, Screened};
use crate::text::{self, t};
use tic_core::explain::money;
use tic_core::vocab::Verdict;
use tic_core::{policy, Lang, Text};
use yew::html::Scope;
use yew::prelude::*;

/// Rows rendered at first, and added by "show more".
const PAGE: usize = 200;
/// "Show all" is offered up to this many rows (use the filters to narrow larger files).
const SHOW_ALL_MAX: usize = 2_000;
/// Work for at most this many milliseconds before letting the browser paint the progress.
const SLICE_MS: f64 = 50.0;
/// The sample file, relative to `batch.html`.
const SAMPLE_URL: &str = "samples/applicants.csv";

/// Properties of the batch view.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The language to start in.
    #[prop_or_default]
    pub lang: Lang,
}

/// Where the processing of a file stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    Idle,
    /// Reading the file (`total` 0: not known yet).
    Working {
        done: usize,
        total: usize,
    },
    Ready,
    Failed(Text),
}

/// What to save.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Save {
    /// Results as CSV.
    ResultsCsv,
    /// Results as XLSX.
    ResultsXlsx,
    /// Empty template as CSV.
    TemplateCsv,
    /// Empty template as XLSX.
    TemplateXlsx,
}

/// Messages of the batch view.
pub enum Msg {
    /// Switch between Chinese and English.
    ToggleLang,
    /// A file was picked or dropped.
    File(web_sys::File),
    /// Load the bundled sample.
    Sample,
    /// Processing of run `run` has reached `done` of `total` applicants.
    Progress {
        /// The run.
        run: u32,
        /// Applicants assessed.
        done: usize,
        /// Applicants in the file.
        total: usize,
    },
    /// Processing of run `run` is finished.
    Done {
        /// The run.
        run: u32,
        /// Everything screened.
        screened: Box<Screened>,
    },
    /// The file could not be read at all.
    Failed {
        /// The run.
        run: u32,
        /// Why.
        message: Text,
    },
    /// Sort by a column (again: reverse).
    Sort(Column),
    /// Filter by verdict id ("" for all).
    FilterVerdict(String),
    /// Filter by district ("" for all).
    FilterDistrict(String),
    /// Render more rows.
    ShowMore,
    /// Render every row.
    ShowAll,
    /// Open the row at this index of `rows` in the single view.
    Open(usize),
    /// Save a file.
    Save(Save),
    /// A file is dragged over the drop zone (or has left it).
    Drag(bool),
    /// The table of run `.0` was in the document `.1` milliseconds after the file was picked.
    Measured(u32, f64),
}

/// The batch view.
pub struct BatchApp {
    lang: Lang,
    phase: Phase,
    file_name: String,
    rows: Vec<Row>,
    errors: Vec<RowError>,
    results: Vec<tic_tabular::ResultRow>,
    invalid: usize,
    order: Vec<usize>,
    visible: Vec<usize>,
    districts: Vec<String>,
    counts: [usize; 4],
    sort: (Column, Direction),
    filter: Filter,
    shown: usize,
    run: u32,
    started: f64,
    measure_pending: bool,
    elapsed_ms: Option<f64>,
    notice: Option<Text>,
    dragging: bool,
}

impl BatchApp {
    fn start(&mut self, name: String) -> u32 {
        self.run = self.run.wrapping_add(1);
        self.started = dom::now();
        self.elapsed_ms = None;
        self.measure_pending = false;
        self.notice = None;
        self.file_name = name;
        self.phase = Phase::Working { done: 0, total: 0 };
        self.run
    }

    fn refresh_visible(&mut self) {
        self.visible = model::visible(&self.rows, &self.order, &self.filter);
    }

    fn save(&mut self, what: Save) {
        let policy = policy::current();
        let (result, name, mime) = match what {
            Save::ResultsCsv => (
                source::results_csv(policy, &self.results, self.lang),
                "tic-results.csv",
                "text/csv;charset=utf-8",
            ),
            Save::ResultsXlsx => (
                source::results_xlsx(policy, &self.results, self.lang),
                "tic-results.xlsx",
                XLSX_MIME,
            ),
            Save::TemplateCsv => (
                source::template_csv(),
                "tic-template.csv",
                "text/csv;charset=utf-8",
            ),
            Save::TemplateXlsx => (
                source::template_xlsx(policy),
                "tic-template.xlsx",
                XLSX_MIME,
            ),
        };
        self.notice = match result {
            Ok(bytes) => dom::download(&bytes, name, mime).err().map(|_| {
                Text::new(
                    "浏览器未能保存文件。",
                    "The browser could not save the file.",
                )
            }),
            Err(e) => Some(e),
        };
    }
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Reads, assesses and reports back, yielding to the browser between slices of work.
async fn process(link: Scope<BatchApp>, run: u32, name: String, bytes: Vec<u8>) {
    // Let the progress bar appear before the (single) reading step.
    dom::yield_to_browser().await;
    let policy = policy::current();
    let batch = match source::read(policy, &name, &bytes) {
        Ok(batch) => batch,
        Err(message) => {
            link.send_message(Msg::Failed { run, message });
            return;
        }
    };
    drop(bytes);
    let total = batch.rows.len();
    let mut screened = Screened::with_capacity(total);
    let mut slice_start = dom::now();
    for index in 0..total {
        screened.push(policy, &batch, index);
        if index % 64 == 63 && dom::now() - slice_start > SLICE_MS {
            link.send_message(Msg::Progress {
                run,
                done: index + 1,
                total,
            });
            dom::yield_to_browser().await;
            slice_start = dom::now();
        }
    }
    link.send_message(Msg::Done {
        run,
        screened: Box::new(screened),
    });
}

impl Component for BatchApp {
    type Message = Msg;
    type Properties = Props;

    fn create(ctx: &Context<Self>) -> Self {
        let lang = ctx.props().lang;
        set_lang(lang);
        BatchApp {
            lang,
            phase: Phase::Idle,
            file_name: String::new(),
            rows: Vec::new(),
            errors: Vec::new(),
            results: Vec::new(),
            invalid: 0,
            order: Vec::new(),
            visible: Vec::new(),
            districts: Vec::new(),
            counts: [0; 4],
            sort: (Column::Row, Direction::Ascending),
            filter: Filter::default(),
            shown: PAGE,
            run: 0,
            started: 0.0,
            measure_pending: false,
            elapsed_ms: None,
            notice: None,
            dragging: false,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::ToggleLang => {
                self.lang = match self.lang {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
                set_lang(self.lang);
            }
            Msg::File(file) => {
                self.dragging = false;
                let run = self.start(file.name());
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let blob = gloo_file::Blob::from(web_sys::Blob::from(file.clone()));
                    match gloo_file::futures::read_as_bytes(&blob).await {
                        Ok(bytes) => process(link, run, file.name(), bytes).await,
                        Err(e) => link.send_message(Msg::Failed {
                            run,
                            message: Text::new(
                                format!("无法读取文件：{e}"),
                                format!("The file could not be read: {e}"),
                            ),
                        }),
                    }
                });
            }
            Msg::Sample => {
                let run = self.start("applicants.csv".into());
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match dom::fetch_bytes(SAMPLE_URL).await {
                        Ok(bytes) => process(link, run, "applicants.csv".into(), bytes).await,
                        Err(_) => link.send_message(Msg::Failed {
                            run,
                            message: Text::new(
                                "示例文件不可用。",
                                "The sample file is not available.",
                            ),
                        }),
                    }
                });
            }
            Msg::Progress { run, done, total } => {
                if run != self.run {
                    return false;
                }
                self.phase = Phase::Working { done, total };
            }
            Msg::Done { run, screened } => {
                if run != self.run {
                    return false;
                }
                let Screened {
                    rows,
                    errors,
                    results,
                } = *screened;
                self.counts = model::counts(&rows);
                self.districts = model::districts(&rows);
                self.order = (0..rows.len()).collect();
                self.invalid = results.iter().filter(|r| r.outcome.is_err()).count();
                self.rows = rows;
                self.errors = errors;
                self.results = results;
                self.sort = (Column::Row, Direction::Ascending);
                self.filter = Filter::default();
                self.shown = PAGE;
                self.refresh_visible();
                self.phase = Phase::Ready;
                self.measure_pending = true;
            }
            Msg::Failed { run, message } => {
                if run != self.run {
                    return false;
                }
                self.rows.clear();
                self.errors.clear();
                self.results.clear();
                self.invalid = 0;
                self.order.clear();
                self.visible.clear();
                self.counts = [0; 4];
                self.districts.clear();
                self.phase = Phase::Failed(message);
            }
            Msg::Sort(column) => {
                let direction = if self.sort.0 == column && self.sort.1 == Direction::Ascending {
                    Direction::Descending
                } else {
                    Direction::Ascending
                };
                self.sort = (column, direction);
                model::sort(&self.rows, &mut self.order, column, direction);
                self.refresh_visible();
            }
            Msg::FilterVerdict(id) => {
                self.filter.verdict = Verdict::from_id(&id);
                self.shown = PAGE;
                self.refresh_visible();
            }
            Msg::FilterDistrict(d) => {
                self.filter.district = (!d.is_empty()).then_some(d);
                self.shown = PAGE;
                self.refresh_visible();
            }
            Msg::ShowMore => self.shown = self.shown.saturating_add(PAGE * 5),
            Msg::ShowAll => self.shown = usize::MAX,
            Msg::Open(i) => {
                if let Some(r) = self.rows.get(i) {
                    dom::open_tab(single_view_url(r));
                }
                return false;
            }
            Msg::Save(what) => self.save(what),
            Msg::Measured(run, ms) => {
                if run != self.run {
                    return false;
                }
                self.elapsed_ms = Some(ms);
            }
            Msg::Drag(on) => {
                if self.dragging == on {
                    return false;
                }
                self.dragging = on;
            }
        }
        true
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first: bool) {
        if self.measure_pending {
            // The table is in the document: the time from picking the file to here is the figure
            // the page reports (and the tests read from `#batch-status[data-ms]`).
            self.measure_pending = false;
            ctx.link()
                .send_message(Msg::Measured(self.run, dom::now() - self.started));
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let lang = self.lang;
        let link = ctx.link();
        html! {
            <div class="batch" lang={lang.code()}>
                <header class="batch-header">
                    <h1>{ t(lang, "技术创新中心申报预审（批量）", "Technology Innovation Centres: batch pre-screening") }</h1>
                    <nav class="batch-nav">
                        <a href="../index.html">{ t(lang, "单个自评", "Single self-assessment") }</a>
                        <button id="lang-toggle" type="button" lang={ t(lang, "en", "zh") }
                            onclick={link.callback(|_| Msg::ToggleLang)}>
                            { t(lang, "English", "中文") }
                        </button>
                    </nav>
                </header>
                <p class="batch-intro">{ t(lang,
                    "选择或拖入 CSV、XLSX 或 JSON 文件。文件只在本浏览器中读取和评估，不会上传。结果为依据征求意见稿的估算。",
                    "Pick or drop a CSV, XLSX or JSON file. It is read and assessed in this browser only, never uploaded. Results are estimates under the draft guideline.") }</p>
                { self.view_input(ctx) }
                { self.view_status() }
                { self.view_notice() }
                { self.view_counts(ctx) }
                { self.view_errors() }
                { self.view_table(ctx) }
            </div>
        }
    }
}

impl BatchApp {
    fn view_input(&self, ctx: &Context<Self>) -> Html {
        let lang = self.lang;
        let link = ctx.link();
        let onchange = link.batch_callback(|e: Event| {
            let input: web_sys::HtmlInputElement = e.target_dyn_into()?;
            let file = input.files()?.get(0)?;
            // Picking the same file again must work too.
            input.set_value("");
            Some(Msg::File(file))
        });
        let ondragover = link.callback(|e: DragEvent| {
            e.prevent_default();
            Msg::Drag(true)
        });
        let ondragleave = link.callback(|_: DragEvent| Msg::Drag(false));
        let ondrop = link.batch_callback(|e: DragEvent| {
            e.prevent_default();
            let file = e.data_transfer()?.files()?.get(0)?;
            Some(Msg::File(file))
        });
        let ready = self.phase == Phase::Ready;
        let busy = matches!(self.phase, Phase::Working { .. });
        html! {
            <section class="batch-input" aria-label={ t(lang, "文件", "File") }>
                <label id="batch-drop" for="batch-file"
                    class={classes!("drop", self.dragging.then_some("dragging"))}
                    {ondragover} {ondragleave} {ondrop}>
                    <span class="drop-title">{ t(lang, "拖入文件，或点击选择", "Drop a file here, or click to pick one") }</span>
                    <span class="drop-hint">{ t(lang, "CSV（UTF-8 或 GBK）、XLSX、JSON 数组；第一行为表头", "CSV (UTF-8 or GBK), XLSX, JSON array; first row is the header") }</span>
                    <span class="drop-button" aria-hidden="true">{ t(lang, "选择文件…", "Choose a file…") }</span>
                    <input id="batch-file" type="file" accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        disabled={busy} {onchange} />
                </label>
                <div class="batch-actions">
                    <button id="load-sample" type="button" disabled={busy}
                        onclick={link.callback(|_| Msg::Sample)}>{ t(lang, "载入示例文件", "Load the sample file") }</button>
                    <button id="template-csv" type="button"
                        onclick={link.callback(|_| Msg::Save(Save::TemplateCsv))}>{ t(lang, "下载模板（CSV）", "Template (CSV)") }</button>
                    <button id="template-xlsx" type="button"
                        onclick={link.callback(|_| Msg::Save(Save::TemplateXlsx))}>{ t(lang, "下载模板（XLSX）", "Template (XLSX)") }</button>
                    <button id="export-csv" type="button" disabled={!ready}
                        onclick={link.callback(|_| Msg::Save(Save::ResultsCsv))}>{ t(lang, "导出结果（CSV）", "Export results (CSV)") }</button>
                    <button id="export-xlsx" type="button" disabled={!ready}
                        onclick={link.callback(|_| Msg::Save(Save::ResultsXlsx))}>{ t(lang, "导出结果（XLSX）", "Export results (XLSX)") }</button>
                </div>
            </section>
        }
    }

    fn view_status(&self) -> Html {
        let lang = self.lang;
        let (state, text, progress) = match &self.phase {
            Phase::Idle => (
                "idle",
                t(lang, "尚未选择文件。", "No file yet.").to_string(),
                html! {},
            ),
            Phase::Working { done, total } => {
                let text = if *total == 0 {
                    match lang {
                        Lang::Zh => format!("正在读取 {}……", self.file_name),
                        Lang::En => format!("Reading {}…", self.file_name),
                    }
                } else {
                    match lang {
                        Lang::Zh => {
                            format!("正在评估：{} / {}", text::count(*done), text::count(*total))
                        }
                        Lang::En => format!(
                            "Assessing: {} of {}",
                            text::count(*done),
                            text::count(*total)
                        ),
                    }
                };
                let bar = if *total == 0 {
                    html! { <progress id="batch-progress" aria-label={ t(lang, "进度", "Progress") }></progress> }
                } else {
                    html! { <progress id="batch-progress" aria-label={ t(lang, "进度", "Progress") }
                    max={total.to_string()} value={done.to_string()}></progress> }
                };
                ("working", text, bar)
            }
            Phase::Ready => {
                let n = self.rows.len() + self.invalid_rows();
                let ms = self
                    .elapsed_ms
                    .map(|ms| format!("{ms:.0}"))
                    .unwrap_or_else(|| "…".into());
                let text = match lang {
                    Lang::Zh => format!(
                        "{}：共 {} 行，已评估 {} 行，{} 行无法读取；用时 {} 毫秒。",
                        self.file_name,
                        text::count(n),
                        text::count(self.rows.len()),
                        text::count(self.invalid_rows()),
                        ms
                    ),
                    Lang::En => format!(
                        "{}: {} rows, {} assessed, {} could not be read; {} ms.",
                        self.file_name,
                        text::count(n),
                        text::count(self.rows.len()),
                        text::count(self.invalid_rows()),
                        ms
                    ),
                };
                ("done", text, html! {})
            }
            Phase::Failed(m) => ("failed", m.get(lang).to_string(), html! {}),
        };
        html! {
            <div class="batch-status-box">
                { progress }
                <p id="batch-status" role="status" aria-live="polite"
                    data-state={state}
                    data-ms={self.elapsed_ms.map(|ms| format!("{ms:.1}"))}
                    data-valid={(self.phase == Phase::Ready).then(|| self.rows.len().to_string())}
                    data-invalid={(self.phase == Phase::Ready).then(|| self.invalid_rows().to_string())}
                    class={classes!(matches!(self.phase, Phase::Failed(_)).then_some("failed"))}>
                    { text }
                </p>
            </div>
        }
    }

    fn view_notice(&self) -> Html {
        match &self.notice {
            Some(n) => {
                html! { <p id="batch-notice" class="notice" role="alert">{ n.get(self.lang) }</p> }
            }
            None => html! {},
        }
    }

    /// Number of rows that could not be read (one row may have several problems).
    fn invalid_rows(&self) -> usize {
        self.invalid
    }

    fn view_counts(&self, ctx: &Context<Self>) -> Html {
        if self.phase != Phase::Ready {
            return html! {};
        }
        let lang = self.lang;
        let items = VERDICTS.iter().zip(self.counts).map(|(v, n)| {
            let id = v.id();
            let pressed = self.filter.verdict == Some(*v);
            let onclick = ctx.link().callback(move |_| {
                Msg::FilterVerdict(if pressed {
                    String::new()
                } else {
                    id.to_string()
                })
            });
            html! {
                <li data-verdict={id} data-count={n.to_string()}>
                    <button type="button" class={classes!("count", format!("verdict-{id}"))}
                        aria-pressed={pressed.to_string()} {onclick}>
                        <span class="count-n">{ text::count(n) }</span>
                        <span class="count-label">{ text::verdict(lang, *v) }</span>
                    </button>
                </li>
            }
        });
        let invalid = self.invalid_rows();
        html! {
            <section class="batch-summary" aria-label={ t(lang, "结论统计", "Counts per verdict") }>
                <ul id="batch-counts">
                    { for items }
                    <li data-verdict="invalid" data-count={invalid.to_string()}>
                        <a class="count verdict-invalid" href="#row-errors">
                            <span class="count-n">{ text::count(invalid) }</span>
                            <span class="count-label">{ t(lang, "无法读取", "Could not be read") }</span>
                        </a>
                    </li>
                </ul>
            </section>
        }
    }

    fn view_errors(&self) -> Html {
        if self.phase != Phase::Ready || self.errors.is_empty() {
            return html! {};
        }
        let lang = self.lang;
        let items = self.errors.iter().map(|e| {
            let cell = e.cell.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
            let place = match (lang, e.column.is_empty()) {
                (Lang::Zh, false) => format!("第 {} 行，“{}”列{cell}", e.row, e.column),
                (Lang::Zh, true) => format!("第 {} 行", e.row),
                (Lang::En, false) => format!("Row {}, column “{}”{cell}", e.row, e.column),
                (Lang::En, true) => format!("Row {}", e.row),
            };
            html! {
                <li data-row={e.row.to_string()} data-column={e.column.clone()} data-cell={e.cell.clone()}>
                    <span class="err-place">{ place }</span>{ t(lang, "：", ": ") }
                    <span class="err-msg">{ e.message.get(lang) }</span>
                </li>
            }
        });
        html! {
            <section id="row-errors" class="row-errors" aria-labelledby="row-errors-title">
                <h2 id="row-errors-title">{ match lang {
                    Lang::Zh => format!("无法读取的行（{} 行，{} 个问题）；其余各行均已评估", self.invalid_rows(), self.errors.len()),
                    Lang::En => format!("Rows that could not be read ({} rows, {} problems); every other row was assessed", self.invalid_rows(), self.errors.len()),
                } }</h2>
                <ol>{ for items }</ol>
            </section>
        }
    }

    fn view_table(&self, ctx: &Context<Self>) -> Html {
        if self.phase != Phase::Ready {
            return html! {};
        }
        let lang = self.lang;
        let link = ctx.link();
        let header = |column: Column, label: String, class: &'static str| {
            let sort = (self.sort.0 == column).then(|| self.sort.1.aria());
            html! {
                <th scope="col" class={class} aria-sort={sort.unwrap_or("none")}>
                    <button type="button" class="sort" onclick={link.callback(move |_| Msg::Sort(column))}>
                        { label }
                        <span class="sort-mark" aria-hidden="true">{ match sort {
                            Some("ascending") => "▲",
                            Some(_) => "▼",
                            None => "",
                        } }</span>
                    </button>
                </th>
            }
        };
        let verdict_options = VERDICTS.iter().map(|v| {
            html! { <option value={v.id()} selected={self.filter.verdict == Some(*v)}>{ text::verdict(lang, *v) }</option> }
        });
        let district_options = self.districts.iter().map(|d| {
            html! { <option value={d.clone()} selected={self.filter.district.as_deref() == Some(d.as_str())}>{ d.clone() }</option> }
        });
        let on_verdict = link.batch_callback(|e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_dyn_into()?;
            Some(Msg::FilterVerdict(s.value()))
        });
        let on_district = link.batch_callback(|e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_dyn_into()?;
            Some(Msg::FilterDistrict(s.value()))
        });
        // One handler for every row: a click outside the name link opens the row's applicant.
        let on_row_click = link.batch_callback(|e: MouseEvent| {
            let target: web_sys::Element = e.target_dyn_into()?;
            if target.closest("a").ok().flatten().is_some() {
                return None; // the link opens the tab itself
            }
            let tr = target.closest("tr[data-index]").ok().flatten()?;
            let i = tr.get_attribute("data-index")?.parse().ok()?;
            Some(Msg::Open(i))
        });
        let shown = self.visible.len().min(self.shown);
        let body = self.visible.iter().take(shown).filter_map(|&i| {
            let r = self.rows.get(i)?;
            let url = single_view_url(r).to_owned();
            let gaps = r.gaps.iter().zip(DUES).map(|(n, d)| {
                html! { <td class={classes!("num", "gaps", (*n > 0).then_some("has-gaps"))} data-due={d.id()}>{ n }</td> }
            });
            Some(html! {
                <tr key={i} data-row={r.row.to_string()} data-verdict={r.verdict.id()}
                    data-total-wan={r.total.as_wan().to_string()} data-index={i.to_string()}>
                    <td class="num">{ r.row }</td>
                    <th scope="row" class="name">
                        <a href={url} target="_blank" rel="noopener"
                            title={ t(lang, "在新标签页中打开完整评估", "Open the full assessment in a new tab") }>
                            { if r.name.is_empty() { t(lang, "（未填名称）", "(no name)").to_string() } else { r.name.clone() } }
                        </a>
                    </th>
                    <td>{ &r.district }</td>
                    <td><span class={classes!("badge", format!("verdict-{}", r.verdict.id()))}>{ text::verdict(lang, r.verdict) }</span></td>
                    <td class="num">{ money(r.total, lang) }</td>
                    { for gaps }
                </tr>
            })
        });
        let more = self.visible.len().saturating_sub(shown);
        html! {
            <section class="batch-results" aria-labelledby="batch-table-caption">
                <div class="filters">
                    <label for="filter-verdict">{ t(lang, "结论", "Verdict") }</label>
                    <select id="filter-verdict" onchange={on_verdict}>
                        <option value="" selected={self.filter.verdict.is_none()}>{ t(lang, "全部", "All") }</option>
                        { for verdict_options }
                    </select>
                    <label for="filter-district">{ t(lang, "区县", "District") }</label>
                    <select id="filter-district" onchange={on_district}>
                        <option value="" selected={self.filter.district.is_none()}>{ t(lang, "全部", "All") }</option>
                        { for district_options }
                    </select>
                </div>
                <div class="table-wrap">
                    <table id="batch-table">
                        <caption id="batch-table-caption">{ match lang {
                            Lang::Zh => format!("评估结果：显示 {} / {} 行（点击一行在新标签页中查看完整评估）", text::count(shown), text::count(self.visible.len())),
                            Lang::En => format!("Results: showing {} of {} rows (click a row to open its full assessment in a new tab)", text::count(shown), text::count(self.visible.len())),
                        } }</caption>
                        <thead>
                            <tr>
                                { header(Column::Row, t(lang, "行", "Row").into(), "num") }
                                { header(Column::Name, t(lang, "名称", "Name").into(), "") }
                                { header(Column::District, t(lang, "区县", "District").into(), "") }
                                { header(Column::Verdict, t(lang, "结论", "Verdict").into(), "") }
                                { header(Column::Total, t(lang, "补助合计", "Subsidy total").into(), "num") }
                                { for DUES.iter().enumerate().map(|(k, d)| header(
                                    Column::Gaps(k),
                                    format!("{}{}", t(lang, "差距·", "Gaps: "), text::due(lang, *d)),
                                    "num",
                                )) }
                            </tr>
                        </thead>
                        <tbody onclick={on_row_click}>{ for body }</tbody>
                    </table>
                </div>
                if more > 0 {
                    <div class="more">
                        <button id="show-more" type="button" onclick={link.callback(|_| Msg::ShowMore)}>
                            { match lang {
                                Lang::Zh => format!("再显示 {} 行", text::count(more.min(PAGE * 5))),
                                Lang::En => format!("Show {} more", text::count(more.min(PAGE * 5))),
                            } }
                        </button>
                        // Thousands of table rows take seconds to lay out: "all" only for a few.
                        if self.visible.len() <= SHOW_ALL_MAX {
                            <button id="show-all" type="button" onclick={link.callback(|_| Msg::ShowAll)}>
                                { match lang {
                                    Lang::Zh => format!("全部显示（{} 行）", text::count(self.visible.len())),
                                    Lang::En => format!("Show all {}", text::count(self.visible.len())),
                                } }
                            </button>
                        }
                    </div>
                }
            </section>
        }
    }
}

/// The single view with this row's applicant, as the contract's link (relative to `batch.html`).
fn single_view_url(r: &Row) -> &str {
    r.link
        .get_or_init(|| format!("../index.html#{}", model::applicant_fragment(&r.applicant)))
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
