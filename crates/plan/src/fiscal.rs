//! Fiscal years and quarters, and the one place that turns them into labels
//! (令和2年度, R2, 2020年度, FY2020).
//!
//! A Japanese fiscal year starts on 1 April; it is named by the western year
//! in which it starts, and by the era year of that April (令和元年度 = FY2019).

use crate::model::Quarter;
use chrono::{Datelike, NaiveDate};

/// An era and the western year of its first (元) year.
const ERAS: [(&str, &str, i32); 3] = [("令和", "R", 2019), ("平成", "H", 1989), ("昭和", "S", 1926)];

/// A fiscal year, named by the western year in which it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The fiscal year a calendar date falls in.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use plan::fiscal::FiscalYear;
    /// let d = NaiveDate::from_ymd_opt(2021, 3, 31).unwrap();
    /// assert_eq!(FiscalYear::containing(d), FiscalYear(2020));
    /// ```
    pub fn containing(date: NaiveDate) -> FiscalYear {
        if date.month() >= 4 {
            FiscalYear(date.year())
        } else {
            FiscalYear(date.year() - 1)
        }
    }

    fn era(self) -> Option<(&'static str, &'static str, i32)> {
        ERAS.iter()
            .find(|(_, _, first)| self.0 >= *first)
            .map(|(name, short, first)| (*name, *short, self.0 - first + 1))
    }

    fn era_number(n: i32) -> String {
        if n == 1 {
            "元".to_string()
        } else {
            n.to_string()
        }
    }

    /// 令和2年度 (falls back to 2020年度 before 昭和).
    pub fn era_label(self) -> String {
        match self.era() {
            Some((name, _, n)) => format!("{name}{}年度", Self::era_number(n)),
            None => self.western_label(),
        }
    }

    /// R2, R元: the abbreviation the plan's tables use.
    pub fn short_label(self) -> String {
        match self.era() {
            Some((_, short, n)) => format!("{short}{}", Self::era_number(n)),
            None => self.0.to_string(),
        }
    }

    /// 2020年度
    pub fn western_label(self) -> String {
        format!("{}年度", self.0)
    }

    /// FY2020
    pub fn english_label(self) -> String {
        format!("FY{}", self.0)
    }
}

impl Quarter {
    /// The quarter after this one.
    pub fn next(self) -> Quarter {
        if self.q >= 4 {
            Quarter { fy: self.fy + 1, q: 1 }
        } else {
            Quarter { fy: self.fy, q: self.q + 1 }
        }
    }

    /// Every quarter from `from` to `to`, both included (empty if reversed).
    pub fn range(from: Quarter, to: Quarter) -> Vec<Quarter> {
        let mut out = Vec::new();
        let mut q = from;
        while q <= to && q.q >= 1 && q.q <= 4 {
            out.push(q);
            q = q.next();
        }
        out
    }

    /// The calendar months of the quarter, e.g. (1, 3) for Q4 = January–March.
    pub fn months(self) -> (u32, u32) {
        match self.q {
            1 => (4, 6),
            2 => (7, 9),
            3 => (10, 12),
            _ => (1, 3),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reiwa_first_year_is_called_gannen() {
        assert_eq!(FiscalYear(2019).era_label(), "令和元年度");
        assert_eq!(FiscalYear(2019).short_label(), "R元");
        assert_eq!(FiscalYear(2020).era_label(), "令和2年度");
        assert_eq!(FiscalYear(2024).short_label(), "R6");
    }

    #[test]
    fn years_before_reiwa_use_heisei_and_showa() {
        assert_eq!(FiscalYear(2018).era_label(), "平成30年度");
        assert_eq!(FiscalYear(1989).era_label(), "平成元年度");
        assert_eq!(FiscalYear(1988).short_label(), "S63");
        assert_eq!(FiscalYear(1900).era_label(), "1900年度");
    }

    #[test]
    fn western_and_english_labels() {
        assert_eq!(FiscalYear(2029).western_label(), "2029年度");
        assert_eq!(FiscalYear(2029).english_label(), "FY2029");
        assert_eq!(FiscalYear(2029).era_label(), "令和11年度");
    }

    #[test]
    fn fiscal_year_starts_in_april() {
        let march = NaiveDate::from_ymd_opt(2024, 3, 31).unwrap();
        let april = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap();
        assert_eq!(FiscalYear::containing(march), FiscalYear(2023));
        assert_eq!(FiscalYear::containing(april), FiscalYear(2024));
    }

    #[test]
    fn quarter_range_spans_year_boundaries() {
        let all = Quarter::range(Quarter { fy: 2020, q: 4 }, Quarter { fy: 2024, q: 4 });
        assert_eq!(all.len(), 17);
        assert_eq!(all[1], Quarter { fy: 2021, q: 1 });
        assert_eq!(all.last(), Some(&Quarter { fy: 2024, q: 4 }));
        assert!(Quarter::range(Quarter { fy: 2024, q: 1 }, Quarter { fy: 2023, q: 1 }).is_empty());
    }

    #[test]
    fn fourth_quarter_is_january_to_march() {
        assert_eq!(Quarter { fy: 2020, q: 4 }.months(), (1, 3));
        assert_eq!(Quarter { fy: 2020, q: 1 }.months(), (4, 6));
    }
}
