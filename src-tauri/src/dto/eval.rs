//! DTOs of evaluation rounds.

use gongshi_app::domain::evaluation::{self, Component, Outcome, RoundKind, RoundSettings};
use gongshi_app::store::{Round, RoundHead};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dto::table::TableSchemaDto;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ComponentDto {
    pub name: String,
    /// percent
    pub weight: u32,
}

/// A round's kind, as the domain's `RoundKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RoundKindDto {
    Award,
    Title,
    Other,
}

impl From<RoundKind> for RoundKindDto {
    fn from(k: RoundKind) -> Self {
        match k {
            RoundKind::Award => Self::Award,
            RoundKind::Title => Self::Title,
            RoundKind::Other => Self::Other,
        }
    }
}

impl From<RoundKindDto> for RoundKind {
    fn from(k: RoundKindDto) -> Self {
        match k {
            RoundKindDto::Award => Self::Award,
            RoundKindDto::Title => Self::Title,
            RoundKindDto::Other => Self::Other,
        }
    }
}

/// Where a candidate landed, as the domain's `Outcome`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum OutcomeDto {
    Recommended,
    /// Equal to others across the quota line.
    Tied,
    /// Ranked below the line.
    Not,
    /// 师德不合格: not ranked.
    Vetoed,
}

impl From<Outcome> for OutcomeDto {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Recommended => Self::Recommended,
            Outcome::TiedAtQuota => Self::Tied,
            Outcome::NotRecommended => Self::Not,
            Outcome::Vetoed => Self::Vetoed,
        }
    }
}

/// A round in the list: its id (what the app addresses it by; it stays
/// when the round is renamed) and name.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundHeadDto {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

impl From<RoundHead> for RoundHeadDto {
    fn from(h: RoundHead) -> Self {
        Self {
            id: h.id,
            name: h.name,
        }
    }
}

/// A round's rules, as the editor shows and sends them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RoundDto {
    pub name: String,
    pub kind: RoundKindDto,
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
            kind: s.kind.into(),
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
    pub fn into_settings(self) -> RoundSettings {
        RoundSettings {
            name: self.name,
            kind: self.kind.into(),
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
        }
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
    pub outcome: OutcomeDto,
    /// 拟推荐, 并列（名额线）, 不符合推荐条件 or empty
    pub label: String,
    /// Internal: a veto's reason (shown to the committee, never printed).
    pub note: String,
}

/// A round as the screen shows it: its rules, its candidates as grid
/// cells, the ranking with the quota line.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundViewDto {
    /// What the commands address it by.
    #[ts(type = "number")]
    pub id: i64,
    pub round: RoundDto,
    pub formula: String,
    pub tie_rule: String,
    /// The scores' table: the grid's columns, the template's header.
    pub schema: TableSchemaDto,
    pub candidates: Vec<Vec<String>>,
    pub ranking: Vec<RankedDto>,
    pub tie_note: Option<String>,
    #[ts(type = "number | null")]
    pub item_id: Option<i64>,
    /// Why it can no longer change, once its result was submitted.
    pub frozen: Option<String>,
}

impl RoundViewDto {
    pub fn new(r: &Round, frozen: Option<String>) -> Self {
        let s = &r.settings;
        let ranking = evaluation::rank(s, &r.candidates);
        Self {
            id: r.id,
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
                        outcome: x.outcome.into(),
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
