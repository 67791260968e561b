//! Helpers for the CSV tests: a directory exported from a plan, and edits
//! of its files by column name, written back as Excel writes them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub const BUNDLED: &str = include_str!("../../../../public/data/plan.json");
pub const NEXT_PLAN: &str = include_str!("../fixtures/next_plan.json");

/// A temporary directory, removed when dropped.
pub struct Dir(pub PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Dir {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

/// The CSV export of a plan, in a directory of its own.
pub fn exported(tag: &str, json: &str) -> Dir {
    let dir = Dir(std::env::temp_dir().join(format!("gyokaku-{tag}-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(dir.path());
    let plan = plan::parse(json).expect("the plan parses");
    plan::csv::export(&plan, dir.path()).expect("exports");
    dir
}

/// A file's header and rows.
pub struct Csv {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Csv {
    pub fn read(dir: &Path, file: &str) -> Csv {
        let bytes = std::fs::read(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
        let mut all = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>());
        let header = all.next().expect("a header");
        Csv { header, rows: all.collect() }
    }

    /// Written with a BOM and CRLF, as export and Excel's "CSV UTF-8" do.
    pub fn write(&self, dir: &Path, file: &str) {
        let mut out = b"\xEF\xBB\xBF".to_vec();
        {
            let mut w = csv::WriterBuilder::new().flexible(true).terminator(csv::Terminator::CRLF).from_writer(&mut out);
            w.write_record(&self.header).unwrap();
            for r in &self.rows {
                w.write_record(r).unwrap();
            }
        }
        std::fs::write(dir.join(file), out).unwrap();
    }

    pub fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
    }

    /// The index of the one row whose cells match every (column, value).
    pub fn find(&self, keys: &[(&str, &str)]) -> usize {
        let found: Vec<usize> =
            (0..self.rows.len()).filter(|i| keys.iter().all(|(c, v)| self.rows[*i][self.col(c)] == *v)).collect();
        assert_eq!(found.len(), 1, "rows matching {keys:?}");
        found[0]
    }

    pub fn set(&mut self, keys: &[(&str, &str)], column: &str, value: &str) {
        let (i, c) = (self.find(keys), self.col(column));
        self.rows[i][c] = value.to_string();
    }
}

/// Changes one file of a directory.
pub fn edit(dir: &Dir, file: &str, change: impl FnOnce(&mut Csv)) {
    let mut csv = Csv::read(dir.path(), file);
    change(&mut csv);
    csv.write(dir.path(), file);
}

/// Every problem an import reports, as printed; panics if it succeeds.
pub fn problems(dir: &Dir) -> Vec<String> {
    match plan::csv::import(dir.path()) {
        Ok(_) => panic!("the import succeeded"),
        Err(problems) => problems.iter().map(|p| p.to_string()).collect(),
    }
}

/// The imported plan; panics with every problem if it fails.
pub fn imported(dir: &Dir) -> plan::Plan {
    match plan::csv::import(dir.path()) {
        Ok((plan, _warnings)) => plan,
        Err(problems) => panic!("{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")),
    }
}
