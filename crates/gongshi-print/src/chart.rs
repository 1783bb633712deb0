//! A bar chart as marks: axes and grid as rules, bars as shading with an
//! outline, the values, labels and title as text — so the PDF, the
//! picture and the screen's preview draw it as they draw everything else,
//! and its Chinese labels read back from the PDF.

use crate::fonts::Face;
use crate::layout::{Ink, Mark};
use crate::sheet::Chart;
use crate::wrap::{Measure, wrap};

/// The plot's height, in millimetres.
const PLOT_MM: f32 = 55.0;

/// The chart's whole height: plot, two lines of labels, the title.
pub fn height(mm: f32, size: f32) -> f32 {
    PLOT_MM * mm + size * 1.3 * 2.0 + size * 2.2 + 4.0 * mm
}

/// A step for the value axis: 1, 2 or 5 × 10ⁿ, so at most five lines.
fn step(max: u64) -> u64 {
    let mut unit = 1;
    loop {
        for k in [1, 2, 5] {
            if max <= unit * k * 5 {
                return unit * k;
            }
        }
        unit *= 10;
    }
}

pub fn marks(chart: &Chart, left: f32, top: f32, width: f32, mm: f32, size: f32) -> Vec<Mark> {
    let mut out = Vec::new();
    let max = chart
        .bars
        .iter()
        .map(|(_, v)| (*v).max(0) as u64)
        .max()
        .unwrap_or(0)
        .max(1);
    let step = step(max);
    let ceiling = max.div_ceil(step) * step;
    let axis_w = Face::Body.width(&ceiling.to_string(), size) + 2.0 * mm;
    let plot_left = left + axis_w;
    let plot_w = width - axis_w;
    let plot_top = top + size;
    let plot_bottom = top + PLOT_MM * mm;
    let plot_h = plot_bottom - plot_top;
    let text = |x: f32, baseline: f32, text: String, ink: Ink| Mark::Text {
        x,
        baseline,
        face: Face::Body,
        size,
        text,
        spacing: 0.0,
        ink,
    };
    let rule = |from: (f32, f32), to: (f32, f32), width: f32, dashed: bool| Mark::Rule {
        from,
        to,
        width,
        dashed,
        ink: Ink::Gray,
    };
    // Grid lines and their values.
    let mut v = 0;
    while v <= ceiling {
        let y = plot_bottom - plot_h * v as f32 / ceiling as f32;
        if v > 0 {
            out.push(rule((plot_left, y), (left + width, y), 0.3, true));
        }
        let label = v.to_string();
        let w = Face::Body.width(&label, size);
        out.push(text(plot_left - mm - w, y + size * 0.35, label, Ink::Gray));
        v += step;
    }
    let n = chart.bars.len().max(1) as f32;
    let slot = plot_w / n;
    let bar_w = (slot * 0.6).min(18.0 * mm);
    for (i, (label, value)) in chart.bars.iter().enumerate() {
        let center = plot_left + slot * (i as f32 + 0.5);
        let h = plot_h * (*value).max(0) as f32 / ceiling as f32;
        let x = center - bar_w / 2.0;
        let y = plot_bottom - h;
        if h > 0.0 {
            out.push(Mark::Shade {
                x,
                y,
                w: bar_w,
                h,
                gray: 0.55,
            });
            for (from, to) in [
                ((x, plot_bottom), (x, y)),
                ((x, y), (x + bar_w, y)),
                ((x + bar_w, y), (x + bar_w, plot_bottom)),
            ] {
                out.push(Mark::Rule {
                    from,
                    to,
                    width: 0.5,
                    dashed: false,
                    ink: Ink::Black,
                });
            }
        }
        let shown = value.to_string();
        let w = Face::Body.width(&shown, size);
        out.push(text(center - w / 2.0, y - size * 0.3, shown, Ink::Black));
        // The label under its bar, in at most two lines of the slot.
        let lines = wrap(label, Measure::new(Face::Body, size, slot - mm));
        for (j, line) in lines.iter().take(2).enumerate() {
            let w = Face::Body.width(&line.text, size);
            let baseline = plot_bottom + size * (1.2 + 1.3 * j as f32);
            out.push(text(
                center - w / 2.0,
                baseline,
                line.text.clone(),
                Ink::Black,
            ));
        }
    }
    // The axes.
    out.push(Mark::Rule {
        from: (plot_left, plot_top - size * 0.5),
        to: (plot_left, plot_bottom),
        width: 0.6,
        dashed: false,
        ink: Ink::Black,
    });
    out.push(Mark::Rule {
        from: (plot_left, plot_bottom),
        to: (left + width, plot_bottom),
        width: 0.6,
        dashed: false,
        ink: Ink::Black,
    });
    let title_w = Face::Body.width(&chart.title, size);
    let title_base = plot_bottom + size * 1.3 * 2.0 + size * 1.6;
    out.push(text(
        left + (width - title_w) / 2.0,
        title_base,
        chart.title.clone(),
        Ink::Black,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_axis_steps_are_round() {
        assert_eq!(step(1), 1);
        assert_eq!(step(5), 1);
        assert_eq!(step(6), 2);
        assert_eq!(step(23), 5);
        assert_eq!(step(120), 50);
    }

    #[test]
    fn each_bar_is_as_tall_as_its_value_and_labelled() {
        let chart = Chart {
            title: "图1 各类别公开事项数".into(),
            bars: vec![
                ("财务收支".into(), 4),
                ("采购".into(), 2),
                ("其他".into(), 0),
            ],
        };
        let marks = marks(&chart, 0.0, 0.0, 400.0, 2.83, 10.0);
        let bars: Vec<f32> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Shade { h, .. } => Some(*h),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 2, "a zero bar draws no shading");
        assert!((bars[0] / bars[1] - 2.0).abs() < 1e-3);
        let texts: Vec<&str> = marks
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        for t in [
            "财务收支",
            "采购",
            "其他",
            "4",
            "2",
            "0",
            "图1 各类别公开事项数",
        ] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
    }
}
