//! Set as official documents are: the closing (period, date, issuer,
//! seal) never alone on a page, and a sheet that can fit one page fits
//! it. Cases of 1–40 table rows with a policy of three lengths, each laid
//! out and its pages read.

use gongshi_print::layout::{Page, layout};
use gongshi_print::sheet::{Align, Block, Closing, Column, Orientation, Paper, Row, Sheet, Table};

use crate::date;

const POLICY: &str =
    "家庭经济困难学生、孤儿、残疾学生及烈士子女等，可向班主任申请减免，学校按规定审核后公示结果。";

fn fee_board(rows: usize, policy_repeats: usize) -> Sheet {
    let table = Table {
        columns: vec![
            Column::new("序号", 0.6, Align::Center),
            Column::new("收费项目", 2.0, Align::Left),
            Column::new("收费标准（元）", 1.2, Align::Right),
            Column::new("收费依据", 3.2, Align::Left),
            Column::new("收费部门", 1.3, Align::Center),
            Column::new("咨询电话", 1.5, Align::Center),
        ],
        rows: (1..=rows)
            .map(|i| {
                Row::new(vec![
                    i.to_string(),
                    format!("收费项目{i}"),
                    "30.00".into(),
                    format!("青禾市发展和改革委员会 青发改价〔2025〕{i}号"),
                    "后勤服务中心".into(),
                    "0371-65238001".into(),
                ])
            })
            .collect(),
    };
    Sheet {
        paper: Paper {
            orientation: Orientation::Landscape,
            ..Paper::default()
        },
        school_name: "青禾市第二实验小学".into(),
        header_label: "校务公开·收费".into(),
        title: "青禾市第二实验小学收费公示".into(),
        subtitle: Some("（2026年秋季学期）".into()),
        watermark: None,
        blocks: vec![
            Block::Paragraph(
                "根据《教育收费公示制度》和上级有关规定，现将我校收费项目公示如下。".into(),
            ),
            Block::Table(table),
            Block::Heading("减免政策".into()),
            Block::Paragraph(POLICY.repeat(policy_repeats)),
            Block::Closing(Closing {
                posting_period: Some("公示期：2026年12月1日至2026年12月7日（5个工作日）".into()),
                feedback: vec!["如有意见或异议，请拨打学校监督电话：0371-65238002。".into()],
                issuer: "青禾市第二实验小学".into(),
                date: date(),
                signature: None,
                seal: true,
                verification: None,
            }),
        ],
    }
}

/// Lines of a page other than the running header and the page number.
fn body(page: &Page) -> Vec<&str> {
    let lines = page.text_lines();
    lines[2..lines.len() - 1].to_vec()
}

#[test]
fn the_closing_never_stands_alone_and_what_can_fit_one_page_does() {
    let mut one_page = Vec::new();
    for rows in 1..=40 {
        for repeats in [1, 2, 4] {
            let pages = layout(&fee_board(rows, repeats));
            let last = pages.last().unwrap();
            let text = body(last);
            let closing = text
                .iter()
                .position(|l| l.starts_with("公示期"))
                .unwrap_or_else(|| panic!("{rows} rows ×{repeats}: no closing on the last page"));
            assert!(
                closing >= 3,
                "{rows} rows ×{repeats}: the closing alone on page {}: {text:?}",
                pages.len()
            );
            if pages.len() == 1 {
                one_page.push((rows, repeats));
            }
        }
    }
    // The usual spacing fits about eight rows here; the tighter levels take
    // it further before a page is added.
    for case in [(8, 1), (12, 1), (12, 2), (10, 4)] {
        assert!(
            one_page.contains(&case),
            "{case:?} should fit one page: {one_page:?}"
        );
    }
}

#[test]
fn a_sheet_that_fits_at_the_usual_spacing_keeps_it() {
    let short = layout(&fee_board(2, 1));
    let tight = layout(&fee_board(12, 2));
    let gap = |pages: &[Page]| {
        let baselines: Vec<f32> = pages[0]
            .marks
            .iter()
            .filter_map(|m| match m {
                gongshi_print::layout::Mark::Text { baseline, text, .. }
                    if text.starts_with("公示期") || text.starts_with("如有意见") =>
                {
                    Some(*baseline)
                }
                _ => None,
            })
            .collect();
        baselines[1] - baselines[0]
    };
    // 12 pt at 1.55 for the short sheet; tighter for the one that was fitted.
    assert!((gap(&short) - 12.0 * 1.55).abs() < 0.01, "{}", gap(&short));
    assert!(gap(&tight) < 12.0 * 1.5, "{}", gap(&tight));
}
