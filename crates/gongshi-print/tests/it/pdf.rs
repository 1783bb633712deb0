use gongshi_print::layout::Mark;
use gongshi_print::pdf::pages;
use gongshi_print::sheet::{
    Align, Block, Column, DRAFT, Document, Orientation, Paper, PaperSize, Row, Sheet, Table,
};
use gongshi_print::specimen::{board_sheet, letters};
use gongshi_print::{PrintError, render_pdf};

use crate::{allow, created, date, poppler, school};

fn document(sheet: Sheet) -> Document {
    Document {
        title: sheet.title.clone(),
        author: sheet.school_name.clone(),
        created: created(),
        sheets: vec![sheet],
    }
}

fn demo() -> Document {
    document(board_sheet(&school(), Paper::default(), date()))
}

fn plain_sheet(blocks: Vec<Block>) -> Sheet {
    Sheet {
        paper: Paper::default(),
        school_name: "阳光市实验小学".into(),
        header_label: "校务公开".into(),
        title: "测试公示".into(),
        subtitle: None,
        watermark: None,
        blocks,
    }
}

#[test]
fn the_demo_sheet_reads_back_as_its_golden_text() {
    let pdf = render_pdf(&demo(), &allow()).unwrap();
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    let golden_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/demo-sheet.txt");
    if std::env::var_os("GONGSHI_UPDATE_GOLDEN").is_some() {
        std::fs::write(golden_path, &text).unwrap();
    }
    let golden = std::fs::read_to_string(golden_path).unwrap();
    assert_eq!(
        text, golden,
        "regenerate with GONGSHI_UPDATE_GOLDEN=1 after checking the sheet by eye"
    );
}

#[test]
fn the_demo_sheet_is_one_small_a4_page_with_subset_fonts_and_real_dates() {
    let pdf = render_pdf(&demo(), &allow()).unwrap();
    assert!(pdf.len() <= 80 * 1024, "{} bytes", pdf.len());

    let fonts = poppler("pdffonts", &[], &pdf);
    let faces: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(faces.len(), 2, "{fonts}");
    for face in faces {
        let cols: Vec<&str> = face.split_whitespace().collect();
        // name like ABCDEF+NotoSerifSC-Regular; emb, sub and uni all yes.
        assert!(cols[0].contains('+'), "not a subset: {face}");
        assert!(face.contains("yes yes yes"), "{face}");
    }

    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("595.276 x 841.89"), "{info}");
    let created = info
        .lines()
        .find(|l| l.starts_with("CreationDate:"))
        .unwrap();
    assert!(created.contains("2026"), "{created}");
    assert!(
        info.contains("Title:           阳光市实验小学（示例）收费公示"),
        "{info}"
    );
}

#[test]
fn a3_and_landscape_set_the_page_size() {
    for (size, orientation, expected) in [
        (PaperSize::A3, Orientation::Portrait, "841.89 x 1190.55"),
        (PaperSize::A4, Orientation::Landscape, "841.89 x 595.276"),
    ] {
        let paper = Paper { size, orientation };
        let pdf = render_pdf(&document(board_sheet(&school(), paper, date())), &allow()).unwrap();
        let info = poppler("pdfinfo", &[], &pdf);
        assert!(info.contains(expected), "{info}");
    }
}

fn long_table(rows: usize) -> Table {
    Table {
        columns: vec![
            Column::new("序号", 1.0, Align::Center),
            Column::new("项目名称", 4.0, Align::Left),
            Column::new("金额（元）", 2.0, Align::Right),
        ],
        rows: (1..=rows)
            .map(|i| {
                Row::new(vec![
                    i.to_string(),
                    format!("第{i}项办公用品采购"),
                    format!("{i},000.00"),
                ])
            })
            .chain([Row::total(vec![
                "合计".into(),
                String::new(),
                "7,260,000.00".into(),
            ])])
            .collect(),
    }
}

#[test]
fn a_120_row_table_continues_over_pages_with_its_header_repeated() {
    let doc = document(plain_sheet(vec![Block::Table(long_table(120))]));
    let laid = pages(&doc);
    assert!(laid.len() >= 3, "{} pages", laid.len());
    let mut seen = Vec::new();
    for (n, page) in laid.iter().enumerate() {
        let lines = page.text_lines();
        assert!(
            lines.contains(&"序号") && lines.contains(&"项目名称"),
            "page {} lacks the header",
            n + 1
        );
        assert!(lines.contains(&format!("第 {} 页 共 {} 页", n + 1, laid.len()).as_str()));
        // A row is never split: its name and its amount are on the same page.
        for i in 1..=120 {
            let name = format!("第{i}项办公用品采购");
            if lines.contains(&name.as_str()) {
                assert!(
                    lines.contains(&format!("{i},000.00").as_str()),
                    "row {i} split"
                );
                seen.push(i);
            }
        }
    }
    assert_eq!(
        seen,
        (1..=120).collect::<Vec<_>>(),
        "rows lost or out of order"
    );

    // And the PDF says the same: every page of the text has the header.
    let pdf = render_pdf(&doc, &allow()).unwrap();
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    let pages_text: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages_text.len(), laid.len());
    for page in pages_text {
        assert!(page.contains("项目名称"), "{page}");
    }
    assert!(text.contains("7,260,000.00"));
}

