//! What every print command writes: the PDF (`--out`), pictures (`--png
//! DIR`, `--tall`, `--2x`), or both, from the one [`Printable`]. Both are
//! made before either is written, so a refusal writes nothing.

use std::path::Path;

use gongshi_app::print::picture::{PHONE_WIDTH, PictureOptions};
use gongshi_app::printing::{self, Printable};
use gongshi_app::{AppError, Result, output};

use crate::args::{Cli, PictureArgs};
use crate::output::emit;

/// What a print command wrote.
#[derive(serde::Serialize)]
struct Written {
    pdf: Option<String>,
    bytes: usize,
    pictures: Vec<String>,
}

/// Writes `sheets` as a PDF to `out` and/or as pictures into `--png`, the
/// pictures named after the PDF (or `stem`).
pub fn print_out(
    cli: &Cli,
    sheets: &Printable,
    out: Option<&Path>,
    pictures: &PictureArgs,
    stem: &str,
) -> Result<()> {
    let pdf = out
        .map(|o| Ok::<_, AppError>((o, sheets.pdf()?)))
        .transpose()?;
    print_parts(cli, pdf, sheets, pictures, stem)
}

/// Writes `pdf` (to its path) and the pictures of `sheets` (into `--png`),
/// both made before either is written; one report of what was written.
pub fn print_parts(
    cli: &Cli,
    pdf: Option<(&Path, Vec<u8>)>,
    sheets: &Printable,
    pictures: &PictureArgs,
    stem: &str,
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
    let mut written = Written {
        pdf: None,
        bytes: 0,
        pictures: Vec::new(),
    };
    if let Some((out, pdf)) = &pdf {
        output::write_atomically(out, pdf)?;
        written.pdf = Some(out.display().to_string());
        written.bytes = pdf.len();
    }
    if let Some((dir, made)) = pngs {
        let stem = out
            .and_then(|o| o.file_stem())
            .map_or_else(|| stem.to_owned(), |s| s.to_string_lossy().into_owned());
        let paths = printing::save_pictures(dir, &stem, &made)?;
        written.pictures = paths.iter().map(|p| p.display().to_string()).collect();
    }
    emit(cli, &written, || {
        let mut lines = Vec::new();
        if let Some(pdf) = &written.pdf {
            lines.push(format!("已生成：{pdf}（{} KB）", written.bytes / 1024));
        }
        if !written.pictures.is_empty() {
            lines.push(format!("已生成 {} 张图片：", written.pictures.len()));
            lines.extend(written.pictures.iter().cloned());
        }
        lines.join("\n")
    });
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
