//! Component tests in the browser: mount the app, type into fields, and see the verdict, the
//! subsidy, the errors and the result event change. No sleeps: after each action the test
//! yields to the microtask queue, where Yew's scheduler renders.

use std::cell::RefCell;
use std::rc::Rc;
use tic_web::components::app::{App, AppProps};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler (started on the microtask queue) render and run effects.
async fn flush() {
    for _ in 0..5 {
        let p = js_sys::Promise::resolve(&JsValue::UNDEFINED);
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
    }
}

fn host() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

fn props() -> AppProps {
    AppProps {
        storage: false,
        link: false,
        ..AppProps::default()
    }
}

async fn mounted(p: AppProps) -> Element {
    let el = host();
    yew::Renderer::<App>::with_root_and_props(el.clone(), p).render();
    flush().await;
    el
}

fn find(root: &Element, sel: &str) -> Element {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("{sel} not found"))
}

fn attr(root: &Element, sel: &str, name: &str) -> String {
    find(root, sel).get_attribute(name).unwrap_or_default()
}

async fn type_into(root: &Element, id: &str, text: &str) {
    let input: HtmlInputElement = find(root, &format!("#{id}")).dyn_into().unwrap();
    input.set_value(text);
    input.dispatch_event(&bubbling("input")).unwrap();
    flush().await;
}

/// An event that bubbles (Yew listens at the root).
fn bubbling(name: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(name, &init).unwrap()
}

async fn choose(root: &Element, id: &str, value: &str) {
    let sel: HtmlSelectElement = find(root, &format!("#{id}")).dyn_into().unwrap();
    sel.set_value(value);
    sel.dispatch_event(&bubbling("change")).unwrap();
    flush().await;
}

async fn click(root: &Element, id: &str) {
    let el: web_sys::HtmlElement = find(root, &format!("#{id}")).dyn_into().unwrap();
    el.click();
    flush().await;
}

#[wasm_bindgen_test]
async fn typing_the_capacity_investment_changes_the_subsidy() {
    let root = mounted(props()).await;
    assert_eq!(attr(&root, "#verdict", "data-verdict"), "incomplete");
    assert_eq!(attr(&root, "#funding-total", "data-wan"), "0");
    type_into(&root, "f-capacity_investment_wan-0", "2000").await;
    assert_eq!(attr(&root, "#funding-total", "data-wan"), "500");
    let y1 = "[data-funding-year=\"1\"]";
    assert_eq!(attr(&root, y1, "data-amount-wan"), "500");
    assert_eq!(attr(&root, y1, "data-limited-by"), "first_year_cap");
    type_into(&root, "f-capacity_investment_wan-0", "1,000").await;
    assert_eq!(attr(&root, y1, "data-amount-wan"), "300");
    assert_eq!(attr(&root, y1, "data-limited-by"), "rate");
}

#[wasm_bindgen_test]
async fn answering_the_gates_changes_the_verdict() {
    let root = mounted(props()).await;
    choose(&root, "f-lead_unit-kind", "other").await;
    assert_eq!(attr(&root, "#verdict", "data-verdict"), "not_eligible");
    choose(&root, "f-lead_unit-kind", "enterprise").await;
    assert_eq!(attr(&root, "#verdict", "data-verdict"), "incomplete");
    click(&root, "f-fields-highlands-new_materials").await;
    assert_eq!(
        attr(&root, "#verdict", "data-verdict"),
        "eligible_with_gaps"
    );
    assert_eq!(
        attr(&root, "[data-req=\"scope.field\"]", "data-status"),
        "met"
    );
    assert_eq!(
        attr(&root, "[data-req=\"lead.capacity\"]", "data-status"),
        "unknown"
    );
}

