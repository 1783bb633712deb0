//! A QR code as filled squares: the dark modules of each row merged into
//! runs, so a code is a few dozen rectangles in the PDF and the picture.

use qrcode::{Color, EcLevel, QrCode};

/// A run of dark modules on one row: (row, first column, length).
pub type Run = (usize, usize, usize);

/// The dark runs of `text`'s QR code (error correction M: a smudged or
/// folded corner still reads), and the code's width, in modules. `None`
/// if the text is too long for a QR code at all (never for a 核验码).
pub fn runs(text: &str) -> Option<(usize, Vec<Run>)> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, line) in colors.chunks(width).enumerate() {
        let mut col = 0;
        while col < width {
            if line[col] == Color::Dark {
                let start = col;
                while col < width && line[col] == Color::Dark {
                    col += 1;
                }
                runs.push((row, start, col - start));
            } else {
                col += 1;
            }
        }
    }
    Some((width, runs))
}