#[test]
fn personal_data_refuses_the_sheet_and_names_the_line() {
    let sheet = plain_sheet(vec![
        Block::Paragraph("经审核，下列学生符合资助条件。".into()),
        Block::Paragraph("张三，身份证号11010519491231002X，家住幸福路。".into()),
    ]);
    let err = render_pdf(&document(sheet), &allow()).unwrap_err();
    assert!(matches!(err, PrintError::Privacy { .. }));
    let msg = err.to_string();
    assert!(msg.contains("正文第2段"), "{msg}");
    assert!(msg.contains("身份证号码"), "{msg}");
    assert!(
        !msg.contains("11010519491231002X"),
        "the message repeats the ID: {msg}"
    );
}

#[test]
fn a_private_phone_in_a_table_is_refused_but_the_schools_prints() {
    let mut table = long_table(2);
    table.rows[1].cells[1] = "联系家长 13912345678".into();
    let err = render_pdf(&document(plain_sheet(vec![Block::Table(table)])), &allow()).unwrap_err();
    assert!(err.to_string().contains("表格第2行“项目名称”栏"), "{err}");

    let ok = plain_sheet(vec![Block::KeyValues(vec![(
        "监督电话".into(),
        "0371-6523 8002".into(),
    )])]);
    let pdf = render_pdf(&document(ok), &allow()).unwrap();
    assert!(poppler("pdftotext", &["-enc", "UTF-8"], &pdf).contains("0371-6523 8002"));
}

#[test]
fn letters_are_one_page_each_with_a_cut_line_and_one_font_subset() {
    let doc = letters(&school(), 12, created());
    let pdf = render_pdf(&doc, &allow()).unwrap();
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Pages:           12"), "{info}");
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert_eq!(text.matches("请沿虚线剪下").count(), 12);
    assert_eq!(text.replace(' ', "").matches("第1页共1页").count(), 12);
    // The fonts are embedded once for the whole batch.
    let fonts = poppler("pdffonts", &[], &pdf);
    assert_eq!(fonts.lines().skip(2).count(), 2, "{fonts}");
}

#[test]
fn a_watermark_crosses_every_page_behind_the_text_and_reads_back() {
    let mut sheet = plain_sheet(vec![Block::Table(long_table(120))]);
    sheet.watermark = Some(DRAFT.into());
    let doc = document(sheet);
    let laid = pages(&doc);
    assert!(laid.len() >= 3, "{} pages", laid.len());
    for page in &laid {
        assert_eq!(page.watermark(), Some(DRAFT));
        // Drawn last, over everything (multiplied, so as if under it).
        let Some(Mark::Watermark {
            x,
            baseline,
            angle,
            size,
            ..
        }) = page.marks.last()
        else {
            panic!("the watermark is not the last mark")
        };
        // Along the rising diagonal, starting lower left, inside the page.
        assert!(*angle > 45.0 && *angle < 60.0, "{angle}");
        assert!(*x > 0.0 && *x < page.width / 2.0, "{x}");
        assert!(
            *baseline > page.height / 2.0 && *baseline < page.height,
            "{baseline}"
        );
        assert!(*size > 40.0, "{size}");
        assert!(!page.text_lines().contains(&DRAFT));
    }
    let pdf = render_pdf(&doc, &allow()).unwrap();
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    let pages_text: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages_text.len(), laid.len());
    for page in pages_text {
        assert!(page.contains(DRAFT), "{page}");
        assert!(page.contains("项目名称"), "{page}");
    }
    // The rest of the text reads as it did without the watermark.
    let plain = render_pdf(
        &document(plain_sheet(vec![Block::Table(long_table(120))])),
        &allow(),
    )
    .unwrap();
    assert_eq!(
        poppler("pdftotext", &["-enc", "UTF-8", "-nodiag"], &pdf),
        poppler("pdftotext", &["-enc", "UTF-8"], &plain)
    );
}

#[test]
fn an_unmarked_sheet_has_no_watermark() {
    for page in pages(&demo()) {
        assert_eq!(page.watermark(), None);
        assert!(
            !page
                .marks
                .iter()
                .any(|m| matches!(m, Mark::Watermark { .. }))
        );
    }
}
