//! What the pages of a batch have in common — in a batch of letters,
//! everything but the name, the class and the slip — found by comparing
//! the first sheets' pages mark by mark. It is written once, as a form
//! XObject, and each page draws it and then only its own marks.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::layout::{Mark, Page, layout};
use crate::sheet::Document;

/// How many sheets are compared to find the shared part.
const SAMPLE_SHEETS: usize = 4;
/// Fewer shared marks than this are not worth an XObject.
const WORTH_SHARING: usize = 12;

/// A mark compared by value (its floats by their bits).
#[derive(Clone, Copy)]
struct Key<'a>(&'a Mark);

impl PartialEq for Key<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Key<'_> {}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let bits = |v: &[f32], state: &mut H| v.iter().for_each(|f| f.to_bits().hash(state));
        std::mem::discriminant(self.0).hash(state);
        match self.0 {
            Mark::Text {
                x,
                baseline,
                face,
                size,
                text,
                spacing,
                ink,
            } => {
                bits(&[*x, *baseline, *size, *spacing], state);
                face.hash(state);
                text.hash(state);
                ink.hash(state);
            }
            Mark::Rule {
                from,
                to,
                width,
                dashed,
                ink,
            } => {
                bits(&[from.0, from.1, to.0, to.1, *width], state);
                dashed.hash(state);
                ink.hash(state);
            }
            Mark::Shade { x, y, w, h, gray } => bits(&[*x, *y, *w, *h, *gray], state),
            Mark::Circle {
                center,
                radius,
                dashed,
                ink,
            } => {
                bits(&[center.0, center.1, *radius], state);
                dashed.hash(state);
                ink.hash(state);
            }
            Mark::Watermark { text, angle, .. } => {
                bits(&[*angle], state);
                text.hash(state);
            }
        }
    }
}

/// The marks every sampled page shares, on pages of one size.
pub struct Shared {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<Mark>,
    /// A mark's hash → its places in `marks`.
    index: HashMap<u64, Vec<usize>>,
}

fn hash(mark: &Mark) -> u64 {
    let mut h = DefaultHasher::new();
    Key(mark).hash(&mut h);
    h.finish()
}

impl Shared {
    /// The shared part of `doc`'s pages, if it has one worth sharing: the
    /// marks on every page of its first sheets (a batch needs two at least).
    pub fn find(doc: &Document) -> Option<Shared> {
        if doc.sheets.len() < 2 {
            return None;
        }
        let sample: Vec<Page> = doc
            .sheets
            .iter()
            .take(SAMPLE_SHEETS)
            .flat_map(layout)
            .collect();
        let first = sample.first()?;
        let (width, height) = (first.width, first.height);
        let mut seen = HashSet::new();
        let mut common: Vec<&Mark> = first.marks.iter().filter(|m| seen.insert(Key(m))).collect();
        for page in sample.iter().skip(1) {
            if (page.width, page.height) != (width, height) {
                continue;
            }
            let here: HashSet<Key> = page.marks.iter().map(Key).collect();
            common.retain(|m| here.contains(&Key(m)));
        }
        if common.len() < WORTH_SHARING {
            return None;
        }
        let marks: Vec<Mark> = common.into_iter().cloned().collect();
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, m) in marks.iter().enumerate() {
            index.entry(hash(m)).or_default().push(i);
        }
        Some(Shared {
            width,
            height,
            marks,
            index,
        })
    }

    fn place(&self, mark: &Mark) -> Option<usize> {
        self.index
            .get(&hash(mark))?
            .iter()
            .copied()
            .find(|&i| self.marks[i] == *mark)
    }

    /// The page's own marks, when it holds every shared mark (it then
    /// draws the shared part and these); `None` when it must be drawn
    /// whole.
    pub fn own_marks<'p>(&self, page: &'p Page) -> Option<Vec<&'p Mark>> {
        if (page.width, page.height) != (self.width, self.height) {
            return None;
        }
        let mut found = vec![false; self.marks.len()];
        let mut own = Vec::new();
        for mark in &page.marks {
            match self.place(mark) {
                Some(i) if !found[i] => found[i] = true,
                _ => own.push(mark),
            }
        }
        found.iter().all(|f| *f).then_some(own)
    }
}
