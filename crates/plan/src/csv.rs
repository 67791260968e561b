//! Open-data CSV export: one file per table, UTF-8 with a BOM and CRLF line
//! ends so that Excel opens them as they are, headers in Japanese as Japanese
//! open-data practice expects, and `columns.csv` documenting every column.

use crate::fiscal::FiscalYear;
use crate::model::{Direction, Plan, Quarter, Role};
use std::io;
use std::path::Path;

/// One table: its file name, its columns (name, meaning) and its rows.
pub struct Table {
    pub file: &'static str,
    pub columns: Vec<(&'static str, &'static str)>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The file's bytes: BOM, header, rows, CRLF line ends.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let header: Vec<String> = self.columns.iter().map(|(name, _)| name.to_string()).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let cells: Vec<String> = row.iter().map(|c| quote(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }
}

/// RFC 4180 quoting: only where needed.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn num(n: Option<f64>) -> String {
    n.map(|x| x.to_string()).unwrap_or_default()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn quarters(q: &Option<Vec<Quarter>>) -> String {
    match q {
        None => "不明".to_string(),
        Some(list) => list.iter().map(|q| format!("{}Q{}", q.fy, q.q)).collect::<Vec<_>>().join(" "),
    }
}

fn notes(n: &[String]) -> String {
    n.join(" / ")
}

/// Field names (as the JSON spells them) separated by spaces.
fn fields(names: &[String]) -> String {
    names.join(" ")
}

/// The column that says which values of a row were inferred, not read.
const RECONSTRUCTED: (&str, &str) = (
    "推定項目",
    "fields of this row whose values were reconstructed (inferred by position, by context or from a mixed row) rather than read as printed; JSON field names separated by spaces (see docs/data-format.md); empty = all read as printed",
);

