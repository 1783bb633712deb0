//! A cell's value once read, and 班级 (a class of the school).

use chrono::NaiveDate;

use crate::evaluation::Score;
use crate::grades::{Grades, grade_name, parse_grade};
use crate::money::Fen;
use crate::table::Context;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Empty,
    Text(String),
    Money(Fen),
    Count(u32),
    Date(NaiveDate),
    Yes(bool),
    Grades(Grades),
    Score(Score),
    Class(ClassName),
}

impl Value {
    /// The value as a cell shows it, and as the parser reads it back.
    pub fn as_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Money(f) => f.to_yuan_string(),
            Value::Count(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Yes(y) => if *y { "是" } else { "否" }.to_owned(),
            Value::Grades(g) => g.to_string(),
            Value::Score(s) => s.to_string(),
            Value::Class(c) => c.to_string(),
        }
    }
}

/// A class as schools write it: 三年级2班, 3年级2班, 初一(2)班, 高二3班.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassName {
    pub grade: u8,
    /// 2班
    pub class: String,
}

impl std::fmt::Display for ClassName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", grade_name(self.grade), self.class)
    }
}

impl ClassName {
    /// Reads a class of the school: its grade must be one the school has,
    /// and, where the school entered its classes, the class one of them.
    pub fn parse(cell: &str, cx: &Context) -> Result<ClassName, String> {
        let typed: String = cell
            .chars()
            .map(crate::text::half_width)
            .filter(|c| !c.is_whitespace())
            .collect();
        let example = "例：三年级2班、初一(2)班";
        let split = typed.find("年级").map(|at| at + "年级".len()).or_else(|| {
            (typed.starts_with('初') || typed.starts_with('高'))
                .then(|| typed.char_indices().nth(2).map_or(typed.len(), |(i, _)| i))
        });
        let Some(split) = split else {
            return Err(format!("“{cell}”不是班级（{example}）"));
        };
        let grade = parse_grade("", &typed[..split]).map_err(|e| e.message)?;
        let number: String = typed[split..]
            .trim_end_matches('班')
            .trim_matches(|c| c == '(' || c == ')')
            .to_owned();
        if number.is_empty() || !typed.ends_with('班') {
            return Err(format!("“{cell}”不是班级（{example}）"));
        }
        let class = format!("{number}班");
        cx.grades.check("", grade).map_err(|e| e.message)?;
        let of_grade: Vec<&String> = cx
            .classes
            .iter()
            .filter(|(g, _)| *g == grade)
            .map(|(_, c)| c)
            .collect();
        if !of_grade.is_empty() && !of_grade.contains(&&class) {
            let listed: Vec<&str> = of_grade.iter().map(|c| c.as_str()).collect();
            return Err(format!(
                "本校{}没有{class}（已登记：{}）",
                grade_name(grade),
                listed.join("、")
            ));
        }
        Ok(ClassName { grade, class })
    }
}
