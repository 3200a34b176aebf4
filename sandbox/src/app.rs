//! The sandbox page: the applicants (a file, or the one applicant of a `#applicant=` link from
//! the self-assessment page) and the other policy version (a file, numbers changed in the page,
//! or both), the comparison computed by `model` and shown as tables; every problem named,
//! nothing else lost.

use crate::model::{edited, load_policy, screen, Comparison};
use std::rc::Rc;
use tic_core::explain;
use tic_core::{Lang, Policy, Wan};
use tic_tabular::compare::Totals;
use tic_tabular::ResultRow;
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Interface language.
    pub lang: Lang,
}

fn t(l: Lang, zh: &'static str, en: &'static str) -> &'static str {
    if l == Lang::Zh {
        zh
    } else {
        en
    }
}

/// A policy file read: the version, or every problem.
type Loaded = Result<Rc<Policy>, Vec<String>>;

/// A chosen file: its name and bytes. Compared by identity of the bytes.
#[derive(Clone)]
struct Chosen(String, Rc<Vec<u8>>);

impl PartialEq for Chosen {
    fn eq(&self, o: &Self) -> bool {
        self.0 == o.0 && Rc::ptr_eq(&self.1, &o.1)
    }
}

/// Reads the file of an `<input type=file>` change, then calls `done` with its name and bytes.
fn on_file(done: Callback<Chosen>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let done = done.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            if let Ok(buf) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                done.emit(Chosen(
                    name,
                    Rc::new(js_sys::Uint8Array::new(&buf).to_vec()),
                ));
            }
        });
    })
}

fn money(w: Wan, l: Lang) -> String {
    explain::money(w, l)
}

fn totals_table(l: Lang, a: &Policy, b: &Policy, x: &Totals, y: &Totals) -> Html {
    let n = |v: usize| tic_core::money::grouped(v as u64);
    let years = x.funding_years.len().max(y.funding_years.len());
    let year = |tot: &Totals, i: usize| {
        tot.funding_years
            .get(i)
            .map_or_else(|| "—".to_owned(), |w| money(*w, l))
    };
    html! {
        <div class="table-scroll"><table class="budget-table" id="sandbox-totals">
            <caption>{t(l, "合计（金额只计通过全部门槛的申报，均为上限）", "Totals (amounts: applicants past every gate only; every amount a ceiling)")}</caption>
            <thead><tr><th></th><th scope="col" data-policy={a.id.clone()}>{a.id.clone()}</th><th scope="col" data-policy={b.id.clone()}>{b.id.clone()}</th></tr></thead>
            <tbody>
                <tr data-row="rows"><th scope="row">{t(l, "行数", "Rows")}</th><td class="num">{n(x.rows)}</td><td class="num">{n(y.rows)}</td></tr>
                { for x.by_verdict.iter().zip(&y.by_verdict).map(|((v, p), (_, q))| html! {
                    <tr data-row={v.id()}><th scope="row">{explain::verdict_name(*v).get(l)}</th><td class="num">{n(*p)}</td><td class="num">{n(*q)}</td></tr>
                }) }
                { for (0..years).map(|i| html! {
                    <tr data-row={format!("year{}", i + 1)}><th scope="row">{explain::years_span(i + 1, i + 1, l)}</th><td class="num">{year(x, i)}</td><td class="num">{year(y, i)}</td></tr>
                }) }
                <tr class="total" data-row="total"><th scope="row">{t(l, "补助合计（最高）", "Subsidy in all (up to)")}</th>
                    <td class="num" data-wan={tic_core::number::wan_plain(x.funding_total)}>{money(x.funding_total, l)}</td>
                    <td class="num" data-wan={tic_core::number::wan_plain(y.funding_total)}>{money(y.funding_total, l)}</td></tr>
            </tbody>
        </table></div>
    }
}

