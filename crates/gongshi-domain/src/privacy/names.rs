//! A person's name as a public sheet shows it (学生资助 lists): enough to
//! be recognised by the family, not enough to be looked up. One character
//! hidden in a two- or three-character name (李*, 张*明); in a longer one
//! the given name's inner characters (欧阳*华, 爱**罗); a compound surname
//! is kept whole (欧阳, 司马…); in a name with a middle dot (买买提·艾力)
//! everything but the first and last characters and the dots.

/// The compound surnames (复姓) in use.
pub const COMPOUND_SURNAMES: [&str; 34] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "呼延", "澹台", "百里", "东郭", "闻人",
    "赫连", "申屠", "钟离", "濮阳", "太史", "万俟", "司空", "左丘", "第五", "拓跋",
];

const HIDDEN: char = '*';

/// The name with its hidden characters as `*`.
pub fn mask_name(name: &str) -> String {
    let name = name.trim();
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    if n == 0 {
        return String::new();
    }
    if n == 1 {
        // A name of one character is all of it: nothing shows.
        return HIDDEN.to_string();
    }
    if chars.iter().any(|c| matches!(c, '·' | '•' | '・' | '.')) {
        return chars
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let dot = matches!(c, '·' | '•' | '・' | '.');
                if dot || i == 0 || i == n - 1 {
                    *c
                } else {
                    HIDDEN
                }
            })
            .collect();
    }
    let surname = if COMPOUND_SURNAMES.iter().any(|s| name.starts_with(s)) && n > 2 {
        2
    } else {
        1
    };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let keep = i < surname
                || match n {
                    2 => false,
                    3 if surname == 2 => false,
                    _ => i == n - 1,
                };
            if keep { *c } else { HIDDEN }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_masked_as_the_rules_say() {
        for (name, masked) in [
            ("李明", "李*"),
            ("张小明", "张*明"),
            ("王一二三", "王**三"),
            ("欧阳华", "欧阳*"),
            ("欧阳小华", "欧阳*华"),
            ("司马相如", "司马*如"),
            ("诸葛孔明明", "诸葛**明"),
            ("爱新觉罗", "爱**罗"),
            ("买买提·艾力", "买**·*力"),
            (" 李明 ", "李*"),
            ("李", "*"),
            ("", ""),
        ] {
            assert_eq!(mask_name(name), masked, "{name}");
        }
    }
}
