//! How one cell spells one value, both ways. Writing is total; reading
//! returns a message that says what is wrong with the cell and what to
//! write instead.

use crate::fiscal::FiscalYear;
use crate::model::{Direction, Quarter, Role};

/// What a reading error says: the problem and the fix, without a location.
pub type CellError = String;

/// The word that marks a recorded, empty list of quarters; an empty cell
/// is "not recorded".
pub const NO_QUARTERS: &str = "なし";

pub const OBJECTIVE: &str = "取組目標";
pub const REFERENCE: &str = "参考指標";
pub const HIGHER: &str = "高いほど良い";
pub const LOWER: &str = "低いほど良い";

// ---- writing ----

pub fn int(n: impl ToString) -> String {
    n.to_string()
}

pub fn opt_int<T: ToString>(n: Option<T>) -> String {
    n.map(|x| x.to_string()).unwrap_or_default()
}

/// A number as the shortest decimal that reads back exactly; empty = unknown.
pub fn number(n: Option<f64>) -> String {
    n.map(|x| x.to_string()).unwrap_or_default()
}

pub fn flag(b: bool) -> String {
    if b { "1" } else { "0" }.to_string()
}

pub fn opt_text(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// Texts one per line.
pub fn lines(texts: &[String]) -> String {
    texts.join("\n")
}

/// Words (ids, field names, numbers) separated by spaces.
pub fn words<T: ToString>(words: &[T]) -> String {
    words.iter().map(T::to_string).collect::<Vec<_>>().join(" ")
}

pub fn quarter(q: Quarter) -> String {
    format!("{}Q{}", q.fy, q.q)
}

/// `2021Q1 2021Q2`; `なし` for none; empty for not recorded.
pub fn quarters(q: &Option<Vec<Quarter>>) -> String {
    match q {
        None => String::new(),
        Some(list) if list.is_empty() => NO_QUARTERS.to_string(),
        Some(list) => list.iter().map(|q| quarter(*q)).collect::<Vec<_>>().join(" "),
    }
}

pub fn role(r: Role) -> String {
    match r {
        Role::Objective => OBJECTIVE,
        Role::Reference => REFERENCE,
    }
    .to_string()
}

pub fn direction(d: Direction) -> String {
    match d {
        Direction::Higher => HIGHER,
        Direction::Lower => LOWER,
    }
    .to_string()
}

pub fn era(fy: i32) -> String {
    FiscalYear(fy).era_label()
}

// ---- reading ----

/// Excel writes a line break inside a cell as LF, some tools as CRLF.
pub fn normalise_breaks(cell: &str) -> String {
    cell.replace("\r\n", "\n").replace('\r', "\n")
}

/// An optional text: empty = `None`; kept verbatim otherwise.
pub fn read_opt_text(cell: &str) -> Option<String> {
    let text = normalise_breaks(cell);
    (!text.trim().is_empty()).then_some(text)
}

/// A required text.
pub fn read_text(cell: &str) -> Result<String, CellError> {
    read_opt_text(cell).ok_or_else(|| "is empty; this cell is required".to_string())
}

/// Texts one per line; blank lines are dropped.
pub fn read_lines(cell: &str) -> Vec<String> {
    normalise_breaks(cell).split('\n').filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
}

/// Words separated by spaces (also full-width spaces and line breaks).
pub fn read_words(cell: &str) -> Vec<String> {
    cell.split_whitespace().map(str::to_string).collect()
}

/// Whether `s` is a JSON-style decimal: `-?d+(.d+)?([eE][+-]?d+)?`.
fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let digits = |d: &str| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit());
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    digits(int) && frac.is_none_or(digits) && exponent_ok
}

/// Full-width digits and signs turned half-width (for the hint only).
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '－' | '−' => '-',
            '，' => ',',
            _ => c,
        })
        .collect()
}

/// A number: empty = unknown. `▲` before the digits is read as a minus sign
/// (the 財務 convention); everything else must be a plain number.
pub fn read_number(cell: &str, unit_column: Option<&str>) -> Result<Option<f64>, CellError> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match s.strip_prefix('▲') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    if is_plain_number(body) && !(negative && body.starts_with('-')) {
        let n: f64 = body.parse().map_err(|_| format!("\"{s}\" is not a number"))?;
        if !n.is_finite() {
            return Err(format!("\"{s}\" is out of range"));
        }
        return Ok(Some(if negative { -n } else { n }));
    }
    Err(number_hint(s, body, unit_column))
}

