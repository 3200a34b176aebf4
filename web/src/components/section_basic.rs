//! Basic facts and who recommends the centre (三（一）).

use super::select_field::SelectField;
use super::text_field::TextField;
use super::{section, FormCtx};
use crate::i18n;
use tic_core::fields::Choice;
use tic_core::vocab::Recommender;
use yew::prelude::*;

/// Properties of [`SectionBasic`].
#[derive(Properties, PartialEq)]
pub struct SectionBasicProps {
    /// Shared form context.
    pub ctx: FormCtx,
    /// Called with the district select's value (`"__other"` for free text).
    pub ondistrict: Callback<String>,
}

/// Name, district, recommendation.
#[function_component]
pub fn SectionBasic(p: &SectionBasicProps) -> Html {
    let c = &p.ctx;
    let l = c.lang;
    let policy = tic_core::policy::current();
    let district = c.form.get("district");
    let choice = if c.form.district_other {
        "__other".to_owned()
    } else {
        district.to_owned()
    };
    let mut districts: Vec<(AttrValue, AttrValue)> = policy
        .districts
        .iter()
        .map(|d| {
            (
                AttrValue::from(d.id.clone()),
                AttrValue::from(d.name.get(l).to_owned()),
            )
        })
        .collect();
    districts.push(("__other".into(), c.t(i18n::DISTRICT_OTHER)));
    let ondistrict = {
        let cb = p.ondistrict.clone();
        Callback::from(move |(_, v): (String, String)| cb.emit(v))
    };
    let (name_l, name_h) = c.label("name");
    let (dist_l, _) = c.label("district");
    // The list comes from public sources, not from the guideline: the policy data's reading.
    let dist_h = tic_core::policy::current()
        .readings_for("districts")
        .next()
        .map(|r| AttrValue::from(r.text.get(c.lang).to_owned()));
    let (rec_l, rec_h) = c.label("recommended_by");
    let recs = c.options(Recommender::TABLE);
    let body = html! {
        <>
            <TextField path="name" label={name_l} hint={name_h} value={c.value("name")}
                error={c.error("name")} width="input--full" onset={c.onset.clone()} />
            <SelectField path="district" label={dist_l} hint={dist_h} value={AttrValue::from(choice)}
                placeholder={c.t(i18n::CHOOSE)} options={districts} error={c.error("district")}
                onset={ondistrict} />
            if c.form.district_other {
                <TextField path="district-other" label={c.t(i18n::DISTRICT_OTHER_LABEL)}
                    value={c.value("district")} width="input--w20"
                    onset={let cb = c.onset.clone(); Callback::from(move |(_, v): (String, String)| cb.emit(("district".into(), v)))} />
            }
            <SelectField path="recommended_by" label={rec_l} hint={rec_h} value={c.value("recommended_by")}
                placeholder={c.t(i18n::CHOOSE)} options={recs} error={c.error("recommended_by")}
                onset={c.onset.clone()} />
        </>
    };
    section(c, "sec-basic", c.t(i18n::SEC_BASIC), "三（一）", body)
}
