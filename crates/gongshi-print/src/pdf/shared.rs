//! What the pages of a batch have in common — in a batch of letters,
//! everything but the name, the class and the slip — found by comparing
//! the first sheets' pages mark by mark. It is written once, as a form
//! XObject, and each page draws it and then only its own marks.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::layout::{Mark, Page, layout};
use crate::sheet::Document;

/// At most this many sheets are compared to find a shared part.
const SAMPLE_SHEETS: usize = 4;
/// A sheet joins the sample while the part shared stays this much of the
/// first page (a letter differs in its name and slip, not in half its text).
const KEEP: f32 = 0.8;
/// Fewer shared marks than this are not worth an XObject.
const WORTH_SHARING: usize = 12;
/// A batch with more kinds of pages than this draws the rest whole.
const MOST_PARTS: usize = 64;

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

/// The shared parts of one document's pages, found as the pages come: a
/// batch of letters to six grades has six (each grade's fees differ).
#[derive(Default)]
pub struct Parts {
    pub parts: Vec<Shared>,
    /// Sheets from which no part could be found: not tried again.
    tried: HashSet<usize>,
}

impl Parts {
    /// The part `page` (of sheet `at` in `doc`) draws, and its own marks;
    /// a new part is found from this sheet and the next when none fits.
    /// The bool says the part is new (to be written).
    pub fn for_page<'p>(
        &mut self,
        doc: &Document,
        at: usize,
        page: &'p Page,
    ) -> Option<(usize, bool, Vec<&'p Mark>)> {
        for (i, part) in self.parts.iter().enumerate() {
            if let Some(own) = part.own_marks(page) {
                return Some((i, false, own));
            }
        }
        if self.parts.len() >= MOST_PARTS || !self.tried.insert(at) {
            return None;
        }
        let part = Shared::find(&doc.sheets[at..], page)?;
        let own = part.own_marks(page)?;
        self.parts.push(part);
        Some((self.parts.len() - 1, true, own))
    }
}

impl Shared {
    /// What `page` (of the first of `sheets`) has in common with the pages
    /// of the sheets after it, if two sheets at least share enough.
    fn find(sheets: &[crate::sheet::Sheet], page: &Page) -> Option<Shared> {
        let (width, height) = (page.width, page.height);
        let mut seen = HashSet::new();
        let mut common: Vec<&Mark> = page.marks.iter().filter(|m| seen.insert(Key(m))).collect();
        let first = common.len();
        let mut joined = 0;
        let laid: Vec<Vec<Page>> = sheets
            .iter()
            .skip(1)
            .take(SAMPLE_SHEETS - 1)
            .map(layout)
            .collect();
        for pages in &laid {
            let mut kept = common.clone();
            for other in pages
                .iter()
                .filter(|p| (p.width, p.height) == (width, height))
            {
                let here: HashSet<Key> = other.marks.iter().map(Key).collect();
                kept.retain(|m| here.contains(&Key(m)));
            }
            if (kept.len() as f32) < first as f32 * KEEP {
                break;
            }
            common = kept;
            joined += 1;
        }
        if joined == 0 || common.len() < WORTH_SHARING {
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
