//! How values are written to SQL: audit times as RFC 3339 UTC text, lists
//! as JSON text. One place, so every table writes them the same way.

use chrono::{DateTime, SecondsFormat, Utc};

pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> String {
    // Serialising our own plain structs and string lists cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}

/// A school's grades, stored as `SchoolGrades::code`.
pub(crate) fn grades(text: &str) -> rusqlite::Result<gongshi_domain::grades::SchoolGrades> {
    gongshi_domain::grades::SchoolGrades::from_code(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown grades: {text}").into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What schools' files hold, as written: a rename of a Rust field or
    /// variant changes these texts and fails here — the format changes
    /// only with a migration. Each text is also read back.
    #[test]
    fn the_stored_json_formats_are_fixed() {
        use gongshi_domain::evaluation::RoundSettings;
        use gongshi_domain::feedback::Answer;
        use gongshi_domain::grades::Grades;
        use gongshi_domain::item::ItemTable;
        use gongshi_domain::revision::Stamp;
        let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        fn same<T>(value: &T, stored: &str)
        where
            T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
        {
            assert_eq!(to_json(value), stored);
            assert_eq!(&from_json::<T>(stored).unwrap(), value);
        }
        same(&Grades::WholeSchool, r#""WholeSchool""#);
        same(&Grades::Some([1, 2, 3].into()), r#"{"Some":[1,2,3]}"#);
        same(
            &Stamp {
                by: "李新义".into(),
                on,
                note: "同意".into(),
            },
            r#"{"by":"李新义","on":"2026-11-24","note":"同意"}"#,
        );
        same(
            &Answer {
                text: "已处理".into(),
                responder: "教务处".into(),
                answered_on: on,
            },
            r#"{"text":"已处理","responder":"教务处","answered_on":"2026-11-24"}"#,
        );
        same(
            &ItemTable {
                columns: vec!["姓名".into()],
                rows: vec![vec!["张三".into()]],
            },
            r#"{"columns":["姓名"],"rows":[["张三"]]}"#,
        );
        same(&RoundSettings::default(), ROUND_V1);
        // A round stored before 名单 could name the unranked reads as off.
        let older = ROUND_V1.replace(r#","name_unranked":false"#, "");
        assert!(!from_json::<RoundSettings>(&older).unwrap().name_unranked);
    }

    /// A round's rules as `eval_rounds.settings` holds them.
    const ROUND_V1: &str = concat!(
        r#"{"name":"","kind":"Award","quota":1,"criteria":"","#,
        r#""components":[{"name":"民意测评","weight":40},{"name":"工作量化","weight":30},"#,
        r#"{"name":"考核成绩","weight":30}],"tie_break":["考核成绩"],"posting_days":5,"#,
        r#""objection_office":"","objection_phone":"","name_unranked":false}"#
    );

    #[test]
    fn timestamps_round_trip_in_utc() {
        let at = DateTime::parse_from_rfc3339("2026-11-24T08:30:00.125+08:00")
            .unwrap()
            .with_timezone(&Utc);
        let text = timestamp(at);
        assert_eq!(text, "2026-11-24T00:30:00.125Z");
        assert_eq!(parse_timestamp(&text).unwrap(), at);
    }
}