/// Every table of the plan.
pub fn tables(plan: &Plan) -> Vec<Table> {
    let dept_name = |id: &String| {
        plan.departments.iter().find(|d| &d.id == id).map(|d| d.name.clone()).unwrap_or_else(|| id.clone())
    };
    let names = |ids: &[String]| ids.iter().map(dept_name).collect::<Vec<_>>().join("、");
    vec![
        Table {
            file: "goals.csv",
            columns: vec![("目標番号", "goal number"), ("目標", "goal title"), ("別表記", "other titles the source uses")],
            rows: plan.goals.iter().map(|g| vec![g.id.to_string(), g.title.clone(), g.aliases.join("、")]).collect(),
        },
        Table {
            file: "reforms.csv",
            columns: vec![("改革番号", "reform number"), ("目標番号", "goal number"), ("改革", "reform title")],
            rows: plan.reforms.iter().map(|r| vec![r.id.to_string(), r.goal_id.to_string(), r.title.clone()]).collect(),
        },
        Table {
            file: "departments.csv",
            columns: vec![("所属ID", "department id (as in URLs)"), ("所属", "department name"), ("別表記", "abbreviations the source uses")],
            rows: plan.departments.iter().map(|d| vec![d.id.clone(), d.name.clone(), d.aliases.join("、")]).collect(),
        },
        Table {
            file: "kgis.csv",
            columns: vec![("KGI番号", "KGI number"), ("KGI", "KGI title"), ("指標", "indicator")],
            rows: plan.kgis.iter().map(|k| vec![k.id.to_string(), k.title.clone(), k.indicator.clone()]).collect(),
        },
        Table {
            file: "items.csv",
            columns: vec![
                ("実施項目番号", "item number"),
                ("改革番号", "reform number"),
                ("実施項目", "item title"),
                ("補足", "parenthetical note of the title"),
                ("官民データ活用推進計画", "1 if marked ★"),
                ("取組所属", "departments in charge, separated by 、"),
                ("関係所属", "related departments, separated by 、"),
                ("関係所属(その他)", "related parties that are not one department"),
                ("個票", "1 if the source has a detail sheet"),
                ("現状", "current situation (as of Dec 2020)"),
                ("問題・課題", "problems"),
                ("改革内容", "what the reform does"),
                ("注記", "transcription notes"),
                RECONSTRUCTED,
                ("欠落項目", "fields whose source value was lost in the text extraction (shown as 記載なし(抽出時に欠落)); JSON field names separated by spaces; empty = none"),
            ],
            rows: plan
                .items
                .iter()
                .map(|i| {
                    let sheet = i.sheet.as_ref();
                    vec![
                        i.id.to_string(),
                        i.reform_id.to_string(),
                        i.title.clone(),
                        opt(&i.note),
                        (i.star as u8).to_string(),
                        names(&i.lead_departments),
                        names(&i.related_departments),
                        i.related_other.join("、"),
                        (sheet.is_some() as u8).to_string(),
                        sheet.map(|s| opt(&s.situation)).unwrap_or_default(),
                        sheet.map(|s| opt(&s.problems)).unwrap_or_default(),
                        sheet.map(|s| opt(&s.measures)).unwrap_or_default(),
                        notes(&i.notes),
                        fields(&i.reconstructed),
                        fields(&i.missing),
                    ]
                })
                .collect(),
        },
        Table {
            file: "kpis.csv",
            columns: vec![
                ("実施項目番号", "item number"),
                ("指標番号", "KPI number within the item (①=1)"),
                ("区分", "取組目標 (objective) or 参考指標 (reference)"),
                ("指標項目", "KPI name"),
                ("単位", "unit"),
                ("KGI番号", "KGI the KPI serves"),
                ("方向", "高いほど良い (higher is better) or 低いほど良い (lower is better)"),
                ("累計", "1 if values are cumulative"),
                ("注記", "transcription notes"),
                RECONSTRUCTED,
            ],
            rows: plan
                .kpis
                .iter()
                .map(|k| {
                    vec![
                        k.item_id.to_string(),
                        k.no.to_string(),
                        match k.role {
                            Role::Objective => "取組目標",
                            Role::Reference => "参考指標",
                        }
                        .to_string(),
                        k.name.clone(),
                        opt(&k.unit),
                        k.kgi_id.map(|x| x.to_string()).unwrap_or_default(),
                        match k.direction {
                            Direction::Higher => "高いほど良い",
                            Direction::Lower => "低いほど良い",
                        }
                        .to_string(),
                        (k.cumulative as u8).to_string(),
                        notes(&k.notes),
                        fields(&k.reconstructed),
                    ]
                })
                .collect(),
        },
        Table {
            file: "kpi_values.csv",
            columns: vec![
                ("実施項目番号", "item number"),
                ("指標番号", "KPI number within the item"),
                ("年度", "fiscal year (western year it starts in)"),
                ("年度(和暦)", "fiscal year in the Japanese era"),
                ("目標値", "target; empty where the source gives none"),
                ("目標(文言)", "target given in words"),
                ("実績値", "actual; empty where the source gives none"),
                ("実績(文言)", "actual given in words"),
                ("達成率(資料記載)", "achievement % printed in the source"),
                ("注記", "transcription notes"),
                RECONSTRUCTED,
            ],
            rows: plan
                .kpis
                .iter()
                .flat_map(|k| {
                    k.values.iter().map(move |v| {
                        vec![
                            k.item_id.to_string(),
                            k.no.to_string(),
                            v.fy.to_string(),
                            FiscalYear(v.fy).era_label(),
                            num(v.target),
                            opt(&v.target_label),
                            num(v.actual),
                            opt(&v.actual_label),
                            num(v.stated_rate),
                            notes(&v.notes),
                            fields(&v.reconstructed),
                        ]
                    })
                })
                .collect(),
        },
        Table {
            file: "kpi_list.csv",
            columns: vec![
                ("指標名(一覧)", "KPI name as the overview's KPI list prints it"),
                ("実施項目番号", "item number the name belongs to"),
                ("指標番号", "numbers of the item's sheet KPIs this name denotes, separated by spaces; empty where the item has no sheet"),
                ("注記", "transcription notes"),
                RECONSTRUCTED,
            ],
            rows: plan
                .kpi_list
                .iter()
                .map(|e| {
                    vec![
                        e.name.clone(),
                        e.item_id.to_string(),
                        e.kpis.iter().map(|r| r.no.to_string()).collect::<Vec<_>>().join(" "),
                        notes(&e.notes),
                        fields(&e.reconstructed),
                    ]
                })
                .collect(),
        },
        Table {
            file: "schedule.csv",
            columns: vec![
                ("実施項目番号", "item number"),
                ("関連目標", "numbers of the KPIs the activity serves, separated by spaces"),
                ("具体的取組", "activity"),
                ("計画(四半期)", "planned quarters as 2021Q1 (fiscal); 不明 = not recorded in the source"),
                ("結果(四半期)", "quarters done; 不明 = not recorded in the source"),
                ("注記", "transcription notes"),
                RECONSTRUCTED,
            ],
            rows: plan
                .schedule
                .iter()
                .map(|s| {
                    vec![
                        s.item_id.to_string(),
                        s.kpi_nos.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(" "),
                        s.activity.clone(),
                        quarters(&s.plan),
                        quarters(&s.result),
                        notes(&s.notes),
                        fields(&s.reconstructed),
                    ]
                })
                .collect(),
        },
        Table {
            file: "evaluations.csv",
            columns: vec![
                ("実施項目番号", "item number"),
                ("年度", "fiscal year evaluated"),
                ("年度(和暦)", "fiscal year in the Japanese era"),
                ("達成件数", "objectives achieved"),
                ("目標件数", "objectives in all"),
                ("要因分析", "analysis of factors"),
                ("次年度への課題", "issues for the next year"),
                ("課題を踏まえた対応", "response to the issues"),
                ("注記", "transcription notes"),
            ],
            rows: plan
                .evaluations
                .iter()
                .map(|e| {
                    vec![
                        e.item_id.to_string(),
                        e.fy.to_string(),
                        FiscalYear(e.fy).era_label(),
                        e.achieved.map(|x| x.to_string()).unwrap_or_default(),
                        e.total.map(|x| x.to_string()).unwrap_or_default(),
                        opt(&e.factors),
                        opt(&e.issues),
                        opt(&e.response),
                        notes(&e.notes),
                    ]
                })
                .collect(),
        },
    ]
}

