//! DTOs of evaluation rounds.

use gongshi_app::domain::evaluation::{self, Component, Outcome, RoundKind, RoundSettings};
use gongshi_app::store::Round;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::table::TableSchemaDto;
use crate::error::ApiError;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComponentDto {
    pub name: String,
    /// percent
    pub weight: u32,
}

/// A round's rules, as the editor shows and sends them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RoundDto {
    pub name: String,
    /// award | title | other
    pub kind: String,
    pub quota: u32,
    pub criteria: String,
    pub components: Vec<ComponentDto>,
    pub tie_break: Vec<String>,
    pub posting_days: u32,
    pub objection_office: String,
    pub objection_phone: String,
    /// Whether the public result sheet names those not ranked.
    pub name_unranked: bool,
}

impl From<&RoundSettings> for RoundDto {
    fn from(s: &RoundSettings) -> Self {
        Self {
            name: s.name.clone(),
            kind: s.kind.code().into(),
            quota: s.quota,
            criteria: s.criteria.clone(),
            components: s
                .components
                .iter()
                .map(|c| ComponentDto {
                    name: c.name.clone(),
                    weight: c.weight,
                })
                .collect(),
            tie_break: s.tie_break.clone(),
            posting_days: s.posting_days,
            objection_office: s.objection_office.clone(),
            objection_phone: s.objection_phone.clone(),
            name_unranked: s.name_unranked,
        }
    }
}

impl RoundDto {
    pub fn into_settings(self) -> Result<RoundSettings, ApiError> {
        Ok(RoundSettings {
            name: self.name,
            kind: RoundKind::parse(&self.kind)?,
            quota: self.quota,
            criteria: self.criteria,
            components: self
                .components
                .into_iter()
                .map(|c| Component {
                    name: c.name,
                    weight: c.weight,
                })
                .collect(),
            tie_break: self.tie_break,
            posting_days: self.posting_days,
            objection_office: self.objection_office,
            objection_phone: self.objection_phone,
            name_unranked: self.name_unranked,
        })
    }

    /// A new round's defaults, as the domain sets them (the CLI's too).
    pub fn defaults() -> Self {
        Self::from(&RoundSettings::default())
    }
}

/// One line of the ranking.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RankedDto {
    /// None for a vetoed candidate
    pub rank: Option<u32>,
    pub name: String,
    pub department: String,
    pub scores: Vec<String>,
    /// 92.60, exact
    pub total: String,
    /// recommended | tied | not | vetoed
    pub outcome: String,
    /// 拟推荐, 并列（名额线）, 不符合推荐条件 or empty
    pub label: String,
    /// Internal: a veto's reason (shown to the committee, never printed).
    pub note: String,
}

/// A round as the screen shows it: its rules, its candidates as grid
/// cells, the ranking with the quota line.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundViewDto {
    pub round: RoundDto,
    pub formula: String,
    pub tie_rule: String,
    /// The scores' table: the grid's columns, the template's header.
    pub schema: TableSchemaDto,
    pub candidates: Vec<Vec<String>>,
    pub ranking: Vec<RankedDto>,
    pub tie_note: Option<String>,
    pub item_id: Option<i64>,
    /// Why it can no longer change, once its result was submitted.
    pub frozen: Option<String>,
}

impl RoundViewDto {
    pub fn new(r: &Round, frozen: Option<String>) -> Self {
        let s = &r.settings;
        let ranking = evaluation::rank(s, &r.candidates);
        Self {
            round: s.into(),
            formula: s.formula(),
            tie_rule: s.tie_rule(),
            schema: (&evaluation::schema(s)).into(),
            candidates: r.candidates.iter().map(|c| c.cells(s)).collect(),
            ranking: ranking
                .iter()
                .map(|x| {
                    let c = &r.candidates[x.index];
                    RankedDto {
                        rank: x.rank,
                        name: c.name.clone(),
                        department: c.department.clone(),
                        scores: c.scores.iter().map(ToString::to_string).collect(),
                        total: x.total.to_string(),
                        outcome: match x.outcome {
                            Outcome::Recommended => "recommended",
                            Outcome::TiedAtQuota => "tied",
                            Outcome::NotRecommended => "not",
                            Outcome::Vetoed => "vetoed",
                        }
                        .into(),
                        label: x.outcome.label().into(),
                        note: c.note.clone(),
                    }
                })
                .collect(),
            tie_note: gongshi_app::evaluations::tie_note(r, &ranking),
            item_id: r.item_id,
            frozen,
        }
    }
}
