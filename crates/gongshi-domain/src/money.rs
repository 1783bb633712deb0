//! Money is integer fen (分). Never a float.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FieldError;

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

impl Fen {
    /// An amount that may be negative (a balance in deficit): `-1,280.00`
    /// or `−1280`; otherwise as [`Fen::parse`].
    pub fn parse_signed(field: &'static str, input: &str) -> Result<Fen, FieldError> {
        let t = input.trim();
        match t.strip_prefix(['-', '−', '－']) {
            Some(rest) => Fen::parse(field, rest).map(|f| Fen(-f.0)),
            None => Fen::parse(field, t),
        }
    }

    /// Reads an amount in yuan as typed or as a spreadsheet shows it:
    /// `1280`, `1,280.00`, `1280.5`, `¥1,280.00`, `1280元`. Refuses more than
    /// two decimals, negatives, words and empty input, naming `field`.
    pub fn parse(field: &'static str, input: &str) -> Result<Fen, FieldError> {
        let refuse = |why: &str| Err(FieldError::new(field, format!("“{input}”{why}")));
        let text: String = input
            .trim()
            .trim_start_matches(['¥', '￥'])
            .trim_end_matches('元')
            .chars()
            .map(|c| match c {
                '０'..='９' => crate::text::half_width(c),
                '，' => ',',
                '．' => '.',
                _ => c,
            })
            .collect();
        if text.is_empty() {
            return Err(FieldError::new(field, "不能为空"));
        }
        if text.starts_with('-') {
            return refuse("不能为负数");
        }
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        if whole.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit() || c == ',')
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return refuse("不是金额（例：1280 或 1,280.00）");
        }
        if frac.len() > 2 {
            return refuse("最多两位小数（到分）");
        }
        if whole.contains(',') {
            let groups: Vec<&str> = whole.split(',').collect();
            let ok = !groups[0].is_empty()
                && groups[0].len() <= 3
                && groups[1..].iter().all(|g| g.len() == 3);
            if !ok {
                return refuse("的千位分隔不对（例：1,280.00）");
            }
        }
        let too_big = || FieldError::new(field, format!("“{input}”太大了"));
        let yuan: i64 = whole.replace(',', "").parse().map_err(|_| too_big())?;
        let fen: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
        yuan.checked_mul(100)
            .and_then(|y| y.checked_add(fen))
            .map(Fen)
            .ok_or_else(too_big)
    }

    /// 人民币大写 per 《支付结算办法》: 1,280.50 → 壹仟贰佰捌拾元伍角整,
    /// 1,005.05 → 壹仟零伍元零伍分, 10.00 → 壹拾元整.
    pub fn to_capitals(self) -> String {
        const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
        let abs = self.0.unsigned_abs();
        let (yuan, jiao, fen) = (abs / 100, (abs / 10 % 10) as usize, (abs % 10) as usize);
        let mut out = String::new();
        if self.0 < 0 {
            out.push('负');
        }
        if yuan > 0 {
            out.push_str(&integer_capitals(yuan));
            out.push('元');
        }
        match (jiao, fen) {
            (0, 0) => out.push_str(if yuan > 0 { "整" } else { "零元整" }),
            (j, 0) => {
                out.push(DIGITS[j]);
                out.push_str("角整");
            }
            (0, f) => {
                if yuan > 0 {
                    out.push('零');
                }
                out.push(DIGITS[f]);
                out.push('分');
            }
            (j, f) => {
                out.push(DIGITS[j]);
                out.push('角');
                out.push(DIGITS[f]);
                out.push('分');
            }
        }
        out
    }
}

/// The integer part: groups of four digits with 万 and 亿. Skipped digits
/// inside the number read as one 零 (壹仟零伍, 壹拾万零伍佰); zeros closing a
/// group or the number are not read (壹拾万伍仟, 壹拾元).
fn integer_capitals(n: u64) -> String {
    const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
    const UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
    const GROUPS: [&str; 4] = ["", "万", "亿", "万亿"];
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push((rest % 10_000) as usize);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut zero = false;
    for (index, &group) in groups.iter().enumerate().rev() {
        if group == 0 {
            zero = !out.is_empty();
            continue;
        }
        for (k, d) in [group / 1000, group / 100 % 10, group / 10 % 10, group % 10]
            .into_iter()
            .enumerate()
        {
            if d == 0 {
                zero = zero || !out.is_empty();
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(DIGITS[d]);
            out.push_str(UNITS[3 - k]);
        }
        out.push_str(GROUPS[index]);
        zero = false;
    }
    out
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
    fn accepted_amounts() {
        for (input, fen) in [
            ("1280", 128000),
            ("1,280.00", 128000),
            ("1280.5", 128050),
            ("¥1,280.50", 128050),
            ("1280元", 128000),
            ("０.05", 5),
            ("0", 0),
            ("100,000.00", 10000000),
        ] {
            assert_eq!(Fen::parse("金额", input), Ok(Fen(fen)), "{input}");
        }
    }

    #[test]
    fn refused_amounts_name_the_field() {
        for (input, why) in [
            ("12.345", "两位小数"),
            ("-5", "负数"),
            ("一百", "不是金额"),
            ("", "不能为空"),
            ("12,80", "千位分隔"),
            ("1.2.3", "不是金额"),
        ] {
            let err = Fen::parse("金额(元)", input).unwrap_err().to_string();
            assert!(err.starts_with("金额(元)："), "{err}");
            assert!(err.contains(why), "{input}: {err}");
        }
    }

    #[test]
    fn capitals_per_the_payment_settlement_rules() {
        for (fen, capitals) in [
            (5, "伍分"),
            (50, "伍角整"),
            (1000, "壹拾元整"),
            (1007, "壹拾元零柒分"),
            (10000000, "壹拾万元整"),
            (100505, "壹仟零伍元零伍分"),
            (128050, "壹仟贰佰捌拾元伍角整"),
            (51450, "伍佰壹拾肆元伍角整"),
            (1005000, "壹万零伍拾元整"),
            (10050000, "壹拾万零伍佰元整"),
            (100050000, "壹佰万零伍佰元整"),
            (10500000, "壹拾万伍仟元整"),
            (1000000000, "壹仟万元整"),
            (10000000000, "壹亿元整"),
            (10000050000, "壹亿零伍佰元整"),
            (200000000000, "贰拾亿元整"),
            (12345678, "壹拾贰万叁仟肆佰伍拾陆元柒角捌分"),
            (0, "零元整"),
        ] {
            assert_eq!(Fen(fen).to_capitals(), capitals, "{}", Fen(fen));
        }
    }

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
