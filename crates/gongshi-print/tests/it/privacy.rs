//! The privacy scan as the engine runs it: over every text of a document,
//! table headers included, and a refusal that never quotes what it refuses.

use gongshi_print::sheet::{Align, Block, Column, Document, Paper, Row, Sheet, Table};
use gongshi_print::{PrintError, check_privacy, render_pdf};

use crate::{allow, created, poppler};

fn sheet(title: &str, blocks: Vec<Block>) -> Document {
    Document {
        title: title.into(),
        author: "阳光市实验小学".into(),
        created: created(),
        sheets: vec![Sheet {
            paper: Paper::default(),
            school_name: "阳光市实验小学".into(),
            header_label: "校务公开".into(),
            title: title.into(),
            subtitle: None,
            watermark: None,
            blocks,
        }],
    }
}

fn table(columns: &[&str], rows: &[&[&str]]) -> Block {
    Block::Table(Table {
        columns: columns
            .iter()
            .map(|c| Column::new(c, 1.0, Align::Left))
            .collect(),
        rows: rows
            .iter()
            .map(|r| Row::new(r.iter().map(|c| (*c).to_owned()).collect()))
            .collect(),
    })
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph(text.into())
}

/// What the scan says of a sheet: `Ok` or the refusal's message.
fn verdict(doc: &Document) -> Result<(), String> {
    check_privacy(doc, &allow()).map_err(|e| e.to_string())
}

/// Refused, the message naming `place` and `kind` and quoting none of
/// `hidden`.
fn refused(doc: &Document, place: &str, kind: &str, hidden: &[&str]) {
    let msg = verdict(doc).expect_err("printed");
    assert!(msg.contains(place), "place {place}: {msg}");
    assert!(msg.contains(kind), "kind {kind}: {msg}");
    let digits: String = msg.chars().filter(char::is_ascii_digit).collect();
    for h in hidden {
        assert!(!msg.contains(h), "the message quotes {h}: {msg}");
        let h_digits: String = h.chars().filter(char::is_ascii_digit).collect();
        assert!(
            h_digits.len() < 5 || !digits.contains(&h_digits),
            "the message quotes {h}: {msg}"
        );
    }
}

#[test]
fn a_column_naming_personal_data_refuses_the_sheet_whatever_it_holds() {
    // The sheet: 家庭住址 and 出生日期 columns with plain cells.
    let doc = sheet(
        "2026年秋季学期资助名单公示",
        vec![table(
            &["序号", "姓名", "家庭住址", "出生日期"],
            &[&["1", "张*", "城关区幸福路12号", "2015-03-07"]],
        )],
    );
    refused(
        &doc,
        "表格的“家庭住址”一栏",
        "家庭住址",
        &["城关区幸福路12号"],
    );
    let err = check_privacy(&doc, &allow()).unwrap_err();
    assert!(matches!(err, PrintError::PersonalField { .. }), "{err:?}");

    for (column, kind) in [
        ("住址", "家庭住址"),
        ("家庭地址", "家庭住址"),
        ("身份证号", "身份证号码"),
        ("身份证号码", "身份证号码"),
        ("证件号码", "身份证号码"),
        ("出生日期", "出生日期"),
        ("出生年月", "出生日期"),
        ("生日", "出生日期"),
        ("联系电话", "电话号码"),
        ("手机", "手机号码"),
        ("手机号", "手机号码"),
        ("家长电话", "电话号码"),
        ("银行卡号", "银行卡号"),
        ("银行账号", "银行卡号"),
        ("卡号", "银行卡号"),
        ("家庭情况", "家庭情况"),
        ("家庭经济困难类型", "家庭情况"),
    ] {
        // Even with no row at all.
        let doc = sheet("名单", vec![table(&["姓名", column], &[])]);
        refused(&doc, &format!("表格的“{column}”一栏"), kind, &[]);
    }
}

