//! A notice as a text message (通讯: 短消息 to parents): at most a chosen
//! number of characters, by default one SMS segment. A Chinese SMS is
//! UCS-2: one segment holds 70 characters; a longer text is sent in parts
//! of 67 (each carries a header), so it costs more and may arrive out of
//! order — the jobs offer wordings from the fullest to the tersest, and the
//! first that fits is taken.

use serde::Serialize;

/// One segment of a Chinese text message.
pub const SEGMENT: usize = 70;
/// What each part of a longer message holds.
pub const PART: usize = 67;

/// How many segments a text of `chars` characters takes.
pub fn segments(chars: usize) -> usize {
    if chars <= SEGMENT {
        1
    } else {
        chars.div_ceil(PART)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sms {
    pub text: String,
    pub chars: usize,
    pub segments: usize,
    /// The most characters asked for.
    pub max: usize,
    /// Whether the text is within them.
    pub fits: bool,
}

impl Sms {
    /// What to tell the clerk: its length and what it costs.
    pub fn summary(&self) -> String {
        if self.fits {
            format!(
                "共{}字，{}条短信（不超过{}字）",
                self.chars, self.segments, self.max
            )
        } else if self.segments == 1 {
            format!(
                "共{}字，超过了{}字：最简的写法也放不下（仍是1条短信）",
                self.chars, self.max
            )
        } else {
            format!(
                "共{}字，超过了{}字：最简的写法也放不下，要分{}条短信发送",
                self.chars, self.max, self.segments
            )
        }
    }
}

/// The first of `wordings` (fullest first) within `max` characters, or the
/// last (tersest) if none is. `None` only for no wordings.
pub fn fit(wordings: &[String], max: usize) -> Option<Sms> {
    let count = |w: &String| w.chars().count();
    let chosen = wordings
        .iter()
        .find(|w| count(w) <= max)
        .or(wordings.last())?;
    let chars = count(chosen);
    Some(Sms {
        text: chosen.clone(),
        chars,
        segments: segments(chars),
        max,
        fits: chars <= max,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seventy_characters_are_one_segment_and_more_go_in_parts_of_67() {
        assert_eq!(segments(1), 1);
        assert_eq!(segments(70), 1);
        assert_eq!(segments(71), 2);
        assert_eq!(segments(134), 2);
        assert_eq!(segments(135), 3);
    }

    #[test]
    fn the_fullest_wording_that_fits_is_taken_else_the_tersest_with_its_cost() {
        let wordings = vec!["长".repeat(90), "中".repeat(69), "短".repeat(30)];
        let sms = fit(&wordings, 70).unwrap();
        assert_eq!((sms.chars, sms.segments), (69, 1));
        assert!(sms.summary().contains("1条短信"));
        let tight = fit(&wordings, 20).unwrap();
        assert_eq!(tight.text, "短".repeat(30));
        assert!(!tight.fits);
        assert!(
            tight.summary().contains("超过了20字"),
            "{}",
            tight.summary()
        );
        assert_eq!(fit(&wordings, 200).unwrap().chars, 90);
        assert!(fit(&[], 70).is_none());
    }
}
