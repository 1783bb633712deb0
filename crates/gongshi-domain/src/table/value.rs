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
    Quantity(Quantity),
    Date(NaiveDate),
    Yes(bool),
    Grades(Grades),
    Score(Score),
    Class(ClassName),
    Count(u32),
}

impl Value {
    /// The value as a cell shows it, and as the parser reads it back.
    pub fn as_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Money(f) => f.to_yuan_string(),
            Value::Quantity(q) => q.to_string(),
            Value::Date(d) => d.to_string(),
            Value::Yes(y) => if *y { "是" } else { "否" }.to_owned(),
            Value::Grades(g) => g.to_string(),
            Value::Score(s) => s.to_string(),
            Value::Class(c) => c.to_string(),
            Value::Count(n) => n.to_string(),
        }
    }
}

/// A quantity in hundredths (2.5 吨 is 250), shown without trailing zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(pub u64);

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{whole}"),
            n if n % 10 == 0 => write!(f, "{whole}.{}", n / 10),
            n => write!(f, "{whole}.{n:02}"),
        }
    }
}

impl Quantity {
    /// This many at `price`, to the fen (half a fen up).
    pub fn times(self, price: crate::Fen) -> Option<crate::Fen> {
        let fen = i128::from(self.0) * i128::from(price.0);
        i64::try_from((fen + 50) / 100).ok().map(crate::Fen)
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
        let bad = || format!("“{cell}”不是班级（例：三年级2班、三(2)班、初一(2)班）");
        let (grade, number) = split_class(cell).ok_or_else(bad)?;
        let grade = parse_grade("", &grade).map_err(|_| bad())?;
        let class = format!("{number}班");
        cx.grades.check("", grade).map_err(|e| e.message)?;
        let of_grade: Vec<&String> = cx
            .classes
            .iter()
            .filter(|(g, _)| *g == grade)
            .map(|(_, c)| c)
            .collect();
        let registered = |c: &&String| split_number(c).as_deref() == Some(number.as_str());
        if !of_grade.is_empty() && !of_grade.iter().any(registered) {
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

/// 三年级2班 → (三年级, 2); 三(2)班, 三（2）班 → (三, 2); 初一2班 → (初一, 2).
/// The class is the number at the end (in brackets or not); the grade
/// what comes before it. 32班 is not split (grade 3 class 2, or 32?).
fn split_class(cell: &str) -> Option<(String, String)> {
    let typed = crate::text::label_key(cell);
    let body = typed.strip_suffix('班')?;
    let (grade, number) = match body.strip_suffix(')') {
        Some(open) => {
            let at = open.rfind('(')?;
            (&open[..at], &open[at + 1..])
        }
        None => {
            let at = body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            (&body[..at], &body[at..])
        }
    };
    let digits = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    let grade_ends_in_digit = grade.chars().last().is_some_and(|c| c.is_ascii_digit());
    (digits && !grade.is_empty() && !grade_ends_in_digit)
        .then(|| (grade.to_owned(), number.trim_start_matches('0').to_owned()))
        .filter(|(_, n)| !n.is_empty())
}

/// A registered class's number: 2班, (2)班, （2）班 → 2.
fn split_number(class: &str) -> Option<String> {
    split_class(&format!("一年级{class}")).map(|(_, n)| n)
}
