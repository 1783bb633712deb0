//! Breaking Chinese (and mixed) text into lines.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`), which
//! already keeps numbers like 1,280.00 whole. On top of it the rules of
//! Chinese typesetting (禁则): no line starts with closing punctuation
//! (，。、；：！？）》」…) and none ends with opening punctuation (（《「…);
//! URLs and e-mail addresses are never split, nor a document number
//! (文号: 青发改价〔2025〕12号) or a date (2026年12月1日) where it fits on a
//! line; a paragraph or cell does not end with one character alone on its
//! last line when the line before can give one up. Widths come from the
//! font.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::fonts::Face;

/// Characters that may not begin a line.
pub const NO_LINE_START: &str = "，。、；：！？）》」』】〕〉”’…—·,.;:!?)]}%‰";
/// Characters that may not end a line.
pub const NO_LINE_END: &str = "（《「『【〔〈“‘([{￥¥$";

/// One laid line: its text, its natural width, and whether it should be
/// justified to the full measure (every line of a paragraph but the last).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub width: f32,
    pub justify: bool,
}

/// The font and measure to wrap in.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub face: Face,
    pub size: f32,
    /// Width of the first line (smaller when it is indented).
    pub first: f32,
    /// Width of every other line.
    pub rest: f32,
}

impl Measure {
    pub fn new(face: Face, size: f32, width: f32) -> Self {
        Self {
            face,
            size,
            first: width,
            rest: width,
        }
    }
}

/// A text and its measure (size, first and other line widths, as bits).
type WrapKey = (String, Face, [u32; 3]);

thread_local! {
    /// Batches (2,400 letters) wrap the same paragraphs again and again.
    static CACHE: std::cell::RefCell<std::collections::HashMap<WrapKey, Vec<Line>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Wraps `text` into lines. A `\n` in the text is a forced break.
pub fn wrap(text: &str, m: Measure) -> Vec<Line> {
    let key = (
        text.to_owned(),
        m.face,
        [m.size.to_bits(), m.first.to_bits(), m.rest.to_bits()],
    );
    if let Some(lines) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return lines;
    }
    let lines = wrap_uncached(text, m);
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() > 20_000 {
            cache.clear();
        }
        cache.insert(key, lines.clone());
    });
    lines
}

fn wrap_uncached(text: &str, m: Measure) -> Vec<Line> {
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let before = lines.len();
        wrap_without_widow(hard.trim_end(), m, &mut lines);
        if lines.len() == before {
            // An empty line still takes a line.
            lines.push(Line {
                text: String::new(),
                width: 0.0,
                justify: false,
            });
        }
        if let Some(last) = lines.last_mut() {
            last.justify = false;
        }
    }
    lines
}

/// Wraps one hard line; when its last line would hold a single character
/// (punctuation after it aside: “心。”), the line before gives up its last
/// character to it, where a break is allowed there.
fn wrap_without_widow(text: &str, m: Measure, lines: &mut Vec<Line>) {
    let start = lines.len();
    wrap_hard_line(text, m, lines);
    let n = lines.len();
    if n - start < 2 || !lone_character(&lines[n - 1].text) {
        return;
    }
    let prev = lines[n - 2].text.clone();
    let Some(given) = prev.chars().next_back() else {
        return;
    };
    let cut = prev.len() - given.len_utf8();
    if prev[..cut].chars().count() < 2 {
        return;
    }
    let joined = format!("{prev}{}", lines[n - 1].text);
    let widest = m.first.max(m.rest);
    // A break is allowed where one of the pieces ends.
    let mut end = 0;
    let breaks = pieces(&joined, m, widest);
    if !breaks.iter().any(|p| {
        end += p.len();
        end == cut
    }) {
        return;
    }
    let last = joined[cut..].to_owned();
    if m.face.width(&last, m.size) > m.rest + 0.01 {
        return;
    }
    let kept = prev[..cut].to_owned();
    lines[n - 2].width = m.face.width(&kept, m.size);
    lines[n - 2].text = kept;
    lines[n - 1].width = m.face.width(&last, m.size);
    lines[n - 1].text = last;
}

