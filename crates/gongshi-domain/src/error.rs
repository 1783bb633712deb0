use thiserror::Error;

/// A value a user typed that the rules refuse. `field` is the Chinese label
/// the user sees on the form (学校名称, 监督电话…), so the message can name it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}：{message}")]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Every refusal of the domain rules. A form can have several bad fields at
/// once; they are all reported, not only the first.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{}", join_fields(.0))]
    Fields(Vec<FieldError>),
}

fn join_fields(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("；")
}

impl From<FieldError> for DomainError {
    fn from(e: FieldError) -> Self {
        DomainError::Fields(vec![e])
    }
}

/// Collects field errors while a whole form is checked.
#[derive(Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn finish(self) -> Result<(), DomainError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Fields(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_bad_fields_are_named_in_one_message() {
        let mut errs = FieldErrors::default();
        errs.check::<()>(Err(FieldError::new("学校名称", "不能为空")));
        errs.check::<()>(Err(FieldError::new("监督电话", "格式不正确")));
        let msg = errs.finish().unwrap_err().to_string();
        assert_eq!(msg, "学校名称：不能为空；监督电话：格式不正确");
    }
}