fn districts_table(l: Lang, a: &Policy, b: &Policy, x: &Totals, y: &Totals) -> Html {
    let mut names: Vec<Option<String>> = Vec::new();
    for tot in [x, y] {
        for d in &tot.by_district {
            if !names.contains(&d.district) {
                names.push(d.district.clone());
            }
        }
    }
    let of = |tot: &Totals, d: &Option<String>| {
        tot.by_district
            .iter()
            .find(|x| &x.district == d)
            .map_or((0, Wan::ZERO), |x| (x.in_budget, x.funding_total))
    };
    html! {
        <div class="table-scroll"><table class="budget-table" id="sandbox-districts">
            <caption>{t(l, "按区（县、市）：通过门槛的申报与补助", "By district: applicants past the gates and their subsidy")}</caption>
            <thead><tr>
                <th scope="col">{t(l, "区（县、市）", "District")}</th>
                <th scope="col" colspan="2">{a.id.clone()}</th>
                <th scope="col" colspan="2">{b.id.clone()}</th>
            </tr></thead>
            <tbody>
                { for names.iter().map(|d| {
                    let ((na, fa), (nb, fb)) = (of(x, d), of(y, d));
                    html! {
                        <tr data-district={d.clone().unwrap_or_default()}>
                            <th scope="row">{d.clone().unwrap_or_else(|| t(l, "（未填）", "(none given)").to_owned())}</th>
                            <td class="num">{na}</td><td class="num">{money(fa, l)}</td>
                            <td class="num">{nb}</td><td class="num">{money(fb, l)}</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table></div>
    }
}

fn side(r: &ResultRow, l: Lang) -> (String, String) {
    match &r.outcome {
        Ok(s) => (
            explain::verdict_name(s.verdict).get(l).to_owned(),
            money(s.total, l),
        ),
        Err(_) => (
            t(l, "✗ 无法读取", "✗ cannot be read").to_owned(),
            String::new(),
        ),
    }
}

fn result(l: Lang, a: &Policy, b: &Policy, c: &Comparison) -> Html {
    let changed = c.changed();
    html! {
        <div id="sandbox-result">
            { totals_table(l, a, b, &c.totals.0, &c.totals.1) }
            { districts_table(l, a, b, &c.totals.0, &c.totals.1) }
            { for a.readings_for("districts").map(|r| html! {
                <p class="batch-note reading">{format!("{}（{}）", r.text.get(l), r.clause)}</p>
            }) }
            <div class="table-scroll"><table class="budget-table" id="sandbox-rows">
                <caption>{ match l {
                    Lang::Zh => format!("结果有变化的行：{} / {}", changed.len(), c.base.len()),
                    Lang::En => format!("Rows whose result changes: {} of {}", changed.len(), c.base.len()),
                } }</caption>
                <thead><tr>
                    <th scope="col">{t(l, "行", "Row")}</th><th scope="col">{t(l, "区（县、市）", "District")}</th>
                    <th scope="col">{a.id.clone()}</th><th scope="col">{b.id.clone()}</th>
                    <th scope="col">{a.id.clone()}</th><th scope="col">{b.id.clone()}</th>
                </tr></thead>
                <tbody>
                    { for changed.iter().map(|p| {
                        let (x, y) = (p.base, p.other);
                        let ((va, fa), (vb, fb)) = (side(x, l), side(y, l));
                        html! {
                            <tr data-row={x.row.to_string()}>
                                <th scope="row">{format!("{} {}", x.row, x.name.clone().unwrap_or_default())}</th>
                                <td>{x.district.clone().unwrap_or_default()}</td>
                                <td>{va}</td><td>{vb}</td><td class="num">{fa}</td><td class="num">{fb}</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table></div>
            <div class="table-scroll"><table class="budget-table" id="sandbox-diff">
                <caption>{ match l {
                    Lang::Zh => format!("两个版本的差别（{}处）", c.changes.len()),
                    Lang::En => format!("Differences between the versions ({})", c.changes.len()),
                } }</caption>
                <tbody>
                    { for c.changes.iter().map(|x| html! {
                        <tr data-section={x.section} data-id={x.id.clone()}>
                            <th scope="row">{format!("{} {}", x.section, x.id)}</th>
                            <td>{x.clause.clone().unwrap_or_default()}</td>
                            <td>{x.from_text(l)}</td><td>{x.to_text(l)}</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </div>
    }
}

/// The applicant of a `#applicant=` link (the 「申报准备」 tab links here with it): `None`
/// without one, `Some(None)` when its data cannot be read.
fn from_link() -> Option<Option<Chosen>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let data = hash.strip_prefix("#applicant=")?;
    Some(
        tic_core::link::decode(data)
            .map(|json| Chosen("applicant.json".to_owned(), Rc::new(json.into_bytes()))),
    )
}

/// The numbers of the version being edited, each with the guideline's words that state it, its
/// clause, its value now and a field to type another (what is typed stays as typed until it
/// reads).
fn parameters_table(
    l: Lang,
    start: &tic_core::schema::PolicyFile,
    edits: &[(String, String)],
    oninput: &Callback<InputEvent>,
) -> Html {
    html! {
        <table class="budget-table" id="sandbox-params">
            <caption>{format!("{}{}", t(l, "数值（可直接修改）：", "Numbers (type to change): "), start.policy.id)}</caption>
            <thead><tr>
                <th scope="col">{t(l, "参数", "Parameter")}</th><th scope="col">{t(l, "条款", "Clause")}</th>
                <th scope="col">{t(l, "现值", "Now")}</th><th scope="col">{t(l, "改为", "Change to")}</th>
            </tr></thead>
            <tbody>
                { for start.parameters.iter().map(|(key, prm)| {
                    let typed = edits.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
                    let now = tic_core::diff::value_text(
                        Some(&serde_json::json!(prm.value)),
                        serde_json::to_value(prm.unit).ok().as_ref(),
                        l,
                    );
                    html! {
                        <tr data-param={key.clone()}>
                            <th scope="row">{key.clone()}<span class="param-quote" lang="zh">{prm.quote.clone()}</span></th>
                            <td>{prm.clause.clone()}</td>
                            <td class="num">{now}</td>
                            <td><input type="text" inputmode="decimal" class="sandbox-param" data-param={key.clone()}
                                aria-label={key.clone()} value={typed.unwrap_or_else(|| prm.value.to_string())}
                                oninput={oninput.clone()} /></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// The page.
#[function_component]
pub fn App(p: &AppProps) -> Html {
    let l = p.lang;
    let link = use_memo((), |_| from_link());
    let data = use_state(|| link.as_ref().clone().flatten());
    let policy_file = use_state(|| None::<Chosen>);
    let edits = use_state(Vec::<(String, String)>::new);
    let ondata = on_file({
        let data = data.clone();
        Callback::from(move |c| data.set(Some(c)))
    });
    let onpolicy = on_file({
        let policy_file = policy_file.clone();
        Callback::from(move |c| policy_file.set(Some(c)))
    });
    let onparam = {
        let edits = edits.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(key) = input.get_attribute("data-param") else {
                return;
            };
            let mut next = (*edits).clone();
            next.retain(|(k, _)| k != &key);
            next.push((key, input.value()));
            edits.set(next);
        })
    };
    let onreset = {
        let edits = edits.clone();
        Callback::from(move |_: MouseEvent| edits.set(Vec::new()))
    };
    let base = tic_core::policy::current();
    // The file under the current version: screened once per file, not once per number typed.
    let base_rows = use_memo((*data).clone(), move |d| {
        d.as_ref().map(|d| screen(base, &d.1, &d.0).map(Rc::new))
    });
    let loaded: Option<(String, Loaded)> = (*policy_file).as_ref().map(|c| {
        let text = String::from_utf8_lossy(&c.1).into_owned();
        (c.0.clone(), load_policy(&text).map(Rc::new))
    });
    // The numbers are edited from the file chosen (when it reads), else from the current version.
    let start = match &loaded {
        Some((_, Ok(v))) => &v.file,
        _ => &base.file,
    };
    let other: Option<(String, Loaded)> = match (&loaded, edits.is_empty()) {
        (Some((name, Err(e))), _) => Some((
            format!(
                "{}{name}",
                t(
                    l,
                    "政策文件有问题，未使用：",
                    "The policy file was not used, it has problems: "
                )
            ),
            Err(e.clone()),
        )),
        (_, false) => Some((
            t(
                l,
                "修改的数值有问题，未使用：",
                "The numbers changed were not used, they have problems:",
            )
            .to_owned(),
            edited(start, &edits, l).map(Rc::new),
        )),
        (Some((name, Ok(v))), true) => Some((name.clone(), Ok(v.clone()))),
        (None, true) => None,
    };
    let body = match (&*data, &other) {
        (_, Some((what, Err(problems)))) => html! {
            <div class="read-info" role="alert" id="sandbox-error">
                <p>{what.clone()}</p>
                <ul>{ for problems.iter().map(|x| html! { <li>{x.clone()}</li> }) }</ul>
            </div>
        },
        (Some(d), Some((_, Ok(other)))) => match (*base_rows)
            .clone()
            .unwrap_or_else(|| Ok(Rc::default()))
            .and_then(|a| Ok(Comparison::of(base, other, a, screen(other, &d.1, &d.0)?)))
        {
            Ok(c) => result(l, base, other, &c),
            Err(e) => {
                html! { <p class="read-info" role="alert" id="sandbox-error">{format!("{}: {}", d.0, e.get(l))}</p> }
            }
        },
        _ => html! { <p class="batch-note">{t(l,
        "请选择申报数据，再选择一个政策文件或在下表中修改数值。",
        "Choose the applicants, then a policy file or change numbers in the table below.")}</p> },
    };
    html! {
        <div class="batch" lang={l.code()}>
            <h1>{t(l, "政策沙盘：两个政策版本下的预审结果对比", "Policy sandbox: one file screened under two policy versions")}</h1>
            <p class="batch-intro">{t(l,
                "选择申报数据（CSV、XLSX 或 JSON，与批量预审同一格式；也可以是自评页面导出的单个申报），再选择一个政策文件（与内置政策同一格式的 TOML），或直接在下表中修改门槛、比例、上限或期限。同样的数据按当前政策和另一版本并列评估。文件只在本浏览器中读取，不会上传。结果为估算。",
                "Choose the applicants (CSV, XLSX or JSON, as for the batch view; or one applicant as the self-assessment page exports it), then a policy file (TOML in the built-in policy's schema) or change a threshold, the rate, a cap or the period in the table below. The same data is assessed under the current policy and under the other version, side by side. Files are read in this browser only, never uploaded. The results are estimates.")}</p>
            <p class="batch-note">{format!("{}{} ({})", t(l, "当前政策：", "Current policy: "), base.id, base.status)}</p>
            <label class="sandbox-input">
                <span>{t(l, "申报数据", "Applicants")}</span>
                <input type="file" id="sandbox-data" accept=".csv,.xlsx,.xls,.json,text/csv,application/json" onchange={ondata} />
            </label>
            { match link.as_ref() {
                Some(Some(_)) => html! { <p class="batch-note" id="sandbox-from-link">{t(l,
                    "已载入自评页面的申报（来自链接，只在本浏览器中）。也可以另选文件。",
                    "The applicant from the self-assessment page is loaded (from the link, in this browser only). You can choose a file instead.")}</p> },
                Some(None) => html! { <p class="read-info" role="alert" id="sandbox-from-link">{t(l,
                    "链接中的申报无法读取，请选择文件。",
                    "The applicant in the link cannot be read; choose a file.")}</p> },
                None => html! {},
            } }
            <label class="sandbox-input">
                <span>{t(l, "对比的政策文件（.toml，可不选）", "Policy file to compare (.toml, optional)")}</span>
                <input type="file" id="sandbox-policy" accept=".toml,text/plain" onchange={onpolicy} />
            </label>
            <details class="sandbox-edit" open={!edits.is_empty()}>
                <summary>{t(l, "在本页修改数值", "Change numbers in this page")}</summary>
                { parameters_table(l, start, &edits, &onparam) }
                <button type="button" class="button button--secondary" id="sandbox-reset" onclick={onreset}>{t(l, "恢复原值", "Undo the changes")}</button>
            </details>
            {body}
        </div>
    }
}