/// A line of one character, with perhaps punctuation after it.
fn lone_character(text: &str) -> bool {
    text.trim()
        .chars()
        .filter(|c| !NO_LINE_START.contains(*c))
        .count()
        == 1
}

fn width_for(m: Measure, line_index: usize) -> f32 {
    if line_index == 0 { m.first } else { m.rest }
}

fn wrap_hard_line(text: &str, m: Measure, lines: &mut Vec<Line>) {
    let mut current = String::new();
    // Width of `current` including its trailing spaces; measured piece by
    // piece so a line costs one pass over its characters.
    let mut current_width = 0.0;
    for piece in pieces(text, m, m.first.max(m.rest)) {
        let max = width_for(m, lines.len());
        let trimmed = piece.trim_end();
        let piece_width = m.face.width(piece, m.size);
        let fit_width = current_width + m.face.width(trimmed, m.size);
        if fit_width <= max + 0.01 {
            current.push_str(piece);
            current_width += piece_width;
            continue;
        }
        if !current.is_empty() {
            push_line(lines, &current, m);
            current.clear();
        }
        let piece = piece.trim_start();
        if m.face.width(piece.trim_end(), m.size) <= width_for(m, lines.len()) + 0.01 {
            current.push_str(piece);
        } else {
            current = split_overlong(piece, m, lines);
        }
        current_width = m.face.width(&current, m.size);
    }
    if !current.trim().is_empty() {
        push_line(lines, &current, m);
    }
}

fn push_line(lines: &mut Vec<Line>, text: &str, m: Measure) {
    let text = text.trim_end().to_owned();
    let width = m.face.width(&text, m.size);
    lines.push(Line {
        text,
        width,
        justify: true,
    });
}

/// A piece with no break opportunity that is wider than the line (a long
/// URL, a long number): break it by characters, still keeping 禁则.
/// Returns the remainder that starts the next line.
fn split_overlong(piece: &str, m: Measure, lines: &mut Vec<Line>) -> String {
    let mut current = String::new();
    for c in piece.chars() {
        let max = width_for(m, lines.len());
        current.push(c);
        if m.face.width(&current, m.size) > max + 0.01 && current.chars().count() > 1 {
            current.pop();
            let mut carry = String::from(c);
            // Pull a character down if the next line would start badly.
            if NO_LINE_START.contains(c)
                && current.chars().count() > 1
                && let Some(prev) = current.pop()
            {
                carry.insert(0, prev);
            }
            push_line(lines, &current, m);
            current = carry;
        }
    }
    current
}

/// Splits `text` at the allowed break opportunities. A document number or
/// date wider than `widest` is not protected (it breaks where it may).
fn pieces(text: &str, m: Measure, widest: f32) -> Vec<&str> {
    let mut protected: Vec<(usize, usize)> = (document_numbers(text).into_iter())
        .chain(dates(text))
        .filter(|&(s, e)| m.face.width(&text[s..e], m.size) <= widest + 0.01)
        .collect();
    protected.extend(addresses(text));
    let mut out = Vec::new();
    let mut start = 0;
    for (at, kind) in linebreaks(text) {
        if at >= text.len() {
            break;
        }
        if kind == BreakOpportunity::Allowed && allowed_between(text, at, &protected) {
            out.push(&text[start..at]);
            start = at;
        }
    }
    out.push(&text[start..]);
    out
}

fn allowed_between(text: &str, at: usize, protected: &[(usize, usize)]) -> bool {
    let next = text[at..].chars().next();
    let prev = text[..at].chars().next_back();
    if next.is_some_and(|c| NO_LINE_START.contains(c)) {
        return false;
    }
    if prev.is_some_and(|c| NO_LINE_END.contains(c)) {
        return false;
    }
    // A number keeps its unit or counter: 781号, 2026年, 30元, 5个.
    if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| !c.is_whitespace()) {
        return false;
    }
    // Digit groups split by one space are one number: 0371-6523 8002.
    let before_space = text[..at]
        .strip_suffix(' ')
        .and_then(|t| t.chars().next_back());
    if before_space.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    !protected.iter().any(|&(s, e)| s < at && at < e)
}

