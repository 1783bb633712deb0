//! What every print command writes: the PDF (`--out`), pictures (`--png
//! DIR`, `--tall`, `--2x`), or both, from the one [`Printable`]. Both are
//! made before either is written, so a refusal writes nothing.

use std::path::Path;

use gongshi_app::print::picture::{PHONE_WIDTH, PictureOptions};
use gongshi_app::printing::{self, Printable};
use gongshi_app::{AppError, Result, output};

use super::Written;
use crate::args::{Cli, PictureArgs};
use crate::output::emit;

/// Writes `sheets` as a PDF to `out` and/or as pictures into `--png`, the
/// pictures named after the PDF (or the sheets' own name).
pub fn print_out(
    cli: &Cli,
    sheets: &Printable,
    out: Option<&Path>,
    pictures: &PictureArgs,
) -> Result<()> {
    let pdf = out
        .map(|o| Ok::<_, AppError>((o, sheets.pdf()?)))
        .transpose()?;
    print_parts(cli, pdf, sheets, pictures)
}

/// Writes `pdf` (to its path) and the pictures of `sheets` (into `--png`),
/// both made before either is written; one report of what was written.
pub fn print_parts(
    cli: &Cli,
    pdf: Option<(&Path, Vec<u8>)>,
    sheets: &Printable,
    pictures: &PictureArgs,
) -> Result<()> {
    let pngs = match &pictures.png {
        Some(dir) => {
            let options = PictureOptions {
                width: PHONE_WIDTH,
                scale: if pictures.sharp { 2 } else { 1 },
                tall: pictures.tall,
            };
            let made = sheets.pictures(options)?;
            folder(dir)?;
            Some((dir, made))
        }
        None => None,
    };
    let out = pdf.as_ref().map(|(o, _)| *o);
    let mut written = Written::default();
    if let Some((out, pdf)) = &pdf {
        output::write_atomically(out, pdf)?;
        written = Written::pdf(out, pdf);
    }
    if let Some((dir, made)) = pngs {
        let stem = out
            .and_then(|o| o.file_stem())
            .map_or_else(|| sheets.name.clone(), |s| s.to_string_lossy().into_owned());
        written = written.with_pictures(&printing::save_pictures(dir, &stem, &made)?);
    }
    let written = written.with_codes(&sheets.codes());
    emit(cli, &written, || written.said());
    Ok(())
}

/// The pictures' folder, made if missing; a file of that name refused.
fn folder(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(AppError::Write {
            path: dir.display().to_string(),
            reason: "这是一个文件，不是文件夹：--png 后面请写图片要放的文件夹".into(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|e| AppError::Write {
        path: dir.display().to_string(),
        reason: gongshi_app::io_reason(&e),
    })
}