/// Why a cell is not a plain number, and what to write instead.
fn number_hint(s: &str, body: &str, unit_column: Option<&str>) -> CellError {
    let fix = |suggestion: &str| format!("\"{s}\" is not a plain number; write {suggestion}");
    let half = half_width(body);
    if half != body && is_plain_number(&half.replace(',', "")) {
        return fix(&format!("{} in half-width digits", half.replace(',', "")));
    }
    if body.contains(',') && is_plain_number(&body.replace(',', "")) {
        return fix(&format!("{} without the thousands separator", body.replace(',', "")));
    }
    if let Some(n) = body.strip_suffix(['%', '％']).filter(|n| is_plain_number(n.trim())) {
        return fix(&format!("{} without the % sign", n.trim()));
    }
    if matches!(body, "-" | "－" | "—" | "―" | "‐" | "ー") {
        return format!("\"{s}\" is a dash, not a number; leave the cell empty where the source gives no value");
    }
    if ["NaN", "nan", "Infinity", "inf", "undefined", "null", "#N/A", "#VALUE!"].contains(&body) {
        return format!("\"{s}\" is not a number; leave the cell empty where the source gives no value");
    }
    // Digits followed by a unit: "15回", "1,500件".
    let digits_end = body.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-')).unwrap_or(body.len());
    let (number, unit) = body.split_at(digits_end);
    let number = number.replace(',', "");
    if digits_end > 0 && is_plain_number(&number) {
        let where_unit = unit_column.map(|c| format!(" and keep the unit in {c}")).unwrap_or_default();
        return fix(&format!("{number} without the unit \"{}\"{where_unit}", unit.trim()));
    }
    format!(
        "\"{s}\" is not a number; write a plain number such as 1500, 14.1 or -115 (▲115 is read as -115), \
         or leave the cell empty where the source gives none"
    )
}

/// A whole number within `T`'s range.
pub fn read_int<T: TryFrom<i64>>(cell: &str) -> Result<T, CellError> {
    let s = cell.trim();
    if s.is_empty() {
        return Err("is empty; write a whole number".into());
    }
    let whole = s.strip_prefix('-').unwrap_or(s);
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        // A separator, a unit or full-width digits get the number's hint.
        return Err(match read_number(s, None) {
            Err(hint) if hint.contains("not a plain number") => hint,
            _ => format!("\"{s}\" is not a whole number"),
        });
    }
    s.parse::<i64>().ok().and_then(|n| T::try_from(n).ok()).ok_or_else(|| format!("{s} is out of range"))
}

pub fn read_opt_int<T: TryFrom<i64>>(cell: &str) -> Result<Option<T>, CellError> {
    if cell.trim().is_empty() {
        Ok(None)
    } else {
        read_int(cell).map(Some)
    }
}

/// A fiscal year as its western year; an era label gets a hint.
pub fn read_fy(cell: &str) -> Result<i32, CellError> {
    read_int::<i32>(cell).map_err(|e| {
        let s = cell.trim();
        match (1926..=2200).find(|y| FiscalYear(*y).era_label() == s || FiscalYear(*y).short_label() == s) {
            Some(y) => format!("\"{s}\" is an era label; write the western year {y} here (the 和暦 goes in 年度(和暦))"),
            None if s.ends_with("年度") => format!("\"{s}\": write the western year only, such as 2024"),
            None => e,
        }
    })
}

pub fn read_flag(cell: &str) -> Result<bool, CellError> {
    match cell.trim() {
        "1" => Ok(true),
        "0" => Ok(false),
        s => Err(format!("\"{s}\" is not 1 or 0; write 1 for yes, 0 for no")),
    }
}

/// Whole numbers separated by spaces.
pub fn read_int_list(cell: &str) -> Result<Vec<u32>, CellError> {
    read_words(cell)
        .iter()
        .map(|w| read_int::<u32>(w).map_err(|_| format!("\"{w}\" is not a whole number; write numbers separated by spaces, such as 1 2")))
        .collect()
}

pub fn read_quarter(word: &str) -> Result<Quarter, CellError> {
    let bad = || format!("\"{word}\" is not a quarter; write it as 2021Q1 (fiscal year, Q, quarter 1–4)");
    let (fy, q) = word.split_once(['Q', 'q']).ok_or_else(bad)?;
    Ok(Quarter { fy: read_int(fy).map_err(|_| bad())?, q: read_int(q).map_err(|_| bad())? })
}

