//! Who is working: the name recorded on every change.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{FieldError, text};

/// A trimmed, non-empty name of at most 20 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OperatorName(String);

impl OperatorName {
    pub const FIELD: &'static str = "操作人";

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        let name = text::required(Self::FIELD, value, 20)?;
        if name.contains('\n') {
            return Err(FieldError::new(Self::FIELD, "不能换行"));
        }
        Ok(Self(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OperatorName {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<OperatorName> for String {
    fn from(value: OperatorName) -> Self {
        value.0
    }
}

impl fmt::Display for OperatorName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(OperatorName::parse(" 王老师 ").unwrap().as_str(), "王老师");
        assert!(OperatorName::parse("").is_err());
        assert!(OperatorName::parse("王\n老师").is_err());
        assert!(OperatorName::parse(&"长".repeat(21)).is_err());
    }
}
