//! Column widths that follow the content, as a spreadsheet's "fit" does:
//! a column is at least as wide as its longest short phrase (so 自愿（见回执）
//! and 学生意外伤害保险 do not break inside) and grows towards its widest
//! cell; a narrow column such as 序号 gives its room to the wide ones.
//! The column's weight says how eagerly it takes room beyond that.

use crate::fonts::Face;
use crate::sheet::Table;

/// A phrase up to this many characters stays on one line when there is room.
const UNBROKEN_CHARS: usize = 8;
/// A header may wrap (收费标准 / （元）) beyond this many.
const UNBROKEN_HEADER_CHARS: usize = 4;

/// Each column's width in points, summing to `measure`.
pub(crate) fn widths(table: &Table, measure: f32, size: f32, pad_x: f32) -> Vec<f32> {
    let n = table.columns.len();
    if n == 0 {
        return Vec::new();
    }
    let cap = Face::Body.width(&"汉".repeat(UNBROKEN_CHARS), size);
    let header_cap = Face::Body.width(&"汉".repeat(UNBROKEN_HEADER_CHARS), size);
    let pad = 2.0 * pad_x;
    // Per column: the least it needs, its widest body cell, its header,
    // and how many of its cells would wrap at the least.
    let mut least = vec![0.0f32; n];
    // What must not break at all: a number, a date, a short name.
    let mut hard = vec![0.0f32; n];
    let mut body = vec![0.0f32; n];
    let mut header = vec![0.0f32; n];
    let mut naturals: Vec<Vec<f32>> = vec![Vec::new(); n];
    for (i, column) in table.columns.iter().enumerate() {
        header[i] = natural_width(&column.title, size) + pad;
        // A header may wrap before its bracket (考核成绩 / （30%）), not inside it.
        let widest_piece = bracket_pieces(&column.title)
            .iter()
            .map(|p| natural_width(p, size))
            .fold(0.0, f32::max);
        least[i] = (header_cap.max(widest_piece) + pad).min(header[i]);
        hard[i] = Face::Body.width(&"汉".repeat(2), size) + pad;
        // A totals row's first cell spans the empty cells after it.
        let cells = table
            .rows
            .iter()
            .filter(|r| !(r.total && i == 0))
            .filter_map(|r| r.cells.get(i));
        for text in cells {
            let natural = natural_width(text, size) + pad;
            body[i] = body[i].max(natural);
            least[i] = least[i].max(natural.min(cap + pad));
            if unbreakable(text) {
                hard[i] = hard[i].max(natural);
            }
            naturals[i].push(natural);
        }
    }
    let wrapped: Vec<usize> = (0..n)
        .map(|i| naturals[i].iter().filter(|w| **w > least[i]).count())
        .collect();
    let sum = |v: &[f32]| v.iter().sum::<f32>();
    if sum(&least) > measure {
        return squeezed(&least, &hard, measure);
    }
    // Body rows first (each wrapped cell costs a line on every such row),
    // then the headers (one line, once), then the room left by weight.
    let mut widths = least;
    let mut room = measure - sum(&widths);
    room = unwrap_most_rows(&mut widths, &body, &wrapped, room);
    for goal in [&body, &header] {
        room = fill_smallest_needs_first(&mut widths, goal, room);
    }
    let share: Vec<f32> = (0..n)
        .map(|i| widths[i] * table.columns[i].weight.max(0.1))
        .collect();
    spread(&widths, &share, widths.iter().sum::<f32>() + room)
}

/// Too many columns for the page at their least: what may wrap gives way
/// (text columns, in proportion to what they can give) and numbers, dates
/// and short names stay whole; if even those do not fit, every column in
/// proportion.
fn squeezed(least: &[f32], hard: &[f32], measure: f32) -> Vec<f32> {
    let floor: Vec<f32> = least.iter().zip(hard).map(|(l, h)| l.min(*h)).collect();
    let fixed: f32 = floor.iter().sum();
    let give: f32 = least.iter().zip(&floor).map(|(l, f)| l - f).sum();
    if fixed >= measure || give <= 0.0 {
        let scale = measure / least.iter().sum::<f32>();
        return least.iter().map(|w| w * scale).collect();
    }
    let keep = (measure - fixed) / give;
    least
        .iter()
        .zip(&floor)
        .map(|(l, f)| f + (l - f) * keep)
        .collect()
}

