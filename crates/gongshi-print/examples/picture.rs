//! Writes the specimen sheet as PNG pictures (one a page, and at 2×) to the
//! current folder, to look at while working on the engine:
//! cargo run -p gongshi-print --example picture
use gongshi_print::picture::{PictureOptions, render};
use gongshi_print::sheet::{Block, Document, Paper};
use gongshi_print::specimen::{self, SpecimenSchool};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let school = SpecimenSchool::sample();
    let now = chrono::Local::now().fixed_offset();
    let mut sheet = specimen::board_sheet(&school, Paper::default(), now.date_naive());
    for block in &mut sheet.blocks {
        if let Block::Closing(c) = block {
            c.verification = Some("MMY9-15-2-28T5CY4T".into());
        }
    }
    let doc = Document {
        title: "收费公示（样张）".into(),
        author: school.name.clone(),
        created: now,
        sheets: vec![sheet],
    };
    for (scale, name) in [(1, "specimen-sheet.png"), (2, "specimen-sheet-2x.png")] {
        let options = PictureOptions {
            scale,
            ..PictureOptions::default()
        };
        std::fs::write(name, &render(&doc, &school.allowlist(), options)?[0])?;
        println!("{name}");
    }
    std::fs::write(
        "specimen-sheet.pdf",
        gongshi_print::render_pdf(&doc, &school.allowlist())?,
    )?;
    Ok(())
}
