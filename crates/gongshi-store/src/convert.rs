//! How values are written to SQL: audit times as RFC 3339 UTC text, plain
//! lists and maps (hotlines, scores, an item's fields) and audit snapshots
//! as JSON text. One place, so every table writes them the same way;
//! structured values go through `formats`, which declares their shapes.

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