/// The column documentation of all tables, itself a table.
pub fn columns_table(tables: &[Table]) -> Table {
    Table {
        file: "columns.csv",
        columns: vec![("ファイル", "file"), ("列", "column"), ("説明", "meaning")],
        rows: tables
            .iter()
            .flat_map(|t| t.columns.iter().map(move |(name, meaning)| vec![t.file.to_string(), name.to_string(), meaning.to_string()]))
            .collect(),
    }
}

/// Writes every table and `columns.csv` into `dir` (created if missing).
/// Returns the files written.
pub fn export(plan: &Plan, dir: &Path) -> io::Result<Vec<String>> {
    std::fs::create_dir_all(dir)?;
    let mut all = tables(plan);
    let docs = columns_table(&all);
    all.push(docs);
    let mut written = Vec::new();
    for t in &all {
        std::fs::write(dir.join(t.file), t.to_bytes())?;
        written.push(t.file.to_string());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_commas_quotes_or_newlines_are_quoted() {
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(quote("plain"), "plain");
    }

    #[test]
    fn files_start_with_a_bom_and_use_crlf() {
        let t = Table { file: "x.csv", columns: vec![("列", "c")], rows: vec![vec!["1".into()]] };
        let bytes = t.to_bytes();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        assert_eq!(String::from_utf8(bytes[3..].to_vec()).unwrap(), "列\r\n1\r\n");
    }

    #[test]
    fn unknown_quarters_are_written_as_unknown_not_empty() {
        assert_eq!(quarters(&None), "不明");
        assert_eq!(quarters(&Some(vec![])), "");
        assert_eq!(quarters(&Some(vec![Quarter { fy: 2021, q: 1 }])), "2021Q1");
    }

    #[test]
    fn missing_numbers_are_empty_cells_not_zero() {
        assert_eq!(num(None), "");
        assert_eq!(num(Some(1553.0)), "1553");
        assert_eq!(num(Some(-115.0)), "-115");
        assert_eq!(num(Some(14.1)), "14.1");
    }
}