#[test]
fn numbers_in_table_cells_are_found_however_written() {
    for cell in [
        "410105 19900307 1002",
        "410105-19900307-1002",
        "４１０１０５１９９００３０７１００２",
        "4101 0519 9003 0710 02",
    ] {
        let doc = sheet(
            "名单",
            vec![table(&["姓名", "备注"], &[&["张*", "无"], &["李*", cell]])],
        );
        refused(&doc, "表格第2行“备注”栏", "身份证号码", &[cell]);
    }
    for (cell, kind) in [
        ("１３８１２３４５６７８", "手机号码"),
        ("+86 13812345678", "手机号码"),
        ("+8613812345678", "手机号码"),
        ("６２２２ ０２１２ ３４５６ ７８９０ １２８", "银行卡号"),
    ] {
        let doc = sheet("名单", vec![table(&["姓名", "备注"], &[&["李*", cell]])]);
        refused(&doc, "表格第1行“备注”栏", kind, &[cell]);
    }
    // 电话 in the column's title introduces the number in its cell.
    let doc = sheet(
        "名单",
        vec![table(&["处室", "电话"], &[&["总务处", "88886666"]])],
    );
    refused(&doc, "表格第1行“电话”栏", "电话号码", &["88886666"]);
}

#[test]
fn addresses_and_birth_dates_without_the_old_keywords_are_refused() {
    for (text, kind, hidden) in [
        ("张三住在城关区幸福路12号院。", "家庭住址", "幸福路12号院"),
        ("三年级张三（2015.03.07生）。", "出生日期", "2015.03.07"),
        (
            "张三出生于二〇一五年三月七日。",
            "出生日期",
            "一五年三月七日",
        ),
        ("家庭住址：城关区幸福路8号", "家庭住址", "幸福路8号"),
    ] {
        let doc = sheet(
            "公示",
            vec![paragraph("经审核，符合条件。"), paragraph(text)],
        );
        refused(&doc, "正文第2段", kind, &[hidden]);
    }
    // The mask hides the address, not the word before it.
    let msg = verdict(&sheet("公示", vec![paragraph("家庭住址：城关区幸福路8号")])).unwrap_err();
    assert!(msg.contains("“家庭住址：城关******”"), "{msg}");
}

#[test]
fn a_refused_title_or_label_is_masked_too() {
    // The title holds the ID: 《…》 shows it masked, like the finding.
    let doc = sheet(
        "张三（410105199003071002）资助公示",
        vec![paragraph("经审核，符合资助条件。")],
    );
    refused(
        &doc,
        "《张三（41****************）资助公示》",
        "身份证号码",
        &["410105199003071002"],
    );
    // A heading and a key are places: masked when they hold a number.
    let doc = sheet(
        "公示",
        vec![
            Block::Heading("一、张三 13912345678".into()),
            paragraph("经审核，符合资助条件。"),
        ],
    );
    refused(
        &doc,
        "小标题“一、张三 13*********”",
        "手机号码",
        &["13912345678"],
    );
    let doc = sheet(
        "公示",
        vec![Block::KeyValues(vec![(
            "李四 13912345678".into(),
            "同意".into(),
        )])],
    );
    refused(&doc, "“李四 13*********”一行", "手机号码", &["13912345678"]);
}

#[test]
fn a_key_naming_personal_data_refuses_a_filled_line_only() {
    let filled = sheet(
        "公示",
        vec![Block::KeyValues(vec![(
            "家庭情况".into(),
            "父亲残疾，低保户".into(),
        )])],
    );
    refused(&filled, "“家庭情况”一行", "家庭情况", &["父亲残疾"]);
    let address = sheet(
        "公示",
        vec![Block::KeyValues(vec![(
            "家庭住址".into(),
            "城关区幸福路12号".into(),
        )])],
    );
    refused(&address, "“家庭住址”一行", "家庭住址", &["幸福路12号"]);
    // A slip to fill in by hand prints.
    let slip = sheet(
        "回执",
        vec![Block::KeyValues(vec![
            ("学生姓名".into(), "＿＿＿＿＿＿".into()),
            ("家庭住址".into(), "＿＿＿＿＿＿＿＿".into()),
        ])],
    );
    assert_eq!(verdict(&slip), Ok(()));
}

#[test]
fn the_schools_numbers_dates_and_amounts_print() {
    let doc = sheet(
        "2026年秋季学期收费公示",
        vec![
            Block::Heading("1. 来自电话（2026-12-01）".into()),
            paragraph("公示期：2026年12月1日至2026年12月7日（5个工作日）。"),
            table(
                &["收费项目", "收费标准（元）", "咨询电话"],
                &[&["作业本费", "1,280.00", "0371-6523 8001"]],
            ),
            Block::KeyValues(vec![
                ("监督电话".into(), "0371-6523 8002".into()),
                ("答复".into(), "教务处，2026-12-03".into()),
            ]),
        ],
    );
    assert_eq!(verdict(&doc), Ok(()));
    let pdf = render_pdf(&doc, &allow()).unwrap();
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(text.contains("来自电话（2026-12-01）"), "{text}");
}
