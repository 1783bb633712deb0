//! What every print command writes: the PDF (`--out`), pictures (`--png
//! DIR`, `--tall`, `--2x`), or both, from the one [`Printable`].

use std::path::Path;

use gongshi_app::Result;
use gongshi_app::print::picture::{PHONE_WIDTH, PictureOptions};
use gongshi_app::printing::Printable;

use crate::args::{Cli, PictureArgs};
use crate::output::emit;

/// Writes `sheets` as a PDF to `out` and/or as pictures into `--png`, the
/// pictures named after `stem` (or the PDF's name).
pub fn print_out(
    cli: &Cli,
    sheets: &Printable,
    out: Option<&Path>,
    pictures: &PictureArgs,
    stem: &str,
) -> Result<()> {
    if let Some(out) = out {
        super::write_output(cli, out, &sheets.pdf()?)?;
    }
    let Some(dir) = &pictures.png else {
        return Ok(());
    };
    let stem = out
        .and_then(|o| o.file_stem())
        .map_or_else(|| stem.to_owned(), |s| s.to_string_lossy().into_owned());
    let options = PictureOptions {
        width: PHONE_WIDTH,
        scale: if pictures.sharp { 2 } else { 1 },
        tall: pictures.tall,
    };
    let paths = sheets.save_pictures(dir, &stem, options)?;
    let written: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    emit(cli, &written, || {
        format!("已生成 {} 张图片：\n{}", written.len(), written.join("\n"))
    });
    Ok(())
}