#[wasm_bindgen_test]
async fn a_bad_number_is_kept_and_named_in_the_error_summary() {
    let root = mounted(props()).await;
    assert!(root.query_selector("#error-summary").unwrap().is_none());
    type_into(&root, "f-team-staff_year2", "12x").await;
    let summary = find(&root, "#error-summary")
        .text_content()
        .unwrap_or_default();
    assert!(summary.contains("第2年高水平技术创新队伍人数"), "{summary}");
    assert!(root
        .query_selector("#f-team-staff_year2-error")
        .unwrap()
        .is_some());
    let input: HtmlInputElement = find(&root, "#f-team-staff_year2").dyn_into().unwrap();
    assert_eq!(input.value(), "12x");
    type_into(&root, "f-team-staff_year2", "-3").await;
    let msg = find(&root, "#f-team-staff_year2-error")
        .text_content()
        .unwrap_or_default();
    assert!(msg.contains("≥ 0"), "{msg}");
    type_into(&root, "f-team-staff_year2", "120").await;
    assert!(root.query_selector("#error-summary").unwrap().is_none());
    assert_eq!(
        attr(&root, "[data-req=\"team.staff_year2\"]", "data-status"),
        "met"
    );
}

#[wasm_bindgen_test]
async fn the_result_event_fires_after_mount_and_on_every_change() {
    let el = host();
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let cb = {
        let seen = seen.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let v = js_sys::Reflect::get(&e.detail(), &"verdict".into()).unwrap_or_default();
            seen.borrow_mut().push(v.as_string().unwrap_or_default());
        })
    };
    el.add_event_listener_with_callback("tic-assess:result", cb.as_ref().unchecked_ref())
        .unwrap();
    yew::Renderer::<App>::with_root_and_props(el.clone(), props()).render();
    flush().await;
    assert_eq!(*seen.borrow(), ["incomplete"]);
    choose(&el, "f-lead_unit-kind", "other").await;
    assert_eq!(*seen.borrow(), ["incomplete", "not_eligible"]);
    click(&el, "lang-toggle").await;
    assert_eq!(
        seen.borrow().len(),
        2,
        "a language switch does not change the result"
    );
    cb.forget();
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_every_label() {
    let root = mounted(props()).await;
    assert_eq!(attr(&root, ".tic-app", "lang"), "zh");
    assert!(find(&root, "#verdict")
        .text_content()
        .unwrap_or_default()
        .contains("信息不完整"));
    click(&root, "lang-toggle").await;
    assert_eq!(attr(&root, ".tic-app", "lang"), "en");
    let v = find(&root, "#verdict").text_content().unwrap_or_default();
    assert!(v.contains("Not enough answers"), "{v}");
}

#[wasm_bindgen_test]
async fn an_applicant_given_to_mount_is_shown_and_an_invalid_one_refused() {
    let json = r#"{"schema":"tic-applicant/1","lead_unit":{"kind":"enterprise","leading_enterprise":true},"fields":{"highlands":["new_materials"]},"capacity_investment_wan":[2000,1500,1200]}"#;
    let root = mounted(AppProps {
        applicant: Some(json.into()),
        ..props()
    })
    .await;
    assert_eq!(
        attr(&root, "#verdict", "data-verdict"),
        "eligible_with_gaps"
    );
    assert_eq!(attr(&root, "#funding-total", "data-wan"), "1000");
    assert_eq!(
        attr(&root, "[data-funding-year=\"3\"]", "data-limited-by"),
        "total_cap"
    );
    let cb: HtmlInputElement = find(&root, "#f-fields-highlands-new_materials")
        .dyn_into()
        .unwrap();
    assert!(cb.checked());

    let bad = r#"{"schema":"tic-applicant/1","team":{"staff_year2":-1},"typo":1}"#;
    let root = mounted(AppProps {
        applicant: Some(bad.into()),
        ..props()
    })
    .await;
    let errors = find(&root, "#import-errors");
    assert_eq!(errors.query_selector_all("li").unwrap().length(), 2);
    assert_eq!(attr(&root, "#verdict", "data-verdict"), "incomplete");
}

