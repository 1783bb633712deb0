//! Phone numbers typed into the app's phone fields. These are the numbers
//! that may print (DOMAIN.md, privacy rule); the check here is only that they
//! look like a phone number a parent could dial.

use crate::FieldError;

/// Accepts landlines with area code (0371-6523 8888, (0371)65238888),
/// mobiles (138 0013 8000), short hotlines (12345, 12315) and extensions
/// (转 or -). Returns the number as typed, trimmed.
pub fn parse(field: &'static str, value: &str) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let allowed = |c: char| c.is_ascii_digit() || " -()（）转+".contains(c);
    if !value.chars().all(allowed) {
        return Err(FieldError::new(
            field,
            format!("“{value}”不是电话号码：只能包含数字、空格、括号和“-”"),
        ));
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !(5..=20).contains(&digits) {
        return Err(FieldError::new(
            field,
            format!("“{value}”不是电话号码：应有5到20位数字（现有{digits}位）"),
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, ok: bool) {
        assert_eq!(parse("电话", input).is_ok(), ok, "{input}");
    }

    #[test]
    fn phone_forms() {
        check("0371-65238888", true);
        check("(0371)6523 8888", true);
        check("（0371）65238888转8001", true);
        check("13800138000", true);
        check("12345", true);
        check("", true);
        check("1234", false);
        check("电话0371", false);
        check("0371-6523888x", false);
    }
}
