//! Which years the calendar covers, and how it came to know each: a year
//! counts only when its whole arrangement is known (shipped with the app,
//! imported from the State Council's notice or a calendar file, or
//! confirmed complete by the school). A few days typed in for a year do not
//! make it known: a period across a Spring Festival that is not entered
//! would be counted as ordinary weeks.

use serde::Serialize;

/// How a year's arrangement came to be known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum YearSource {
    /// Shipped with the app (the official data of past notices).
    Official,
    /// Imported from the text of the State Council's notice.
    Notice,
    /// Imported from a calendar file (holiday-cn JSON, .ics).
    File,
    /// Entered day by day and confirmed complete by the school.
    Confirmed,
}

impl YearSource {
    /// The stored spelling (`calendar_years.source`).
    pub fn code(self) -> &'static str {
        match self {
            YearSource::Official => "official",
            YearSource::Notice => "notice",
            YearSource::File => "file",
            YearSource::Confirmed => "confirmed",
        }
    }

    pub fn from_code(code: &str) -> Option<YearSource> {
        [
            YearSource::Official,
            YearSource::Notice,
            YearSource::File,
            YearSource::Confirmed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            YearSource::Official => "随软件提供",
            YearSource::Notice => "导入国务院通知",
            YearSource::File => "导入日历文件",
            YearSource::Confirmed => "逐日录入并确认完整",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_codes_round_trip() {
        for s in [
            YearSource::Official,
            YearSource::Notice,
            YearSource::File,
            YearSource::Confirmed,
        ] {
            assert_eq!(YearSource::from_code(s.code()), Some(s));
        }
        assert_eq!(YearSource::from_code("guess"), None);
    }
}