/// `2021Q1 2021Q2`, `なし` (none), empty or `不明` (not recorded).
pub fn read_quarters(cell: &str) -> Result<Option<Vec<Quarter>>, CellError> {
    match cell.trim() {
        "" | "不明" => Ok(None),
        NO_QUARTERS => Ok(Some(Vec::new())),
        s => read_words(s).iter().map(|w| read_quarter(w)).collect::<Result<_, _>>().map(Some),
    }
}

pub fn read_role(cell: &str) -> Result<Role, CellError> {
    match cell.trim() {
        OBJECTIVE => Ok(Role::Objective),
        REFERENCE => Ok(Role::Reference),
        s => Err(format!("\"{s}\" is not {OBJECTIVE} or {REFERENCE}")),
    }
}

pub fn read_direction(cell: &str) -> Result<Direction, CellError> {
    match cell.trim() {
        HIGHER => Ok(Direction::Higher),
        LOWER => Ok(Direction::Lower),
        s => Err(format!("\"{s}\" is not {HIGHER} or {LOWER}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_through_their_cells() {
        for n in [0.0, 14.1, 0.09, 40_000_000.0, -115.0, 98.23, 1e-7, 123456789.123] {
            assert_eq!(read_number(&number(Some(n)), None), Ok(Some(n)), "{n}");
        }
        assert_eq!(number(None), "");
        assert_eq!(read_number("", None), Ok(None));
        assert_eq!(read_number(" 0 ", None), Ok(Some(0.0)), "0 is a number, not unknown");
    }

    #[test]
    fn a_triangle_is_read_as_minus() {
        assert_eq!(read_number("▲115", None), Ok(Some(-115.0)));
        assert_eq!(read_number("▲ 0.5", None), Ok(Some(-0.5)));
        assert!(read_number("▲-1", None).is_err());
        assert!(read_number("▲", None).is_err());
        assert!(read_number("△115", None).is_err(), "△ is not a minus sign in every document");
    }

    #[test]
    fn near_numbers_get_a_hint() {
        let hint = |s: &str| read_number(s, Some("単位")).unwrap_err();
        assert_eq!(hint("1,500"), "\"1,500\" is not a plain number; write 1500 without the thousands separator");
        assert_eq!(hint("15回"), "\"15回\" is not a plain number; write 15 without the unit \"回\" and keep the unit in 単位");
        assert_eq!(hint("59%"), "\"59%\" is not a plain number; write 59 without the % sign");
        assert_eq!(hint("１５００"), "\"１５００\" is not a plain number; write 1500 in half-width digits");
        assert!(hint("－").contains("is a dash"));
        assert!(hint("NaN").contains("leave the cell empty"));
        assert!(hint("黒字化").starts_with("\"黒字化\" is not a number; write a plain number"));
        for rust_only in ["inf", "+1", ".5", "1.", "0x10", "1_000"] {
            assert!(read_number(rust_only, None).is_err(), "{rust_only}");
        }
    }

    #[test]
    fn fiscal_years_are_western_years() {
        assert_eq!(read_fy("2020"), Ok(2020));
        assert_eq!(read_fy("令和2年度").unwrap_err(), "\"令和2年度\" is an era label; write the western year 2020 here (the 和暦 goes in 年度(和暦))");
        assert_eq!(read_fy("R元").unwrap_err(), "\"R元\" is an era label; write the western year 2019 here (the 和暦 goes in 年度(和暦))");
        assert!(read_fy("2020.5").is_err());
    }

    #[test]
    fn quarters_distinguish_none_from_not_recorded() {
        let q = |fy, q| Quarter { fy, q };
        assert_eq!(quarters(&None), "");
        assert_eq!(quarters(&Some(vec![])), "なし");
        assert_eq!(quarters(&Some(vec![q(2020, 4), q(2021, 1)])), "2020Q4 2021Q1");
        for v in [None, Some(vec![]), Some(vec![q(2020, 4), q(2021, 1)])] {
            assert_eq!(read_quarters(&quarters(&v)), Ok(v));
        }
        assert_eq!(read_quarters("不明"), Ok(None));
        assert!(read_quarters("2021/1").is_err());
    }

    #[test]
    fn texts_keep_line_breaks_and_lists_take_one_per_line() {
        assert_eq!(read_opt_text("a\r\nb"), Some("a\nb".into()));
        assert_eq!(read_opt_text(""), None);
        assert_eq!(read_lines("one\r\ntwo\n\n"), vec!["one", "two"]);
        assert_eq!(read_words(" dx  dept-b\u{3000}x "), vec!["dx", "dept-b", "x"]);
    }
}