/// URLs and e-mail addresses: never split, however wide.
fn addresses(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let is_url_char = |c: char| c.is_ascii_graphic();
    for prefix in ["http://", "https://", "www."] {
        let mut from = 0;
        while let Some(pos) = text[from..].find(prefix) {
            let start = from + pos;
            let len: usize = text[start..]
                .chars()
                .take_while(|&c| is_url_char(c))
                .map(char::len_utf8)
                .sum();
            spans.push((start, start + len));
            from = start + len.max(1);
        }
    }
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || "._-+".contains(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = at
            + text[at..]
                .chars()
                .take_while(|&c| c.is_ascii_alphanumeric() || "@._-".contains(c))
                .map(char::len_utf8)
                .sum::<usize>();
        spans.push((start, end));
    }
    spans
}

/// 文号: an issuer's abbreviation (up to six Chinese characters, back to a
/// space or punctuation), 〔year〕 (or [year], （year）), a number, 号.
fn document_numbers(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (open, _) in text.match_indices(['〔', '[', '（', '(']) {
        let after = &text[open..];
        let mut chars = after.char_indices().skip(1);
        let year: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Some((close_at, close)) = chars.next() else {
            continue;
        };
        if !"〕]）)".contains(close) {
            continue;
        }
        let rest = &after[close_at + close.len_utf8()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !rest[digits..].starts_with('号') {
            continue;
        }
        let end = open + close_at + close.len_utf8() + digits + '号'.len_utf8();
        let start = text[..open]
            .char_indices()
            .rev()
            .take(6)
            .take_while(|&(_, c)| is_han(c))
            .last()
            .map_or(open, |(i, _)| i);
        spans.push((start, end));
    }
    spans
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// 2026年12月1日 (and 2026年12月): a date is read whole.
fn dates(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (at, _) in text.match_indices('年') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i);
        let Some(start) = start.filter(|s| at - s == 4) else {
            continue;
        };
        let mut end = at + '年'.len_utf8();
        for unit in ['月', '日'] {
            let digits = text[end..].bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits) && text[end + digits..].starts_with(unit) {
                end += digits + unit.len_utf8();
            } else {
                break;
            }
        }
        if end > at + '年'.len_utf8() {
            spans.push((start, end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wraps at `chars` em widths of 10 pt Body text.
    fn lines(text: &str, chars: f32) -> Vec<String> {
        wrap(text, Measure::new(Face::Body, 10.0, chars * 10.0))
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn chinese_wraps_between_characters() {
        assert_eq!(lines("校务公开工作总结", 4.0), ["校务公开", "工作总结"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // At 4 em the comma would start line 2; it stays with 开 instead,
        // and 开 moves down with it.
        let cases = [
            "校务公开，工作总结。",
            "一二三四、五六七八",
            "一二三四）五六七八",
            "一二三四》五六七八",
            "一二三四」五六七八",
            "一二三四；五六七八",
            "一二三四！五六七八",
            "一二三四？五六七八",
            "一二三四：五六七八",
        ];
        for text in cases {
            for width in [3.0, 4.0, 5.0] {
                for line in lines(text, width) {
                    let first = line.chars().next().unwrap();
                    assert!(
                        !NO_LINE_START.contains(first),
                        "{text} @{width}: line {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn no_line_ends_with_opening_punctuation() {
        for text in [
            "一二三（四五六七八）",
            "一二三《四五六七八》",
            "一二三「四五六七八」",
        ] {
            for width in [3.0, 4.0, 5.0] {
                for line in lines(text, width) {
                    let last = line.chars().last().unwrap();
                    assert!(
                        !NO_LINE_END.contains(last),
                        "{text} @{width}: line {line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_and_urls_are_never_split() {
        let text = "本学期学费合计1,280.00元，详见https://jyj.example.gov.cn/sf/2026.html。";
        for width in [6.0, 8.0, 10.0, 14.0, 22.0, 30.0] {
            let ls = lines(text, width);
            assert!(ls.iter().any(|l| l.contains("1,280.00")), "{width}: {ls:?}");
            // Where the URL fits the measure at all, it is never split.
            if width >= 22.0 {
                assert!(
                    ls.iter()
                        .any(|l| l.contains("https://jyj.example.gov.cn/sf/2026.html")),
                    "{width}: {ls:?}"
                );
            }
        }
    }

    #[test]
    fn a_number_keeps_its_unit() {
        for width in [6.0, 7.0, 8.0, 9.0] {
            let ls = lines("豫发改收费〔2023〕781号文件", width);
            assert!(ls.iter().any(|l| l.contains("781号")), "{width}: {ls:?}");
            assert!(ls.iter().any(|l| l.contains("2023〕")), "{width}: {ls:?}");
        }
        for width in [12.0, 13.0, 14.0, 15.0] {
            let ls = lines("如有疑问请拨打监督电话：0371-6523 8002。", width);
            assert!(
                ls.iter().any(|l| l.contains("6523 8002")),
                "{width}: {ls:?}"
            );
        }
    }

    #[test]
    fn every_line_fits_and_nothing_is_lost() {
        let text = "学校收费做到“四公开”：公开事由、公开金额、公开收费部门、公开咨询电话。Teachers and parents，欢迎监督！";
        for width in [3.0, 5.0, 7.5, 12.0, 40.0] {
            let laid = wrap(text, Measure::new(Face::Body, 10.0, width * 10.0));
            for l in &laid {
                assert!(
                    l.width <= width * 10.0 + 0.01 || l.text.chars().count() == 1,
                    "{l:?}"
                );
            }
            let joined: String = laid.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn forced_breaks_and_justification_flags() {
        let laid = wrap("一二三四五六\n七八", Measure::new(Face::Body, 10.0, 40.0));
        let flags: Vec<_> = laid.iter().map(|l| (l.text.as_str(), l.justify)).collect();
        assert_eq!(
            flags,
            [("一二三四", true), ("五六", false), ("七八", false)]
        );
    }

    #[test]
    fn the_first_line_can_be_narrower() {
        let m = Measure {
            face: Face::Body,
            size: 10.0,
            first: 20.0,
            rest: 40.0,
        };
        let laid: Vec<_> = wrap("一二三四五六", m)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(laid, ["一二", "三四五六"]);
    }

    #[test]
    fn a_document_number_breaks_at_the_space_before_it() {
        let basis = "青禾市发展和改革委员会 青发改价〔2025〕12号";
        for width in [12.0, 13.0, 14.0, 16.0] {
            let ls = lines(basis, width);
            assert!(
                ls.iter().any(|l| l.contains("青发改价〔2025〕12号")),
                "{width}: {ls:?}"
            );
        }
        // Too narrow for it whole: still all there, by characters.
        let ls = lines(basis, 6.0);
        assert_eq!(ls.concat().replace(' ', ""), basis.replace(' ', ""));
    }

    #[test]
    fn a_date_stays_whole_where_it_fits() {
        let text = "公示期：2026年12月1日至2026年12月7日（5个工作日）";
        for width in 10..=24 {
            let ls = lines(text, width as f32);
            for date in ["2026年12月1日", "2026年12月7日"] {
                assert!(ls.iter().any(|l| l.contains(date)), "{width}: {ls:?}");
            }
        }
    }

    #[test]
    fn no_line_of_one_character_ends_a_cell_or_paragraph() {
        assert_eq!(lines("后勤服务中心", 5.0), ["后勤服务", "中心"]);
        let text = "家庭经济困难学生可向班主任申请减免。";
        for width in 4..=17 {
            let ls = lines(text, width as f32);
            let last = ls.last().unwrap();
            assert!(!lone_character(last), "{width}: {ls:?}");
        }
        // One character alone is all there is: left so.
        assert_eq!(lines("心", 5.0), ["心"]);
    }
}