/// A cell that reads wrong when broken: a number, an amount, a date, a
/// code (no spaces, no Chinese), or a name of up to four characters.
fn unbreakable(text: &str) -> bool {
    let t = text.trim();
    let chars = t.chars().count();
    (chars <= 20 && t.is_ascii() && !t.contains(' ')) || (chars <= 4 && !t.contains(' '))
}

/// Widens to their widest cell the columns whose widening keeps the most
/// cells from wrapping within `room` (every choice is tried: a sheet has a
/// handful of columns); the room left.
fn unwrap_most_rows(widths: &mut [f32], goal: &[f32], wrapped: &[usize], room: f32) -> f32 {
    let n = widths.len();
    if n > 16 {
        return room;
    }
    let needs: Vec<f32> = (0..n).map(|i| (goal[i] - widths[i]).max(0.0)).collect();
    let mut best = (0usize, 0.0f32, 0u32);
    for set in 0u32..(1 << n) {
        let chosen = (0..n).filter(|i| set & (1 << i) != 0);
        let cost: f32 = chosen.clone().map(|i| needs[i]).sum();
        let gain: usize = chosen.map(|i| wrapped[i]).sum();
        if cost <= room && (gain > best.0 || (gain == best.0 && cost < best.1)) {
            best = (gain, cost, set);
        }
    }
    let (_, cost, set) = best;
    for i in (0..n).filter(|i| set & (1 << i) != 0) {
        widths[i] += needs[i];
    }
    room - cost
}

/// Widens each column towards `goal`, those that lack least first (a
/// column short by a little wraps as surely as one short by a lot); the
/// room left.
fn fill_smallest_needs_first(widths: &mut [f32], goal: &[f32], mut room: f32) -> f32 {
    let needs: Vec<f32> = (0..widths.len())
        .map(|i| (goal[i] - widths[i]).max(0.0))
        .collect();
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by(|a, b| needs[*a].total_cmp(&needs[*b]));
    for i in order {
        let given = needs[i].min(room);
        widths[i] += given;
        room -= given;
    }
    room
}

/// `base` plus the room left of `measure`, shared out by `share`.
fn spread(base: &[f32], share: &[f32], measure: f32) -> Vec<f32> {
    let room = measure - base.iter().sum::<f32>();
    let total: f32 = share.iter().sum();
    base.iter()
        .zip(share)
        .map(|(b, s)| {
            if total > 0.0 {
                b + room * s / total
            } else {
                b + room / base.len() as f32
            }
        })
        .collect()
}

/// 考核成绩（30%） as 考核成绩 and （30%）: a header breaks before a bracket.
fn bracket_pieces(title: &str) -> Vec<String> {
    let mut pieces = vec![String::new()];
    for c in title.chars() {
        if matches!(c, '（' | '(') {
            pieces.push(String::new());
        }
        if let Some(last) = pieces.last_mut() {
            last.push(c);
        }
    }
    pieces
}

