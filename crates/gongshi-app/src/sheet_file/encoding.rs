//! Which text a file's bytes hold: UTF-8 (with or without its BOM), UTF-16
//! with its BOM (Excel's “Unicode 文本”), or GBK (GB18030) as Excel and
//! Notepad write on a Chinese Windows — and, when it is none of them, why,
//! by line. A guess that would read garbage is refused rather than made:
//! a UTF-8 BOM before GBK, UTF-8 lines among GBK ones, broken UTF-16.

use encoding_rs::{Encoding, GB18030};

/// Why a file's bytes are not text that can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextFault {
    /// Not text at all; `kind` says what it looks like.
    Binary { line: usize, kind: &'static str },
    /// UTF-16 without the BOM that says so (and which byte order).
    Utf16WithoutBom,
    /// Text with a character in it that prints as nothing.
    Hidden(Hidden),
    /// Text in no encoding that can be told, or broken; said in full.
    Encoding(String),
}

impl TextFault {
    /// The fault in a clause (for a sentence the caller makes).
    pub fn detail(&self) -> String {
        match self {
            TextFault::Binary { line, kind } => format!("第{line}行起是二进制内容（{kind}）"),
            TextFault::Utf16WithoutBom => {
                "它像是 UTF-16 编码（Excel 的“Unicode 文本”），但开头没有标明字节顺序的 BOM，读不出来".into()
            }
            TextFault::Hidden(hidden) => hidden.to_string(),
            TextFault::Encoding(message) => message.clone(),
        }
    }
}

/// A character that prints as nothing, where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hidden {
    pub line: usize,
    /// In characters, from 1.
    pub column: usize,
    pub c: char,
}

impl std::fmt::Display for Hidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "第{}行第{}个字符是看不见的控制字符（U+{:04X}），请删去",
            self.line,
            self.column,
            u32::from(self.c)
        )
    }
}

/// The first character of `text` that `hidden` picks, by line and column.
pub fn find_hidden(text: &str, hidden: impl Fn(char) -> bool) -> Option<Hidden> {
    let at = text.find(hidden)?;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    Some(Hidden {
        line: line_of(text.as_bytes(), at),
        column: text[start..at].chars().count() + 1,
        c: text[at..].chars().next()?,
    })
}

/// A control character other than the line breaks and the tab a CSV or
/// a notice is made of.
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// More control characters than this and the file is binary, not text
/// with a stray character typed into it.
const STRAY_CONTROLS: usize = 8;

/// What the first bytes say a file is, when they say it.
const MAGIC: [(&[u8], &str); 6] = [
    (b"PK\x03\x04", "像是 .xlsx 工作簿或压缩包"),
    (b"%PDF", "像是 PDF 文件"),
    (b"\x89PNG", "像是图片"),
    (b"\xff\xd8\xff", "像是图片"),
    (b"GIF8", "像是图片"),
    (b"\xd0\xcf\x11\xe0", "像是旧版 Excel（.xls）或 Word 文件"),
];

/// The text of a file a clerk says is text: see the module's rules.
/// Control characters are refused (a few: by place; many: as binary).
pub fn decode_text(bytes: &[u8]) -> Result<String, TextFault> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(TextFault::Binary { line: 1, kind });
    }
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => utf16(&bytes[bom..], encoding)?,
        _ if looks_like_utf16(bytes) => return Err(TextFault::Utf16WithoutBom),
        _ => {
            // Before guessing the encoding: binary bytes are no encoding.
            refuse_controls(&String::from_utf8_lossy(bytes))?;
            utf8_or_gbk(bytes)?
        }
    };
    refuse_controls(&text)?;
    Ok(text)
}

fn refuse_controls(text: &str) -> Result<(), TextFault> {
    let Some(first) = find_hidden(text, is_control) else {
        return Ok(());
    };
    if text
        .chars()
        .filter(|c| is_control(*c))
        .nth(STRAY_CONTROLS)
        .is_some()
    {
        let kind = "像是 Excel 工作簿、图片或其他二进制文件";
        return Err(TextFault::Binary {
            line: first.line,
            kind,
        });
    }
    Err(TextFault::Hidden(first))
}

