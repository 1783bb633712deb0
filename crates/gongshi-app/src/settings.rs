//! Settings of the clerk's week: each category's minimum posting period,
//! and the regular disclosures whose rhythm the week board checks.

use gongshi_domain::category::Category;
use gongshi_domain::item::POSTING_DAYS_MAX;
use gongshi_domain::lines::procurement;
use gongshi_domain::{Fen, FieldError, OperatorName, text};
use gongshi_store::{RegularDisclosure, Store};

use crate::Result;

pub const RHYTHMS: [(&str, &str); 3] = [
    ("monthly", "每月"),
    ("semester", "每学期"),
    ("yearly", "每年"),
];

pub fn set_min_days(
    store: &mut Store,
    op: &OperatorName,
    category: Category,
    days: u32,
) -> Result<()> {
    if days == 0 || days > POSTING_DAYS_MAX {
        return Err(
            FieldError::new("最短公示期", format!("应为1到{POSTING_DAYS_MAX}个工作日")).into(),
        );
    }
    Ok(store.write(op, |w| w.set_min_days(category, days))?)
}

/// The category's minimum posting period (its default unless set).
pub fn min_days(store: &Store, category: Category) -> Result<u32> {
    Ok(store.min_days(category)?)
}

pub fn add_regular(
    store: &mut Store,
    op: &OperatorName,
    category: Category,
    title: &str,
    rhythm: &str,
) -> Result<i64> {
    let title = text::required("名称", title, 50)?;
    let rhythm = RHYTHMS
        .iter()
        .find(|(code, label)| *code == rhythm || *label == rhythm)
        .map(|(code, _)| *code)
        .ok_or_else(|| {
            FieldError::new(
                "频率",
                format!("“{rhythm}”不是可选的频率（每月、每学期、每年）"),
            )
        })?;
    Ok(store.write(op, |w| w.add_regular_disclosure(category, &title, rhythm))?)
}

pub fn remove_regular(store: &mut Store, op: &OperatorName, id: i64) -> Result<()> {
    if !store.write(op, |w| w.remove_regular_disclosure(id))? {
        return Err(FieldError::new("定期公开", format!("没有编号为{id}的定期公开")).into());
    }
    Ok(())
}

pub fn regulars(store: &Store) -> Result<Vec<RegularDisclosure>> {
    Ok(store.regular_disclosures()?)
}

/// The school's 公开招标限额 (the default until it sets one), and whether
/// it is the default.
pub fn tender_threshold(store: &Store) -> Result<(Fen, bool)> {
    Ok(match store.tender_threshold()? {
        Some(set) => (set, false),
        None => (procurement::DEFAULT_THRESHOLD, true),
    })
}

/// Sets the school's 公开招标限额 from yuan as typed: 500000, 4,000,000
/// or 400万.
pub fn set_tender_threshold(store: &mut Store, op: &OperatorName, yuan: &str) -> Result<Fen> {
    let field = procurement::THRESHOLD_NAME;
    let threshold = match yuan.trim().strip_suffix('万') {
        Some(wan) => {
            let f = Fen::parse(field, wan)?;
            Fen(f
                .0
                .checked_mul(10_000)
                .ok_or_else(|| FieldError::new(field, "太大了"))?)
        }
        None => Fen::parse(field, yuan)?,
    };
    if threshold.0 <= 0 {
        return Err(FieldError::new(procurement::THRESHOLD_NAME, "应大于0").into());
    }
    store.write(op, |w| w.set_tender_threshold(threshold))?;
    Ok(threshold)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimum_days_and_regular_disclosures_are_checked_and_kept() {
        let mut store = Store::open_in_memory().unwrap();
        let op = OperatorName::parse("王静").unwrap();
        assert!(set_min_days(&mut store, &op, Category::Procurement, 0).is_err());
        set_min_days(&mut store, &op, Category::Procurement, 7).unwrap();
        assert_eq!(store.min_days(Category::Procurement).unwrap(), 7);
        assert_eq!(store.min_days(Category::Other).unwrap(), 5);

        let err = add_regular(&mut store, &op, Category::Finance, "月报", "每周").unwrap_err();
        assert!(err.to_string().contains("频率"), "{err}");
        let id = add_regular(&mut store, &op, Category::Finance, "每月财务收支", "每月").unwrap();
        assert_eq!(regulars(&store).unwrap()[0].rhythm, "monthly");
        remove_regular(&mut store, &op, id).unwrap();
        assert!(regulars(&store).unwrap().is_empty());
    }
}
