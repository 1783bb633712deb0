//! Pictures of sheets: drawn from the PDF's own layout, so a page's picture
//! matches poppler's rendering of the PDF; the QR code reads back; pages
//! stack into one tall picture or stay one a page.

use gongshi_print::picture::{PictureOptions, render};
use gongshi_print::sheet::{Block, Document, Paper, Sheet};
use gongshi_print::specimen::board_sheet;
use gongshi_print::{PrintError, render_pdf};

use crate::{allow, created, date, school};

fn document(sheets: Vec<Sheet>) -> Document {
    Document {
        title: "收费公示".into(),
        author: school().name,
        created: created(),
        sheets,
    }
}

fn board() -> Sheet {
    board_sheet(&school(), Paper::default(), date())
}

/// A PNG's pixels as gray levels, and its size.
fn gray(png_bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let pixels = buf[..w * h * channels]
        .chunks(channels)
        .map(|p| {
            let rgb = &p[..channels.min(3)];
            (rgb.iter().map(|&v| u32::from(v)).sum::<u32>() / rgb.len() as u32) as u8
        })
        .collect();
    (w, h, pixels)
}

/// Poppler's rendering of the PDF's first page, `width` pixels across.
fn poppler_page(pdf: &[u8], width: usize) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftoppm")
        .args(["-png", "-f", "1", "-l", "1", "-scale-to-x"])
        .arg(width.to_string())
        .args(["-scale-to-y", "-1"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils; cargo xtask setup --test)");
    assert!(out.success());
    let page = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .unwrap();
    std::fs::read(page).unwrap()
}

/// How far two pictures of one size differ: the mean gray of 8×8 blocks
/// compared block by block (anti-aliasing differs, places must not):
/// (mean difference, largest difference).
fn difference(a: &(usize, usize, Vec<u8>), b: &(usize, usize, Vec<u8>)) -> (f32, f32) {
    let (w, h) = (a.0.min(b.0), a.1.min(b.1));
    let block = |p: &(usize, usize, Vec<u8>), bx: usize, by: usize| {
        let mut sum = 0u32;
        for y in by * 8..by * 8 + 8 {
            for x in bx * 8..bx * 8 + 8 {
                sum += u32::from(p.2[y * p.0 + x]);
            }
        }
        sum as f32 / 64.0
    };
    let (mut total, mut most, mut n) = (0.0, 0.0f32, 0.0);
    for by in 0..h / 8 {
        for bx in 0..w / 8 {
            let d = (block(a, bx, by) - block(b, bx, by)).abs();
            total += d;
            most = most.max(d);
            n += 1.0;
        }
    }
    (total / n, most)
}

#[test]
fn a_pictures_pixels_match_the_pdf_as_poppler_draws_it() {
    let doc = document(vec![board()]);
    let pictures = render(&doc, &allow(), PictureOptions::default()).unwrap();
    assert_eq!(pictures.len(), 1);
    let ours = gray(&pictures[0]);
    assert_eq!(ours.0, 1080);
    assert_eq!(ours.1, (1080.0_f32 * 297.0 / 210.0).round() as usize);
    let theirs = gray(&poppler_page(&render_pdf(&doc, &allow()).unwrap(), 1080));
    let (mean, most) = difference(&ours, &theirs);
    eprintln!("same: mean {mean}, most {most}");
    assert!(mean < 2.5 && most < 64.0, "mean {mean}, most {most}");

    // A picture of another sheet is told apart by the same measure.
    let mut other = board();
    other.blocks.insert(
        0,
        Block::Paragraph("多出来的一段，把下面的一切都推下去。".into()),
    );
    let moved =
        gray(&render(&document(vec![other]), &allow(), PictureOptions::default()).unwrap()[0]);
    let (mean, most) = difference(&moved, &theirs);
    eprintln!("moved: mean {mean}, most {most}");
    assert!(mean > 5.0 && most > 128.0, "mean {mean}, most {most}");
}

#[test]
fn the_qr_code_on_a_board_sheet_reads_back_as_its_code() {
    let code = "MMY9-15-2-28T5CY4T";
    let mut sheet = board();
    for block in &mut sheet.blocks {
        if let Block::Closing(c) = block {
            c.verification = Some(code.into());
        }
    }
    let (w, h, pixels) =
        gray(&render(&document(vec![sheet]), &allow(), PictureOptions::default()).unwrap()[0]);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().unwrap();
    assert_eq!(content, code);
}

#[test]
fn a_long_sheet_is_one_tall_picture_or_a_picture_a_page_and_2x_doubles() {
    let doc = document(vec![board(), board(), board()]);
    let each = render(&doc, &allow(), PictureOptions::default()).unwrap();
    assert_eq!(each.len(), 3);
    let page = gray(&each[0]);
    let tall = render(
        &doc,
        &allow(),
        PictureOptions {
            tall: true,
            ..PictureOptions::default()
        },
    )
    .unwrap();
    assert_eq!(tall.len(), 1);
    let tall = gray(&tall[0]);
    assert_eq!((tall.0, tall.1), (1080, page.1 * 3 + 16 * 2));
    // The second page starts below the first and the band.
    assert_eq!(
        &tall.2[(page.1 + 16) * 1080..(page.1 * 2 + 16) * 1080],
        &page.2[..]
    );

    let sharp = render(
        &doc,
        &allow(),
        PictureOptions {
            scale: 2,
            ..PictureOptions::default()
        },
    )
    .unwrap();
    assert_eq!(gray(&sharp[0]).0, 2160);

    let many = document((0..40).map(|_| board()).collect());
    let err = render(
        &many,
        &allow(),
        PictureOptions {
            tall: true,
            ..PictureOptions::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, PrintError::TooTall { pages: 40 }), "{err}");
    assert!(err.to_string().contains("每页一张"), "{err}");
}

#[test]
fn a_sheet_with_personal_data_gives_no_picture() {
    let mut sheet = board();
    sheet
        .blocks
        .push(Block::Paragraph("联系家长13812345678".into()));
    let err = render(&document(vec![sheet]), &allow(), PictureOptions::default()).unwrap_err();
    assert!(matches!(err, PrintError::Privacy { .. }), "{err}");
}
