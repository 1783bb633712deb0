//! The JSON texts the store keeps inside its columns (stamps, answers,
//! closures, tables, grades, a round's rules), each an explicit, versioned
//! format. The stored shape is declared here field by field, apart from
//! the domain's types, and converted to and from them: renaming a domain
//! field or variant is a compile error here, never a silent change of what
//! schools' files hold. A format changes only with a new version here (and
//! a migration when old rows must be rewritten).
//!
//! Objects carry `"v":1`. A text written before versions were written has
//! no `v` and is version 1 (the shapes are the same); a version this build
//! does not know is refused, not misread.

use gongshi_domain::evaluation::{Component, RoundKind, RoundSettings};
use gongshi_domain::feedback::Answer;
use gongshi_domain::grades::Grades;
use gongshi_domain::item::ItemTable;
use gongshi_domain::lines::appraisal::Scale;
use gongshi_domain::record::{Section, YearText};
use gongshi_domain::revision::{CloseResult, Closure, Stamp};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod forms;
#[cfg(test)]
mod tests;

use forms::*;

/// A domain value with a stored form.
pub(crate) trait Stored: Sized {
    type Form: Serialize + DeserializeOwned;
    fn to_form(&self) -> Self::Form;
    fn from_form(form: Self::Form) -> Self;
}

/// The value's stored text.
pub(crate) fn write<T: Stored>(value: &T) -> String {
    crate::convert::to_json(&value.to_form())
}

/// The value a stored text holds; an unknown version or shape is a
/// conversion error naming it.
pub(crate) fn read<T: Stored>(text: &str) -> rusqlite::Result<T> {
    crate::convert::from_json::<T::Form>(text).map(T::from_form)
}

pub(crate) fn read_opt<T: Stored>(text: Option<String>) -> rusqlite::Result<Option<T>> {
    text.map(|t| read(&t)).transpose()
}

pub(crate) fn write_opt<T: Stored>(value: &Option<T>) -> Option<String> {
    value.as_ref().map(write)
}

/// The version field of a stored object: written as 1; absent reads as 1.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct V1;

impl Serialize for V1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u32(1)
    }
}

impl<'de> Deserialize<'de> for V1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match u32::deserialize(d)? {
            1 => Ok(V1),
            v => Err(serde::de::Error::custom(format!(
                "stored format version {v} is newer than this build reads (1)"
            ))),
        }
    }
}

impl Stored for Stamp {
    type Form = StampV1;
    fn to_form(&self) -> StampV1 {
        StampV1 {
            v: V1,
            by: self.by.clone(),
            on: self.on,
            note: self.note.clone(),
        }
    }
    fn from_form(f: StampV1) -> Self {
        Stamp {
            by: f.by,
            on: f.on,
            note: f.note,
        }
    }
}

impl Stored for Answer {
    type Form = AnswerV1;
    fn to_form(&self) -> AnswerV1 {
        AnswerV1 {
            v: V1,
            text: self.text.clone(),
            responder: self.responder.clone(),
            answered_on: self.answered_on,
        }
    }
    fn from_form(f: AnswerV1) -> Self {
        Answer {
            text: f.text,
            responder: f.responder,
            answered_on: f.answered_on,
        }
    }
}

impl Stored for Closure {
    type Form = ClosureV1;
    fn to_form(&self) -> ClosureV1 {
        ClosureV1 {
            v: V1,
            result: match self.result {
                CloseResult::NoObjection => CloseResultV1::NoObjection,
                CloseResult::ObjectionsHandled => CloseResultV1::ObjectionsHandled,
            },
            on: self.on,
            note: self.note.clone(),
        }
    }
    fn from_form(f: ClosureV1) -> Self {
        Closure {
            result: match f.result {
                CloseResultV1::NoObjection => CloseResult::NoObjection,
                CloseResultV1::ObjectionsHandled => CloseResult::ObjectionsHandled,
            },
            on: f.on,
            note: f.note,
        }
    }
}

impl Stored for ItemTable {
    type Form = TableV1;
    fn to_form(&self) -> TableV1 {
        TableV1 {
            v: V1,
            columns: self.columns.clone(),
            rows: self.rows.clone(),
        }
    }
    fn from_form(f: TableV1) -> Self {
        ItemTable {
            columns: f.columns,
            rows: f.rows,
        }
    }
}

impl Stored for Grades {
    type Form = GradesV1;
    fn to_form(&self) -> GradesV1 {
        match self {
            Grades::WholeSchool => GradesV1::WholeSchool,
            Grades::Some(set) => GradesV1::Some(set.iter().copied().collect()),
        }
    }
    fn from_form(f: GradesV1) -> Self {
        match f {
            GradesV1::WholeSchool => Grades::WholeSchool,
            GradesV1::Some(list) => Grades::Some(list.into_iter().collect()),
        }
    }
}

/// A year's report text: its sections, heading and body.
impl Stored for YearText {
    type Form = YearTextV1;
    fn to_form(&self) -> YearTextV1 {
        YearTextV1 {
            v: V1,
            sections: self
                .sections
                .iter()
                .map(|s| SectionV1 {
                    heading: s.heading.clone(),
                    body: s.body.clone(),
                })
                .collect(),
        }
    }
    fn from_form(f: YearTextV1) -> Self {
        YearText {
            sections: f
                .sections
                .into_iter()
                .map(|s| Section {
                    heading: s.heading,
                    body: s.body,
                })
                .collect(),
        }
    }
}

/// 民主评议's grades. Written only once [`Scale::new`] took them; a text
/// that no longer reads as a scale reads as the default one.
impl Stored for Scale {
    type Form = ScaleV1;
    fn to_form(&self) -> ScaleV1 {
        ScaleV1 {
            v: V1,
            grades: self.grades().to_vec(),
            satisfied: self.satisfied(),
        }
    }
    fn from_form(f: ScaleV1) -> Self {
        Scale::new(&f.grades, f.satisfied).unwrap_or_default()
    }
}

/// A round's rules. Its name is the `eval_rounds.name` column's (one
/// place), not in the text: [`Stored::from_form`] leaves it empty for the
/// reader to fill in. Texts from before kept a copy of the name; it is
/// not read.
impl Stored for RoundSettings {
    type Form = RoundV1;
    fn to_form(&self) -> RoundV1 {
        RoundV1 {
            v: V1,
            kind: match self.kind {
                RoundKind::Award => RoundKindV1::Award,
                RoundKind::Title => RoundKindV1::Title,
                RoundKind::Other => RoundKindV1::Other,
            },
            quota: self.quota,
            criteria: self.criteria.clone(),
            components: (self.components.iter())
                .map(|c| ComponentV1 {
                    name: c.name.clone(),
                    weight: c.weight,
                })
                .collect(),
            tie_break: self.tie_break.clone(),
            posting_days: self.posting_days,
            objection_office: self.objection_office.clone(),
            objection_phone: self.objection_phone.clone(),
            name_unranked: self.name_unranked,
        }
    }
    fn from_form(f: RoundV1) -> Self {
        RoundSettings {
            name: String::new(),
            kind: match f.kind {
                RoundKindV1::Award => RoundKind::Award,
                RoundKindV1::Title => RoundKind::Title,
                RoundKindV1::Other => RoundKind::Other,
            },
            quota: f.quota,
            criteria: f.criteria,
            components: (f.components.into_iter())
                .map(|c| Component {
                    name: c.name,
                    weight: c.weight,
                })
                .collect(),
            tie_break: f.tie_break,
            posting_days: f.posting_days,
            objection_office: f.objection_office,
            objection_phone: f.objection_phone,
            name_unranked: f.name_unranked,
        }
    }
}
