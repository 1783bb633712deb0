//! Plain text fields: trimmed, length-limited, never markup.

use crate::FieldError;

/// Trims `value` and checks it is at most `max_chars` characters
/// (characters, not bytes: 学 is one). Empty is allowed here; see [`required`].
pub fn limited(field: &'static str, value: &str, max_chars: usize) -> Result<String, FieldError> {
    let value = value.trim();
    if value.chars().count() > max_chars {
        return Err(FieldError::new(
            field,
            format!("不能超过{max_chars}个字（现有{}个）", value.chars().count()),
        ));
    }
    if let Some(message) = hidden_character(value) {
        return Err(FieldError::new(field, message));
    }
    Ok(value.to_owned())
}

/// Whether `c` is a character that prints as nothing yet is there: a
/// control character (but a line break or a tab), a format character
/// (Unicode category Cf: zero-width spaces and joiners, the marks that turn
/// text right-to-left — U+202E shows 号学 for 学号 —, the byte-order mark,
/// invisible operators, tags) or a line or paragraph separator.
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_format(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's format characters (general category Cf, Unicode 16).
fn is_format(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

/// Where the first hidden character is, and which, in words: the position,
/// not the character, since it cannot be seen. Counted in characters; in
/// text of several lines, by line and character in the line.
fn hidden_character(value: &str) -> Option<String> {
    let multiline = value.contains('\n');
    for (line_index, line) in value.split('\n').enumerate() {
        if let Some((i, c)) = line.chars().enumerate().find(|(_, c)| is_hidden(*c)) {
            let place = if multiline {
                format!("第{}行第{}个字符", line_index + 1, i + 1)
            } else {
                format!("第{}个字符", i + 1)
            };
            return Some(format!(
                "{place}是看不见的控制字符（U+{:04X}），请删去",
                u32::from(c)
            ));
        }
    }
    None
}

/// Like [`limited`], and refuses an empty or blank value.
pub fn required(field: &'static str, value: &str, max_chars: usize) -> Result<String, FieldError> {
    let value = limited(field, value, max_chars)?;
    if value.is_empty() {
        return Err(FieldError::new(field, "不能为空"));
    }
    Ok(value)
}

/// A list typed in one box — hotlines, a group's members: items apart by
/// commas (either width), 、 or semicolons; blanks dropped. Not by spaces:
/// a phone number is written 0371 6523 8001.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A list as the one box shows it: [`split_list`] reads it back.
pub fn join_list(items: &[String]) -> String {
    items.join("，")
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn a_list_splits_on_commas_and_keeps_spaces_inside_an_item() {
        let list = split_list(" 12345，0371 6523 8001、12315;; ");
        assert_eq!(list, ["12345", "0371 6523 8001", "12315"]);
        assert_eq!(split_list(&join_list(&list)), list);
        assert!(split_list(" ，、").is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_counts_characters_not_bytes() {
        assert_eq!(limited("名称", "  学校  ", 2).unwrap(), "学校");
        assert!(limited("名称", "学校名", 2).is_err());
    }

    #[test]
    fn required_refuses_blank() {
        let e = required("学校名称", "   ", 10).unwrap_err();
        assert_eq!(e.to_string(), "学校名称：不能为空");
    }

    #[test]
    fn control_characters_are_refused() {
        assert!(limited("地址", "a\u{0}b", 10).is_err());
        assert!(limited("地址", "第一行\n第二行", 10).is_ok());
        assert!(limited("地址", "第一行\t第二行", 10).is_ok());
    }

    /// Invisible and direction-changing characters are refused, naming
    /// the field, the position and the code point.
    #[test]
    fn invisible_characters_are_refused_by_position() {
        for (input, message) in [
            (
                "关于\u{202E}结果公示",
                "第3个字符是看不见的控制字符（U+202E），请删去",
            ),
            (
                "\u{200B}标题",
                "第1个字符是看不见的控制字符（U+200B），请删去",
            ),
            (
                "标题\u{200C}",
                "第3个字符是看不见的控制字符（U+200C），请删去",
            ),
            (
                "王\u{200D}老师",
                "第2个字符是看不见的控制字符（U+200D），请删去",
            ),
            (
                "王\u{200E}",
                "第2个字符是看不见的控制字符（U+200E），请删去",
            ),
            (
                "王\u{200F}",
                "第2个字符是看不见的控制字符（U+200F），请删去",
            ),
            ("a\u{202A}", "第2个字符是看不见的控制字符（U+202A），请删去"),
            ("a\u{202B}", "（U+202B）"),
            ("a\u{202C}", "（U+202C）"),
            ("a\u{202D}", "（U+202D）"),
            ("a\u{2060}", "（U+2060）"),
            ("a\u{2064}", "（U+2064）"),
            ("a\u{2066}", "（U+2066）"),
            ("a\u{2067}", "（U+2067）"),
            ("a\u{2068}", "（U+2068）"),
            ("a\u{2069}", "（U+2069）"),
            (
                "\u{FEFF}学校",
                "第1个字符是看不见的控制字符（U+FEFF），请删去",
            ),
            ("学\u{00AD}校", "（U+00AD）"),
            ("学\u{061C}校", "（U+061C）"),
            ("学\u{180E}校", "（U+180E）"),
            ("学\u{E0041}校", "（U+E0041）"),
            ("学\u{2028}校", "（U+2028）"),
            ("a\u{7}b", "第2个字符是看不见的控制字符（U+0007），请删去"),
            ("a\u{7F}", "（U+007F）"),
            ("a\u{85}b", "（U+0085）"),
            (
                "第一行\n第二\u{202E}行",
                "第2行第3个字符是看不见的控制字符（U+202E），请删去",
            ),
        ] {
            let err = limited("标题", input, 100).unwrap_err().to_string();
            assert!(err.starts_with("标题："), "{input:?}: {err}");
            assert!(err.contains(message), "{input:?}: {err}");
            assert!(
                !err.contains(input.trim()),
                "the input itself is not repeated: {err}"
            );
        }
    }

    #[test]
    fn visible_text_is_kept() {
        for input in [
            "2026年度优秀教师评选结果公示",
            "<img src=x onerror=alert(1)>",
            "Ünïcødé – “引号” ①②③ 〇 ㊣ 𠀀",
            "全角　空格",
            "第一行\n第二行",
        ] {
            assert_eq!(
                limited("标题", input, 100).as_deref(),
                Ok(input),
                "{input:?}"
            );
        }
    }

    #[test]
    fn what_is_hidden() {
        let hidden: Vec<char> = ('\0'..=char::MAX).filter(|c| is_hidden(*c)).collect();
        assert!(hidden.contains(&'\u{202E}') && hidden.contains(&'\u{FEFF}'));
        assert!(!hidden.contains(&'\n') && !hidden.contains(&'\t'));
        assert!(!hidden.contains(&' ') && !hidden.contains(&'\u{3000}'));
        assert!(!hidden.contains(&'学'));
    }
}

/// The half-width form of a full-width ASCII character (`１` → `1`, `．`
/// → `.`, `（` → `(`) and of the ideographic space; anything else as is.
/// What clerks type on a Chinese keyboard, read as what they mean.
pub fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFF01 + 0x21).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// A whole number as typed in a field (５２ too): never negative.
pub fn whole_number(field: &'static str, typed: &str) -> Result<u32, FieldError> {
    let value = half_width_str(typed.trim());
    if value.starts_with('-') {
        return Err(FieldError::new(field, "不能为负数"));
    }
    value
        .parse()
        .map_err(|_| FieldError::new(field, format!("“{typed}”不是整数")))
}

/// A text read as [`half_width`] reads each of its characters.
pub fn half_width_str(s: &str) -> String {
    s.chars().map(half_width).collect()
}

/// A label as typed compared by what it says: half width, no spaces
/// (金额（元） is 金额(元), 姓 名 is 姓名).
pub fn label_key(s: &str) -> String {
    s.chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod half_width_tests {
    use super::half_width;

    #[test]
    fn full_width_ascii_becomes_half_width() {
        let typed: String = "１２３．５０（＋８６）　ａＺ"
            .chars()
            .map(half_width)
            .collect();
        assert_eq!(typed, "123.50(+86) aZ");
        assert_eq!(half_width('校'), '校');
    }
}
