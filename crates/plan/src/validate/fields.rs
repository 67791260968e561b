//! `reconstructed` and `missing`: lists of field names an object carries
//! about itself, each needing a note that explains it.

use super::Findings;
use crate::model::NamedFields;

/// `reconstructed` must name fields of its object, each once, each holding
/// a value, and a note must say how the values were reconstructed.
pub(super) fn check_reconstructed<T: NamedFields>(f: &mut Findings, path: &str, obj: &T, names: &[String], noted: bool) {
    check_field_names(f, &format!("{path}.reconstructed"), obj, names, true);
    if !names.is_empty() && !noted {
        f.error(format!("{path}.reconstructed"), "add a note that says how these values were reconstructed");
    }
}

/// `missing` must name fields of the item, each once, each empty, and a
/// note must say what was lost.
pub(super) fn check_missing<T: NamedFields>(f: &mut Findings, path: &str, obj: &T, names: &[String], noted: bool) {
    check_field_names(f, &format!("{path}.missing"), obj, names, false);
    if !names.is_empty() && !noted {
        f.error(format!("{path}.missing"), "add a note that says what the extraction lost");
    }
}

/// Each name is a field of `obj`, listed once; `hold_values` says whether the
/// named fields must hold a value (`reconstructed`) or be empty (`missing`).
fn check_field_names<T: NamedFields>(f: &mut Findings, path: &str, obj: &T, names: &[String], hold_values: bool) {
    for (j, name) in names.iter().enumerate() {
        let np = format!("{path}[{j}]");
        if names[..j].contains(name) {
            f.error(np, format!("\"{name}\" is listed twice"));
            continue;
        }
        match obj.field_is_empty(name) {
            None => f.error(np, format!("\"{name}\" is not a field of this object; expected one of {}", T::FIELDS.join(", "))),
            Some(true) if hold_values => {
                f.error(np, format!("\"{name}\" is null or empty here, so nothing was reconstructed; remove it"))
            }
            Some(false) if !hold_values => {
                f.error(np, format!("\"{name}\" has a value here, so it was not lost; remove it from `missing`"))
            }
            Some(_) => {}
        }
    }
}
