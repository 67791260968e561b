//! Numbers as people read them: grouped digits, 万/億 (or K/M/B) for axis
//! ticks, rates with one decimal, ▲ for negatives in Japanese.

use crate::i18n::Lang;

/// A number as the source would print it, with digit grouping:
/// 1553 → "1,553", 14.1 → "14.1", -115 → "▲115" (ja) / "-115" (en).
///
/// ```
/// use viewmodel::{format::number, i18n::Lang};
/// assert_eq!(number(40_000_000.0, Lang::Ja), "40,000,000");
/// assert_eq!(number(-115.0, Lang::Ja), "▲115");
/// assert_eq!(number(0.09, Lang::En), "0.09");
/// ```
pub fn number(n: f64, lang: Lang) -> String {
    let text = format!("{}", n.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(&f);
    }
    if n < 0.0 {
        match lang {
            Lang::Ja => format!("▲{grouped}"),
            Lang::En => format!("-{grouped}"),
        }
    } else {
        grouped
    }
}

/// A number with its unit: "1,553件", "14.1%", "40,000,000回".
pub fn with_unit(n: f64, unit: Option<&str>, lang: Lang) -> String {
    format!("{}{}", number(n, lang), unit.unwrap_or(""))
}

/// A target or an actual as the source gives it: its words if it has
/// words, else the number with its unit, else "no data".
pub fn value(n: Option<f64>, label: Option<&str>, unit: Option<&str>, lang: Lang) -> String {
    match (n, label) {
        (_, Some(l)) => l.to_string(),
        (Some(n), None) => with_unit(n, unit, lang),
        (None, None) => lang.t().no_data.to_string(),
    }
}

/// An achievement rate: 58.87 → "58.9%".
pub fn rate(r: f64) -> String {
    let rounded = (r * 10.0).round() / 10.0;
    format!("{rounded}%")
}

/// A short axis label: 40,000,000 → "4,000万" (ja) / "40M" (en); small numbers
/// with the decimals they have, less floating-point noise.
///
/// ```
/// use viewmodel::{format::compact, i18n::Lang};
/// assert_eq!(compact(40_000_000.0, Lang::Ja), "4,000万");
/// assert_eq!(compact(150_000_000.0, Lang::Ja), "1.5億");
/// assert_eq!(compact(40_000_000.0, Lang::En), "40M");
/// assert_eq!(compact(2.5, Lang::En), "2.5");
/// ```
pub fn compact(n: f64, lang: Lang) -> String {
    let units: &[(f64, &str)] = match lang {
        Lang::Ja => &[(1e12, "兆"), (1e8, "億"), (1e4, "万")],
        Lang::En => &[(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")],
    };
    for (size, suffix) in units {
        if n.abs() >= *size {
            let scaled = without_float_noise(n / size);
            return format!("{}{suffix}", number(scaled, lang));
        }
    }
    number(without_float_noise(n), lang)
}

/// `x` rounded to nine decimals, which removes floating-point noise
/// (0.1 + 0.2 = 0.30000000000000004 → 0.3); −0 becomes 0. Axis ticks
/// (`chart::Scale::ticks`) and their labels both use it.
pub(crate) fn without_float_noise(x: f64) -> f64 {
    let r = (x * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_keeps_the_source_decimals() {
        assert_eq!(number(1553.0, Lang::Ja), "1,553");
        assert_eq!(number(98.23, Lang::Ja), "98.23");
        assert_eq!(number(1000.5, Lang::En), "1,000.5");
        assert_eq!(number(0.0, Lang::Ja), "0");
        assert_eq!(number(999.0, Lang::Ja), "999");
    }

    #[test]
    fn negatives_use_the_triangle_in_japanese_only() {
        assert_eq!(number(-42.0, Lang::Ja), "▲42");
        assert_eq!(number(-1234.0, Lang::En), "-1,234");
    }

    #[test]
    fn compact_ticks_use_man_and_oku() {
        assert_eq!(compact(10_000.0, Lang::Ja), "1万");
        assert_eq!(compact(100_000_000.0, Lang::Ja), "1億");
        assert_eq!(compact(-20_000.0, Lang::Ja), "▲2万");
        assert_eq!(compact(0.1 + 0.2, Lang::Ja), "0.3");
        assert_eq!(compact(1500.0, Lang::En), "1.5K");
    }

    #[test]
    fn rates_have_one_decimal() {
        assert_eq!(rate(58.865), "58.9%");
        assert_eq!(rate(100.0), "100%");
    }
}
