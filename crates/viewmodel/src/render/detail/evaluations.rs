//! 年度ごとの実施結果評価: one disclosure per fiscal year, with the year's
//! 達成件数 and its texts.

use super::DetailOptions;
use crate::html::{Attrs, Html};
use crate::i18n::Lang;
use crate::render::with_data_lang;
use plan::{Evaluation, Plan};

/// 年度ごとの実施結果評価 over the plan's fiscal years: a disclosure for each
/// evaluated year (open in a report), one line for each year not evaluated.
pub fn evaluations(h: &mut Html, plan: &Plan, id: u32, o: DetailOptions) {
    let t = o.lang.t();
    h.open("section", &[("class", "gk-evaluations")]).el("h3", &[], t.evaluations);
    for fy in plan.plan.first_fy..=plan.plan.last_fy {
        let fy_text = fy.to_string();
        match plan.evaluations.iter().find(|e| e.item_id == id && e.fy == fy) {
            None => {
                h.open("div", &[("class", "gk-eval gk-eval-none"), ("data-eval", &fy_text)])
                    .open("p", &[])
                    .el("strong", &[], &o.lang.fy(fy))
                    .text(" ")
                    .text(t.not_evaluated)
                    .close("p")
                    .close("div");
            }
            Some(e) => {
                let count = achieved_count(e);
                h.open("details", &Attrs::new(&[("class", "gk-eval"), ("data-eval", &fy_text)]).flag("open", o.report));
                h.open("summary", &[])
                    .el("strong", &[], &o.lang.fy(fy))
                    .text(&format!(" {} ", t.achieved_count))
                    .el("span", &[("class", "gk-eval-count")], &count)
                    .close("summary");
                evaluation_texts(h, e, o.lang);
                h.close("details");
            }
        }
    }
    h.close("section");
}

/// An evaluation's 要因分析, 次年度への課題 and 課題を踏まえた対応, each under
/// its heading; a text the source lacks is left out.
pub(crate) fn evaluation_texts(h: &mut Html, e: &Evaluation, lang: Lang) {
    let t = lang.t();
    for (label, text) in [(t.factors, &e.factors), (t.issues, &e.issues), (t.response, &e.response)] {
        if let Some(text) = text {
            h.el("h4", &[], label).open("div", &with_data_lang(&[], lang)).paragraphs(text).close("div");
        }
    }
}

/// 達成件数 as "achieved / total", or "—" where the source lacks either.
pub(crate) fn achieved_count(e: &Evaluation) -> String {
    match (e.achieved, e.total) {
        (Some(a), Some(total)) => format!("{a} / {total}"),
        _ => "—".to_string(),
    }
}
