//! A message that tells the user where to go next says it for both faces
//! at once — “（应用：设置 → 三个小组；命令行：gongshi school groups …）” —
//! written once where the rule is; each face keeps its own half. The
//! desktop shows “（设置 → 三个小组）”, the command line the command.

/// Who reads the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    App,
    CommandLine,
}

const APP: &str = "（应用：";
const CLI: &str = "；命令行：";

/// “（应用：{app}；命令行：{cli}）”, the form [`for_face`] reads.
pub fn next_step(app: &str, cli: &str) -> String {
    format!("{APP}{app}{CLI}{cli}）")
}

/// `message` with each two-face next step reduced to the half for `face`.
/// Text without the marker is left as it is.
pub fn for_face(message: &str, face: Face) -> String {
    let mut said = message.to_owned();
    let mut from = 0;
    while let Some(start) = said[from..].find(APP).map(|i| from + i) {
        let Some(cli) = said[start..].find(CLI).map(|i| start + i) else {
            break;
        };
        let Some(end) = said[cli..].find('）').map(|i| cli + i) else {
            break;
        };
        let kept = match face {
            Face::App => &said[start + APP.len()..cli],
            Face::CommandLine => &said[cli + CLI.len()..end],
        };
        let kept = format!("（{kept}）");
        said.replace_range(start..end + '）'.len_utf8(), &kept);
        from = start + kept.len();
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_face_keeps_its_half() {
        let message = format!(
            "请先填写三个小组的成员{}，再签字。",
            next_step(
                "设置 → 三个小组",
                "gongshi school groups --supervision 姓名"
            )
        );
        assert_eq!(
            for_face(&message, Face::App),
            "请先填写三个小组的成员（设置 → 三个小组），再签字。"
        );
        assert_eq!(
            for_face(&message, Face::CommandLine),
            "请先填写三个小组的成员（gongshi school groups --supervision 姓名），再签字。"
        );
        let twice = format!("{message}{message}");
        assert_eq!(
            for_face(&twice, Face::CommandLine)
                .matches("gongshi school groups")
                .count(),
            2
        );
        for plain in [
            "标题：不能为空",
            "（应用：只有应用）",
            "（应用：甲；命令行：乙",
        ] {
            assert_eq!(for_face(plain, Face::App), plain);
            assert_eq!(for_face(plain, Face::CommandLine), plain);
        }
    }
}
