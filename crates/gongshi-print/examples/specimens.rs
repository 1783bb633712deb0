//! Writes the specimen sheet and three letters to the current folder, to
//! look at while working on the engine: cargo run -p gongshi-print --example specimens
use gongshi_print::render_pdf;
use gongshi_print::sheet::{Document, Paper};
use gongshi_print::specimen::{self, SpecimenSchool};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let school = SpecimenSchool {
        name: "阳光市实验小学（示例）".into(),
        office_phone: "0371-6523 8001".into(),
        supervision_phone: "0371-6523 8002".into(),
        complaint_phone: "0371-6890 1234".into(),
        hotlines: vec!["12345".into(), "12315".into()],
    };
    let allow = Allowlist::new([
        &school.office_phone,
        &school.supervision_phone,
        &school.complaint_phone,
    ]);
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
