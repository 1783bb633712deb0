//! 收费对比: a semester's fees per student, grade by grade, school beside
//! school — the newest schedule each school published for the term.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use chrono::NaiveDate;
use gongshi_domain::grades::grade_name;
use serde::Deserialize;

use super::{AppState, PageError, esc, layout, yuan};
use crate::reads;

/// `?term=2026-09-01`; anything else shows the newest term.
#[derive(Deserialize)]
pub struct Term {
    term: Option<String>,
}

pub async fn page(
    State(state): State<AppState>,
    q: Result<Query<Term>, QueryRejection>,
) -> Result<Html<String>, PageError> {
    let terms = reads::fee_terms(&state.pool).await?;
    let asked = q
        .ok()
        .and_then(|Query(q)| q.term)
        .and_then(|t| t.parse::<NaiveDate>().ok());
    let unknown = asked.filter(|t| !terms.contains(t));
    let asked = asked.filter(|t| terms.contains(t));
    let Some(term) = asked.or_else(|| terms.first().copied()) else {
        return Ok(layout("收费对比", "<p>尚未收到任何学校的收费公示。</p>"));
    };
    let lines = reads::fees(&state.pool, term).await?;
    let mut grades: Vec<i16> = lines
        .iter()
        .flat_map(|l| l.grades.iter().map(|g| g.0))
        .collect();
    grades.sort_unstable();
    grades.dedup();
    let mut html = String::new();
    if let Some(t) = unknown {
        html += &format!("<p class=bad>没有学校公示过从{t}开学的学期；下面是最近的学期。</p>");
    }
    html += "<p>学期：";
    for t in &terms {
        let name = term_name(*t);
        html += &if *t == term {
            format!("<b>{name}</b> ")
        } else {
            format!(r#"<a href="/fees?term={t}">{name}</a> "#)
        };
    }
    html += "</p><p class=muted>每生每学期应缴合计（元）；括号内为自愿项目合计。</p>";
    html += "<table id=fees><tr><th>学校</th><th>公示日期</th>";
    for g in &grades {
        html += &format!(
            "<th>{}</th>",
            esc(&grade_name(u8::try_from(*g).unwrap_or(0)))
        );
    }
    html += "</tr>";
    for l in &lines {
        html += &format!(
            r#"<tr data-school="{}"><td>{}</td><td>{}</td>"#,
            esc(&l.code),
            esc(&l.school),
            l.published_on
        );
        for g in &grades {
            html += &match l.grades.iter().find(|x| x.0 == *g) {
                Some((_, required, voluntary)) => format!(
                    r#"<td class=n data-grade="{g}" data-fen="{required}" data-voluntary-fen="{voluntary}">{}{}</td>"#,
                    yuan(*required),
                    if *voluntary > 0 {
                        format!("（{}）", yuan(*voluntary))
                    } else {
                        String::new()
                    }
                ),
                None => "<td></td>".to_owned(),
            };
        }
        html += "</tr>";
    }
    html += "</table>";
    Ok(layout(&format!("收费对比 · {}", term_name(term)), &html))
}

/// 2026—2027学年第一学期, from the term's first day.
fn term_name(start: NaiveDate) -> String {
    use chrono::Datelike;
    let (year, first) = if start.month() >= 9 {
        (start.year(), true)
    } else {
        (start.year() - 1, false)
    };
    format!(
        "{year}—{}学年第{}学期",
        year + 1,
        if first { "一" } else { "二" }
    )
}
