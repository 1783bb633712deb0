//! Whether Chinese text on the screen is drawn as real glyphs, read from the
//! screenshot's pixels: the DOM says which characters are there, only the
//! pixels say whether a font drew them. A character no font covers is drawn
//! as a missing-glyph box (tofu): an outline filling its cell, and the same
//! box for every such character.

use std::collections::HashSet;

/// A screenshot, decoded.
pub struct Shot {
    width: usize,
    height: usize,
    /// RGBA, row by row.
    rgba: Vec<u8>,
}

/// One character's box on the screen, in CSS pixels (the screenshot's too:
/// the virtual display has a device pixel ratio of 1).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct CharBox {
    pub ch: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// What the pixels of one character cell show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drawn {
    /// Nothing but background.
    Blank,
    /// A rectangle outline around the ink: a missing-glyph box.
    Tofu,
    /// Anything else: a glyph. Carries the ink mask, to tell glyphs apart.
    Glyph(Vec<bool>),
}

impl Shot {
    /// Decodes a PNG (the WebDriver's screenshot).
    pub fn decode(png_bytes: &[u8]) -> Result<Shot, Box<dyn std::error::Error>> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
        decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
        let mut reader = decoder.read_info()?;
        let mut buf = vec![0; reader.output_buffer_size().ok_or("PNG too large")?];
        let info = reader.next_frame(&mut buf)?;
        let channels = info.color_type.samples();
        let (width, height) = (info.width as usize, info.height as usize);
        let mut rgba = Vec::with_capacity(width * height * 4);
        for px in buf[..info.buffer_size()].chunks(channels) {
            match channels {
                1 | 2 => rgba.extend([px[0], px[0], px[0], 255]),
                _ => rgba.extend([px[0], px[1], px[2], 255]),
            }
        }
        Ok(Shot {
            width,
            height,
            rgba,
        })
    }

    fn pixel(&self, x: usize, y: usize) -> [u8; 3] {
        let i = (y * self.width + x) * 4;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2]]
    }

    /// Classifies the cell of one character.
    pub fn drawn(&self, b: &CharBox) -> Drawn {
        let x0 = (b.x.floor().max(0.0) as usize).min(self.width);
        let y0 = (b.y.floor().max(0.0) as usize).min(self.height);
        let x1 = ((b.x + b.w).ceil() as usize).min(self.width);
        let y1 = ((b.y + b.h).ceil() as usize).min(self.height);
        if x1 <= x0 || y1 <= y0 {
            return Drawn::Blank;
        }
        let background = self.commonest(x0, y0, x1, y1);
        let ink = |x: usize, y: usize| {
            let p = self.pixel(x, y);
            p.iter()
                .zip(background)
                .map(|(a, b)| i32::from(*a).abs_diff(i32::from(b)))
                .sum::<u32>()
                > 180
        };
        let (w, h) = (x1 - x0, y1 - y0);
        let mask: Vec<bool> = (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .map(|(x, y)| ink(x, y))
            .collect();
        let at = |x: usize, y: usize| mask[y * w + x];
        let inked: Vec<(usize, usize)> = (0..h)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| at(x, y))
            .collect();
        let Some(left) = inked.iter().map(|p| p.0).min() else {
            return Drawn::Blank;
        };
        let right = inked.iter().map(|p| p.0).max().unwrap_or(left);
        let top = inked.iter().map(|p| p.1).min().unwrap_or(0);
        let bottom = inked.iter().map(|p| p.1).max().unwrap_or(top);
        // A box: each side of the ink's bounding box is (nearly) all ink.
        let row = |y: usize| (left..=right).filter(|&x| at(x, y)).count() as f64;
        let col = |x: usize| (top..=bottom).filter(|&y| at(x, y)).count() as f64;
        let (bw, bh) = ((right - left + 1) as f64, (bottom - top + 1) as f64);
        let sides = [
            row(top) / bw,
            row(bottom) / bw,
            col(left) / bh,
            col(right) / bh,
        ];
        if bw >= 4.0 && bh >= 4.0 && sides.iter().all(|s| *s > 0.8) {
            Drawn::Tofu
        } else {
            Drawn::Glyph(mask)
        }
    }

    /// The commonest colour of a rectangle: its background.
    fn commonest(&self, x0: usize, y0: usize, x1: usize, y1: usize) -> [u8; 3] {
        let mut counts = std::collections::HashMap::new();
        for y in y0..y1 {
            for x in x0..x1 {
                *counts.entry(self.pixel(x, y)).or_insert(0) += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map_or([255; 3], |(c, _)| c)
    }
}

/// Checks that every character was drawn as a glyph, and that different
/// characters look different (tofu boxes are all alike). Names the first
/// character that was not.
pub fn check_real_glyphs(shot: &Shot, boxes: &[CharBox]) -> Result<(), String> {
    if boxes.is_empty() {
        return Err("no characters to look at".into());
    }
    let mut seen: Vec<(&str, Vec<bool>)> = Vec::new();
    for b in boxes {
        match shot.drawn(b) {
            Drawn::Blank => return Err(format!("“{}” left no ink at {b:?}", b.ch)),
            Drawn::Tofu => return Err(format!("“{}” is a missing-glyph box at {b:?}", b.ch)),
            Drawn::Glyph(mask) => seen.push((&b.ch, mask)),
        }
    }
    let distinct_chars: HashSet<&str> = seen.iter().map(|(c, _)| *c).collect();
    let distinct_masks: HashSet<&Vec<bool>> = seen.iter().map(|(_, m)| m).collect();
    if distinct_masks.len() < distinct_chars.len() {
        return Err(format!(
            "{} different characters drew only {} different shapes: {:?}",
            distinct_chars.len(),
            distinct_masks.len(),
            boxes.iter().map(|b| b.ch.as_str()).collect::<String>()
        ));
    }
    Ok(())
}

/// JavaScript: the boxes of the characters matching the pattern
/// `arguments[1]` in `arguments[0]`, an HTML element (text ranges) or one
/// holding SVG `<text>` (the extent of each character).
pub const CHAR_BOXES_JS: &str = r#"
const root = arguments[0];
const han = new RegExp(arguments[1], 'u');
const out = [];
const svgTexts = root instanceof SVGTextContentElement ? [root]
  : [...root.querySelectorAll('text')].filter(t => t instanceof SVGTextContentElement);
if (svgTexts.length > 0) {
  for (const t of svgTexts) {
    const m = t.getScreenCTM();
    const chars = [...t.textContent];
    for (let i = 0; i < t.getNumberOfChars() && i < chars.length; i++) {
      if (!han.test(chars[i])) continue;
      const e = t.getExtentOfChar(i);
      const p = new DOMPoint(e.x, e.y).matrixTransform(m);
      const q = new DOMPoint(e.x + e.width, e.y + e.height).matrixTransform(m);
      out.push({ ch: chars[i], x: p.x, y: p.y, w: q.x - p.x, h: q.y - p.y });
    }
  }
  return out;
}
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  for (let i = 0; i < node.data.length; i++) {
    if (!han.test(node.data[i])) continue;
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    const b = r.getBoundingClientRect();
    if (b.width > 0) out.push({ ch: node.data[i], x: b.x, y: b.y, w: b.width, h: b.height });
  }
}
return out;
"#;