/// The width of the text's longest forced line.
fn natural_width(text: &str, size: f32) -> f32 {
    text.split('\n')
        .map(|line| Face::Body.width(line.trim_end(), size))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::{Align, Column, Row};

    fn table(columns: &[(&str, f32)], rows: &[&[&str]]) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(t, w)| Column::new(t, *w, Align::Left))
                .collect(),
            rows: rows
                .iter()
                .map(|r| Row::new(r.iter().map(|c| (*c).to_owned()).collect()))
                .collect(),
        }
    }

    const SIZE: f32 = 10.5;
    const PAD: f32 = 4.0;
    const MEASURE: f32 = 480.0;

    fn fits(width: f32, text: &str) -> bool {
        Face::Body.width(text, SIZE) + 2.0 * PAD <= width + 0.01
    }

    #[test]
    fn short_phrases_stay_whole_and_narrow_columns_give_way() {
        // The letter's columns: a long basis text must not squeeze 自愿（见回执）.
        let t = table(
            &[
                ("收费项目", 2.0),
                ("金额(元)", 1.0),
                ("是否自愿", 1.0),
                ("收费依据", 2.0),
            ],
            &[
                &[
                    "学生意外伤害保险",
                    "50.00",
                    "自愿（见回执）",
                    "阳教财〔2024〕15号，按保险合同约定的保费收取，学校不加收任何费用",
                ],
                &["作业本费", "30.00", "否", "豫发改收费〔2023〕781号"],
            ],
        );
        let w = widths(&t, MEASURE, SIZE, PAD);
        assert!((w.iter().sum::<f32>() - MEASURE).abs() < 0.1, "{w:?}");
        assert!(fits(w[0], "学生意外伤害保险"), "{w:?}");
        assert!(fits(w[2], "自愿（见回执）"), "{w:?}");
        // The long basis gets the most room.
        assert!(w[3] > w[0] && w[3] > w[2], "{w:?}");
    }

    #[test]
    fn a_serial_number_column_stays_narrow_in_a_long_list() {
        let rows: Vec<[String; 3]> = (1..=500)
            .map(|i| {
                [
                    i.to_string(),
                    format!("学生{i}"),
                    "家庭经济困难学生生活补助（一档）".to_owned(),
                ]
            })
            .collect();
        let rows: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let t = table(&[("序号", 1.0), ("姓名", 1.0), ("资助项目", 1.0)], &rows);
        let w = widths(&t, MEASURE, SIZE, PAD);
        assert!(fits(w[2], "家庭经济困难学生生活补助（一档）"), "{w:?}");
        assert!(w[0] < w[2] / 2.0, "{w:?}");
    }

    #[test]
    fn amounts_dates_and_names_stay_whole_when_text_must_wrap() {
        // 采购's twelve columns on a landscape page, long texts in five.
        let long = "该批次为市教育局统一配发计划的补充采购，经局批复同意以询价方式采购";
        let header: Vec<(&str, f32)> = [
            "品名",
            "规格型号",
            "数量",
            "单位",
            "单价(元)",
            "金额(元)",
            "供应商",
            "采购方式",
            "合同日期",
            "验收日期",
            "验收人",
            "未招标原因",
        ]
        .iter()
        .map(|h| (*h, 1.0))
        .collect();
        let row: &[&str] = &[
            "交互式电子白板",
            "86英寸 4K 触控一体机",
            "20",
            "台",
            "18,500.00",
            "370,000.00",
            "阳光科技有限公司",
            "网上商城/电子卖场",
            "2026-10-20",
            "2026-11-05",
            "王建国",
            long,
        ];
        let t = table(&header, &[row]);
        let measure = 728.0;
        let w = widths(&t, measure, SIZE, PAD);
        assert!((w.iter().sum::<f32>() - measure).abs() < 0.1, "{w:?}");
        for (i, cell) in [
            (4, "18,500.00"),
            (5, "370,000.00"),
            (8, "2026-10-20"),
            (10, "王建国"),
        ] {
            assert!(fits(w[i], cell), "{cell} in {w:?}");
        }
    }

    #[test]
    fn too_many_columns_still_sum_to_the_page() {
        let cols: Vec<(&str, f32)> = vec![("很长很长的列标题文字", 1.0); 12];
        let t = table(&cols, &[]);
        let w = widths(&t, MEASURE, SIZE, PAD);
        assert_eq!(w.len(), 12);
        assert!((w.iter().sum::<f32>() - MEASURE).abs() < 0.1, "{w:?}");
    }
}
