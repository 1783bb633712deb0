//! 公开形式: how a disclosure reached people. The source document names
//! three (公开栏, 会议, 公开信 and 短信 as one form of 家校联系); the
//! register and the report count each.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Form {
    /// Posted on the school's notice board.
    Board,
    /// Announced at a meeting (教代会, 家长会…).
    Meeting,
    /// Letters to parents (致家长的一封信).
    Letter,
    /// A text message to parents or staff.
    Message,
}

impl Form {
    pub const ALL: [Form; 4] = [Form::Board, Form::Meeting, Form::Letter, Form::Message];

    /// How the store writes it.
    pub fn code(self) -> &'static str {
        match self {
            Form::Board => "board",
            Form::Meeting => "meeting",
            Form::Letter => "letter",
            Form::Message => "message",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Form::Board => "公开栏",
            Form::Meeting => "会议",
            Form::Letter => "公开信",
            Form::Message => "短信",
        }
    }

    /// A row's forms as the register prints them: 公开栏、会议.
    pub fn list(forms: &[Form]) -> String {
        let mut forms = forms.to_vec();
        forms.sort();
        forms.dedup();
        forms
            .iter()
            .map(|f| f.label())
            .collect::<Vec<_>>()
            .join("、")
    }
}