#[wasm_bindgen_test]
async fn mount_reads_its_options() {
    let el = host();
    let opts = js_sys::JSON::parse(r#"{"lang":"en","mode":"compact","storage":false,"link":false,"applicant":{"schema":"tic-applicant/1","lead_unit":{"kind":"university"}}}"#).unwrap();
    assert!(tic_web::mount(el.clone().into(), opts).is_ok());
    flush().await;
    assert_eq!(attr(&el, ".tic-app", "lang"), "en");
    assert!(
        el.query_selector("#radar").unwrap().is_none(),
        "compact mode has no radar"
    );
    assert!(
        el.query_selector("#copy-link").unwrap().is_none(),
        "link: false offers no share link"
    );
    assert_eq!(attr(&el, "[data-req=\"lead.unit\"]", "data-status"), "met");
    assert!(tic_web::mount(JsValue::NULL, JsValue::UNDEFINED).is_err());
}

#[wasm_bindgen_test]
async fn the_handle_switches_language_and_mode_in_place_keeping_what_was_typed() {
    let el = host();
    let opts = js_sys::JSON::parse(r#"{"storage":false,"link":false}"#).unwrap();
    let mut h = tic_web::mount(el.clone().into(), opts).unwrap();
    flush().await;
    assert_eq!(attr(&el, ".tic-app", "lang"), "zh");
    type_into(&el, "f-name", "手填的名称").await;
    type_into(&el, "f-team-staff_year2", "12x").await;
    let app = find(&el, ".tic-app");

    h.set_lang("en");
    flush().await;
    assert_eq!(attr(&el, ".tic-app", "lang"), "en");
    assert!(find(&el, "#verdict")
        .text_content()
        .unwrap_or_default()
        .contains("Not enough answers"));
    let name: HtmlInputElement = find(&el, "#f-name").dyn_into().unwrap();
    assert_eq!(name.value(), "手填的名称");
    let staff: HtmlInputElement = find(&el, "#f-team-staff_year2").dyn_into().unwrap();
    assert_eq!(staff.value(), "12x");
    assert!(
        find(&el, ".tic-app").is_same_node(Some(&app)),
        "not remounted"
    );

    h.set_mode("compact");
    flush().await;
    assert!(el.query_selector("#radar").unwrap().is_none());
    assert!(el.query_selector(".tic-app--compact").unwrap().is_some());
    h.set_lang("xx");
    h.set_mode("full");
    flush().await;
    assert_eq!(
        attr(&el, ".tic-app", "lang"),
        "en",
        "an unknown language is ignored"
    );
    assert!(el.query_selector("#radar").unwrap().is_some());

    let json = h.applicant_json().expect("the applicant shown");
    assert!(json.contains("手填的名称"), "{json}");
    h.unmount();
    flush().await;
    assert!(
        el.query_selector(".tic-app").unwrap().is_none(),
        "unmounted"
    );
    assert_eq!(h.applicant_json(), None);
}

#[wasm_bindgen_test]
async fn a_change_asked_for_before_the_first_render_applies() {
    let el = host();
    let opts = js_sys::JSON::parse(r#"{"storage":false,"link":false}"#).unwrap();
    let h = tic_web::mount(el.clone().into(), opts).unwrap();
    h.set_lang("en");
    h.set_mode("compact");
    flush().await;
    assert_eq!(attr(&el, ".tic-app", "lang"), "en");
    assert!(el.query_selector(".tic-app--compact").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn every_field_of_the_core_table_is_in_the_form_with_its_label() {
    use tic_core::fields::{Kind, FIELDS};
    use tic_web::form::field_id;
    let root = mounted(props()).await;
    let policy = tic_core::policy::current();
    for f in FIELDS {
        match f.kind {
            Kind::Money(_) => {
                let years = f.years(policy);
                assert!(years > 0, "{}", f.path);
                for i in 0..years {
                    find(
                        &root,
                        &format!("#{}", field_id(&format!("{}[{i}]", f.path))),
                    );
                }
                let beyond = format!("#{}", field_id(&format!("{}[{years}]", f.path)));
                assert!(root.query_selector(&beyond).unwrap().is_none(), "{beyond}");
            }
            Kind::List(_) => {
                // A group of checkboxes, each `f-<path>-<id>`.
                let sel = format!("input[type=checkbox][id^='{}-']", field_id(f.path));
                assert!(root.query_selector_all(&sel).unwrap().length() > 0, "{sel}");
                let label = f.label(policy, None, tic_core::Lang::Zh);
                let text = root.text_content().unwrap_or_default();
                assert!(text.contains(&label), "{}: {label}", f.path);
            }
            _ => {
                let id = field_id(f.path);
                find(&root, &format!("#{id}"));
                let label = find(&root, &format!("label[for='{id}']"))
                    .text_content()
                    .unwrap_or_default();
                let want = f.label(policy, None, tic_core::Lang::Zh);
                assert!(
                    label.contains(&want),
                    "{}: {label:?} lacks {want:?}",
                    f.path
                );
            }
        }
    }
}
