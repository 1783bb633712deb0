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
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(FieldError::new(field, "含有不可见的控制字符"));
    }
    Ok(value.to_owned())
}

/// Like [`limited`], and refuses an empty or blank value.
pub fn required(field: &'static str, value: &str, max_chars: usize) -> Result<String, FieldError> {
    let value = limited(field, value, max_chars)?;
    if value.is_empty() {
        return Err(FieldError::new(field, "不能为空"));
    }
    Ok(value)
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
    }
}