/// UTF-16 without a BOM: NUL bytes (which UTF-8 and GBK text never has)
/// in a file that reads, one way round, as Chinese text.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    bytes.contains(&0)
        && [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
            .iter()
            .any(|encoding| {
                let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
                !had_errors
                    && text.chars().all(|c| {
                        matches!(c, '\t' | '\n' | '\r')
                            || (c.is_ascii() && !c.is_ascii_control())
                            || is_chinese(c)
                    })
            })
}

/// A character of Chinese text: a CJK ideograph, CJK or full-width
/// punctuation.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

fn utf16(body: &[u8], encoding: &'static Encoding) -> Result<String, TextFault> {
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let at = text.find('\u{fffd}').unwrap_or(0);
        return Err(TextFault::Encoding(format!(
            "这个 UTF-16 编码（Unicode 文本）的文件第{}行有损坏的字，读不出来（文件可能不完整）",
            line_of(text.as_bytes(), at)
        )));
    }
    Ok(text.into_owned())
}

const SAVE_AS_UTF8: &str = "请用记事本或 Excel 另存为 UTF-8 编码后再导入";

fn utf8_or_gbk(bytes: &[u8]) -> Result<String, TextFault> {
    let (body, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(body) => (body, true),
        None => (bytes, false),
    };
    let not_utf8 = match std::str::from_utf8(body) {
        Ok(text) => return Ok(text.to_owned()),
        Err(e) => line_of(body, e.valid_up_to()),
    };
    if bom {
        return Err(TextFault::Encoding(format!(
            "文件开头标明是 UTF-8 编码，第{not_utf8}行却不是 UTF-8（像是 GBK）：编码前后不一致，读出来会是乱码。{SAVE_AS_UTF8}"
        )));
    }
    if let Some(utf8) = chinese_utf8_line(body) {
        return Err(TextFault::Encoding(format!(
            "第{not_utf8}行是 GBK 编码，第{utf8}行却是 UTF-8 编码：一个文件里混用了两种编码，读出来会有乱码。{SAVE_AS_UTF8}"
        )));
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(body);
    if had_errors {
        let at = text.find('\u{fffd}').unwrap_or(0);
        return Err(TextFault::Encoding(format!(
            "第{}行有既不是 UTF-8 也不是 GBK 编码的内容，读不出来（文件可能已损坏）。{SAVE_AS_UTF8}",
            line_of(text.as_bytes(), at)
        )));
    }
    Ok(text.into_owned())
}

/// The first line (from 1) that is Chinese written in UTF-8: valid UTF-8
/// whose every other character is ASCII. GBK bytes read as UTF-8 almost
/// never give only Chinese characters, so a GBK line is not taken for one.
fn chinese_utf8_line(bytes: &[u8]) -> Option<usize> {
    bytes
        .split(|b| *b == b'\n')
        .position(|line| {
            std::str::from_utf8(line)
                .is_ok_and(|s| !s.is_ascii() && s.chars().all(|c| c.is_ascii() || is_chinese(c)))
        })
        .map(|i| i + 1)
}

/// The line (from 1) of the byte at `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_lines_are_not_taken_for_utf8() {
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,总分\n张三,95\n是,否\n");
        assert_eq!(chinese_utf8_line(&gbk), None);
        assert_eq!(decode_text(&gbk).unwrap(), "姓名,总分\n张三,95\n是,否\n");
    }

    #[test]
    fn utf16_with_its_bom_reads_either_way_round() {
        for bom in [[0xff, 0xfe], [0xfe, 0xff]] {
            let mut bytes = bom.to_vec();
            for unit in "项目,金额\n".encode_utf16() {
                let pair = if bom[0] == 0xff {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                bytes.extend(pair);
            }
            assert_eq!(decode_text(&bytes).unwrap(), "项目,金额\n");
        }
    }
}
