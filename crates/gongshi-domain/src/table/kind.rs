//! What a column holds, how a cell of it is read, and how it is laid out.

use crate::grades::Grades;
use crate::money::Fen;
use crate::table::{Context, Quantity, Value};
use crate::{dates, duties, evaluation::Score, phone, text};

/// A column's kind: how its cells are read and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text up to `max` characters.
    Text {
        max: usize,
    },
    /// Yuan as typed (1,280.00), kept in fen.
    Money,
    /// A quantity above 0, to two decimals (数量: 20 台, 2.5 吨).
    Quantity,
    Date,
    /// One of a list, exactly.
    Choice(&'static [&'static str]),
    /// 是 / 否 (自愿, √, Y too).
    YesNo,
    /// 适用年级 within the school's 学段.
    Grades,
    /// One person's name (spaces taken out, no list, no title).
    Person,
    Phone,
    /// A score out of 100, two decimals.
    Score,
    /// 班级: a grade the school has and a class (三年级2班).
    Class,
    /// A whole count from 0 (票数, 人数): empty is 0.
    Count,
}

/// Where a column's text sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    /// Amounts and numbers, so their digits line up.
    End,
}

/// The largest 数量 a line may have.
pub const QUANTITY_MAX: u64 = 1_000_000;

impl Kind {
    /// A stable code for the faces (the UI's union).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Text { .. } => "text",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Choice(_) => "choice",
            Kind::YesNo => "yes_no",
            Kind::Grades => "grades",
            Kind::Person => "person",
            Kind::Phone => "phone",
            Kind::Score => "score",
            Kind::Class => "class",
            Kind::Count => "count",
        }
    }

    /// The values a cell may take, where it is a choice.
    pub fn choices(self) -> Option<Vec<&'static str>> {
        match self {
            Kind::Choice(list) => Some(list.to_vec()),
            Kind::YesNo => Some(vec!["否", "是"]),
            _ => None,
        }
    }

    pub fn align(self) -> Align {
        match self {
            Kind::Money | Kind::Quantity | Kind::Score | Kind::Count => Align::End,
            _ => Align::Start,
        }
    }

    /// Characters of room the column wants.
    pub fn width(self) -> u16 {
        match self {
            Kind::Text { max } if max <= 10 => 8,
            Kind::Text { max } if max <= 30 => 12,
            Kind::Text { .. } => 16,
            Kind::Money => 10,
            Kind::Quantity | Kind::Score | Kind::YesNo | Kind::Count => 6,
            Kind::Date => 10,
            Kind::Choice(list) => {
                let widest = list.iter().map(|c| c.chars().count()).max().unwrap_or(2);
                u16::try_from(widest).unwrap_or(12).clamp(4, 12) + 2
            }
            Kind::Grades | Kind::Class => 10,
            Kind::Person => 6,
            Kind::Phone => 12,
        }
    }

    /// An empty cell's value (a 是/否 left empty is 否).
    pub(super) fn empty(self) -> Value {
        match self {
            Kind::YesNo => Value::Yes(false),
            Kind::Count => Value::Count(0),
            _ => Value::Empty,
        }
    }

    /// Reads a cell that is not empty; the error is the message alone (the
    /// caller names the column).
    pub(super) fn read(self, cell: &str, cx: &Context) -> Result<Value, String> {
        let msg = |e: crate::FieldError| e.message;
        Ok(match self {
            Kind::Text { max } => Value::Text(text::limited("", cell, max).map_err(msg)?),
            Kind::Money => Value::Money(Fen::parse("", cell).map_err(msg)?),
            Kind::Quantity => Value::Quantity(quantity(cell)?),
            Kind::Date => Value::Date(dates::parse_date("", cell).map_err(msg)?),
            Kind::Choice(list) => Value::Text(choice(cell, list)?),
            Kind::YesNo => Value::Yes(yes_no(cell)?),
            Kind::Grades => {
                let g = Grades::parse("", cell).map_err(msg)?;
                cx.grades.check_grades("", &g).map_err(msg)?;
                Value::Grades(g)
            }
            Kind::Person => Value::Text(duties::person("", cell).map_err(msg)?),
            Kind::Phone => Value::Text(phone::parse("", cell).map_err(msg)?),
            Kind::Score => Value::Score(Score::parse(cell)?),
            Kind::Class => Value::Class(super::ClassName::parse(cell, cx)?),
            Kind::Count => Value::Count(count(cell)?),
        })
    }
}

fn quantity(cell: &str) -> Result<Quantity, String> {
    let typed = text::half_width_str(cell).replace(',', "");
    if typed.starts_with('-') {
        return Err(format!("“{cell}”不能为负数"));
    }
    let (whole, frac) = typed.split_once('.').unwrap_or((&typed, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(frac) {
        return Err(format!("“{cell}”不是数量（例：20 或 2.5）"));
    }
    if frac.len() > 2 {
        return Err(format!("“{cell}”最多两位小数"));
    }
    let whole: u64 = whole
        .parse()
        .map_err(|_| format!("“{cell}”太大了（最多{QUANTITY_MAX}）"))?;
    if whole > QUANTITY_MAX {
        return Err(format!("“{cell}”太大了（最多{QUANTITY_MAX}）"));
    }
    let frac: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
    match whole * 100 + frac {
        0 => Err("不能为0".into()),
        n => Ok(Quantity(n)),
    }
}

/// The largest count a cell may hold.
pub const COUNT_MAX: u32 = 1_000_000;

fn count(cell: &str) -> Result<u32, String> {
    let typed = text::half_width_str(cell).replace(',', "");
    let digits = typed.trim_end_matches(['票', '人']);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("“{cell}”不是整数（例：12）"));
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= COUNT_MAX => Ok(n),
        _ => Err(format!("“{cell}”太大了（最多{COUNT_MAX}）")),
    }
}

fn choice(cell: &str, list: &[&'static str]) -> Result<String, String> {
    let typed = text::half_width_str(cell);
    let same = |c: &&&str| text::half_width_str(c) == typed;
    match list.iter().find(same) {
        Some(c) => Ok((*c).to_owned()),
        None => Err(format!("“{cell}”不是可选的一项（{}）", list.join("、"))),
    }
}

fn yes_no(cell: &str) -> Result<bool, String> {
    match cell {
        "是" | "自愿" | "Y" | "y" | "√" | "✓" => Ok(true),
        "否" | "N" | "n" | "×" => Ok(false),
        other => Err(format!("“{other}”应填“是”或“否”")),
    }
}
