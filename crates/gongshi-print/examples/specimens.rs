//! Writes the specimen sheet and three letters to the current folder, to
//! look at while working on the engine: cargo run -p gongshi-print --example specimens
use gongshi_print::render_pdf;
use gongshi_print::sheet::{Document, Paper};
use gongshi_print::specimen::{self, SpecimenSchool};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let school = SpecimenSchool::sample();
    let allow = school.allowlist();
    let now = chrono::Local::now().fixed_offset();
    let sheet = Document {
        title: "收费公示（样张）".into(),
        author: school.name.clone(),
        created: now,
        sheets: vec![specimen::board_sheet(
            &school,
            Paper::default(),
            now.date_naive(),
        )],
    };
    std::fs::write("specimen-sheet.pdf", render_pdf(&sheet, &allow)?)?;
    std::fs::write(
        "specimen-letters.pdf",
        render_pdf(&specimen::letters(&school, 3, now), &allow)?,
    )?;
    println!("specimen-sheet.pdf, specimen-letters.pdf");
    Ok(())
}
