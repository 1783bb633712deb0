//! Money is integer fen (分). Never a float.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An amount in fen: `Fen(128050)` is ¥1,280.50.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Fen(pub i64);

impl Fen {
    /// Yuan with thousands separators and two decimals: 1,280.50.
    pub fn to_yuan_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let yuan = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in yuan.chars().enumerate() {
            if i > 0 && (yuan.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{sign}{grouped}.{:02}", abs % 100)
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_yuan_string())
    }
}

impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Self {
        Fen(iter.map(|f| f.0).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_strings() {
        for (fen, text) in [
            (0, "0.00"),
            (5, "0.05"),
            (128050, "1,280.50"),
            (10000000, "100,000.00"),
            (100505, "1,005.05"),
            (-500, "-5.00"),
        ] {
            assert_eq!(Fen(fen).to_yuan_string(), text);
        }
    }
}
